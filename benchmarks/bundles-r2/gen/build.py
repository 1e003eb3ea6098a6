"""Write the 24 round-2 bundles into OUT (deterministic: fixed seeds; a few seconds).

    python benchmarks/bundles-r2/gen/build.py OUT
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(out: Path) -> list[Path]:
    """Run every case generator with BUNDLES_OUT=out; the case folders written."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "BUNDLES_OUT": str(out)}
    for script in sorted(HERE.glob("case*.py")):
        subprocess.run([sys.executable, script.name], cwd=HERE, env=env, check=True, stdout=subprocess.DEVNULL)
    return sorted(p for p in out.iterdir() if p.is_dir())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build.py OUT")
    print(f"{len(build(Path(sys.argv[1])))} bundles in {sys.argv[1]}")

"""Generate small Python projects for the pyright workload (randomised)."""
import json, os, random, sys

root, seed = sys.argv[1], int(sys.argv[2])
rnd = random.Random(seed)

SNIPPETS = [
    'x: int = "text"\n',
    'def f(a: int) -> str:\n    return a\n',
    'import missing_module_{n}\n',
    'from os import not_a_name_{n}\n',
    'import json\njson.loads(1, 2, 3, 4)\n',
    'class A:\n    def m(self) -> int:\n        return 1\nA().nope\n',
    'def g(x):\n    y = 1\n    return x\n',
    'import os, sys\n',
    'from typing import List\nv: List[int] = [1, "a"]\n',
    'def h(a: int = None) -> None: ...\n',
    'print(undefined_name_{n})\n',
    'def broken(:\n    pass\n',
    'import localstub_{n}\nlocalstub_{n}.run(3)\n',
    'from helpers import util\nutil.helper("x")\n',
    'reveal_type([1, 2, 3])\n',
    'async def co() -> int:\n    return 1\nco() + 1\n',
    'x = 1\nx.append(2)\n',
    'import asyncio\nasyncio.sleep("a")\n',
    'def ok(a: int) -> int:\n    return a + 1\n',
    'try:\n    pass\nexcept Exception, e:\n    pass\n',
]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as fh:
        fh.write(text)


for p in range(int(sys.argv[3])):
    d = os.path.join(root, 'proj%d' % p)
    nfiles = rnd.randint(1, 5)
    for i in range(nfiles):
        body = ''.join(rnd.choice(SNIPPETS).format(n=rnd.randint(1, 4)) for _ in range(rnd.randint(1, 6)))
        sub = rnd.choice(['', 'src/', 'pkg/', 'tests/'])
        write(os.path.join(d, sub, 'm%d.py' % i), body)
    write(os.path.join(d, 'helpers', 'util.py'), 'def helper(a: int) -> int:\n    return a\n')
    if rnd.random() < 0.6:
        write(os.path.join(d, 'stubs', 'localstub_1.pyi'), 'def run(a: str) -> None: ...\n')
        write(os.path.join(d, 'stubs', 'localstub_2', '__init__.pyi'), 'def run(a: int) -> None: ...\n')
    kind = rnd.choice(['json', 'json', 'json', 'toml', 'none', 'badjson', 'badtoml', 'badvalues'])
    cfg = {}
    if rnd.random() < 0.7:
        cfg['include'] = rnd.sample(['src', 'pkg', 'tests', '.', 'nonexistent'], rnd.randint(1, 3))
    if rnd.random() < 0.5:
        cfg['exclude'] = ['tests', '**/skip*']
    if rnd.random() < 0.6:
        cfg['stubPath'] = rnd.choice(['stubs', 'nostubs'])
    if rnd.random() < 0.5:
        cfg['extraPaths'] = rnd.sample(['helpers', 'lib', '.'], rnd.randint(1, 2))
    if rnd.random() < 0.6:
        envs = []
        for e in range(rnd.randint(1, 3)):
            env = {'root': rnd.choice(['src', 'pkg', 'tests', 'gone'])}
            if rnd.random() < 0.5:
                env['pythonVersion'] = rnd.choice(['3.8', '3.10', '3.12', '3.13'])
            if rnd.random() < 0.5:
                env['pythonPlatform'] = rnd.choice(['Linux', 'Windows', 'Darwin'])
            if rnd.random() < 0.5:
                env['extraPaths'] = ['helpers']
            if rnd.random() < 0.3:
                env['name'] = 'env%d' % e
            envs.append(env)
        cfg['executionEnvironments'] = envs
    if rnd.random() < 0.5:
        cfg['typeCheckingMode'] = rnd.choice(['basic', 'standard', 'strict', 'off'])
    if rnd.random() < 0.5:
        cfg['reportUnusedVariable'] = rnd.choice(['warning', 'information', 'error'])
        cfg['reportMissingModuleSource'] = 'warning'
    if rnd.random() < 0.3:
        cfg['pythonVersion'] = rnd.choice(['3.9', '3.11'])
    if kind == 'badvalues':
        cfg.update(rnd.choice([{'pythonVersion': 'three'}, {'reportUnusedVariable': 'loud'},
                               {'include': 'src'}, {'strict': 5}, {'unknownSetting': True},
                               {'typeCheckingMode': 'extreme'}, {'pythonPlatform': 'Amiga'},
                               {'executionEnvironments': [{'pythonVersion': '3.12'}]},
                               {'venvPath': 'venvs', 'venv': 'nope'}]))
    if kind in ('json', 'badvalues'):
        write(os.path.join(d, 'pyrightconfig.json'), json.dumps(cfg, indent=2))
    elif kind == 'badjson':
        write(os.path.join(d, 'pyrightconfig.json'), json.dumps(cfg)[:-3] + ',,')
    elif kind == 'toml':
        lines = ['[tool.pyright]']
        for k, v in cfg.items():
            if k != 'executionEnvironments':
                lines.append('%s = %s' % (k, json.dumps(v)))
        write(os.path.join(d, 'pyproject.toml'), '\n'.join(lines) + '\n')
    elif kind == 'badtoml':
        write(os.path.join(d, 'pyproject.toml'), '[tool.pyright\ninclude = ["src"\n')
    if rnd.random() < 0.3:
        write(os.path.join(d, 'mypkg', '__init__.py'), 'def api(a, b=1):\n    return a\nclass K:\n    x = 1\n')
        write(os.path.join(d, 'mypkg', 'py.typed'), '')

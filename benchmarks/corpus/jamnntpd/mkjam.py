#!/usr/bin/env python3
"""Create empty JAM message bases (header file + empty data, index and lastread files)."""
import struct, sys, time
for base in sys.argv[1:]:
    with open(base + ".jhr", "wb") as f:
        f.write(b"JAM\0" + struct.pack("<IIIII", int(time.time()), 0, 0, 0xFFFFFFFF, 1) + b"\0" * 1000)
    for ext in (".jdt", ".jdx", ".jlr"):
        open(base + ext, "wb").close()

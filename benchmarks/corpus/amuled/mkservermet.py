#!/usr/bin/env python3
"""Write an eD2k server.met listing local fake servers by hostname (dynamic-IP entries).
usage: mkservermet.py OUT PORT[:NAME] ..."""
import struct, sys

def tag_str(name_id, value):
    v = value.encode()
    return struct.pack("<BHB", 0x02, 1, name_id) + struct.pack("<H", len(v)) + v

def tag_int(name_id, value):
    return struct.pack("<BHBI", 0x03, 1, name_id, value)

out, specs = sys.argv[1], sys.argv[2:]
data = struct.pack("<BI", 0x0E, len(specs))
for spec in specs:
    port, _, name = spec.partition(":")
    tags = [tag_str(0x85, "localhost"), tag_str(0x01, name or "Local %s" % port),
            tag_str(0x0B, "fake server on port %s" % port), tag_int(0x0E, 1)]
    data += struct.pack("<IHI", 0x0100007F, int(port), len(tags)) + b"".join(tags)
open(out, "wb").write(data)

#!/usr/bin/env python3
"""Emit an xmlpipe2 or tsv stream of random documents (used by indexer)."""
import random, sys, time
WORDS = ("apple banana cherry delta engine falcon garden harbor island jungle kernel lemon "
         "mountain network ocean planet quartz river sunset tiger umbrella valley window "
         "yellow zebra search index daemon socket thread buffer cluster replica shard").split()
def text(n): return " ".join(random.choice(WORDS) for _ in range(n))
mode = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
bad = len(sys.argv) > 3 and sys.argv[3] == "bad"
if mode == "xml":
    print('<?xml version="1.0" encoding="utf-8"?>\n<sphinx:docset>')
    print('<sphinx:schema><sphinx:field name="title" attr="string"/><sphinx:field name="body"/>'
          '<sphinx:attr name="group_id" type="int" bits="32"/><sphinx:attr name="published" type="timestamp"/>'
          '<sphinx:attr name="price" type="float"/><sphinx:attr name="tags" type="multi"/></sphinx:schema>')
    for i in range(1, n + 1):
        print(f'<sphinx:document id="{i}"><title>{text(3)}</title><body>{text(random.randint(5, 40))}</body>'
              f'<group_id>{random.randint(1, 9)}</group_id><published>{int(time.time()) - random.randint(0, 10**6)}</published>'
              f'<price>{random.uniform(1, 500):.2f}</price><tags>{",".join(str(random.randint(1, 20)) for _ in range(3))}</tags></sphinx:document>')
    if bad:
        print('<sphinx:document id="0"><title>broken')
    print('</sphinx:docset>')
else:
    for i in range(1, n + 1):
        print(f"{i}\t{text(4)}\t{text(random.randint(5, 30))}\t{random.randint(1, 5)}")

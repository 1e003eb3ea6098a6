#!/usr/bin/env python3
"""Print a small random TSV document set for the indexer's tsvpipe source: id, title, body, price, cat."""
import random, sys
words = "alpha beta gamma delta search engine index query token morph stem phrase proximity ranking field weight cluster shard replica agent daemon socket buffer cache lexer charset".split()
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
for i in range(1, n + 1):
    t = " ".join(random.choices(words, k=random.randint(2, 5)))
    b = " ".join(random.choices(words, k=random.randint(8, 30)))
    print(f"{i}\t{t}\t{b}\t{random.randint(1, 500)}\t{random.randint(1, 9)}")

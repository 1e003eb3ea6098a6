#!/usr/bin/env python3
"""Exits (crashes) after a short random time: drives respawns and flapping detection."""
import os, random, sys, time
time.sleep(random.uniform(0.1, float(sys.argv[1]) if len(sys.argv) > 1 else 2.0))
print(f"crasher {os.getpid()} giving up", file=sys.stderr, flush=True)
sys.exit(random.choice([1, 2, 3, 0]))

#!/usr/bin/env python3
"""Run a command with SIGINT restored to its default action (a background job may inherit it ignored)."""
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])

#!/usr/bin/python3
# Start the packaged xandikos with the root logger at DEBUG: xandikos 0.2.8
# calls logging.basicConfig(level=INFO), which is a no-op once configured here.
import logging
import sys
logging.basicConfig(level=logging.DEBUG)
from xandikos.__main__ import main
sys.exit(main(sys.argv))

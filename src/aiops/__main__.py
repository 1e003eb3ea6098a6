"""`python -m aiops` runs the CLI."""

import sys

from aiops.cli.main import main

sys.exit(main())

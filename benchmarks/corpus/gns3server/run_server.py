"""Start gns3server's own main(); only quiets third-party libraries' per-call debug traces
(aiosqlite SQL calls, watchdog inotify events, python-multipart parser callbacks)."""
import logging, sys
from gns3server.main import main
for name in ("aiosqlite", "watchdog", "multipart", "python_multipart"):
    logging.getLogger(name).setLevel(logging.INFO)
sys.exit(main())

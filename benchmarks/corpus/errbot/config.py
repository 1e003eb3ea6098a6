# Errbot configuration for the round31 workload (text backend, DEBUG log to a file).
import logging
BACKEND = "Text"
BOT_DATA_DIR = r"/tmp/round31-r31l/errbot-data"
BOT_EXTRA_PLUGIN_DIR = r"/work/round31/errbot/plugins"
BOT_EXTRA_BACKEND_DIR = r"/tmp/round31-r31l/errbot-backends"
BOT_LOG_FILE = r"/tmp/round31-r31l/errbot-run/errbot.log"
BOT_LOG_LEVEL = logging.DEBUG
BOT_ADMINS = ("@admin",)
BOT_PREFIX = "!"
BOT_ALT_PREFIXES = ("Err",)
BOT_ASYNC = True
BOT_ASYNC_POOLSIZE = 4
SUPPRESS_CMD_NOT_FOUND = False
HIDE_RESTRICTED_COMMANDS = False
ACCESS_CONTROLS_DEFAULT = {}
ACCESS_CONTROLS = {
    "status": {"allowusers": ("@admin", "@alice")},
    "Ops:secret": {"allowusers": ("@admin",), "allowmuc": False},
    "uptime": {"denyusers": ("@mallory",)},
    "history": {"allowprivate": False},
    "echo": {"denyrooms": ("#quiet",)},
}
BOT_IDENTITY = {"username": "@errbot"}
CORE_PLUGINS = None
TEXT_COLOR_THEME = "nocolor"
MESSAGE_SIZE_LIMIT = 4000
BOT_ALT_PREFIX_SEPARATORS = (":", ",", ";")
DIVERT_TO_PRIVATE = ("help",)
DIVERT_TO_THREAD = ()
CHATROOM_PRESENCE = ()

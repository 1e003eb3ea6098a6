# boot module with a bad handler list: names a handler module that does not exist
from salmon.routing import Router

from .boot import *  # noqa: F401,F403

Router.load(['app.handlers.sample', 'app.handlers.nosuchmodule', 'salmon.handlers.forward'])

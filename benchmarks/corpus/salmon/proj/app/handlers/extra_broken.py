# replaces extra.py during the run to simulate a bad deploy picked up by Router.RELOAD
from salmon.routing import route, stateless

undefined_helper()  # noqa: F821

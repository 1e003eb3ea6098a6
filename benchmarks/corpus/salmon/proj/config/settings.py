# This file contains python variables that configure Salmon for email processing.

# You may add additional parameters such as `username' and `password' if your
# relay server requires authentication, `starttls' (boolean) or `ssl' (boolean)
# for secure connections.
relay_config = {'host': '127.0.0.1', 'port': 61201}

receiver_config = {'host': '127.0.0.1', 'port': 61200}

handlers = ['app.handlers.sample', 'app.handlers.extra', 'salmon.handlers.forward']

router_defaults = {'host': '.+'}

# the config/boot.py will turn these values into variables set in settings

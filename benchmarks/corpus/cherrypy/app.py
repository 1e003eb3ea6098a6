"""Small CherryPy application server used for the log benchmark.

Error (engine) log -> cherrypy.error.log, access log -> cherrypy.access.log (both written by CherryPy)."""
import json
import logging
import os
import random
import sys
import time

import cherrypy
from cherrypy.lib import auth_basic
from cherrypy.process import plugins

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = int(os.environ.get("APP_PORT", "38300"))
USERS = {"alice": "wonderland", "bob": "builder"}
STORE = {}


def check_pw(realm, user, password):
    return USERS.get(user) == password


class Heartbeat(plugins.Monitor):
    """Periodic task that reports the size of the key/value store."""

    def __init__(self, bus):
        super().__init__(bus, self.beat, frequency=5, name="Heartbeat")

    def beat(self):
        cherrypy.log("store holds %d keys, %d sessions seen" % (len(STORE), Root.sessions_seen), "APP")


class Api:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self):
        return {"keys": sorted(STORE)}

    @cherrypy.expose
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def put(self, key):
        if cherrypy.request.method != "POST":
            raise cherrypy.HTTPError(405)
        STORE[key] = cherrypy.request.json
        cherrypy.log("stored key %r (%d bytes)" % (key, len(json.dumps(STORE[key]))), "APP")
        return {"ok": True}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def get(self, key):
        if key not in STORE:
            cherrypy.log("lookup of missing key %r" % key, "APP", severity=logging.WARNING)
            raise cherrypy.NotFound()
        return STORE[key]

    @cherrypy.expose
    def delete(self, key):
        if STORE.pop(key, None) is None:
            raise cherrypy.HTTPError(404, "no such key")
        cherrypy.log("deleted key %r" % key, "APP")
        return "deleted"


class Secure:
    @cherrypy.expose
    def index(self):
        user = cherrypy.request.login
        cherrypy.log("user %s opened the secure area" % user, "APP")
        return "secret for %s" % user


class Root:
    sessions_seen = 0

    def __init__(self):
        self.api = Api()
        self.secure = Secure()

    @cherrypy.expose
    def index(self):
        return "CherryPy log benchmark app"

    @cherrypy.expose
    def hello(self, name="world"):
        return "Hello %s" % name

    @cherrypy.expose
    def counter(self):
        n = cherrypy.session.get("n", 0) + 1
        if n == 1:
            Root.sessions_seen += 1
        cherrypy.session["n"] = n
        return str(n)

    @cherrypy.expose
    def logout(self):
        cherrypy.lib.sessions.expire()
        return "bye"

    @cherrypy.expose
    def cached(self, item="a"):
        time.sleep(0.05)
        return "item %s computed at %f" % (item, time.time())

    @cherrypy.expose
    def big(self):
        return "lorem ipsum dolor sit amet " * 400

    @cherrypy.expose
    def crash(self, kind="value"):
        if kind == "zero":
            return str(1 / 0)
        if kind == "key":
            return {}["missing"]
        raise ValueError("bad value for crash: %s" % kind)

    @cherrypy.expose
    def go(self, where="/hello"):
        raise cherrypy.HTTPRedirect(where)

    @cherrypy.expose
    def teapot(self):
        raise cherrypy.HTTPError(418, "I'm a teapot")

    @cherrypy.expose
    def slow(self, secs="1"):
        time.sleep(min(float(secs), 3))
        return "slept"

    @cherrypy.expose
    def upload(self, f=None):
        if f is None:
            raise cherrypy.HTTPError(400, "no file")
        size = len(f.file.read())
        cherrypy.log("received upload %s of %d bytes" % (f.filename, size), "APP")
        return "got %d bytes" % size


def main():
    cherrypy.config.update({
        "global": {
            "server.socket_host": "127.0.0.1",
            "server.socket_port": PORT,
            "server.thread_pool": 6,
            "server.socket_timeout": 3,
            "environment": None,
            "engine.autoreload.on": True,
            "engine.autoreload.frequency": 1,
            "log.screen": False,
            "log.error_file": os.path.join(HERE, "cherrypy.error.log"),
            "log.access_file": os.path.join(HERE, "cherrypy.access.log"),
            "request.show_tracebacks": True,
            "tools.log_headers.on": False,
        }
    })
    cherrypy.log.error_log.setLevel(logging.DEBUG)
    conf = {
        "/": {
            "tools.sessions.on": True,
            "tools.sessions.debug": True,
            "tools.sessions.timeout": 1,
            "tools.gzip.on": True,
            "tools.gzip.debug": True,
            "tools.encode.on": True,
            "tools.encode.debug": True,
        },
        "/cached": {"tools.caching.on": True, "tools.caching.debug": True, "tools.caching.delay": 5},
        "/static": {
            "tools.staticdir.on": True,
            "tools.staticdir.dir": os.path.join(HERE, "static"),
            "tools.staticdir.debug": True,
        },
        "/secure": {
            "tools.auth_basic.on": True,
            "tools.auth_basic.realm": "bench",
            "tools.auth_basic.checkpassword": check_pw,
            "tools.auth_basic.debug": True,
        },
    }
    plugins.PIDFile(cherrypy.engine, os.path.join(HERE, "cherrypy.pid")).subscribe()
    Heartbeat(cherrypy.engine).subscribe()
    cherrypy.tree.mount(Root(), "/", conf)
    if hasattr(cherrypy.engine, "signal_handler"):
        cherrypy.engine.signal_handler.subscribe()
    cherrypy.engine.start()
    cherrypy.engine.block()


if __name__ == "__main__":
    main()

import sys, time, random
import Pyro5.api, Pyro5.errors, Pyro5.server

class Denied(Pyro5.api.Daemon):
    def validateHandshake(self, conn, data):
        if isinstance(data, dict) and data.get("token") == "bad":
            raise ValueError("token rejected")
        return super().validateHandshake(conn, data)

@Pyro5.api.expose
class Calc:
    def add(self, a, b):
        return a + b
    def divide(self, a, b):
        return a / b
    def lookup(self, key):
        return {"a": 1, "b": 2}[key]
    def slow(self, secs):
        time.sleep(secs)
        return secs
    @Pyro5.api.oneway
    def fire(self, n):
        time.sleep(0.01 * n)
    def count(self, n):
        for i in range(n):
            yield i
    def openfile(self, path):
        with open(path) as f:
            return f.read(10)
    @property
    def version(self):
        return "1.0"

@Pyro5.api.expose
@Pyro5.api.behavior(instance_mode="session")
class Session:
    def ping(self):
        return "pong"

@Pyro5.api.expose
@Pyro5.api.behavior(instance_mode="percall")
class PerCall:
    def ping(self):
        return "pong"

class Broken:
    def __init__(self):
        raise RuntimeError("cannot build")
    @Pyro5.api.expose
    def ping(self):
        return 1
Broken = Pyro5.api.expose(Broken)

def main():
    port = int(sys.argv[1]); nsport = int(sys.argv[2])
    with Denied(host="127.0.0.1", port=port) as daemon:
        ns = Pyro5.api.locate_ns(host="127.0.0.1", port=nsport)
        for name, cls in (("calc", Calc), ("session", Session), ("percall", PerCall), ("broken", Broken)):
            uri = daemon.register(cls, "obj." + name)
            ns.register("demo." + name, uri, metadata={"kind:" + name})
        daemon.requestLoop()

if __name__ == "__main__":
    main()

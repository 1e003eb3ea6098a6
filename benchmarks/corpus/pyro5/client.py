import sys, random, socket, time
import Pyro5.api, Pyro5.errors
from Pyro5 import config

port = int(sys.argv[1]); nsport = int(sys.argv[2]); n = int(sys.argv[3])
rnd = random.Random()
ACTIONS = ["add"] * 12 + ["divzero"] * 3 + ["keyerr"] * 2 + ["slow"] * 2 + ["oneway"] * 3 + ["iter"] * 3 + \
    ["missingfile"] * 2 + ["noname"] * 2 + ["noobject"] * 2 + ["deadport"] * 1 + ["garbage"] * 2 + ["badproto"] * 1 + \
    ["idle"] * 1 + ["denied"] * 1 + ["session"] * 3 + ["percall"] * 3 + ["broken"] * 1 + ["nslist"] * 4 + \
    ["register"] * 2 + ["unregister"] * 1 + ["batch"] * 1 + ["attr"] * 2 + ["badattr"] * 1 + ["timeout"] * 1 + ["halfmsg"] * 1

def ns():
    return Pyro5.api.locate_ns(host="127.0.0.1", port=nsport)

for _ in range(n):
    a = rnd.choice(ACTIONS)
    try:
        if a == "add":
            with Pyro5.api.Proxy("PYRONAME:demo.calc@127.0.0.1:%d" % nsport) as p:
                p.add(rnd.randint(1, 99), rnd.randint(1, 99))
        elif a == "divzero":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.divide(rnd.randint(1, 9), 0)
        elif a == "keyerr":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.lookup(rnd.choice("xyz"))
        elif a == "slow":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.slow(rnd.random() * 0.3)
        elif a == "timeout":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p._pyroTimeout = 0.2
                p.slow(0.6)
        elif a == "oneway":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.fire(rnd.randint(1, 5))
        elif a == "iter":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                list(p.count(rnd.randint(1, 20)))
        elif a == "missingfile":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.openfile("/tmp/round37-r37e/nope-%d.txt" % rnd.randint(1, 999))
        elif a == "noname":
            with ns() as x:
                x.lookup("demo.missing%d" % rnd.randint(1, 50))
        elif a == "noobject":
            with Pyro5.api.Proxy("PYRO:obj.ghost%d@127.0.0.1:%d" % (rnd.randint(1, 9), port)) as p:
                p.ping()
        elif a == "deadport":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % (48090 + rnd.randint(0, 9))) as p:
                p.ping()
        elif a == "garbage":
            s = socket.create_connection(("127.0.0.1", rnd.choice([port, nsport])))
            s.sendall(rnd.choice([b"GET / HTTP/1.0\r\n\r\n", b"PYRO\x00\x99" + b"\x00" * 40, b"hello there\n"]))
            time.sleep(0.05); s.close()
        elif a == "halfmsg":
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"PYRO"); s.close()
        elif a == "badproto":
            config.SERIALIZER = "marshal"
            try:
                with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                    p.add(1, 2)
            finally:
                config.SERIALIZER = "serpent"
        elif a == "idle":
            s = socket.create_connection(("127.0.0.1", port))
            time.sleep(rnd.choice([0.1, 2.5])); s.close()
        elif a == "denied":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p._pyroHandshake = {"token": "bad"}
                p.add(1, 1)
        elif a == "session":
            with Pyro5.api.Proxy("PYRO:obj.session@127.0.0.1:%d" % port) as p:
                for _ in range(rnd.randint(1, 3)):
                    p.ping()
        elif a == "percall":
            with Pyro5.api.Proxy("PYRONAME:demo.percall@127.0.0.1:%d" % nsport) as p:
                p.ping()
        elif a == "broken":
            with Pyro5.api.Proxy("PYRO:obj.broken@127.0.0.1:%d" % port) as p:
                p.ping()
        elif a == "nslist":
            with ns() as x:
                rnd.choice([lambda: x.list(), lambda: x.list(prefix="demo."), lambda: x.list(metadata_any={"kind:calc"}), lambda: x.ping()])()
        elif a == "register":
            with ns() as x:
                x.register("temp.svc%d" % rnd.randint(1, 30), "PYRO:obj.tmp@127.0.0.1:%d" % (48080 + rnd.randint(0, 9)))
        elif a == "unregister":
            with ns() as x:
                x.remove(prefix="temp.")
        elif a == "batch":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                b = Pyro5.api.BatchProxy(p)
                for i in range(rnd.randint(2, 5)):
                    b.add(i, i)
                list(b())
        elif a == "attr":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.version
        elif a == "badattr":
            with Pyro5.api.Proxy("PYRO:obj.calc@127.0.0.1:%d" % port) as p:
                p.nosuchmethod()
    except Exception:
        pass
    time.sleep(rnd.random() * 0.05)

"""Random OPC UA client activity against uaserver: python client.py URL ROUNDS."""
import asyncio, random, socket, sys
from asyncua import Client, ua

URL, ROUNDS = sys.argv[1], int(sys.argv[2])
HOST, PORT = URL.split("//")[1].split(":")[0], int(URL.rsplit(":", 1)[1])


class Handler:
    def datachange_notification(self, node, val, data):
        pass

    def event_notification(self, event):
        pass


async def session():
    c = Client(URL, timeout=4)
    c.session_timeout = random.choice([30000, 600000, 3600000])
    if random.random() < 0.2:
        c.set_user(random.choice(["operator", "guest"]))
        c.set_password("pw%d" % random.randint(1, 99))
    await c.connect()
    try:
        ns = await c.get_namespace_index("http://examples.freeopcua.github.io")
        objs = c.nodes.objects
        myobj = await objs.get_child([f"{ns}:MyObject"])
        for _ in range(random.randint(1, 8)):
            op = random.choices(["read", "readbad", "write", "writero", "writetype", "browse", "call", "callbad",
                                 "sub", "history", "addnode", "delnode", "translate", "attrs", "ns"],
                                [20, 5, 10, 4, 3, 10, 5, 3, 5, 2, 3, 2, 4, 4, 2])[0]
            try:
                if op == "read":
                    n = random.choice([c.nodes.server_state, c.get_node("i=2258"), await myobj.get_child(f"{ns}:MyVariable"),
                                       await myobj.get_child(f"{ns}:MyVarArray")])
                    await n.read_value()
                elif op == "readbad":
                    await c.get_node(f"ns={ns};i={random.randint(500, 900)}").read_value()
                elif op == "write":
                    await (await myobj.get_child(f"{ns}:MyWritableVariable")).write_value(random.uniform(-50, 50))
                elif op == "writero":
                    await (await myobj.get_child(f"{ns}:MyVariable")).write_value(1.5)
                elif op == "writetype":
                    await (await myobj.get_child(f"{ns}:MyWritableVariable")).write_value("text")
                elif op == "browse":
                    await random.choice([objs, myobj, c.nodes.server, c.nodes.types]).get_children()
                elif op == "call":
                    await myobj.call_method(f"{ns}:MyMethod", random.uniform(0, 9), random.randint(1, 9))
                elif op == "callbad":
                    await myobj.call_method(f"{ns}:MyMethod", "x")
                elif op == "sub":
                    sub = await c.create_subscription(random.choice([100, 250, 500]), Handler())
                    h = await sub.subscribe_data_change(await myobj.get_child(f"{ns}:MyVariable"))
                    if random.random() < 0.4:
                        await sub.subscribe_events()
                    await asyncio.sleep(random.uniform(0.3, 2.0))
                    if random.random() < 0.7:
                        await sub.unsubscribe(h)
                        await sub.delete()
                elif op == "history":
                    await (await myobj.get_child(f"{ns}:MyVariable")).read_raw_history()
                elif op == "addnode":
                    await myobj.add_variable(ns, "Tmp%d" % random.randint(1, 50), random.random())
                elif op == "delnode":
                    await c.get_node(f"ns={ns};i={random.randint(8, 40)}").delete()
                elif op == "translate":
                    await objs.get_child([f"{ns}:MyObject", random.choice([f"{ns}:MyProperty", f"{ns}:Nope"])])
                elif op == "attrs":
                    await myobj.read_browse_name(); await myobj.read_display_name(); await myobj.read_node_class()
                elif op == "ns":
                    await c.get_namespace_array()
            except Exception:
                pass
    finally:
        if random.random() < 0.85:
            await c.disconnect()
        else:
            c.uaclient.protocol.transport.abort()  # drop the connection without closing the session


def garbage():
    s = socket.create_connection((HOST, PORT))
    s.sendall(random.choice([b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"HELXF\x10\x00\x00\x00garbage!",
                             b"\x00" * 40, b"MSGF\x20\x00\x00\x00\x01\x00\x00\x00" + b"\x00" * 20]))
    s.settimeout(1)
    try:
        s.recv(100)
    except Exception:
        pass
    s.close()


async def main():
    for _ in range(ROUNDS):
        try:
            if random.random() < 0.1:
                garbage()
            else:
                await session()
        except Exception:
            pass


asyncio.run(main())

import asyncio, logging, random, socket, sys
from zeroconf import ServiceStateChange, NonUniqueNameException, BadTypeInNameException, IPVersion
from zeroconf.asyncio import AsyncZeroconf, AsyncServiceBrowser, AsyncServiceInfo

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s", level=logging.WARNING, stream=sys.stderr)
logging.getLogger("zeroconf").setLevel(logging.DEBUG)

R = random.Random(int(sys.argv[1]))
DUR = float(sys.argv[2])
ADDR = sys.argv[3]
ROLE = sys.argv[4]
TYPES = ["_r45a._tcp.local.", "_http._tcp.local.", "_printer._tcp.local."]
NAMES = ["kitchen", "office", "garage", "lab", "attic", "den", "hall"]

def info(name, t, port=None, props=None):
    return AsyncServiceInfo(t, f"{name}.{t}", addresses=[socket.inet_aton(ADDR)], port=port or R.randint(46200, 46499),
                            properties=props or {"v": str(R.randint(1, 9)), "role": ROLE}, server=f"{ROLE}-{name}.local.")

async def main():
    zc = AsyncZeroconf(interfaces=[ADDR], ip_version=IPVersion.V4Only)
    pending = []
    def on_change(zeroconf, service_type, name, state_change):
        if state_change is not ServiceStateChange.Removed and R.random() < 0.7:
            pending.append((service_type, name))
    browsers = [AsyncServiceBrowser(zc.zeroconf, TYPES[:2] if ROLE == "main" else TYPES[1:], handlers=[on_change])]
    mine = {}
    loop = asyncio.get_running_loop()
    end = loop.time() + DUR
    while loop.time() < end:
        a = R.choices(["register", "update", "unregister", "conflict", "lookup", "missing", "badtype", "garbage", "idle"], [6, 4, 3, 2, 4, 2, 1, 3, 3])[0]
        try:
            if a == "register" and len(mine) < 6:
                n = R.choice(NAMES) + "-" + ROLE + str(R.randint(1, 20))
                if n not in mine:
                    i = info(n, R.choice(TYPES))
                    await (await zc.async_register_service(i, allow_name_change=R.random() < 0.3))
                    mine[n] = i
            elif a == "update" and mine:
                n = R.choice(list(mine))
                old = mine[n]
                i = AsyncServiceInfo(old.type, old.name, addresses=old.addresses, port=old.port,
                                     properties={"v": str(R.randint(10, 99)), "role": ROLE}, server=old.server)
                await (await zc.async_update_service(i))
                mine[n] = i
            elif a == "unregister" and mine:
                n = R.choice(list(mine))
                await (await zc.async_unregister_service(mine.pop(n)))
            elif a == "conflict":
                n = R.choice(NAMES) + "-shared"
                await (await zc.async_register_service(info(n, TYPES[0]), allow_name_change=R.random() < 0.5))
            elif a == "lookup" and pending:
                t, n = pending.pop(R.randrange(len(pending)))
                await zc.async_get_service_info(t, n, timeout=R.choice([500, 1500]))
            elif a == "missing":
                await zc.async_get_service_info(TYPES[0], f"ghost{R.randint(1,99)}.{TYPES[0]}", timeout=R.choice([300, 800]))
            elif a == "garbage" and ROLE == "peer":
                g = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                g.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(ADDR))
                g.sendto(R.choice([b"\x00\x00\x84\x00\x00\x00\x00\x01\x00\x00\x00\x00\x05junk", bytes(R.randrange(256) for _ in range(R.randint(12, 40))), b"\x00" * 11]), ("224.0.0.251", 5353))
                g.close()
            elif a == "badtype":
                await zc.async_get_service_info("_bad", "x._bad", timeout=200)
            else:
                await asyncio.sleep(R.random() * 1.5)
        except (NonUniqueNameException, BadTypeInNameException, ValueError, OSError):
            pass
        await asyncio.sleep(R.random() * 0.5)
    if ROLE == "main" or R.random() < 0.5:
        await zc.async_unregister_all_services()
        await zc.async_close()

asyncio.run(main())

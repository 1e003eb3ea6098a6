# Agent, notification receiver and managers in one asyncio process (no logging statements here).
import asyncio, random, sys
from pysnmp import debug
from pysnmp.entity import engine, config
from pysnmp.entity.rfc3413 import cmdrsp, context, ntfrcv
from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.hlapi.v3arch.asyncio import (
    SnmpEngine, CommunityData, UsmUserData, UdpTransportTarget, ContextData,
    ObjectType, ObjectIdentity, NotificationType, OctetString, Integer32,
    get_cmd, next_cmd, bulk_cmd, set_cmd, send_notification,
    usmHMACMD5AuthProtocol, usmHMACSHAAuthProtocol, usmDESPrivProtocol,
    usmAesCfb128Protocol, usmNoAuthProtocol, usmNoPrivProtocol,
)

rng = random.Random(int(sys.argv[1]))
NOPS = int(sys.argv[2])
debug.set_logger(debug.Debug(*sys.argv[3].split(',')))

AGENT = 46501
NTF = 46502
DEAD = 46503


def build_agent():
    e = engine.SnmpEngine()
    config.add_transport(e, udp.DOMAIN_NAME, udp.UdpTransport().open_server_mode(("127.0.0.1", AGENT)))
    config.add_v1_system(e, "ro-area", "public")
    config.add_v1_system(e, "rw-area", "private")
    config.add_v3_user(e, "usr-md5-des", config.USM_AUTH_HMAC96_MD5, "authkey123", config.USM_PRIV_CBC56_DES, "privkey123")
    config.add_v3_user(e, "usr-sha-aes", config.USM_AUTH_HMAC96_SHA, "authkey456", config.USM_PRIV_CFB128_AES, "privkey456")
    config.add_v3_user(e, "usr-none")
    config.add_vacm_user(e, 1, "ro-area", "noAuthNoPriv", (1, 3, 6))
    config.add_vacm_user(e, 2, "ro-area", "noAuthNoPriv", (1, 3, 6))
    config.add_vacm_user(e, 1, "rw-area", "noAuthNoPriv", (1, 3, 6), (1, 3, 6))
    config.add_vacm_user(e, 2, "rw-area", "noAuthNoPriv", (1, 3, 6), (1, 3, 6))
    config.add_vacm_user(e, 3, "usr-md5-des", "authPriv", (1, 3, 6), (1, 3, 6, 1, 2, 1))
    config.add_vacm_user(e, 3, "usr-sha-aes", "authPriv", (1, 3, 6), (1, 3, 6, 1, 2, 1))
    config.add_vacm_user(e, 3, "usr-none", "noAuthNoPriv", (1, 3, 6))
    ctx = context.SnmpContext(e)
    cmdrsp.GetCommandResponder(e, ctx)
    cmdrsp.SetCommandResponder(e, ctx)
    cmdrsp.NextCommandResponder(e, ctx)
    cmdrsp.BulkCommandResponder(e, ctx)
    return e


def build_receiver():
    e = engine.SnmpEngine()
    config.add_transport(e, udp.DOMAIN_NAME, udp.UdpTransport().open_server_mode(("127.0.0.1", NTF)))
    config.add_v1_system(e, "trap-area", "public")
    config.add_v3_user(e, "usr-sha-aes", config.USM_AUTH_HMAC96_SHA, "authkey456", config.USM_PRIV_CFB128_AES, "privkey456",
                       securityEngineId=engine_id)
    ntfrcv.NotificationReceiver(e, lambda *a: None)
    return e


engine_id = None

AUTHS = {
    "v1-ro": lambda: CommunityData("public", mpModel=0),
    "v2-ro": lambda: CommunityData("public"),
    "v2-rw": lambda: CommunityData("private"),
    "v1-rw": lambda: CommunityData("private", mpModel=0),
    "v2-bad": lambda: CommunityData("wrongcomm"),
    "v1-bad": lambda: CommunityData("nosuch", mpModel=0),
    "v3-md5": lambda: UsmUserData("usr-md5-des", "authkey123", "privkey123", authProtocol=usmHMACMD5AuthProtocol, privProtocol=usmDESPrivProtocol),
    "v3-sha": lambda: UsmUserData("usr-sha-aes", "authkey456", "privkey456", authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol),
    "v3-none": lambda: UsmUserData("usr-none"),
    "v3-badkey": lambda: UsmUserData("usr-sha-aes", "wrongkey99", "privkey456", authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol),
    "v3-baduser": lambda: UsmUserData("ghost", "authkey123", authProtocol=usmHMACMD5AuthProtocol),
    "v3-badlevel": lambda: UsmUserData("usr-md5-des", "authkey123", authProtocol=usmHMACMD5AuthProtocol),
}
OIDS = [("SNMPv2-MIB", "sysDescr", 0), ("SNMPv2-MIB", "sysUpTime", 0), ("SNMPv2-MIB", "sysName", 0),
        ("SNMPv2-MIB", "sysContact", 0), ("SNMPv2-MIB", "sysLocation", 0), ("SNMPv2-MIB", "sysObjectID", 0),
        ("1.3.6.1.2.1.1.9.9.0",), ("1.3.6.1.4.1.99999.1.0",), ("1.3.6.1.2.1.2.1.0",), ("SNMPv2-MIB", "snmpInPkts", 0)]


def oid(t):
    return ObjectType(ObjectIdentity(*t))


KINDS = ["get", "next", "bulk", "set", "trap", "inform", "dead"]


async def manager(mgr):
    plan = rng.sample(KINDS, len(KINDS)) + rng.choices(KINDS, [30, 14, 10, 12, 8, 6, 3], k=max(0, NOPS - len(KINDS)))
    for i, op in enumerate(plan[:NOPS]):
        try:
            await asyncio.wait_for(one_op(mgr, i, op), 3)
        except Exception:
            pass
        await asyncio.sleep(0.05)


async def one_op(mgr, i, op):
    if True:
        auth_name = rng.choices(list(AUTHS), [14, 18, 8, 4, 4, 2, 6, 8, 4, 3, 3, 2])[0]
        auth = AUTHS[auth_name]()
        port = DEAD if op == "dead" else AGENT
        tgt = await UdpTransportTarget.create(("127.0.0.1", port), timeout=0.4, retries=rng.choice([0, 0, 1]))
        try:
            if op in ("get", "dead"):
                vbs = [oid(rng.choice(OIDS)) for _ in range(rng.randint(1, 3))]
                await get_cmd(mgr, auth, tgt, ContextData(), *vbs)
            elif op == "next":
                await next_cmd(mgr, auth, tgt, ContextData(), oid(rng.choice(OIDS)), lookupMib=rng.random() < 0.7)
            elif op == "bulk":
                await bulk_cmd(mgr, auth, tgt, ContextData(), 0, rng.randint(1, 6), oid(rng.choice(OIDS)))
            elif op == "set":
                name = rng.choice(["sysName", "sysContact", "sysLocation", "sysDescr", "sysUpTime"])
                val = rng.choice([OctetString("host-%d" % rng.randint(1, 99)), Integer32(rng.randint(1, 9))])
                await set_cmd(mgr, auth, tgt, ContextData(), ObjectType(ObjectIdentity("SNMPv2-MIB", name, 0), val))
            elif op in ("trap", "inform"):
                ntgt = await UdpTransportTarget.create(("127.0.0.1", NTF), timeout=0.4, retries=0)
                nauth = rng.choice([CommunityData("public", mpModel=0), CommunityData("public"), CommunityData("other")]) \
                    if op == "trap" else CommunityData("public")
                await send_notification(mgr, nauth, ntgt, ContextData(), op,
                                        NotificationType(ObjectIdentity("SNMPv2-MIB", rng.choice(["coldStart", "warmStart"]))).add_varbinds(
                                            ("1.3.6.1.2.1.1.1.0", OctetString("event %d" % i))))
        except Exception:
            pass


async def main():
    global agent, engine_id
    agent = build_agent()
    engine_id = None
    recv = build_receiver()
    mgr = SnmpEngine()
    await manager(mgr)
    mgr.close_dispatcher()
    recv.close_dispatcher()
    agent.close_dispatcher()

asyncio.run(main())

# Randomised ldap3 client (no logging statements of its own; only a handler for ldap3's logger).
import logging, random, sys, os, signal, time
from ldap3 import Server, Connection, SYNC, RESTARTABLE, ALL, NONE, MODIFY_REPLACE, MODIFY_ADD, MODIFY_DELETE, SUBTREE, LEVEL, BASE
from ldap3.utils.log import set_library_log_detail_level, EXTENDED

logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(asctime)s %(name)s %(levelname)s %(message)s")
set_library_log_detail_level(EXTENDED)

rng = random.Random(int(sys.argv[1]))
NOPS = int(sys.argv[2])
SLAPD_PID = int(sys.argv[3])
PORT = 46601
BASE_DN = "dc=example,dc=org"
ADMIN = ("cn=admin," + BASE_DN, "adminpw")
people = []


def conn(good=True, who=None, strategy=SYNC, timeout=None, info=NONE):
    srv = Server("127.0.0.1", port=PORT, get_info=info, connect_timeout=rng.choice([1, 2]))
    if who is None:
        who = ADMIN if good else (ADMIN[0], "wrong%d" % rng.randint(1, 99))
    return Connection(srv, user=who[0], password=who[1], client_strategy=strategy, receive_timeout=timeout,
                      auto_referrals=rng.random() < 0.5, raise_exceptions=False)


def op_add(c):
    uid = "u%03d" % rng.randint(1, 200)
    dn = "uid=%s,ou=people,%s" % (uid, BASE_DN)
    ok = c.add(dn, ["inetOrgPerson", "posixAccount"] if rng.random() < 0.3 else ["inetOrgPerson"],
               {"cn": "User " + uid, "sn": uid.upper(), "uid": uid, "userPassword": "pw" + uid,
                "uidNumber": rng.randint(1000, 2000), "gidNumber": 100, "homeDirectory": "/home/" + uid}
               if rng.random() < 0.3 else {"cn": "User " + uid, "sn": uid.upper(), "userPassword": "pw" + uid})
    if ok:
        people.append(uid)


def op_search(c):
    flt = rng.choice(["(objectClass=*)", "(uid=u0*)", "(cn=User*)", "(&(objectClass=inetOrgPerson)(sn=U1*))",
                      "(badattr=x)", "(cn=User", "(|(uid=u001)(uid=u002))"])
    base = rng.choice([BASE_DN, "ou=people," + BASE_DN, "ou=nothere," + BASE_DN, "ou=remote," + BASE_DN])
    try:
        c.search(base, flt, rng.choice([SUBTREE, LEVEL, BASE]), attributes=rng.choice([["cn", "sn"], ["*"], None]),
                 size_limit=rng.choice([0, 0, 3]))
    except Exception:
        pass


def op_paged(c):
    try:
        c.extend.standard.paged_search("ou=people," + BASE_DN, "(objectClass=inetOrgPerson)", attributes=["cn"],
                                       paged_size=rng.randint(2, 6), generator=False)
    except Exception:
        pass


def op_modify(c):
    uid = rng.choice(people) if people and rng.random() < 0.8 else "ghost%d" % rng.randint(1, 9)
    dn = "uid=%s,ou=people,%s" % (uid, BASE_DN)
    kind = rng.choice(["replace", "add", "delete", "badattr"])
    if kind == "replace":
        c.modify(dn, {"description": [(MODIFY_REPLACE, ["note %d" % rng.randint(1, 999)])]})
    elif kind == "add":
        c.modify(dn, {"mail": [(MODIFY_ADD, ["%s@example.org" % uid])]})
    elif kind == "delete":
        c.modify(dn, {"telephoneNumber": [(MODIFY_DELETE, [])]})
    else:
        try:
            c.modify(dn, {"noSuchAttr": [(MODIFY_REPLACE, ["x"])]})
        except Exception:
            pass


def op_delete(c):
    if people and rng.random() < 0.7:
        uid = people.pop(rng.randrange(len(people)))
    else:
        uid = "ghost%d" % rng.randint(1, 9)
    c.delete("uid=%s,ou=people,%s" % (uid, BASE_DN))


def op_rename(c):
    if people:
        uid = people.pop(rng.randrange(len(people)))
        new = "u%03d" % rng.randint(201, 400)
        if c.modify_dn("uid=%s,ou=people,%s" % (uid, BASE_DN), "uid=" + new):
            people.append(new)


def op_compare(c):
    uid = rng.choice(people) if people else "u001"
    c.compare("uid=%s,ou=people,%s" % (uid, BASE_DN), "sn", rng.choice([uid.upper(), "NOPE"]))


def op_whoami(c):
    c.extend.standard.who_am_i()


OPS = [(op_search, 30), (op_add, 18), (op_modify, 14), (op_delete, 6), (op_paged, 6), (op_rename, 3),
       (op_compare, 5), (op_whoami, 3)]


def session():
    kind = rng.choices(["admin", "badpw", "user", "anon", "timeout", "down", "restartable", "info"],
                       [30, 8, 8, 5, 4, 3, 4, 2])[0]
    if kind == "down":
        c = conn()
        if SLAPD_PID > 0: os.kill(SLAPD_PID, signal.SIGSTOP)
        try:
            c.open()
            c.bind()
            c.search(BASE_DN, "(objectClass=*)", BASE)
        except Exception:
            pass
        if SLAPD_PID > 0: os.kill(SLAPD_PID, signal.SIGCONT)
        try:
            c.unbind()
        except Exception:
            pass
        return
    if kind == "badpw":
        c = conn(good=False)
    elif kind == "user":
        uid = rng.choice(people) if people else "u001"
        c = conn(who=("uid=%s,ou=people,%s" % (uid, BASE_DN), rng.choice(["pw" + uid, "bad"])))
    elif kind == "anon":
        c = conn(who=(None, None))
    elif kind == "timeout":
        c = conn(timeout=1)
    elif kind == "restartable":
        c = conn(strategy=RESTARTABLE)
    elif kind == "info":
        c = conn(info=ALL)
    else:
        c = conn()
    try:
        if not c.bind():
            c.unbind()
            return
    except Exception:
        return
    if kind == "timeout":
        if SLAPD_PID > 0: os.kill(SLAPD_PID, signal.SIGSTOP)
        try:
            c.search(BASE_DN, "(objectClass=*)", SUBTREE)
        except Exception:
            pass
        if SLAPD_PID > 0: os.kill(SLAPD_PID, signal.SIGCONT)
    for _ in range(rng.randint(2, 7)):
        fn = rng.choices([o for o, w in OPS], [w for o, w in OPS])[0]
        try:
            fn(c)
        except Exception:
            pass
    try:
        c.unbind()
    except Exception:
        pass


for i in range(NOPS):
    session()

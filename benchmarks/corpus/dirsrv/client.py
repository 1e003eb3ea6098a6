#!/usr/bin/env python3
"""Randomised LDAP client for the 389-ds instance r25 (127.0.0.1:46389 / ldaps 46636).
Usage: client.py OPS [SEED] -- runs OPS random operations; prints nothing of interest."""
import random, socket, sys, time
import ldap
import ldap.modlist
from ldap.controls import SimplePagedResultsControl
from ldap.controls.sss import SSSRequestControl

URI = "ldap://127.0.0.1:46389"
LDAPS = "ldaps://127.0.0.1:46636"
BASE = "dc=example,dc=com"
PEOPLE = "ou=people," + BASE
GROUPS = "ou=groups," + BASE
DM = ("cn=Directory Manager", "Secret_DM_pw1")
r = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
ldap.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
ldap.set_option(ldap.OPT_TIMEOUT, 20)
NAMES = ["ada", "bob", "cyd", "dee", "eve", "fox", "gil", "hal", "ian", "joy", "kai", "lou", "max", "ned", "ole", "pam",
         "roy", "sue", "tim", "una", "vic", "wes", "yan", "zed"]
DEPTS = ["dev", "ops", "sales", "hr"]


def conn(uri=URI, who=DM, tls=False):
    c = ldap.initialize(uri)
    c.protocol_version = 3
    if tls:
        c.start_tls_s()
    if who:
        c.simple_bind_s(*who)
    return c


def b(v):
    return [x.encode() for x in v] if isinstance(v, list) else [v.encode()]


def uid():
    return r.choice(NAMES) + str(r.randint(1, 12))


def user_dn(u):
    return "uid=%s,%s" % (u, PEOPLE)


def existing(c, what="uid", base=PEOPLE, flt=None):
    if flt is None:  # a few candidates only (a search over all users floods the ACL summary)
        flt = "(uid=%s*)" % r.choice(NAMES)
    try:
        res = c.search_s(base, ldap.SCOPE_ONELEVEL, flt, [what])
        return [dn for dn, _ in res if dn]
    except ldap.LDAPError:
        return []


def add_user(c):
    u = uid()
    attrs = {"objectClass": b(["top", "person", "organizationalPerson", "inetOrgPerson", "posixAccount"]),
             "uid": b(u), "cn": b(u.title()), "sn": b("Tester"), "uidNumber": b(r.choice(["-1", str(r.randint(40000, 49999))])),
             "gidNumber": b("40000"), "homeDirectory": b("/home/" + u), "userPassword": b("Pw-" + u + "-123"),
             "mail": b("%s@example.com" % (u if r.random() < 0.8 else r.choice(NAMES))),
             "departmentNumber": b(r.choice(DEPTS))}
    c.add_s(user_dn(u), ldap.modlist.addModlist(attrs))


def add_bad(c):
    k = r.randint(0, 5)
    u = uid()
    if k == 0:   # objectclass violation: no sn
        c.add_s(user_dn(u), [("objectClass", b(["top", "person"])), ("cn", b(u))])
    elif k == 1:  # undefined attribute
        c.add_s(user_dn(u), [("objectClass", b(["top", "person"])), ("cn", b(u)), ("sn", b("x")), ("shoeSize", b("44"))])
    elif k == 2:  # parent does not exist
        c.add_s("uid=%s,ou=nowhere,%s" % (u, BASE), [("objectClass", b(["top", "person"])), ("cn", b(u)), ("sn", b("x"))])
    elif k == 3:  # entry already exists
        c.add_s(PEOPLE, [("objectClass", b(["top", "organizationalUnit"])), ("ou", b("people"))])
    elif k == 4:  # invalid syntax
        c.add_s(user_dn(u), [("objectClass", b(["top", "person", "posixAccount"])), ("cn", b(u)), ("sn", b("x")),
                             ("uid", b(u)), ("uidNumber", b("lots")), ("gidNumber", b("1")), ("homeDirectory", b("/h"))])
    else:        # invalid DN
        c.add_s("uid=%s,,,%s" % (u, BASE), [("objectClass", b(["top", "person"])), ("cn", b(u)), ("sn", b("x"))])


def modify_user(c):
    dns = existing(c)
    if not dns:
        return add_user(c)
    dn = r.choice(dns)
    k = r.randint(0, 4)
    if k == 0:
        c.modify_s(dn, [(ldap.MOD_REPLACE, "description", b("note %d" % r.randint(0, 999)))])
    elif k == 1:
        c.modify_s(dn, [(ldap.MOD_REPLACE, "telephoneNumber", b(r.choice(["+1 555 0100", "not a phone #"])))])
    elif k == 2:
        c.modify_s(dn, [(ldap.MOD_REPLACE, "mail", b("%s@example.com" % r.choice(NAMES + ["x"])))])
    elif k == 3:
        c.modify_s(dn, [(ldap.MOD_DELETE, "nosuchattr", None)])
    else:
        c.modify_s(dn, [(ldap.MOD_REPLACE, "departmentNumber", b(r.choice(DEPTS)))])


def group_op(c):
    g = "grp-" + r.choice(["alpha", "beta", "gamma", "delta"])
    gdn = "cn=%s,%s" % (g, GROUPS)
    users = existing(c)
    k = r.randint(0, 3)
    if k == 0 or not users:
        c.add_s(gdn, [("objectClass", b(["top", "groupOfNames"])), ("cn", b(g))] +
                ([("member", b(r.sample(users, min(len(users), 3))))] if users else []))
    elif k == 1:
        c.modify_s(gdn, [(ldap.MOD_ADD, "member", b(r.choice(users)))])
    elif k == 2:
        c.modify_s(gdn, [(ldap.MOD_DELETE, "member", b(r.choice(users)))])
    else:
        c.modify_s(gdn, [(ldap.MOD_ADD, "member", b("uid=ghost,%s" % PEOPLE))])


def delete_op(c):
    dns = existing(c)
    k = r.randint(0, 4)
    if k == 0:
        c.delete_s(user_dn("nobody%d" % r.randint(0, 9)))
    elif k == 1:
        c.delete_s(PEOPLE)  # not allowed on non-leaf
    elif dns:
        c.delete_s(r.choice(dns))


def modrdn_op(c):
    dns = existing(c)
    if not dns:
        return
    dn = r.choice(dns)
    c.rename_s(dn, "uid=%s" % uid(), delold=1)


def bind_op(c):
    dns = existing(c)
    k = r.randint(0, 4)
    if k == 0 and dns:
        dn = r.choice(dns)
        u = ldap.dn.str2dn(dn)[0][0][1]
        x = conn(who=(dn, "Pw-%s-123" % u))
        x.whoami_s()
        x.unbind_s()
    elif k == 1 and dns:
        conn(who=(r.choice(dns), "wrong-password"))
    elif k == 2:
        conn(who=(user_dn("nobody"), "whatever"))
    elif k == 3:
        x = conn(who=None)
        x.simple_bind_s("", "")
        x.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s*)" % r.choice(NAMES), ["cn"])
        x.unbind_s()
    else:
        conn(who=("cn=Directory Manager", "bad"))


def passwd_op(c):
    dns = existing(c)
    if not dns:
        return
    dn = r.choice(dns)
    u = ldap.dn.str2dn(dn)[0][0][1]
    x = conn(who=(dn, "Pw-%s-123" % u))
    x.passwd_s(dn, "Pw-%s-123" % u, r.choice(["short", "Pw-%s-123" % u, "Another-Long-Pw-1"]))


def search_op(c):
    k = r.randint(0, 7)
    if k == 0:
        c.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(&(uid=%s*)(departmentNumber=%s))" % (r.choice(NAMES), r.choice(DEPTS)), ["memberOf", "uid"])
    elif k == 1:
        c.search_s(GROUPS, ldap.SCOPE_SUBTREE, "(description=*%d*)" % r.randint(0, 9), ["description"])
    elif k == 2:
        c.search_ext_s(PEOPLE, ldap.SCOPE_SUBTREE, "(objectClass=*)", ["dn"], sizelimit=3)
    elif k == 3:
        ctrl = SimplePagedResultsControl(True, size=2, cookie="")
        c.search_ext_s(PEOPLE, ldap.SCOPE_ONELEVEL, "(uid=%s*)" % r.choice(NAMES), ["uid"], serverctrls=[ctrl])
    elif k == 4:
        c.search_ext_s(PEOPLE, ldap.SCOPE_ONELEVEL, "(uid=%s*)" % r.choice(NAMES), ["uid"], serverctrls=[SSSRequestControl(ordering_rules=["uid"])])
    elif k == 5:
        c.search_s("ou=nothere," + BASE, ldap.SCOPE_BASE, "(objectClass=*)")
    elif k == 6:
        c.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(&(uid=*)(", ["uid"])
    else:
        dns = existing(c)
        if dns:
            c.compare_s(r.choice(dns), "departmentNumber", b(r.choice(DEPTS))[0])


def anon_write(c):
    x = conn(who=None)
    x.modify_s(r.choice(existing(c) or [PEOPLE]), [(ldap.MOD_REPLACE, "description", b("vandal"))])


def garbage(c):
    s = socket.create_connection(("127.0.0.1", 46389), timeout=3)
    s.sendall(bytes(r.getrandbits(8) for _ in range(r.randint(1, 40))))
    try:
        s.recv(100)
    except OSError:
        pass
    s.close()


def tls_op(c):
    if r.random() < 0.5:
        x = conn(LDAPS)
    else:
        x = conn(tls=True)
    x.search_s(PEOPLE, ldap.SCOPE_ONELEVEL, "(uid=%s*)" % r.choice(NAMES), ["uid"])
    x.unbind_s()


def abandon_op(c):
    msgid = c.search(PEOPLE, ldap.SCOPE_SUBTREE, "(uid=%s*)" % r.choice(NAMES))
    c.abandon(msgid)


OPS = [(add_user, 6), (add_bad, 2), (modify_user, 5), (group_op, 4), (delete_op, 2), (modrdn_op, 2), (bind_op, 4),
       (passwd_op, 2), (search_op, 4), (anon_write, 1), (garbage, 1), (tls_op, 1), (abandon_op, 1)]


def main():
    n = int(sys.argv[1])
    funcs = [f for f, w in OPS for _ in range(w)]
    c = None
    for _ in range(n):
        try:
            if c is None:
                c = conn()
            r.choice(funcs)(c)
        except ldap.SERVER_DOWN:
            c = None
            time.sleep(0.5)
        except (ldap.LDAPError, OSError):
            pass
        time.sleep(r.uniform(0, 0.05))
    if c is not None:
        try:
            c.unbind_s()
        except ldap.LDAPError:
            pass


main()

#!/usr/bin/env python3
"""Write a randomised LDIF for the nslcd workload's private slapd; prints the user names."""
import random, sys, json, time
TODAY = int(time.time() // 86400)
r = random.Random()
B = "dc=example,dc=net"
out = []
def e(dn, *attrs):
    out.append("dn: %s\n%s\n" % (dn, "\n".join("%s: %s" % a for a in attrs)))
e(B, ("objectClass", "dcObject"), ("objectClass", "organization"), ("o", "example"), ("dc", "example"))
for ou in ["people", "groups", "hosts", "networks", "services", "protocols", "rpc", "ethers", "netgroup", "aliases"]:
    e("ou=%s,%s" % (ou, B), ("objectClass", "organizationalUnit"), ("ou", ou))
e("cn=admin," + B, ("objectClass", "organizationalRole"), ("cn", "admin"))
first = ["anna", "bert", "carl", "dora", "emil", "fay", "gus", "hana", "ivo", "jill", "kurt", "lena", "milo", "nina", "otto", "pia", "quin", "rosa", "sven", "tara", "udo", "vera", "walt", "xena", "yuri", "zoe"]
n = r.randint(18, 26)
names = r.sample(first, n)
users = []
for i, nm in enumerate(names):
    uid = 20000 + i * r.randint(1, 3) + i
    users.append((nm, uid))
    attrs = [("objectClass", "posixAccount"), ("objectClass", "shadowAccount"), ("objectClass", "inetOrgPerson"),
             ("uid", nm), ("cn", nm.title() + " Test"), ("sn", "Test"), ("uidNumber", str(uid)),
             ("gidNumber", str(r.choice([20000, 20001, 20002]))), ("homeDirectory", "/home/" + nm),
             ("loginShell", r.choice(["/bin/bash", "/bin/sh", "/bin/zsh"])), ("gecos", nm.title() + " Test"),
             ("userPassword", "pw-" + nm), ("shadowLastChange", str(TODAY - r.randint(0, 20) if r.random() < 0.75 else r.randint(15000, 20000))),
             ("shadowMax", str(r.choice([99999, 90, 30, 25]))), ("shadowWarning", "7")]
    if r.random() < 0.3:
        attrs.append(("shadowMin", str(r.choice([1, 5]))))
    if r.random() < 0.2:
        attrs.append(("shadowInactive", str(r.choice([3, 10000]))))
    if r.random() < 0.2:
        attrs.append(("shadowExpire", str(r.choice([1, 30000]))))
    e("uid=%s,ou=people,%s" % (nm, B), *attrs)
# broken entries that nslcd complains about
e("uid=bad user,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "bad user"),
  ("cn", "bad"), ("uidNumber", "20900"), ("gidNumber", "20000"), ("homeDirectory", "/home/bad"))
e("uid=nonum,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "nonum"),
  ("cn", "nonum"), ("uidNumber", "abc"), ("gidNumber", "20000"), ("homeDirectory", "/home/nonum"))
e("uid=nogid,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "nogid"),
  ("cn", "nogid"), ("uidNumber", "20901"), ("gidNumber", "x12"), ("homeDirectory", "/home/nogid"))
e("uid=lowuid,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "lowuid"),
  ("cn", "lowuid"), ("uidNumber", "50"), ("gidNumber", "20000"), ("homeDirectory", "/home/lowuid"))
e("uid=nohome,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "nohome"),
  ("cn", "nohome"), ("uidNumber", "20902"), ("gidNumber", "20000"), ("homeDirectory", ""), ("userPassword", "pw-nohome")) if False else None
e("uid=twouid,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "account"), ("uid", "twouid"),
  ("cn", "twouid"), ("uidNumber", "20903"), ("uidNumber", "20904"), ("gidNumber", "20000"), ("homeDirectory", "/home/twouid"),
  ("userPassword", "pw-twouid")) if False else None
e("uid=badshadow,ou=people," + B, ("objectClass", "posixAccount"), ("objectClass", "shadowAccount"), ("objectClass", "account"),
  ("uid", "badshadow"), ("cn", "badshadow"), ("uidNumber", "20905"), ("gidNumber", "20000"), ("homeDirectory", "/home/bs"),
  ("shadowLastChange", "yesterday"), ("shadowMax", "99x"), ("userPassword", "pw-badshadow"))
groups = [("staff", 20000), ("devs", 20001), ("ops", 20002), ("audit", 20003), ("big", 20004)]
for g, gid in groups:
    mem = r.sample(names, r.randint(2, min(8, n)))
    if g == "big":
        mem = names[:]
    attrs = [("objectClass", "posixGroup"), ("cn", g), ("gidNumber", str(gid))] + [("memberUid", m) for m in mem]
    if g == "audit":
        attrs.append(("memberUid", "ghost"))
        attrs.append(("memberUid", "bad user"))
    e("cn=%s,ou=groups,%s" % (g, B), *attrs)
e("cn=badgid,ou=groups," + B, ("objectClass", "posixGroup"), ("cn", "badgid"), ("gidNumber", "notnum"))
e("cn=bad group,ou=groups," + B, ("objectClass", "posixGroup"), ("cn", "bad group"), ("gidNumber", "20050"))
hosts = []
for i in range(r.randint(5, 10)):
    h = "host%02d" % i
    hosts.append(h)
    e("cn=%s,ou=hosts,%s" % (h, B), ("objectClass", "ipHost"), ("objectClass", "device"), ("cn", h),
      ("cn", h + ".example.net"), ("ipHostNumber", "127.0.%d.%d" % (r.randint(1, 9), i + 1)))
e("cn=v6host,ou=hosts," + B, ("objectClass", "ipHost"), ("objectClass", "device"), ("cn", "v6host"), ("ipHostNumber", "::1"))
e("cn=noaddr,ou=hosts," + B, ("objectClass", "ipHost"), ("objectClass", "device"), ("cn", "noaddr"), ("ipHostNumber", "not-an-ip"))
for i in range(r.randint(2, 5)):
    e("cn=net%d,ou=networks,%s" % (i, B), ("objectClass", "ipNetwork"), ("cn", "net%d" % i), ("ipNetworkNumber", "127.%d.0.0" % (i + 10)))
e("cn=badnet,ou=networks," + B, ("objectClass", "ipNetwork"), ("cn", "badnet"), ("ipNetworkNumber", "zz"))
for s, p in [("svc-a", 46700), ("svc-b", 46701), ("svc-c", 46702)]:
    e("cn=%s,ou=services,%s" % (s, B), ("objectClass", "ipService"), ("cn", s), ("ipServicePort", str(p)),
      ("ipServiceProtocol", "tcp"), ("ipServiceProtocol", "udp"))
e("cn=svc-bad,ou=services," + B, ("objectClass", "ipService"), ("cn", "svc-bad"), ("ipServicePort", "port"), ("ipServiceProtocol", "tcp"))
for p, num in [("proto-x", 200), ("proto-y", 201)]:
    e("cn=%s,ou=protocols,%s" % (p, B), ("objectClass", "ipProtocol"), ("cn", p), ("ipProtocolNumber", str(num)), ("description", p))
e("cn=proto-bad,ou=protocols," + B, ("objectClass", "ipProtocol"), ("cn", "proto-bad"), ("ipProtocolNumber", "many"))
for p, num in [("rpc-x", 400100), ("rpc-y", 400101)]:
    e("cn=%s,ou=rpc,%s" % (p, B), ("objectClass", "oncRpc"), ("cn", p), ("oncRpcNumber", str(num)), ("description", p))
e("cn=rpc-bad,ou=rpc," + B, ("objectClass", "oncRpc"), ("cn", "rpc-bad"), ("oncRpcNumber", "n/a"))
for i, h in enumerate(hosts[:4]):
    e("cn=%s,ou=ethers,%s" % (h, B), ("objectClass", "ieee802Device"), ("objectClass", "device"), ("cn", h),
      ("macAddress", "02:00:00:00:%02x:%02x" % (r.randint(0, 255), i)))
e("cn=ether-bad,ou=ethers," + B, ("objectClass", "ieee802Device"), ("objectClass", "device"), ("cn", "ether-bad"), ("macAddress", "zz:zz"))
e("cn=ng-admins,ou=netgroup," + B, ("objectClass", "nisNetgroup"), ("cn", "ng-admins"),
  ("nisNetgroupTriple", "(host00,%s,example.net)" % names[0]), ("nisNetgroupTriple", "(-,%s,)" % names[1]), ("memberNisNetgroup", "ng-ops"))
e("cn=ng-ops,ou=netgroup," + B, ("objectClass", "nisNetgroup"), ("cn", "ng-ops"), ("nisNetgroupTriple", "(host01,-,)"),
  ("memberNisNetgroup", "ng-admins"))
e("cn=ng-bad,ou=netgroup," + B, ("objectClass", "nisNetgroup"), ("cn", "ng-bad"), ("nisNetgroupTriple", "host01,x"))
e("cn=postmaster,ou=aliases," + B, ("objectClass", "nisMailAlias"), ("cn", "postmaster"), ("rfc822MailMember", names[0]), ("rfc822MailMember", "root"))
e("cn=team,ou=aliases," + B, ("objectClass", "nisMailAlias"), ("cn", "team"), *[("rfc822MailMember", x) for x in names[:4]])
sys.stdout.write("\n".join(out))
json.dump({"users": names, "groups": [g for g, _ in groups], "hosts": hosts}, open(sys.argv[1], "w"))

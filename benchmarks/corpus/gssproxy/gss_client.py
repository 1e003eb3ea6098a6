"""Randomised GSSAPI client load through the gssproxy interposer (GSS_USE_PROXY=yes),
plus raw/malformed messages on the gssproxy socket.  usage: gss_client.py COUNT"""
import os, random, socket, struct, sys, time
import gssapi
from gssapi.raw import misc

COUNT = int(sys.argv[1])
SOCK = os.environ.get("GSSPROXY_SOCKET", "/var/lib/gssproxy/default.sock")
rnd = random.Random()
SERVICES = ["HTTP@www.r31k.test"] * 6 + ["nfs@www.r31k.test", "host@www.r31k.test", "ldap@www.r31k.test", "HTTP@nohost.r31k.test"]
USERS = ["alice", "bob", "carol", "dave"]


def name(s, t=gssapi.NameType.hostbased_service):
    return gssapi.Name(s, t)


def acquire_init():
    u = rnd.choice(USERS)
    c = gssapi.Credentials(name=name(u + "@R31K.TEST", gssapi.NameType.kerberos_principal) if rnd.random() < 0.6 else None,
                           usage="initiate", lifetime=rnd.choice([None, 600, 3600]))
    return c


def acquire_accept():
    svc = rnd.choice(SERVICES + [None])
    return gssapi.Credentials(name=name(svc) if svc else None, usage="accept")


def full_handshake():
    icred = acquire_init() if rnd.random() < 0.7 else None
    target = rnd.choice(SERVICES)
    ictx = gssapi.SecurityContext(name=name(target), creds=icred, usage="initiate",
                                  flags=rnd.choice([None, gssapi.RequirementFlag.mutual_authentication | gssapi.RequirementFlag.integrity,
                                                    gssapi.RequirementFlag.delegate_to_peer | gssapi.RequirementFlag.mutual_authentication]))
    tok = ictx.step()
    if rnd.random() < 0.15:
        tok = tok[:len(tok) // 2] + bytes(rnd.getrandbits(8) for _ in range(8)) + tok[len(tok) // 2 + 8:]
    acred = acquire_accept() if rnd.random() < 0.6 else None
    actx = gssapi.SecurityContext(creds=acred, usage="accept")
    out = actx.step(tok)
    if out and not ictx.complete:
        ictx.step(out)
    if rnd.random() < 0.5:
        msg = os.urandom(rnd.randint(1, 200))
        w = ictx.wrap(msg, rnd.random() < 0.5)
        actx.unwrap(w.message)
        mic = actx.get_signature(msg)
        ictx.verify_signature(msg, mic)
    if rnd.random() < 0.3:
        actx.inquire()
        ictx.inquire()


def bogus_accept():
    actx = gssapi.SecurityContext(creds=acquire_accept() if rnd.random() < 0.5 else None, usage="accept")
    actx.step(rnd.choice([b"\x60\x05\x06\x03\x2a\x03\x04", os.urandom(rnd.randint(1, 80)), b"not a token"]))


def names():
    n = name(rnd.choice(SERVICES + ["x@y"]))
    n.canonicalize(gssapi.MechType.kerberos)
    gssapi.Name(rnd.choice(USERS), gssapi.NameType.user).canonicalize(gssapi.MechType.kerberos)


def mechs():
    misc.indicate_mechs()


def raw_socket():
    """speak (badly) to the gssproxy socket directly"""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    try:
        s.connect(SOCK)
        c = rnd.random()
        if c < 0.25:
            s.sendall(os.urandom(rnd.randint(1, 64)))
        elif c < 0.45:
            s.sendall(struct.pack(">I", 0x80000000 | 0x7ffffff0))  # absurd length
        elif c < 0.65:
            # an RPC call for the gssproxy program with a bad procedure or version
            xid = rnd.getrandbits(32)
            body = struct.pack(">IIIIII", xid, 0, 2, 400112, rnd.choice([1, 1, 2]), rnd.choice([0, 99, 3, 6, 8])) + struct.pack(">IIII", 0, 0, 0, 0)
            if rnd.random() < 0.5:
                body += os.urandom(rnd.randint(0, 40))
            s.sendall(struct.pack(">I", 0x80000000 | len(body)) + body)
        elif c < 0.8:
            body = struct.pack(">IIIIII", rnd.getrandbits(32), 0, 2, 100003, 3, 0) + struct.pack(">IIII", 0, 0, 0, 0)
            s.sendall(struct.pack(">I", 0x80000000 | len(body)) + body)
        # else: connect and hang up
        try:
            s.recv(4096)
        except OSError:
            pass
    except OSError:
        pass
    finally:
        s.close()


ACTIONS = [acquire_init, acquire_accept, full_handshake, bogus_accept, names, mechs, raw_socket]
weights = [rnd.choice([1, 2, 4, 8]) for _ in ACTIONS]
weights[2] *= 3
for _ in range(COUNT):
    try:
        rnd.choices(ACTIONS, weights)[0]()
    except (gssapi.exceptions.GSSError, ValueError, OSError) as e:
        pass
    except Exception as e:  # keep going whatever a single operation does
        print("client:", type(e).__name__, e, file=sys.stderr)

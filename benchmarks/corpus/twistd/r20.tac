# twistd application (run: twistd3 -n --logfile=FILE -y r20.tac): several of Twisted's own services at once,
# all on 127.0.0.1, ports 28480-28489.  BASE directory comes from the R20T_BASE environment variable.
import os
from twisted.application import service, strports
from twisted.cred import checkers, portal
from twisted.protocols import ftp, portforward
from twisted.web import server, static, proxy, resource, util
from twisted.conch import manhole_tap

BASE = os.environ.get("R20T_BASE", "/tmp/r20t")
application = service.Application("r20")
top = service.MultiService()
top.setServiceParent(application)

# --- web: static files, directory listings, a redirect, a reverse proxy to a live and a dead backend
root = static.File(os.path.join(BASE, "www"))
root.putChild(b"old", util.Redirect(b"/index.html"))
root.putChild(b"proxy", proxy.ReverseProxyResource("127.0.0.1", 28481, b""))
root.putChild(b"dead", proxy.ReverseProxyResource("127.0.0.1", 28489, b""))
root.putChild(b"gone", resource.NoResource("This page has gone away"))
root.putChild(b"private", resource.ForbiddenResource("Private area"))
site = server.Site(root)
site.sessionTimeout = 30
strports.service("tcp:28480:interface=127.0.0.1", site).setServiceParent(top)

backend = server.Site(static.File(os.path.join(BASE, "backend")))
strports.service("tcp:28481:interface=127.0.0.1", backend).setServiceParent(top)

# --- ftp: anonymous (read-only) and two users with homes
users = checkers.InMemoryUsernamePasswordDatabaseDontUse(alice=b"wonder", bob=b"builder")
p = portal.Portal(ftp.FTPRealm(os.path.join(BASE, "ftp", "pub"), os.path.join(BASE, "ftp", "home")),
                  [checkers.AllowAnonymousAccess(), users])
ff = ftp.FTPFactory(p)
ff.allowAnonymous = True
ff.timeOut = 20
ff.passivePortRange = range(28470, 28479)
strports.service("tcp:28482:interface=127.0.0.1", ff).setServiceParent(top)

# --- conch: manhole over SSH, password file
manhole_tap.makeService({
    "telnetPort": None,
    "sshPort": "tcp:28483:interface=127.0.0.1",
    "namespace": {"greeting": "hello"},
    "passwd": os.path.join(BASE, "manhole.passwd"),
    "sshKeyDir": os.path.join(BASE, "keys"),
    "sshKeyName": "server.key",
    "sshKeySize": 2048,
}).setServiceParent(top)

# --- portforward: to the web site
strports.service("tcp:28484:interface=127.0.0.1", portforward.ProxyFactory("127.0.0.1", 28480)).setServiceParent(top)

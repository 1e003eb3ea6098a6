import os
import random

from pyinfra import host
from pyinfra.facts.files import Directory, File, FindFiles
from pyinfra.facts.server import Hostname, Os
from pyinfra.operations import files, server

ROOT = os.environ["FAKEROOT"]
rnd = random.Random(int(os.environ.get("DSEED", "1")))

host.get_fact(Hostname)
if rnd.random() < 0.5:
    host.get_fact(Os)
host.get_fact(Directory, path=ROOT + "/etc")

for i in range(rnd.randint(1, 4)):
    files.directory(name="Ensure dir %d" % i, path="%s/srv/app%d" % (ROOT, i), present=True)

for i in range(rnd.randint(1, 3)):
    files.template(
        name="Render config %d" % i,
        src="/work/round43/pyinfra/templates/app.conf.j2",
        dest="%s/srv/app%d/app.conf" % (ROOT, i % 1),
        port=47500 + rnd.randint(0, 499),
        workers=rnd.randint(1, 9),
    )

if rnd.random() < 0.5:
    files.put(name="Upload motd", src="/work/round43/pyinfra/templates/motd.txt", dest=ROOT + "/etc/motd")
if rnd.random() < 0.3:
    files.put(name="Upload missing file", src="/work/round43/pyinfra/templates/nothere.txt", dest=ROOT + "/etc/nothere")
if rnd.random() < 0.4:
    files.line(name="Set a line", path=ROOT + "/etc/motd", line="^managed=.*", replace="managed=%d" % rnd.randint(1, 99))
if rnd.random() < 0.4:
    files.file(name="Touch a file", path=ROOT + "/var/log/app%d.log" % rnd.randint(1, 3), touch=True)
if rnd.random() < 0.3:
    files.file(name="Remove a file", path=ROOT + "/var/log/app1.log", present=False)
if rnd.random() < 0.3:
    files.link(name="Link config", path=ROOT + "/etc/app.conf", target=ROOT + "/srv/app0/app.conf")
if rnd.random() < 0.3:
    files.directory(name="Dir over a file", path=ROOT + "/etc/motd", present=True)

cmds = ["echo hello-%d" % rnd.randint(1, 99), "ls %s/srv" % ROOT, "true", "cat %s/etc/motd" % ROOT]
for i in range(rnd.randint(1, 3)):
    server.shell(name="Run commands %d" % i, commands=rnd.sample(cmds, rnd.randint(1, 3)))
if rnd.random() < 0.5:
    server.shell(name="A failing command", commands=["ls %s/does-not-exist-%d" % (ROOT, rnd.randint(1, 9))],
                 _ignore_errors=rnd.random() < 0.5)
if rnd.random() < 0.3:
    server.shell(name="A slow command", commands=["sleep 5"], _timeout=1)
if rnd.random() < 0.3:
    server.shell(name="Exit code", commands=["exit %d" % rnd.randint(2, 9)], _ignore_errors=True)
if rnd.random() < 0.3:
    host.get_fact(File, path=ROOT + "/etc/motd")
if rnd.random() < 0.3:
    host.get_fact(FindFiles, path=ROOT + "/srv")

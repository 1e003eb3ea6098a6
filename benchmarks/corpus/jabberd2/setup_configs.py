#!/usr/bin/env python3
"""Build the private jabberd2 configs in ./run from the Debian defaults in /etc/jabberd2
(ports 50347/50222/50223 on 127.0.0.1, own log/pid/db files, limits, ACLs, TLS, redirects)."""
import gzip, os, re, shutil, subprocess, sys
RUN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run")
os.makedirs(RUN, exist_ok=True)
for f in ["router.xml", "c2s.xml", "sm.xml", "router-users.xml", "router-filter.xml"]:
    shutil.copy("/etc/jabberd2/" + f, RUN)
with gzip.open("/usr/share/doc/jabberd2/db-setup.sqlite.gz", "rt") as g:
    open(RUN + "/db-setup.sqlite", "w").write(g.read())
if not os.path.exists(RUN + "/server.pem"):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", RUN + "/key.pem",
                    "-out", RUN + "/cert.pem", "-days", "30", "-subj", "/CN=localhost.localdomain"],
                   check=True, capture_output=True)
    open(RUN + "/server.pem", "w").write(open(RUN + "/cert.pem").read() + open(RUN + "/key.pem").read())
    os.remove(RUN + "/cert.pem"); os.remove(RUN + "/key.pem")

def edit(name, pairs, regex=()):
    p = os.path.join(RUN, name); s = open(p).read()
    for a, b in pairs:
        if a not in s:
            sys.exit("setup: %r not found in %s" % (a, name))
        s = s.replace(a, b, 1)
    for a, b in regex:
        s = re.sub(a, b, s, count=1, flags=re.S)
    open(p, "w").write(s)

edit("router.xml", [("/var/run/jabberd2/router.pid", RUN + "/router.pid"),
                    ("/var/log/jabberd2/router.log", RUN + "/router.log"),
                    ("<ip>0.0.0.0</ip>", "<ip>127.0.0.1</ip>"), ("<port>5347</port>", "<port>50347</port>"),
                    ("/etc/jabberd2/router-users.xml", RUN + "/router-users.xml"),
                    ("/etc/jabberd2/router-filter.xml", RUN + "/router-filter.xml")])
edit("sm.xml", [("/var/run/jabberd2/sm.pid", RUN + "/sm.pid"), ("/var/log/jabberd2/sm.log", RUN + "/sm.log"),
                ("<port>5347</port>", "<port>50347</port>"), ("/var/lib/jabberd2/sqlite.db", RUN + "/sqlite.db"),
                ("<lost>3</lost>", "<lost>12</lost>"),
                ("<id>localhost.localdomain</id>", "<id>localhost.localdomain</id>\n    <id>secure.localdomain</id>")],
     [(r"<sql>.*?</sql>", "<sql>PRAGMA synchronous = NORMAL;</sql>")])
edit("c2s.xml", [("/var/run/jabberd2/c2s.pid", RUN + "/c2s.pid"), ("/var/log/jabberd2/c2s.log", RUN + "/c2s.log"),
                 ("<port>5347</port>", "<port>50347</port>"), ("/var/lib/jabberd2/sqlite.db", RUN + "/sqlite.db"),
                 ("<lost>3</lost>", "<lost>12</lost>"),
                 ("<ip>0.0.0.0</ip>", "<ip>127.0.0.1</ip>"), ("<port>5222</port>", "<port>50222</port>"),
                 ("<id register-enable='mu'>localhost.localdomain</id>",
                  "<id register-enable='mu' password-change='mu' pemfile='%s/server.pem'>localhost.localdomain</id>\n"
                  "    <id require-starttls='mu' pemfile='%s/server.pem'>secure.localdomain</id>" % (RUN, RUN)),
                 ("<bytes>0</bytes>", "<bytes seconds='1' throttle='2'>30000</bytes>"),
                 ("<stanzas>1000</stanzas>", "<stanzas seconds='1' throttle='2'>40</stanzas>"),
                 ("<connects>0</connects>", "<connects seconds='5' throttle='4'>6</connects>"),
                 ("<interval>0</interval>", "<interval>3</interval>"), ("<idle>0</idle>", "<idle>12</idle>"),
                 ("<keepalive>0</keepalive>", "<keepalive>6</keepalive>"),
                 ("<order>allow,deny</order>", "<order>allow,deny</order>\n      <deny ip='127.0.0.66'/>\n"
                  "      <deny ip='127.0.9.0' mask='255.255.255.0'/>"),
                 ("    <ssl-port>5223</ssl-port>\n    -->", "    -->\n    <ssl-port>50223</ssl-port>"),
                 ("    <!--\n    <pemfile>/etc/jabberd2/server.pem</pemfile>\n    -->\n\n    <!-- SSL verify mode",
                  "    <pemfile>%s/server.pem</pemfile>\n\n    <!-- SSL verify mode" % RUN),
                 ("  <stream_redirect>\n    <!--",
                  "  <stream_redirect>\n    <redirect requested_domain=\"old.localdomain\" to_address=\"localhost\" "
                  "to_port=\"50222\" />\n    <redirect requested_domain=\"broken.localdomain\" to_address=\"localhost\" />\n    <!--")],
     [(r"<sql>.*?</sql>", "<sql>PRAGMA synchronous = NORMAL;</sql>")])

#!/bin/bash
# Round-12 corpus workload: fail2ban 1.0.2 (Debian 12 package) with a private configuration
# directory, socket, pid file and database, loglevel INFO, logtarget = its own file, for DURATION
# seconds. No firewall is touched: every jail uses actions that only write to files (the packaged
# `dummy` action and local ones, one of them failing now and then). Jails watch log files this
# script writes itself: sshd, nginx (auth, limit_req, bot search), postfix (rejects, SASL),
# dovecot, a custom web-app filter with its own date pattern, and recidive on fail2ban's own log.
# Workload: bursts of failures from many random IPs (some on the ignore list, some with old,
# future or missing timestamps), successes and noise lines, bans and automatic unbans, increasing
# ban times, manual banip/unbanip/unban --all, attempts, ignore-list and setting changes, reloads
# (all and single jails, --restart), jails added and removed, a filter with a bad regex that is
# later fixed, an action whose check fails, log files rotated and removed, flushlogs, server
# restarts and a final stop. Writes $OUT/fail2ban.log unchanged.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-300}
S=/tmp/r12f2b
export DEBIAN_FRONTEND=noninteractive
command -v fail2ban-client >/dev/null || apt-get install -y fail2ban
mkdir -p "$OUT"; rm -f "$OUT/fail2ban.log"
[ -S "$S/run/f2b.sock" ] && fail2ban-client -c "$S/conf" stop >/dev/null 2>&1
rm -rf "$S"; mkdir -p "$S"/{run,logs/nginx,state}
cp -r /etc/fail2ban "$S/conf"; rm -f "$S"/conf/jail.d/* "$S"/conf/fail2ban.d/*
cat > "$S/conf/fail2ban.local" <<EOF
[DEFAULT]
loglevel = INFO
logtarget = $S/fail2ban.log
socket = $S/run/f2b.sock
pidfile = $S/run/f2b.pid
dbfile = $S/run/f2b.sqlite3
dbpurgeage = 1d
EOF
# actions that only write files
cat > "$S/conf/action.d/r12file.conf" <<'EOF'
[Definition]
actionstart = echo "$(date +%%s) start <name>" >> <banfile>
actionstop = echo "$(date +%%s) stop <name>" >> <banfile>
actioncheck = test -f <banfile>
actionban = echo "$(date +%%s) ban <name> <ip> failures=<failures> bantime=<bantime>" >> <banfile>
actionunban = echo "$(date +%%s) unban <name> <ip>" >> <banfile>
[Init]
banfile = /tmp/r12f2b/state/bans.txt
EOF
# a flaky "notifier": its ban fails for some addresses, its check needs a marker file
cat > "$S/conf/action.d/r12notify.conf" <<'EOF'
[Definition]
actionstart = touch <marker>
actionstop = rm -f <marker>
actioncheck = test -e <marker>
actionrepair = touch <marker>
actionban = case "<ip>" in *7|*77) echo "notify queue full for <ip>" >&2; exit 3;; *3) r12-notify-send "<ip>";; *) echo "$(date +%%s) notify <name> <ip>" >> <spool>;; esac
actionunban = echo "$(date +%%s) clear <name> <ip>" >> <spool>
[Init]
marker = /tmp/r12f2b/state/notify.ready
spool = /tmp/r12f2b/state/notify.spool
EOF
cat > "$S/conf/filter.d/r12webapp.conf" <<'EOF'
[Definition]
failregex = ^\s*WARN auth: login failed for user=<F-USER>\S+</F-USER> from=<HOST> reason=\S+$
            ^\s*WARN auth: token rejected from=<HOST> path=\S+$
ignoreregex = ^\s*WARN auth: login failed for user=healthcheck\b
datepattern = ^%%Y-%%m-%%dT%%H:%%M:%%S
EOF
cat > "$S/conf/filter.d/r12api.conf" <<'EOF'
[Definition]
failregex = ^\s*api denied key=\S+ client=<HOST> status=403$
datepattern = ^%%Y-%%m-%%dT%%H:%%M:%%S
EOF
cp "$S/conf/filter.d/r12api.conf" "$S/state/r12api.good"
cat > "$S/state/r12api.bad" <<'EOF'
[Definition]
failregex = ^\s*api denied key=\S+ client=\S+ status=403$
datepattern = ^%%Y-%%m-%%dT%%H:%%M:%%S
EOF
L=$S/logs
for f in auth.log mail.log webapp.log api.log nginx/error.log nginx/access.log; do touch "$L/$f"; done
touch "$S/fail2ban.log"
write_jails() {  # $1: api jail enabled (true/false), $2: dovecot enabled
cat > "$S/conf/jail.local" <<EOF
[DEFAULT]
backend = polling
ignoreip = 127.0.0.1/8 ::1 192.0.2.0/28
bantime = 45s
findtime = 10m
maxretry = 4
banaction = r12file
action = r12file[banfile=$S/state/bans.txt]

[sshd]
enabled = true
mode = aggressive
logpath = $L/auth.log
maxretry = 3
bantime.increment = true
bantime.factor = 2
bantime.maxtime = 10m
action = r12file[banfile=$S/state/bans.txt]
         dummy[target=$S/state/dummy.sshd, init="sshd jail"]

[nginx-http-auth]
enabled = true
logpath = $L/nginx/error.log

[nginx-limit-req]
enabled = true
logpath = $L/nginx/error.log
maxretry = 6
findtime = 2m

[nginx-botsearch]
enabled = true
logpath = $L/nginx/access.log
maxretry = 3

[postfix]
enabled = true
mode = more
logpath = $L/mail.log

[postfix-sasl]
enabled = true
logpath = $L/mail.log
maxretry = 3
action = r12file[banfile=$S/state/bans.txt]
         r12notify

[dovecot]
enabled = $2
logpath = $L/mail.log

[r12webapp]
enabled = true
filter = r12webapp
logpath = $L/webapp.log
maxretry = 5
ignoreip = 127.0.0.1/8 10.20.0.0/16
ignorecommand = case "<ip>" in *.250|*.251) exit 0;; *) exit 1;; esac

[r12api]
enabled = $1
filter = r12api
logpath = $L/api.log
maxretry = 3

[recidive]
enabled = true
logpath = $S/fail2ban.log
banaction = r12file
bantime = 3m
findtime = 1h
maxretry = 3
EOF
}
declare -f write_jails > "$S/state/jails.sh"
write_jails false false
fail2ban-client -c "$S/conf" start >/dev/null 2>&1 || { echo "fail2ban did not start"; exit 1; }
sleep 2

python3 - "$S" "$DURATION" <<'PYEOF'
import ast, os, random, subprocess, sys, time, datetime, shutil
S, DURATION = sys.argv[1], float(sys.argv[2])
L = S + "/logs"
END = time.time() + DURATION
rnd = random.Random()

def f2b(*args):
    r = subprocess.run(["fail2ban-client", "-c", S + "/conf", *args], capture_output=True, text=True)
    return r.stdout

def ip4():
    k = rnd.random()
    if k < 0.25: return "203.0.113.%d" % rnd.randint(1, 254)
    if k < 0.45: return "198.51.100.%d" % rnd.randint(1, 254)
    if k < 0.5: return "192.0.2.%d" % rnd.randint(1, 40)          # partly on the ignore list
    return "%d.%d.%d.%d" % (rnd.choice([5, 23, 31, 37, 45, 46, 61, 77, 80, 89, 91, 103, 109, 112, 118, 125, 138, 141, 159, 171, 176, 185, 188, 193, 212, 217, 222]),
                            rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254))
def ip6():
    return "2001:db8:%x:%x::%x" % (rnd.randint(0, 0xffff), rnd.randint(0, 0xff), rnd.randint(1, 0xfff))
def anyip():
    return ip6() if rnd.random() < 0.12 else ip4()

users = ["root", "admin", "test", "oracle", "postgres", "ubuntu", "pi", "git", "deploy", "user", "guest", "ftpuser", "alice", "bob", "support", "jenkins", "www-data", "nagios"]
paths = ["/wp-login.php", "/phpmyadmin/index.php", "/admin/config.php", "/.env", "/cgi-bin/luci", "/xmlrpc.php", "/boaform/admin/formLogin", "/myadmin/scripts/setup.php", "/pma/index.php"]
hosts = ["example.org", "shop.example.org", "www.example.net"]
pool = [anyip() for _ in range(25)]          # recurring offenders

def syslog_ts(t=None):
    t = t or datetime.datetime.now()
    return t.strftime("%b ") + ("%2d" % t.day) + t.strftime(" %H:%M:%S")
def append(path, lines):
    with open(path, "a") as f:
        for l in lines: f.write(l + "\n")

def sshd_lines(ip, n, ts=None):
    out = []
    for _ in range(n):
        pid = rnd.randint(1000, 60000); port = rnd.randint(1024, 65535); u = rnd.choice(users)
        k = rnd.randrange(8)
        msg = [f"Failed password for {u} from {ip} port {port} ssh2",
               f"Failed password for invalid user {u} from {ip} port {port} ssh2",
               f"Invalid user {u} from {ip} port {port}",
               f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={u}",
               f"error: maximum authentication attempts exceeded for {u} from {ip} port {port} ssh2 [preauth]",
               f"Connection closed by authenticating user {u} {ip} port {port} [preauth]",
               f"User {u} from {ip} not allowed because not listed in AllowUsers",
               f"Received disconnect from {ip} port {port}:11: Bye Bye [preauth]"][k]
        out.append(f"{syslog_ts(ts)} bastion sshd[{pid}]: {msg}")
    return out
def sshd_ok(ip):
    pid = rnd.randint(1000, 60000)
    return [f"{syslog_ts()} bastion sshd[{pid}]: Accepted publickey for {rnd.choice(users)} from {ip} port {rnd.randint(1024, 65535)} ssh2: ED25519 SHA256:{os.urandom(6).hex()}",
            f"{syslog_ts()} bastion sshd[{pid}]: pam_unix(sshd:session): session opened for user deploy(uid=1000) by (uid=0)"]
def nginx_err(ip, n, kind):
    out = []
    for _ in range(n):
        t = datetime.datetime.now().strftime("%Y/%m/%d %H:%M:%S"); pid = rnd.randint(100, 9000); cid = rnd.randint(1, 99999); h = rnd.choice(hosts)
        if kind == "auth":
            why = rnd.choice(['password mismatch', 'was not found in "/etc/nginx/.htpasswd"'])
            out.append(f'{t} [error] {pid}#{pid}: *{cid} user "{rnd.choice(users)}": {why}, client: {ip}, server: {h}, request: "GET /admin/ HTTP/1.1", host: "{h}"')
        else:
            out.append(f'{t} [error] {pid}#{pid}: *{cid} limiting requests, excess: {rnd.random()*5:.3f} by zone "perip", client: {ip}, server: {h}, request: "GET /api/v1/items?page={rnd.randint(1, 99)} HTTP/1.1", host: "{h}"')
    return out
def nginx_acc(ip, n):
    t = datetime.datetime.now().astimezone().strftime("%d/%b/%Y:%H:%M:%S %z")
    return [f'{ip} - - [{t}] "GET {rnd.choice(paths)} HTTP/1.1" 404 {rnd.randint(150, 600)} "-" "Mozilla/5.0 (compatible; scanner/{rnd.randint(1, 9)}.0)"' for _ in range(n)]
def mail_lines(ip, n, kind):
    out = []
    for _ in range(n):
        pid = rnd.randint(1000, 60000); u = rnd.choice(users)
        if kind == "sasl":
            m = f"{syslog_ts()} mx1 postfix/smtpd[{pid}]: warning: unknown[{ip}]: SASL {rnd.choice(['LOGIN', 'PLAIN'])} authentication failed: {rnd.choice(['UGFzc3dvcmQ6', 'authentication failure'])}"
        elif kind == "reject":
            m = rnd.choice([
                f"{syslog_ts()} mx1 postfix/smtpd[{pid}]: NOQUEUE: reject: RCPT from unknown[{ip}]: 554 5.7.1 <{u}@elsewhere.test>: Relay access denied; from=<spam{rnd.randint(1, 999)}@bulk.test> to=<{u}@elsewhere.test> proto=ESMTP helo=<ylmf-pc>",
                f"{syslog_ts()} mx1 postfix/smtpd[{pid}]: NOQUEUE: reject: RCPT from unknown[{ip}]: 550 5.1.1 <{u}{rnd.randint(1, 99)}@example.org>: Recipient address rejected: User unknown in local recipient table; from=<> to=<{u}@example.org> proto=ESMTP helo=<[{ip}]>",
                f"{syslog_ts()} mx1 postfix/smtpd[{pid}]: improper command pipelining after CONNECT from unknown[{ip}]: GET / HTTP/1.1\\r\\n"])
        else:
            m = f"{syslog_ts()} mx1 dovecot: imap-login: Disconnected (auth failed, {rnd.randint(1, 3)} attempts in {rnd.randint(1, 9)} secs): user=<{u}>, method=PLAIN, rip={ip}, lip=10.0.0.5, TLS, session=<{os.urandom(8).hex()}>"
        out.append(m)
    return out
def webapp_lines(ip, n, ts=None, stamp=True):
    out = []
    for _ in range(n):
        t = (ts or datetime.datetime.now()).strftime("%Y-%m-%dT%H:%M:%S")
        if rnd.random() < 0.7:
            m = f"WARN auth: login failed for user={rnd.choice(users + ['healthcheck'])} from={ip} reason={rnd.choice(['bad_password', 'unknown_user', 'locked', 'expired_otp'])}"
        else:
            m = f"WARN auth: token rejected from={ip} path=/api/{rnd.choice(['orders', 'users', 'admin', 'export'])}"
        out.append((t + " " + m) if stamp else m)
    return out
def api_lines(ip, n):
    t = datetime.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    return [f"{t} api denied key={os.urandom(4).hex()} client={ip} status=403" for _ in range(n)]
def noise():
    t = datetime.datetime.now()
    append(L + "/auth.log", [f"{syslog_ts()} bastion CRON[{rnd.randint(1000, 60000)}]: pam_unix(cron:session): session closed for user root"])
    append(L + "/nginx/access.log", [f'{anyip()} - - [{t.astimezone().strftime("%d/%b/%Y:%H:%M:%S %z")}] "GET /index.html HTTP/1.1" 200 {rnd.randint(500, 9000)} "-" "curl/7.88.1"'])
    append(L + "/webapp.log", [t.strftime("%Y-%m-%dT%H:%M:%S") + f" INFO http: GET /health 200 {rnd.randint(1, 40)}ms"])

JAILS = ["sshd", "nginx-http-auth", "nginx-limit-req", "nginx-botsearch", "postfix", "postfix-sasl", "r12webapp", "recidive"]
api_on = False; dovecot_on = False; bad_api = False

def burst():
    ip = rnd.choice(pool) if rnd.random() < 0.5 else anyip()
    n = rnd.randint(1, 6)
    k = rnd.randrange(10)
    if k < 3: append(L + "/auth.log", sshd_lines(ip, n))
    elif k == 3: append(L + "/nginx/error.log", nginx_err(ip, n, "auth"))
    elif k == 4: append(L + "/nginx/error.log", nginx_err(ip, n + 3, "limit"))
    elif k == 5: append(L + "/nginx/access.log", nginx_acc(ip, n))
    elif k == 6: append(L + "/mail.log", mail_lines(ip, n, rnd.choice(["sasl", "reject", "dovecot"])))
    elif k == 7:
        if rnd.random() < 0.2: ip = "10.20.%d.%d" % (rnd.randint(0, 255), rnd.randint(1, 254))
        elif rnd.random() < 0.15: ip = "%d.%d.%d.%d" % (rnd.choice([45, 91, 185]), rnd.randint(0, 255), rnd.randint(0, 255), rnd.choice([250, 251]))
        append(L + "/webapp.log", webapp_lines(ip, n))
    elif k == 8: append(L + "/api.log", api_lines(ip, n))
    else:  # a spray from many addresses at once
        append(L + "/auth.log", sum((sshd_lines(anyip(), 1) for _ in range(rnd.randint(3, 10))), []))

def jails_conf(api, dovecot):
    subprocess.run(["bash", "-c", f"S={S}; L={L}; source {S}/state/jails.sh; write_jails {str(api).lower()} {str(dovecot).lower()}"])

def maybe_unban():
    try:
        banned = ast.literal_eval(f2b("banned").strip())
    except Exception:
        return []
    return [ip for d in banned for ips in d.values() for ip in ips]

def admin():
    global api_on, dovecot_on, bad_api
    k = rnd.randrange(26)
    j = rnd.choice(JAILS[:-1])
    if k < 3:
        ips = maybe_unban()
        ip = rnd.choice(ips) if ips and rnd.random() < 0.7 else anyip()
        f2b("set", rnd.choice(["sshd", j]), "unbanip", ip)
    elif k < 5:
        f2b("set", j, "banip", *[anyip() for _ in range(rnd.randint(1, 3))])
    elif k == 5:
        f2b("unban", *([rnd.choice(maybe_unban() or [anyip()])] if rnd.random() < 0.6 else ["--all"]))
    elif k == 6:
        f2b("set", j, "attempt", anyip(), "manual report %d" % rnd.randint(1, 999))
    elif k == 7:
        ip = ip4(); f2b("set", j, "addignoreip", ip)
        if rnd.random() < 0.5: f2b("set", j, "delignoreip", ip)
    elif k == 8:
        f2b("set", j, rnd.choice(["bantime", "findtime"]), str(rnd.choice([30, 45, 60, 90, 120, 600])))
    elif k == 9:
        f2b("set", j, "maxretry", str(rnd.randint(2, 6)))
    elif k == 10:
        f2b("reload")
    elif k == 11:
        f2b("reload", rnd.choice(JAILS))
    elif k == 12:
        f2b("reload", "--restart", *( ["--unban"] if rnd.random() < 0.3 else []), rnd.choice(JAILS))
    elif k == 13:   # add or remove jails through the configuration
        if rnd.random() < 0.5:
            api_on = not api_on
        else:
            dovecot_on = not dovecot_on
        jails_conf(api_on, dovecot_on)
        f2b("reload")
    elif k == 14:   # break / repair the api filter (regex without a host group)
        bad_api = not bad_api
        shutil.copy(S + "/state/r12api." + ("bad" if bad_api else "good"), S + "/conf/filter.d/r12api.conf")
        if not api_on:
            api_on = True
            jails_conf(True, dovecot_on)
        f2b("reload", *(["r12api"] if rnd.random() < 0.5 else []))
    elif k == 15:
        f2b("stop", rnd.choice(["nginx-limit-req", "nginx-botsearch", "postfix"]))
    elif k == 16:   # notifier marker removed: its check fails on the next ban
        try: os.remove(S + "/state/notify.ready")
        except FileNotFoundError: pass
        append(L + "/mail.log", mail_lines(rnd.choice(pool), 4, "sasl"))
    elif k == 17:   # rotate a watched log
        p = rnd.choice([L + "/auth.log", L + "/mail.log", L + "/nginx/error.log"])
        os.replace(p, p + ".1"); open(p, "a").close()
    elif k == 18:   # a watched log disappears for a while
        p = L + "/webapp.log"
        if os.path.exists(p): os.replace(p, p + ".gone")
        time.sleep(rnd.uniform(1, 3))
        if os.path.exists(p + ".gone"): os.replace(p + ".gone", p)
    elif k == 19:
        f2b("flushlogs")
    elif k == 20:   # entries with odd timestamps
        now = datetime.datetime.now()
        w = rnd.randrange(3)
        if w == 0: append(L + "/webapp.log", webapp_lines(rnd.choice(pool), 2, ts=now - datetime.timedelta(hours=rnd.randint(2, 30))))
        elif w == 1: append(L + "/webapp.log", webapp_lines(rnd.choice(pool), 2, ts=now + datetime.timedelta(hours=rnd.randint(2, 9))))
        else: append(L + "/webapp.log", webapp_lines(rnd.choice(pool), 2, stamp=False))
    elif k == 21:
        f2b("status", rnd.choice(JAILS), rnd.choice(["basic", "short", "extended", "geo", "details"]))
    elif k == 22:
        f2b("set", j, "unbanip", "--report-absent", anyip())
    elif k == 23:
        f2b("set", "nosuch%d" % rnd.randint(1, 9), "banip", anyip())
    elif k == 24:
        if rnd.random() < 0.5: f2b("restart")
        else:
            f2b("stop"); time.sleep(rnd.uniform(1, 3)); f2b("start")
        time.sleep(2)
    else:
        f2b("set", "sshd", "banip", rnd.choice(pool))

while time.time() < END:
    r = rnd.random()
    if r < 0.6: burst()
    elif r < 0.72: noise()
    elif r < 0.77: append(L + "/auth.log", sshd_ok(anyip()))
    else: admin()
    time.sleep(rnd.uniform(0.2, 1.2))
PYEOF
sleep 2
fail2ban-client -c "$S/conf" stop >/dev/null 2>&1
sleep 1
cp "$S/fail2ban.log" "$OUT/fail2ban.log"
wc -l "$OUT/fail2ban.log"

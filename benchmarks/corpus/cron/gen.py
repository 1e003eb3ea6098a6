#!/usr/bin/env python3
"""Write a random cron configuration state under B (crontab, cron.d, spool)."""
import os, random, sys, pwd, shutil
B = sys.argv[1]; seed = int(sys.argv[2]); rnd = random.Random(seed)
CMDS = ["echo hello from $(id -un)", "date", "true", "false", "exit 3", "sleep 70", "sleep 5; echo slept",
        "ls /nonexistent-r31c", "no-such-command-r31c", "cat", "wc -c%line one%line two", "printf 'x\\n' >/dev/null",
        "echo err >&2", "kill -9 $$", "sh -c 'kill -SEGV $$'", "test -e /etc/passwd && echo present",
        "env | grep -c . >/dev/null", "echo $((1+2))", "head -c 300 /etc/services"]
SCHED = ["* * * * *", "*/1 * * * *", "*/2 * * * *", "* * * * 0-6", "0-59 * * * *", "@reboot", "17 3 * * 1", "*/3 * * * *"]
BAD = ["* * * *", "61 * * * * root true", "* * * * * ", "*/0 * * * *", "@weird true", "* * * 13 * true", "abc def"]
def env():
    out = ["SHELL=/bin/sh", "PATH=/usr/bin:/bin"]
    m = rnd.random()
    if m < 0.3: out.append('MAILTO=""')
    elif m < 0.5: out.append("MAILTO=ops@example.invalid")
    elif m < 0.55: out.append("MAILTO=bad;rm")
    if rnd.random() < 0.2: out.append("CONTENT_TYPE=text/plain")
    if rnd.random() < 0.2: out.append("CONTENT_TRANSFER_ENCODING=8bit")
    if rnd.random() < 0.2: out.append("MAILFROM=cron@example.invalid")
    return out
def table(system, n):
    lines = env()
    for _ in range(n):
        s = rnd.choices(SCHED, [30, 10, 5, 5, 5, 2, 3, 4])[0]
        u = (" " + rnd.choice(["root", "root", "daemon", "nobody", "ghostuser"])) if system else ""
        lines.append(f"{s}{u} {rnd.choice(CMDS)}")
    if rnd.random() < 0.15:
        lines.insert(rnd.randrange(len(lines) + 1), rnd.choice(BAD))
    return "\n".join(lines) + "\n"
def write(path, text, mode=0o644, uid=0, gid=0):
    # rewrite in place (bind-mounted files keep their inode)
    with open(path, "w") as f: f.write(text)
    os.chmod(path, mode); os.chown(path, uid, gid)

act = rnd.choices(["crontab", "crond", "spool", "none"], [3, 4, 4, 2])[0]
if act == "crontab":
    write(f"{B}/etc/crontab", table(True, rnd.randint(1, 4)))
elif act == "crond":
    d = f"{B}/etc/cron.d"
    names = ["backup", "reports", "sync-job", "tmpwatch", "app.dpkg-old", "bad.name", "linked"]
    name = rnd.choice(names); p = f"{d}/{name}"
    for q in os.listdir(d):
        if rnd.random() < 0.25:
            os.unlink(f"{d}/{q}")
    if os.path.lexists(p): os.unlink(p)
    k = rnd.random()
    if name == "linked":
        tgt = f"{B}/etc/linked-target"; write(tgt, table(True, 1), uid=rnd.choice([0, 0, 1]))
        os.symlink(tgt, p)
    else:
        mode = 0o664 if k < 0.15 else 0o644
        uid = 1 if 0.15 <= k < 0.25 else 0
        write(p, table(True, rnd.randint(1, 3)), mode, uid)
        if 0.25 <= k < 0.32:
            os.link(p, f"{B}/etc/hardlink-{seed}")
elif act == "spool":
    d = f"{B}/spool/crontabs"
    user = rnd.choice(["root", "daemon", "nobody", "ghostuser", "root"])
    p = f"{d}/{user}"
    if os.path.exists(p) and rnd.random() < 0.3:
        os.unlink(p)
    else:
        try: pw = pwd.getpwnam(user); uid, gid = pw.pw_uid, pw.pw_gid
        except KeyError: uid, gid = 0, 0
        k = rnd.random()
        mode = 0o644 if k < 0.12 else 0o600
        if 0.12 <= k < 0.2: uid = 1 if uid == 0 else 0
        if os.path.exists(p): os.unlink(p)
        write(p, table(False, rnd.randint(1, 3)), mode, uid, gid)
        # cron only rescans the spool when its mtime changes
        os.utime(d)
print(act)

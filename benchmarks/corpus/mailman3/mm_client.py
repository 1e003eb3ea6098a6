#!/usr/bin/python3
"""Randomised clients of a private GNU Mailman 3: REST calls (port 27103) and mail through the
LMTP runner (port 27102).

usage: mm_client.py setup SEED | traffic SEED N | moderate SEED | rest SEED N | bounces SEED N
"""
import random
import smtplib
import sys
import time
import uuid
from email.utils import formatdate

import requests

REST = "http://127.0.0.1:27103/3.1"
AUTH = ("restadmin", "restpass")
DOMAIN = "example.org"
LISTS = ["announce", "dev", "users", "chat"]
MEMBERS = ["ann", "bob", "cyd", "dan", "eli", "fay", "gus", "hal", "ivy", "jon",
           "gone1", "gone2", "slow1", "kim", "lea"]
NONMEMBERS = ["spammer", "stranger", "visitor", "random.person"]
WORDS = "mailing list post reply thread patch release meeting notes question answer".split()


def call(method, path, rng=None, auth=AUTH, **kw):
    try:
        r = requests.request(method, REST + path, auth=auth, timeout=20, **kw)
        return r
    except requests.RequestException as exc:
        print("rest error", method, path, exc, file=sys.stderr)
        return None


def addr(name):
    return f"{name}@{DOMAIN}"


def list_id(name):
    return f"{name}.{DOMAIN}"


def setup(rng):
    call("POST", "/domains", data={"mail_host": DOMAIN, "description": "Test domain"})
    call("POST", "/domains", data={"mail_host": "other.example.net"})
    for name in LISTS:
        call("POST", "/lists", data={"fqdn_listname": addr(name)})
        call("POST", "/members", data={"list_id": list_id(name), "subscriber": addr("owner"), "role": "owner"})
        call("POST", "/members", data={"list_id": list_id(name), "subscriber": addr("moder"), "role": "moderator"})
    cfg = {
        "announce": {"default_member_action": "hold", "default_nonmember_action": "discard",
                     "subscription_policy": "confirm_then_moderate"},
        "dev": {"default_nonmember_action": "hold", "digests_enabled": "True", "digest_size_threshold": "1",
                "reply_goes_to_list": "point_to_list", "bounce_score_threshold": "2",
                "process_bounces": "True", "archive_policy": "public"},
        "users": {"subscription_policy": "moderate", "default_nonmember_action": "reject",
                  "respond_to_post_requests": "True", "anonymous_list": "True",
                  "bounce_score_threshold": "1", "bounce_you_are_disabled_warnings": "1",
                  "bounce_you_are_disabled_warnings_interval": "0d"},
        "chat": {"default_nonmember_action": "accept", "max_message_size": "2",
                 "max_num_recipients": "3", "emergency": "False", "personalize": "individual",
                 "autorespond_postings": "respond_and_continue", "autoresponse_postings_text": "Thanks!"},
    }
    for name, values in cfg.items():
        call("PATCH", f"/lists/{list_id(name)}/config", data=values)
    for name in LISTS:
        for m in rng.sample(MEMBERS, rng.randint(8, len(MEMBERS))):
            call("POST", "/members", data={"list_id": list_id(name), "subscriber": addr(m),
                                           "display_name": m.title(), "pre_verified": "True",
                                           "pre_confirmed": "True", "pre_approved": "True"})
    for m in ("gone1", "gone2", "slow1"):
        for name in ("dev", "users", "chat"):
            call("POST", "/members", data={"list_id": list_id(name), "subscriber": addr(m),
                                           "pre_verified": "True", "pre_confirmed": "True",
                                           "pre_approved": "True"})
    call("POST", f"/lists/{list_id('dev')}/bans", data={"email": addr("spammer")})


def body(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))) + "\n"


def make_msg(rng, sender, to, subject=None, extra="", text=None, msgid=True):
    mid = f"<{uuid.uuid4().hex[:12]}@{rng.choice(['client.example.org', 'mua.test'])}>"
    hdrs = [f"From: {sender}", f"To: {to}", f"Subject: {subject or rng.choice(WORDS).title() + ' ' + rng.choice(WORDS)}",
            f"Date: {formatdate(localtime=True)}"]
    if msgid:
        hdrs.append(f"Message-ID: {mid}")
    return "\r\n".join(hdrs) + "\r\n" + extra + "\r\n" + (text if text is not None else body(rng))


def lmtp_send(sender, rcpts, data):
    try:
        with smtplib.LMTP("127.0.0.1", 27102, timeout=20) as c:
            c.sendmail(sender, rcpts, data)
    except smtplib.SMTPException as exc:
        print("lmtp", type(exc).__name__, str(exc)[:120], file=sys.stderr)
    except OSError as exc:
        print("lmtp connect", exc, file=sys.stderr)


def traffic(rng, n):
    for _ in range(n):
        kind = rng.choice(["member_post"] * 6 + ["nonmember_post"] * 2 + [
            "request", "request", "owner", "bounce_dsn", "nolist", "badsub", "garbage",
            "banned", "bigpost", "join", "leave", "confirm", "implicit", "spamheader",
            "noid", "multi_rcpt", "loop", "approved"])
        lst = rng.choice(LISTS)
        to = addr(lst)
        if kind == "member_post":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to))
        elif kind == "nonmember_post":
            s = addr(rng.choice(NONMEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to))
        elif kind == "banned":
            s = addr("spammer")
            lmtp_send(s, [addr("dev")], make_msg(rng, s, addr("dev"), "buy now"))
        elif kind == "request":
            s = addr(rng.choice(MEMBERS + NONMEMBERS))
            cmds = rng.choice(["help", "who", "info", "echo hello there", "lists", "join", "leave",
                               "confirm deadbeef", "subscribe", "unsubscribe", "nonsense command",
                               "end", "help\nwho\nbogus\nend\nmore text"])
            r = f"{lst}-request@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r, rng.choice(["", "help", "join"]), text=cmds + "\n"))
        elif kind == "join":
            s = addr(rng.choice(NONMEMBERS + ["newbie" + str(rng.randint(1, 50))]))
            r = f"{lst}-join@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r, "join", text="\n"))
        elif kind == "leave":
            s = addr(rng.choice(MEMBERS + NONMEMBERS))
            r = f"{lst}-leave@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r, "leave", text="\n"))
        elif kind == "confirm":
            s = addr(rng.choice(MEMBERS))
            r = f"{lst}-confirm+{uuid.uuid4().hex}@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r, "confirm " + uuid.uuid4().hex, text="\n"))
        elif kind == "owner":
            s = addr(rng.choice(MEMBERS + NONMEMBERS))
            r = f"{lst}-owner@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r, "question for the owner"))
        elif kind == "bounce_dsn":
            bounce_one(rng, lst)
        elif kind == "nolist":
            s = addr(rng.choice(MEMBERS))
            r = addr(rng.choice(["nosuchlist", "devel", "announce-list"]))
            lmtp_send(s, [r], make_msg(rng, s, r))
        elif kind == "badsub":
            s = addr(rng.choice(MEMBERS))
            r = f"{lst}-{rng.choice(['foo', 'admin', 'bogus'])}@{DOMAIN}"
            lmtp_send(s, [r], make_msg(rng, s, r))
        elif kind == "garbage":
            data = rng.choice(["this is not an email at all\r\n",
                               "From: \r\nTo: \r\n\r\n",
                               "X-Broken-Header\r\n\r\nbody without colon header\r\n",
                               "From: " + addr("ann") + "\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nbroken"])
            lmtp_send(addr("ann"), [to], data)
        elif kind == "bigpost":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [addr("chat")], make_msg(rng, s, addr("chat"), "large", text=("x" * 70 + "\n") * 60))
        elif kind == "implicit":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, addr("someone-else"), "implicit destination"))
        elif kind == "spamheader":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to, "spammy", extra="X-Spam-Flag: YES\r\nPrecedence: bulk\r\n"))
        elif kind == "noid":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to, msgid=False))
        elif kind == "multi_rcpt":
            s = addr(rng.choice(MEMBERS))
            rc = [addr(x) for x in rng.sample(LISTS, 2)] + [addr("nosuchlist")]
            lmtp_send(s, rc, make_msg(rng, s, ", ".join(rc)))
        elif kind == "loop":
            s = addr(rng.choice(MEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to, "looping", extra=f"List-Id: <{list_id(lst)}>\r\nX-BeenThere: {to}\r\n"))
        elif kind == "approved":
            s = addr(rng.choice(NONMEMBERS))
            lmtp_send(s, [to], make_msg(rng, s, to, "pre-approved", extra="Approved: wrongpassword\r\n"))
        time.sleep(rng.uniform(0.05, 0.4))


def bounce_one(rng, lst=None):
    lst = lst or rng.choice(["dev", "users", "chat"])
    victim = addr(rng.choice(["gone1", "gone2", "slow1", "ann", "nobody.here"]))
    r = f"{lst}-bounces@{DOMAIN}"
    kind = rng.randint(0, 3)
    if kind == 0:   # RFC 3464 DSN
        data = (f"From: MAILER-DAEMON@mx.{DOMAIN}\r\nTo: {r}\r\nSubject: Delivery Status Notification (Failure)\r\n"
                f"Message-ID: <{uuid.uuid4().hex}@mx>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                "--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
                "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                f"Final-Recipient: rfc822; {victim}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b1--\r\n")
    elif kind == 1:  # VERP-style bounce
        local, dom = victim.split("@")
        r = f"{lst}-bounces+{local}={dom}@{DOMAIN}"
        data = (f"From: MAILER-DAEMON@mx.{DOMAIN}\r\nTo: {r}\r\nSubject: Undelivered Mail\r\n"
                f"Message-ID: <{uuid.uuid4().hex}@mx>\r\n\r\nYour message could not be delivered.\r\n")
    elif kind == 2:  # unrecognisable bounce
        data = (f"From: postmaster@elsewhere.test\r\nTo: {r}\r\nSubject: Re: your mail\r\n"
                f"Message-ID: <{uuid.uuid4().hex}@mx>\r\n\r\nI have no idea what this is about.\r\n")
    else:            # warning (delayed) DSN
        data = (f"From: MAILER-DAEMON@mx.{DOMAIN}\r\nTo: {r}\r\nSubject: Delayed Mail\r\n"
                f"Message-ID: <{uuid.uuid4().hex}@mx>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b2\"\r\n\r\n"
                "--b2\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                f"Final-Recipient: rfc822; {victim}\r\nAction: delayed\r\nStatus: 4.4.7\r\n\r\n--b2--\r\n")
    lmtp_send("", [r], data)


def moderate(rng):
    for name in LISTS:
        r = call("GET", f"/lists/{list_id(name)}/held")
        if r is not None and r.ok:
            for entry in r.json().get("entries", []):
                action = rng.choice(["accept", "accept", "discard", "reject", "defer"])
                data = {"action": action}
                if action == "reject":
                    data["reason"] = "Off topic"
                call("POST", f"/lists/{list_id(name)}/held/{entry['request_id']}", data=data)
        r = call("GET", f"/lists/{list_id(name)}/requests")
        if r is not None and r.ok:
            for entry in r.json().get("entries", []):
                action = rng.choice(["accept", "reject", "discard", "defer"])
                call("POST", f"/lists/{list_id(name)}/requests/{entry['token']}", data={"action": action, "reason": "no"})
        call("POST", f"/lists/{list_id(name)}/held/99999", data={"action": "accept"})
        call("POST", f"/lists/{list_id(name)}/requests/nosuchtoken", data={"action": "accept"})


def rest(rng, n):
    for _ in range(n):
        lst = rng.choice(LISTS)
        kind = rng.randint(0, 13)
        who = addr(rng.choice(MEMBERS + NONMEMBERS + ["new" + str(rng.randint(1, 99))]))
        if kind == 0:
            call("POST", "/members", data={"list_id": list_id(lst), "subscriber": who,
                                           "pre_verified": rng.choice(["True", "False"]),
                                           "pre_confirmed": rng.choice(["True", "False"]),
                                           "pre_approved": rng.choice(["True", "False"])})
        elif kind == 1:
            call("DELETE", f"/lists/{list_id(lst)}/member/{who}")
        elif kind == 2:
            call("POST", "/members", data={"list_id": list_id(lst), "subscriber": "not-an-email"})
        elif kind == 3:
            call("GET", f"/lists/{list_id(lst)}/roster/member", auth=("restadmin", "wrong"))
        elif kind == 4:
            call("PATCH", f"/lists/{list_id(lst)}/config", data={"max_message_size": "lots"})
        elif kind == 5:
            call("GET", "/lists/nosuch.example.org")
        elif kind == 6:
            call("POST", "/lists", data={"fqdn_listname": rng.choice([addr(lst), "bad name@" + DOMAIN, "x@nodomain.test"])})
        elif kind == 7:
            call("POST", f"/lists/{list_id(lst)}/bans", data={"email": who})
        elif kind == 8:
            call("DELETE", f"/lists/{list_id(lst)}/bans/{who}")
        elif kind == 9:
            call("POST", "/users", data={"email": who, "password": "pw", "display_name": "User"})
        elif kind == 10:
            r = call("POST", "/members", data={"list_id": list_id("users"), "subscriber": who})
        elif kind == 11:
            call("POST", "/members/find", data={"subscriber": who})
        elif kind == 12:
            call("DELETE", "/members", data={"list_id": list_id(lst), "emails": [who, addr("ghost")]})
        else:
            tmp = "tmp" + str(rng.randint(1, 999))
            call("POST", "/lists", data={"fqdn_listname": addr(tmp)})
            call("DELETE", f"/lists/{list_id(tmp)}")
        time.sleep(rng.uniform(0.02, 0.2))


def bounces(rng, n):
    for _ in range(n):
        bounce_one(rng)
        time.sleep(rng.uniform(0.05, 0.3))


def main():
    cmd, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    {"setup": lambda: setup(rng), "traffic": lambda: traffic(rng, n), "moderate": lambda: moderate(rng),
     "rest": lambda: rest(rng, n), "bounces": lambda: bounces(rng, n)}[cmd]()


if __name__ == "__main__":
    main()

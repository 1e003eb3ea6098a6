"""Random session actions for baresip: menu commands over the cons UDP port, peer actions over fakepeer's control port."""
import random, socket, sys, time
CONS = ("127.0.0.1", int(sys.argv[1])); PEER = ("127.0.0.1", int(sys.argv[2])); N = int(sys.argv[3])
random.seed(int(sys.argv[4]))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
def cmd(text):
    s.sendto((text + "\n").encode(), CONS)
    try:
        while True: s.recv(65535)
    except Exception: pass
def peer(text): s.sendto(text.encode(), PEER)
targets = ["sip:dave@127.0.0.1:39530", "sip:echo@127.0.0.1:39530", "sip:busy@127.0.0.1:39530", "sip:x@127.0.0.1:39599",
           "dave", "sip:%d@127.0.0.1:39530" % random.randint(100, 999), "sip:bad uri", "sip:y@127.0.0.1:39530;transport=tcp"]
acts = [
    (18, lambda: cmd("/dial " + random.choice(targets))),
    (14, lambda: cmd("/hangup")),
    (6, lambda: cmd("/reginfo")),
    (5, lambda: cmd("/callstat")),
    (4, lambda: cmd("/listcalls")),
    (4, lambda: cmd(random.choice(["/hold", "/resume", "/mute", "/reinvite", "/sndcode %d" % random.randint(0, 9)]))),
    (3, lambda: cmd("/uanew sip:u%d@127.0.0.1:39530;auth_pass=pw;regint=%d" % (random.randint(1, 50), random.choice([0, 30, 60])))),
    (2, lambda: cmd("/uadel sip:u%d@127.0.0.1:39530" % random.randint(1, 50))),
    (2, lambda: cmd("/uafind sip:%s@127.0.0.1:39530" % random.choice(["alice", "bob", "zed"]))),
    (2, lambda: cmd("/uanext")),
    (2, lambda: cmd("/answermode " + random.choice(["manual", "early", "auto", "bogus"]))),
    (2, lambda: cmd("/ausrc " + random.choice(["aufile,/tmp/round33-r33d/tone.wav", "alsa,default", "nosuch,dev", "aufile"]))),
    (2, lambda: cmd("/auplay " + random.choice(["alsa,default", "alsa,hw:9", "nodriver,x"]))),
    (2, lambda: cmd("/aubitrate %d" % random.choice([8000, 64000]))),
    (2, lambda: cmd("/accept")),
    (2, lambda: cmd("/message Hello%d" % random.randint(1, 99))),
    (2, lambda: cmd("/contact_next")),
    (1, lambda: cmd("/dialcontact")),
    (1, lambda: cmd(random.choice(["/sipstat", "/uastat", "/netstat", "/memstat", "/modules", "/timers", "/sysinfo", "/main", "/config", "/about", "/help", "/uuid"]))),
    (1, lambda: cmd("/loglevel")),
    (1, lambda: cmd("/conf_reload")),
    (1, lambda: cmd("/play " + random.choice(["ring.wav", "nofile.wav", "message.wav"]))),
    (1, lambda: cmd("/transfer sip:t@127.0.0.1:39530")),
    (1, lambda: cmd("/nosuchcommand")),
    (12, lambda: peer("invite " + random.choice(["alice", "alice", "bob", "zoe"]))),
    (8, lambda: peer("bye " + random.choice(["alice", "bob", "zoe"]))),
    (4, lambda: peer("message " + random.choice(["alice", "bob", "zoe"]))),
    (3, lambda: peer("options alice")),
    (2, lambda: peer("notify alice")),
    (2, lambda: peer("garbage")),
    (4, lambda: peer("rtp")),
]
w, f = zip(*acts)
for _ in range(N):
    random.choices(f, w)[0]()
    time.sleep(random.expovariate(1 / 1.2))

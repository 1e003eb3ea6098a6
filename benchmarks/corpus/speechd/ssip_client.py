#!/usr/bin/env python3
"""Randomised SSIP client for speech-dispatcher (used by workload.sh).
usage: ssip_client.py PORT MODE [COUNT]"""
import random, socket, sys, time

PORT = int(sys.argv[1]); MODE = sys.argv[2]; COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 5
R = random.Random()
WORDS = ["hello", "world", "mail", "arrived", "battery", "low", "meeting", "starts", "now", "file",
         "saved", "error", "in", "line", "42", "download", "complete", "the", "quick", "brown", "fox"]

class Conn:
    def __init__(self):
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
        self.f = self.s.makefile("rb")
    def send(self, line):
        self.s.sendall(line.encode("utf-8", "replace") + b"\r\n")
    def reply(self):
        out = []
        while True:
            l = self.f.readline()
            if not l:
                return out
            l = l.decode("utf-8", "replace").rstrip("\r\n")
            out.append(l)
            if len(l) < 4 or l[3] == " ":
                return out
    def cmd(self, line):
        self.send(line)
        try:
            return self.reply()
        except socket.timeout:
            return []
    def speak(self, text):
        r = self.cmd("SPEAK")
        if r and r[-1].startswith("230"):
            for l in text.split("\n"):
                self.send(".." + l[1:] if l.startswith(".") else l)
            return self.cmd(".")
        return r
    def close(self, polite=True):
        try:
            if polite:
                self.cmd("QUIT")
            self.s.close()
        except OSError:
            pass

def sentence():
    return " ".join(R.choice(WORDS) for _ in range(R.randint(2, 9)))

def settings(c):
    c.cmd(R.choice(["SET self RATE %d" % R.randint(-100, 100), "SET self PITCH %d" % R.randint(-100, 100),
                    "SET self VOLUME %d" % R.randint(-100, 100), "SET self PITCH_RANGE %d" % R.randint(-100, 100),
                    "SET self LANGUAGE %s" % R.choice(["en", "de", "cs", "fr"]),
                    "SET self PUNCTUATION %s" % R.choice(["all", "some", "most", "none"]),
                    "SET self SPELLING %s" % R.choice(["on", "off"]),
                    "SET self CAP_LET_RECOGN %s" % R.choice(["none", "spell", "icon"]),
                    "SET self VOICE_TYPE %s" % R.choice(["MALE1", "FEMALE1", "CHILD_MALE"]),
                    "SET self SYNTHESIS_VOICE %s" % R.choice(["en", "nosuchvoice"]),
                    "SET self OUTPUT_MODULE %s" % R.choice(["gen", "dummy", "nosuchmodule"]),
                    "SET self PRIORITY %s" % R.choice(["important", "message", "text", "notification", "progress"]),
                    "SET self NOTIFICATION %s %s" % (R.choice(["all", "begin", "end", "cancel", "pause", "resume", "index_marks"]), R.choice(["on", "off"])),
                    "SET self SSML_MODE %s" % R.choice(["on", "off"]),
                    "SET self PAUSE_CONTEXT %d" % R.randint(0, 5),
                    "SET self HISTORY %s" % R.choice(["on", "off"]),
                    ]))

def normal():
    c = Conn()
    c.cmd("SET self CLIENT_NAME %s:%s:%s" % (R.choice(["alice", "bob", "carol"]), R.choice(["orca", "mail", "shell", "editor"]), R.choice(["main", "notify"])))
    for _ in range(COUNT):
        a = R.random()
        if a < 0.35:
            c.speak(sentence())
        elif a < 0.55:
            settings(c)
        elif a < 0.62:
            c.cmd("CHAR %s" % R.choice("abcxyz1 "))
        elif a < 0.68:
            c.cmd("KEY %s" % R.choice(["a", "shift_a", "control_x", "space", "kp-enter", "f1"]))
        elif a < 0.72:
            c.cmd("SOUND_ICON %s" % R.choice(["message", "bell", "nosuchicon"]))
        elif a < 0.78:
            c.cmd(R.choice(["STOP self", "CANCEL self", "PAUSE self", "RESUME self", "STOP all", "CANCEL all"]))
        elif a < 0.84:
            c.cmd(R.choice(["LIST OUTPUT_MODULES", "LIST VOICES", "LIST SYNTHESIS_VOICES", "GET OUTPUT_MODULE", "GET RATE", "GET VOLUME", "GET PITCH", "GET LANGUAGE", "GET VOICE_TYPE", "HELP"]))
        elif a < 0.88:
            c.cmd("BLOCK BEGIN"); c.speak(sentence()); c.speak(sentence()); c.cmd("BLOCK END")
        elif a < 0.92:
            c.cmd(R.choice(["HISTORY GET CLIENT_LIST", "HISTORY GET CLIENT_ID", "HISTORY GET LAST", "HISTORY SORT asc id", "HISTORY CURSOR GET"]))
        else:
            c.speak("<speak>" + sentence() + " <mark name=\"m%d\"/> " % R.randint(1, 9) + sentence() + "</speak>")
        time.sleep(R.uniform(0.02, 0.3))
    c.close(polite=R.random() < 0.8)

def garbage():
    c = Conn()
    for _ in range(COUNT):
        c.cmd(R.choice(["FOO BAR", "SPEAK now please", "SET", "SET self", "SET self RATE fast", "SET self RATE 500",
                        "SET self PITCH -1000", "SET self LANGUAGE", "SET 9999 RATE 10", "SET self NOTIFICATION bogus on",
                        "SET self PRIORITY urgent", "SET self PUNCTUATION lots", "CHAR", "KEY", "BLOCK END", "BLOCK BEGIN",
                        "STOP 12345", "CANCEL nobody", "HISTORY GET", "QUIT now", "LIST", "LIST NOTHING",
                        "".join(R.choice("abcdefghijklmnopqrstuvwxyz!@#$%^&*() ") for _ in range(R.randint(1, 30))),
                        "SET self OUTPUT_MODULE", "SET self VOLUME -500", "GET", "GET NOTHING"]))
    c.close(polite=R.random() < 0.5)

def raw():
    """a client that connects and sends raw bytes / drops the connection mid-message"""
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    ch = R.randint(0, 3)
    if ch == 0:
        s.sendall(b"SPEAK\r\n"); time.sleep(0.1); s.sendall(b"unfinished message without end")
    elif ch == 1:
        s.sendall(bytes(R.randint(1, 255) for _ in range(R.randint(10, 80))) + b"\r\n")
    elif ch == 2:
        s.sendall(b"SET self CLIENT_NAME x:y:z\r\nSET self CLIENT_NAME again:twice:z\r\n")
    time.sleep(0.3)
    s.close()

{"normal": normal, "garbage": garbage, "raw": raw}[MODE]()

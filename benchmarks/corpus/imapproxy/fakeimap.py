# Minimal IMAP4 server behind imapproxy for the workload (no logging of its own).
# Users: any name; password "secret" logs in, others get NO. Names starting "drop" are disconnected at LOGIN.
import socketserver, sys, random, threading, time

class H(socketserver.StreamRequestHandler):
    def w(self, s):
        self.wfile.write(s.encode() + b"\r\n")
    def handle(self):
        mode = sys.argv[2] if len(sys.argv) > 2 else "ok"
        if mode == "badbanner":
            self.w("HELLO there"); return
        if mode == "silent":
            time.sleep(30); return
        self.w("* OK [CAPABILITY IMAP4rev1 LITERAL+ ID AUTH=PLAIN] fake IMAP ready")
        user = None
        while True:
            line = self.rfile.readline()
            if not line:
                return
            parts = line.decode(errors="replace").rstrip("\r\n").split(" ")
            tag, cmd = parts[0], (parts[1].upper() if len(parts) > 1 else "")
            args = parts[2:]
            if cmd == "CAPABILITY":
                self.w("* CAPABILITY IMAP4rev1 LITERAL+ ID AUTH=PLAIN IDLE")
                self.w(tag + " OK CAPABILITY completed")
            elif cmd == "LOGIN":
                if args and args[-1].startswith("{"):
                    n = int(args[-1].strip("{}+"))
                    pw = self.rfile.read(n).decode(); self.rfile.readline()
                else:
                    pw = args[-1].strip('"') if len(args) > 1 else ""
                user = args[0].strip('"') if args else ""
                if user.startswith("drop"):
                    return
                if pw == "secret":
                    self.w(tag + " OK LOGIN completed")
                else:
                    user = None
                    self.w(tag + " NO [AUTHENTICATIONFAILED] Authentication failed")
            elif cmd == "SELECT" or cmd == "EXAMINE":
                self.w("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                self.w("* %d EXISTS" % random.randint(0, 300))
                self.w("* 0 RECENT")
                self.w("* OK [UIDVALIDITY 1700000000] UIDs valid")
                if args and "missing" in args[0].lower():
                    self.w(tag + " NO Mailbox does not exist")
                else:
                    self.w(tag + " OK [READ-WRITE] SELECT completed")
            elif cmd == "LIST":
                for m in ("INBOX", "Sent", "Trash", "Archive"):
                    self.w('* LIST (\\HasNoChildren) "/" ' + m)
                self.w(tag + " OK LIST completed")
            elif cmd == "FETCH" or cmd == "UID":
                for i in range(random.randint(1, 5)):
                    self.w("* %d FETCH (FLAGS (\\Seen) RFC822.SIZE %d)" % (i + 1, random.randint(500, 90000)))
                self.w(tag + " OK FETCH completed")
            elif cmd == "NOOP":
                self.w(tag + " OK NOOP completed")
            elif cmd == "ID":
                self.w('* ID ("name" "fakeimap")'); self.w(tag + " OK ID completed")
            elif cmd == "LOGOUT":
                self.w("* BYE logging out"); self.w(tag + " OK LOGOUT completed"); return
            elif cmd == "CRASH":
                return
            else:
                self.w(tag + " BAD Unknown command")

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()

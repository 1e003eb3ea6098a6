#!/usr/bin/env python3
"""Randomised DDNet external-console (econ) client. usage: econ.py PORT SEED NCMDS [password] [cmd ...]"""
import random, socket, sys, time

PORT = int(sys.argv[1]); random.seed(int(sys.argv[2])); N = int(sys.argv[3])
PW = sys.argv[4] if len(sys.argv) > 4 else random.choice(["econpw"] * 4 + ["wrong", "letmein"])
FIXED = sys.argv[5:]
CMDS = ["status", "say hello from econ", "broadcast server restart soon", "kick 0 bye", "kick 5", "ban 127.0.0.9 5 testing",
        "bans", "unban 127.0.0.9", "unban 9", "mute 0 30 noisy", "mutes", "unmute 0", "change_map Tutorial", "change_map nosuchmap",
        "reload", "record econdemo", "stoprecord", "vote yes", "vote no", "force_vote option \"Tutorial\" econ",
        "add_vote \"Restart\" \"restart\"", "remove_vote \"Restart\"", "clear_votes", "tune gravity 0.6", "tune nosuchtune 1",
        "tune_reset", "tune_dump", "pause_game", "echo ping", "exec nosuch.cfg", "sv_max_clients_per_ip 2", "nosuchcommand 1 2",
        "set_team 0 -1", "set_team_all 0", "restart 3", "logout", "sv_spamprotection 0", "dump_antibot", "kill_pl 0", "totele 1",
        "moderate", "vote_mute 0 30 spam", "vote_mutes", "vote_unmute 0", "shuffle_teams", "left", "sv_name \"renamed\""]


def main():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
    def rd(t=0.3):
        s.settimeout(t)
        try:
            return s.recv(65536)
        except Exception:
            return b""
    rd(0.5)
    s.sendall((PW + "\n").encode())
    time.sleep(0.2)
    r = rd()
    if b"successful" not in r:
        for p in random.sample(["nope", "guess", "econpw"], k=random.randint(0, 3)):
            s.sendall((p + "\n").encode()); time.sleep(0.2); r = rd()
            if b"successful" in r:
                break
        else:
            s.close(); return
    cmds = FIXED or random.sample(CMDS, k=min(N, len(CMDS)))
    for c in cmds:
        s.sendall((c + "\n").encode())
        time.sleep(random.uniform(0.1, 0.4))
        rd(0.1)
    time.sleep(0.3)
    if random.random() < 0.5:
        s.shutdown(socket.SHUT_RDWR)
    s.close()


try:
    main()
except OSError:
    pass

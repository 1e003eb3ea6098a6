#!/usr/bin/env python3
"""Scripted Teeworlds 0.7 client: connects, joins, does random things, leaves.

usage: tw_client.py PORT NAME SEED [mode]
mode: normal | rconbad | rcongood | timeout | infobad | password
"""
import os
import random
import socket
import sys
import time

from twnet_parser.packet import parse7
from twnet_parser.packet7 import TwPacket7
from twnet_parser.messages7.control.token import CtrlToken
from twnet_parser.messages7.control.connect import CtrlConnect
from twnet_parser.messages7.control.close import CtrlClose
from twnet_parser.messages7.control.keep_alive import CtrlKeepAlive
from twnet_parser.messages7.system.info import MsgInfo
from twnet_parser.messages7.system.ready import MsgReady
from twnet_parser.messages7.system.enter_game import MsgEnterGame
from twnet_parser.messages7.system.rcon_auth import MsgRconAuth
from twnet_parser.messages7.system.rcon_cmd import MsgRconCmd
from twnet_parser.messages7.system.request_map_data import MsgRequestMapData
from twnet_parser.messages7.system.ping import MsgPing
from twnet_parser.messages7.system.input import MsgInput
from twnet_parser.messages7.game.cl_start_info import MsgClStartInfo
from twnet_parser.messages7.game.cl_say import MsgClSay
from twnet_parser.messages7.game.cl_set_team import MsgClSetTeam
from twnet_parser.messages7.game.cl_call_vote import MsgClCallVote
from twnet_parser.messages7.game.cl_vote import MsgClVote
from twnet_parser.messages7.game.cl_kill import MsgClKill
from twnet_parser.messages7.game.cl_emoticon import MsgClEmoticon
from twnet_parser.messages7.game.cl_skin_change import MsgClSkinChange
from twnet_parser.messages7.game.cl_ready_change import MsgClReadyChange
from twnet_parser.messages7.game.cl_set_spectator_mode import MsgClSetSpectatorMode


class Client:
    def __init__(self, port, name, rng):
        self.addr = ("127.0.0.1", port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.name = name
        self.rng = rng
        self.my_token = os.urandom(4)
        self.srv_token = b"\xff\xff\xff\xff"
        self.ack = 0
        self.seq = 0
        self.seen = []
        self.closed = False

    def send_ctrl(self, msg):
        p = TwPacket7()
        p.header.token = self.srv_token
        p.header.ack = self.ack
        p.messages.append(msg)
        self.sock.sendto(p.pack(), self.addr)

    def send(self, *msgs, vital=True):
        p = TwPacket7()
        p.header.token = self.srv_token
        p.header.ack = self.ack
        for m in msgs:
            if vital:
                self.seq = (self.seq + 1) % 1024
                m.header.flags.vital = True
                m.header.seq = self.seq
            p.messages.append(m)
        self.sock.sendto(p.pack(), self.addr)

    def pump(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            try:
                data, _ = self.sock.recvfrom(4096)
            except socket.timeout:
                continue
            try:
                pkt = parse7(data, ignore_errors=True)
            except Exception:
                continue
            for m in pkt.messages:
                name = getattr(m, "message_name", "")
                self.seen.append(name)
                if name == "token":
                    self.srv_token = m.response_token
                if name == "close":
                    self.closed = True
                hdr = getattr(m, "header", None)
                if hdr is not None and hdr.flags.vital:
                    if hdr.seq == (self.ack + 1) % 1024:
                        self.ack = hdr.seq
        # ack what we got
        if not self.closed:
            self.send_ctrl(CtrlKeepAlive())

    def connect(self, password=""):
        self.send_ctrl(CtrlToken(response_token=self.my_token))
        self.pump(0.3)
        self.send_ctrl(CtrlConnect(response_token=self.my_token))
        self.pump(0.3)
        self.send(MsgInfo(password=password))
        self.pump(0.4)

    def join(self):
        self.send(MsgReady())
        self.pump(0.3)
        self.send(MsgClStartInfo(name=self.name, clan=self.rng.choice(["", "red", "blu"]),
                                 country=self.rng.choice([-1, 0, 276]),
                                 skin_part_names=["standard", "", "", "standard", "standard", "standard"]))
        self.pump(0.3)
        self.send(MsgEnterGame())
        self.pump(0.4)

    def input(self, n):
        for i in range(n):
            m = MsgInput(ack_snapshot=0, intended_tick=i)
            self.send(m, vital=False)
            self.pump(0.05)

    def close(self, reason=None):
        self.send_ctrl(CtrlClose(reason=reason))


def main():
    port, name, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else "normal"
    rng = random.Random(seed)
    c = Client(port, name, rng)
    if mode == "password":
        c.connect(password=rng.choice(["wrong", "", "nope123"]))
        c.pump(1.0)
        return
    if mode == "infobad":
        c.connect()
        c.send(MsgInfo(version="0.6 626fce9a778df4d4"))
        c.pump(0.5)
        c.close("bye")
        return
    c.connect(password=os.environ.get("TW_PASS", ""))
    c.join()
    actions = ["say", "team", "vote", "kill", "emote", "skin", "ready", "spec", "input", "rcon", "ping", "mapdata"]
    for _ in range(rng.randint(4, 10)):
        a = rng.choice(actions)
        if a == "say":
            c.send(MsgClSay(mode=rng.choice([1, 1, 2]), target=-1,
                            message=rng.choice(["hello", "gg", "anyone here?", "lol", "nice shot " + name])))
        elif a == "team":
            c.send(MsgClSetTeam(team=rng.choice([-1, 0, 1])))
        elif a == "vote":
            c.send(MsgClCallVote(type=rng.choice(["option", "kick", "spectate"]),
                                 value=rng.choice(["0", "1", "restart", "change map dm2"]),
                                 reason=rng.choice(["", "afk", "cheating"])))
            c.pump(0.2)
            c.send(MsgClVote(vote=rng.choice([-1, 1])))
        elif a == "kill":
            c.send(MsgClKill())
        elif a == "emote":
            c.send(MsgClEmoticon(emoticon=rng.randint(0, 15)))
        elif a == "skin":
            c.send(MsgClSkinChange(skin_part_names=["bear", "", "", "standard", "standard", "standard"]))
        elif a == "ready":
            c.send(MsgClReadyChange())
        elif a == "spec":
            c.send(MsgClSetSpectatorMode(spec_mode=rng.choice([0, 1]), spectator_id=rng.choice([-1, 0, 1])))
        elif a == "input":
            c.input(rng.randint(3, 10))
        elif a == "rcon":
            pw = "rconpw" if mode == "rcongood" or rng.random() < 0.4 else rng.choice(["bad", "admin", "1234"])
            c.send(MsgRconAuth(password=pw))
            c.pump(0.3)
            c.send(MsgRconCmd(cmd=rng.choice(["status", "echo hi", "sv_map dm2", "tune gravity 0.6",
                                              "broadcast hello", "bans", "tune_dump", "nosuchcmd"])))
        elif a == "ping":
            c.send(MsgPing())
        elif a == "mapdata":
            c.send(MsgRequestMapData())
        c.pump(rng.uniform(0.2, 0.8))
    if mode == "timeout":
        return  # vanish without closing
    c.close(rng.choice([None, "quit", "leaving"]))


if __name__ == "__main__":
    main()

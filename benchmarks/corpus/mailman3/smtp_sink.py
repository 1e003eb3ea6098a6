#!/usr/bin/python3
"""Outgoing MTA stand-in for Mailman on 127.0.0.1:27101: accepts mail, refuses some recipients
permanently (550) or temporarily (451), and sometimes fails a whole transaction.
usage: smtp_sink.py SEED"""
import random
import signal
import sys
import time

from aiosmtpd.controller import Controller

rng = random.Random(int(sys.argv[1]))


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if "gone" in local:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if "slow" in local and rng.random() < 0.5:
            return "451 4.3.0 <%s>: Temporary lookup failure" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if rng.random() < 0.05:
            return "554 5.6.0 Message rejected by content filter"
        with open(sys.argv[2] if len(sys.argv) > 2 else "/dev/null", "ab") as fh:
            fh.write(b"From %s\n" % envelope.mail_from.encode() + envelope.original_content + b"\n")
        return "250 Message accepted for delivery"


controller = Controller(Handler(), hostname="127.0.0.1", port=27101)
controller.start()
signal.signal(signal.SIGTERM, lambda *a: (controller.stop(), sys.exit(0)))
while True:
    time.sleep(1)

#!/usr/bin/env python3
"""Minimal SMTP sink that accepts mail for Haraka's smtp_forward; randomly temp-fails some."""
import asyncio, random, sys
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 47026

async def handle(reader, writer):
    def send(s):
        writer.write((s + "\r\n").encode())
    send("220 sink.example.test ESMTP sink")
    indata = False
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            if indata:
                if line in (b".\r\n", b".\n"):
                    indata = False
                    r = random.random()
                    if r < 0.1:
                        send("452 4.3.1 Insufficient system storage")
                    elif r < 0.15:
                        send("554 5.6.0 Message rejected by sink")
                    else:
                        send("250 2.0.0 Ok queued as %08X" % random.getrandbits(32))
                continue
            cmd = line.decode(errors="replace").strip().upper()
            if cmd.startswith("EHLO"):
                send("250-sink.example.test"); send("250-PIPELINING"); send("250 8BITMIME")
            elif cmd.startswith("HELO"):
                send("250 sink.example.test")
            elif cmd.startswith("MAIL"):
                send("250 2.1.0 Ok")
            elif cmd.startswith("RCPT"):
                if "REJECTME" in cmd:
                    send("550 5.1.1 No such user here")
                else:
                    send("250 2.1.5 Ok")
            elif cmd == "DATA":
                indata = True
                send("354 End data with <CR><LF>.<CR><LF>")
            elif cmd == "RSET":
                send("250 2.0.0 Ok")
            elif cmd == "NOOP":
                send("250 2.0.0 Ok")
            elif cmd == "QUIT":
                send("221 2.0.0 Bye"); await writer.drain(); break
            else:
                send("502 5.5.2 Error: command not recognized")
            await writer.drain()
    except Exception:
        pass
    writer.close()

async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", PORT)
    async with srv:
        await srv.serve_forever()

asyncio.run(main())

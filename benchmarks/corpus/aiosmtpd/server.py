#!/usr/bin/env python3
"""aiosmtpd SMTP servers for the round30 workload: main on 127.0.0.1:14525 (STARTTLS, AUTH),
PROXY-protocol front on 127.0.0.1:14526. Logs the "mail" loggers at DEBUG to smtpd.raw.log."""
import asyncio, logging, os, signal, ssl, sys
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

D = os.path.dirname(os.path.abspath(__file__))
handler = logging.FileHandler(os.path.join(D, "smtpd.raw.log"))
handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
mail_logger = logging.getLogger("mail")
mail_logger.setLevel(logging.DEBUG)
mail_logger.addHandler(handler)

USERS = {b"alice": b"wonderland", b"bob": b"builder"}
SPOOL = os.path.join(D, "run", "spool")
os.makedirs(SPOOL, exist_ok=True)


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and USERS.get(auth_data.login) == auth_data.password:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.startswith("spammer@"):
            return "550 5.7.1 Sender blocked"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not address.endswith("@smtp.test"):
            return "550 5.7.1 Relaying denied"
        if address.startswith("full@"):
            return "452 4.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        body = envelope.content or b""
        if b"REJECTME" in body:
            return "554 5.6.0 Message rejected by content filter"
        if b"TEMPFAIL" in body:
            return "451 4.3.0 Try again later"
        name = os.path.join(SPOOL, "msg.%d.%d" % (os.getpid(), len(os.listdir(SPOOL))))
        with open(name, "wb") as f:
            f.write(body)
        return "250 2.0.0 Message accepted for delivery"

    async def handle_PROXY(self, server, session, envelope, proxy_data):
        return not str(proxy_data.src_addr).endswith(".66")


def main():
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(os.path.join(D, "cert.pem"), os.path.join(D, "key.pem"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    h = Handler()

    def main_factory():
        return SMTP(h, hostname="mx.smtp.test", tls_context=ctx, require_starttls=False,
                    auth_require_tls=False, authenticator=authenticator, timeout=6,
                    data_size_limit=4096, command_call_limit=30, loop=loop)

    def proxy_factory():
        return SMTP(h, hostname="proxy.smtp.test", proxy_protocol_timeout=3, timeout=6,
                    auth_require_tls=False, authenticator=authenticator, loop=loop)

    s1 = loop.run_until_complete(loop.create_server(main_factory, "127.0.0.1", 14525))
    s2 = loop.run_until_complete(loop.create_server(proxy_factory, "127.0.0.1", 14526))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    try:
        loop.run_forever()
    finally:
        s1.close(); s2.close()
        loop.run_until_complete(s1.wait_closed())
        loop.run_until_complete(s2.wait_closed())
        loop.close()


if __name__ == "__main__":
    main()

# Minimal SSH server (asyncssh) that webssh connects to; plus a silent TCP port.
import asyncio, sys, asyncssh

USERS = {"alice": "wonder", "carol": "secret", "dave": "pass"}

class Server(asyncssh.SSHServer):
    def begin_auth(self, username):
        return True
    def password_auth_supported(self):
        return True
    def validate_password(self, username, password):
        return USERS.get(username) == password
    def public_key_auth_supported(self):
        return True
    def validate_public_key(self, username, key):
        return username == "keyuser"

async def handle(process):
    user = process.get_extra_info("username")
    if process.command is not None:
        if user == "carol":
            await asyncio.sleep(3)
        elif user == "dave":
            process.stdout.write("\xff\xfe bogus\r\n")
        else:
            process.stdout.write("UTF-8\r\n")
        process.exit(0)
        return
    process.stdout.write("stub$ ")
    try:
        while True:
            line = await process.stdin.readline()
            if not line:
                break
            cmd = line.strip()
            if cmd == "exit":
                process.stdout.write("bye\r\n")
                break
            if cmd == "big":
                process.stdout.write(("x" * 70 + "\r\n") * 60)
            else:
                process.stdout.write("you said %s\r\nstub$ " % cmd)
    except asyncssh.BreakReceived:
        pass
    except Exception:
        pass
    process.exit(0)

async def silent(reader, writer):
    await asyncio.sleep(30)
    writer.close()

async def main():
    port, silent_port = int(sys.argv[1]), int(sys.argv[2])
    key = asyncssh.generate_private_key("ssh-ed25519")
    await asyncssh.create_server(Server, "127.0.0.1", port, server_host_keys=[key],
                                 process_factory=handle, encoding="utf-8", errors="replace")
    await asyncio.start_server(silent, "127.0.0.1", silent_port)
    await asyncio.Event().wait()

asyncio.run(main())

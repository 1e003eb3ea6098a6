# Minimal AsyncSSH server: password + public-key logins, shell/exec, SFTP, SCP, forwarding.
# No log statements of its own: only the library's logging is switched on.
import asyncio, logging, os, sys, asyncssh

logging.basicConfig(level=logging.DEBUG,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
asyncssh.set_debug_level(2)

PORT = int(sys.argv[1])
BASE = sys.argv[2]            # runtime dir (keys, sftp root)
USERS = {"alice": "wonder", "bob": "builder", "carol": "secret"}

class Server(asyncssh.SSHServer):
    def begin_auth(self, username):
        return True
    def password_auth_supported(self):
        return True
    def validate_password(self, username, password):
        return USERS.get(username) == password
    def connection_requested(self, dest_host, dest_port, orig_host, orig_port):
        return dest_port != 44299
    def server_requested(self, listen_host, listen_port):
        return listen_port != 44298

async def handle(process):
    cmd = process.command
    if cmd is None:
        process.stdout.write("shell> ")
        async for line in process.stdin:
            line = line.strip()
            if line == "exit":
                break
            process.stdout.write("ran %s\nshell> " % line)
        process.exit(0)
    elif cmd.startswith("echo "):
        process.stdout.write(cmd[5:] + "\n")
        process.exit(0)
    elif cmd == "cat":
        data = await process.stdin.read()
        process.stdout.write("%d bytes\n" % len(data))
        process.exit(0)
    elif cmd == "sleep":
        await asyncio.sleep(2)
        process.exit(0)
    else:
        process.stderr.write("unknown command\n")
        process.exit(127)

async def main():
    key = asyncssh.generate_private_key("ssh-ed25519")
    await asyncssh.create_server(
        Server, "127.0.0.1", PORT, server_host_keys=[key],
        authorized_client_keys=os.path.join(BASE, "authorized_keys"),
        process_factory=handle, allow_scp=True,
        sftp_factory=lambda chan: asyncssh.SFTPServer(chan, chroot=os.path.join(BASE, "sftproot")),
        login_timeout=8, keepalive_interval=0)
    await asyncio.Event().wait()

asyncio.run(main())

import random
import time

from errbot import BotPlugin, arg_botcmd, botcmd, botflow, re_botcmd, FlowRoot, webhook


class Ops(BotPlugin):
    """Test plugin for the round31 workload."""

    def activate(self):
        super().activate()
        if "counter" not in self:
            self["counter"] = 0
        self.start_poller(7, self.tick)

    def get_configuration_template(self):
        return {"LIMIT": 10, "NAME": "ops"}

    def tick(self):
        self["counter"] = self["counter"] + 1

    @botcmd
    def count(self, msg, args):
        """Show the counter."""
        return f"counter is {self['counter']}"

    @botcmd
    def store(self, msg, args):
        """store KEY VALUE"""
        key, _, value = args.partition(" ")
        with self.mutable("kv", {}) as kv:
            kv[key] = value
        return f"stored {key}"

    @botcmd
    def fetch(self, msg, args):
        """fetch KEY"""
        return self.get("kv", {})[args]

    @botcmd
    def boom(self, msg, args):
        """Raise an error."""
        raise ValueError(f"boom requested with {args!r}")

    @botcmd
    def divide(self, msg, args):
        """divide A B"""
        a, b = args.split()
        return str(int(a) / int(b))

    @botcmd
    def slow(self, msg, args):
        """Sleep a bit."""
        time.sleep(random.random())
        return "done sleeping"

    @botcmd(admin_only=True)
    def secret(self, msg, args):
        """Admin only."""
        return "the secret is 42"

    @botcmd
    def spam(self, msg, args):
        """Send several lines."""
        for i in range(int(args or 3)):
            yield f"line {i}"

    @arg_botcmd("name", type=str)
    @arg_botcmd("--times", dest="times", type=int, default=1)
    def greet(self, msg, name, times):
        """greet NAME --times N"""
        return " ".join([f"hello {name}"] * times)

    @re_botcmd(pattern=r"^(?:what|how) is the weather", prefixed=False, flags=0)
    def weather(self, msg, match):
        """Weather."""
        return "sunny"

    @botcmd
    def big(self, msg, args):
        """A long answer."""
        return "x" * int(args or 5000)

    @webhook("/ops/<name>")
    def hook(self, request, name):
        return f"hook {name}"

    def callback_message(self, msg):
        if "ping" in msg.body:
            self.log.debug("ping seen in %s", msg.body)



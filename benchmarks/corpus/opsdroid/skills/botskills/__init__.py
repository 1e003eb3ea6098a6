from opsdroid.skill import Skill
from opsdroid.matchers import match_regex, match_parse, match_webhook, match_crontab, match_always
from opsdroid.events import Message


class BotSkills(Skill):
    @match_regex(r"^(hi|hello|hey)\b", case_sensitive=False)
    async def hello(self, message):
        await message.respond("Hello {}".format(message.user))

    @match_parse("echo {text}")
    async def echo(self, message):
        await message.respond(message.parse_result["text"])

    @match_regex(r"^remember (?P<key>\w+) (?P<value>.+)$")
    async def remember(self, message):
        await self.opsdroid.memory.put(message.entities["key"]["value"], message.entities["value"]["value"])
        await message.respond("ok")

    @match_regex(r"^recall (?P<key>\w+)$")
    async def recall(self, message):
        value = await self.opsdroid.memory.get(message.entities["key"]["value"])
        await message.respond(str(value))

    @match_regex(r"^crash")
    async def crash(self, message):
        raise ValueError("crash requested: " + message.text)

    @match_regex(r"^divide (\d+) (\d+)$")
    async def divide(self, message):
        a, b = message.regex.group(1), message.regex.group(2)
        await message.respond(str(int(a) // int(b)))

    @match_webhook("ping")
    async def ping(self, event):
        pass

    @match_crontab("* * * * *")
    async def tick(self, event):
        pass

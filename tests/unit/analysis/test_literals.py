"""Data literals (a Python or JSON value printed whole) are one variable of their statement."""

from __future__ import annotations

import pytest

from aiops.analysis.literals import spans
from aiops.analysis.masking import mask
from aiops.analysis.miner import TemplateMiner


@pytest.mark.parametrize(("text", "expected"), [
    ("got message b'{\"command\": \"list\", \"properties\": {}}'", "got message <*>"),
    ("process args: ['/usr/bin/python3', '-c', 'print(1)']", "process args: <*>"),
    ("status of the processes [(17845, 0), (17847, 0)] now", "status of the processes <*> now"),
    ("reply={'exchange': 'reply', 'key': 'a b'}, done", "reply=<*>, done"),
    ("apply (args:('tasks.add', 'id-1', {'a': 1}) kwargs:{})", "apply (args:<*> kwargs:{})"),
    ("Crawled (200) <GET http://a.test/x> (referer: None) ['partial']",
     "Crawled (<*>) <GET <*>> (referer: None) <*>"),
    # an object printed by its repr: Python's default and a custom one
    ("call: close() (<pyftpdlib.handlers.PassiveDTP listening 127.0.0.1:59175 at 0x7fb3f60e2550>)",
     "call: close() (<*>)"),
    ("call: close() (<TLS_DTPHandler(id=1396, addr='127.0.0.1:34296', ssl=True)>)", "call: close() (<*>)"),
    # a bound method: its object's default repr nested inside
    ("Event x: calling handler <bound method Redirector.redirect of <botocore.utils.Redirector object at 0x7f4a>>",
     "Event x: calling handler <*>"),
    # a single-quoted string (Python's %r of a str, C's '%s') keeps its quotes
    ("Invalid line: 'x13915 = 127.0.0.2 a@b c@d'", "Invalid line: '<*>'"),
    ("quoted ('hello world') only", "quoted ('<*>') only"),  # a parenthesised string, not a tuple
    ("In /etc/g/config: Invalid value for [timeouts] retryMin: 'ten minutes'",
     "In <*>: Invalid value for [timeouts] retryMin: '<*>'"),
    # cut short by the program (saferepr's "..."): the listed value runs to the end
    ("apply (args:('tasks.add', 'id-1', b'[[1, 2], {},... kwargs:{})", "apply (args:<*>"),
])
def test_a_literal_is_one_variable(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text", [
    "Dict get failed [{Key=log-group}, {errno=2}, {error=No such file}]",  # named fields: the statement's words
    "[DEBUG] worker [main] started",  # boxed words, not a quoted value
    "value b'x' done",  # a one-word bytes value: left to the word rules
    "from <alice@example.org> to <bob and carol>",  # angle brackets around no object repr
    "msg='op=PAM:authentication grantors=pam_permit acct=\"bob\" res=success'",  # key= fields: a record
    "Running '/usr/sbin/burp_ca --name client1 --ca burpCA --sign --batch'",  # a command built by a format
    'FTP response: Client "127.0.0.1", "230 Login successful."',  # double quotes: often the statement's text
    "invalid character [' in name",  # an opening that never closes and lists nothing
])
def test_not_a_literal(text: str) -> None:
    assert spans(text) == []


def test_reprs_of_one_statement_make_one_template() -> None:
    miner = TemplateMiner()
    lines = [
        "got message b'{\"command\": \"options\", \"properties\": {\"name\": \"crasher\"}}'",
        "got message b'{\"command\": \"list\", \"properties\": {}}'",
        "got message b'{\"command\": \"status\", \"properties\": {}, \"id\": \"2c47aedbf9e7\"}'",
        "process args: ['/usr/bin/python3', 'worker.py']",
        "process args: ['/bin/sh', '-c', 'echo done; exit 0']",
        "process args: ['/usr/bin/python3', '-c', 'from circus import plugins', '--endpoint', 'tcp://x']",
    ]
    ids = [miner.add(line).id for line in lines]
    assert len(set(ids[:3])) == 1
    assert len(set(ids[3:])) == 1
    assert ids[0] != ids[3]


def test_a_constructor_repr_inside_a_message_is_one_value() -> None:
    """A dataclass or namedtuple repr (``Theme(name='mkdocs', dirs=[...])``) printed into a message
    is one value however many words it spans; the same repr as the whole message is the text a
    ``__str__`` or ``ToString`` writes, the statement's own."""
    assert mask("Config value 'theme' = Theme(name='mkdocs', dirs=['/a', '/b'], locale=Locale('en'))") \
        == "Config value 'theme' = <*>"
    assert mask("task Job(id=7, args=['x', 'y']) done") == "task <*> done"
    assert mask("CTxOut(nValue=0.3, scriptPubKey=0014ab)") == "CTxOut(nValue=<*>, scriptPubKey=<*>)"
    assert mask("Started Worker(pid=12) ok") == "Started Worker(pid=<*>) ok"

"""Masking rules: which parts of a message become `<*>`."""

from __future__ import annotations

import pytest

from aiops.analysis.masking import MASK, mask, rule_names, shapes


@pytest.mark.parametrize(("text", "expected"), [
    ("PacketResponder 1 for block blk_-6952295868487656571 terminating",
     "PacketResponder <*> for block <*> terminating"),
    ("connect to 10.251.73.220:50010 failed", "connect to <*>:<*> failed"),
    ("request 550e8400-e29b-41d4-a716-446655440000 done", "request <*> done"),
    ("stack @0x7fed806eb5d", "stack <*>"),
    ("hash a64f992 and 9f4ef63", "hash <*> and <*>"),
    ("took 12ms, then 3.5s", "took <*>, then <*>"),
    ("uid=0 euid=1000 tty=ssh", "uid=<*> euid=<*> tty=ssh"),
    ("ok /etc/httpd/conf/workers.properties", "ok <*>"),
    ("opened C:\\Windows\\winsxs\\cbscore.dll", "opened <*>"),
    ("GET http://example.com/a?b=c", "GET <*>"),
    ("mail to ops@example.com", "mail to <*>"),
    # RFC 5322 allows ``=`` in a local part: SRS and VERP addresses are one value
    ("<carol@gmail.com> rewritten as <SRS0=motg=J2=gmail.com=carol@example.org>", "<<*>> rewritten as <<*>>"),
    ("user=alice@example.com", "user=<*>"),
    ("reverse mapping for ns.example-host.com failed", "reverse mapping for <*> failed"),
    ("at Sun Jul  3 23:16:09 2005 end", "at <*> end"),
    ("id deadbeefcafe01 x", "id <*> x"),
    ("Neighbour fe80::1c2a:3bff:fe4d:5e6f dev eth0", "Neighbour <*> dev eth<*>"),
    ("from [::ffff:127.0.0.1]:80 and ::1", "from [<*>]:<*> and <*>"),
    ("ldap_initialize(ldap://127.0.0.1:46390/) ok", "ldap_initialize(<*>) ok"),
    ("see (https://example.org/wiki/Disk_(storage)) now", "see (<*>) now"),
    ("addr 2001:db8::1%eth0 and 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up", "addr <*> and <*> up"),
    ('"GET /a HTTP/1.1" 404 Not Found 512', '"GET /a <*>" <*> <*>'),
    ("upstream said 503 Service Unavailable, retrying", "upstream said <*>, retrying"),
    ("HTTP/1.0 200 OK", "<*> <*>"),
])
def test_variables_are_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text", [
    "Connection pool exhausted",
    "session opened for user root by admin",
    "com.example.payment.PaymentService started",
    "deadbeefcafe is lower case letters only",
    "std::vector and Foo::Bar and A::B stay code",
    "mac aa:bb:cc:dd:ee:ff",
    "Not Found in cache",
])
def test_constant_words_are_kept(text: str) -> None:
    assert mask(text) == text


def test_lone_digit_inside_a_word_is_masked_alone() -> None:
    assert mask("eth0 up, isBluetoothA2dpOn") == "eth<*> up, isBluetoothA<*>dpOn"


def test_masking_ignores_digit_values() -> None:
    """Two lines that differ only in digit values mask alike (the shape fast path relies on it)."""
    one = "2024-01-15T10:23:45Z pid 1234 took 0x1f ms, v2.4.1 eth0 blk_-99 10.0.0.1:80 200 OK"
    two = "2031-12-05T03:07:99Z pid 9876 took 0x9a ms, v7.0.3 eth5 blk_-11 99.8.7.6:12 999 OK"
    assert mask(one) == mask(two)


def test_an_http_status_with_its_reason_phrase_is_one_value() -> None:
    """``404 Not Found`` and ``200 OK`` are one variable (the code) printed with the phrase the
    standard gives it, not statements that differ in their words."""
    assert mask("[x] 127.0.0.1 GET /a/b 404 Not Found") == mask("[x] 127.0.0.1 GET /c/d 500 Internal Server Error")


def test_a_quoted_user_agent_is_one_value_however_many_words() -> None:
    """A ``User-Agent`` header value starts with a product token (``curl/7.88.1``, ``Mozilla/5.0
    (X11; ...)``): one variable of an access line, not words of its statement; quoted text that does
    not start with one stays words."""
    short = '1.2.3.4 "GET / HTTP/1.1" 200 12 "-" "curl/7.88.1"'
    long = '1.2.3.4 "GET / HTTP/1.1" 200 12 "-" "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101"'
    assert mask(short) == mask(long) == '<*> "GET / <*>" <*> <*> "-" "<*>"'
    assert mask('said "hello world"') == 'said "hello world"'
    assert mask('"GET /index.html" failed') == '"GET /index.html" failed'


def test_a_bare_user_agent_ending_the_message_is_one_value() -> None:
    """Some access logs write the ``User-Agent`` value unquoted at the end of the line: a product
    token followed by comments in parentheses or more products is one value there too; a product
    token alone, one inside the text, or a path with a quoted tail is not such a run."""
    short = "127.0.0.1 - - 200 243 - curl/7.88.1"
    long = "127.0.0.1 - - 200 243 - Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/115.0"
    assert mask(short) == mask(long) == "<*> - - <*> <*> - <*>"
    assert mask("using libcurl/7.88.1 (x86_64-pc-linux-gnu) to fetch") == "using <*> (<*>) to fetch"
    assert mask("Playing 'digits/9.gsm' (language 'en')") == "Playing 'digits/<*>.gsm' (language 'en')"
    assert "bare_agent" in rule_names(long)
    assert "bare_agent" not in rule_names(short)


def test_rule_names_report_what_matched() -> None:
    names = rule_names("GET http://x.org/a 10.0.0.1 /var/log/app.log")
    assert names == ["url", "word_with_digit", "path"]
    assert MASK == "<*>"


def test_a_source_location_keeps_its_line_number() -> None:
    assert mask("(response.c.517) Path : /srv/www/a.html") == "(response.c.517) Path : <*>"
    assert mask("reflector.go:148] Failed to watch 12 pods") == "reflector.go:148] Failed to watch <*> pods"
    assert mask("version v1.2.3 at 10.0.0.1:80") == "version <*> at <*>:<*>", "other dotted numbers stay masked"


def test_a_source_location_with_its_function_keeps_its_line_number() -> None:
    """C's ``__FILE__:__func__:__LINE__`` and Python's ``%(filename)s:%(funcName)s():L%(lineno)d``
    name the statement with the function between file and line; lines of two locations keep
    different shapes, so the shape cache never hands one the other's template."""
    assert mask("core.py:handle_event():L307 X11 event: PropertyNotify") == (
        "core.py:handle_event():L307 <*> event: PropertyNotify")
    assert mask("storage.c:get_storage_by_name:209 - no storage 12") == (
        "storage.c:get_storage_by_name:209 - no storage <*>")
    first, second = shapes(["core.py:handle_event():L307 x", "core.py:handle_event():L308 x"])
    assert first != second


def test_a_later_source_location_is_a_value() -> None:
    """The first location names the statement (a logging macro's ``__FILE__:__LINE__``); one after it
    is the caller's, passed in as an argument (``write_lock at action.c:356``)."""
    assert mask("newups.c:102 write_lock at action.c:356") == "newups.c:102 write_lock at <*>"
    assert mask("newups.c:102 write_lock at net.c:320") == mask("newups.c:102 write_lock at action.c:356")


def test_a_semicolon_record_is_one_value_to_the_end() -> None:
    """A monitoring record (host;service;state;type;attempt;output) is data, its free-text output
    included; fewer fields, or a record that is the whole message, stay as they are."""
    assert mask("SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRITICAL - Socket timeout after 10 s") \
        == "SERVICE ALERT: <*>"
    assert mask("EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;db;disk;2;DISK CRITICAL") \
        == "EXTERNAL COMMAND: <*>"
    assert mask("BEGIN; UPDATE items SET qty=1; COMMIT;") == "BEGIN; UPDATE items SET qty=<*>; COMMIT;"
    assert mask("a;b;c;d") == "a;b;c;d"


def test_a_java_object_with_its_identity_hash_is_one_value() -> None:
    """Java's default ``toString`` (``Class@hash``), with the fields some classes add in braces."""
    assert mask("Stopped o.e.j.w.WebAppContext@d21a74c{shop,/shop,file:///tmp/w/shop/,STOPPED}{/tmp/w/shop.war}") \
        == "Stopped <*>"
    assert mask("Deployable removed: App[o.e.j.s.h.ContextHandler@710f4dc7{/static,null,AVAILABLE}]") \
        == "Deployable removed: App[<*>]"
    assert mask("mail to ann@example.org") == "mail to <*>"


def test_shapes_zero_digits_alike_in_ascii_and_other_text() -> None:
    """The shape of a text does not depend on whether another text of the batch holds a non-ASCII
    character (which sends the batch through its UTF-8 bytes), nor on a lone surrogate in one."""
    texts = ["took 12ms at 10.0.0.7", "fetched 3 items", "user Jörg took 45µs", "bad \udcff byte 9"]
    assert shapes(texts[:2]) == ["took 00ms at 00.0.0.0", "fetched 0 items"]
    assert shapes(texts) == ["took 00ms at 00.0.0.0", "fetched 0 items", "user Jörg took 00µs", "bad \udcff byte 0"]


def test_terminal_colours_name_no_event() -> None:
    """A program that colours its output for a terminal keeps writing the control sequences when
    the output is captured: ``\\x1b[31maudio: start failed\\x1b[0m`` is the line without them."""
    from aiops.analysis.logparse import LogParser
    from aiops.analysis.masking import plain

    assert plain("\x1b[;m\x1b[31maudio: start failed (alsa.default)\x1b[0m") == "audio: start failed (alsa.default)"
    assert plain("no colour here") == "no colour here"
    lines = []
    for n in range(60):
        colour = ("\x1b[;m", "\x1b[32m", "")[n % 3]
        lines.append(f"{colour}presence: ua=0x{n:04x} got event {n % 4} (REGISTER_OK)")
        lines.append(f"call: dialing sip:{n}@127.0.0.1")
    parsed = list(LogParser().parse(lines))
    assert len({p.template.id for p in parsed if "presence" in p.raw}) == 1


def test_a_file_mode_as_ls_prints_it_is_one_value() -> None:
    assert mask("perms: drwx------") == "perms: <*>"
    assert mask("mode -rw-r--r--. owner root") == "mode <*> owner root"
    assert mask("--- start ---") == "--- start ---"
    assert mask("use -rw-flag here") == "use -rw-flag here"


def test_a_library_error_text_is_one_value_however_many_words() -> None:
    """``strerror`` and ``gai_strerror`` texts are filled in by the program (``Cannot write %s: %s``):
    after a colon, in parentheses or after a bracketed number (Python's ``[Errno N]``) each is one
    variable; alone, after a bracketed word, in lower case (a program's own words, NUT's ``no data
    available``) or running on into more words it is not."""
    assert mask("Cannot write /run/a.tmp: Permission denied") == mask("Cannot write /run/b.tmp: Is a directory")
    assert mask("Cannot create /run/x.pid (Resource temporarily unavailable) - already running?") == (
        "Cannot create <*> (<*>) - already running?")
    assert mask("connect failed: [Errno 111] Connection refused") == "connect failed: [Errno <*>] <*>"
    assert mask("lookup: Temporary failure in name resolution, retrying") == "lookup: <*>, retrying"
    for kept in ("Permission denied", "mainloop: no data available", "x: Connection refused by peer"):
        assert mask(kept) == kept
    assert mask("[worker] Connection refused") == "[worker] Connection refused"


def test_a_module_path_of_three_parts_is_a_value_unless_called() -> None:
    """A plugin loader fills in the module it runs (``Running Ocsinventory::Agent::Backend::OS::AIX``);
    two parts may be the statement's own words, and a call names the statement."""
    assert mask("Running Ocsinventory::Agent::Backend::OS::Linux::Archs::ARM") == "Running <*>"
    assert mask("Running FusionInventory::Agent::Task::Inventory ok") == "Running <*> ok"
    assert mask(" - Net::SNMP loaded") == " - Net::SNMP loaded"
    assert mask("DB::Exception::what() failed") == "DB::Exception::what() failed"


def test_a_perl_reference_is_one_value_with_its_class() -> None:
    """Perl prints a reference as its package, its type and its address (``Perlbal::ClientProxy=HASH(0x55f7...)``,
    ``IO::Socket::INET=GLOB(0x...)``): the object the statement was given, one value class and all."""
    assert mask("read_headers(Perlbal::BackendHTTP=HASH(0x55f718b6b4f8)) is_res=1") == "read_headers(<*>) is_res=<*>"
    assert mask("setup_keepalive(Perlbal::ClientProxy=HASH(0x55f717939680))") == mask(
        "setup_keepalive(Perlbal::ClientHTTP=HASH(0x55f718b6fd50))")
    assert mask("closing IO::Socket::INET=GLOB(0xab12cd) now") == "closing <*> now"
    assert mask("HASH table full") == "HASH table full"

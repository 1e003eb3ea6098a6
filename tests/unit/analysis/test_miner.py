"""Template mining: grouping, generalisation, evidence for variables, stable ids."""

from __future__ import annotations

import random
from pathlib import Path

from aiops.analysis.logparse import LogParser
from aiops.analysis.miner import TemplateMiner, fits, tokenise


def _ids(miner: TemplateMiner, lines: list[str]) -> list[str]:
    return [miner.add(line).id for line in lines]


def test_numbers_and_ids_group_together() -> None:
    miner = TemplateMiner()
    ids = _ids(miner, [f"PacketResponder {i} for block blk_{i * 7919} terminating" for i in range(50)])
    assert len(set(ids)) == 1
    assert miner.templates[0].text == "PacketResponder <*> for block <*> terminating"


def test_key_value_booleans_and_names_are_variables() -> None:
    miner = TemplateMiner()
    ids = _ids(miner, ["acquire lock tag=alpha force=true", "acquire lock tag=beta force=false"])
    assert ids[0] == ids[1]
    assert miner.templates[0].text == "acquire lock tag=<*> force=<*>"
    ids = _ids(miner, ["B4215: uid=0 from=<alice>", "D1817: uid=0 from=<root>"])
    assert ids[0] == ids[1], "a value in angle brackets after key= is a value"
    ids = _ids(miner, ["Invalid user webmaster from <ip>", "Invalid user admin from <ip>"])
    assert ids[0] == ids[1]
    ids = _ids(miner, ["loaded class com.example.Foo", "loaded class org.acme.Bar"])
    assert ids[0] == ids[1]


def test_different_constant_words_stay_apart() -> None:
    miner = TemplateMiner()
    ids = _ids(miner, ["layout begin", "layout end", "cupsd startup succeeded", "cupsd shutdown succeeded"])
    assert len(set(ids)) == 4


def test_values_seen_in_a_variable_slot_are_known() -> None:
    miner = TemplateMiner()
    miner.add("auth failure user=root")
    miner.add("auth failure user=uucp")
    first = miner.add("Failed password for root from host")
    second = miner.add("Failed password for uucp from host")
    assert first.id == second.id


def test_many_values_at_one_place_become_a_variable() -> None:
    miner = TemplateMiner(spread=4)
    ids = _ids(miner, [f"order placed by customer {name} today" for name in
                       ("anna", "bert", "cleo", "dora", "emil", "fred", "gina")])
    assert len(set(ids)) <= 4
    assert ids[-1] == ids[-2] == ids[0]


def test_group_ids_are_stable_while_templates_generalise() -> None:
    miner = TemplateMiner()
    first = miner.add("worker alpha=gamma ready")
    text_before = first.text
    second = miner.add("worker alpha=beta ready")
    assert second is first
    assert first.text != text_before
    assert first.id == "g1"


def test_quoted_phrases_stay_one_token() -> None:
    assert tokenise('tag="View Lock", name=x') == ['tag="View Lock",', "name=x"]
    assert fits("rhost=example.org", "rhost=<*>")
    assert not fits("host=example.org", "rhost=<*>")


def test_memory_is_per_template_not_per_line() -> None:
    miner = TemplateMiner()
    for i in range(20_000):
        miner.add(f"request {i} served in {i % 97} ms")
    assert len(miner.templates) == 1
    assert miner.templates[0].count == 20_000


def test_a_counted_noun_in_singular_and_plural_is_one_event() -> None:
    miner = TemplateMiner()
    ids = {miner.add(f"list 101 denied tcp 10.0.0.{n}(4{n}) -> 10.0.1.{n}(80), {n % 3 + 1} "
                     f"packet{'s' if n % 3 else ''}").id for n in range(12)}
    assert len(ids) == 1
    assert miner.templates[0].text.endswith("packet<*>")


def test_singular_and_plural_apart_from_a_count_stay_two_events() -> None:
    miner = TemplateMiner()
    first = miner.add("PAM 1 more authentication failure; logname= uid=0").id
    second = miner.add("PAM 2 more authentication failures; logname= uid=0").id
    assert first != second


def test_a_parenthesised_value_of_a_key_is_one_token() -> None:
    assert tokenise(r"save: uid=<*>, flags=(\Deleted \Seen)") == ["save:", "uid=<*>,", r"flags=(\Deleted \Seen)"]
    miner = TemplateMiner()
    ids = {miner.add(f"expunge: box=INBOX, uid={n}, flags={flags}").id
           for n, flags in enumerate(["()", r"(\Seen)", r"(\Deleted \Seen)", r"(\Deleted \Recent)"] * 3)}
    assert len(ids) == 1


def test_a_label_word_with_a_colon_is_not_spread_into_a_variable() -> None:
    miner = TemplateMiner()
    labels = ["save:", "expunge:", "delete:", "flag_change:"]
    for n in range(40):
        miner.add(f"Info: {labels[n % 4]} box=INBOX, uid={n}, flags=(\\Seen)")
    assert len({t.id for t in miner.templates if t.count}) == 4


def test_the_spread_counts_distinct_values_not_repeats() -> None:
    miner = TemplateMiner()
    first = miner.add("layout begin for job=alpha now")
    repeats = {miner.add(f"layout end for job={name} now").id for name in ("beta", "gamma", "delta", "kappa")}
    assert first.id not in repeats, "one other word seen in four lines is still one other word"
    widened = {miner.add(f"layout {word} for job=omega now").id for word in ("pause", "skip")}
    assert first.id in widened, "three distinct words at one place make it a variable"


def test_an_empty_checkbox_is_one_token() -> None:
    assert tokenise("Feature flags: [ ] quorum_queue") == ["Feature", "flags:", "[ ]", "quorum_queue"]
    miner = TemplateMiner()
    ids = [miner.add(f"Feature flags: {box} {name}").id
           for box, name in (("[x]", "quorum_queue"), ("[~]", "stream_queue"), ("[ ]", "virtual_host_metadata"))]
    assert ids[2] == ids[0], "an empty box is compared with a ticked one, word for word"


def test_a_flag_field_first_is_not_taken_for_a_word() -> None:
    miner = TemplateMiner()
    ids = [miner.add(f"{flags} 1/1/0/0/0 0/0 \"GET /api/{n} HTTP/1.1\"").id
           for n, flags in enumerate(["----", "SC--", "PR--", "CD--", "sD--", "----"])]
    assert ids[2:] == [ids[0]] * 4, "termination flags such as SC-- are values, not the word that starts an event"


def test_quoted_sentences_stay_apart_and_an_all_value_phrase_does_not_swallow_them() -> None:
    miner = TemplateMiner()
    replies = ["230 Login successful.", "250 Directory successfully changed.", "226 Transfer complete.",
               "221 Goodbye now.", "213 15", "530 Login incorrect."]
    ids = [miner.add(f'FTP response: Client "127.0.0.{n}", "{reply}"').id for n, reply in enumerate(replies * 3)]
    assert len(set(ids)) == len(replies)
    assert all(" successful." in t.text or "<*> <*>" in t.text or " Goodbye" in t.text or "complete" in t.text
               or "incorrect" in t.text or "changed" in t.text for t in miner.templates)


def test_a_word_between_two_values_is_a_value() -> None:
    miner = TemplateMiner()
    names = ["www.example.org", "api.example.org", "mail.corp.test", "db.corp.test"]
    ids = [miner.add(f"client 10.0.0.{n} query: {name} {cls} {rtype} +E(0) (127.0.0.1)").id
           for n, (name, cls, rtype) in enumerate([(names[0], "IN", "A"), (names[1], "IN", "AAAA"),
                                                   (names[2], "IN", "MX"), (names[3], "CH", "TXT")])]
    assert ids[3] == ids[2] == ids[0], "once the type is a variable, the class between two values is one too"
    labels = {miner.add(f"{plugin}: {label} {plugin} loaded").id
              for plugin, label in (("select/cons_tres", "common_init:"), ("preempt/none", "init:"))}
    assert len(labels) == 2, "a label ending in a colon between two values still names the statement"


def test_an_optional_bracketed_context_word_first_is_one_event() -> None:
    miner = TemplateMiner()
    ids = {miner.add(line).id for line in ('FTP response: Client "10.0.0.1", "226 Transfer complete."',
                                           '[alice] FTP response: Client "10.0.0.2", "226 Transfer complete."',
                                           '[bob] FTP response: Client "10.0.0.3", "226 Transfer complete."')}
    assert len(ids) == 1


def test_a_field_name_before_a_lone_colon_is_not_spread() -> None:
    miner = TemplateMiner()
    fields = ["Request-URI", "URI-scheme", "URI-authority", "Doc-Root", "Basedir", "Path"]
    ids = {miner.add(f"{name}     : /srv/www/{n}.html").id for n, name in enumerate(fields * 2)}
    assert len(ids) == len(fields), "each `Name : value` line of a debug dump is its own statement"


def test_a_template_split_early_is_folded_once_it_covers_another() -> None:
    miner = TemplateMiner()
    early = {user: [miner.add(f"{user} opened file {name}.txt read=No").id for name in ("a", "b", "c")]
             for user in ("alice", "bob")}
    assert early["alice"][0] != early["bob"][0], "a first word not yet seen as a value keys its own template"
    for user in ("alice", "bob", "carol"):
        for share in ("public", "team"):
            miner.add(f"connect to share {share} as user {user}")
    joined = miner.add("carol opened file d.txt read=No")
    assert joined.id == early["alice"][0] and joined.tokens[0] == "<*>"
    assert miner.add("bob opened file e.txt read=No").id == joined.id, "bob's early template is folded in"
    assert [t for t in miner.templates if "opened" in t.tokens] == [joined]
    assert joined.count == 8


def test_folding_keeps_a_constant_word_that_an_all_value_template_covers() -> None:
    miner = TemplateMiner()
    for n in range(6):
        miner.add(f"resolving name{n}.test. A IN")
    for n in range(6):
        miner.add(f"10.0.0.{n} www{n}.test. {'A' if n % 2 else 'AAAA'} IN")
    resolving = miner.add("resolving other.test. A IN")
    assert resolving.text.startswith("resolving"), "a constant first word is not folded into `<*> <*> <*> <*>`"


def test_a_first_word_seen_as_a_value_elsewhere_does_not_name_the_event() -> None:
    miner = TemplateMiner()
    users = ["alice", "bob", "carol", "dave"]
    for user in users:
        for share in ("public", "team"):
            miner.add(f"connect to share {share} as user {user}")
    ids = {miner.add(f"{user} opened file report.txt").id for user in users}
    assert len(ids) == 1, "user names the file shows in a variable slot are values at the start too"
    verbs = {miner.add(f"{verb} the cache now").id for verb in ("flushing", "rebuilding")}
    assert len(verbs) == 2, "a first word never seen as a value still names its statement"


def test_a_context_field_may_be_absent_either_way_round() -> None:
    miner = TemplateMiner()
    first = miner.add("control, received command 'conf-begin'")
    for zone in ("a.test.", "b.test.", "c.test."):
        assert miner.add(f"[{zone}] control, received command 'zone-reload'").id == first.id
    other = TemplateMiner()
    first = other.add("[a.test.] ACL, allowed, action update")
    assert other.add("ACL, allowed, action update").id == first.id


def test_quoted_and_boxed_values_are_values() -> None:
    miner = TemplateMiner()
    assert len({miner.add(f'Processing section "[{name}]"').id for name in ("public", "team")}) == 1
    assert len({miner.add(f"received control item '{item}'").id
                for item in ("zone[a.test].sync", "zone[b.test]")}) == 1
    assert len({miner.add(f"Authentication for user [{user}] failed").id for user in ("root", "carol")}) == 1


def test_the_last_key_value_may_run_over_more_words_of_free_text() -> None:
    miner = TemplateMiner()
    ids = {miner.add(line).id for line in ("conn=1 op=0 RESULT err=0 text=",
                                           "conn=2 op=1 RESULT err=34 text=invalid DN",
                                           "conn=3 op=1 RESULT err=53 text=unwilling to verify old password")}
    assert len(ids) == 1
    longer_first = TemplateMiner()
    ids = {longer_first.add(line).id for line in ("conn=1 op=1 MOD attr=description telephoneNumber",
                                                  "conn=2 op=1 MOD attr=shoeSize")}
    assert len(ids) == 1, "a longer form seen first shrinks to `attr=<*>`"
    pairs = TemplateMiner()
    ids = {pairs.add(line).id for line in ("authentication failure; ruser= rhost=10.0.0.1",
                                           "authentication failure; ruser= rhost=10.0.0.2 user=root")}
    assert len(ids) == 2, "more key=value pairs after the last key are another statement"
    quoted = TemplateMiner()
    events = ('Event reason="BackOff" message="Back-off restarting"',
              'Event reason="Pulled" message="Container image is already present on this machine"')
    ids = {quoted.add(line).id for line in events}
    assert len(ids) == 1, "a quoted value is one token, a value of its key however many words it has"
    assert quoted.templates[0].text == 'Event reason="<*>" message="<*>"'


def test_a_sentence_of_words_does_not_join_an_all_value_template() -> None:
    miner = TemplateMiner()
    dumps = {miner.add(f"<{fd} 0x{fd:02x} 0x{fd + 1:02x} 0x0a 0x00").id for fd in range(20, 30)}
    words = {miner.add(f"<{fd} new auto-negotiating client connection").id for fd in range(20, 30)}
    assert len(dumps) == 1 and len(words) == 1
    assert dumps != words, "a line of plain words is not one more row of hex values"


def test_words_of_one_standard_closed_set_are_values(tmp_path: Path) -> None:
    from aiops.analysis.variables import VALUE_SETS, load_value_sets, same_variable

    assert VALUE_SETS["AAAA"] == VALUE_SETS["TXT"] and "GET" not in VALUE_SETS
    assert same_variable("NXDOMAIN", "SERVFAIL", "reply", {})
    assert "SIGHUP" not in VALUE_SETS, "signal names are often logged from one statement each"
    assert not same_variable("begin", "end", "layout", {}), "plain words outside the sets stay text"
    miner = TemplateMiner()
    ids = {miner.add(f"query for www.example.test. {rr} IN from 10.0.0.{n}").id
           for n, rr in enumerate(("A", "AAAA"))}
    assert len(ids) == 1
    bad = tmp_path / "sets.txt"
    bad.write_text("one: a b\ntwo: b c\n", encoding="utf-8")
    try:
        load_value_sets(bad)
    except ValueError as error:
        assert "'b' is already in one" in str(error)
    else:
        raise AssertionError("a word in two sets is refused")


def test_source_locations_name_their_statements() -> None:
    miner = TemplateMiner()
    ids = [miner.add(f"(response.c.{where}) Path : /srv/www/{n}.html").id
           for n, where in enumerate((206, 517, 538) * 3)]
    assert len(set(ids)) == 3, "three source lines printing `Path :` are three statements"
    assert ids[:3] == ids[3:6]


def test_empty_and_one_word_messages_mix_with_key_value_ones() -> None:
    miner = TemplateMiner()
    lines = ["conn=1 op=0 RESULT text=", "", "conn=2 op=1 RESULT text=invalid DN", "x", "[a.test.] ready",
             "", "ready", "conn=3 op=2 RESULT text=no such object here", "x"]
    ids = [miner.add(line).id for line in lines]
    assert ids[0] == ids[2] == ids[7] and ids[1] == ids[5] and ids[3] == ids[8]


def test_a_last_variable_printed_empty_is_the_same_event() -> None:
    miner = TemplateMiner()
    first = {miner.add(f"No upstream proxy for {host}").id for host in ("a.test", "b.test", "c.test", "d.test")}
    assert len(first) == 1
    assert miner.add("No upstream proxy for").id in first
    values = TemplateMiner()
    for n in range(5):
        values.add(f"10.0.0.{n} www{n}.test. AAAA IN")
    assert values.add("www.test. A IN").id != values.templates[0].id, "a row of values misses no value"


def test_a_boxed_value_of_a_key_is_one_token() -> None:
    assert tokenise("lease cid=[no info], tid=<*>: ok") == ["lease", "cid=[no info],", "tid=<*>:", "ok"]
    assert tokenise("Login OK: [bob/<via Auth-Type = CHAP>] (from x") == [
        "Login", "OK:", "[bob/<via Auth-Type = CHAP>]", "(from", "x"]
    miner = TemplateMiner()
    ids = {miner.add(f"lease granted cid=[{cid}], tid=0x{n:04x}: address 10.0.0.{n}").id
           for n, cid in enumerate(("no info", "01:02:03", "01:02:04", "no info"))}
    assert len(ids) == 1


def test_a_word_closing_a_label_after_a_name_word_stays_text() -> None:
    miner = TemplateMiner()
    ids = {miner.add(f"Auth: ({n}) Login {word}: [user{n}/pw] (from client localhost port {n})").id
           for n, word in enumerate(("OK", "incorrect", "OK", "incorrect"))}
    assert len(ids) == 2
    users = {miner.add(f"session opened for login {name} from 10.0.0.{n}").id for n, name in enumerate(("ann", "bo"))}
    assert len(users) == 1, "a plain value after a name word is still a value"


def test_plain_words_between_values_are_not_values() -> None:
    miner = TemplateMiner()
    query = {miner.add(f"{n} 10.0.0.1/{4000 + n} query[AAAA] h{n}.example.net from 10.0.0.{n}").id for n in range(3)}
    forward = {miner.add(f"{n} 10.0.0.1/{5000 + n} forwarded h{n}.example.net to 10.0.0.{n}").id for n in range(3)}
    assert len(query) == len(forward) == 1 and query != forward


def test_a_random_id_first_joins_a_template_that_varies_there() -> None:
    miner = TemplateMiner()
    ids = {miner.add(f"conn{n}x{n}Zq debug Closing now").id for n in range(5)}
    assert len(ids) == 1
    assert miner.add("connfjGypAcrlMMS debug Closing now").id in ids, "an id that happens to hold no digit"
    assert miner.add("minSessionTimeout debug Closing now").id not in ids, "a camel-case name is text"


def test_a_lower_case_name_right_before_a_value_is_not_spread() -> None:
    miner = TemplateMiner()
    names = ("maxpoll", "minpoll", "minstratum", "maxdelay", "maxdelayratio")
    ids = {miner.add(f"Source 127.0.0.{n} new {name} {n * 3}").id for n, name in enumerate(names * 2, start=1)}
    assert len(ids) == len(names), "each `new <setting> <value>` line is its own statement"
    users = [miner.add(f"Accepted key for {user} from 10.0.0.{n} port {n}").id
             for n, user in enumerate(("root", "alice", "bob", "carol", "dave"))]
    assert len(set(users[2:])) == 1, "a value followed by a word is still spread"


def test_leading_key_value_fields_do_not_turn_the_event_word_into_a_variable() -> None:
    miner = TemplateMiner()
    verbs = ["MOD", "SRCH", "ENTRY", "DEL", "ADD", "CMP", "MODRDN"]
    for n in range(70):
        miner.add(f'conn={1000 + n} op={n % 5} {verbs[n % len(verbs)]} dn="uid=u{n},ou=people,dc=example,dc=test"')
    assert sorted(t.text.split()[2] for t in miner.templates) == sorted(verbs)
    assert all(t.text.startswith("conn=<*> op=<*> ") and t.count == 10 for t in miner.templates)


def test_the_first_word_after_leading_values_is_never_spread_into_a_variable() -> None:
    miner = TemplateMiner()
    commands = ["set", "add", "replace", "append", "prepend", "cas"]
    for n in range(60):
        miner.add(f"<{20 + n % 7} {commands[n % len(commands)]} item:{n} 0 3600 {n * 3}")
    assert sorted(t.text.split()[1] for t in miner.templates) == sorted(commands)


def test_a_run_of_quoted_values_of_any_length_is_one_variable() -> None:
    miner = TemplateMiner()
    args = ["'ok'", "'mail1'", "'disk'", "'--warn'", "'OK'"]
    for n in range(40):
        quoted = " ".join(["'/usr/lib/plugins/check_rand'", *args[: 1 + n % 4]])
        miner.add(f"Running command {quoted}: PID {1000 + n}")
    assert len({t.id for t in miner.templates if t.count}) == 1
    assert miner.templates[0].text == "Running command <*>: PID <*>"


def test_quoted_sentences_are_no_run_of_values() -> None:
    miner = TemplateMiner()
    first = miner.add('Client "10.0.0.1", "226 Transfer complete."')
    second = miner.add('Client "10.0.0.2", "550 Permission denied, try later."')
    assert first.id != second.id


def test_one_source_location_is_one_statement() -> None:
    """A name of one word or three before the text, the same call site after it: one event."""
    miner = TemplateMiner()
    names = ["fonts-17858.zip", "notes debian-688.mkv", "my lecture archive-11656", "mag-2"]
    ids = {miner.add(f"{name} Announcing to tracker (announcer.c:1723)").id for name in names}
    assert len(ids) == 1
    other = miner.add("fonts-17858.zip Pausing (torrent.c:2022)").id
    assert other not in ids


def test_a_logging_helper_location_does_not_join_unrelated_lines() -> None:
    """Lines that share only the location (a wrapper that names itself) keep their own templates."""
    miner = TemplateMiner()
    first = miner.add("caller=klog.go:108 Starting reflector for pods").id
    second = miner.add("caller=klog.go:108 Failed to watch endpoints: timeout").id
    assert first != second


def test_a_quoted_value_of_a_key_is_one_token_however_long() -> None:
    tokens = tokenise('level=debug msg="Scrape failed" err="Get \\"http://x/m\\": dial tcp: connection refused" n=1')
    assert tokens == ["level=debug", 'msg="Scrape failed"', 'err="Get \\"http://x/m\\": dial tcp: connection refused"',
                      "n=1"]


def test_a_single_quoted_value_of_a_key_and_its_comma_are_one_token() -> None:
    """``evt_tag`` style (``Syslog connection failed; fd='16', error='Connection refused (111)'``)."""
    tokens = tokenise("Syslog connection failed; fd='16', error='Connection refused (111)', time_reopen='3'")
    assert tokens == ["Syslog", "connection", "failed;", "fd='16',", "error='Connection refused (111)',",
                      "time_reopen='3'"]
    miner = TemplateMiner()
    ids = {miner.add(f"Error opening file for writing; filename='/tmp/{name}', error='{why}'").id
           for name, why in (("a b/c.log", "Permission denied (13)"), ("x.log", "No such file or directory (2)"),
                             ("deep/er/y z.log", "Is a directory (21)"))}
    assert len(ids) == 1
    titles = ("listener #1 [waiting for connection]", "collector [processing data]", "active checks #1 [idle 1 sec]")
    assert len({miner.add(f"zbx_setproctitle() title:'{title}'").id for title in titles}) == 1


def test_a_text_key_after_words_holds_a_value() -> None:
    """``Outgoing message; message='...'``: the words before the key named the event already, so the
    quoted text is a value (a message forwarded), whatever it starts with."""
    miner = TemplateMiner()
    payloads = ["<38>Dec  5 10:39:34.000 vm local prg: seq: 1", "2026-12-05T10:39:33+00:00 vm sshd: unix message 9",
                "<13>1 2026-12-05T10:39:49Z lo worker - - disk n=4", "plain text from a client"]
    assert len({miner.add(f"Outgoing message; message='{text}'").id for text in payloads}) == 1


def test_the_quoted_value_of_a_key_is_a_value_unless_it_is_the_message() -> None:
    miner = TemplateMiner()
    errors = ["connection refused by peer", "no route to host at all", "context deadline exceeded",
              "server returned an invalid reply"]
    ids = {miner.add(f'msg="Error sending alert" count=1 err="{error}"').id for error in errors}
    assert len(ids) == 1
    assert miner.add('msg="Error reloading config" count=1 err="no route to host at all"').id not in ids


def test_a_call_site_in_the_header_joins_variants_of_one_statement() -> None:
    """``<pid>@module:function/arity:line`` in the header names the call site: the mechanisms and
    transports it prints through one format are one event; another site stays apart."""
    rng = random.Random(4)
    lines = []
    for n in range(300):
        pid = f"<0.{rng.randint(100, 999)}.0>"
        if rng.random() < 0.5:
            site = "ejabberd_c2s:process_auth_result/3:272"
            text = (f"({rng.choice(['tcp', 'tls'])}|{pid}) Accepted c2s {rng.choice(['PLAIN', 'SCRAM-SHA-1'])} "
                    f"authentication for u{n}@example.net by mnesia backend from 10.0.0.{rng.randint(1, 9)}")
        else:
            site, text = rng.choice([
                ("ejabberd_c2s:bind/2:450", f"({rng.choice(['tcp', 'tls'])}|{pid}) Opened c2s session for u{n}@x/r"),
                ("mod_muc_room:init/8:120", f"Created MUC room room{n}@conference.x by u{n}@x"),
                ("ejabberd_listener:accept/7:330", f"({pid}) Accepted connection 10.0.0.{n % 9}:{n} -> 10.0.0.1:5222"),
                ("mod_muc_room:terminate/3:900", f"Stopping MUC room room{n}@conference.x"),
                ("ejabberd_http_api:log/3:511", f"API call status [] from 10.0.0.{n % 9}:{n}"),
            ])
        lines.append(f"2026-12-05 08:25:{n % 60:02d}.{n:06d}+00:00 [info] {pid}@{site} {text}")
    by_site: dict[str, set[str]] = {}
    for line in LogParser().parse(lines):
        by_site.setdefault(line.raw.split()[3].split("@")[1], set()).add(line.template.id)
    assert all(len(ids) == 1 for ids in by_site.values())
    assert len(set.union(*by_site.values())) == len(by_site)


def test_a_template_of_values_only_takes_no_line_with_a_word() -> None:
    """``[pid] GET /items/7`` generalises to values only (methods and paths vary); ``[pid] 2
    workers`` has the same length but a word of its own, so it is another statement."""
    miner = TemplateMiner()
    rng = random.Random(21)
    requests = {miner.add(f"[{rng.randint(100, 999)}] {method} /{path}/{rng.randint(1, 99)}").id
                for method in ("GET", "POST", "PUT", "DELETE") for path in ("items", "upload", "cart")}
    workers = {miner.add(f"[{rng.randint(100, 999)}] {n} workers").id for n in range(1, 5)}
    assert len(requests) == len(workers) == 1 and requests != workers


def test_a_function_name_names_the_statement() -> None:
    """``End of %s() after %d ms`` printed with C's ``__func__``: one statement per function,
    however many functions print the same words."""
    miner = TemplateMiner()
    rng = random.Random(22)
    functions = ["send_buffer", "process_value", "zbx_load_modules", "need_meta_update", "update_cpustats"]
    groups = {name: {miner.add(f"End of {name}() after {rng.randint(1, 900)} ms").id for _ in range(6)}
              for name in functions}
    assert all(len(ids) == 1 for ids in groups.values())
    assert len({next(iter(ids)) for ids in groups.values()}) == len(functions)


def test_a_braced_list_of_any_length_is_one_value() -> None:
    """A printed set or map (``{aes256-cts(18), aes128-cts(17)}``, ``{id=7, state=open}``) is one
    value, however many members it has."""
    miner = TemplateMiner()
    lists = ["{aes256-cts(18), aes128-cts(17)}", "{des3-cbc-sha1(16), aes256-cts(18), rc4-hmac(23), camellia(25)}",
             "{a=1, b=2, c=3}"]
    tokens = tokenise(f"AS_REQ (6 etypes {lists[0]}) 127.0.0.1: ISSUE")
    assert tokens == ["AS_REQ", "(6", "etypes", "{aes256-cts(18), aes128-cts(17)})", "127.0.0.1:", "ISSUE"]
    assert len({miner.add(f"Request for {members} from client 10.0.0.{n}").id for n, members in enumerate(lists)}) == 1


def test_fields_of_a_pipe_layout_after_the_message_are_one_token_each() -> None:
    """log4j ``%m | %c | %t``: the logger and the thread after the message are fields, whatever
    their words; a thread name of one word or four does not make another event."""
    assert tokenise("Removing Session: <*> | org.apache.Plugin | ActiveMQ Transport: tcp://<*>") == [
        "Removing", "Session:", "<*>", "| org.apache.Plugin", "| ActiveMQ Transport: tcp://<*>"]
    miner = TemplateMiner()
    threads = ["ActiveMQ Transport: tcp:///127.0.0.1:46166@61616", "main", "ActiveMQ BrokerService[localhost] Task-3"]
    lines = [f"remove connection id: ID:vm-{n}-1:1 | org.apache.activemq.broker.TransportConnection | {thread}"
             for n, thread in enumerate(threads)]
    assert len({miner.add(line).id for line in lines}) == 1


def test_a_word_with_and_without_its_boxed_value_is_one_word() -> None:
    """``worker[bob]: ...`` once the user is known, ``worker: ...`` before: one statement."""
    miner = TemplateMiner()
    lines = [f"ocserv[{4000 + n}]: worker{user}: 10.214.2.{n} sending message 'session info' to main"
             for n, user in enumerate(["", "[bob]", "[erin]", "", "[alice]"])]
    assert len({miner.add(line).id for line in lines}) == 1


def test_a_short_message_spreads_a_value_but_not_a_word() -> None:
    """Two or three tokens are too few to tell a varying word from another statement (``Connection
    closed`` / ``Connection reset``), but a path, a quoted value or a channel varying there is a
    value once three have been seen (``POST /upload`` / ``POST /login``)."""
    miner = TemplateMiner()
    first = [miner.add(f"POST /{path}").id for path in ("upload", "login", "orders", "cart", "search")]
    assert len(set(first[2:])) == 1, "from the third value on, the path is a variable"
    words = {miner.add(f"Connection {word}").id for word in ("closed", "reset", "refused", "opened", "lost")}
    assert len(words) == 5


def test_a_snake_case_name_with_a_colon_names_the_statement() -> None:
    """C daemons print ``__func__`` before the message (``debug1: restore_uid: 0/0``): such a name
    is never one value with another identifier, while identifiers elsewhere are still values."""
    miner = TemplateMiner()
    functions = ["temporarily_use_uid:", "permanently_set_uid:", "restore_uid:", "list_hostkey_types:"]
    groups = {name: {miner.add(f"debug1: {name} {n}/{n + 7}").id for n in range(100, 106)} for name in functions}
    assert all(len(ids) == 1 for ids in groups.values())
    assert len({next(iter(ids)) for ids in groups.values()}) == len(functions)
    assert miner.add("debug1: permanently_set_uid: 107/65534 [preauth]").id != miner.add(
        "debug1: SSH2_MSG_KEXINIT sent [preauth]").id
    values = {miner.add(f"link {name} changed state to up").id for name in ("wan_uplink", "br_lan", "wlan_guest")}
    assert len(values) == 1


def test_a_source_file_name_with_a_colon_names_the_module() -> None:
    """``__FILE__ ": interface=%s, ..."`` from two files is two statements, however alike the rest;
    three or more files never spread into a variable either."""
    miner = TemplateMiner()
    files = ["dbus-protocol.c:", "dbus-entry-group.c:", "dbus-sync-service.c:", "dbus-record-browser.c:"]
    groups = {name: {miner.add(f"{name} interface=org.example.{member}, path=/, member={member}").id
                     for member in ("GetVersion", "Free", "Commit", "Reset")} for name in files}
    assert all(len(ids) == 1 for ids in groups.values())
    assert len({next(iter(ids)) for ids in groups.values()}) == len(files)


def test_a_pipe_field_whose_padding_is_used_up_is_the_same_field() -> None:
    """``%6d`` pads ``size:   767`` but prints ``size:800026``: the field after `` | `` is one
    value either way."""
    miner = TemplateMiner()
    lines = [f"slot: localhost | conc: {c} | delay: {d:5d} ms | size:{s:6d} bytes"
             for c, d, s in ((1, 504, 767), (2, 450, 800026), (1, 12, 0), (3, 9999, 1234567))]
    assert len({miner.add(line).id for line in lines}) == 1


def test_a_value_only_record_takes_a_word_of_a_closed_set() -> None:
    """``<queue id>: <domain> <result>``: an SPF or DMARC result (``pass``, ``fail``, ``none``) is one
    more value of the record, while another plain word still is not (``2 workers``)."""
    miner = TemplateMiner()
    ids = {miner.add(f"{queue}: {domain} {result}").id for queue, domain, result in (
        ("FF1E1CD14B", "pass.test", "fail"), ("AD9638D38C", "sub.parent.test", "none"),
        ("5DA26C9DF7", "parent.test", "pass"), ("42E95368AB", "mail.bad.test", "softfail"))}
    assert len(ids) == 1
    assert miner.add("77E95368AB: mail.bad.test delivered").id not in ids


def test_a_key_printed_as_a_tuple_or_a_string_is_one_value() -> None:
    """Python prints a task key as ``inc-24097-2`` or as ``('ones_like-4226ecd2', 4, 1)``: a quoted,
    masked value with punctuation is variable text however many words it spans."""
    miner = TemplateMiner()
    keys = ["inc-24097-2", "('ones_like-4226ecd2a97f', 4, 1)", "inc-e2459b9c3541", "('sum-aggregate-9f1c2e', 0)"]
    assert len({miner.add(f"Stimulus task finished {key}[{n}] tcp://127.0.0.1:{26210 + n}").id
                for n, key in enumerate(keys)}) == 1


def test_a_message_with_and_without_a_leading_level_is_one_statement() -> None:
    """Two loggers share one file, one printing ``(13:47:19) util: ...`` (the time is the header) and
    one ``DEBUG util: ...``: the statement is the same either way."""
    miner = TemplateMiner()
    plain = {miner.add(f"util: Reading file {name}.xml from directory /tmp/users/{user}").id
             for name, user in (("prefs", "eva"), ("blist", "bob"), ("accounts", "carol"))}
    levelled = {miner.add(f"DEBUG util: Reading file {name}.xml from directory /tmp/users/{user}").id
                for name, user in (("status", "dan"), ("prefs", "erin"))}
    assert len(plain | levelled) == 1
    assert miner.add("DEBUG util: Writing file prefs.xml to directory /tmp/users/eva").id not in plain

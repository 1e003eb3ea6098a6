"""Template mining: grouping, generalisation, evidence for variables, stable ids."""

from __future__ import annotations

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


def test_capitalised_commands_mid_message_stay_apart_but_values_at_the_end_merge() -> None:
    miner = TemplateMiner()
    packets = {miner.add(f"Sending {packet} to client-{n} ({n}, 0)").id
               for n, packet in enumerate(["CONNACK", "PUBACK", "PUBREC", "SUBACK"] * 3)}
    assert len(packets) == 4
    states = {miner.add(f"update_node: node vm state set to {state}").id
              for state in ("IDLE", "DRAINED", "DRAINING", "ALLOCATED")}
    assert len(states) <= 2


def test_a_flag_field_first_is_not_taken_for_a_word() -> None:
    miner = TemplateMiner()
    ids = [miner.add(f"{flags} 1/1/0/0/0 0/0 \"GET /api/{n} HTTP/1.1\"").id
           for n, flags in enumerate(["----", "SC--", "PR--", "CD--", "sD--", "----"])]
    assert ids[2:] == [ids[0]] * 4, "termination flags such as SC-- are values, not the word that starts an event"

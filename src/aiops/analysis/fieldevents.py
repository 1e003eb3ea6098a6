"""Events of logfmt lines (``ts=... caller=api.go:603 level=error msg="..." key=value ...``).

A structured logger's message value is written by one statement, and the pairs around it are of
two kinds: the fields that statement adds, and context that an earlier ``With(...)`` attached to
the logger (a request id, a component, an engine's settings), which comes and goes with what the
program was doing. Mining the whole line splits one statement by its context; mining the message
alone merges statements that print the same words. So a line's event here is:

- the template of its message value, mined on its own;
- the source location among its values (go-kit's ``caller=``), which names the statement outright;
- the fields the statement adds: the last key of the line, as loggers (zap, slog, go-kit, log15)
  write context first and the statement's own fields after it; where every line's keys are in
  alphabetical order (logrus sorts them), position tells nothing and the whole key set counts.
  Namespaced keys (``http.request.id``, ``go.version``) never count: they are the context a
  middleware or a request-scoped logger attached, present on some lines of a statement only.

Lines that agree on all three join the first template seen with them (`msgid.IdEvents`), whatever
their context; lines whose whole-line template another key took first get a template of their own
(the whole-line miner spread a message word among many pairs), unless their message fits the other
key's message (one variable that took more values). This applies only when the message values of
the first lines take several templates: a file whose message is the same everywhere (auditd's
``msg=audit(...)``) keeps whole-line mining.

JSON lines are mined on their message alone, so there the call site splits instead (`CallSites`):
lines of one message template logged from two source locations (etcd's ``became follower`` /
``became leader``, both ``<*> became <*> at term <*>`` to the miner) are two events.
"""

from __future__ import annotations

from aiops.analysis.jsonlines import json_locations, logfmt_message
from aiops.analysis.miner import TABLE_LIMIT, Template, TemplateMiner, current
from aiops.analysis.msgid import IdEvents

MIN_MESSAGES = 4
"""Message templates the first lines must show for the message to name the event."""
SORTED_SHARE = 0.9
"""Share of the first lines (with two keys or more) whose keys are in order for the file to count
as sorted."""


class FieldEvents:
    """Join the whole-line templates of logfmt lines that share a message, a call site and fields."""

    def __init__(self, *, prefixed: bool, sorted_keys: bool, messages: TemplateMiner | None = None) -> None:
        self.prefixed = prefixed
        self.sorted_keys = sorted_keys
        self.messages = messages or TemplateMiner()
        """The miner of message values (trained on the first lines, so their keys are settled early)."""
        self.events = IdEvents("")
        self._owner: dict[str, tuple[str, Template]] = {}
        """Per whole-line template id, the event key that first took it and its message template."""
        self.twins: list[Template] = []
        """The templates made here (the miner does not list them)."""

    @classmethod
    def learn(cls, head: list[str], *, prefixed: bool) -> FieldEvents | None:
        """A `FieldEvents` for a logfmt file whose first lines are `head`, or None where the
        message values do not tell events apart."""
        found = [logfmt_message(line, prefixed=prefixed) for line in head]
        parts = [part for part in found if part is not None and part[0]]
        probe = TemplateMiner()
        if len({current(probe.add(message)).id for message, _, _ in parts}) < MIN_MESSAGES:
            return None
        keyed = [keys for _, keys, _ in parts if len(keys) >= 2]
        in_order = sum(keys == sorted(keys) for keys in keyed)
        return cls(prefixed=prefixed, sorted_keys=bool(keyed) and in_order >= SORTED_SHARE * len(keyed),
                   messages=probe)

    def event(self, line: str, template: Template) -> Template:
        """The template `line` gets: `template` (its whole-line template) or the first template
        seen with the same message, call site and fields."""
        found = logfmt_message(line, prefixed=self.prefixed)
        if found is None or not found[0]:
            return template
        message, keys, locations = found
        keys = [key for key in keys if "." not in key]  # namespaced keys are context (``http.request.id``)
        own = " ".join(sorted(keys)) if self.sorted_keys else (keys[-1] if keys else "")
        said = current(self.messages.add(message))
        key = f"{said.id}|{own}|{' '.join(locations)}"
        if len(self._owner) >= TABLE_LIMIT:
            self._owner.clear()
        owner = self._owner.setdefault(template.id, (key, said))
        if owner[0] != key and not self.events.knows(key):
            if self.messages.compatible(current(owner[1]).tokens, said.tokens):
                key = owner[0]  # one variable of the message took two templates' worth of values
            else:  # the whole-line miner merged two messages: this one is another event
                template = twin(template, self.twins)
                self._owner[template.id] = (key, said)
        return self.events.event(key, template)


SITE_SHARE = 0.5
"""Share of the first JSON lines that must name a source location for call sites to split events."""


class CallSites:
    """Split the templates of JSON lines by the source location each line names: the first location
    seen keeps the template, each other one gets a template of its own with the same text."""

    def __init__(self, *, prefixed: bool) -> None:
        self.prefixed = prefixed
        self._first: dict[str, str] = {}
        self._others: dict[tuple[str, str], Template] = {}
        self.twins: list[Template] = []
        """The templates made here (the miner does not list them)."""

    @classmethod
    def learn(cls, head: list[str], *, prefixed: bool) -> CallSites | None:
        """A `CallSites` when most of the first lines (`head`) name one source location, else None."""
        named = sum(len(json_locations(line, prefixed=prefixed)) == 1 for line in head)
        return cls(prefixed=prefixed) if head and named >= SITE_SHARE * len(head) else None

    def event(self, line: str, template: Template) -> Template:
        """The template `line` gets: `template`, or its twin for the call site `line` names."""
        found = json_locations(line, prefixed=self.prefixed)
        return self.at(found[0], template) if len(found) == 1 else template

    def at(self, location: str, template: Template) -> Template:
        """The template a line of `template` that names `location` gets (see `event`)."""
        if len(self._others) >= TABLE_LIMIT or len(self._first) >= TABLE_LIMIT:
            self._first.clear()
            self._others.clear()
        if self._first.setdefault(template.id, location) == location:
            return template
        other = self._others.get((template.id, location))
        if other is None:
            other = self._others[(template.id, location)] = twin(template, self.twins)
            return other
        return _take_line(template, other)


def twin(template: Template, made_so_far: list[Template]) -> Template:
    """A new template with the text of `template`, taking the line just counted for it; it is added
    to `made_so_far`, whose length numbers it (ids stay unique when tables are reset)."""
    made = Template(id=f"{template.id}.{len(made_so_far) + 1}", tokens=list(template.tokens))
    made_so_far.append(made)
    return _take_line(template, made)


def _take_line(template: Template, other: Template) -> Template:
    """`other` takes the line just counted for `template` and shows its text."""
    other.show(template.text)
    template.count -= 1
    other.count += 1
    return other

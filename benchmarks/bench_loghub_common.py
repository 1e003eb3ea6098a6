"""Shared helpers for the LogHub benchmarks: data location, loading, grouping accuracy, and the
drain3 reference settings.

The LogHub 2k samples are read in place (research licence: never copied into this repository).
Set LOGHUB_DIR to point elsewhere; the default is ../shared/data/loghub2k next to the checkout.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LOGHUB_DIR", ROOT.parent / "shared" / "data" / "loghub2k"))

# Reference settings for drain3 "tuned": the per-system header formats, masks, similarity threshold
# and tree depth that the LogPAI benchmark of Drain uses (Zhu et al., ICSE-SEIP 2019). These are
# facts about the reference, not settings of our miner (which has none).
TUNED: dict[str, dict[str, Any]] = {
    "HDFS": {"format": "<Date> <Time> <Pid> <Level> <Component>: <Content>",
             "masks": [r"blk_-?\d+", r"(\d+\.){3}\d+(:\d+)?"], "st": 0.5, "depth": 4},
    "Hadoop": {"format": r"<Date> <Time> <Level> \[<Process>\] <Component>: <Content>",
               "masks": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4},
    "Spark": {"format": "<Date> <Time> <Level> <Component>: <Content>",
              "masks": [r"(\d+\.){3}\d+", r"\b[KGTM]?B\b", r"([\w-]+\.){2,}[\w-]+"], "st": 0.5, "depth": 4},
    "Zookeeper": {"format": r"<Date> <Time> - <Level>  \[<Node>:<Component>@<Id>\] - <Content>",
                  "masks": [r"(/|)(\d+\.){3}\d+(:\d+)?"], "st": 0.5, "depth": 4},
    "BGL": {"format": "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> "
                      "<Content>",
            "masks": [r"core\.\d+"], "st": 0.5, "depth": 4},
    "HPC": {"format": "<LogId> <Node> <Component> <State> <Time> <Flag> <Content>",
            "masks": [r"=\d+"], "st": 0.5, "depth": 4},
    "Thunderbird": {"format": r"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> "
                              r"<Component>(\[<PID>\])?: <Content>",
                    "masks": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4},
    "Windows": {"format": "<Date> <Time>, <Level>" + " " * 18 + "<Component>    <Content>",
                "masks": [r"0x.*?\s"], "st": 0.7, "depth": 5},
    "Linux": {"format": r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>",
              "masks": [r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], "st": 0.39, "depth": 6},
    "Android": {"format": "<Date> <Time>  <Pid>  <Tid> <Level> <Component>: <Content>",
                "masks": [r"(/[\w-]+)+", r"([\w-]+\.){2,}[\w-]+",
                          r"\b(\-?\+?\d+)\b|\b0[Xx][a-fA-F\d]+\b|\b[a-fA-F\d]{4,}\b"], "st": 0.2, "depth": 6},
    "HealthApp": {"format": r"<Time>\|<Component>\|<Pid>\|<Content>", "masks": [], "st": 0.2, "depth": 4},
    "Apache": {"format": r"\[<Time>\] \[<Level>\] <Content>", "masks": [r"(\d+\.){3}\d+"],
               "st": 0.5, "depth": 4},
    "Proxifier": {"format": r"\[<Time>\] <Program> - <Content>",
                  "masks": [r"<\d+\ssec", r"([\w-]+\.)+[\w-]+(:\d+)?", r"\d{2}:\d{2}(:\d{2})*", r"[KGTM]B"],
                  "st": 0.6, "depth": 3},
    "OpenSSH": {"format": r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>",
                "masks": [r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], "st": 0.6, "depth": 5},
    "OpenStack": {"format": r"<Logrecord> <Date> <Time> <Pid> <Level> <Component> \[<ADDR>\] <Content>",
                  "masks": [r"((\d+\.){3}\d+,?)+", r"/.+?\s", r"\d+"], "st": 0.5, "depth": 5},
    "Mac": {"format": r"<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>",
            "masks": [r"([\w-]+\.){2,}[\w-]+"], "st": 0.7, "depth": 6},
}


def systems() -> list[str]:
    """The systems present in DATA_DIR (those with corrected labels), sorted."""
    if not DATA_DIR.is_dir():
        raise SystemExit(f"LogHub data not found at {DATA_DIR} (set LOGHUB_DIR)")
    return sorted(p.name for p in DATA_DIR.iterdir()
                  if (p / f"{p.name}_2k.log_structured_corrected.csv").is_file())


def log_path(system: str) -> Path:
    """The raw 2k log file of a system."""
    return DATA_DIR / system / f"{system}_2k.log"


def load_lines(system: str) -> list[str]:
    """Raw lines of a system's 2k log, line ends removed (the files use CRLF)."""
    data = log_path(system).read_bytes().decode("utf-8", "replace")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def load_column(system: str, column: str) -> list[str]:
    """One column of a system's corrected structured file, per line (``Content``: the message)."""
    path = DATA_DIR / system / f"{system}_2k.log_structured_corrected.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def load_labels(system: str) -> list[str]:
    """Ground-truth event template per line (corrected labels)."""
    return load_column(system, "EventTemplate")


def grouping_accuracy(predicted: list[Any], truth: list[str]) -> float:
    """Share of lines whose predicted group holds exactly the lines of their true group."""
    if len(predicted) != len(truth):
        raise ValueError(f"{len(predicted)} predictions for {len(truth)} lines")
    by_pred: dict[Any, list[int]] = defaultdict(list)
    by_true: dict[str, set[int]] = defaultdict(set)
    for index, (pred, true) in enumerate(zip(predicted, truth, strict=True)):
        by_pred[pred].append(index)
        by_true[true].add(index)
    correct = 0
    for members in by_pred.values():
        true_group = by_true[truth[members[0]]]
        if len(true_group) == len(members) and true_group.issuperset(members):
            correct += len(members)
    return correct / len(truth)


_BLANKS = re.compile(r"\s+")
_VARIABLE_RUN = re.compile(r"<\*>(?:[^\w<]*<\*>)+")


def normalise_template(template: str, *, strict: bool = False) -> str:
    """The form two templates are compared in. Always: blank runs become one space, ends trimmed.
    Unless `strict`: a run of variables with only punctuation or blanks between them (``<*>:<*>``,
    ``<*> (<*>)``, ``<*><*>``) counts as one ``<*>`` -- how many pieces a stretch of variable
    text is cut into is a labelling convention; the constant words and their order are not."""
    text = _BLANKS.sub(" ", template).strip()
    return text if strict else _VARIABLE_RUN.sub("<*>", text)


def parsing_accuracy(predicted: list[str], truth: list[str], *, strict: bool = False) -> float:
    """Share of lines whose predicted template equals their labelled template (`normalise_template`)."""
    if len(predicted) != len(truth):
        raise ValueError(f"{len(predicted)} templates for {len(truth)} lines")
    cache: dict[str, str] = {}

    def norm(text: str) -> str:
        if text not in cache:
            cache[text] = normalise_template(text, strict=strict)
        return cache[text]

    return sum(norm(p) == norm(t) for p, t in zip(predicted, truth, strict=True)) / max(1, len(truth))


def format_regex(log_format: str) -> re.Pattern[str]:
    """A LogPAI `<Field> <Field>: <Content>` header format as an anchored regex."""
    parts = re.split(r"(<[^<>]+>)", log_format)
    out = []
    for part in parts:
        if part.startswith("<") and part.endswith(">"):
            name = part[1:-1]
            out.append(f"(?P<{name}>.*)" if name == "Content" else f"(?P<{name}>.*?)")
        else:
            out.append(re.sub(" +", r"\\s+", part))
    return re.compile("^" + "".join(out) + "$")


def drain3_miner(system: str | None) -> Any:
    """A drain3 TemplateMiner: tuned for `system`, or untuned (defaults) when None."""
    from drain3 import TemplateMiner
    from drain3.masking import MaskingInstruction
    from drain3.template_miner_config import TemplateMinerConfig

    config = TemplateMinerConfig()
    config.profiling_enabled = False
    if system is not None:
        settings = TUNED[system]
        config.drain_sim_th = settings["st"]
        config.drain_depth = settings["depth"]
        config.masking_instructions = [MaskingInstruction(p, "*") for p in settings["masks"]]
        config.mask_prefix, config.mask_suffix = "<", ">"
    return TemplateMiner(config=config)


def drain3_content(line: str, pattern: re.Pattern[str] | None) -> str:
    """The text drain3 mines for a line: the tuned format's Content, else the whole line."""
    if pattern is None:
        return line
    match = pattern.match(line)
    return match.group("Content") if match else line

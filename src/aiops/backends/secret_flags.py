"""Passwords passed as a program's short option (``mysql -pVALUE``, ``sshpass -p VALUE``,
``redis-cli -a VALUE``): the option letter means a password only for these programs (``-p`` is a
port for ssh and redis-cli), so the table names the program. Content, not mechanism: add a row for
another client that takes a password on its command line.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

PASSWORD_OPTIONS: dict[str, tuple[str, bool]] = {
    "mysql": ("-p", False),
    "mariadb": ("-p", False),
    "mysqladmin": ("-p", False),
    "mysqldump": ("-p", False),
    "mysqlcheck": ("-p", False),
    "mariadb-admin": ("-p", False),
    "mariadb-dump": ("-p", False),
    "sshpass": ("-p", True),
    "redis-cli": ("-a", True),
    "valkey-cli": ("-a", True),
}
"""Program -> (its password option, whether the value may follow as the next word). MySQL's ``-p``
takes its value attached only (``-p dbname`` prompts and names a database)."""
_SEPARATORS = frozenset({";", "&&", "||", "|", "&"})
_PREFIXES = frozenset({"env", "sudo", "exec", "nohup", "timeout", "command"})


def _program(word: str) -> str:
    return word.rsplit("/", 1)[-1]


def password_option(words: Sequence[str]) -> tuple[int, str] | None:
    """(index of the word holding the password, the program and option) in an argv-like word list,
    or None. A value that refers to an environment variable (``-p$MYSQL_PWD``) is not a password."""
    program = ""
    expect_program = True
    for index, word in enumerate(words):
        if word in _SEPARATORS:
            program, expect_program = "", True
            continue
        if expect_program:
            if "=" in word or word in _PREFIXES or word.startswith("-") or word.isdigit():
                continue  # VAR=value, sudo/env/timeout and their options come before the program
            program, expect_program = _program(word), False
            continue
        option = PASSWORD_OPTIONS.get(program)
        if option is None:
            continue
        flag, separate = option
        if word.startswith(flag) and len(word) > len(flag) and not word[len(flag):].startswith("$"):
            return index, f"{program} {flag}"
        if word == flag and separate and index + 1 < len(words):
            value = words[index + 1]
            if value and not value.startswith(("$", "-")) and value not in _SEPARATORS:
                return index + 1, f"{program} {flag}"
    return None


def password_in_command(text: str) -> str | None:
    """`program option` when the shell command line `text` passes a password on its command line."""
    if " " not in text.strip():
        return None
    try:
        words = shlex.split(text, posix=True)
    except ValueError:
        words = text.split()
    found = password_option(words)
    return found[1] if found else None

"""Function words by role and language: the closed word classes the syntax rules test, read from
`lexicons/function_words.toml` (its header documents the format and every role).

A rule asks for a role's words of every language at once: a preposition of one language is hardly ever a
preposition of another with another meaning, and adding a language is adding a table.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from treve.errors import ResourceError

_FILE = "function_words.toml"


@cache
def _tables() -> dict[str, dict[str, list[str]]]:
    path = resources.files("treve.resources") / "lexicons" / _FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read the function words ({_FILE}): {exc}") from exc
    raw.pop("version", None)
    roles = {role for table in raw.values() for role in table}
    for language, table in raw.items():
        if not isinstance(table, dict) or set(table) != roles:
            missing = sorted(roles - set(table)) if isinstance(table, dict) else "every role"
            raise ResourceError(f"{_FILE}: table [{language}] must list every role; missing {missing}")
    return raw


def words(role: str) -> frozenset[str]:
    """The words of `role` in every language the file has, lower case."""
    tables = _tables()
    if not any(role in table for table in tables.values()):
        raise ResourceError(f"{_FILE}: no role '{role}'")
    return frozenset(word.lower() for table in tables.values() for word in table.get(role, []))


def alternatives(role: str) -> str:
    """The role's words as a regular-expression alternation, longest first, spaces matching any run of space."""
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words(role), key=len, reverse=True))
    return "|".join(escaped) or "(?!)"


@cache
def every_word() -> frozenset[str]:
    """Every word of every role and language, lower case: the closed classes of the languages."""
    return frozenset(word.lower() for table in _tables().values() for found in table.values() for word in found)


def languages() -> tuple[str, ...]:
    """The languages the file has a table for."""
    return tuple(_tables())

"""Loader for the scraper-debris lexicon (`lexicons/debris.toml`; format and sources are in the file)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from treve.errors import ResourceError


class DebrisLexicon(BaseModel):
    """Whole-line patterns by removal reason."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    version: str
    max_line_chars: int
    patterns: dict[str, re.Pattern[str]]
    link_opening: re.Pattern[str] | None = None
    link_closing: re.Pattern[str] | None = None

    def reason_for(self, line: str) -> str | None:
        """The removal reason whose patterns match the whole (stripped) line, if any."""
        stripped = line.strip()
        if not stripped or len(stripped) > self.max_line_chars:
            return None
        for reason, pattern in self.patterns.items():
            if pattern.fullmatch(stripped):
                return reason
        return None

    def link_marker_at(self, text: str, *, end: bool = False) -> bool:
        """Whether the text opens (or, with `end`, closes) with the words that open a link to another story
        ("Lire aussi :", "Read more:"), as found inside paragraphs that a scraper flattened."""
        pattern = self.link_closing if end else self.link_opening
        return pattern is not None and pattern.search(text.strip()) is not None


@cache
def load_debris_lexicon() -> DebrisLexicon:
    """Read and compile the shipped lexicon once per process."""
    source = resources.files("treve.resources").joinpath("lexicons/debris.toml")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        tables = {key: value for key, value in raw.items() if isinstance(value, dict)}
        compiled = {
            reason: re.compile("|".join(f"(?:{p})" for p in table["patterns"]), re.IGNORECASE)
            for reason, table in tables.items()
        }
        markers = "|".join(re.escape(marker) for marker in raw.get("related-link", {}).get("markers", ()))
        return DebrisLexicon(
            version=raw["version"],
            max_line_chars=raw["max_line_chars"],
            patterns=compiled,
            link_opening=re.compile(rf"^(?:{markers})\s*[:>»-]", re.IGNORECASE) if markers else None,
            link_closing=re.compile(rf"(?:^|\W)(?:{markers})\s*[:>»-]?$", re.IGNORECASE) if markers else None,
        )
    except (OSError, KeyError, tomllib.TOMLDecodeError, re.error) as exc:
        raise ResourceError(f"{source}: debris lexicon unreadable ({exc}); reinstall treve") from exc

"""What the per-language word tests (test_<language>_words.py) ask of the casualty and time readers."""

from __future__ import annotations

from datetime import date, datetime

from treve.stages.casualties import CasualtyMention, find_casualties
from treve.stages.time import TimeMention, find_time_expressions

TUESDAY = date(2022, 9, 13)


class LanguageWords:
    """The casualty and time readers of one language, as the tests call them."""

    def __init__(self, language: str) -> None:
        self.language = language

    def figures(self, text: str) -> list[tuple[str, int | None, str]]:
        """Kind, best count and qualifier of every casualty expression, each of whose texts is the text at its
        offsets."""
        mentions = find_casualties(text, self.language)
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text
            assert text[mention.count.start : mention.count.end] == mention.count.text
        return [(m.kind, m.count.best, m.count.qualifier) for m in mentions]

    def only_casualty(self, text: str) -> CasualtyMention:
        """The one casualty expression the text holds."""
        mentions = find_casualties(text, self.language)
        assert len(mentions) == 1, mentions
        return mentions[0]

    def only_time(self, text: str, reference: date | datetime | None = TUESDAY) -> TimeMention:
        """The one time expression the text holds, whose text is the text at its offsets."""
        mentions = find_time_expressions(text, self.language, reference=reference)
        assert len(mentions) == 1, [m.text for m in mentions]
        assert text[mentions[0].start : mentions[0].end] == mentions[0].text
        return mentions[0]

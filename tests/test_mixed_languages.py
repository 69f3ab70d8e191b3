"""Given a page in two languages, expect the events of each paragraph, read in that paragraph's language."""

from __future__ import annotations

from datetime import date

from treve.records import Article, ParagraphLanguage
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

FRENCH = "Des hommes armés ont tué jeudi douze soldats lors d'une embuscade près de Djibo, au Burkina Faso."
SPANISH = "En Lima, miles de personas marcharon el viernes contra el alza de los precios."


def test_each_paragraph_is_read_in_its_own_language() -> None:
    text = f"{FRENCH}\n\n{SPANISH}"
    second = len(FRENCH) + 2
    article = Article(
        id="mixed",
        title=None,
        text=text,
        language="fr",
        paragraphs=[
            ParagraphLanguage(start=0, end=len(FRENCH), language="fr", confidence=0.95),
            ParagraphLanguage(start=second, end=len(text), language="es", confidence=0.95),
        ],
        published=date(2024, 3, 16),
        input_format="text",
        path="mixed.txt",
    )
    events = EventCoder(LanguageModels())(article).events
    assert [(event.event, event.evidence.start >= second) for event in events if event.evidence] == [
        ("ASSAULT", False),
        ("PROTEST", True),
    ]
    assert [event.id for event in events] == ["mixed-1", "mixed-2"]

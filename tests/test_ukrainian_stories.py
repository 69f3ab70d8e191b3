"""Given a Ukrainian story written for these tests, expect the events an analyst codes from it. Ukrainian is read
without a parser (pymorphy2's dictionary for lemmas, roles from SVO word order)."""

from __future__ import annotations

from datetime import date

from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

STORY = (
    "Російські війська в неділю обстріляли Херсон, загинули троє цивільних, повідомила обласна військова "
    "адміністрація.\nУ понеділок сотні людей вийшли на мітинг у Києві."
)


def test_the_shelling_by_russian_forces_and_the_rally_of_monday() -> None:
    events = EventCoder(LanguageModels()).code_text(STORY, "uk", date(2024, 3, 12))
    [shelling] = [event for event in events if event.event == "ASSAULT"]
    assert [(entity.code, entity.sector) for entity in shelling.actor] == [("RUS", "MIL")]
    assert (shelling.size.dead, shelling.date) == (3, "2024-03-10")
    [rally] = [event for event in events if event.event == "PROTEST"]
    assert rally.date == "2024-03-11"

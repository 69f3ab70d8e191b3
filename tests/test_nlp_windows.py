"""Given a text longer than one read of a pipeline allows, expect it read whole, in windows cut at paragraph,
line or word boundaries, with every character where it was."""

from __future__ import annotations

from treve.stages.nlp import LanguageModels, in_windows

PARAGRAPH = "Rebels attacked an army post near the border on Monday. Three soldiers were killed.\n\n"


def test_a_text_over_the_window_is_read_whole_with_its_offsets() -> None:
    text = PARAGRAPH * 12 + "x" * 700 + " and a last sentence."
    doc = in_windows(LanguageModels().get("en"), text, window=300)
    assert doc.text == text
    assert sum(1 for sentence in doc.sents if sentence.text.startswith("Rebels attacked")) == 12
    soldiers = [token for token in doc if token.text == "soldiers"]
    assert len(soldiers) == 12 and all(text[t.idx : t.idx + 8] == "soldiers" for t in soldiers)


def test_a_window_ends_at_a_paragraph_break_when_its_second_half_has_one() -> None:
    doc = in_windows(LanguageModels().get("en"), PARAGRAPH * 6, window=200)
    assert all(sentence.text.startswith(("Rebels", "Three")) for sentence in doc.sents if sentence.text.strip())

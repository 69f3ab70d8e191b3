"""Given text in a configured language, the article and each paragraph get it with a confidence."""

from __future__ import annotations

import pytest

from treve.errors import ConfigError
from treve.records import Article
from treve.stages.language import LanguageIdentifier


def article(text: str, declared: str | None = None) -> Article:
    return Article(id="0", title=None, text=text, input_format="text", path="t.txt", declared_language=declared)


@pytest.fixture(scope="module")
def identify() -> LanguageIdentifier:
    return LanguageIdentifier(["en", "fr", "es", "de", "ru"])


def test_mixed_article_gets_a_language_per_paragraph(identify: LanguageIdentifier) -> None:
    text = (
        "Le ministère de la Défense a annoncé mardi la fin des exercices militaires dans la région.\n\n"
        "The defence ministry said on Tuesday that the military exercises in the region had ended.\n\n"
        "Министерство обороны во вторник объявило об окончании военных учений в регионе."
    )
    result = identify(article(text))
    assert [paragraph.language for paragraph in result.paragraphs] == ["fr", "en", "ru"]
    assert all(paragraph.confidence > 0.8 for paragraph in result.paragraphs)
    assert [text[p.start : p.end][:2] for p in result.paragraphs] == ["Le", "Th", "Ми"]


def test_a_declared_language_decides_only_when_detection_is_unsure(identify: LanguageIdentifier) -> None:
    assert identify(article("Les combats ont repris dans la nuit près de la frontière.", "en")).language == "fr"
    assert identify(article("OTAN", "fr")).language == "fr"


def test_an_unknown_language_code_is_a_clear_setting_error() -> None:
    with pytest.raises(ConfigError, match="'xx' is not an ISO 639-1 code"):
        LanguageIdentifier(["fr", "xx"])

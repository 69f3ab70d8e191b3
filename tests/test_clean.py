"""Given scraped text with debris, the clean stage keeps the story word for word and lists each removal."""

from __future__ import annotations

import re
from pathlib import Path

from treve.records import Article, RawItem
from treve.resources.debris import load_debris_lexicon
from treve.stages.clean import Cleaner, clean_scraped_text, parse_published

LEXICON = load_debris_lexicon()


def clean(text: str, title: str | None = None):
    return clean_scraped_text(text, lexicon=LEXICON, known_title=title)


def reasons(removed) -> list[tuple[str, str]]:
    return [(removal.reason, removal.text) for removal in removed]


def test_seed_title_is_the_headline_line(seed_article: Article) -> None:
    assert seed_article.title == "La Russie dit avoir négocié un cessez-le-feu avec l’Arménie et l’Azerbaïdjan"


def test_seed_debris_is_removed_and_listed(seed_article: Article) -> None:
    found = reasons(seed_article.removed)
    assert found.count(("publisher-stamp", "Nostress Media Ltd")) == 3
    assert [text for reason, text in found if reason == "counter"] == ["0", "219"]
    assert [reason for reason, _ in found].count("duplicated-phrase") == 1
    assert "Nostress" not in seed_article.text
    assert "communiqué. un communiqué" not in seed_article.text
    assert "dans un communiqué, ajoutant" in seed_article.text


def test_seed_removals_point_at_the_removed_text(seed_article: Article, seed_path: Path) -> None:
    original = seed_path.read_text(encoding="utf-8")
    for removal in seed_article.removed:
        assert original[removal.start : removal.end] == removal.text


def test_seed_story_is_kept_word_for_word(seed_article: Article, seed_path: Path) -> None:
    story_lines = [line for line in seed_path.read_text(encoding="utf-8").splitlines() if len(line) > 100]
    assert story_lines
    for line in story_lines:
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            assert sentence.rstrip(".!?,") in seed_article.text


def test_seed_is_french_in_every_paragraph(seed_article: Article) -> None:
    assert seed_article.language == "fr"
    assert seed_article.language_confidence is not None and seed_article.language_confidence > 0.9
    assert len(seed_article.paragraphs) >= 15
    assert {paragraph.language for paragraph in seed_article.paragraphs} == {"fr"}


def test_seed_publication_date_is_inferred_from_its_text(seed_article: Article) -> None:
    assert str(seed_article.published) == "2022-09-13"
    assert seed_article.published_source == "inferred"
    assert seed_article.published_confidence is not None and seed_article.published_confidence >= 0.7


def test_english_scrape_debris_of_each_kind() -> None:
    text = (
        "Rebels seize border town after two days of fighting\n\n"
        "Share this article\n"
        "1.2K\n"
        "Rebels seized a border town on Sunday after two days of fighting with government troops, "
        "a local official said.\n\n"
        "We use cookies to give you the best experience on our website.\n"
        "Read more: Rebels advance in the north\n"
        "Sign up for our daily newsletter\n"
        "The army said it had withdrawn to regroup. to regroup, and would retake the town.\n"
    )
    cleaned = clean(text)
    assert cleaned.title == "Rebels seize border town after two days of fighting"
    assert reasons(cleaned.removed) == [
        ("title-line", "Rebels seize border town after two days of fighting"),
        ("share-line", "Share this article"),
        ("counter", "1.2K"),
        ("cookie-line", "We use cookies to give you the best experience on our website."),
        ("related-link", "Read more: Rebels advance in the north"),
        ("newsletter-line", "Sign up for our daily newsletter"),
        ("duplicated-phrase", "to regroup. "),
    ]
    assert "had withdrawn to regroup, and would retake the town." in cleaned.body


def test_grammatical_repetition_is_not_a_doubled_phrase() -> None:
    text = "« Nous nous attendons à une trêve », a dit le ministre. Très, très loin de là, le front restait calme."
    cleaned = clean(text)
    assert cleaned.removed == []
    assert cleaned.body == text


def test_a_stamp_seen_once_is_kept_unless_it_has_a_stamp_shape() -> None:
    text = "Le front reste calme dans la région, selon des témoins.\n\nKarabakh Monitor\n\n© Agence Exemple 2022\n"
    cleaned = clean(text)
    assert reasons(cleaned.removed) == [("publisher-stamp", "© Agence Exemple 2022")]
    assert "Karabakh Monitor" in cleaned.body


def test_a_one_line_story_is_a_body_not_a_title() -> None:
    cleaned = clean("Heavy shelling was reported overnight near the front line")
    assert cleaned.title is None
    assert cleaned.body == "Heavy shelling was reported overnight near the front line"


def test_known_title_repeated_as_first_line_is_not_kept_in_the_body() -> None:
    cleaned = clean(
        "Ceasefire holds in the south\n\nThe ceasefire held for a third day.", title="Ceasefire holds in the south"
    )
    assert cleaned.body == "The ceasefire held for a third day."


def test_publication_date_formats_from_feeds_and_pages() -> None:
    assert str(parse_published("2022-09-13")) == "2022-09-13"
    assert parse_published("Tue, 13 Sep 2022 09:30:00 +0000").isoformat() == "2022-09-13T09:30:00+00:00"
    assert parse_published("2022-09-13T09:30:00+04:00").isoformat() == "2022-09-13T09:30:00+04:00"
    assert parse_published("last Tuesday") is None


def test_publication_date_from_option_only_when_metadata_has_none() -> None:
    from datetime import date

    cleaner = Cleaner(published=date(2022, 9, 14))
    body = "Les combats ont repris dans la nuit près de la frontière, selon le ministère de la Défense."
    plain = cleaner(RawItem(path="a.txt", format="text", text=body))
    dated = cleaner(RawItem(path="b.jsonl", record=1, format="text", text=body, published="2022-09-13"))
    assert (str(plain.published), plain.published_source) == ("2022-09-14", "option")
    assert (str(dated.published), dated.published_source) == ("2022-09-13", "metadata")

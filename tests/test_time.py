"""Given a story and its publication date, these time expressions and these dates; given none, the story's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from treve.stages.time import (
    TimeMention,
    find_durations,
    find_time_expressions,
    infer_publication_date,
    load_time_lexicon,
)

TUESDAY = date(2022, 9, 13)
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article_fr.txt"


def by_text(text: str, language: str, reference: date | datetime | None = TUESDAY) -> dict[str, TimeMention]:
    mentions = find_time_expressions(text, language, reference=reference)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    return {m.text: m for m in mentions}


def only(text: str, language: str, reference: date | datetime | None = TUESDAY) -> TimeMention:
    mentions = find_time_expressions(text, language, reference=reference)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


# ---------------------------------------------------------------------------------------------------------------
# Expressions, resolved against Tuesday 13 September 2022

FRENCH_STORY = (
    "Le gouvernement a affirmé mardi que les bombardements avaient commencé vers minuit, heure locale, "
    "dans la nuit de lundi à mardi. Une trêve doit entrer en vigueur à 8h00 heure de Kiev (05h00 GMT) "
    "le 15 septembre de cette année. La semaine dernière, deux villages avaient été repris ; en août, "
    "l'armée avait reculé. Les deux pays s'étaient déjà affrontés dans les années 1990 et en 2020, "
    "puis à l'automne 2020. Des pourparlers ont eu lieu en mai et avril, trente ans après l'indépendance "
    "proclamée en 1991. Hier, puis il y a deux jours, des tirs ont été signalés."
)


@pytest.mark.parametrize(
    ("words", "start", "end", "precision", "relative", "anchor"),
    [
        ("mardi", date(2022, 9, 13), None, "day", True, None),
        ("minuit, heure locale", datetime(2022, 9, 13, 0, 0), None, "hour", True, None),
        ("dans la nuit de lundi à mardi", date(2022, 9, 12), date(2022, 9, 13), "day", True, None),
        (
            "8h00 heure de Kiev (05h00 GMT) le 15 septembre de cette année",
            datetime(2022, 9, 15, 5, 0, tzinfo=UTC),
            None,
            "hour",
            True,
            None,
        ),
        ("La semaine dernière", date(2022, 9, 5), date(2022, 9, 11), "week", True, "past"),
        ("en août", date(2022, 8, 1), date(2022, 8, 31), "month", True, None),
        ("dans les années 1990", date(1990, 1, 1), date(1999, 12, 31), "decade", False, None),
        ("en 2020", date(2020, 1, 1), date(2020, 12, 31), "year", False, None),
        ("à l'automne 2020", date(2020, 9, 22), date(2020, 12, 21), "season", False, None),
        ("en mai", date(2022, 5, 1), date(2022, 5, 31), "month", True, None),
        ("avril", date(2022, 4, 1), date(2022, 4, 30), "month", True, None),
        ("en 1991", date(1991, 1, 1), date(1991, 12, 31), "year", False, None),
        ("Hier", date(2022, 9, 12), None, "day", True, "past"),
        ("il y a deux jours", date(2022, 9, 11), None, "day", True, "past"),
    ],
)
def test_a_french_story_yields_these_dates(
    words: str, start: date, end: date | None, precision: str, relative: bool, anchor: str | None
) -> None:
    mention = by_text(FRENCH_STORY, "fr")[words]
    assert (mention.value.start, mention.value.end, mention.value.precision) == (start, end, precision)
    assert (mention.relative, mention.anchor) == (relative, anchor)
    assert mention.value.text == words


def test_the_french_story_has_no_other_expression() -> None:
    # "trente ans après" is a duration between two events, not a date.
    assert len(by_text(FRENCH_STORY, "fr")) == 14


ENGLISH_STORY = (
    "The army said on Tuesday that shelling began at midnight local time, overnight Monday into Tuesday, and "
    "that a truce would take effect at 0600 GMT on Sept. 15. Last week two villages changed hands; in August "
    "the front moved. The neighbours fought in the 1990s and in the autumn of 2020, and met in May and April. "
    "The region broke away when the Soviet Union collapsed in 1991. Yesterday, and two days ago, shots were "
    "fired, as they were on 13 September 2021."
)


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        ("on Tuesday", date(2022, 9, 13), None, "day"),
        ("midnight local time", datetime(2022, 9, 13, 0, 0), None, "hour"),
        ("overnight Monday into Tuesday", date(2022, 9, 12), date(2022, 9, 13), "day"),
        ("0600 GMT on Sept. 15", datetime(2021, 9, 15, 6, 0, tzinfo=UTC), None, "hour"),
        ("Last week", date(2022, 9, 5), date(2022, 9, 11), "week"),
        ("in August", date(2022, 8, 1), date(2022, 8, 31), "month"),
        ("in the 1990s", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("in the autumn of 2020", date(2020, 9, 22), date(2020, 12, 21), "season"),
        ("in May", date(2022, 5, 1), date(2022, 5, 31), "month"),
        ("April", date(2022, 4, 1), date(2022, 4, 30), "month"),
        ("in 1991", date(1991, 1, 1), date(1991, 12, 31), "year"),
        ("Yesterday", date(2022, 9, 12), None, "day"),
        ("two days ago", date(2022, 9, 11), None, "day"),
        ("13 September 2021", date(2021, 9, 13), None, "day"),
    ],
)
def test_an_english_story_yields_these_dates(words: str, start: date, end: date | None, precision: str) -> None:
    mention = by_text(ENGLISH_STORY, "en")[words]
    assert (mention.value.start, mention.value.end, mention.value.precision) == (start, end, precision)


def test_a_date_without_a_year_is_the_latest_one_on_or_before_the_reference() -> None:
    # "Sept. 15" is after Tuesday 13 September 2022, so it is last year's; "en octobre" too.
    assert by_text(ENGLISH_STORY, "en")["0600 GMT on Sept. 15"].value.start.year == 2021
    assert only("L'offensive a débuté en octobre.", "fr").value.start == date(2021, 10, 1)
    assert only("Le 13 septembre, l'armée a reculé.", "fr").value.start == TUESDAY
    assert only("Sept. 13", "en").value.start == TUESDAY


def test_a_weekday_is_the_latest_on_or_before_the_reference_and_its_shifts_move_it() -> None:
    assert only("Il a parlé mardi.", "fr").value.start == TUESDAY
    assert only("Il a parlé lundi soir.", "fr").value.start == date(2022, 9, 12)
    assert only("Il a parlé mardi dernier.", "fr").value.start == date(2022, 9, 6)
    assert only("Il parlera mardi prochain.", "fr").anchor == "future"
    assert only("He spoke on Wednesday.", "en").value.start == date(2022, 9, 7)
    assert only("He spoke last Tuesday.", "en").value.start == date(2022, 9, 6)


def test_a_shifted_month_is_the_one_before_or_after_the_reference_month() -> None:
    months = by_text("It happened last August and will end next May.", "en")
    assert months["last August"].value.start == date(2022, 8, 1)
    assert months["next May"].value.start == date(2023, 5, 1)
    assert only("en août dernier", "fr").value.start == date(2022, 8, 1)


def test_periods_named_from_the_reference() -> None:
    cases = {
        ("cette semaine", "fr"): (date(2022, 9, 12), date(2022, 9, 18), "week", "present"),
        ("la semaine prochaine", "fr"): (date(2022, 9, 19), date(2022, 9, 25), "week", "future"),
        ("le mois dernier", "fr"): (date(2022, 8, 1), date(2022, 8, 31), "month", "past"),
        ("l'an dernier", "fr"): (date(2021, 1, 1), date(2021, 12, 31), "year", "past"),
        ("cette année", "fr"): (date(2022, 1, 1), date(2022, 12, 31), "year", "present"),
        ("le week-end dernier", "fr"): (date(2022, 9, 10), date(2022, 9, 11), "day", "past"),
        ("il y a trois semaines", "fr"): (date(2022, 8, 22), date(2022, 8, 28), "week", "past"),
        ("dans deux jours", "fr"): (date(2022, 9, 15), None, "day", "future"),
        ("a year ago", "en"): (date(2021, 1, 1), date(2021, 12, 31), "year", "past"),
        ("next month", "en"): (date(2022, 10, 1), date(2022, 10, 31), "month", "future"),
        ("last summer", "en"): (date(2021, 6, 21), date(2021, 9, 21), "season", "past"),
    }
    for (words, language), (start, end, precision, anchor) in cases.items():
        mention = only(words, language)
        assert (mention.value.start, mention.value.end, mention.value.precision, mention.anchor) == (
            start,
            end,
            precision,
            anchor,
        ), words


def test_absolute_dates_in_their_usual_spellings() -> None:
    cases = {
        ("le 1er mai 2021", "fr"): date(2021, 5, 1),
        ("le jeudi 13 sept. 2018", "fr"): date(2018, 9, 13),
        ("13/09/2022", "fr"): date(2022, 9, 13),
        ("September 13, 2022", "en"): date(2022, 9, 13),
        ("the 4th of July 1999", "en"): date(1999, 7, 4),
        ("9/13/2022", "en"): date(2022, 9, 13),
        ("2022-09-13", "en"): date(2022, 9, 13),
    }
    for (words, language), expected in cases.items():
        mention = only(words, language, reference=None)
        assert (mention.value.start, mention.value.precision, mention.relative) == (expected, "day", False), words


def test_years_seasons_and_decades() -> None:
    assert only("la guerre de 2020 entre les deux pays", "fr").value.start == date(2020, 1, 1)
    assert only("de 2014 à 2016 et au-delà", "fr").value.end == date(2016, 12, 31)
    assert only("the 2008 war", "en").value.start == date(2008, 1, 1)
    assert only("l'hiver 2022-2023", "fr").value.start == date(2022, 12, 22)
    assert only("au printemps 2014", "fr").value.end == date(2014, 6, 20)
    assert only("les années 80", "fr").value.start == date(1980, 1, 1)
    assert only("the '90s", "en").value.end == date(1999, 12, 31)


def test_times_with_a_zone_are_converted_to_utc_and_local_times_stay_naive() -> None:
    paris = only("le 5 janvier 2023 à 14h30 heure de Paris", "fr", reference=None)
    assert paris.value.start == datetime(2023, 1, 5, 13, 30, tzinfo=UTC)
    assert paris.value.precision == "hour"
    assert only("à 9h00 heure de Moscou le 13 septembre 2022", "fr").value.start == datetime(
        2022, 9, 13, 6, 0, tzinfo=UTC
    )
    assert only("at 14:00 UTC+3 on Tuesday", "en").value.start == datetime(2022, 9, 13, 11, 0, tzinfo=UTC)
    assert only("at 9:30 p.m. (1830 GMT) yesterday", "en").value.start == datetime(2022, 9, 12, 18, 30, tzinfo=UTC)
    assert only("vers 21h, heure locale, hier", "fr").value.start == datetime(2022, 9, 12, 21, 0)


def test_a_bare_time_later_than_the_reference_moment_is_the_day_before() -> None:
    morning = datetime(2022, 9, 13, 10, 0)
    assert only("Les tirs ont commencé à 21h.", "fr", reference=morning).value.start == datetime(2022, 9, 12, 21, 0)
    assert only("Les tirs ont commencé à 8h.", "fr", reference=morning).value.start == datetime(2022, 9, 13, 8, 0)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Six semaines de combats ont suivi.", "fr"),
        ("Trois jours de deuil national ont été décrétés.", "fr"),
        ("Le territoire était contrôlé depuis des décennies.", "fr"),
        ("Les 2 000 membres de la force et 2000 soldats sont arrivés.", "fr"),
        ("Il a été blessé au printemps arabe.", "fr"),
        ("Six weeks of fighting followed; the region had been held for decades.", "en"),
        ("Officials said they may 13 times review it, as troops march 5 km after the fall of the city.", "en"),
        ("Thirty people were killed in a day.", "en"),
    ],
)
def test_durations_vague_spans_and_lookalikes_are_not_dates(text: str, language: str) -> None:
    assert find_time_expressions(text, language, reference=TUESDAY) == []


def test_without_a_reference_only_absolute_expressions_are_returned() -> None:
    mentions = find_time_expressions(FRENCH_STORY, "fr", reference=None)
    assert [m.text for m in mentions] == ["dans les années 1990", "en 2020", "à l'automne 2020", "en 1991"]
    assert not any(m.relative for m in mentions)


def test_without_a_reference_a_day_takes_the_year_of_the_story_told_but_never_of_a_bare_year() -> None:
    history = "La crise d'octobre 1962 a failli tourner à la guerre. Le 22 octobre, Kennedy annonce un blocus."
    assert [m.value.start for m in find_time_expressions(history, "fr", reference=None)] == [
        date(1962, 10, 1),
        date(1962, 10, 22),
    ]
    background = "The group has fought the army since 2015. On 3 March, gunmen attacked a convoy."
    assert [m.text for m in find_time_expressions(background, "en", reference=None)] == ["since 2015"]


def test_a_language_without_a_table_has_no_expressions() -> None:
    assert "fr" in load_time_lexicon().languages and "en" in load_time_lexicon().languages
    assert find_time_expressions("Am Dienstag, 13. September 2022", "de", reference=TUESDAY) == []
    assert infer_publication_date("Am Dienstag, 13. September 2022", "de") == (None, 0.0)
    assert only("on Tuesday", "en-GB").value.start == TUESDAY


def test_explicit_dates_agree_with_dateparser() -> None:
    dateparser = pytest.importorskip("dateparser")
    for words, language in [
        ("13 septembre 2022", "fr"),
        ("1er mai 2021", "fr"),
        ("13 September 2022", "en"),
        ("September 13, 2022", "en"),
        ("Sept. 13, 2022", "en"),
    ]:
        expected = dateparser.parse(words, languages=[language]).date()
        assert only(words, language, reference=None).value.start == expected, words


PROSE = (
    "Les habitants des villages proches de la ligne de front ont quitté leurs maisons par centaines, emportant ce "
    "qu'ils pouvaient charger dans des voitures ou des charrettes. Les organisations humanitaires présentes dans la "
    "région demandent un accès sans entrave aux zones touchées et dénoncent des pénuries d'eau et de médicaments. "
    "Le ministère des Affaires étrangères a convoqué l'ambassadeur du pays voisin pour lui remettre une note de "
    "protestation, tandis que l'opposition réclame une session extraordinaire du Parlement.\n\n"
)


def test_a_long_story_gives_the_same_expressions_in_each_copy_of_a_paragraph() -> None:
    story = FRENCH_STORY + "\n\n" + PROSE * 10
    once = find_time_expressions(PROSE, "fr", reference=TUESDAY)
    in_story = [m for m in find_time_expressions(story, "fr", reference=TUESDAY) if m.start >= len(FRENCH_STORY)]
    assert [m.text for m in in_story] == [m.text for m in once] * 10


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("une trêve humanitaire de cinq mois", "fr", [(5, "month", "cinq mois")]),
        ("a seven-day truce, then a 72-hour pause", "en", [(7, "day", "seven-day"), (72, "hour", "72-hour")]),
        ("un alto el fuego de 72 horas", "es", [(72, "hour", "72 horas")]),
        ("two days ago, nothing lasted", "en", []),  # a time before the reference, not a length
    ],
)
def test_lengths_of_time_are_found_apart_from_dates(
    text: str, language: str, expected: list[tuple[int, str, str]]
) -> None:
    found = [(length.count, length.unit, length.text) for _, _, length in find_durations(text, language)]
    assert found == expected

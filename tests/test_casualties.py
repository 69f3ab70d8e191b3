"""Casualty figures: given a sentence, these dead, injured and arrested, counted as ACLED reconciles them.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from treve.stages.casualties import CasualtyMention, find_casualties, load_casualty_lexicon, parse_number


def only(text: str, language: str) -> CasualtyMention:
    """The one casualty expression the text holds."""
    mentions = find_casualties(text, language)
    assert len(mentions) == 1, mentions
    return mentions[0]


def figures(text: str, language: str) -> list[tuple[str, int | None, str]]:
    return [(m.kind, m.count.best, m.count.qualifier) for m in find_casualties(text, language)]


# ---------------------------------------------------------------------------------------------------
# Shapes of expression, French


def test_a_verb_that_kills_then_its_count() -> None:
    mention = only("Les tirs, selon le gouverneur, ont tué au moins 49 personnes dans la nuit.", "fr")
    assert mention.kind == "dead"
    assert mention.text == "ont tué au moins 49 personnes"
    assert mention.count.text == "au moins 49"
    assert mention.victims == "personnes"


def test_a_toll_made_by_a_conflict() -> None:
    assert figures("Trois ans de guerre civile ont fait plus de 6 500 morts.", "fr") == [("dead", 6500, "more than")]
    mention = only("La crise de 1998 a fait environ 30 000 morts, selon les historiens.", "fr")
    assert mention.text == "a fait environ 30 000 morts"
    assert mention.count.best == 30000


def test_a_count_with_words_between_it_and_the_casualty_word() -> None:
    mention = only("La milice affirme que deux de ses combattants avaient été tués lors du raid.", "fr")
    assert (mention.kind, mention.count.best, mention.victims) == ("dead", 2, "combattants")
    assert mention.text == "deux de ses combattants avaient été tués"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Deux attentats ont fait trois morts dans la capitale.", "fr", [("dead", 3, "exact")]),
        ("Two bombings killed three people in the capital.", "en", [("dead", 3, "exact")]),
        ("Un soldado trasladó a tres heridos al hospital de campaña.", "es", [("injured", 3, "exact")]),
    ],
)
def test_a_figure_never_counts_across_another_figure(text: str, language: str, expected: list) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un homme de 49 ans a été tué par balle.", "fr"),
        ("A shepherd 49 years old was killed by a stray bullet.", "en"),
        ("Un hombre de 49 años murió en el ataque.", "es"),
    ],
)
def test_an_age_is_no_count(text: str, language: str) -> None:
    assert figures(text, language) == [("dead", 1, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Des hommes armés ont tué jeudi douze soldats près de la frontière.", [("dead", 12, "exact")]),
        ("L'explosion a fait lundi au moins 30 morts.", [("dead", 30, "at least")]),
    ],
)
def test_a_day_between_the_verb_and_its_count(text: str, expected: list) -> None:
    assert figures(text, "fr") == expected


def test_two_kinds_in_one_clause() -> None:
    text = "Le village a été bombardé : trois civils ont été tués et plus d'une douzaine blessés."
    assert figures(text, "fr") == [("dead", 3, "exact"), ("injured", 12, "more than")]


def test_an_article_counts_one_before_a_victim() -> None:
    mention = only("Un gendarme tué au cours d'un contrôle routier, annonce la préfecture.", "fr")
    assert (mention.kind, mention.count.best, mention.count.text, mention.victims) == ("dead", 1, "Un", "gendarme")


def test_an_article_before_anything_else_counts_nothing() -> None:
    assert figures("Un attentat a tué 4 passants devant la gare.", "fr") == [("dead", 4, "exact")]


def test_a_side_that_lost_its_own() -> None:
    mention = only("Le ministère a reconnu avoir perdu un pilote dans l'accident.", "fr")
    assert (mention.kind, mention.count.best, mention.text) == ("dead", 1, "avoir perdu un pilote")


def test_one_of_its_soldiers() -> None:
    mention = only("Bamako accuse les rebelles d'avoir tué l'un de ses soldats.", "fr")
    assert (mention.count.best, mention.count.text, mention.victims) == (1, "l'un", "soldats")


def test_a_toll_noun_with_its_casualty_word() -> None:
    mention = only("Selon la protection civile, le bilan s'élève à 17 morts.", "fr")
    assert (mention.kind, mention.count.best, mention.text) == ("dead", 17, "bilan s'élève à 17 morts")
    assert figures("Le bilan provisoire est de 8 morts et 21 blessés.", "fr") == [
        ("dead", 8, "exact"),
        ("injured", 21, "exact"),
    ]


def test_a_toll_noun_without_a_casualty_word_is_no_count() -> None:
    assert find_casualties("Le bilan de la conférence est de 3 accords signés.", "fr") == []


def test_arrests_in_french() -> None:
    assert figures("La police a interpellé 35 manifestants devant la mairie.", "fr") == [("arrested", 35, "exact")]
    assert figures("Une vingtaine de jeunes ont été placés en garde à vue.", "fr") == [("arrested", 20, "about")]
    assert figures("Le parquet confirme l'arrestation de 6 suspects.", "fr") == [("arrested", 6, "exact")]


def test_other_french_casualty_phrases() -> None:
    assert figures("L'explosion a coûté la vie à 9 ouvriers.", "fr") == [("dead", 9, "exact")]
    assert figures("Onze personnes ont trouvé la mort dans l'incendie.", "fr") == [("dead", 11, "exact")]
    assert figures("Le séisme, faisant 40 blessés, a surpris la région.", "fr") == [("injured", 40, "exact")]


# ---------------------------------------------------------------------------------------------------
# Shapes of expression, English


def test_killing_then_its_count() -> None:
    mention = only("Rebels shelled the market, killing at least 15 civilians, officials said.", "en")
    assert (mention.kind, mention.count.low, mention.count.best) == ("dead", 15, 15)
    assert (mention.text, mention.victims) == ("killing at least 15 civilians", "civilians")


def test_a_count_then_a_passive_verb() -> None:
    mention = only("At least 15 people were killed when the bus hit a mine.", "en")
    assert (mention.text, mention.count.text) == ("At least 15 people were killed", "At least 15")


def test_a_death_toll_that_rose() -> None:
    mention = only("By Friday the death toll rose to 40, the ministry said.", "en")
    assert (mention.kind, mention.count.best, mention.text) == ("dead", 40, "death toll rose to 40")
    assert figures("The toll from Sunday's blast has risen to 23.", "en") == [("dead", 23, "exact")]
    assert figures("The number of injured reached 120 overnight.", "en") == [("injured", 120, "exact")]


def test_killed_and_wounded_side_by_side() -> None:
    assert figures("The raid left 12 killed and 30 wounded.", "en") == [("dead", 12, "exact"), ("injured", 30, "exact")]


def test_injured_before_and_after_the_count() -> None:
    assert figures("A crane collapsed, injuring two workers.", "en") == [("injured", 2, "exact")]
    assert figures("Two workers injured in the collapse were taken to hospital.", "en") == [("injured", 2, "exact")]


def test_arrests_in_english() -> None:
    assert figures("Dozens were arrested after the march.", "en") == [("arrested", 12, "vague")]
    mention = only("Riot police arrested 35 protesters near the stadium.", "en")
    assert (mention.text, mention.victims) == ("arrested 35 protesters", "protesters")
    assert figures("Hundreds of people were detained overnight.", "en") == [("arrested", 100, "vague")]


def test_a_leading_verb_joins_the_toll() -> None:
    mention = only("The storm of shelling left more than 300 people dead.", "en")
    assert (mention.text, mention.count.qualifier) == ("left more than 300 people dead", "more than")


def test_an_article_and_a_victim_in_english() -> None:
    mention = only("A local reporter has been killed in a car bomb.", "en")
    assert (mention.count.best, mention.victims) == (1, "reporter")
    assert figures("Militants killed a shepherd near the well.", "en") == [("dead", 1, "exact")]


def test_a_capitalised_plural_is_the_victims() -> None:
    assert only("Troops arrested 12 Eritreans at the border.", "en").victims == "Eritreans"
    assert only("Soldiers detained 14 Palestinians in the raid.", "en").victims == "Palestinians"


# ---------------------------------------------------------------------------------------------------
# Qualifiers: low / best / high


@pytest.mark.parametrize(
    ("text", "language", "low", "best", "high", "qualifier"),
    [
        ("Quatre policiers ont été tués.", "fr", 4, 4, 4, "exact"),
        ("Au moins 49 personnes ont été tuées.", "fr", 49, 49, None, "at least"),
        ("At least 49 people were killed.", "en", 49, 49, None, "at least"),
        # ACLED codes the figure reported: "plus de 6 500" is best 6,500, not 6,501.
        ("Plus de 6 500 civils ont été tués.", "fr", 6500, 6500, None, "more than"),
        ("More than 6,500 civilians were killed.", "en", 6500, 6500, None, "more than"),
        ("Over 70 people were injured.", "en", 70, 70, None, "more than"),
        ("Environ 30 000 personnes ont été tuées.", "fr", None, 30000, None, "about"),
        ("About 30,000 people were killed.", "en", None, 30000, None, "about"),
        ("Some 30,000 people were killed.", "en", None, 30000, None, "about"),
        ("Près de 200 personnes ont été arrêtées.", "fr", None, 200, None, "about"),
        ("Une trentaine de soldats ont été blessés.", "fr", None, 30, None, "about"),
        ("A dozen guards were wounded.", "en", None, 12, None, "about"),
        ("Jusqu'à 20 manifestants ont été interpellés.", "fr", None, 20, 20, "at most"),
        ("Up to 20 protesters were detained.", "en", None, 20, 20, "at most"),
        ("Moins de 10 soldats ont été tués.", "fr", None, 10, 10, "fewer than"),
        ("Fewer than 10 soldiers were killed.", "en", None, 10, 10, "fewer than"),
    ],
)
def test_qualifiers(text: str, language: str, low: int | None, best: int, high: int | None, qualifier: str) -> None:
    count = only(text, language).count
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)


@pytest.mark.parametrize(
    ("text", "language", "count_text"),
    [
        ("Entre 10 et 15 personnes ont été tuées.", "fr", "Entre 10 et 15"),
        ("Between 10 and 15 people were killed.", "en", "Between 10 and 15"),
        ("De 10 à 15 personnes ont été tuées.", "fr", "De 10 à 15"),
        ("10 à 15 personnes ont été tuées.", "fr", "10 à 15"),
        ("10-15 people were killed.", "en", "10-15"),
        ("Ten to fifteen people were killed.", "en", "Ten to fifteen"),
    ],
)
def test_a_range_keeps_its_conservative_end_as_best(text: str, language: str, count_text: str) -> None:
    count = only(text, language).count
    assert (count.low, count.best, count.high, count.qualifier, count.text) == (10, 10, 15, "at least", count_text)


@pytest.mark.parametrize(
    ("text", "language", "best"),
    [
        # ACLED: 10 for "tens", 12 for "dozens", 100 for "hundreds", and so on.
        ("Dozens of villagers were killed.", "en", 12),
        ("Des dizaines de villageois ont été tués.", "fr", 12),
        ("Tens of soldiers were killed.", "en", 10),
        ("Hundreds were injured.", "en", 100),
        ("Des centaines de personnes ont été arrêtées.", "fr", 100),
        ("Thousands were detained.", "en", 1000),
        ("Des milliers de civils ont été tués.", "fr", 1000),
        ("Tens of thousands killed in three years of war.", "en", 10000),
        ("Des dizaines de milliers de morts en dix ans.", "fr", 10000),
        ("Several hundred people were arrested.", "en", 100),
        ("Plusieurs centaines de personnes ont été arrêtées.", "fr", 100),
        # ACLED's value for "several" / "many"; "a few" is treve's own 3.
        ("Several people were injured.", "en", 10),
        ("Plusieurs soldats ont été blessés.", "fr", 10),
        ("De nombreux civils ont été tués.", "fr", 10),
        ("A few protesters were hurt.", "en", 3),
        ("Quelques manifestants ont été blessés.", "fr", 3),
    ],
)
def test_vague_counts_take_acled_values(text: str, language: str, best: int) -> None:
    count = only(text, language).count
    assert (count.low, count.best, count.high, count.qualifier) == (None, best, None, "vague")


# ---------------------------------------------------------------------------------------------------
# Numbers that count something else


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le cessez-le-feu entrera en vigueur le 13 septembre à midi.", "fr"),
        ("Moscou a déployé un contingent de 2 000 membres dans la région.", "fr"),
        ("Six semaines de négociations n'ont rien donné.", "fr"),
        ("Le général, âgé de 49 ans, a démissionné.", "fr"),
        ("The army deployed 2,000 soldiers along the river.", "en"),
        ("No one was killed in the fire.", "en"),
        ("Two gunmen killed the mayor outside his office.", "en"),
        ("Deux étudiants ont manifesté pour la mort de leur camarade.", "fr"),
        ("The operation was launched on 3 September.", "en"),
        ("La hausse atteint 12 % selon l'institut.", "fr"),
    ],
)
def test_numbers_that_are_not_casualty_counts(text: str, language: str) -> None:
    assert find_casualties(text, language) == []


def test_an_age_is_not_the_count() -> None:
    mention = only("Un homme de 49 ans a été tué par balle.", "fr")
    assert (mention.count.best, mention.count.text) == (1, "Un")


def test_a_year_is_not_the_count() -> None:
    assert figures("En 2019, 345 personnes ont été tuées dans la province.", "fr") == [("dead", 345, "exact")]


def test_a_date_before_the_count_is_not_the_count() -> None:
    assert figures("Le 4 mars, trois soldats ont été tués.", "fr") == [("dead", 3, "exact")]


def test_a_figure_that_does_the_killing_is_not_the_dead() -> None:
    assert figures("3 roquettes ont tué 5 personnes à l'aube.", "fr") == [("dead", 5, "exact")]
    assert figures("Two drones killed 7 fighters.", "en") == [("dead", 7, "exact")]


def test_a_time_phrase_after_the_verb_keeps_the_count() -> None:
    assert figures("12 people were killed the day before.", "en") == [("dead", 12, "exact")]


# ---------------------------------------------------------------------------------------------------
# Offsets, languages, the lexicon


def test_offsets_point_into_the_original_typography() -> None:
    text = "L’armée a déclaré qu’au moins 6\u202f500 combattants avaient été tués et qu’elle avait perdu l’un d’eux."
    for mention in find_casualties(text, "fr"):
        assert text[mention.start : mention.end] == mention.text
        assert text[mention.count.start : mention.count.end] == mention.count.text
    assert figures(text, "fr") == [("dead", 6500, "at least")]


def test_a_language_without_a_table_has_no_casualties() -> None:
    assert find_casualties("Mindestens 12 Menschen wurden getötet.", "de") == []


def test_the_lexicon_has_a_version_and_both_languages() -> None:
    lexicon = load_casualty_lexicon()
    assert lexicon.version
    assert {"fr", "en"} <= set(lexicon.languages)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("49", "fr", 49),
        ("6 500", "fr", 6500),
        ("6\u202f500", "fr", 6500),
        ("6\u00a0500", "fr", 6500),
        ("6500", "en", 6500),
        ("6,500", "en", 6500),
        ("30.000", "fr", 30000),
        ("deux", "fr", 2),
        ("vingt-sept", "fr", 27),
        ("soixante et onze", "fr", 71),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("deux mille cinq cents", "fr", 2500),
        ("two hundred", "en", 200),
        ("one hundred and twenty", "en", 120),
        ("fifty-seven", "en", 57),
        ("a dozen", "en", 12),
        ("une douzaine", "fr", 12),
        ("1,2 million", "fr", 1_200_000),
        ("1.5 million", "en", 1_500_000),
        ("2 millions", "fr", 2_000_000),
        ("des dizaines", "fr", 12),
        ("hundreds of thousands", "en", 100_000),
        ("2,5", "fr", None),
        ("douze pommes", "fr", None),
        ("trois", "de", None),
    ],
)
def test_parse_number(text: str, language: str, value: int | None) -> None:
    assert parse_number(text, language) == value


# ---------------------------------------------------------------------------------------------------
# Speed

_PARAGRAPHS = [
    "Les combats ont repris mardi à l’aube dans la vallée, où les deux armées se font face depuis le printemps.",
    "Selon le gouverneur de la province, les frappes ont tué au moins 23 personnes, dont 6 enfants.",
    "Le ministère de la Défense a déclaré avoir perdu un soldat et affirme que plus d’une douzaine ont été "
    "blessés lors de l’assaut contre le poste frontière.",
    "Les observateurs de la mission, forte de 1 500 membres, n’ont pas pu accéder à la zone pendant six heures.",
    "Dans la capitale, la police a interpellé 48 manifestants qui réclamaient la fin des hostilités.",
    "Le conflit, qui dure depuis 2014, a fait environ 14 000 morts selon les organisations humanitaires.",
    "Les négociations doivent reprendre le 21 octobre à Genève sous l’égide des Nations unies.",
]


def test_a_long_article_gives_every_figure_of_every_paragraph() -> None:
    article = "\n\n".join(_PARAGRAPHS * 12)
    assert len(find_casualties(article, "fr")) == 12 * len(find_casualties("\n\n".join(_PARAGRAPHS), "fr"))


def test_no_one_killed_counts_nobody_while_one_killed_counts_one() -> None:
    assert figures("No one was killed in the blast, the police said.", "en") == []
    assert figures("One was killed in the blast.", "en") == [("dead", 1, "exact")]

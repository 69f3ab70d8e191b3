"""Spanish: given a sentence, these dead, injured and arrested; given a sentence and a publication date, these dates.

Every sentence here was written for these tests, in the manner of wire copy.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.language_words import TUESDAY, LanguageWords
from treve.stages.casualties import parse_number
from treve.stages.time import find_time_expressions, infer_publication_date

WORDS = LanguageWords("es")
figures, only_casualty, only_time = WORDS.figures, WORDS.only_casualty, WORDS.only_time


# ---------------------------------------------------------------------------------------------------
# Casualties: every shape of expression


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The count before its verb, and the verb before its count (Spanish puts either first).
        ("Al menos 12 personas murieron en el ataque contra el mercado.", [("dead", 12, "at least")]),
        ("En el bombardeo murieron 12 civiles, entre ellos cuatro niños.", [("dead", 12, "exact")]),
        ("Han muerto al menos 30 personas desde el inicio de la ofensiva.", [("dead", 30, "at least")]),
        ("Once personas perdieron la vida en el incendio del cuartel.", [("dead", 11, "exact")]),
        ("Perdieron la vida al menos 11 personas, según la Cruz Roja.", [("dead", 11, "at least")]),
        ("Fueron detenidas 35 personas durante la protesta.", [("arrested", 35, "exact")]),
        ("Resultaron heridos 14 policías en los enfrentamientos.", [("injured", 14, "exact")]),
        ("Tres policías resultaron heridos de gravedad.", [("injured", 3, "exact")]),
        # A verb that counts its object, with the personal "a" and a qualifier before it.
        ("Los ataques aéreos mataron al menos a 49 personas en la provincia.", [("dead", 49, "at least")]),
        ("El ataque con drones mató a 3 soldados en la frontera.", [("dead", 3, "exact")]),
        ("Las fuerzas de seguridad abatieron a 12 yihadistas.", [("dead", 12, "exact")]),
        ("La policía detuvo a 35 manifestantes frente al Parlamento.", [("arrested", 35, "exact")]),
        ("La Guardia Civil ha detenido a 15 personas en Ceuta.", [("arrested", 15, "exact")]),
        ("Las autoridades detuvieron a decenas de personas.", [("arrested", 12, "vague")]),
        ("La explosión costó la vida a 9 obreros de la mina.", [("dead", 9, "exact")]),
        ("El ataque se cobró la vida de 7 personas.", [("dead", 7, "exact")]),
        ("El ataque causó la muerte de al menos 30 personas.", [("dead", 30, "at least")]),
        ("La fiscalía confirmó la detención de 6 sospechosos.", [("arrested", 6, "exact")]),
        # A toll made by an attack or a war, in words and in figures with a dot for thousands.
        (
            "El atentado dejó veinte muertos y cincuenta y dos heridos.",
            [("dead", 20, "exact"), ("injured", 52, "exact")],
        ),
        ("La guerra civil causó más de 6.500 muertos en tres años.", [("dead", 6500, "more than")]),
        ("La guerra dejó 20 mil muertos en el norte del país.", [("dead", 20000, "exact")]),
        ("El conflicto ha dejado más de mil muertos.", [("dead", 1000, "more than")]),
        ("Los bombardeos dejaron al menos 1.200 heridos.", [("injured", 1200, "at least")]),
        ("El doble atentado se saldó con 14 muertos.", [("dead", 14, "exact")]),
        ("El ataque causó 12 víctimas mortales.", [("dead", 12, "exact")]),
        ("El terremoto dejó un centenar de muertos.", [("dead", 100, "about")]),
        ("Dos atentados dejaron tres muertos en la capital.", [("dead", 3, "exact")]),
        # Toll nouns.
        ("Según Protección Civil, el balance asciende a 17 muertos.", [("dead", 17, "exact")]),
        (
            "El balance provisional es de 8 muertos y 21 heridos.",
            [("dead", 8, "exact"), ("injured", 21, "exact")],
        ),
        (
            "El choque dejó un saldo de 12 muertos y 30 heridos.",
            [("dead", 12, "exact"), ("injured", 30, "exact")],
        ),
        ("La cifra de muertos se eleva a 40, según el ministerio.", [("dead", 40, "exact")]),
        ("El número de heridos alcanzó los 120.", [("injured", 120, "exact")]),
        ("La cifra de víctimas mortales asciende a 52.", [("dead", 52, "exact")]),
        ("Las autoridades elevaron a 52 el número de muertos.", [("dead", 52, "exact")]),
        # An article counts one before a victim; a side that lost its own.
        ("Un periodista fue asesinado en Kabul.", [("dead", 1, "exact")]),
        ("Al menos un soldado murió en el ataque.", [("dead", 1, "at least")]),
        ("Dos pistoleros han asesinado a un policía en Culiacán.", [("dead", 1, "exact")]),
        ("El ejército reconoció haber perdido a un piloto.", [("dead", 1, "exact")]),
        # Two kinds in one sentence; "otros" / "otras" counts a further group exactly.
        (
            "Al menos 12 personas murieron y otras 30 resultaron heridas.",
            [("dead", 12, "at least"), ("injured", 30, "exact")],
        ),
        (
            "Un soldado murió y otros tres resultaron heridos.",
            [("dead", 1, "exact"), ("injured", 3, "exact")],
        ),
        ("Resultaron heridas otras 30 personas.", [("injured", 30, "exact")]),
        ("Murieron dos soldados y un civil.", [("dead", 2, "exact")]),
    ],
)
def test_spanish_casualty_expressions(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert figures(text) == expected


def test_the_expression_text_and_its_victims() -> None:
    mention = only_casualty("Los ataques aéreos mataron al menos a 49 personas en la provincia.")
    assert (mention.text, mention.count.text, mention.victims) == (
        "mataron al menos a 49 personas",
        "al menos a 49",
        "personas",
    )
    mention = only_casualty("Fueron detenidas 35 personas durante la protesta.")
    assert (mention.text, mention.victims) == ("Fueron detenidas 35 personas", "personas")
    # Spanish writes nationalities in lower case: the lexicon lists them as victims.
    assert only_casualty("Las tropas mataron a 12 palestinos en Yenín.").victims == "palestinos"


def test_offsets_point_into_the_original_text() -> None:
    text = "Según el balance oficial, murieron 17 personas y 40 resultaron heridas en el ataque."
    assert figures(text) == [("dead", 17, "exact"), ("injured", 40, "exact")]


# ---------------------------------------------------------------------------------------------------
# Casualties: qualifiers, ranges, vague counts


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "qualifier"),
    [
        ("Cuatro policías murieron.", 4, 4, 4, "exact"),
        ("Por lo menos 49 personas murieron.", 49, 49, None, "at least"),
        ("Más de 6.500 civiles murieron.", 6500, 6500, None, "more than"),
        ("Unos 30.000 combatientes murieron.", None, 30000, None, "about"),
        ("Cerca de 300 personas murieron.", None, 300, None, "about"),
        ("Casi 200 personas fueron detenidas.", None, 200, None, "about"),
        ("Alrededor de 50 personas resultaron heridas.", None, 50, None, "about"),
        ("Una veintena de jóvenes fueron arrestados tras los disturbios.", None, 20, None, "about"),
        ("Más de un centenar de personas murieron.", 100, 100, None, "more than"),
        ("Hasta 20 manifestantes fueron arrestados.", None, 20, 20, "at most"),
        ("Menos de 10 soldados murieron.", None, 10, 10, "fewer than"),
        ("Fueron detenidas unas 40 personas.", None, 40, None, "about"),
    ],
)
def test_spanish_qualifiers(text: str, low: int | None, best: int, high: int | None, qualifier: str) -> None:
    count = only_casualty(text).count
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)


@pytest.mark.parametrize(
    ("text", "count_text"),
    [
        ("Entre 10 y 15 personas murieron.", "Entre 10 y 15"),
        ("De 10 a 15 personas murieron.", "De 10 a 15"),
        ("Entre diez y quince personas resultaron heridas.", "Entre diez y quince"),
    ],
)
def test_a_spanish_range_keeps_its_conservative_end(text: str, count_text: str) -> None:
    count = only_casualty(text).count
    assert (count.low, count.best, count.high, count.qualifier, count.text) == (10, 10, 15, "at least", count_text)


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Decenas de civiles murieron en los combates.", 12),
        ("Cientos de personas fueron detenidas.", 100),
        ("Centenares de manifestantes fueron detenidos.", 100),
        ("Miles de manifestantes fueron arrestados.", 1000),
        ("Decenas de miles de personas murieron en el conflicto.", 10000),
        ("Cientos de miles de personas murieron en la guerra.", 100000),
        ("Varios centenares de personas fueron detenidas.", 100),
        ("Varios policías resultaron heridos.", 10),
        ("Numerosos civiles murieron en el asedio.", 10),
        ("Algunos manifestantes resultaron heridos.", 3),
        ("Un puñado de soldados fueron capturados.", 3),
    ],
)
def test_spanish_vague_counts_take_acled_values(text: str, best: int) -> None:
    count = only_casualty(text).count
    assert (count.low, count.best, count.high, count.qualifier) == (None, best, None, "vague")


# ---------------------------------------------------------------------------------------------------
# Casualties: numbers that count something else


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No casualty at all.
        ("Los 27 países de la UE condenaron el ataque.", []),
        ("El partido obtuvo el 20% de los votos.", []),
        ("Moscú desplegó un contingente de 2.000 efectivos en la región.", []),
        ("Seis semanas de negociaciones no dieron fruto.", []),
        ("Al menos 1,2 millones de personas han huido de la región.", []),
        ("Los rebeldes capturaron 12 vehículos blindados.", []),
        ("Dos estudiantes protestaron por la muerte de su compañero.", []),
        ("Tres ambulancias trasladaron a los heridos al hospital.", []),
        ("El alto el fuego entrará en vigor el 13 de septiembre a mediodía.", []),
        # A figure beside a casualty word that is not its count.
        ("Los 27 países de la UE condenaron el ataque, que dejó tres muertos.", [("dead", 3, "exact")]),
        ("La resolución 2334 fue aprobada tras la muerte de 5 civiles.", [("dead", 5, "exact")]),
        ("En 2014 murieron 300 personas en la región.", [("dead", 300, "exact")]),
        ("Desde 2020 han muerto 500 personas.", [("dead", 500, "exact")]),
        ("Entre 2014 y 2016 murieron 14.000 personas.", [("dead", 14000, "exact")]),
        ("El 4 de marzo, tres soldados murieron.", [("dead", 3, "exact")]),
        ("El 12 de septiembre murieron 3 soldados.", [("dead", 3, "exact")]),
        ("Doce migrantes murieron al intentar cruzar el Mediterráneo.", [("dead", 12, "exact")]),
        ("Tres soldados murieron al norte de Bagdad.", [("dead", 3, "exact")]),
        ("El agente sufrió tres heridas de bala.", []),
        ("Durante 48 horas, 25 personas fueron detenidas.", [("arrested", 25, "exact")]),
    ],
)
def test_spanish_numbers_that_are_not_the_count(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("49", 49),
        ("30.000", 30000),
        ("6 500", 6500),
        ("1,2 millones", 1_200_000),
        ("2 millones", 2_000_000),
        ("20 mil", 20000),
        ("veinte", 20),
        ("veintisiete", 27),
        ("cincuenta y dos", 52),
        ("ciento veinte", 120),
        ("doscientos", 200),
        ("doscientos cincuenta", 250),
        ("mil", 1000),
        ("dos mil quinientos", 2500),
        ("cien mil", 100_000),
        ("un millón", 1_000_000),
        ("una veintena", 20),
        ("un centenar", 100),
        ("un millar", 1000),
        ("decenas", 12),
        ("decenas de miles", 10_000),
        ("cientos de miles", 100_000),
        ("2,5", None),
        ("doce manzanas", None),
    ],
)
def test_spanish_numbers(text: str, value: int | None) -> None:
    assert parse_number(text, "es") == value


# ---------------------------------------------------------------------------------------------------
# Time: resolved against Tuesday 13 September 2022


@pytest.mark.parametrize(
    ("text", "words", "start", "end", "precision", "anchor"),
    [
        ("El ejército lanzó el lunes una ofensiva.", "el lunes", date(2022, 9, 12), None, "day", None),
        ("El miércoles, el ministro dimitió.", "El miércoles", date(2022, 9, 7), None, "day", None),
        (
            "El pasado martes, la aviación bombardeó la ciudad.",
            "El pasado martes",
            date(2022, 9, 6),
            None,
            "day",
            "past",
        ),
        ("El martes pasado la aviación atacó.", "El martes pasado", date(2022, 9, 6), None, "day", "past"),
        ("El presidente viajará este sábado a Kiev.", "este sábado", date(2022, 9, 17), None, "day", "present"),
        ("El ataque se produjo el martes por la noche.", "el martes por la noche", TUESDAY, None, "day", None),
        (
            "En la madrugada del domingo se oyeron explosiones.",
            "En la madrugada del domingo",
            date(2022, 9, 11),
            None,
            "day",
            None,
        ),
        ("La tregua entró en vigor el 12 de septiembre.", "el 12 de septiembre", date(2022, 9, 12), None, "day", None),
        ("La ofensiva se reanudó el 15 de septiembre.", "el 15 de septiembre", date(2021, 9, 15), None, "day", None),
        (
            "La ofensiva comenzó el 24 de febrero del año pasado.",
            "el 24 de febrero del año pasado",
            date(2021, 2, 24),
            None,
            "day",
            None,
        ),
        (
            "Los comicios se celebrarán el próximo 15 de octubre.",
            "el próximo 15 de octubre",
            date(2022, 10, 15),
            None,
            "day",
            "future",
        ),
        ("Ayer, los rebeldes tomaron la localidad.", "Ayer", date(2022, 9, 12), None, "day", "past"),
        ("Anteayer murieron tres soldados.", "Anteayer", date(2022, 9, 11), None, "day", "past"),
        ("Anoche hubo explosiones en Jersón.", "Anoche", date(2022, 9, 12), None, "day", "past"),
        ("Hoy se reanudan las negociaciones.", "Hoy", TUESDAY, None, "day", "present"),
        ("Mañana se reunirá el Consejo de Seguridad.", "Mañana", date(2022, 9, 14), None, "day", "future"),
        (
            "La semana pasada, dos aldeas fueron recuperadas.",
            "La semana pasada",
            date(2022, 9, 5),
            date(2022, 9, 11),
            "week",
            "past",
        ),
        (
            "La próxima semana se votará la ley.",
            "La próxima semana",
            date(2022, 9, 19),
            date(2022, 9, 25),
            "week",
            "future",
        ),
        (
            "Durante el fin de semana pasado hubo combates.",
            "el fin de semana pasado",
            date(2022, 9, 10),
            date(2022, 9, 11),
            "day",
            "past",
        ),
        (
            "Los combates se intensificaron el mes pasado.",
            "el mes pasado",
            date(2022, 8, 1),
            date(2022, 8, 31),
            "month",
            "past",
        ),
        (
            "Las tropas se retiraron el año pasado.",
            "el año pasado",
            date(2021, 1, 1),
            date(2021, 12, 31),
            "year",
            "past",
        ),
        ("Hace tres días, la milicia atacó un convoy.", "Hace tres días", date(2022, 9, 10), None, "day", "past"),
        (
            "El ataque ocurrió hace dos meses.",
            "hace dos meses",
            date(2022, 7, 1),
            date(2022, 7, 31),
            "month",
            "past",
        ),
        (
            "La votación será dentro de dos semanas.",
            "dentro de dos semanas",
            date(2022, 9, 26),
            date(2022, 10, 2),
            "week",
            "future",
        ),
        ("En octubre, el ejército se retiró.", "En octubre", date(2021, 10, 1), date(2021, 10, 31), "month", None),
        (
            "A finales de agosto, la ofensiva se estancó.",
            "A finales de agosto",
            date(2022, 8, 1),
            date(2022, 8, 31),
            "month",
            None,
        ),
        ("En 2020 estalló la guerra.", "En 2020", date(2020, 1, 1), date(2020, 12, 31), "year", None),
        (
            "Desde 2015, el grupo combate al ejército.",
            "Desde 2015",
            date(2015, 1, 1),
            date(2015, 12, 31),
            "year",
            None,
        ),
        (
            "El invierno pasado hubo cortes de luz.",
            "El invierno pasado",
            date(2021, 12, 22),
            date(2022, 3, 19),
            "season",
            "past",
        ),
        (
            "Los ataques se produjeron en la noche del lunes al martes.",
            "en la noche del lunes al martes",
            date(2022, 9, 12),
            TUESDAY,
            "day",
            None,
        ),
    ],
)
def test_spanish_expressions_resolved_against_the_reference(
    text: str, words: str, start: date, end: date | None, precision: str, anchor: str | None
) -> None:
    mention = only_time(text)
    assert (mention.text, mention.value.start, mention.value.end) == (words, start, end)
    assert (mention.value.precision, mention.anchor) == (precision, anchor)


def test_a_spanish_this_weekday_is_in_the_reference_week() -> None:
    sunday = date(2022, 9, 18)
    assert only_time("Los manifestantes se concentraron este sábado.", sunday).value.start == date(2022, 9, 17)


@pytest.mark.parametrize(
    ("text", "words", "start", "end", "precision"),
    [
        (
            "El acuerdo se firmó el 12 de septiembre de 2021.",
            "el 12 de septiembre de 2021",
            date(2021, 9, 12),
            None,
            "day",
        ),
        ("El 1.º de mayo de 2021 hubo protestas.", "El 1.º de mayo de 2021", date(2021, 5, 1), None, "day"),
        ("El pacto se firmó el 13/09/2022.", "13/09/2022", date(2022, 9, 13), None, "day"),
        ("La guerra comenzó en marzo del 2022.", "en marzo del 2022", date(2022, 3, 1), date(2022, 3, 31), "month"),
        (
            "El conflicto estalló en la década de 1990.",
            "en la década de 1990",
            date(1990, 1, 1),
            date(1999, 12, 31),
            "decade",
        ),
        ("En los años 90 hubo otra guerra.", "En los años 90", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        (
            "La ofensiva se lanzó en el otoño de 2020.",
            "en el otoño de 2020",
            date(2020, 9, 22),
            date(2020, 12, 21),
            "season",
        ),
        ("El ataque ocurrió a mediados de 2019.", "a mediados de 2019", date(2019, 1, 1), date(2019, 12, 31), "year"),
        (
            "Entre 2014 y 2016 murieron miles de personas.",
            "Entre 2014 y 2016",
            date(2014, 1, 1),
            date(2016, 12, 31),
            "year",
        ),
        ("La guerra de 2008 entre Rusia y Georgia.", "de 2008", date(2008, 1, 1), date(2008, 12, 31), "year"),
    ],
)
def test_spanish_absolute_expressions_need_no_reference(
    text: str, words: str, start: date, end: date | None, precision: str
) -> None:
    mention = only_time(text, reference=None)
    assert (mention.text, mention.value.start, mention.value.end, mention.value.precision) == (
        words,
        start,
        end,
        precision,
    )
    assert not mention.relative


def test_spanish_times_of_day() -> None:
    morning = datetime(2022, 9, 13, 10, 0)
    assert only_time("Los ataques comenzaron a las 6.00 horas.", morning).value.start == datetime(2022, 9, 13, 6, 0)
    # A time later than the reference moment is the day before.
    assert only_time("El ataque se produjo a las 9 de la noche.", morning).value.start == datetime(2022, 9, 12, 21, 0)
    assert only_time("Las bombas cayeron a las 3 de la madrugada.", morning).value.start == datetime(2022, 9, 13, 3, 0)
    assert only_time("La explosión se produjo a las 14:30 hora local.").value.start == datetime(2022, 9, 13, 14, 30)
    joined = only_time("El lunes a las 6.00 horas comenzó el ataque.")
    assert (joined.text, joined.value.start) == ("El lunes a las 6.00 horas", datetime(2022, 9, 12, 6, 0))
    truce = only_time(
        "El alto el fuego entrará en vigor a las 8.00 hora de Moscú (05.00 GMT) del 15 de septiembre de 2022.",
        reference=None,
    )
    assert truce.value.start == datetime(2022, 9, 15, 5, 0, tzinfo=UTC)
    assert only_time("Las tropas llegaron a mediodía.").value.start == datetime(2022, 9, 13, 12, 0)


def test_months_in_a_list_and_a_shifted_month() -> None:
    mentions = find_time_expressions("Las negociaciones tuvieron lugar en mayo y abril.", "es", reference=TUESDAY)
    assert [(m.text, m.value.start) for m in mentions] == [("en mayo", date(2022, 5, 1)), ("abril", date(2022, 4, 1))]
    assert only_time("Los hechos ocurrieron en septiembre pasado.").value.start == date(2021, 9, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Los combates duraron seis semanas.",
        "Tres días de luto nacional fueron decretados.",
        "Desde hace tres días no hay electricidad.",
        "El territorio estaba controlado desde hace décadas.",
        "Los 27 países de la UE apoyaron la resolución 2334.",
        "El partido obtuvo el 20% de los votos.",
        "Un contingente de 2000 soldados y 2.000 efectivos llegaron.",
        "La Primavera Árabe comenzó en Túnez.",
        "La delegación llegó a Santo Domingo.",
        "Por la mañana, los soldados patrullaron.",
        "Los pescadores salieron al mar cada mañana.",
        "Hoy en día la región vive en paz.",
        "Durante las 12 horas de combate murieron 5 soldados.",
    ],
)
def test_spanish_durations_and_lookalikes_are_not_dates(text: str) -> None:
    assert find_time_expressions(text, "es", reference=TUESDAY) == []


def test_a_spanish_wire_story_gives_its_publication_date() -> None:
    story = (
        "Kiev, 13 sep (EFE).- El ejército ucraniano recuperó este martes varias localidades en el este del país, "
        "tras los combates del 11 de septiembre de 2022."
    )
    assert infer_publication_date(story, "es") == (TUESDAY, 0.7)
    dated = "El ejército recuperó el martes 13 de septiembre de 2022 varias localidades."
    assert infer_publication_date(dated, "es") == (TUESDAY, 0.9)

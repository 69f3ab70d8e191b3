"""Given short French and English stories written for these tests, expect the events a careful coder
would record: who did what to whom, when, with what toll, and how sure the text is of it."""

from __future__ import annotations

from datetime import date

import pytest

from treve.records import Event
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

WEDNESDAY = date(2024, 3, 13)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(LanguageModels())


def code(coder: EventCoder, text: str, language: str = "en") -> list[Event]:
    return coder.code_text(text, language, WEDNESDAY)


def ceasefire_in(coder: EventCoder, text: str, language: str = "en") -> Event:
    """The first event of the text that is a ceasefire."""
    return next(e for e in code(coder, text, language) if e.ceasefire is not None)


def summary(event: Event) -> tuple:
    return (
        event.event,
        event.mode,
        tuple(sorted({(e.code, e.sector) for e in event.actor}, key=str)),
        tuple(sorted({(e.code, e.sector) for e in event.recipient}, key=str)),
    )


def test_shelling_with_a_toll_said_by_an_official(coder: EventCoder) -> None:
    events = code(
        coder,
        "Russian forces shelled the city of Kharkiv on Monday, killing at least 12 civilians, the regional "
        "governor said.\n\nUkraine's foreign ministry condemned the attack.",
    )
    shelling = next(e for e in events if e.event == "ASSAULT")
    assert summary(shelling) == ("ASSAULT", "heavy-weapons", (("RUS", "MIL"),), (("UKR", "CVL"),))
    assert (shelling.date, shelling.date_precision) == ("2024-03-11", "day")
    assert shelling.size.dead == 12 and shelling.casualties.dead.qualifier == "at least"
    assert shelling.auxiliary_modes == []
    assert shelling.cameo_root == "19"
    assert shelling.attribution is not None and "governor" in shelling.attribution.text
    assert any(e.event == "ACCUSE" and e.mode == "disapprove" and summary(e)[2] == (("UKR", "GOV"),) for e in events)


def test_a_denied_attack_is_negated_and_a_threatened_strike_is_a_threat_not_an_attack(coder: EventCoder) -> None:
    events = code(
        coder,
        "The Turkish army did not attack the village, a defence ministry spokesman said on Friday.\n\n"
        "Israel threatened to strike Hezbollah positions in Lebanon if the rocket fire continued.",
    )
    denied = next(e for e in events if e.event == "ASSAULT" and summary(e)[2] == (("TUR", "MIL"),))
    assert "negation" in denied.auxiliary_modes
    threats = [e for e in events if e.event == "THREATEN" and {a.code for a in e.actor} == {"ISR"}]
    assert [e.mode for e in threats] == ["violence"]
    assert not [e for e in events if e.event == "ASSAULT" and {a.code for a in e.actor} == {"ISR"}]


def test_protesters_are_actors_and_the_police_arrest_them(coder: EventCoder) -> None:
    events = code(
        coder,
        "Thousands of protesters marched in Khartoum on Thursday against military rule, medics said.\n\n"
        "Police arrested dozens of demonstrators, the Sudanese doctors' committee said.",
    )
    protest = next(e for e in events if e.event == "PROTEST")
    assert summary(protest)[2] == (("SDN", "CVL"),)
    assert protest.date == "2024-03-07"
    arrest = next(e for e in events if e.event == "COERCE")
    assert summary(arrest) == ("COERCE", "arrest", (("SDN", "COP"),), (("SDN", "CVL"),))
    assert arrest.size.arrested == 12 and arrest.casualties.arrested.qualifier == "vague"


def test_a_visit_and_a_promise_in_french(coder: EventCoder) -> None:
    events = code(
        coder,
        "Le président ukrainien Volodymyr Zelensky a rencontré lundi à Paris son homologue français "
        "Emmanuel Macron, qui a promis de nouvelles livraisons d'armes à l'Ukraine.",
        "fr",
    )
    meeting = next(e for e in events if e.event == "CONSULT")
    assert summary(meeting)[2:] == ((("UKR", "GOV"),), (("FRA", "GOV"),))
    assert meeting.date == "2024-03-11"
    promise = next(e for e in events if e.event == "AGREE")
    assert {a.code for a in promise.actor} == {"FRA"} and {r.code for r in promise.recipient} == {"UKR"}


def test_french_arrests_by_soldiers_of_the_story_country(coder: EventCoder) -> None:
    events = code(
        coder,
        "Des soldats maliens ont arrêté mardi des dizaines de personnes près de Mopti, a annoncé l'armée "
        "malienne dans un communiqué.",
        "fr",
    )
    arrest = next(e for e in events if e.event == "COERCE")
    assert summary(arrest)[:3] == ("COERCE", "arrest", (("MLI", "MIL"),))
    assert arrest.date == "2024-03-12"
    assert arrest.attribution is not None and arrest.attribution.source.code == "MLI"


def test_a_sentence_with_no_named_actor_gives_no_event(coder: EventCoder) -> None:
    assert code(coder, "Heavy fighting was reported overnight, but details were scarce.") == []


def test_an_attack_with_victims_but_no_named_perpetrator_is_by_unidentified_attackers(coder: EventCoder) -> None:
    events = code(coder, "Three civilians were killed in a car bombing near the market in Kabul on Tuesday.")
    attack = next(e for e in events if e.event == "ASSAULT")
    assert [(a.code, a.sector) for a in attack.actor] == [(None, "UAF")]
    assert attack.mode == "explosives" and attack.size.dead == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan president declined to resign despite growing pressure.", ("REJECT", "KEN")),
        ("Hungary said it will support the new peace plan for the region.", ("AGREE", "HUN")),
        ("Turkey said it would impose a curfew on the town unless the protests stopped.", ("THREATEN", "TUR")),
        ("Bolivia said it would not accept the observers' report.", ("REJECT", "BOL")),
        ("Peru said it would allow Bolivian trucks through its ports again.", ("AGREE", "PER")),
        ("Chile is willing to withdraw two warships from the disputed bay.", ("AGREE", "CHL")),
        ("Mexico will prolong the curfew in Sinaloa until Sunday.", ("THREATEN", "MEX")),
    ],
)
def test_refusals_promises_and_conditions_change_the_kind_of_event(
    coder: EventCoder, text: str, expected: tuple[str, str]
) -> None:
    events = code(coder, text)
    assert (events[0].event, events[0].actor[0].code) == expected


def test_a_truce_brokered_between_two_parties_names_them_and_its_broker(coder: EventCoder) -> None:
    events = code(coder, "Egypt brokered a truce between Israel and Hamas on Tuesday.")
    truce = next(e for e in events if e.ceasefire is not None)
    assert (truce.event, {e.code for e in truce.actor}, {e.code for e in truce.mediator}) == (
        "AGREE",
        {"ISR", "PSE"},
        {"EGY"},
    )


def test_a_truce_agreed_for_a_length_of_time_and_a_place_keeps_them(coder: EventCoder) -> None:
    truce = next(e for e in code(coder, "Georgia and Abkhazia agreed to a 72-hour truce in Sukhumi.") if e.ceasefire)
    assert truce.ceasefire is not None and truce.ceasefire.duration is not None
    assert (truce.ceasefire.duration.count, truce.ceasefire.duration.unit) == (72, "hour")
    assert truce.ceasefire.scope == "Sukhumi"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Georgian army accused Abkhaz rebels of violating the truce on Friday.", "en"),
        ("La Géorgie a accusé jeudi l'Abkhazie d'avoir violé le cessez-le-feu.", "fr"),
    ],
)
def test_an_accusation_of_breaking_a_ceasefire_is_told_as_such(coder: EventCoder, text: str, language: str) -> None:
    accusation = next(e for e in code(coder, text, language) if e.event == "ACCUSE")
    assert accusation.ceasefire_violation


def test_observers_who_report_ceasefire_violations_are_no_party_to_a_ceasefire(coder: EventCoder) -> None:
    text = "Les observateurs de l'ONU ont signalé des centaines de violations du cessez-le-feu en Abkhazie."
    assert not [e for e in code(coder, text, "fr") if e.ceasefire is not None or e.mode == "ceasefire"]


@pytest.mark.parametrize(
    ("text", "language", "side"),
    [
        ("The Tatmadaw declared a unilateral ceasefire in Shan state on Monday.", "en", "MMR"),
        ("L'ELN a décrété mardi une trêve unilatérale de trois jours en Colombie.", "fr", "COL"),
    ],
)
def test_a_ceasefire_declared_by_one_side_is_its_retreat_with_terms(
    coder: EventCoder, text: str, language: str, side: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert (truce.event, truce.mode, {e.code for e in truce.actor}) == ("RETREAT", "ceasefire", {side})


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée colombienne a annoncé mardi l'effondrement de la trêve avec l'ELN.", "fr"),
        ("Colombia's truce with the ELN collapsed on Tuesday after clashes in Arauca.", "en"),
    ],
)
def test_a_truce_told_over_is_a_retelling_with_what_the_text_tells_of_it_and_no_date_of_its_own(
    coder: EventCoder, text: str, language: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert truce.ceasefire is not None and truce.ceasefire.status == "collapsed"
    assert truce.date is None  # it broke on Tuesday; it was agreed before


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hamas rejected a truce offered by Israel on Monday.", "en"),
        ("Le Hamas a rejeté lundi la trêve proposée par Israël.", "fr"),
    ],
)
def test_a_truce_offered_and_rejected_is_a_refusal_not_a_ceasefire(coder: EventCoder, text: str, language: str) -> None:
    events = code(coder, text, language)
    assert [e.event for e in events] == ["REJECT"] and all(e.ceasefire is None for e in events)


def test_a_call_for_a_ceasefire_is_a_request_to_cease_fire(coder: EventCoder) -> None:
    text = "The African Union called on Tuesday for an immediate ceasefire between Georgia and Abkhazia."
    call = next(e for e in code(coder, text) if e.event == "REQUEST")
    assert call.mode == "yield" and call.ceasefire is None


def test_the_guarantors_of_a_ceasefire_are_neither_its_parties_nor_its_mediators(coder: EventCoder) -> None:
    text = "Georgia and Abkhazia agreed on Monday to a ceasefire guaranteed by Turkey and Russia."
    truce = ceasefire_in(coder, text)
    assert truce.ceasefire is not None and {e.code for e in truce.ceasefire.guarantors} == {"TUR", "RUS"}
    assert not {"TUR", "RUS"} & {e.code for e in [*truce.actor, *truce.recipient, *truce.mediator]}


def test_a_truce_of_a_civil_war_told_without_its_parties_is_between_the_state_and_the_rebels(
    coder: EventCoder,
) -> None:
    text = (
        "Fighting in Arauca\n\nThe Colombian army clashed with ELN rebels near Arauca on Monday, the Colombian "
        "army said. The ELN said its fighters had been attacked first. Local officials said the fighting began "
        "after the collapse of a three-month truce."
    )
    truce = ceasefire_in(coder, text)
    assert {(e.code, e.sector) for e in truce.actor} == {("COL", "MIL"), ("COL", "REB")}
    assert truce.ceasefire is not None and truce.ceasefire.status == "collapsed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armenia i Azerbejdżan zawarły w poniedziałek rozejm za pośrednictwem Rosji.", "pl"),
        ("Armenien und Aserbaidschan haben am Montag eine Waffenruhe vereinbart, vermittelt von Russland.", "de"),
    ],
)
def test_a_ceasefire_agreed_in_a_language_read_through_the_encoder_is_one(
    coder: EventCoder, text: str, language: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert (truce.event, {e.code for e in truce.actor}, {e.code for e in truce.mediator}) == (
        "AGREE",
        {"ARM", "AZE"},
        {"RUS"},
    )


def test_a_ceasefire_is_not_placed_in_the_country_of_its_broker(coder: EventCoder) -> None:
    text = "Turkey brokered a ceasefire between Georgia and Abkhazia on Monday."
    truce = ceasefire_in(coder, text)
    assert {e.code for e in truce.mediator} == {"TUR"}
    assert truce.location is None or truce.location.country_code != "TUR"


def test_those_who_agree_to_a_ceasefire_are_its_parties(coder: EventCoder) -> None:
    events = code(coder, "L'Éthiopie et l'Érythrée ont conclu mardi une trêve sous l'égide de l'Union africaine.", "fr")
    truce = next(e for e in events if e.ceasefire is not None)
    assert {e.code for e in truce.actor} == {"ETH", "ERI"}


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Georgia and Abkhazia will sign a ceasefire agreement next week, Turkey said.", "future"),
        ("Georgia and Abkhazia did not agree to a truce on Monday.", "negation"),
    ],
)
def test_a_ceasefire_to_come_or_not_agreed_is_told_as_such(coder: EventCoder, text: str, mode: str) -> None:
    truce = ceasefire_in(coder, text)
    assert mode in truce.auxiliary_modes


def test_a_titled_leader_no_dictionary_knows_heads_the_story_country(coder: EventCoder) -> None:
    events = code(coder, "President Joao Mabunda has banned all opposition rallies in Mozambique until further notice.")
    ban = next(e for e in events if e.event == "COERCE")
    assert {(e.code, e.sector) for e in ban.actor} == {("MOZ", "GOV")}


def test_a_country_named_as_the_adjective_of_a_kind_of_actor_gives_that_sector(coder: EventCoder) -> None:
    english = code(coder, "Afghan rebels ambushed a convoy near Herat on Tuesday.")
    french = code(coder, "Des rebelles afghans ont attaqué un convoi près d'Hérat mardi.", "fr")
    for events in (english, french):
        attack = next(e for e in events if e.event == "ASSAULT")
        assert [(a.code, a.sector) for a in attack.actor] == [("AFG", "REB")]


def test_civilians_blocking_a_road_protest_where_the_state_blocking_it_coerces(coder: EventCoder) -> None:
    farmers = code(coder, "Hundreds of Spanish farmers blocked the A-4 motorway near Madrid with tractors.")
    police = code(coder, "Spanish police blocked the A-4 motorway near Madrid on Monday.")
    assert [(e.event, e.mode) for e in farmers][:1] == [("PROTEST", "obstruct")]
    assert [(e.event, e.mode) for e in police][:1] == [("COERCE", "restrict")]


def test_the_event_a_clause_serves_ranks_above_the_aim_it_states(coder: EventCoder) -> None:
    events = code(coder, "Kenyan nurses marched through Nairobi on Tuesday to demand unpaid wages.")
    assert max(events, key=lambda e: e.confidence).event == "PROTEST"
    assert any(e.event == "REQUEST" for e in events), "the demand is kept, ranked below"


def test_condemning_an_attack_does_not_make_the_condemner_its_doer(coder: EventCoder) -> None:
    events = code(coder, "The Afghan government condemned the attack on the market.")
    assert [e.event for e in events] == ["ACCUSE"]


def test_a_trigger_word_that_only_qualifies_another_noun_is_no_event(coder: EventCoder) -> None:
    events = code(coder, "The European Union sent twenty truce monitors to Georgia on Monday.")
    assert "AGREE" not in [e.event for e in events]


def test_an_arrest_promised_is_no_arrest_made_and_a_nabbing_is_one(coder: EventCoder) -> None:
    promised = code(
        coder,
        "Officers in Mombasa will not hesitate to detain anyone who breaks the curfew, the Kenyan police chief said.",
    )
    made = code(coder, "Two smugglers were nabbed at the Busia border crossing on Sunday, Kenyan police said.")
    assert not [e for e in promised if (e.event, e.mode) == ("COERCE", "arrest") and not e.auxiliary_modes]
    assert [(e.event, e.mode) for e in made] == [("COERCE", "arrest")]


def test_deaths_in_police_firing_are_killings_by_the_police(coder: EventCoder) -> None:
    for text in (
        "Three protesters died in police firing outside the stadium in Mombasa on Monday.",
        "Two students were killed in police firing near the campus gates in Nairobi.",
        "Nine of the deaths were caused by police firing on the crowds, a Kenyan official said.",
    ):
        killings = [e for e in code(coder, text) if e.event == "ASSAULT"]
        assert any("COP" in {a.sector for a in e.actor} for e in killings), text


def test_troops_deployed_in_the_passive_are_the_ones_mobilised(coder: EventCoder) -> None:
    events = code(coder, "Additional Afghan troops were deployed in Kandahar on Monday.")
    assert [(e.event, [(a.code, a.sector) for a in e.actor]) for e in events] == [("MOBILIZE", [("AFG", "MIL")])]


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader is likely to be arrested when he returns to Kampala.",
        "The strikers should be arrested for blocking the port, the Kenyan minister said.",
        "Not one of the organisers has been arrested in Kampala.",
    ],
)
def test_an_arrest_that_may_or_should_happen_or_did_not_is_no_arrest_made(coder: EventCoder, text: str) -> None:
    made = [e for e in code(coder, text) if (e.event, e.mode) == ("COERCE", "arrest") and not e.auxiliary_modes]
    assert made == []


def test_arrests_made_house_arrest_and_custody_are_arrests_by_the_police(coder: EventCoder) -> None:
    for text in (
        "Several arrests were made in Mombasa after the looting.",
        "The former minister has been placed under house arrest in Harare.",
        "The suspect was remanded in police custody until April 4.",
    ):
        arrests = [e for e in code(coder, text) if (e.event, e.mode) == ("COERCE", "arrest")]
        assert [a.sector for e in arrests for a in e.actor] == ["COP"], text
    assert "PROTEST" not in [e.event for e in code(coder, "The suspect was remanded in police custody until April 4.")]


def test_an_explosion_no_one_caused_is_a_disaster_not_an_attack(coder: EventCoder) -> None:
    accident = code(coder, "Three workers were killed in a fire at a fertiliser factory near Tema.")
    bombing = code(
        coder, "Eleven people were killed when a car bomb exploded outside a police station in Tema on Friday."
    )
    assert [e.event for e in accident] == []
    assert "ASSAULT" in [e.event for e in bombing]


@pytest.mark.parametrize(
    ("text", "language", "sides"),
    [
        ("KHARTOUM, March 13 (Wire) - Chad and Niger agreed on Wednesday to a ceasefire on their border.", "en",
         {"TCD", "NER"}),
        ("КИЕВ, 13 марта (Агентство) — Таджикистан и Киргизия договорились в среду о прекращении огня на границе.",
         "ru", {"TJK", "KGZ"}),
    ],
)  # fmt: skip
def test_the_place_of_a_dateline_is_where_the_story_was_filed_not_a_party(
    coder: EventCoder, text: str, language: str, sides: set[str]
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert {e.code for e in truce.actor} == sides


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chad and Niger agreed on Wednesday to a ceasefire that will take effect on Friday at 6 a.m.", "en"),
        ("Chad y Níger acordaron el miércoles un alto el fuego que entrará en vigor el viernes a las 6:00.", "es"),
    ],
)
def test_a_ceasefire_to_take_effect_on_a_weekday_takes_effect_on_the_next_one(
    coder: EventCoder, text: str, language: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert truce.ceasefire is not None and truce.ceasefire.effective is not None
    assert str(truce.ceasefire.effective.start).startswith("2024-03-15")  # the Friday after Wednesday the 13th


def test_a_word_of_an_actors_name_tells_no_event(coder: EventCoder) -> None:
    events = code(coder, "Fighters of the National Liberation Front attacked an army post in the north on Tuesday.")
    assert [e.event for e in events] == ["ASSAULT"]


def test_the_mediation_told_in_a_ceasefires_own_phrase_is_no_talks_of_its_own(coder: EventCoder) -> None:
    text = "La tregua entre Chad y Níger, negociada con la mediación de Turquía y Catar, entrará en vigor el viernes."
    assert "CONSULT" not in {e.event for e in code(coder, text, "es")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chad and Niger agreed on Wednesday to a cessation of hostilities.", "en"),
        ("Le Tchad et le Niger ont accepté mercredi une pause humanitaire.", "fr"),
    ],
)
def test_a_cessation_of_hostilities_or_a_humanitarian_pause_is_a_ceasefire(
    coder: EventCoder, text: str, language: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert (truce.event, {e.code for e in truce.actor}) == ("AGREE", {"TCD", "NER"})


def test_a_kind_of_actor_told_as_an_adjective_is_a_party_beside_a_named_one(coder: EventCoder) -> None:
    text = "Le gouvernement tchadien et les groupes rebelles ont signé mercredi un cessez-le-feu à Abéché."
    truce = ceasefire_in(coder, text, "fr")
    assert {(e.code, e.sector) for e in truce.actor} == {("TCD", "GOV"), ("TCD", "REB")}


def test_a_retold_ceasefire_its_own_phrase_dates_is_a_ceasefire_of_that_time(coder: EventCoder) -> None:
    text = (
        "Chad and Niger agreed on Monday to a truce on their border. A 2019 ceasefire between the two armies "
        "collapsed after three months of clashes."
    )
    truces = [e for e in code(coder, text) if e.ceasefire is not None]
    told = [(e.date, e.date_precision, e.ceasefire.status) for e in truces if e.ceasefire]
    assert told == [("2024-03-11", "day", None), ("2019-01-01", "year", "collapsed")]


def test_the_subject_of_what_becomes_of_a_ceasefire_is_no_mediator(coder: EventCoder) -> None:
    text = "The ceasefire between Chad and Niger collapsed on Monday."
    truce = ceasefire_in(coder, text)
    assert truce.mediator == [] and {e.code for e in truce.actor} == {"TCD", "NER"}


def test_a_ceasefire_told_without_its_parties_is_never_the_brokers(coder: EventCoder) -> None:
    text = (
        "Talks in Doha\n\nThe Chadian government and rebel groups resumed talks in Doha on Monday under "
        "Qatari mediation. The Chadian army said the rebels had attacked a post near Abéché. Qatar hosts the "
        "talks. In 2019, a ceasefire signed in N'Djamena was broken within three months."
    )
    truce = ceasefire_in(coder, text)
    assert "QAT" not in {e.code for e in truce.actor} and {e.sector for e in truce.actor} == {"GOV", "REB"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Waffenstillstand zwischen dem Tschad und Niger ist am Dienstag zusammengebrochen.", "de"),
        ("Rozejm między Czadem a Nigrem załamał się we wtorek.", "pl"),
        ("انهار وقف إطلاق النار بين تشاد والنيجر يوم الثلاثاء.", "ar"),
    ],
)
def test_a_ceasefire_told_over_in_a_language_read_without_a_parse_is_told_collapsed(
    coder: EventCoder, text: str, language: str
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert truce.ceasefire is not None and truce.ceasefire.status == "collapsed"
    assert "TCD" in {e.code for e in truce.actor}


def test_those_killed_are_never_a_side_of_a_ceasefire(coder: EventCoder) -> None:
    text = (
        "انهار وقف إطلاق النار في طرابلس يوم الأحد بعد اشتباكات بين قوات الحكومة ومجموعة مسلحة أسفرت عن مقتل ستة أشخاص."
    )
    truce = ceasefire_in(coder, text, "ar")
    assert "CVL" not in {e.sector for e in truce.actor}


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("Monitors recorded dozens of breaches of the truce between Chad and Niger on Tuesday.", "en", "violated"),
        ("Des observateurs ont relevé mardi des dizaines de violations de la trêve entre le Tchad et le Niger.", "fr",
         "violated"),
        ("Violations of the truce between Chad and Niger are frequent along their border.", "en", None),
        ("Les violations de la trêve entre le Tchad et le Niger sont fréquentes.", "fr", None),
    ],
)  # fmt: skip
def test_violations_reported_tell_a_ceasefire_broken_and_violations_said_common_do_not(
    coder: EventCoder, text: str, language: str, status: str | None
) -> None:
    truce = ceasefire_in(coder, text, language)
    assert truce.ceasefire is not None and truce.ceasefire.status == status


def test_a_unilateral_ceasefire_extended_is_the_ceasefire_of_the_side_that_extends_it(coder: EventCoder) -> None:
    text = "Le gouvernement tchadien a prolongé lundi de trois mois le cessez-le-feu unilatéral proclamé en janvier."
    events = code(coder, text, "fr")
    truce = next(e for e in events if e.ceasefire is not None)
    assert (truce.event, truce.mode, {e.code for e in truce.actor}) == ("RETREAT", "ceasefire", {"TCD"})
    assert [e.event for e in events] == ["RETREAT"]  # the extension is that ceasefire, no concession besides


def test_a_ceasefire_that_was_to_take_effect_has_that_effective_time(coder: EventCoder) -> None:
    text = "Un cessez-le-feu entre le Tchad et le Niger devait entrer en vigueur vendredi à minuit."
    truce = ceasefire_in(coder, text, "fr")
    assert truce.ceasefire is not None and truce.ceasefire.effective is not None
    assert str(truce.ceasefire.effective.start).startswith("2024-03-15")


def test_the_hostilities_a_ceasefire_ends_are_no_fighting(coder: EventCoder) -> None:
    events = code(coder, "Le Tchad et le Niger ont convenu mardi d'une cessation des hostilités.", "fr")
    assert [(e.event, e.ceasefire is not None) for e in events] == [("AGREE", True)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chad and Niger agreed to a cease-fire on Monday.", "en"),
        ("Le Tchad et le Niger ont conclu un cessez le feu lundi.", "fr"),
        ("Le Tchad et le Niger ont décidé lundi l'arrêt des hostilités.", "fr"),
    ],
)
def test_a_ceasefire_is_one_however_its_name_is_spelled(coder: EventCoder, text: str, language: str) -> None:
    truce = ceasefire_in(coder, text, language)
    assert (truce.event, {e.code for e in truce.actor}) == ("AGREE", {"TCD", "NER"})


@pytest.mark.parametrize(
    ("text", "language", "moment"),
    [
        ("Chad and Niger signed a truce on Monday. At midnight on Tuesday the truce took effect.", "en", "2024-03-12"),
        (
            "Россия и Грузия заключили перемирие. В полночь 12 марта (23:00 мск 11 марта) между Россией и Грузией "
            "вступило в силу перемирие.",
            "ru",
            "2024-03-11 20:00:00+00:00",
        ),
    ],
)
def test_a_ceasefire_takes_effect_at_the_time_its_clause_gives_before_saying_so(
    coder: EventCoder, text: str, language: str, moment: str
) -> None:
    effective = [e.ceasefire.effective for e in code(coder, text, language) if e.ceasefire and e.ceasefire.effective]
    assert effective and str(effective[-1].start).startswith(moment)


def test_a_time_of_another_clause_is_not_when_a_ceasefire_took_effect(coder: EventCoder) -> None:
    text = "Chad and Niger signed a truce in January. Since the truce took effect, trade grew, they said on Monday."
    assert all(e.ceasefire.effective is None for e in code(coder, text) if e.ceasefire)


def test_a_broker_named_in_the_next_sentence_is_the_ceasefires_mediator_and_no_party(coder: EventCoder) -> None:
    text = (
        "Chad and Niger agreed to a seven-day truce on Saturday. The deal was brokered by Qatar and Egypt, "
        "officials said."
    )
    truce = ceasefire_in(coder, text)
    assert {e.code for e in truce.actor} == {"TCD", "NER"}
    assert {e.code for e in truce.mediator} == {"QAT", "EGY"}


def test_a_relative_clause_in_the_future_does_not_make_an_agreement_to_come(coder: EventCoder) -> None:
    truce = ceasefire_in(coder, "Chad and Niger signed on Monday a truce that will last until the end of the month.")
    assert truce.event == "AGREE" and "future" not in truce.auxiliary_modes


def test_the_parties_of_a_ceasefire_are_named_anywhere_in_its_own_phrase(coder: EventCoder) -> None:
    truce = ceasefire_in(coder, "A truce in Chad between the army and the rebels took effect on Monday.")
    assert {(e.code, e.sector) for e in truce.actor} == {("TCD", "MIL"), ("TCD", "REB")}


def test_a_truce_declared_by_one_side_binds_that_side_and_runs_from_the_first_moment_to_come(
    coder: EventCoder,
) -> None:
    text = (
        "Президент Чада принял решение об объявлении перемирия. "
        "Режим прекращения огня будет действовать с 00:00 20 марта до 00:00 25 марта."
    )
    truces = [e for e in code(coder, text, "ru") if e.ceasefire is not None]
    assert truces and all((e.event, e.mode) == ("RETREAT", "ceasefire") for e in truces)
    assert all({p.code for p in e.actor} == {"TCD"} and not e.recipient for e in truces)
    effective = [e.ceasefire.effective for e in truces if e.ceasefire and e.ceasefire.effective]
    assert effective and str(effective[0].start) == "2024-03-20 00:00:00"


def test_a_ceasefire_told_running_by_the_clause_that_describes_it(coder: EventCoder) -> None:
    text = (
        "Chad y Níger firmaron una tregua la semana pasada. "
        "El cese de hostilidades que entró en vigor el viernes superó su tercer día en calma."
    )
    effective = [e.ceasefire.effective for e in code(coder, text, "es") if e.ceasefire and e.ceasefire.effective]
    assert [str(time.start) for time in effective] == ["2024-03-08"]


def test_a_ceasefire_said_to_be_needed_is_a_demand_not_a_ceasefire(coder: EventCoder) -> None:
    demanded = "Chad and Niger agreed a truce. The rebels said the truce must go into effect before any talks."
    assert [e.evidence.sentence[:5] for e in code(coder, demanded) if e.ceasefire] == ["Chad "]
    assert not [e for e in code(coder, "La trêve entre le Tchad et le Niger doit être respectée.", "fr") if e.ceasefire]


def test_a_truce_due_to_take_effect_on_a_weekday_takes_effect_on_the_next_one(coder: EventCoder) -> None:
    truce = ceasefire_in(coder, "Chad and Niger signed a truce that is due to take effect at 9:45 p.m. on Monday.")
    assert truce.ceasefire is not None and truce.ceasefire.effective is not None
    assert str(truce.ceasefire.effective.start) == "2024-03-18 21:45:00"
    assert "future" not in truce.auxiliary_modes  # the truce is signed; only its effect is to come

"""Place names: which spans of a parsed text name places, before any is resolved (`places`).

The NER's place entities; names the NER took for something else when their place in the sentence says they are
places ("near Kidal", "the town of Badme"); borders named by their two countries; then the gazetteer's
well-known names the NER missed. A leading article and a trailing possessive are not part of a name. The words
these rules test are function-word roles (`lexicons/function_words.toml`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from treve.resources.actor_files import fold_key
from treve.resources.function_words import alternatives, every_word
from treve.resources.function_words import words as role_words
from treve.resources.gazetteer import Gazetteer, GazetteerPlace, load_combining_forms, name_key
from treve.stages.flat_pipeline import flat_tables, known_words

PLACE_LABELS = {"en": frozenset({"GPE", "LOC", "FAC"}), "fr": frozenset({"LOC"}), "es": frozenset({"LOC"})}

_LEADING = re.compile(rf"^(?:{alternatives('articles')})\s+", re.IGNORECASE)
_TRAILING = re.compile(rf"(?:{alternatives('possessives')})$")


def clean_name(text: str) -> str:
    """The name without a leading article or a trailing possessive ("the United States's" -> "United States")."""
    return _TRAILING.sub("", _LEADING.sub("", text.strip())).strip()


_CASE_ENDINGS = sorted(role_words("name_case_endings"), key=len, reverse=True)
_BASE_ENDINGS = ["", *sorted(role_words("name_base_endings"))]
_PROCLITICS = sorted(
    {p for table in flat_tables().values() for p in table.get("proclitics", [])}, key=len, reverse=True
)
_ATTACHED_ARTICLES = sorted({table["article"] for table in flat_tables().values() if "article" in table})
_DEFINITE = frozenset(p for table in flat_tables().values() for p in table.get("definite_proclitics", []))
# A form keeps at least this many letters of the name: "Ру" is no stem of anything.
MIN_STEM = 3


def name_forms(name: str) -> list[str]:
    """The forms a name the gazetteer lacks as written may be written in there, most likely first: without a
    proclitic written on it, with the article where the proclitic holds it ("بغزة" is "غزة", "للخرطوم" is
    "الخرطوم": `flat_reading.toml`), never gaining or losing the article ("المشهد", the scene, is no "مشهد",
    Mashhad; "بعبور", by crossing, no "العبور"), its case ending replaced by a base ending or none
    ("Исламабаде", "Россию": `function_words.toml`). Each language's proclitics and endings are its own
    letters, so they never touch a name of another script."""
    forms: list[str] = []
    for proclitic in _PROCLITICS:
        rest = name[len(proclitic) :]
        if name.startswith(proclitic) and len(rest) >= MIN_STEM:
            forms += [article + rest for article in _ATTACHED_ARTICLES] if proclitic in _DEFINITE else [rest]
    last = name.rsplit(" ", 1)
    for ending in _CASE_ENDINGS:
        stem = last[-1][: -len(ending)]
        if last[-1].endswith(ending) and len(stem) >= MIN_STEM:
            forms += [" ".join([*last[:-1], stem + base]) for base in _BASE_ENDINGS]
    return [form for form in dict.fromkeys(forms) if form != name]


def candidates_of(gazetteer: Gazetteer, name: str) -> list[GazetteerPlace]:
    """The gazetteer's candidates for a name as written, else for its first form that has some."""
    found = gazetteer.candidates(name)
    for form in [] if found else name_forms(name):
        found = gazetteer.candidates(form)
        if found:
            break
    return found


def acronym(name: str) -> bool:
    """ "EU", "BC", "UN": a name of at most four letters, all capitals."""
    letters = [char for char in name if char.isalpha()]
    return 0 < len(letters) <= 4 and all(char.isupper() for char in letters)


# The relations of a name that a verb acts on: its object, or its passive subject.
_TAKEN_RELATIONS = frozenset({"nsubj:pass", "nsubjpass", "obj", "dobj"})
# An operation named after where it is fought: "the Manbij campaign", "the Mosul offensive".
OPERATION_NOUNS = role_words("operation_nouns")
# Verbs done to a place rather than to a government: their object, or their passive subject, is a place
# ("captured Seoul", "patrolled Jerusalem", "Kaboul a été bombardée"), never an actor.
PLACE_VERBS = role_words("place_verbs")


def done_to_place(token: Token) -> bool:
    """Whether the token is the object (or passive subject) of a verb done to places."""
    return token.dep_ in _TAKEN_RELATIONS and token.head.lemma_.lower() in PLACE_VERBS


# Gazetteer matches outside the NER's spans: names of countries, provinces, regions and capitals, and towns
# this large, written as proper nouns.
MATCH_MIN_POPULATION = 100_000
MAX_NAME_TOKENS = 5  # "Mazar-e-Sharif" is five
_NOT_PLACES = frozenset({"PERSON", "PER", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})
_NEVER_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
# Nouns that say a name beside them is a place: "the town of Badme", "Nuwakot district", "Kakata, a town".
PLACE_NOUNS = role_words("place_nouns")
# "the outskirts of X", "the siege of X": what names a place's parts or surroundings, before "of".
AROUND = role_words("around")
# A place noun that ends a name makes it a place ("Bardo Museum"), but not these: "Islamic State".
_NOT_FINAL = role_words("place_nouns_not_final")
# "Kakata, 60 kilometers northeast of Monrovia": a name set at a distance and bearing from another is a place.
BEARINGS = role_words("bearings")
BEARING_ADJECTIVES = role_words("bearing_adjectives")
ARTICLES = role_words("articles")
POSSESSIVES = role_words("possessives")
_PLACE_OF = PLACE_NOUNS | AROUND | BEARINGS  # "the town of X", "the outskirts of X", "north of X"
# Prepositions that put what follows somewhere: the NER's PERSON or ORG there is a place the gazetteer knows.
_WHERE_MARKERS = role_words("where_markers")
LINKS = role_words("link_markers")


def recognise(doc: Doc, language: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the place names of a parsed text: the NER's place entities; names the NER took for
    something else (the small models read many a town as a person or an organisation) when their place in
    the sentence says they are places; then the gazetteer's well-known names the NER missed."""
    labels = PLACE_LABELS.get(language, PLACE_LABELS["en"])
    spans: list[tuple[int, int]] = []
    held_by_small_places: list[tuple[int, int]] = []
    taken = [False] * len(doc)
    for border in _borders(doc, gazetteer):
        spans.append((border.start_char, border.end_char))
        for i in range(border.start, border.end):
            taken[i] = True
    surnames = _surnames(doc)
    lower_words = frozenset(token.text for token in doc if token.text.islower())
    for name in _names(doc):
        label = name.label_ or name[0].ent_type_
        if label in _NEVER_PLACES or any(taken[i] for i in range(name.start, name.end)):
            continue
        if _no_place_name(name, gazetteer, surnames, lower_words):
            for i in range(name.start, name.end):
                taken[i] = True
            continue
        inside = _place_inside(name, gazetteer) if label in BODIES else None
        if inside is not None:
            (spans if inside[1] else held_by_small_places).append(inside[0])
            for i in range(name.start, name.end):
                taken[i] = True
            continue
        if (label in labels or _said_as_place(name, taken, gazetteer)) and not _given_an_age(name):
            cleaned = _trimmed(name)
            if cleaned is not None:
                spans.append((cleaned.start_char, cleaned.end_char))
            for i in range(name.start, name.end):
                taken[i] = True
        elif label in _NOT_PLACES or _given_an_age(name):
            for i in range(name.start, name.end):
                taken[i] = True
    index = 0
    while index < len(doc):
        match = _gazetteer_match(doc, index, taken, gazetteer)
        if match is None or _no_place_name(match, gazetteer, surnames, lower_words):
            index += 1
            continue
        spans.append((match.start_char, match.end_char))
        index = match.end
    named = {name_key(doc.text[start:end]) for start, end in spans}
    spans.extend(span for span in held_by_small_places if name_key(doc.text[span[0] : span[1]]) in named)
    return sorted(spans)


# Peoples' names that name a place of this kind: "Russian" (Russia), "European" (Europe), "South Ossetian".
_PEOPLE_OF = frozenset({"CONT", "RGN"})


def demonyms(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the peoples' names the NER found ("Russian forces", "Palestinians", "les Ukrainiens":
    a people, or an adjective or a plural it took for a place) that name a country, a continent or a region:
    the place a party comes from, which a user maps and filters by, though it says whose rather than where."""
    spans = []
    for entity in doc.ents:
        root = entity.root
        plural = "Plur" in root.morph.get("Number") or root.tag_ == "NNPS"
        noun = len(entity) == 1 and (root.pos_ == "NOUN" or plural)  # "les Russes", "un Taïwanais"
        people = entity.label_ == "NORP" or root.pos_ == "ADJ" or noun
        name = _trimmed(entity) if people else None
        if name is not None and _names_a_people(gazetteer, name.text):
            spans.append((name.start_char, name.end_char))
    return spans


def _names_a_people(gazetteer: Gazetteer, text: str) -> bool:
    """Whether the name is a country's, a continent's or a region's people's rather than the place's own name
    ("Filipino", not "Philippines")."""
    key = name_key(text)
    large = [place for place in gazetteer.candidates(text) if place.is_country or place.feature_code in _PEOPLE_OF]
    return bool(large) and all(name_key(place.name) != key for place in large)


_PERSON_LABELS = frozenset({"PERSON", "PER"})


def _surnames(doc: Doc) -> frozenset[str]:
    """The last words of the people the NER names in full: "Lin" after "Sammy Lin" is the man again."""
    return frozenset(entity[-1].text for entity in doc.ents if entity.label_ in _PERSON_LABELS and len(entity) > 1)


def _no_place_name(name: Span, gazetteer: Gazetteer, surnames: frozenset[str], lower_words: frozenset[str]) -> bool:
    """Whether a name is no place's however tagged: common words only that the gazetteer does not know ("l'État",
    "État russe"); unless it is a country's name, the surname of someone the text names in full, or one word the
    text also writes in lower case ("Nacional" where it writes "nacional")."""
    if len(name) == 1 and (name.text in surnames or name[0].lower_ in lower_words):
        return not any(place.is_country for place in gazetteer.candidates(name.text))
    parsed = name.doc.has_annotation("POS")
    common = parsed and not any(token.pos_ == "PROPN" for token in name)
    return common and not candidates_of(gazetteer, clean_name(name.text))


BORDER_NOUNS = role_words("border_nouns_after")
BORDER_NOUNS_BEFORE = role_words("border_nouns_before")
_DASHES = frozenset({"-", "–", "—", "/"})


def _borders(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Borders named by the two countries they divide: "the Iraqi-Syrian border", "the Syria–Turkey border".
    The whole phrase is the place: an event there is on the border, in neither country."""
    found = []
    for token in doc:
        noun = token.lemma_.lower()
        if noun in BORDER_NOUNS and token.i >= 3:  # English: "the Syria-Turkey border"
            first, dash, second = doc[token.i - 3 : token.i]
            if dash.text in _DASHES and _names_a_country(gazetteer, first) and _names_a_country(gazetteer, second):
                found.append(doc[first.i : token.i + 1])
        elif noun in BORDER_NOUNS_BEFORE and token.i + 1 < len(doc):  # "la frontière syro-turque"
            words = doc[token.i + 1 : token.i + 4]
            joined = words[0].text.split("-", 1)  # one token: "indo-pakistanaise"
            if len(joined) == 2 and all(country_code(gazetteer, part) for part in joined):
                found.append(doc[token.i : token.i + 2])
            elif (
                len(words) == 3
                and words[1].text in _DASHES
                and all(country_code(gazetteer, word.text) for word in (words[0], words[2]))
            ):
                found.append(doc[token.i : token.i + 4])
    return found


def country_code(gazetteer: Gazetteer, word: str) -> str | None:
    """The country a word of a compound names: a French combining form ("syro"), or a country's name or its
    people's adjective ("Syria", "turque")."""
    form = load_combining_forms().get(name_key(word))
    if form is not None:
        return form
    return next((place.country_code for place in gazetteer.candidates(word) if place.is_country), None)


def _names_a_country(gazetteer: Gazetteer, token: Token) -> bool:
    """A country's name or its people's adjective, written as a name: "Syria", "Syrian"."""
    return token.text[:1].isupper() and country_code(gazetteer, token.text) is not None


def _given_an_age(name: Span) -> bool:
    """A name followed by an age between commas is a person's, whatever the tagger says: "Kowalski, 44,"."""
    doc = name.doc
    if name.end + 2 >= len(doc):
        return False
    comma, age, closing = doc[name.end], doc[name.end + 1], doc[name.end + 2]
    return comma.text == "," and closing.text == "," and age.text.isdigit() and 0 < int(age.text) < 120


def _names(doc: Doc) -> list[Span]:
    """The NER's entities, and the runs of proper nouns outside them ("Al-Dawr" as one name), in order."""
    names = list(doc.ents)
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            index += 1
            continue
        end = index + 1
        while end < len(doc) and not doc[end].ent_type_ and _continues_name(doc, end):
            end += 1
        names.append(doc[index:end])
        index = end
    return sorted(names, key=lambda span: span.start)


def _continues_name(doc: Doc, index: int) -> bool:
    """A proper noun, or a hyphen written inside a word ("Mazar-e-Sharif")."""
    token = doc[index]
    if token.pos_ == "PROPN" and (token.text[:1].isupper() or not doc[index - 1].whitespace_):
        return True
    return token.text == "-" and not doc[index - 1].whitespace_ and not token.whitespace_


def _said_as_place(name: Span, taken: Sequence[bool], gazetteer: Gazetteer) -> bool:
    """Whether a proper name the NER did not label a place is one by its role: named with a place noun ("the
    town of X", "X district", "X, a village"), set at a bearing from a place, joined by "and" to a place, or,
    when the gazetteer knows the name, put somewhere by a locative preposition ("demonstrated in X") or
    taken by a verb done to places ("captured X") or naming a military operation ("the X offensive"), or, a
    well-known place's own name, qualifying a common noun ("an Alexandria man")."""
    root, last = name.root, name[-1].lemma_.lower()
    if root.pos_ != "PROPN" or not any(token.text[:1].isupper() for token in name):
        return False
    if name.label_ == "NORP" and not _names_a_place(gazetteer, name.text):
        return False  # "Chechen towns", "Syrian forces": a people, not the place named after it
    if last in PLACE_NOUNS and last not in _NOT_FINAL and len(name) > 1:
        return True
    head = root.head
    if root.dep_ in ("compound", "nmod", "poss", "appos", "conj") and _is_place_word(head, taken):
        return not acronym(name.text)  # "the MFO base", "the UN camp": whose, not which
    if root.dep_ == "pobj" and head.lower_ in LINKS and head.head.lemma_.lower() in _PLACE_OF:
        return True
    for child in root.children:
        if child.dep_ in ("appos", "conj", "advmod") and (
            _is_place_word(child, taken) or any(c.lemma_.lower() in BEARINGS for c in child.subtree)
        ):
            return True
    if len(name) == 1 and root.dep_ == "compound" and head.pos_ == "NOUN":
        # "an Alexandria man", "Alexandria police": one name qualifying a common noun says where it is from,
        # when it is a well-known place's own name.
        return any(known_by_own_name(place, name.text) for place in gazetteer.candidates(name.text))
    seized = root.dep_ in ("obj", "dobj") and done_to_place(root)  # a passive subject is more often a person
    named_operation = root.dep_ == "compound" and head.lemma_.lower() in OPERATION_NOUNS
    if _preposition(root) not in _WHERE_MARKERS and not seized and not named_operation:
        return False
    return gazetteer.knows(clean_name(name.text))


def _is_place_word(token: Token, taken: Sequence[bool]) -> bool:
    """A place noun, or a token of a name already recognised as a place."""
    place_noun = token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS
    return place_noun or (taken[token.i] and token.ent_type_ not in _NOT_PLACES)


def _names_a_place(gazetteer: Gazetteer, text: str) -> bool:
    """Whether the gazetteer knows the word as a place's name, not only as its people's ("Syrian")."""
    key = name_key(clean_name(text))
    return any(not place.is_country or name_key(place.name) == key for place in gazetteer.candidates(key))


def _preposition(token: Token) -> str | None:
    """The preposition whose object `token` is: an English `prep` head, or a French `case` child."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.lower_
    cases = [child.lower_ for child in token.children if child.dep_ == "case"]
    return cases[0] if cases else None


# Words that open many names without being a place's name: "Western Union", "Royal Street", "New Line".
_OPENERS = role_words("name_openers")
# Seas, gulfs, deserts, rivers and lakes are places of their own kind, never a town or a province named like
# them: the Baltic Sea is not at Baltic, Connecticut, the "mer Rouge" not at Mer Rouge, Louisiana, the Dnipro
# River not the city of Dnipro, the Red Sea not Sudan's Red Sea state. English puts the
# word last ("Indian Ocean") or first before "of" ("Gulf of Aden"); French and Spanish put it first, in
# lower case ("mer Rouge", "mar Rojo").
_LARGE_FEATURES_FINAL = role_words("large_features_final")
_LARGE_FEATURES_INITIAL = role_words("large_features_initial")
_WORD = re.compile(r"\S+")


def names_a_large_feature(name: str) -> bool:
    """ "Indian Ocean", "Gulf of Aden", "mer Rouge" (French writes the feature in lower case: "Mer Rouge" is the
    Louisiana town)."""
    parts = name.split()
    if len(parts) < 2:
        return False
    first, second, last = parts[0].casefold(), parts[1].casefold(), parts[-1].casefold()
    initial = first in _LARGE_FEATURES_INITIAL and (second in LINKS or parts[0].islower())
    return last in _LARGE_FEATURES_FINAL or initial


class Holder(NamedTuple):
    start: int  # character offsets of the holder's name inside the whole name
    end: int
    places: list[GazetteerPlace]


def holder(gazetteer: Gazetteer, name: str) -> Holder | None:
    """For a name the gazetteer lacks that names a site or a body by the place holding it ("Manila Cathedral",
    "Dubai World Cup", "University of California", "Paris Police Department"), that place's name and
    candidates: the words after its last "of", or the longest run of its first words, that name a town or a
    division, or a country by its own name (not its people's: "Indian Ocean" is not India). A lone opening
    word such as "Northern" or "Royal" names nothing, nor does an abbreviation ("St. Jude": "St." spells
    Sète)."""
    words = list(_WORD.finditer(name))
    if len(words) < 2 or names_a_large_feature(name):
        return None
    runs = [(words[0].start(), words[size - 1].end()) for size in range(len(words) - 1, 0, -1)]
    after_of = [n + 1 for n, word in enumerate(words[1:-1], 1) if word.group() == "of"]
    if after_of:
        runs.insert(0, (words[after_of[-1]].start(), words[-1].end()))
    for start, end in runs:
        run = name[start:end]
        if run.casefold() in _OPENERS or not run[:1].isupper():
            continue
        key = name_key(run)
        found = [
            place
            for place in gazetteer.candidates(run)
            if place.feature_class in ("P", "A")
            and (name_key(place.name) == key if place.is_country else long_enough(run, place))
        ]
        if found:
            return Holder(start, end, found)
    return None


# The NER's labels for organisations and facilities, whose names often open with the place they belong to.
BODIES = frozenset({"ORG", "FAC"})


def _place_inside(name: Span, gazetteer: Gazetteer) -> tuple[tuple[int, int], bool] | None:
    """The character span of the place that holds a body or a site the gazetteer lacks ("Paris" of "the Paris
    Police Department", "Huntsville" of "Huntsville High School", "Mexico" of "Bank of Mexico"): the
    toponym is the place's name, the rest names what is there. With it, whether the place is well known:
    a small town's name opening a body's is often a word ("Supreme", "Federal", "Best"), and is taken
    only where the text names the town on its own too."""
    cleaned = _trimmed(name)
    if cleaned is None or candidates_of(gazetteer, clean_name(cleaned.text)):
        return None
    held = holder(gazetteer, cleaned.text)
    if held is None:
        return None
    span = (cleaned.start_char + held.start, cleaned.start_char + held.end)
    return span, any(well_known(place) for place in held.places)


def _trimmed(entity: Span) -> Span | None:
    """The entity without a leading determiner or a trailing possessive."""
    start, end = entity.start, entity.end
    while start < end and entity.doc[start].lower_ in ARTICLES:
        start += 1
    while end > start and entity.doc[end - 1].lower_ in POSSESSIVES:
        end -= 1
    return entity.doc[start:end] if end > start else None


def _gazetteer_match(doc: Doc, index: int, taken: list[bool], gazetteer: Gazetteer) -> Span | None:
    """The longest run of proper-noun tokens from `index` that names a well-known place. A lone word must
    be a singular proper noun ("Serbs", "Syrian" name peoples) and no bearing, and a short one a country (see
    `long_enough`). Without a parse, a run of capitalised words (any word of a script without capitals),
    looked up as written or in its written form (`name_forms`)."""
    parsed = doc.has_annotation("POS")
    for length in range(min(MAX_NAME_TOKENS, len(doc) - index), 0, -1):
        span = doc[index : index + length]
        if any(taken[i] for i in range(span.start, span.end)):
            continue
        if not (_capitalised(span[0].text) and _capitalised(span[-1].text)):
            continue
        if parsed and not all(token.pos_ == "PROPN" or token.is_punct or token.text[:1].isupper() for token in span):
            continue
        if parsed and length == 1 and (span[0].pos_ != "PROPN" or span[0].tag_ == "NNPS"):
            continue
        if not parsed and length == 1 and _common_word(span[0]):
            continue
        if length == 1 and span[0].lower_ in BEARINGS | BEARING_ADJECTIVES:
            continue  # "North", "Western": a direction, or the start of a name the NER split
        found = gazetteer.candidates(span.text) if parsed else candidates_of(gazetteer, span.text)
        if any(well_known(place) and (place.is_country or long_enough(span.text, place)) for place in found):
            return span
    return None


def long_enough(name: str, place: GazetteerPlace) -> bool:
    """Whether a name that is not a country's is long enough to name a place outside the NER's spans: an
    acronym or a word of two letters is an abbreviation ("Ms.", "Co.", "St." spell Mississippi, Colorado and
    Sète), and one of three Latin letters only by the place's own name ("Man", "Gao"; not "Day", "Act",
    abbreviations of provinces; "غزة" is Gaza in full)."""
    letters = sum(char.isalpha() for char in name)
    if acronym(name) or letters <= 2:
        return False
    return letters > 3 or not name.isascii() or name_key(name) == name_key(place.name)


_FOLDED_COMMON = frozenset(fold_key(word) for word in every_word())


def _common_word(token: Token) -> bool:
    """Whether a word is one of the language's own words rather than a name, with or without a proclitic: a
    word its lexicons know ("السلطات", the authorities, is also a name of Settat), a word of its closed classes
    ("وأن", and that: Van), a noun that says what kind of place it is ("المدينة", the city: Medina)."""
    plain = fold_key(token.text)
    forms = [plain, token.lemma_, *(plain[len(p) :] for p in _PROCLITICS if plain.startswith(p))]
    known = known_words(token.doc.lang_)
    return any(form in _FOLDED_COMMON or form in known for form in forms)


def _capitalised(word: str) -> bool:
    """Whether a word opens with a capital, or with a letter of a script that has none (Arabic, Hebrew)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower() and len(word) >= MIN_STEM)


def known_by_own_name(place: GazetteerPlace, word: str) -> bool:
    """Whether one word names a well-known place by its own name or that name's first word ("Alexandria",
    "Cebu" of Cebu City), not by one of its alternate names ("Sala" of Salé)."""
    return well_known(place) and name_key(place.name).split()[0] == name_key(word)


def well_known(place: GazetteerPlace) -> bool:
    """A province, a region or a country, or a town of MATCH_MIN_POPULATION people or more."""
    division = place.feature_class in ("A", "L") and place.feature_code != "ADM2"
    return division or place.population >= MATCH_MIN_POPULATION


# ---------------------------------------------------------------------------------------------------------
# Datelines: where a wire story was filed, written before its first sentence

# "KHARTOUM, Sudan (AP) —", "ABIDJAN (AFP) -", "PARIS, 12 mars (Reuters) -", "Beyrouth (AFP) -", "МОСКВА, 14 мая
# (Агентство) —": a place, perhaps its country or the date after a comma, then the agency in brackets and a dash;
# letters of any script.
_DATELINE_AGENCY = re.compile(
    r"^\s*(?P<place>[^\W\d_][^\n(),:]{0,40}?)\s*(?:,[^\n()]{0,40}?)?"
    r"\s*\([^\W\d_][\w.-]{1,15}(?:[ /][\w.-]{1,15}){0,2}\)\s*[-–—]"
)
# "CAIRO —", "THE HAGUE, Netherlands —", "KYIV, Dec 6 -": a place in capitals (checked by `str.isupper`, which
# knows every script's case), then a dash.
_DATELINE_CAPITALS = re.compile(
    r"^\s*(?P<place>[^\W\d_][\w'’.\- ]{0,40}[^\W\d_])\s*(?:,[^\n()–—]{0,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s"
)


class Dateline(NamedTuple):
    place: tuple[int, int]  # the place's name
    end: int  # where the dateline ends: names before it are the dateline's


def dateline(text: str, gazetteer: Gazetteer) -> Dateline | None:
    """The story's dateline, when it opens with one whose place the gazetteer knows. A dateline says where the
    story was filed, which is often not where its events happened."""
    for pattern in (_DATELINE_AGENCY, _DATELINE_CAPITALS):
        match = pattern.match(text)
        if match is None or (pattern is _DATELINE_CAPITALS and not match["place"].isupper()):
            continue
        if gazetteer.candidates(clean_name(match["place"])):
            return Dateline((match.start("place"), match.end("place")), match.end())
    return None


def set_apart(text: str, filed: Dateline | None) -> str:
    """The same text, same length, with the dateline's closing dash made a full stop: the parser then reads the
    dateline as a sentence of its own, not as the subject of the story's first sentence."""
    if filed is None:
        return text
    dash = max(text.rfind(mark, 0, filed.end) for mark in "-–—")
    return text if dash < 0 else f"{text[:dash]}.{text[dash + 1 :]}"

"""Places: find the place names of an article and resolve each one with the whole article as context.

A name is looked up in the gazetteer; its candidates are ranked first by what they are (a country before a
town of the same name, a large town before a small one), then again with what the rest of the article says:
the countries most of its places lie in, the provinces and counties it names, the provinces its towns lie in,
a "Town, Province" pair, and how close a candidate lies to the article's other places; a name's own mentions
are no context for it. So "Arménie" in a story about the Caucasus is the country, and "Paris" in a story about
Texas towns is Paris, Texas. A name that is one place's own name and another's alternate name means the
first ("Cancun" is Cancún, not Changchun). A site the gazetteer lacks is placed at the place holding it
("Manila Cathedral"), a border named by its two countries at a point between them; any other name the
gazetteer does not know stays a mention without coordinates. A capital that is the subject or object of a
clause ("Moscou a déclaré", "Erevan a accusé Bakou") is marked metonymic: it stands for the government, an
actor, not for where something happened, unless the clause's verb is done to a place ("captured Seoul").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

import numpy as np
from pydantic import Field
from spacy.tokens import Doc, Span, Token

from treve.records import Place, Record
from treve.resources.function_words import alternatives
from treve.resources.function_words import words as role_words
from treve.resources.gazetteer import Gazetteer, GazetteerPlace, distance_km, load_combining_forms, name_key

PLACE_LABELS = {"en": frozenset({"GPE", "LOC", "FAC"}), "fr": frozenset({"LOC"}), "es": frozenset({"LOC"})}


class PlaceMention(Record):
    """One place name of the text, where it is, and the place it resolves to (None when unresolved)."""

    start: int = Field(description="Character offset of the name in the text.")
    end: int
    text: str
    place: Place | None = None
    metonymic: bool = Field(False, description="A capital standing for its government: an actor, not a location.")


# ---------------------------------------------------------------------------------------------------------
# Names: the forms a mention is looked up by

_LEADING = re.compile(rf"^(?:{alternatives('articles')})\s+", re.IGNORECASE)
_TRAILING = re.compile(rf"(?:{alternatives('possessives')})$")
# "Donetsk Oblast", "Kent County", "région de Kherson": the bare name, looked up among divisions.
_DIVISION_SUFFIX = re.compile(rf"^(?P<name>.+?)\s+(?:{alternatives('division_suffixes')})$", re.IGNORECASE)
_DIVISION_PREFIX = re.compile(
    rf"^(?:(?:{alternatives('articles')})\s+)?(?:{alternatives('division_prefixes')})\s+"
    rf"(?:{alternatives('division_prefix_links')})(?:(?<=['’])\s*|\s+)(?P<name>.+)$",
    re.IGNORECASE,
)


def clean_name(text: str) -> str:
    """The name without a leading article or a trailing possessive ("the United States's" -> "United States")."""
    return _TRAILING.sub("", _LEADING.sub("", text.strip())).strip()


def _acronym(name: str) -> bool:
    letters = [char for char in name if char.isalpha()]
    return 0 < len(letters) <= 4 and all(char.isupper() for char in letters)


def _lookup(gazetteer: Gazetteer, text: str) -> list[GazetteerPlace]:
    """Candidates of the name; failing that, of its bare form among divisions ("Donetsk Oblast"). An acronym
    ("EU", "BC") names a country, a province or a region, not a town whose name it happens to spell ("Eu")."""
    name = clean_name(text)
    found = gazetteer.candidates(name)
    if _names_a_large_feature(name):
        return [place for place in found if place.feature_class != "P"]  # "mer Rouge" is no Louisiana village
    if found and _acronym(name):
        return [place for place in found if place.feature_class != "P" or _acronym(place.name)]
    if found:
        return found
    for pattern in (_DIVISION_SUFFIX, _DIVISION_PREFIX):
        match = pattern.match(name)
        if match:
            bare = gazetteer.candidates(match.group("name"))
            divisions = [place for place in bare if place.feature_class == "A"]
            return divisions or bare
    return _holder(gazetteer, name)


# Words that open many names without being a place's name: "Western Union", "Royal Street", "New Line".
_OPENERS = role_words("name_openers")


# Features far larger than any town named like them: the Baltic Sea is not at Baltic, Connecticut, nor the
# "mer Rouge" at Mer Rouge, Louisiana (a river or a lake mostly runs by its namesake town). English puts the
# word last ("Indian Ocean") or first before "of" ("Gulf of Aden"); French and Spanish put it first, in
# lower case ("mer Rouge", "mar Rojo").
_LARGE_FEATURES_FINAL = role_words("large_features_final")
_LARGE_FEATURES_INITIAL = role_words("large_features_initial")


def _names_a_large_feature(name: str) -> bool:
    """ "Indian Ocean", "Gulf of Aden", "mer Rouge" (French writes the feature in lower case: "Mer Rouge" is the
    Louisiana town)."""
    parts = name.split()
    if len(parts) < 2:
        return False
    first, second, last = parts[0].casefold(), parts[1].casefold(), parts[-1].casefold()
    initial = first in _LARGE_FEATURES_INITIAL and (second in _LINKS or parts[0].islower())
    return last in _LARGE_FEATURES_FINAL or initial


def _holder(gazetteer: Gazetteer, name: str) -> list[GazetteerPlace]:
    """For a name the gazetteer lacks that names a site by the place holding it ("Manila Cathedral", "Dubai
    World Cup", "University of California", "Cavan Institute"), that place's candidates: the longest run of
    its first words, or the words after its last "of", that names a town or a division, or a country by its
    own name (not its people's: "Indian Ocean" is not India). A lone opening word such as "Northern" or
    "Royal" names nothing."""
    words = name.split()
    if len(words) < 2 or _names_a_large_feature(name):
        return []
    runs = [" ".join(words[:size]) for size in range(len(words) - 1, 0, -1)]
    if "of" in words[1:-1]:
        last_of = len(words) - 1 - words[::-1].index("of")
        runs.insert(0, " ".join(words[last_of + 1 :]))
    for run in runs:
        if run.casefold() in _OPENERS or not run[:1].isupper():
            continue
        key = name_key(run)
        found = [
            place
            for place in gazetteer.candidates(run)
            if place.feature_class in ("P", "A") and (not place.is_country or name_key(place.name) == key)
        ]
        if found:
            return found
    return []


# ---------------------------------------------------------------------------------------------------------
# Ranking


def _prior(place: GazetteerPlace, mention: _Mention) -> float:
    """What a candidate is worth before context, in powers of ten of population."""
    score = math.log10(place.population + 10)
    if place.is_country:
        score += 1.5
    elif place.feature_code == "RGN":
        score += 1.0
    elif place.feature_code in ("ADM1", "ADM2"):
        score -= DIVISION_PENALTY  # a division's population is the sum of its towns': it overstates its use
    if place.is_capital:
        score += 0.5
    if name_key(place.name) == mention.key or _namesake_city(place, mention.key):
        score += OWN_NAME_BONUS  # the place's own name, not one of its many alternate names
    elif mention.owned:
        score -= ALTERNATE_PENALTY  # another place's own name: "Albany" is not Albania, "Berea" not Aleppo
    return score


def _namesake_city(place: GazetteerPlace, key: str) -> bool:
    """ "New York City" in New York state: the city goes by its province's name, and news means the city by
    it unless the story's other places lie in the province."""
    return (
        place.feature_class == "P"
        and name_key(place.name) == f"{key} city"
        and place.admin1 is not None
        and name_key(place.admin1) == key
    )


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: str
    candidates: list[GazetteerPlace]
    best: GazetteerPlace | None = None
    then: str = ""  # the mention that follows after a comma, folded ("Springfield, Illinois")
    owned: bool = field(init=False)  # some candidate has the name as its own name

    def __post_init__(self) -> None:
        self.owned = any(name_key(place.name) == self.key for place in self.candidates)


COUNTRY_WEIGHT = 4.0
OWN_NAME_BONUS = 0.5
ALTERNATE_PENALTY = 1.5
DIVISION_PENALTY = 1.0
PROVINCE_BONUS = 1.5
COUNTY_BONUS = 1.5
HOLDS_BONUS = 1.0
PAIR_BONUS = 3.0
NEAR_KM, NEAR_BONUS = 50.0, 2.0
REGION_KM, REGION_BONUS = 250.0, 0.5
PASSES = 2


class _Context:
    """What the article's other mentions say, from the current best reading of each. A name's own mentions
    are left out of its context: "Paris" said five times in a story about Edgar County, Illinois, must not
    vote for France five times."""

    def __init__(self, mentions: Sequence[_Mention], counties: dict[Division, set[str]]) -> None:
        self.countries: dict[str, Counter[str]] = defaultdict(Counter)
        self.provinces: dict[str, set[Division]] = defaultdict(set)
        self.held: dict[str, set[Division]] = defaultdict(set)
        self.points: list[tuple[str, GazetteerPlace]] = []
        for m in mentions:
            place = m.best
            if place is None:
                continue
            if place.country_code:
                self.countries[m.key][place.country_code] += 1
            if place.feature_code == "ADM1":
                self.provinces[m.key].add(_own_division(place))
            elif place.admin1 and not place.is_country:
                province = (place.country_code or "", name_key(place.admin1))
                self.held[m.key].add(province)
                if place.admin2:
                    self.held[m.key].add((*province, name_key(place.admin2)))
            if not place.is_country:
                self.points.append((m.key, place))
        self.counties = counties
        self._views: dict[str, _View] = {}

    def view(self, key: str) -> _View:
        """The context of one name: everything but its own mentions."""
        view = self._views.get(key)
        if view is None:
            counts = sum((c for other, c in self.countries.items() if other != key), Counter[str]())
            total = sum(counts.values())
            view = self._views[key] = _View(
                {code: n / total for code, n in counts.items()} if total else {},
                set().union(*(found for other, found in self.provinces.items() if other != key)),
                set().union(*(found for other, found in self.held.items() if other != key)),
                [place for other, place in self.points if other != key],
            )
        return view

    def score(self, mention: _Mention, place: GazetteerPlace) -> float:
        view = self.view(mention.key)
        score = _prior(place, mention)
        score += COUNTRY_WEIGHT * view.country_share.get(place.country_code or "", 0.0)
        if place.admin1:
            province = (place.country_code or "", name_key(place.admin1))
            if province in view.provinces:
                score += PROVINCE_BONUS
            if place.admin2 and self.counties.get((*province, name_key(place.admin2)), set()) - {mention.key}:
                score += COUNTY_BONUS
        if place.feature_code in ("ADM1", "ADM2") and _own_division(place) in view.held:
            score += HOLDS_BONUS
        if mention.then and mention.then in _containers(place):
            score += PAIR_BONUS
        nearest = min((distance_km(place.lat, place.lon, o.lat, o.lon) for o in view.points), default=math.inf)
        if nearest < NEAR_KM:
            score += NEAR_BONUS
        elif nearest < REGION_KM:
            score += REGION_BONUS
        return score


Division = tuple[str, ...]  # (country, province) or (country, province, county), names folded


@dataclass
class _View:
    country_share: dict[str, float]
    provinces: set[Division]  # first-level divisions named
    held: set[Division]  # divisions the places named lie in
    points: list[GazetteerPlace]


def _own_division(place: GazetteerPlace) -> Division:
    """A division as the towns inside it name it: (country, province) or (country, province, county)."""
    if place.feature_code == "ADM2" and place.admin1:
        return (place.country_code or "", name_key(place.admin1), name_key(place.name))
    return (place.country_code or "", name_key(place.name))


def _counties(mentions: Sequence[_Mention]) -> dict[Division, set[str]]:
    """The counties any name of the article may be, with the names that may be them: a town inside one of
    them is likely meant ("Paris" beside "Henry County" is Paris, Tennessee, whichever Henry County is read)."""
    counties: dict[Division, set[str]] = defaultdict(set)
    for m in mentions:
        for place in m.candidates:
            if place.feature_code == "ADM2" and place.admin1:
                counties[_own_division(place)].add(m.key)
    return counties


@cache
def _country_names() -> dict[str, tuple[str, str, set[str]]]:
    """ISO alpha-2 -> (English name, alpha-3, folded names the country goes by)."""
    import pycountry

    names: dict[str, tuple[str, str, set[str]]] = {}
    for country in pycountry.countries:
        keys = {name_key(getattr(country, field)) for field in ("name", "common_name", "official_name") if
                getattr(country, field, None)}  # fmt: skip
        keys |= {country.alpha_2.lower(), country.alpha_3.lower()}
        names[country.alpha_2] = (getattr(country, "common_name", None) or country.name, country.alpha_3, keys)
    names["US"][2].update({"america", "united states"})
    return names


def _containers(place: GazetteerPlace) -> set[str]:
    """Folded names of what holds the place: its province and its country."""
    held = {name_key(place.admin1)} if place.admin1 else set()
    if place.country_code and place.country_code in _country_names():
        held |= _country_names()[place.country_code][2]
    return held


def _rank(mentions: list[_Mention]) -> None:
    """Pick each mention's best candidate: by prior first, then PASSES times with the article's context."""
    for mention in mentions:
        mention.best = max(mention.candidates, key=lambda place: _prior(place, mention), default=None)
    counties = _counties(mentions)
    for _ in range(PASSES):
        context = _Context(mentions, counties)
        for mention in mentions:
            mention.best = max(mention.candidates, key=lambda place: context.score(mention, place), default=None)


# ---------------------------------------------------------------------------------------------------------
# The location object

_RESOLUTION = {"PCL": 1, "RGN": 2, "ADM1": 2, "ADM2": 3, "ADM3": 3, "ADM4": 3}


def to_place(extracted: str, place: GazetteerPlace | None) -> Place:
    """PLOVER's location object for a resolved (or unresolved) name."""
    if place is None:
        return Place(extracted_place=extracted)
    code = place.feature_code or ""
    if place.is_country or code.startswith("PCL"):
        resolution = 1
    elif code in _RESOLUTION:
        resolution = _RESOLUTION[code]
    elif place.feature_class == "P" and code != "PPLX":
        resolution = 4
    elif place.feature_class in ("A", "L", "T", "H"):
        resolution = 2
    else:
        resolution = 5
    country_name, alpha3, _ = _country_names().get(place.country_code or "", (None, None, set()))
    town = resolution >= 4
    return Place(
        extracted_place=extracted,
        resolved_place=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        city=place.name if resolution == 4 else None,
        district=place.name if resolution == 3 else place.admin2 if town else None,
        province=place.name if resolution == 2 else place.admin1 if resolution > 2 else None,
        country=country_name,
        country_code=alpha3,
        feature_class=place.feature_class,
        feature_code=place.feature_code,
        resolution=resolution,
        geo_precision=1 if town else 2 if resolution == 3 else 3,
    )


# ---------------------------------------------------------------------------------------------------------
# Public entry points

_PAIR = re.compile(r"\s*,\s*$")


def resolve_spans(
    text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer, doc: Doc | None = None
) -> list[PlaceMention]:
    """Resolve given place-name spans of `text` together; with the parsed `doc`, mark metonymic capitals."""
    ordered = sorted(set(spans))
    mentions = [
        _Mention(start, end, name, name_key(clean_name(name)), _lookup(gazetteer, name))
        for start, end in ordered
        if (name := text[start:end])
    ]
    for current, following in pairwise(mentions):
        if _PAIR.fullmatch(text[current.end : following.start]):
            current.then = following.key
    _rank(mentions)
    return [
        PlaceMention(
            start=m.start,
            end=m.end,
            text=m.text,
            place=to_place(m.text, m.best) if m.best else border_place(gazetteer, m.text),
            metonymic=bool(doc is not None and m.best is not None and m.best.is_capital and _is_actor(doc, m)),
        )
        for m in mentions
    ]


# "Iraqi-Syrian border", "Syria–Turkey border", "frontière syro-turque": two countries' names, adjectives or
# French combining forms (`gazetteer/combining_forms.toml`), and the border noun.
_BORDER = re.compile(
    rf"^(?:(?:{alternatives('articles')})\s+)?(?P<first>[^\s/–—-]+)\s*[/–—-]\s*(?P<second>[^\s/–—-]+)\s+"
    rf"(?:{alternatives('border_nouns_after')})$",
    re.IGNORECASE,
)
_BORDER_NOUN_FIRST = re.compile(
    rf"^(?:(?:{alternatives('articles')})\s+)?(?:{alternatives('border_nouns_before')})\s+"
    r"(?P<first>[^\s/–—-]+)\s*[/–—-]\s*(?P<second>[^\s/–—-]+)$",
    re.IGNORECASE,
)
BORDER_TOWN_POPULATION = 1_000


def border_place(gazetteer: Gazetteer, name: str) -> Place | None:
    """A border named by its two countries, placed midway between the nearest two towns of 1,000 or more
    people on either side: a point on the border, derived from the gazetteer's towns, as precise as a region
    (ACLED's 3). It lies in neither country, so it has none. None when the name is no such border."""
    match = _BORDER.match(name.strip()) or _BORDER_NOUN_FIRST.match(name.strip())
    if match is None:
        return None
    first, second = (_country_code(gazetteer, match[part]) for part in ("first", "second"))
    if first is None or second is None or first == second:
        return None
    point = _border_point(gazetteer, first, second)
    names = _country_names()
    if point is None or first not in names or second not in names:
        return None
    return Place(
        extracted_place=name,
        resolved_place=f"{names[first][0]}–{names[second][0]} border",
        lat=point[0],
        lon=point[1],
        feature_class="L",
        resolution=2,
        geo_precision=3,
    )


@cache
def _border_point(gazetteer: Gazetteer, first: str, second: str) -> tuple[float, float] | None:
    """Midway between the nearest pair of towns, one in each country (a planar distance, scaled by latitude,
    picks the pair)."""
    ours = np.array(gazetteer.towns(first, BORDER_TOWN_POPULATION))
    theirs = np.array(gazetteer.towns(second, BORDER_TOWN_POPULATION))
    if not len(ours) or not len(theirs):
        return None
    scale = np.cos(np.radians(theirs[:, 0]))
    best, pair = math.inf, (0, 0)
    for start in range(0, len(ours), 512):
        chunk = ours[start : start + 512]
        squared = (chunk[:, None, 0] - theirs[None, :, 0]) ** 2 + (
            (chunk[:, None, 1] - theirs[None, :, 1]) * scale[None, :]
        ) ** 2
        index = int(squared.argmin())
        if squared.flat[index] < best:
            best, pair = float(squared.flat[index]), (start + index // len(theirs), index % len(theirs))
    (lat1, lon1), (lat2, lon2) = ours[pair[0]], theirs[pair[1]]
    return round(float(lat1 + lat2) / 2, 5), round(float(lon1 + lon2) / 2, 5)


# PLOVER's rule: a capital that is the subject or the direct object of a clause is its government.
_ACTOR_RELATIONS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj"})
_TAKEN_RELATIONS = frozenset({"nsubj:pass", "nsubjpass", "obj", "dobj"})
# An operation named after where it is fought: "the Manbij campaign", "the Mosul offensive".
OPERATION_NOUNS = role_words("operation_nouns")
# Verbs done to a place rather than to a government: their object, or their passive subject, is a place
# ("captured Seoul", "patrolled Jerusalem", "Kaboul a été bombardée"), never an actor.
PLACE_VERBS = role_words("place_verbs")


def _is_actor(doc: Doc, mention: _Mention) -> bool:
    """Whether the name is the subject or object of its clause ("Moscou a déclaré", "accused Baku"), unless
    the clause's verb is done to a place ("captured Seoul")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in _ACTOR_RELATIONS:
        return False
    return not done_to_place(span.root)


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
_LINKS = role_words("link_markers")


def recognise(doc: Doc, language: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the place names of a parsed text: the NER's place entities; names the NER took for
    something else (the small models read many a town as a person or an organisation) when their place in
    the sentence says they are places; then the gazetteer's well-known names the NER missed."""
    labels = PLACE_LABELS.get(language, PLACE_LABELS["en"])
    spans: list[tuple[int, int]] = []
    taken = [False] * len(doc)
    for border in _borders(doc, gazetteer):
        spans.append((border.start_char, border.end_char))
        for i in range(border.start, border.end):
            taken[i] = True
    for name in _names(doc):
        label = name.label_ or name[0].ent_type_
        if label in _NEVER_PLACES or any(taken[i] for i in range(name.start, name.end)):
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
        if match is None:
            index += 1
            continue
        spans.append((match.start_char, match.end_char))
        index = match.end
    return sorted(spans)


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
            if len(joined) == 2 and all(_country_code(gazetteer, part) for part in joined):
                found.append(doc[token.i : token.i + 2])
            elif (
                len(words) == 3
                and words[1].text in _DASHES
                and all(_country_code(gazetteer, word.text) for word in (words[0], words[2]))
            ):
                found.append(doc[token.i : token.i + 4])
    return found


def _country_code(gazetteer: Gazetteer, word: str) -> str | None:
    """The country a word of a compound names: a French combining form ("syro"), or a country's name or its
    people's adjective ("Syria", "turque")."""
    form = load_combining_forms().get(name_key(word))
    if form is not None:
        return form
    return next((place.country_code for place in gazetteer.candidates(word) if place.is_country), None)


def _names_a_country(gazetteer: Gazetteer, token: Token) -> bool:
    """A country's name or its people's adjective, written as a name: "Syria", "Syrian"."""
    return token.text[:1].isupper() and _country_code(gazetteer, token.text) is not None


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
    taken by a verb done to places ("captured X") or naming a military operation ("the X offensive")."""
    root, last = name.root, name[-1].lemma_.lower()
    if root.pos_ != "PROPN" or not any(token.text[:1].isupper() for token in name):
        return False
    if name.label_ == "NORP" and not _names_a_place(gazetteer, name.text):
        return False  # "Chechen towns", "Syrian forces": a people, not the place named after it
    if last in PLACE_NOUNS and last not in _NOT_FINAL and len(name) > 1:
        return True
    head = root.head
    if root.dep_ in ("compound", "nmod", "poss", "appos", "conj") and _is_place_word(head, taken):
        return not _acronym(name.text)  # "the MFO base", "the UN camp": whose, not which
    if root.dep_ == "pobj" and head.lower_ in _LINKS and head.head.lemma_.lower() in _PLACE_OF:
        return True
    for child in root.children:
        if child.dep_ in ("appos", "conj", "advmod") and (
            _is_place_word(child, taken) or any(c.lemma_.lower() in BEARINGS for c in child.subtree)
        ):
            return True
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
    be a singular proper noun ("Serbs", "Syrian" name peoples), and a short one a country: "IS", "Al", "Lt"
    are abbreviations of provinces that news means otherwise."""
    for length in range(min(MAX_NAME_TOKENS, len(doc) - index), 0, -1):
        span = doc[index : index + length]
        if any(taken[i] for i in range(span.start, span.end)):
            continue
        if not (span[0].text[:1].isupper() and span[-1].text[:1].isupper()):
            continue
        if not all(token.pos_ == "PROPN" or token.is_punct or token.text[:1].isupper() for token in span):
            continue
        if length == 1 and (span[0].pos_ != "PROPN" or span[0].tag_ == "NNPS"):
            continue
        short = _acronym(span.text) or len(span.text) <= 2
        found = gazetteer.candidates(span.text)
        if any(_well_known(place) and (place.is_country or not short) for place in found):
            return span
    return None


def _well_known(place: GazetteerPlace) -> bool:
    division = place.feature_class in ("A", "L") and place.feature_code != "ADM2"
    return division or place.population >= MATCH_MIN_POPULATION


def resolve_places(doc: Doc, language: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place name of a parsed article, resolved with the article as context (see the module's doc)."""
    return resolve_spans(doc.text, recognise(doc, language, gazetteer), gazetteer, doc)

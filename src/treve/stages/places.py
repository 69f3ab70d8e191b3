"""Places: resolve each place name of an article (found by `place_names`) with the whole article as context.

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
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise

from spacy.tokens import Doc

from treve.errors import ResourceError
from treve.records import Entity, Place, PlaceMention
from treve.resources.actors import ActorDictionary
from treve.resources.function_words import alternatives
from treve.resources.gazetteer import Gazetteer, GazetteerPlace, distance_km, name_key
from treve.stages.place_borders import border_place
from treve.stages.place_countries import countries_of, country_names, neighbours
from treve.stages.place_names import (
    Dateline,
    acronym,
    candidates_of,
    clean_name,
    dateline,
    demonyms,
    done_to_place,
    holder,
    known_by_own_name,
    names_a_large_feature,
    recognise,
)

# ---------------------------------------------------------------------------------------------------------
# Names: the forms a mention is looked up by

# "Donetsk Oblast", "Kent County", "région de Kherson": the bare name, looked up among divisions.
_DIVISION_SUFFIX = re.compile(rf"^(?P<name>.+?)\s+(?:{alternatives('division_suffixes')})$", re.IGNORECASE)
_DIVISION_PREFIX = re.compile(
    rf"^(?:(?:{alternatives('articles')})\s+)?(?:{alternatives('division_prefixes')})\s+"
    rf"(?:{alternatives('division_prefix_links')})(?:(?<=['’])\s*|\s+)(?P<name>.+)$",
    re.IGNORECASE,
)


def _lookup(gazetteer: Gazetteer, text: str) -> list[GazetteerPlace]:
    """Candidates of the name; failing that, of its bare form among divisions ("Donetsk Oblast"). An acronym
    ("EU", "BC") names a country, a province or a region, not a town whose name it happens to spell ("Eu")."""
    name = clean_name(text)
    found = candidates_of(gazetteer, name)
    if names_a_large_feature(name):
        return [place for place in found if place.feature_class not in ("P", "A")]
    if found and acronym(name):
        return [place for place in found if place.feature_class != "P" or acronym(place.name)]
    if found:
        return found
    for pattern in (_DIVISION_SUFFIX, _DIVISION_PREFIX):
        match = pattern.match(name)
        if match:
            bare = gazetteer.candidates(match.group("name"))
            divisions = [place for place in bare if place.feature_class == "A"]
            return divisions or bare
    held = holder(gazetteer, name)
    if held is None:
        return []
    # One word holding a name is a well-known place's own name or its first word ("Manila", "Cebu" of "Cebu
    # City"): "Sala de Reconocimiento" is in neither Salé nor Šaľa, "Luis Barrionuevo" not in Lewes.
    run = name[held.start : held.end]
    if " " in run:
        return held.places
    return [place for place in held.places if known_by_own_name(place, run)]


# ---------------------------------------------------------------------------------------------------------
# Ranking


def _prior_features(place: GazetteerPlace, mention: _Mention) -> dict[str, float]:
    """What a candidate is before context: its size in powers of ten of population, its kind, and whether the
    name is its own or one of its alternate names (and some other candidate's own: "Albany" is not Albania)."""
    own = name_key(place.name) == mention.key or _namesake_city(place, mention.key)
    return {
        "population": math.log10(place.population + 10),
        "country": float(place.is_country),
        "region": float(not place.is_country and place.feature_code == "RGN"),
        # a division's population is the sum of its towns': it overstates its use
        "division": float(not place.is_country and place.feature_code in ("ADM1", "ADM2")),
        "capital": float(place.is_capital),
        "own_name": float(own),
        "alternate": float(not own and mention.owned),
    }


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


NEAR_KM = 50.0
REGION_KM = 250.0
PASSES = 2


@cache
def ranking_weights() -> dict[str, float]:
    """The weight of each candidate feature (`resources/gazetteer/ranking.toml`, fitted by
    `python -m treve.evaluate.fit_places`)."""
    source = resources.files("treve.resources").joinpath("gazetteer/ranking.toml")
    try:
        weights = tomllib.loads(source.read_text(encoding="utf-8"))["weights"]
        return {str(name): float(value) for name, value in weights.items()}
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: ranking weights unreadable ({exc}); restore the file from the project") from exc


Weights = dict[str, float]


def weighed(features: dict[str, float], weights: Weights) -> float:
    """A candidate's score: the weighed sum of its features (a feature with no weight counts 0)."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


class _Context:
    """What the article's other mentions say, from the current best reading of each. A name's own mentions
    are left out of its context: "Paris" said five times in a story about Edgar County, Illinois, must not
    vote for France five times."""

    def __init__(self, mentions: Sequence[_Mention], possible: _Possible) -> None:
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
        self.possible = possible
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

    def features(self, mention: _Mention, place: GazetteerPlace) -> dict[str, float]:
        """The candidate's own features and what the rest of the article says of it: the share of the other
        places in its country, a province or county named that holds it, a division holding a town named,
        a "Town, Province" pair, the nearest other place within 50 or 250 km."""
        view = self.view(mention.key)
        found = _prior_features(place, mention)
        found["country_share"] = view.country_share.get(place.country_code or "", 0.0)
        province = (place.country_code or "", name_key(place.admin1)) if place.admin1 else None
        found["province"] = float(province is not None and province in view.provinces)
        possible = self.possible
        found["county"] = float(
            province is not None
            and bool(place.admin2)
            and possible.named_other_than(possible.divisions, (*province, name_key(place.admin2 or "")), mention.key)
        )
        found["may_province"] = float(
            province is not None
            and place.feature_code != "ADM1"
            and possible.named_other_than(possible.divisions, province, mention.key)
        )
        division = place.feature_code in ("ADM1", "ADM2")
        found["holds"] = float(division and _own_division(place) in view.held)
        found["may_hold"] = float(
            division and possible.named_other_than(possible.holding, _own_division(place), mention.key)
        )
        found["pair"] = float(bool(mention.then) and mention.then in _containers(place))
        nearest = min((distance_km(place.lat, place.lon, o.lat, o.lon) for o in view.points), default=math.inf)
        found["near"] = float(nearest < NEAR_KM)
        found["nearby"] = float(NEAR_KM <= nearest < REGION_KM)
        return found


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


@dataclass
class _Possible:
    """What the article's names may be, whichever reading wins: the divisions some name may be, and the
    divisions some name may lie in, each with those names. "Paris" beside "Henry County" is likely Paris,
    Tennessee, whichever Henry County is read; "Douglas County" beside "Alexandria" likely the one holding an
    Alexandria."""

    divisions: dict[Division, set[str]]
    holding: dict[Division, set[str]]

    @classmethod
    def of(cls, mentions: Sequence[_Mention]) -> _Possible:
        divisions: dict[Division, set[str]] = defaultdict(set)
        holding: dict[Division, set[str]] = defaultdict(set)
        for m in mentions:
            for place in m.candidates:
                if place.feature_code in ("ADM1", "ADM2"):
                    divisions[_own_division(place)].add(m.key)
                for division in _lying_in(place):
                    holding[division].add(m.key)
        return cls(divisions, holding)

    def named_other_than(self, table: dict[Division, set[str]], division: Division, key: str) -> bool:
        return bool(table.get(division, set()) - {key})


def _lying_in(place: GazetteerPlace) -> list[Division]:
    """The divisions a place lies in: its province, and its county."""
    if place.is_country or not place.admin1 or place.feature_code == "ADM1":
        return []
    province = (place.country_code or "", name_key(place.admin1))
    if place.feature_code == "ADM2" or not place.admin2:
        return [province]
    return [province, (*province, name_key(place.admin2))]


def without_actor_names(
    mentions: Sequence[PlaceMention],
    actors: Sequence[Entity],
    people: Sequence[Entity] = (),
    groups: Sequence[Entity] = (),
) -> list[PlaceMention]:
    """The place names less those the gazetteer does not know that name an actor ("el Gobierno", "le
    Ministère" tagged as places by a small NER model), less any inside the name of a person among the
    actors ("Володимиром Зеленським": Volodymyr is not the town of Vladimir), and less any that is the whole
    name of an armed group or an organisation among them ("Hamas" is no alternate name of Hamm); a place an
    actor is named after keeps its place ("the Kyiv city council")."""

    def spans(entities: Sequence[Entity]) -> list[tuple[int, int]]:
        return [(e.start, e.end) for e in entities if e.start is not None and e.end is not None]

    def inside(mention: PlaceMention, entities: Sequence[Entity]) -> bool:
        return any(start < mention.end and mention.start < end for start, end in spans(entities))

    named = set(spans(groups))
    return [
        mention
        for mention in mentions
        if not inside(mention, people)
        and (mention.start, mention.end) not in named
        and (mention.place is not None or not inside(mention, actors))
    ]


def story_countries(text: str, language: str, actors: ActorDictionary) -> frozenset[str]:
    """The countries the actors a text names belong to (alpha-2), for a resolver run outside the pipeline."""
    return countries_of(mention.entity.code for mention in actors.find(text, language))


def _containers(place: GazetteerPlace) -> set[str]:
    """Folded names of what holds the place: its province and its country."""
    held = {name_key(place.admin1)} if place.admin1 else set()
    if place.country_code and place.country_code in country_names():
        held |= country_names()[place.country_code][2]
    return held


def _rank(mentions: list[_Mention], weights: Weights, countries: frozenset[str]) -> _Context:
    """Pick each mention's best candidate: by its own features first, then PASSES times with the article's
    context; a small town far from every country the story is about is chosen only when none other is
    (`_far_namesake`), and then not at all. Returns the context the choice was made in."""
    for mention in mentions:
        mention.best = max(
            mention.candidates, key=lambda place: weighed(_prior_features(place, mention), weights), default=None
        )
    possible = _Possible.of(mentions)
    for _ in range(PASSES):
        context = _Context(mentions, possible)
        for mention in mentions:
            mention.best = max(
                mention.candidates, key=lambda place: weighed(context.features(mention, place), weights), default=None
            )
    final = _Context(mentions, possible)
    for mention in mentions:
        view = final.view(mention.key)
        if mention.best is not None and _far_namesake(mention.best, view, countries):
            near = [place for place in mention.candidates if not _far_namesake(place, view, countries)]
            mention.best = max(near, key=lambda place: weighed(final.features(mention, place), weights), default=None)
    return final


FAR_NAMESAKE_POPULATION = 100_000


def _far_namesake(place: GazetteerPlace, view: _View, countries: frozenset[str]) -> bool:
    """A town of under 100,000 people, or a county or district of any size, in a country that is neither one the
    story's actors or other places belong to nor a neighbour of one, when the story has such countries: a
    namesake on another continent needs evidence the story is there (a Niger village is not the Thai town it is
    spelled like, Medellín's Comuna 13 not Buenos Aires's)."""
    if place.is_capital or not (
        place.feature_code == "ADM2" or (place.feature_class == "P" and place.population < FAR_NAMESAKE_POPULATION)
    ):
        return False
    about = countries | {code for code, share in view.country_share.items() if share > 0}
    if not about or not place.country_code:
        return False
    return place.country_code not in about | neighbours(about)


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
    country_name, alpha3, _ = country_names().get(place.country_code or "", (None, None, set()))
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


def _mentions(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[_Mention]:
    """The names at `spans`, in order, with their candidates and the name each is paired with."""
    ordered = sorted(set(spans))
    mentions = [
        _Mention(start, end, name, name_key(clean_name(name)), _lookup(gazetteer, name))
        for start, end in ordered
        if (name := text[start:end])
    ]
    for current, following in pairwise(mentions):
        if _PAIR.fullmatch(text[current.end : following.start]):
            current.then = following.key
    return mentions


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    doc: Doc | None = None,
    weights: Weights | None = None,
    countries: frozenset[str] = frozenset(),
) -> list[PlaceMention]:
    """Resolve given place-name spans of `text` together (under the shipped ranking weights unless `weights` are
    given), `countries` (ISO alpha-2) being those the story's actors belong to; with the parsed `doc`, mark
    metonymic capitals."""
    mentions = _mentions(text, spans, gazetteer)
    _rank(mentions, ranking_weights() if weights is None else weights, countries)
    return [_place_mention(m, gazetteer, doc) for m in mentions]


def _place_mention(mention: _Mention, gazetteer: Gazetteer, doc: Doc | None) -> PlaceMention:
    best = mention.best
    metonymic = bool(doc is not None and best is not None and best.is_capital and _is_actor(doc, mention))
    return PlaceMention(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        place=to_place(mention.text, best) if best else border_place(gazetteer, mention.text),
        metonymic=metonymic,
        role="actor" if metonymic else "other",
    )


def candidate_features(
    text: str,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    weights: Weights,
    countries: frozenset[str] = frozenset(),
) -> dict[tuple[int, int], list[tuple[GazetteerPlace, dict[str, float]]]]:
    """Each span's candidates with their features, in the context the ranking ends with under `weights`:
    what the ranking's weights are fitted on (`evaluate.fit_places`)."""
    mentions = _mentions(text, spans, gazetteer)
    context = _rank(mentions, weights, countries)
    return {(m.start, m.end): [(place, context.features(m, place)) for place in m.candidates] for m in mentions}


# PLOVER's rule: a capital that is the subject or the direct object of a clause is its government.
_ACTOR_RELATIONS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj"})


def _is_actor(doc: Doc, mention: _Mention) -> bool:
    """Whether the name is the subject or object of its clause ("Moscou a déclaré", "accused Baku"), unless
    the clause's verb is done to a place ("captured Seoul")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in _ACTOR_RELATIONS:
        return False
    return not done_to_place(span.root)


def resolve_places(
    doc: Doc,
    language: str,
    gazetteer: Gazetteer,
    countries: frozenset[str] = frozenset(),
    *,
    filed: Dateline | None = None,
) -> list[PlaceMention]:
    """Every place name of a parsed article, resolved with the article as context (see the module's doc); the
    place of a dateline the parse missed ("THE HAGUE —") is one too, and the names in the dateline are
    `dateline` places. `filed`: the dateline, when the caller found it before the parse (`set_apart`)."""
    spans = recognise(doc, language, gazetteer)
    # A people's name, or a place named inside an organisation's ("the Paris Police Department"): where a
    # party comes from.
    bodies = [entity for entity in doc.ents if entity.label_ == "ORG"]
    peoples = set(demonyms(doc, gazetteer)) | {
        span for span in spans if any(b.start_char <= span[0] and span[1] < b.end_char for b in bodies)
    }
    spans = sorted(set(spans) | peoples)
    filed = filed or dateline(doc.text, gazetteer)
    if filed is not None:
        start, end = filed.place
        spans = [span for span in spans if not start <= span[0] < end] + [(start, end)]
    mentions = resolve_spans(doc.text, spans, gazetteer, doc, countries=countries)
    return [_with_role(m, peoples, filed.end if filed else -1) for m in mentions]


def _with_role(mention: PlaceMention, peoples: set[tuple[int, int]], dateline_end: int) -> PlaceMention:
    """A name in the dateline is the dateline's; a people's name, or an organisation's place, says where an
    actor comes from."""
    if mention.end <= dateline_end:
        return mention.model_copy(update={"role": "dateline", "metonymic": False})
    if (mention.start, mention.end) in peoples:
        return mention.model_copy(update={"role": "actor"})
    return mention

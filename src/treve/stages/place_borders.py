"""Borders named by the two countries they divide ("the Iraqi-Syrian border", "la frontière syro-turque"): one
place, put on the border between the two countries' nearest towns."""

from __future__ import annotations

import math
import re
from functools import cache

import numpy as np

from treve.records import Place
from treve.resources.function_words import alternatives
from treve.resources.gazetteer import Gazetteer
from treve.stages.place_countries import country_names
from treve.stages.place_names import country_code

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
    first, second = (country_code(gazetteer, match[part]) for part in ("first", "second"))
    if first is None or second is None or first == second:
        return None
    point = _border_point(gazetteer, first, second)
    names = country_names()
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

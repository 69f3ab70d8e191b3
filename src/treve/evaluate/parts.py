"""Which part of a gold set an item belongs to: the tune part, which may be read, or the check part, only scored.

Every development set is split the same way, by a hash of the item's own id (a record's id, a snippet's id, a
document's id, an article's file name), so the split never moves when items are added, reordered or scored
with `--limit`. A third of each set is the check part: no rule, lexicon entry, example or test may come from
it, and its figures are the ones reported; the gap to the tune part says how far rules were fitted to items.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum


class Part(StrEnum):
    """The items a scorer reads: `tune` (two thirds), `check` (one third) or `all`."""

    tune = "tune"
    check = "check"
    all = "all"


CHECK_SHARE = 3  # one item in three


def part_of(item_id: object) -> Part:
    """The part an item belongs to, from the SHA-256 of its id written as text."""
    digest = hashlib.sha256(str(item_id).encode("utf-8")).digest()
    return Part.check if digest[0] % CHECK_SHARE == 0 else Part.tune


def in_part(item_id: object, part: Part) -> bool:
    """Whether an item is scored when `part` is asked for."""
    return part is Part.all or part_of(item_id) is part

"""A processing view of text: typographic quotes, apostrophes and odd spaces mapped one character to one.

Mapping one-to-one keeps every character offset valid in both the original and the processing text, so
stages can match on the plain forms and still point back into the original words.
"""

from __future__ import annotations

import re

_ONE_FOR_ONE = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u02bc": "'",  # ʼ
    "\u201a": "'",  # ‚
    "\u2032": "'",  # ′
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French typography, thousands)
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "\u200a": " ",  # hair space
    "\u3000": " ",  # ideographic space
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00ad": "-",  # soft hyphen, kept as a character so that offsets hold
}
# A regular expression over the few characters concerned is several times faster than str.translate.
_VARIANTS = re.compile("[" + "".join(_ONE_FOR_ONE) + "]")


# A line of at least this many words written all in capitals: a headline or a kicker.
# Its words are counted within the line (`[^\S\n]`: a space that is not a line break), or each line's look-ahead
# would run to the end of the text: quadratic in a long text's lines.
_CAPITALS_LINE = re.compile(r"^[^\S\n]*(?=(?:\S+[^\S\n]+){2}\S)[^\n]+$", re.MULTILINE)


def _sentence_case(match: re.Match[str]) -> str:
    """ "REBELDES TOMAN LA CIUDAD" reads as "Rebeldes toman la ciudad": taggers and parsers trained on running
    text read a line in capitals as a string of proper nouns. Lines with lower-case letters, and lines whose
    lower case would change their length, stay as they are."""
    line = match.group()
    letters = [c for c in line if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return line
    lowered = line.lower()
    if len(lowered) != len(line):
        return line
    first = next(i for i, c in enumerate(line) if c.isalpha())
    return lowered[:first] + line[first] + lowered[first + 1 :]


def normalise_for_processing(text: str) -> str:
    """The same text, same length, with typographic variants replaced by their plain ASCII forms and lines in
    capitals in sentence case."""
    plain = _VARIANTS.sub(lambda match: _ONE_FOR_ONE[match.group()], text)
    return _CAPITALS_LINE.sub(_sentence_case, plain)

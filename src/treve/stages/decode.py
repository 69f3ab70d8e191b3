"""Bytes to text: the declared charset when it decodes cleanly, else charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from treve.errors import InputError

# A well-formed two- to four-byte UTF-8 sequence: legacy 8-bit text almost never contains one.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _normalised_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared_encoding: str | None = None, where: str = "input") -> str:
    """Decode `data`, trusting in order: a byte-order mark, strict UTF-8, the declared charset, detection.

    Text that is UTF-8 except for some bytes is corrupt, not in another encoding: it is refused rather
    than guessed at, since a wrong guess garbles every accented word.

    UTF-8 is tried before the declared charset because pages often declare latin-1 and send UTF-8;
    a wrong latin-1 decode never fails, while UTF-8 fails loudly on anything that is not UTF-8.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        first_bad_byte = utf8_error.start
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(
            f"{where}: invalid UTF-8 at byte {first_bad_byte} in otherwise UTF-8 text (corrupt or mixed "
            "encodings); re-save it as UTF-8"
        )
    declared = _normalised_codec(declared_encoding)
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    best = _best_guess(data[:200_000])
    if best is None:
        raise InputError(
            f"{where}: not valid UTF-8 (first bad byte at offset {first_bad_byte}) and no other text "
            "encoding fits; re-save it as UTF-8 or check that it is a text file"
        )
    return data.decode(best, errors="replace")


def _best_guess(sample: bytes) -> str | None:
    """charset-normalizer's pick, with ties broken towards windows-1252, the web's usual legacy charset."""
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return "cp1252" if "cp1252" in tied else best.encoding

"""Bytes to text: the declared charset when it decodes cleanly, else charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from treve.errors import InputError

# A well-formed two- to four-byte UTF-8 sequence: legacy 8-bit text almost never contains one.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Text with at most this many bytes outside ASCII, and under this share of its bytes, is not given to detection
# (`decode_bytes`): a language written in a legacy code page has far more (French, Polish: 2 to 5 %).
STRAY_BYTES = 16
STRAY_SHARE = 0.01
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _normalised_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(
    data: bytes, *, declared_encoding: str | None = None, where: str = "input", warnings: list[str] | None = None
) -> str:
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
    stray = sum(1 for byte in data if byte >= 0x80)
    if stray <= STRAY_BYTES and stray < STRAY_SHARE * len(data) and not declared_encoding:
        # Text in ASCII but for a few stray bytes: too little for detection to judge (it picks exotic code pages and
        # garbles them). Windows-1252, the web's legacy charset, when it defines them all; else they are
        # stray bytes, replaced, and said.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            if warnings is not None:
                warnings.append(
                    f"{where}: {stray} stray byte{'s' * (stray > 1)} that no text encoding fits (first at offset "
                    f"{first_bad_byte}) replaced by U+FFFD; re-save the file as UTF-8 if they were characters"
                )
            return data.decode("utf-8", errors="replace")
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

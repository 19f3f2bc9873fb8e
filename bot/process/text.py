"""Cleaning what people type before it is stored or shown.

Free text arrives from card inputs that any client can forge, so lengths and characters are
enforced here, not trusted from ``Input.Text.maxLength``.
"""
from __future__ import annotations

import unicodedata

# Bidirectional overrides and isolates can make a reason read differently from what it
# says ("Trojan Source"); zero-width joiners are kept because emoji sequences need them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_KEEP_CONTROLS = frozenset("\n\t")


class TextRejected(ValueError):
    """Free text that cannot be accepted; ``code`` names the reason for the user message."""

    def __init__(self, code: str, *, limit: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.limit = limit


def clean_text(value: str, *, max_chars: int, required: bool = True, single_line: bool = False) -> str:
    """Return ``value`` NFC-normalised, stripped of control and bidi-override characters.

    Length is counted in characters (code points after NFC), which is what the card's
    counter shows; Danish letters and emoji pass unchanged.
    """
    if not isinstance(value, str):
        raise TextRejected("not_text")
    text = unicodedata.normalize("NFC", value)
    kept = []
    for ch in text:
        if ch in _BIDI_CONTROLS:
            continue
        if ch in _KEEP_CONTROLS:
            kept.append(" " if single_line else ch)
            continue
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch != "\u200d":
            continue
        kept.append(ch)
    text = "".join(kept).replace("\r", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if required and not text:
        raise TextRejected("required")
    if len(text) > max_chars:
        raise TextRejected("too_long", limit=max_chars)
    return text


def fold_title(title: str) -> str:
    """A key under which two spellings of the same own-proposal title count together."""
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())

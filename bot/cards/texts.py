"""Every word the cards say, in Danish and English, looked up by key.

The Danish (texts_da.py) follows the guide's own vocabulary: trivselstema, ledelsestema,
planlægningsgruppe, kerneopgaven, hverdagseksempel. Texts are ``str.format`` templates; a key
with a ``.one`` variant is used when ``count`` is 1, because plurals differ. What a user typed is
never formatted into a template shown by a TextBlock; it goes in a TextRun (elements.verbatim).
"""
from __future__ import annotations

from datetime import date

from .texts_da import DA
from .texts_en import EN

TEXTS: dict[str, dict[str, str]] = {"da": DA, "en": EN}

_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _table(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, DA)


def has_text(lang: str, key: str) -> bool:
    return key in _table(lang)


def t(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` ("da" or "en"; anything else reads Danish), filled with ``values``."""
    table = _table(lang)
    if values.get("count") == 1 and f"{key}.one" in table:
        key = f"{key}.one"
    return table[key].format(**values)


def format_date(lang: str, day: date) -> str:
    """'fredag den 3. oktober 2026' / 'Friday 3 October 2026', without relying on OS locales."""
    lang = lang if lang in _MONTHS else "da"
    weekday = _WEEKDAYS[lang][day.weekday()]
    month = _MONTHS[lang][day.month - 1]
    if lang == "da":
        return f"{weekday} den {day.day}. {month} {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"

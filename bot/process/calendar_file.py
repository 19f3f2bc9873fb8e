"""The day of the dialogue as a calendar file (iCalendar, RFC 5545), and the link that fetches it.

The invitation carries "Føj til kalender" / "Add to calendar": a link to
``/calendar/<dialogue>/<token>.ics`` on the bot. The rules, written down:

* The link cannot be guessed. ``token`` is an HMAC-SHA256 of the dialogue id under the app's
  secret, so knowing one workplace's link tells nothing about another's day.
* The file is one event (VEVENT) with a stable ``UID`` per dialogue, so importing it again after
  the day moved updates the event instead of adding a second one. Times are written in UTC
  (``…Z``): a ``TZID`` would need a VTIMEZONE block with Denmark's rules, and every calendar
  shows UTC in the reader's own zone.
* Text is escaped (``\\``, ``;``, ``,`` and line breaks, RFC 5545 3.3.11), lines end in CRLF and
  are folded at 75 octets without splitting a UTF-8 character (3.1).
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone

from .invitation import DialogueDay

PRODUCT_ID = "-//TalSammen//Udviklingsdialog//DA"
TOKEN_CHARS = 32  # 128 bits of the HMAC: enough that guessing is hopeless, short in a link
MAX_OCTETS = 75


def calendar_token(key: bytes, dialogue_id: str) -> str:
    """The link's secret part for ``dialogue_id`` under ``key``."""
    return hmac.new(key, f"calendar:{dialogue_id}".encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def token_matches(key: bytes, dialogue_id: str, token: str) -> bool:
    """True when ``token`` is the dialogue's own (compared in constant time)."""
    return hmac.compare_digest(calendar_token(key, dialogue_id).encode(), token.encode())


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 writes it."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuations start with a space)."""
    parts: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # the leading space counts on a continuation line
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def day_calendar(*, dialogue_id: str, day: DialogueDay, summary: str, description: str, now: datetime,
                 host: str = "talsammen") -> str:
    """The .ics text of the day (module rules); ``now`` is the DTSTAMP."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{dialogue_id}@{host}",
        f"DTSTAMP:{_utc(now)}",
        f"DTSTART:{_utc(day.starts_at)}",
        f"DTEND:{_utc(day.ends_at)}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if day.place:
        lines.append(f"LOCATION:{escape_text(day.place)}")
    elif day.online_link:
        lines.append(f"LOCATION:{escape_text(day.online_link)}")
    if day.online_link:
        lines.append(f"URL:{day.online_link}")  # a URI value: not escaped
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)

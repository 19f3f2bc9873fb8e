"""Step 13 of the guide (inden 1. december): the plan sent on, and the link that fetches it as a file.

Until the coordination committee receives plans in the bot (issue 12), "Send videre" records who
sent which version when, and gives the planning group the adopted plan as a spreadsheet to pass
on themselves. The link's rules, written down:

* It cannot be guessed or altered. ``token`` is an HMAC-SHA256 under the app's secret (the key
  of the calendar links) of the dialogue, the plan version and the expiry, so changing any of
  them in the address breaks it: refused as forged (403).
* It expires. ``LINK_DAYS`` after it was made, a correct link is refused as gone (410); opening
  the send-on card again makes a new one.
* Every download is audited (who cannot be known from a link: the audit names the dialogue).
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta, timezone

TOKEN_CHARS = 32
LINK_DAYS = 7  # local choice: long enough to forward the plan, short enough to go stale


def file_token(key: bytes, dialogue_id: str, version: int, expires: int) -> str:
    return hmac.new(key, f"plan-file:{dialogue_id}:{version}:{expires}".encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def file_path(key: bytes, dialogue_id: str, version: int, now: datetime) -> str:
    """The link's path (after the bot's public address), valid for ``LINK_DAYS`` from ``now``."""
    expires = int((now + timedelta(days=LINK_DAYS)).timestamp())
    return f"/plan/{dialogue_id}/{version}/{expires}/{file_token(key, dialogue_id, version, expires)}.xlsx"


def check_link(key: bytes, dialogue_id: str, version: str, expires: str, token: str, now: datetime) -> str | None:
    """None when the link is good; "forged" (not ours or altered) or "expired" otherwise."""
    if not (version.isdigit() and expires.isdigit()) or len(version) > 9 or len(expires) > 12:
        return "forged"
    expected = file_token(key, dialogue_id, int(version), int(expires))
    if not hmac.compare_digest(expected.encode(), token.encode()):
        return "forged"
    if now >= datetime.fromtimestamp(int(expires), timezone.utc):
        return "expired"
    return None

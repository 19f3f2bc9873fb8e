"""Spreadsheets (XLSX) of what the bot shows, and the signed links that fetch them.

Four exports: a workplace's development plan (``plan_file.plan_workbook``), a coordination
committee's overview, HR's overview, and the planning group's tally. Each is bytes made in memory
(no file I/O), one sheet per kind of data, headers in the reader's language (``label``: a text key
-> the reader's words, so this module stays free of the text layer), real dates, sized columns and
a frozen header row.

The link's rules, written down (the calendar and plan-file links' pattern, generalised):

* ``/exports/<kind>/<subject>/<expires>/<user>/<sig>.xlsx``. ``sig`` is an HMAC-SHA256 under the
  app's secret of all the rest, so altering any part is refused as forged (403).
* It names the person it was made for, and on every download the server checks that person's role
  *now* (HR, the committee, the planning group): someone who lost the role since gets 403.
* What a plain link cannot do: a browser download does not go through Teams' sign-in, so the
  server cannot know who clicked; anyone the named person passes the link to can fetch the file
  until it expires. The named-user check, the short life and the audit of every download (and
  every refusal) are what is possible without a sign-in page of our own.
* It expires ``LINK_DAYS`` after it was made (410); showing the card again makes a new one.
"""
from __future__ import annotations

import hashlib
import hmac
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

from .hr_overview import PROGRESS_KEYS, HrOverview
from .organisation import Overview as CommitteeOverview
from .overview import OTHER
from .plan_file import plan_workbook
from .tally import Tally

KIND_HR, KIND_COMMITTEE, KIND_PLAN, KIND_TALLY = "hr", "committee", "plan", "tally"
EXPORT_KINDS = (KIND_HR, KIND_COMMITTEE, KIND_PLAN, KIND_TALLY)
LINK_DAYS = 2  # local choice: these are overviews of many workplaces; fetch them now, not next month
SIG_CHARS = 32
MAX_PART = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Label = Callable[[str], str]
Columns = Sequence[tuple[str, int]]

__all__ = ["plan_workbook", "hr_workbook", "committee_workbook", "tally_workbook", "export_path", "check_export_link"]


# -- the link ---------------------------------------------------------------------------------------------
def export_sig(key: bytes, kind: str, subject: str, expires: int, user_id: str) -> str:
    message = "\x1f".join(("export", kind, subject, str(expires), user_id)).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:SIG_CHARS]


def export_path(key: bytes, kind: str, subject: str, user_id: str, now: datetime) -> str:
    """The link's path (after the bot's public address), for ``user_id``, valid ``LINK_DAYS`` from ``now``."""
    expires = int((now + timedelta(days=LINK_DAYS)).timestamp())
    parts = (kind, subject, str(expires), user_id)
    return "/exports/" + "/".join(quote(p, safe="") for p in parts) + f"/{export_sig(key, kind, subject, expires, user_id)}.xlsx"


def check_export_link(key: bytes, kind: str, subject: str, expires: str, user_id: str, sig: str, now: datetime) -> str | None:
    """None when the link is good; "forged" (not ours or altered) or "expired" otherwise."""
    if kind not in EXPORT_KINDS or not expires.isdigit() or len(expires) > 12 or max(len(subject), len(user_id)) > MAX_PART:
        return "forged"
    if not hmac.compare_digest(export_sig(key, kind, subject, int(expires), user_id).encode(), sig.encode()):
        return "forged"
    if now >= datetime.fromtimestamp(int(expires), timezone.utc):
        return "expired"
    return None


# -- the workbooks ------------------------------------------------------------------------------------------
class _Book:
    """One workbook with the house style: bold wrapped headers, frozen, sized columns, real dates."""

    def __init__(self, label: Label) -> None:
        import xlsxwriter  # here, not at the top: only an export needs it, and the bot starts faster without

        self.label = label
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.header = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.day = self.book.add_format({"num_format": "dd-mm-yyyy", "valign": "top"})

    def sheet(self, name_key: str, columns: Columns, rows: Iterable[Sequence[Any]]) -> None:
        ws = self.book.add_worksheet(self.label(name_key)[:31])
        for col, (key, width) in enumerate(columns):
            ws.write_string(0, col, self.label(key), self.header)
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    ws.write_blank(r, c, None, self.wrap)  # hidden: an empty cell, never a guessable marker
                elif isinstance(value, (date, datetime)):
                    ws.write_datetime(r, c, value, self.day)  # a real date, not text
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, str(value), self.wrap)

    def bytes(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


ABOUT_COLUMNS = (("export.col.what", 50), ("export.col.value", 20))


def hr_workbook(overview: HrOverview, label: Label, theme_title: Callable[[str, str], str],
                committee_name: Callable[[str], str], made_on: date) -> bytes:
    """HR's overview: about, top three, chosen themes, asks of the organisation, follow-up."""
    book = _Book(label)
    about: list[tuple[str, Any]] = [(label("export.about.made"), made_on), (label("export.about.min_group"), overview.min_group_size),
                                    (label("export.about.workplaces"), overview.workplaces), (label("export.about.hidden"), "")]
    if overview.asks_withheld:
        about.append((label("export.about.withheld"), ""))
    book.sheet("export.sheet.about", ABOUT_COLUMNS, about)
    kind = {k: label(f"hr.kind.{k}") for k in ("wellbeing", "leadership")}
    book.sheet("export.sheet.top", (("export.col.place", 8), ("export.col.kind", 18), ("export.col.theme", 45), ("export.col.workplaces", 16)),
               ((t.place, kind.get(t.kind, t.kind), theme_title(t.kind, t.theme_id), t.workplaces) for t in overview.top))
    book.sheet("export.sheet.themes", (("export.col.kind", 18), ("export.col.theme", 45), ("export.col.workplaces", 16)),
               ((kind.get(r.kind, r.kind), theme_title(r.kind, r.theme_id), r.workplaces) for r in overview.themes))
    book.sheet("export.sheet.asks", (("export.col.theme", 40), ("export.col.committee", 30), ("export.col.initiative", 40),
                                     ("export.col.ask", 50), ("export.col.organisation", 50)),
               ((theme_title(g.kind, g.theme_id), label("hr.asks.other") if g.committee_id == OTHER else committee_name(g.committee_id),
                 a.title, a.ask, a.organisation) for g in overview.asks for a in g.asks))
    status = {k: label("hr.progress.not_reported" if k == "not_reported" else f"follow_up.status.{k}") for k in PROGRESS_KEYS}
    book.sheet("export.sheet.progress", (("export.col.follow_up", 20), ("export.col.status", 25), ("export.col.initiatives", 14)),
               ((p.months, status[k], p.statuses[k]) for p in overview.progress for k in PROGRESS_KEYS))
    return book.bytes()


def committee_workbook(overview: CommitteeOverview, label: Label, theme_title: Callable[[str, str], str],
                       local_day: Callable[[datetime], date]) -> bytes:
    """A committee's overview: who sent (latest version, when), who has not, and the asks by theme."""
    book = _Book(label)
    sent_rows = []
    for w in overview.sent:
        s = w.latest
        assert s is not None
        changes = "" if s.changes is None else ", ".join(s.changes.added + s.changes.changed + s.changes.removed)
        themes = " / ".join(t.own_title or theme_title(t.kind, t.theme_id) for t in s.themes)
        sent_rows.append((w.name, s.version, local_day(s.sent_at), themes, len(s.initiatives), changes))
    book.sheet("export.sheet.sent", (("export.col.workplace", 35), ("export.col.version", 10), ("export.col.sent_at", 14),
                                     ("export.col.theme", 50), ("export.col.initiatives", 12), ("export.col.changes", 40)), sent_rows)
    book.sheet("export.sheet.missing", (("export.col.workplace", 35),), ((w.name,) for w in overview.missing))
    book.sheet("export.sheet.asks", (("export.col.theme", 40), ("export.col.workplace", 30), ("export.col.initiative", 40),
                                     ("export.col.ask", 50), ("export.col.organisation", 50)),
               ((t.own_title or theme_title(t.kind, t.theme_id), name, a.title, a.ask, a.organisation)
                for t, items in overview.asks_by_theme for name, a in items))
    return book.bytes()


def tally_workbook(result: Tally, label: Label, lang: str, made_on: date) -> bytes:
    """The planning group's tally: counts per theme, and the reasons without names."""
    book = _Book(label)
    book.sheet("export.sheet.about", ABOUT_COLUMNS, ((label("export.about.made"), made_on), (label("export.about.responded"), result.responded),
                                                     (label("export.about.invited"), result.invited)))
    kind = {k: label(f"hr.kind.{k}") for k in ("wellbeing", "leadership")}
    book.sheet("export.sheet.tally", (("export.col.kind", 18), ("export.col.theme", 45), ("export.col.count", 10)),
               ((kind.get(k.value, k.value), c.title_in(lang), c.count) for k, kt in result.kinds.items() for c in kt.themes))
    # Never names, even in named mode: a file travels further than the card, so it is the anonymous tally.
    book.sheet("export.sheet.reasons", (("export.col.kind", 18), ("export.col.theme", 35), ("export.col.why_me", 50), ("export.col.core_task", 50)),
               ((kind.get(k.value, k.value), c.title_in(lang), r.why_me, r.core_task)
                for k, kt in result.kinds.items() for c in kt.themes for r in c.reasons))
    return book.bytes()

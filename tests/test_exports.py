"""The XLSX exports (bot/process/exports.py): opened with openpyxl and checked cell by cell; and the signed link."""
from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the [test] extra")

from bot.concepts import load_concept  # noqa: E402
from bot.process.concept import Kind  # noqa: E402
from bot.process.development_plan import DevelopmentPlan, Initiative, Milestone, Phase  # noqa: E402
from bot.process.exports import (LINK_DAYS, check_export_link, committee_workbook, export_path, hr_workbook, plan_workbook,  # noqa: E402
                                 tally_workbook)
from bot.process.hr_overview import hr_overview  # noqa: E402
from bot.process.nomination import NominationInput, ThemeChoice  # noqa: E402
from bot.process.organisation import Submission, SubmittedInitiative, SubmittedTheme, overview as committee_overview  # noqa: E402
from bot.process.tally import NominationRecord, tally  # noqa: E402
from bot.texts import t  # noqa: E402

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
KEY = b"k" * 32


def open_book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def sub(team: str, w: str, l: str, committee: str = "c-a", asks: int = 1) -> Submission:
    items = tuple(SubmittedInitiative(id=f"i{n}", title=f"Indsats {team}{n}", needs_organisation=n < asks,
                                      ask=f"Hjælp {team}{n}" if n < asks else "", organisation="Organisationen") for n in range(2))
    return Submission(committee_id=committee, team_id=team, dialogue_id=f"d-{team}", version=1, sent_at=NOW, sent_by="u",
                      plan_version=1, initiatives=items, themes=(SubmittedTheme("wellbeing", w), SubmittedTheme("leadership", l)),
                      workplace_name=f"Arbejdsplads {team}")


def theme_title(kind: str, theme_id: str) -> str:
    found = load_concept("nyborg").catalogue(Kind(kind)).find(theme_id)
    return found.title("da") if found else theme_id


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hr_workbook_has_a_sheet_per_kind_of_data_in_the_users_language(lang):
    concept = load_concept("nyborg")
    catalogue = {k.value: tuple(th.id for th in concept.catalogue(k).themes) for k in Kind}
    own = {k.value: concept.catalogue(k).own_proposal.id for k in Kind}
    w1, w2 = catalogue["wellbeing"][:2]
    l1 = catalogue["leadership"][0]
    subs = [sub(f"a{n}", w1, l1) for n in range(6)] + [sub("b", w2, l1)]
    result = hr_overview(subs, catalogue=catalogue, own_ids=own, follow_ups={}, now=NOW)
    book = open_book(hr_workbook(result, lambda key: t(lang, key), theme_title, lambda c: f"Udvalg {c}", date(2026, 12, 2)))
    assert book.sheetnames == [t(lang, k)[:31] for k in ("export.sheet.about", "export.sheet.top", "export.sheet.themes",
                                                         "export.sheet.asks", "export.sheet.progress")]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width > 5
    about = rows(book.worksheets[0])
    assert about[0] == (t(lang, "export.col.what"), t(lang, "export.col.value"))
    assert about[1][1] == datetime(2026, 12, 2)  # a real date
    assert about[1][0] == t(lang, "export.about.made") and about[3][1] == 7
    top = rows(book.worksheets[1])
    assert top[0] == tuple(t(lang, k) for k in ("export.col.place", "export.col.kind", "export.col.theme", "export.col.workplaces"))
    assert top[1] == (1, t(lang, "hr.kind.leadership"), theme_title("leadership", l1), 7)
    assert top[2][3] is None  # w1: 6, hidden with w2 (1) so the total gives nothing away
    themes = rows(book.worksheets[2])
    assert (t(lang, "hr.kind.wellbeing"), theme_title("wellbeing", w2), None) in themes
    asks = rows(book.worksheets[3])
    assert (theme_title("wellbeing", w1), "Udvalg c-a", "Indsats a00", "Hjælp a00", "Organisationen") in asks
    assert all(r[0] != theme_title("wellbeing", w2) for r in asks)  # one workplace under w2: withheld there
    assert (theme_title("leadership", l1), "Udvalg c-a", "Indsats b0", "Hjælp b0", "Organisationen") in asks  # 7 under l1
    progress = rows(book.worksheets[4])
    assert progress[1][:2] == (3, t(lang, "follow_up.status.not_started"))


def test_committee_workbook_lists_sent_missing_and_asks_with_real_dates():
    subs = [sub("a", "social-support-trust", "shared-direction-goals"), sub("b", "balance-energy", "shared-direction-goals")]
    ov = committee_overview("c-a", {"a": "c-a", "b": "c-a", "c": "c-a"}, {"a": "Køkkenet", "b": "Hjemmeplejen", "c": "Skolen"}, subs)
    book = open_book(committee_workbook(ov, lambda key: t("da", key), theme_title, lambda moment: moment.date()))
    sent = rows(book.worksheets[0])
    assert sent[0][:3] == ("Arbejdsplads", "Version", "Sendt den")
    assert ("Hjemmeplejen", 1, datetime(2026, 12, 2)) == sent[1][:3]
    assert rows(book.worksheets[1]) == [("Arbejdsplads",), ("Skolen",)]
    asks = rows(book.worksheets[2])
    assert (theme_title("wellbeing", "balance-energy"), "Hjemmeplejen", "Indsats b0", "Hjælp b0", "Organisationen") in asks
    assert book.worksheets[2].freeze_panes == "A2"


def test_tally_workbook_is_anonymous_even_in_named_mode():
    concept = load_concept("nyborg")
    records = [NominationRecord(f"u{n}", f"Navn {n}", NominationInput(
        ThemeChoice(Kind.WELLBEING, "balance-energy", None, f"grund {n}", "kerne"),
        ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, "ledelse", "kerne")), NOW) for n in range(3)]
    result = tally(concept, records, round_id="r", invited=5, named_mode=True)
    book = open_book(tally_workbook(result, lambda key: t("en", key), "en", date(2026, 9, 1)))
    assert book.sheetnames == ["About", "Tally", "Reasons"]
    counts = rows(book["Tally"])
    assert counts[0] == ("Kind", "Theme", "Count")
    balance = concept.catalogue(Kind.WELLBEING).find("balance-energy").title("en")
    assert counts[1] == ("Well-being theme", balance, 3)
    reasons = rows(book["Reasons"])
    assert len(reasons[0]) == 4 and len(reasons) == 1 + 6
    assert not any("Navn" in str(cell) for row in reasons for cell in row)
    assert rows(book["About"])[2:] == [("Responded", 3), ("Invited", 5)]


def test_plan_workbook_is_reused():
    plan = DevelopmentPlan("d", (Initiative("i1", "Mødekultur", "fordi", milestones=(Milestone("m1", Phase.PLANNING, "Start", date(2027, 1, 31)),)),),
                           1, "u", NOW)
    book = open_book(plan_workbook(plan, lambda key: t("da", key)))
    assert rows(book.worksheets[1])[1][3] == datetime(2027, 1, 31)


def test_link_names_the_user_and_expires():
    path = export_path(KEY, "hr", "2026", "29:user@x", NOW)
    _, _, kind, subject, expires, user, sig = path.split("/")
    assert (kind, subject, user) == ("hr", "2026", "29%3Auser%40x")
    sig = sig.removesuffix(".xlsx")
    assert check_export_link(KEY, "hr", "2026", expires, "29:user@x", sig, NOW) is None
    assert check_export_link(KEY, "hr", "2026", expires, "29:other", sig, NOW) == "forged"
    assert check_export_link(KEY, "committee", "2026", expires, "29:user@x", sig, NOW) == "forged"
    assert check_export_link(KEY, "hr", "2026", str(int(expires) + 1), "29:user@x", sig, NOW) == "forged"
    assert check_export_link(b"other" * 8, "hr", "2026", expires, "29:user@x", sig, NOW) == "forged"
    later = NOW + timedelta(days=LINK_DAYS)
    assert check_export_link(KEY, "hr", "2026", expires, "29:user@x", sig, later) == "expired"
    assert check_export_link(KEY, "nope", "2026", expires, "29:user@x", sig, NOW) == "forged"

"""The rules of the development plan (step 10) and its announcement (step 11): what an initiative
needs, milestone dates, owners from the team, 2 or 3 initiatives to adopt, the announcement row."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.process.development_plan import (
    FIELD_ASK, FIELD_OWNER, FIELD_TITLE, MAX_INITIATIVES, PLAN_ANNOUNCED_KIND, DevelopmentPlan, InitiativeInvalid, Level,
    Phase, PlanRefused, adoption_problems, announcement_obsolete_reason, date_bounds, may_acknowledge, may_share_changes,
    milestone_fields, next_initiative_id, organisation_asks, parse_initiative, plan_announcement, with_initiative,
)

NOW = datetime(2026, 10, 5, 8, 0, tzinfo=timezone.utc)
DAY = date(2026, 9, 29)
BOUNDS = date_bounds(2026, DAY)
MEMBERS = {"u-bo": "Bo", "u-cai": "Cai"}


def _values(**extra: object) -> dict[str, object]:
    values: dict[str, object] = {
        "title": "Ny mødestruktur", "why": "Møder der giver nytte", "actions": "Undersøg møderne\n\n  Ny struktur i høring ",
        "m_planning_label": "Undersøgelse", "m_planning_due": "2026-11-30", "m_execution_due": "2027-02-01",
        "m_evaluation_label": "Evaluering", "m_evaluation_due": "2027-09-30", "owner": "u-bo",
        "iglo_individual": "Jeg forbereder mig", "iglo_organisation": "", "needs_organisation": "false",
    }
    values.update(extra)
    return values


def _parse(values: dict[str, object], **kw) -> object:
    return parse_initiative(values, initiative_id=kw.pop("initiative_id", "i1"), members=MEMBERS, bounds=BOUNDS, **kw)


def _codes(values: dict[str, object]) -> set[tuple[str, str]]:
    with pytest.raises(InitiativeInvalid) as invalid:
        _parse(values)
    return {(e.field, e.code) for e in invalid.value.errors}


def test_an_initiative_is_read_from_the_card() -> None:
    initiative = _parse(_values())
    assert initiative.title == "Ny mødestruktur" and initiative.actions == ("Undersøg møderne", "Ny struktur i høring")
    assert [(m.phase, m.label, m.due) for m in initiative.milestones] == [
        (Phase.PLANNING, "Undersøgelse", date(2026, 11, 30)), (Phase.EXECUTION, "", date(2027, 2, 1)),
        (Phase.EVALUATION, "Evaluering", date(2027, 9, 30))]
    assert initiative.owner_id == "u-bo" and initiative.owner_name == "Bo"
    assert initiative.iglo == ((Level.INDIVIDUAL, "Jeg forbereder mig"),) and initiative.contribution(Level.GROUP) == ""
    assert not initiative.needs_organisation and initiative.ask == ""


def test_every_problem_is_named_by_its_field() -> None:
    assert _codes(_values(title=" ", owner="u-stranger", needs_organisation="true", ask="")) == {
        (FIELD_TITLE, "required"), (FIELD_OWNER, "unknown_choice"), (FIELD_ASK, "required")}
    assert _codes(_values(title="x" * 151, actions="\n".join(["a"] * 11))) == {("title", "too_long"), ("actions", "too_many")}
    assert _codes(_values(m_execution_label="I gang", m_execution_due="")) == {("m_execution_due", "required")}
    assert _codes(_values(m_planning_due="30-11-2026")) == {("m_planning_due", "not_a_date")}


@pytest.mark.parametrize(("due", "code"), [
    ("2026-09-28", "too_early"),  # the day before the dialogue
    ("2028-01-01", "too_late"),  # past the coming year
])
def test_milestones_fall_between_the_day_and_the_end_of_the_coming_year(due: str, code: str) -> None:
    assert _codes(_values(m_planning_due=due)) == {("m_planning_due", code)}


def test_milestone_edges_and_order() -> None:
    # the day itself, a leap day and the last day of the coming year are all allowed
    assert _parse(_values(m_planning_due="2026-09-29", m_execution_due="2027-12-31", m_evaluation_due="", m_evaluation_label="")).milestones[1].due == date(2027, 12, 31)
    leap = parse_initiative(_values(m_planning_due="2028-02-29", m_execution_due="", m_evaluation_due="", m_evaluation_label=""), initiative_id="i1",
                            members=MEMBERS, bounds=date_bounds(2027, date(2027, 9, 1)))
    assert leap.milestones[0].due == date(2028, 2, 29)
    assert _codes(_values(m_execution_due="2026-11-01")) == {("m_execution_due", "out_of_order")}
    # without a known day only the latest bound holds
    early = parse_initiative(_values(m_planning_due="2026-01-02"), initiative_id="i1", members=MEMBERS, bounds=date_bounds(2026, None))
    assert early.milestones[0].due == date(2026, 1, 2)


def test_a_milestone_keeps_its_id_and_done_mark_while_its_date_stands() -> None:
    first = _parse(_values())
    done = datetime(2026, 12, 1, tzinfo=timezone.utc)
    marked = first.__class__(**{**first.__dict__, "milestones": (first.milestones[0].__class__(
        **{**first.milestones[0].__dict__, "done_at": done}),) + first.milestones[1:]})
    again = _parse(_values(title="Ny titel"), previous=marked)
    assert again.milestones[0].done_at == done and [m.id for m in again.milestones] == ["m1", "m2", "m3"]
    moved = _parse(_values(m_planning_due="2026-12-01"), previous=marked)
    assert moved.milestones[0].done_at is None


def test_needs_organisation_keeps_the_ask() -> None:
    initiative = _parse(_values(needs_organisation="true", ask="Årshjul for tværgående møder", iglo_organisation="Årshjul"))
    assert initiative.needs_organisation and initiative.ask == "Årshjul for tværgående møder"
    assert _parse(_values(needs_organisation="false", ask="glemt")).ask == ""


def _plan(*titles: str, owner: str | None = "u-bo", why: str = "Fordi") -> DevelopmentPlan:
    plan = None
    for title in titles:
        initiative = _parse(_values(title=title, why=why, owner=owner or ""), initiative_id=next_initiative_id(plan))
        plan = with_initiative(plan, initiative, dialogue_id="d1", by="u-anna", now=NOW)
    return plan


def test_a_plan_holds_at_most_three_initiatives_with_ids_never_reused() -> None:
    plan = _plan("A", "B", "C")
    assert [i.id for i in plan.initiatives] == ["i1", "i2", "i3"] and len(plan.initiatives) == MAX_INITIATIVES
    with pytest.raises(PlanRefused) as refused:
        with_initiative(plan, _parse(_values(), initiative_id="i4"), dialogue_id="d1", by="u-anna", now=NOW)
    assert refused.value.code == "too_many"
    edited = with_initiative(plan, _parse(_values(title="B2"), initiative_id="i2"), dialogue_id="d1", by="u-cai", now=NOW)
    assert [i.title for i in edited.initiatives] == ["A", "B2", "C"] and edited.edited_by == "u-cai"
    assert next_initiative_id(DevelopmentPlan("d1", plan.initiatives[2:], 3, "u", NOW)) == "i4"


def test_adopting_needs_two_or_three_initiatives_each_with_why_and_an_owner_in_the_team() -> None:
    team = set(MEMBERS)
    assert [p.code for p in adoption_problems(None, team)] == ["too_few"]
    assert [p.code for p in adoption_problems(_plan("A"), team)] == ["too_few"]
    assert adoption_problems(_plan("A", "B"), team) == [] and adoption_problems(_plan("A", "B", "C"), team) == []
    assert {(p.code, p.initiative_id) for p in adoption_problems(_plan("A", "B", why=""), team)} == {("no_why", "i1"), ("no_why", "i2")}
    assert {p.code for p in adoption_problems(_plan("A", "B", owner=None), team)} == {"no_owner"}
    assert {p.code for p in adoption_problems(_plan("A", "B"), {"u-cai"})} == {"owner_not_member"}  # Bo has left
    adopted = DevelopmentPlan("d1", _plan("A", "B").initiatives, 2, "u", NOW, NOW, "u-anna", 2)
    assert [p.code for p in adoption_problems(adopted, team)] == ["already_adopted"]


def test_the_announcement_is_one_row_per_version_and_changes_can_be_shared_again() -> None:
    row = plan_announcement("d1", team_id="t1", channel_id="c1", version=2, now=NOW)
    assert (row.key, row.kind, row.round_id, row.recipient_id, row.sequence, row.due_at) == (
        f"{PLAN_ANNOUNCED_KIND}:d1:2", PLAN_ANNOUNCED_KIND, "d1", "c1", 2, NOW)
    draft = _plan("A", "B")
    assert announcement_obsolete_reason(None, 1) == "no_plan" and announcement_obsolete_reason(draft, 1) == "not_adopted"
    adopted = DevelopmentPlan("d1", draft.initiatives, 2, "u", NOW, NOW, "u-anna", 2, announced_version=2)
    assert announcement_obsolete_reason(adopted, 2) is None and not may_share_changes(adopted) and not may_share_changes(draft)
    changed = DevelopmentPlan("d1", draft.initiatives, 3, "u", NOW, NOW, "u-anna", 2, announced_version=2)
    assert may_share_changes(changed)
    assert announcement_obsolete_reason(DevelopmentPlan("d1", (), 4, "u", NOW, NOW, "u", 2, 4), 3) == "superseded"
    assert may_acknowledge("u-bo", set(MEMBERS)) and not may_acknowledge("u-x", set(MEMBERS))
    needs = with_initiative(draft, _parse(_values(title="C", needs_organisation="true", ask="Budget"), initiative_id="i3"),
                            dialogue_id="d1", by="u", now=NOW)
    assert [i.title for i in organisation_asks(needs)] == ["C"]


def test_the_milestone_inputs_are_named_by_phase() -> None:
    assert milestone_fields(Phase.EVALUATION) == ("m_evaluation_label", "m_evaluation_due")


# -- the cards and the plan file -------------------------------------------------------------------

import io  # noqa: E402
import zipfile  # noqa: E402

from cards_validation import assert_valid_card, walk  # noqa: E402

from bot.cards.development_plan import history_card, plan_card, plan_post_card, seen_card  # noqa: E402
from bot.cards.initiative import initiative_card, initiative_values  # noqa: E402
from bot.process.development_plan import FieldError  # noqa: E402
from bot.process.plan_file import plan_workbook  # noqa: E402
from bot.texts import t  # noqa: E402


def _full_plan(**kw) -> DevelopmentPlan:
    plan = _plan("Ny mødestruktur", "Kendskab til hinandens faglighed")
    third = _parse(_values(title="Årshjul", needs_organisation="true", ask="Årshjul for tværgående projekter",
                           iglo_organisation="Vi forventer årshjul"), initiative_id="i3")
    plan = with_initiative(plan, third, dialogue_id="d1", by="u-anna", now=NOW)
    return DevelopmentPlan(plan.dialogue_id, plan.initiatives, kw.get("version", 3), "u-anna", NOW, kw.get("adopted_at"),
                           kw.get("adopted_by"), kw.get("adopted_version"), kw.get("announced_version"))


def _texts(card: dict) -> str:
    return " ".join(str(v) for _, v in walk(card) if isinstance(v, str))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_plan_cards_are_valid_in_both_languages(lang: str) -> None:
    names = {"u-anna": "Anna"}
    draft = _full_plan()
    adopted = _full_plan(version=4, adopted_at=NOW, adopted_by="u-anna", adopted_version=3, announced_version=3)
    cards = [
        plan_card(lang, dialogue_id="d1", plan=None, names=names),
        plan_card(lang, dialogue_id="d1", plan=draft, names=names, notice="devplan.saved"),
        plan_card(lang, dialogue_id="d1", plan=draft, names=names, confirm_adopt=True),
        plan_card(lang, dialogue_id="d1", plan=adopted, names=names, acknowledged=5),
        history_card(lang, dialogue_id="d1", history=[draft, adopted], names=names),
        plan_post_card(lang, plan=adopted, changed=True),
        seen_card(lang, "devplan.ack.thanks"),
        initiative_card(lang, dialogue_id="d1", version=3, initiative_id="i1", values=initiative_values(draft.initiatives[0]),
                        members=list(MEMBERS.items()), desired_actions=["Fast morgenmøde", "Makkerordning"],
                        errors=[FieldError("title", "required"), FieldError("m_planning_due", "too_early")], topic_title="Møder"),
    ]
    for card in cards:
        assert_valid_card(card)
    overview = _texts(cards[3])
    assert t(lang, "devplan.seen", count=5) in overview and t(lang, "devplan.button.share") in overview
    assert t(lang, "devplan.needs_organisation") in overview and "Anna" in overview
    assert t(lang, "devplan.button.adopt") in _texts(cards[1]) and t(lang, "devplan.button.new") not in _texts(cards[1])  # 3 already
    assert "2026-" not in _texts(cards[1])  # no ISO date a person reads
    post = _texts(cards[5])
    assert t(lang, "devplan.button.seen") in post and "Møder der giver nytte" in post and "u-bo" not in post
    assert t(lang, "devplan.error.too_early") in _texts(cards[7])


def _sheet_xml(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.startswith("xl/")}


def test_the_plan_file_has_three_sheets_with_real_dates_and_headers_in_the_language() -> None:
    plan = _full_plan()
    files = _sheet_xml(plan_workbook(plan, lambda key: t("da", key)))
    workbook, strings = files["xl/workbook.xml"], files["xl/sharedStrings.xml"]
    assert all(f'name="{name}"' in workbook for name in ("Indsatser", "Milepæle", "IGLO"))
    assert "Tovholder" in strings and "Ny mødestruktur" in strings and "Årshjul for tværgående projekter" in strings
    milestones = files["xl/worksheets/sheet2.xml"]
    assert "<v>46356</v>" in milestones  # 30 November 2026 as an Excel date serial, not text
    assert all('state="frozen"' in files[f"xl/worksheets/sheet{n}.xml"] for n in (1, 2, 3))
    assert "<cols>" in files["xl/worksheets/sheet1.xml"]
    english = _sheet_xml(plan_workbook(plan, lambda key: t("en", key)))
    assert 'name="Initiatives"' in english["xl/workbook.xml"] and "Owner" in english["xl/sharedStrings.xml"]

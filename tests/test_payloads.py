"""Card payloads are parsed strictly per verb; forged ones are refused, audited, and change nothing."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import pytest_asyncio

import factories as f
from bot.dialogs.registry import PayloadRejected
from bot.dialogs.router import REGISTRY
from bot.concepts import load_concept
from secure_app import SecureApp, secure_app

CONCEPT = load_concept("nyborg")
KEPT = ("audit_log", "processed_activity", "person", "tenant_budget")  # a refused turn still records these (and its reply takes a slot of the tenant's budget)


def submission(round_id: str, **changes) -> dict:
    value = {
        "verb": "nomination.submit", "round_id": round_id,
        "wellbeing_theme": "social-support-trust", "wellbeing_own_title": "", "wellbeing_why_me": "Fordi 💪",
        "wellbeing_core_task": "Borgerne", "leadership_theme": "shared-direction-goals", "leadership_own_title": "",
        "leadership_why_me": "Retning", "leadership_core_task": "Sammen",
    }
    value.update(changes)
    return value


def parse_payload(value, concept):
    return REGISTRY.parse(value, concept)[0]


def test_every_routed_verb_has_a_strict_model():
    assert REGISTRY.verbs
    for name, verb in REGISTRY.verbs.items():
        assert verb.payload.VERB == name
        assert verb.payload.model_config["extra"] == "forbid" and verb.payload.model_config["strict"]


@pytest.mark.parametrize("value, code", [
    ({"verb": "nomination.submit", "round_id": "r1", "user_id": "u-bo"}, "extra_forbidden"),
    ({"verb": "nomination.submit", "round_id": "r1", "from": {"id": "u-bo"}}, "extra_forbidden"),
    (submission("r1", wellbeing_theme="not-a-theme"), "not_offered"),
    (submission("r1", leadership_theme="social-support-trust"), "not_offered"),  # a well-being id as leadership
    (submission("r1", wellbeing_why_me="x" * 1001), "over_hard_limit"),
    (submission("r1", wellbeing_own_title="x" * 161), "over_hard_limit"),
    (submission("r1", wellbeing_why_me=42), "string_type"),
    (submission("r1", wellbeing_theme=["social-support-trust"]), "string_type"),
    (submission("r" * 41), "string_pattern_mismatch"),
    (submission("../etc"), "string_pattern_mismatch"),
    (submission(""), "string_pattern_mismatch"),
    ({"verb": "nomination.submit"}, "missing"),
    ({"verb": "nomination.edit", "round_id": 7}, "string_type"),
    ({"verb": "round.start", "named_mode": "maybe"}, "literal_error"),
    ({"verb": "round.start", "named_mode": True}, "literal_error"),
    ({"verb": "round.start", "contact_name": "x" * 201}, "string_too_long"),
    ({"verb": "round.start", "deadline": "2026-09-15" * 10}, "string_too_long"),
    ({"verb": "language.set", "lang": "fr"}, "literal_error"),
    ({"verb": "tally.show", "round_id": "r1"}, "extra_forbidden"),
    ({"verb": "nope"}, "unknown_verb"),
    ({"verb": 3}, "unknown_verb"),
    ({}, "unknown_verb"),
])
def test_forged_values_are_rejected_with_a_fixed_code(value, code):
    with pytest.raises(PayloadRejected) as rejected:
        parse_payload(value, CONCEPT)
    assert rejected.value.code == code


def test_what_the_cards_send_is_accepted():
    assert parse_payload(submission("0123abcd"), CONCEPT).data()["wellbeing_why_me"] == "Fordi 💪"
    # Teams leaves unselected inputs out or empty; the form then shows "required", not a refusal.
    assert parse_payload({"verb": "nomination.submit", "round_id": "r1", "wellbeing_theme": ""}, CONCEPT)
    assert parse_payload({"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea", "named_mode": "named"}, CONCEPT)
    # Teams' own key is allowed and never handed on.
    payload = parse_payload({"verb": "tally.show", "msteams": {"type": "messageBack"}}, CONCEPT)
    assert payload.data() == {"verb": "tally.show"}
    # Between the card's limit and twice it: accepted here, refused politely by the form.
    assert parse_payload(submission("r1", wellbeing_why_me="æ" * 999), CONCEPT)


@pytest_asyncio.fixture
async def app(backend, tmp_path, monkeypatch):
    async with secure_app(backend, tmp_path, monkeypatch) as secure:
        yield secure


def without(snapshot: dict, names=KEPT) -> dict:
    return {k: v for k, v in snapshot.items() if k not in names}


async def test_forged_submissions_through_the_app_are_refused_audited_and_change_nothing(app: SecureApp):
    round_ = await app.start_round()
    foreign = await app.store.dialogues.open_round(
        team_id="19:other-team@thread.tacv2", opened_by="u-x", opened_at=app.clock.now(),
        deadline_at=app.clock.now() + timedelta(days=5), contact_name="X", named_mode=False, concept="nyborg",
    )
    before = await app.snapshot()
    audit_before = len(await app.store.audit.entries())
    forgeries = [
        submission(round_.id, user_id="u-erik"),
        submission(round_.id, wellbeing_theme="not-a-theme"),
        submission(round_.id, wellbeing_why_me="x" * 5000),
        submission(round_.id, leadership_core_task={"$data": "x"}),
        submission(foreign.id),  # a round of another team that Bo was never invited to
        submission("0" * 32),  # a round that does not exist
        {"verb": "nomination.delete.confirm", "round_id": round_.id, "user_id": "u-erik"},
        {"verb": "round.start", "deadline": "2026-09-20", "contact_name": "Bo", "named_mode": 1},
    ]
    for value in forgeries:
        assert await app.post(f.personal_submit(app.mock.url, value, user="u-bo", conversation="a:u-bo", reply_to=None)) == 200
    assert without(await app.snapshot()) == without(before)
    entries = (await app.store.audit.entries())[audit_before:]
    assert [e.action for e in entries] == ["payload.rejected"] * len(forgeries)
    assert {e.actor for e in entries} == {"u-bo"}
    assert [e.subject for e in entries][-4:-2] == ["nomination:not_invited", "nomination:unknown_round"]
    assert all(" " not in e.subject and "x" * 20 not in e.subject for e in entries)
    replies = app.texts_in("a:u-bo")
    assert sum("intet er gemt" in r for r in replies) == 6  # a polite answer, in Danish


async def test_a_submission_to_a_closed_round_is_refused_and_audited(app: SecureApp):
    round_ = await app.start_round()
    app.clock.set(datetime(2026, 9, 16, 8, 0, tzinfo=timezone.utc))
    before = without(await app.snapshot())
    await app.post(f.personal_submit(app.mock.url, submission(round_.id), user="u-bo", conversation="a:u-bo", reply_to=None))
    assert without(await app.snapshot()) == before
    assert [e.subject for e in await app.store.audit.entries(actor="u-bo")] == ["nomination:round_closed"]


async def test_planning_group_actions_are_rechecked_against_stored_roles(app: SecureApp):
    await app.start_round(deadline="2026-09-02")
    app.clock.set(datetime(2026, 9, 3, 8, 0, tzinfo=timezone.utc))  # the first round is closed
    before = without(await app.snapshot())
    start = {"verb": "round.start", "deadline": "2026-09-20", "contact_name": "Erik", "named_mode": "named"}
    for value in (start, {"verb": "round.setup"}, {"verb": "tally.show"}, {"verb": "status.show"}):
        assert await app.post(f.channel_submit(app.mock.url, value, user="u-erik", name="Erik Eg")) == 200
    for text in ("gruppe tilføj", "optælling", "status", "start"):
        mention = f.channel_mention(app.mock.url, text, user="u-erik", name="Erik Eg")
        mention["entities"].append({"type": "mention", "text": "<at>Erik</at>", "mentioned": {"id": "u-erik", "name": "Erik"}})
        assert await app.post(mention) == 200
    assert without(await app.snapshot()) == before
    assert [m.user_id for m in await app.store.planning_group.members(f.TEAM)] == ["u-leader"]

"""``mine data`` / ``my data``: see, export and delete what is stored about oneself, audited."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest_asyncio

import factories as f
from bot.cards.my_data import data_export_cards, my_data_card
from bot.concepts import load_concept
from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.my_data import EXPORT_FORMAT, PersonalData, Profile, StoredNomination, export_json
from cards_validation import assert_valid_card, walk
from secure_app import SecureApp, secure_app

CONCEPT = load_concept("nyborg")
EVIL = "Mødekultur **fed** <at>Alex</at> ${x} [l](http://x) 😀"


def submission(round_id: str, why: str = EVIL) -> dict:
    return {
        "verb": "nomination.submit", "round_id": round_id,
        "wellbeing_theme": "own", "wellbeing_own_title": "Eget emne ✨", "wellbeing_why_me": why,
        "wellbeing_core_task": "Borgerne", "leadership_theme": "shared-direction-goals",
        "leadership_why_me": "Retning", "leadership_core_task": "Sammen",
    }


@pytest_asyncio.fixture
async def app(backend, tmp_path, monkeypatch):
    async with secure_app(backend, tmp_path, monkeypatch) as secure:
        yield secure


def text_runs(card: dict) -> str:
    return "\n".join(v["text"] for _, v in walk(card) if isinstance(v, dict) and v.get("type") == "TextRun")


def all_text(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


async def test_a_person_sees_and_exports_everything_stored_about_them(app: SecureApp):
    round_ = await app.start_round()
    await app.post(f.personal_submit(app.mock.url, submission(round_.id), user="u-bo", conversation="a:u-bo", reply_to=None))
    await app.post(f.personal_message(app.mock.url, "sprog en", user="u-bo", conversation="a:u-bo"))
    await app.post(f.personal_message(app.mock.url, "my data", user="u-bo", conversation="a:u-bo"))
    card = app.cards_in("a:u-bo")[-1][1]
    assert_valid_card(card)
    shown = text_runs(card)
    for expected in ("Bo Bæk", "u-bo", "aad-u-bo", "Hjemmeplejen Nord", EVIL, "Eget emne ✨", "Retning", "Sammen"):
        assert expected in shown, expected
    assert "Your data" in all_text(card)  # in the language Bo chose
    actions = {a["data"]["verb"]: a["data"] for _, a in walk(card) if isinstance(a, dict) and a.get("type") == "Action.Submit"}
    assert actions["nomination.delete"]["round_id"] == round_.id and "data.export" in actions
    # Nothing of anyone else's.
    assert "Erik" not in all_text(card) and "Lea Leder" not in shown

    await app.post(f.personal_submit(app.mock.url, {"verb": "data.export"}, user="u-bo", conversation="a:u-bo", reply_to=None))
    parts = [c for _, c in app.cards_in("a:u-bo") if "JSON" in all_text(c) and "part" in all_text(c)]
    assert parts
    for part in parts:
        assert_valid_card(part)
    exported = json.loads("\n".join(
        v["text"] for part in parts for _, v in walk(part)
        if isinstance(v, dict) and v.get("type") == "TextRun" and v.get("fontType") == "Monospace"
    ))
    assert exported["format"] == EXPORT_FORMAT
    assert exported["profile"]["teams_user_id"] == "u-bo" and exported["profile"]["language"] == "en"
    assert exported["nominations"][0]["wellbeing"]["why_me"] == EVIL  # verbatim, emoji and all
    assert exported["rounds_invited_to"][0]["round_id"] == round_.id
    assert [a["action"] for a in exported["audit_log"]] == ["data.viewed"]
    assert [(e.action, e.subject) for e in await app.store.audit.entries(actor="u-bo")] == [
        ("data.viewed", "u-bo"), ("data.exported", "u-bo"),
    ]


async def test_in_a_channel_my_data_goes_to_the_private_chat(app: SecureApp):
    await app.start_round()
    channel = f"{f.TEAM};messageid=1"
    before = len(app.cards_in(channel))
    await app.post(f.channel_mention(app.mock.url, "mine data", user="u-bo", name="Bo Bæk"))
    assert len(app.cards_in(channel)) == before  # nothing personal in the channel
    assert "Dine data" in all_text(app.cards_in("a:u-bo")[-1][1])


async def test_a_person_deletes_their_nomination_while_the_round_is_open(app: SecureApp):
    round_ = await app.start_round()
    bo = dict(user="u-bo", conversation="a:u-bo", reply_to=None)
    await app.post(f.personal_submit(app.mock.url, submission(round_.id), **bo))
    await app.post(f.personal_submit(app.mock.url, {"verb": "nomination.delete", "round_id": round_.id}, **bo))
    confirm = app.cards_in("a:u-bo")[-1][1]
    assert "nomination.delete.confirm" in all_text(confirm)
    assert await app.store.nominations.get(round_.id, "u-bo") is not None  # asking deletes nothing
    for _ in range(2):  # a double click deletes once
        await app.post(f.personal_submit(app.mock.url, {"verb": "nomination.delete.confirm", "round_id": round_.id}, **bo))
    assert await app.store.nominations.get(round_.id, "u-bo") is None
    assert [e.action for e in await app.store.audit.entries(actor="u-bo")] == ["nomination.deleted"]
    assert "slettet" in app.texts_in("a:u-bo")[-2] and "intet temaforslag" in app.texts_in("a:u-bo")[-1]


async def test_nobody_deletes_another_persons_nomination_or_one_in_a_closed_round(app: SecureApp):
    round_ = await app.start_round()
    await app.post(f.personal_submit(app.mock.url, submission(round_.id), user="u-bo", conversation="a:u-bo", reply_to=None))
    # Erik presses a delete button with Bo's round: it only ever concerns Erik's own nomination.
    await app.post(f.personal_submit(app.mock.url, {"verb": "nomination.delete.confirm", "round_id": round_.id}, user="u-erik", conversation="a:u-erik", reply_to=None))
    assert await app.store.nominations.get(round_.id, "u-bo") is not None
    app.clock.set(datetime(2026, 9, 16, 8, 0, tzinfo=timezone.utc))
    await app.post(f.personal_submit(app.mock.url, {"verb": "nomination.delete.confirm", "round_id": round_.id}, user="u-bo", conversation="a:u-bo", reply_to=None))
    assert await app.store.nominations.get(round_.id, "u-bo") is not None
    assert "lukket" in app.texts_in("a:u-bo")[-1]


def big_person(nominations: int) -> PersonalData:
    why = "😀" * 500
    nomination = NominationInput(
        ThemeChoice(Kind.WELLBEING, "own", "🎉" * 80, why, why), ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, why, why),
    )
    at = datetime(2026, 9, 1, tzinfo=timezone.utc)
    return PersonalData(
        Profile("u-1", "t", "aad", "Åse Ærø", "da", "a:1", at),
        nominations=tuple(StoredNomination(f"r{i}", "Team", at.date(), i == 0, nomination, at, at, 1) for i in range(nominations)),
    )


def test_the_cards_stay_valid_and_under_40_kb_whatever_is_stored():
    for lang in ("da", "en"):
        data = big_person(12)
        assert_valid_card(my_data_card(lang, CONCEPT, data, privacy_url="https://x.example/p"))
        parts = data_export_cards(lang, export_json(data, exported_at=datetime(2026, 9, 2, tzinfo=timezone.utc)))
        assert len(parts) > 1
        for part in parts:
            assert_valid_card(part)
        empty = PersonalData(None)
        assert_valid_card(my_data_card(lang, CONCEPT, empty))


async def test_a_comment_forwarded_to_hr_is_the_writers_to_see_export_and_delete(app: SecureApp):
    """The comment is the writer's words: shown, exported and deletable by them alone; deleting it
    keeps the forward (the committee's act), without the words."""
    from bot.process.organisation import KIND_COMMITTEE

    await app.start_round()  # the workplace and Bo's private chat
    now = app.clock.now()
    await app.store.workplaces.upsert(team_id="k1", tenant_id="t", service_url="https://s", channel_id="k1", name="MED", now=now,
                                      concept="nyborg")
    committee = await app.store.organisation.register("k1", "MED Social ✨", KIND_COMMITTEE, by="u-admin", now=now)
    forward = await app.store.organisation.forward(committee.id, by="u-bo", comment=EVIL, now=now)
    await app.store.organisation.forward(committee.id, by="u-erik", comment="Eriks ord", now=now)
    bo = dict(user="u-bo", conversation="a:u-bo", reply_to=None)

    await app.post(f.personal_message(app.mock.url, "mine data", user="u-bo", conversation="a:u-bo"))
    card = app.cards_in("a:u-bo")[-1][1]
    assert_valid_card(card)
    assert EVIL in text_runs(card) and "MED Social ✨" in text_runs(card) and "Eriks ord" not in all_text(card)
    buttons = [a["data"] for _, a in walk(card) if isinstance(a, dict) and a.get("data", {}).get("verb") == "forward.comment.delete"]
    assert [b["forward_id"] for b in buttons] == [forward.id]
    await app.post(f.personal_submit(app.mock.url, {"verb": "data.export"}, **bo))
    exported = json.loads("\n".join(
        v["text"] for _, part in app.cards_in("a:u-bo") if "JSON" in all_text(part) for _, v in walk(part)
        if isinstance(v, dict) and v.get("type") == "TextRun" and v.get("fontType") == "Monospace"))
    assert exported["hr_forward_comments"] == [{"forward_id": forward.id, "committee": "MED Social ✨", "comment": EVIL,
                                                "forwarded_at": now.isoformat()}]

    # Erik presses Bo's button: it only ever concerns Erik's own comments.
    await app.post(f.personal_submit(app.mock.url, {"verb": "forward.comment.delete", "forward_id": forward.id},
                                     user="u-erik", conversation="a:u-erik", reply_to=None))
    assert (await app.store.organisation.get_forward(forward.id)).comment == EVIL
    for _ in range(2):  # a double click deletes once
        await app.post(f.personal_submit(app.mock.url, {"verb": "forward.comment.delete", "forward_id": forward.id}, **bo))
    kept = await app.store.organisation.get_forward(forward.id)
    assert (kept.comment, kept.forwarded_by, kept.committee_id) == ("", "u-bo", committee.id)
    assert [(e.action, e.subject) for e in await app.store.audit.entries(actor="u-bo")][-1] == ("organisation.comment_deleted", str(forward.id))
    assert "slettet" in app.texts_in("a:u-bo")[-2] and "ingen kommentar" in app.texts_in("a:u-bo")[-1]
    await app.post(f.personal_message(app.mock.url, "mine data", user="u-bo", conversation="a:u-bo"))
    after = app.cards_in("a:u-bo")[-1][1]
    assert EVIL not in all_text(after) and "MED Social ✨" in text_runs(after) and "forward.comment.delete" not in all_text(after)


def test_a_card_teams_may_have_taken_is_said_in_words_in_both_languages():
    from bot.process.my_data import Invitation
    from bot.process.status import MAYBE_DELIVERED

    at = datetime(2026, 9, 1, tzinfo=timezone.utc)
    data = PersonalData(Profile("u-1", "t", "aad", "Åse", "da", "a:1", at),
                        invitations=(Invitation("r1", "Hjemmeplejen", at.date(), True, MAYBE_DELIVERED, "answer_lost"),))
    for lang, words, unknown in (("da", "måske leveret", "ukendt"), ("en", "maybe delivered", "unknown")):
        shown = " ".join(v for _, v in walk(my_data_card(lang, CONCEPT, data)) if isinstance(v, str))
        assert words in shown and unknown not in shown

"""What the groups produced on the day, end to end through the real app and adapter (step 8).

The day, the chosen themes, the invitations and the groups are seeded through the other steps'
storage APIs; then a group member enters the flip-chart, a member of the same group corrects it,
a member of another group is refused, the planning group sees the plenum view (groups by number,
no names) and posts it to the channel through the queue. The rules themselves are unit-tested in
tests/test_group_results.py.
"""
from __future__ import annotations

import itertools
from datetime import date, datetime, time, timezone

import pytest

import factories as f
from bot.cards.elements import message_with_card
from bot.cards.group_results import plenum_card, plenum_post_card, results_form_card, results_saved_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import Kind
from bot.process.group_results import GroupResult, PlenumView
from bot.process.grouping import Grouping
from bot.process.invitation import DialogueDay
from bot.process.nomination import FieldError
from bot.process.people import Member
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from cards_validation import assert_valid_card, walk
from test_journey import ROSTER, Journey, card_text, journey  # noqa: F401 - the fixture

DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Mødelokale 2")  # a Thursday; 08:00-11:00 in Copenhagen (CEST)
GROUPS = Grouping(
    wellbeing=(("u-bo", "u-cecilie"), ("u-dorte", "u-erik")),
    leadership=(("u-bo", "u-dorte"), ("u-cecilie", "u-erik")),
    repeated=(), fewest_possible=0, seed="test",
)
THEMES = SelectionInput(
    ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest ønskede det"),
    ChosenTheme(Kind.LEADERSHIP, "own", "Mødekultur", "Det fylder i hverdagen"),
)


async def seed_day(journey: Journey, grouping: Grouping | None = GROUPS) -> str:
    """A workplace whose planning group is Lea, with the day set, everyone invited, themes chosen and groups formed."""
    services, now = journey.services, journey.clock.now()
    # Teams' rate limits are the dispatcher's tests' business (tests/test_dispatcher.py); here many
    # answers go to one chat within a real second, so the mock Teams sees them a second apart.
    ticks = itertools.count(0.0, 1.0)
    journey.mock._clock = lambda: next(ticks)
    for user in [m["id"] for m in ROSTER] + ["u-stranger"]:
        journey.mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    dialogue = await services.store.dialogues.ensure_dialogue(f.TEAM, now)
    await services.store.selections.save(Selection(dialogue.id, THEMES, "u-leader", now, announced_at=now))
    await services.store.invitations.set_day(dialogue.id, DAY, by="u-leader", now=now)
    await services.store.invitations.invite(dialogue.id, [Member(m["id"], m["name"]) for m in ROSTER])
    if grouping is not None:
        await services.store.groupings.save(dialogue.id, grouping, absent=(), by="u-leader", now=now)
    return dialogue.id


def local(hour: int, minute: int) -> datetime:
    """A moment on the day, given on the Copenhagen wall clock (CEST: UTC+2)."""
    return datetime(2026, 9, 17, hour - 2, minute, tzinfo=timezone.utc)


async def say_privately(journey: Journey, user: str, text: str) -> None:
    await journey.post(f.personal_message(journey.mock.url, text, user=user, conversation=f"a:{user}"))


async def press(journey: Journey, user: str, value: dict, card_id: str | None) -> None:
    await journey.post(f.personal_submit(journey.mock.url, value, user=user, conversation=f"a:{user}", reply_to=card_id))


def shown(journey: Journey, user: str, card_id: str) -> str:
    return card_text(journey.mock.activities_in(f"a:{user}")[card_id]["attachments"][0]["content"])


def flip_chart(dialogue_id: str, group: int, *, point: str = "Tillid: vi hjælper hinanden", action: str = "Fast tjek-ind hver morgen",
               kind: str = "wellbeing") -> dict:
    return {"verb": "results.save", "dialogue_id": dialogue_id, "kind": kind, "group": group, "key_point_1": point,
            "key_point_2": "Mening\nvi ser borgeren", "desired_action_1": action, "desired_action_2": ""}


async def test_a_group_enters_corrects_and_the_planning_group_posts_the_plenum_view(journey: Journey):
    services = journey.services
    dialogue_id = await seed_day(journey)

    # Before the round begins (08:00, the welcome), the card is not open yet: it says when.
    journey.clock.set(local(8, 0))
    await say_privately(journey, "u-bo", "resultater")
    assert "kl. 08.15" in journey.texts_in("a:u-bo")[-1] and not journey.cards_in("a:u-bo")

    # 09:10, the well-being plenum: Bo's card names his group, its members and the theme.
    journey.clock.set(local(9, 10))
    await say_privately(journey, "u-bo", "resultater")
    bo_card, card = journey.cards_in("a:u-bo")[-1]
    text = card_text(card)
    assert "Gruppe 1" in text and "Bo Bæk, Cecilie Ø" in text and "Social støtte og tillid" in text and "results.save" in text
    assert "Dorte" not in text

    # Nothing written: the error is on the card, nothing is stored.
    await press(journey, "u-bo", {**flip_chart(dialogue_id, 1), "key_point_1": " ", "key_point_2": ""}, bo_card)
    assert "Skriv mindst én vigtig pointe" in shown(journey, "u-bo", bo_card)
    assert await services.store.group_results.get(dialogue_id, Kind.WELLBEING, 1) is None

    # Saved: the card turns into the result in place; the same entry again is no new version.
    await press(journey, "u-bo", flip_chart(dialogue_id, 1), bo_card)
    saved = shown(journey, "u-bo", bo_card)
    assert "Gemt" in saved and "Tillid: vi hjælper hinanden" in saved and "results.save" not in saved
    await press(journey, "u-bo", flip_chart(dialogue_id, 1), bo_card)
    assert "Uændret" in shown(journey, "u-bo", bo_card)
    first = await services.store.group_results.get(dialogue_id, Kind.WELLBEING, 1)
    assert first.version == 1 and first.entered_by == "u-bo"
    assert first.key_points == ("Tillid: vi hjælper hinanden", "Mening\nvi ser borgeren")

    # Cecilie, in the same group, gets the card filled in with who wrote it, and corrects it.
    await say_privately(journey, "u-cecilie", "resultater")
    cecilie_card, card = journey.cards_in("a:u-cecilie")[-1]
    assert "Tillid: vi hjælper hinanden" in card_text(card) and "Senest gemt af " in card_text(card) and "Bo Bæk" in card_text(card)
    await press(journey, "u-cecilie", flip_chart(dialogue_id, 1, action="Makkerordning for nye kolleger"), cecilie_card)
    corrected = await services.store.group_results.get(dialogue_id, Kind.WELLBEING, 1)
    assert corrected.version == 2 and corrected.entered_by == "u-cecilie" and corrected.desired_actions == ("Makkerordning for nye kolleger",)

    # Dorte is in group 2: writing group 1's flip-chart is refused and audited, whatever the card says.
    await press(journey, "u-dorte", flip_chart(dialogue_id, 1, point="Overtaget"), None)
    assert (await services.store.group_results.get(dialogue_id, Kind.WELLBEING, 1)).version == 2
    assert "ikke med i den gruppe" in journey.texts_in("a:u-dorte")[-1]
    assert "payload.rejected" in [e.action for e in await services.store.audit.entries(actor="u-dorte")]

    # Lea is in no group: she gets the plenum view, by number and without names; group 2 is missing.
    await say_privately(journey, "u-leader", "resultater")
    lea_card, card = journey.cards_in("a:u-leader")[-1]
    text = card_text(card)
    assert "Plenum – trivselstemaet" in text and "Gruppe 1" in text and "Makkerordning for nye kolleger" in text
    assert "Mangler endnu: gruppe 2" in text and "results.post" in text
    assert not any(name in text for name in ("Bo Bæk", "Cecilie", "u-cecilie", "u-bo"))

    # Dorte writes group 2's; the leadership round has nothing yet.
    await say_privately(journey, "u-dorte", "resultater")
    dorte_card = journey.cards_in("a:u-dorte")[-1][0]
    await press(journey, "u-dorte", flip_chart(dialogue_id, 2, point="Vi mangler tid til faglig sparring"), dorte_card)
    await press(journey, "u-leader", {"verb": "results.show", "dialogue_id": dialogue_id, "kind": "leadership"}, lea_card)
    assert "Ingen grupper har skrevet resultater endnu" in shown(journey, "u-leader", lea_card)

    # Bo, in a group, sees the whole picture one press away from his card, without the post button.
    await press(journey, "u-bo", {"verb": "plenum.show", "dialogue_id": dialogue_id, "kind": "wellbeing"}, bo_card)
    plenum = shown(journey, "u-bo", bo_card)
    assert "Plenum – trivselstemaet" in plenum and "Vi mangler tid til faglig sparring" in plenum and "results.post" not in plenum

    # Erik is not in the planning group: his forged post is refused and nothing is queued.
    await press(journey, "u-erik", {"verb": "results.post", "dialogue_id": dialogue_id}, None)
    assert await services.store.group_results.plenum_posts(dialogue_id) == 0

    # Lea posts it: the card loses its button in place, and the channel gets both rounds once.
    await say_privately(journey, "u-leader", "resultater")
    lea_card = journey.cards_in("a:u-leader")[-1][0]
    await press(journey, "u-leader", {"verb": "results.post", "dialogue_id": dialogue_id}, lea_card)
    after = shown(journey, "u-leader", lea_card)
    assert "bliver slået op i kanalen" in after and "results.post" not in after
    [post] = [c for _, c in journey.cards_in(f.TEAM) if "Det kom grupperne frem til" in card_text(c)]
    text = card_text(post)
    assert "torsdag den 17. september 2026" in text and "Plenum – trivselstemaet" in text and "Plenum – ledelsestemaet" in text
    assert "Vi mangler tid til faglig sparring" in text and "Makkerordning for nye kolleger" in text and "Mødekultur" in text
    assert not any(name in text for name in ("Bo Bæk", "Cecilie", "Dorte", "Erik", "Lea"))
    assert_valid_card(post)
    assert await services.store.group_results.plenum_posts(dialogue_id) == 1
    assert "group_results.posted" in [e.action for e in await services.store.audit.entries(actor="u-leader")]


async def test_someone_outside_the_workplace_sees_nothing_and_no_grouping_is_said(journey: Journey):
    dialogue_id = await seed_day(journey, grouping=None)
    journey.clock.set(local(9, 10))
    await say_privately(journey, "u-bo", "results")
    assert "ikke lavet grupper" in journey.texts_in("a:u-bo")[-1]
    await journey.services.store.groupings.save(dialogue_id, GROUPS, absent=(), by="u-leader", now=journey.clock.now())
    await press(journey, "u-stranger", {"verb": "results.show", "dialogue_id": dialogue_id}, None)
    assert "anden arbejdsplads" in journey.texts_in("a:u-stranger")[-1] and not journey.cards_in("a:u-stranger")


# -- the cards, in both languages and both concepts ------------------------------------------------
RESULT = GroupResult("d1", Kind.WELLBEING, 1, ("Tillid <at>Bo</at> **fed**", "Mening\nto linjer"), ("Makkerordning",), "u-bo",
                     datetime(2026, 9, 17, 7, 10, tzinfo=timezone.utc), 2)


def all_cards(lang: str, concept_name: str) -> dict[str, dict]:
    concept = load_concept(concept_name)
    theme = THEMES.leadership
    long = GroupResult("d1", Kind.LEADERSHIP, 3, ("æ" * 300, "ø" * 300), ("å" * 300, "😀" * 300), "u-x", RESULT.entered_at, 1)
    many = tuple(GroupResult("d1", Kind.LEADERSHIP, n, long.key_points, long.desired_actions, "u", RESULT.entered_at) for n in range(1, 13))
    return {
        "form": results_form_card(lang, concept, dialogue_id="d1", kind=Kind.WELLBEING, group=1, members=["Bo Bæk", "Cecilie Ø"],
                                  theme=THEMES.wellbeing, current=RESULT, written_by="Bo Bæk", workplace_name="Hjemmeplejen Nord"),
        "form_errors": results_form_card(lang, concept, dialogue_id="d1", kind=Kind.LEADERSHIP, group=2, members=["A"], theme=theme,
                                         current=None, written_by=None, values={"key_point_1": "x" * 301},
                                         errors=[FieldError("key_point_1", "too_long", 300), FieldError("desired_action_1", "required")]),
        "saved": results_saved_card(lang, concept, dialogue_id="d1", kind=Kind.WELLBEING, result=RESULT, written_by="Bo", theme=None, changed=True),
        "plenum": plenum_card(lang, concept, dialogue_id="d1", view=PlenumView(Kind.WELLBEING, (RESULT,), (2,)), theme=theme, can_post=True),
        "post": plenum_post_card(lang, concept, views=[(PlenumView(Kind.WELLBEING, (RESULT,), ()), THEMES.wellbeing),
                                                       (PlenumView(Kind.LEADERSHIP, many, (13,)), theme)], day=DAY.date),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("concept_name", ["nyborg", "dtu"])
def test_results_cards_are_valid_small_and_send_what_the_router_accepts(lang: str, concept_name: str) -> None:
    concept = load_concept(concept_name)
    for name, card in all_cards(lang, concept_name).items():
        assert_valid_card(message_with_card(card, summary=name, lang=lang)), name
        for _, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                payload, verb = REGISTRY.parse(value["data"], concept)
                assert verb.payload is type(payload), name
            if isinstance(value, dict) and value.get("type") == "TextBlock":
                assert "<at>" not in value["text"] and "**fed**" not in value["text"], name  # what people wrote stays in TextRuns
    assert "safety-help" in card_text(all_cards(lang, concept_name)["form"])  # the boundary-crossing note (Bilag 4)

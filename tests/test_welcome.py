"""Help that fits where you are, through the real app: "Start" only in the team's channel, only to
whoever may start (the planning group, or anyone while the team has none), and only while no
round is open; in the personal chat only what works there.

The card itself is validated in both languages in tests/test_cards.py.
"""
from __future__ import annotations

import factories as f
from bot.texts import t
from test_journey import Journey, journey  # noqa: F401  (the fixture)

CHAT = f"{f.TEAM};messageid=1"


def verbs(card: dict) -> list[str]:
    return [a["data"]["verb"] for a in card.get("actions", []) if a.get("type") == "Action.Submit"]


def help_text(card: dict) -> str:
    return repr(card)


async def help_in_channel(journey: Journey, user: str) -> dict:
    await journey.post(f.channel_mention(journey.mock.url, "hjælp", user=user, name=user))
    return journey.cards_in(CHAT)[-1][1]


async def help_in_chat(journey: Journey, user: str) -> dict:
    journey.mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
    message = f.personal_message(journey.mock.url, "hjælp", user=user, conversation=f"a:{user}")
    await journey.post(message)
    await journey.post({**message, "id": f"{message['id']}-again"})  # the first message is greeted
    return journey.cards_in(f"a:{user}")[-1][1]


async def test_in_a_team_without_a_planning_group_anyone_is_offered_start(journey: Journey) -> None:
    await journey.post(f.bot_added_to_team(journey.mock.url))
    card = await help_in_channel(journey, "u-bo")
    assert verbs(card)[0] == "round.setup"


async def test_the_planning_group_is_offered_start_only_while_no_round_is_open(journey: Journey) -> None:
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await journey.services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=journey.clock.now())
    card = await help_in_channel(journey, "u-leader")
    assert verbs(card)[:3] == ["round.setup", "tally.show", "planning_group.manage"]

    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(journey.mock.url, start, user="u-leader", name="Lea Leder"))
    assert await journey.services.store.dialogues.latest_round(f.TEAM) is not None
    card = await help_in_channel(journey, "u-leader")
    assert "round.setup" not in verbs(card) and "status.show" in verbs(card)

    # Someone outside the planning group is never offered start, and gets their own card.
    card = await help_in_channel(journey, "u-bo")
    assert "round.setup" not in verbs(card) and "nomination.open" in verbs(card)


async def test_the_personal_chat_offers_what_works_there(journey: Journey) -> None:
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await journey.services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=journey.clock.now())
    card = await help_in_chat(journey, "u-leader")
    assert "round.setup" not in verbs(card) and "planning_group.manage" not in verbs(card)
    assert {"tally.show", "status.show", "nomination.open", "data.show"} <= set(verbs(card))
    text = help_text(card)
    assert t("da", "help.team_only") in text  # where start and the group are done
    assert "optælling / tally" in text and "'start'" not in text

    employee = await help_in_chat(journey, "u-bo")
    assert verbs(employee) == ["nomination.open", "data.show"]
    assert t("da", "help.team_only") not in help_text(employee)

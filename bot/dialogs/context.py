"""Per-turn lookups shared by the handlers: the sender's record, and whether they are in the
planning group."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from botbuilder.core import TurnContext

from ..process import planning_group
from ..process.people import Member, is_first_private_contact
from ..services import Services
from .replies import say
from .turn import TurnInfo


async def remember_sender(services: Services, turn: TurnInfo) -> tuple[TurnInfo, bool]:
    """Keep the 1:1 conversation reference whenever the person writes to us privately.

    Returns the turn with the person's stored language attached (one read per turn, not one per
    lookup), and True the first time we hear from this person in a 1:1 chat (time to say hello)."""
    conversation_id = turn.conversation_id if turn.is_personal else None
    seen = await services.store.people.remember(
        user_id=turn.user_id, tenant_id=turn.tenant_id, now=services.clock.now(), name=turn.name,
        aad_object_id=turn.aad_object_id, service_url=turn.service_url, conversation_id=conversation_id,
    )
    return replace(turn, person_loaded=True, stored_lang=seen.after.lang), is_first_private_contact(seen.before, conversation_id)


def names(members: Iterable[Member]) -> str:
    return ", ".join(m.name or m.user_id for m in members)


async def refuse_non_member(ctx: TurnContext, lang: str, members: list[Member]) -> None:
    """Only the planning group may do that: say who is in it, or that nobody is yet."""
    if members:
        await say(ctx, lang, "common.only_planning_group", names=names(members))
    else:
        await say(ctx, lang, "group.none")


async def planning_group_of_turn(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> list[str] | None:
    """The teams whose planning group the sender may act for here, or None (after saying why).

    In a team's channel: that team, if the sender is in its planning group. In a 1:1 chat:
    every team whose planning group they are in."""
    if turn.team_id:
        members = await services.store.planning_group.members(turn.team_id)
        if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
            await refuse_non_member(ctx, lang, members)
            return None
        return [turn.team_id]
    teams = await services.store.planning_group.teams_of(turn.user_id)
    if not teams:
        await say(ctx, lang, "common.only_planning_group", names="–")
        return None
    return teams

"""Per-turn lookups shared by the handlers: the sender's record, whether they are in the
planning group, and which dialogue the planning group acts on."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from typing import Protocol, TypeVar

from botbuilder.core import TurnContext

from ..process import planning_group
from ..process.dialogue import Dialogue
from ..process.people import Member, is_first_private_contact
from ..services import Services
from ..storage.turn_work import TurnWork
from .replies import say
from .turn import TurnInfo

TURN_WORK = "talsammen.turn_work"  # the key of the turn's storage work in botbuilder's turn state


def turn_work(ctx: TurnContext, services: Services) -> TurnWork:
    """The turn's storage work (bot/storage/turn_work.py), begun by the activity handler with the
    activity's claim; a handler called on its own gets one with nothing to claim."""
    work = ctx.turn_state.get(TURN_WORK)
    if work is None:
        work = ctx.turn_state[TURN_WORK] = TurnWork(services.store.engine, None, services.clock.now())
    return work


async def remember_sender(services: Services, turn: TurnInfo, work: TurnWork | None = None) -> tuple[TurnInfo, bool]:
    """Keep the 1:1 conversation reference whenever the person writes to us privately.

    Returns the turn with the person's stored language attached (one read per turn, not one per
    lookup), and True the first time we hear from this person in a 1:1 chat (time to say hello).
    Given the turn's ``work``, the read shares its transaction and the write waits for its finish."""
    conversation_id = turn.conversation_id if turn.is_personal else None
    seen = await (work or services.store.people).remember(
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


class OfTeam(Protocol):
    """What the planning group acts on (a dialogue, a round …): it belongs to one team."""

    @property
    def team_id(self) -> str: ...


Found = TypeVar("Found", bound=OfTeam)


async def first_current(services: Services, teams: list[str]) -> Dialogue | None:
    """The current dialogue of the first of ``teams`` that has one."""
    for team in teams:
        dialogue = await services.store.dialogues.current_dialogue(team, services.clock.now())
        if dialogue is not None:
            return dialogue
    return None


async def find_dialogue(services: Services, turn: TurnInfo, named: str | None, *,
                        of_id: Callable[[str], Awaitable[Found | None]] | None = None,
                        of_teams: Callable[[list[str]], Awaitable[Found | None]] | None = None,
                        invited: bool = False) -> Found | None:
    """What a press or a typed command means, unchecked: the one the card names (``of_id``, by
    default the dialogue of that id), else ``of_teams`` (by default the first current dialogue)
    of the channel's team, or privately of the teams whose planning group the sender is in;
    ``invited``: privately, the newest dialogue the sender was invited to comes first."""
    by_id = of_id or services.store.selections.dialogue
    if named:
        return await by_id(named)
    if turn.team_id:
        teams = [turn.team_id]
    else:
        if invited:
            for candidate in await services.store.invitations.dialogues_of(turn.user_id):
                found = await by_id(candidate)
                if found is not None:
                    return found
        teams = await services.store.planning_group.teams_of(turn.user_id)
    return await (of_teams or (lambda ts: first_current(services, ts)))(teams)


async def planning_dialogue(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, named: str | None, *, step: str,
                            none: str, of_id: Callable[[str], Awaitable[Found | None]] | None = None,
                            of_teams: Callable[[list[str]], Awaitable[Found | None]] | None = None,
                            invited: bool = False, outsiders: bool = False) -> Found | None:
    """What the planning group acts on (``find_dialogue``), if the sender is in the planning group
    of its own team; else None after saying why: ``none`` when nothing is found (``outsiders``:
    typed privately by someone in no planning group, that only the planning group may). An id
    from a card is never trusted: the check is on its own team, and a refusal is audited as
    ``<step>:not_planning_group`` (ids only)."""
    store = services.store
    found = await find_dialogue(services, turn, named, of_id=of_id, of_teams=of_teams, invited=invited)
    if found is None:
        if outsiders and not named and not turn.team_id and not await store.planning_group.teams_of(turn.user_id):
            await say(ctx, lang, "common.only_planning_group", names="–")
        else:
            await say(ctx, lang, none)
        return None
    members = await store.planning_group.members(found.team_id)
    if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
        if named:  # a card named what the sender may not touch: stale or forged
            await store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"{step}:not_planning_group",
                                     now=services.clock.now())
        await refuse_non_member(ctx, lang, members)
        return None
    return found

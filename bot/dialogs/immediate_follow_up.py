"""Step 9 in Teams: "Hvad kan vi hver især gøre i hverdagen allerede nu?" (rules: process/leader_loop.py).

The leader sends the question from their card (each attendee's card is a queue row); an attendee
answers on the card, which turns into the thank-you in place. The planning group (and the leader)
sees the answers as material without names (``allerede nu`` / ``already now``), only the count
below the minimum. Every press is checked again: the dialogue, attendance, the period.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.immediate_follow_up import (
    ImmediateDelete, ImmediateEdit, ImmediateResults, ImmediateSave, immediate_card, immediate_results_card, immediate_thanks_card,
)
from ..process import planning_group
from ..process.dialogue import Role
from ..process.invitation import DialogueDay
from ..process.immediate_follow_up import ImmediateInvalid, ImmediateRefused, check_may_answer_immediate, parse_immediate, summarise_immediate
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..services import Services
from ..texts import t
from .context import refuse_non_member
from .evaluation import attendees_of
from .language import language_of
from .leader_loop import dialogue_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo

MIN_COUNT = DEFAULT_MIN_GROUP_SIZE


async def _may_answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str) -> DialogueDay | None:
    day = await services.store.invitations.get_day(dialogue_id)
    if day is None:
        await say(ctx, lang, "leader.no_day")
        return None
    try:
        check_may_answer_immediate(turn.user_id, attendees=await attendees_of(services, dialogue_id), day=day, now=services.clock.now())
    except ImmediateRefused as refused:
        if refused.code == "not_attendee":
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="immediate:not_attendee",
                                              now=services.clock.now())
        await say(ctx, lang, f"immediate.refused.{refused.code}")
        return None
    return day


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ImmediateSave) -> None:
    lang = await language_of(services, turn)
    if await _may_answer(ctx, turn, services, lang, payload.dialogue_id) is None:
        return
    try:
        answer = parse_immediate({"immediate_answer": payload.immediate_answer or ""})
    except ImmediateInvalid as invalid:
        card = immediate_card(lang, dialogue_id=payload.dialogue_id, min_count=MIN_COUNT, value=payload.immediate_answer or "",
                              errors=invalid.errors)
        await replace_card(ctx, turn, card, summary=t(lang, "immediate.summary"), lang=lang)
        return
    changed = await services.store.leader_loops.answer(payload.dialogue_id, turn.user_id, answer, now=services.clock.now())
    card = immediate_thanks_card(lang, dialogue_id=payload.dialogue_id, answer=answer, changed=changed)
    await replace_card(ctx, turn, card, summary=t(lang, "immediate.thanks"), lang=lang)


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ImmediateEdit) -> None:
    lang = await language_of(services, turn)
    if await _may_answer(ctx, turn, services, lang, payload.dialogue_id) is None:
        return
    previous = await services.store.leader_loops.answer_of(payload.dialogue_id, turn.user_id) or ""
    card = immediate_card(lang, dialogue_id=payload.dialogue_id, min_count=MIN_COUNT, value=previous)
    await replace_card(ctx, turn, card, summary=t(lang, "immediate.summary"), lang=lang)


async def results(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ImmediateResults) -> None:
    """The answers without names, privately, to the planning group and the leader of the dialogue's team."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    dialogue_id, team_id = payload.dialogue_id, None
    if dialogue_id:
        found = await store.invitations.team_and_cycle(dialogue_id)
        team_id = found[0] if found else None
    else:
        teams = [turn.team_id] if turn.team_id else (await store.planning_group.teams_of(turn.user_id)
                                                     or await store.leaders.teams_led_by(turn.user_id))
        for team in teams:
            dialogue = await dialogue_of(services, team, now)
            if dialogue is not None:
                dialogue_id, team_id = dialogue.id, team
                break
    if team_id is None or dialogue_id is None:
        await say(ctx, lang, "leader.no_dialogue")
        return
    members = await store.planning_group.members(team_id)
    leader = await store.leaders.get(team_id)
    if not (planning_group.may_manage(turn.user_id, [m.user_id for m in members]) or (leader and leader.user_id == turn.user_id)):
        await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="immediate:not_planning_group", now=now)
        await refuse_non_member(ctx, lang, members)
        return
    summary = summarise_immediate(await store.leader_loops.answers(dialogue_id), min_count=MIN_COUNT)
    await store.audit.record(actor=turn.user_id, action="immediate.viewed", subject=dialogue_id, now=now)
    await deliver_privately(ctx, turn, services, lambda own: immediate_results_card(own, dialogue_id=dialogue_id, summary=summary),
                            summary="immediate.summary", sent_key="results.sent_privately")


async def delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ImmediateDelete) -> None:
    """Delete the sender's own answer ("mine data"); a second press finds nothing."""
    lang = await language_of(services, turn)
    if await services.store.leader_loops.delete_answer(payload.dialogue_id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="immediate.deleted", subject=payload.dialogue_id,
                                          now=services.clock.now())
        await say(ctx, lang, "immediate.deleted")
    else:
        await say(ctx, lang, "immediate.nothing_to_delete")


DECLARES = (
    Verb(ImmediateSave, save, who=Role.EMPLOYEE),
    Verb(ImmediateEdit, edit, who=Role.EMPLOYEE),
    Verb(ImmediateResults, results, who=Role.PLANNING_GROUP),
    Verb(ImmediateDelete, delete, who=Role.ANYONE),
    Command(da=("allerede nu",), en=("already now",), payload=ImmediateResults, who=Role.PLANNING_GROUP, help="help.cmd.already_now"),
)

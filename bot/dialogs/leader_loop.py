"""The leader's own loop in Teams (rules: process/leader_loop.py).

``leder @navn`` / ``leader @name`` in the channel (or the list on the card the planning group gets
while no leader is named) registers the workplace's leader: the sender must be in the planning
group and the person a member of the team (read from Teams now). ``leder`` / ``leader`` opens the
leader's card, privately and for the named leader only: before the day the preparation, from the
day's start the immediate follow-up, the development plan, KOM-Leder, the feedback and "Markér som
gjort". Every press is checked again: the dialogue's own team, that the sender leads it, the stage.
"""
from __future__ import annotations

from datetime import datetime

from botbuilder.core import TurnContext

from ..cards.leader_loop import LeaderAct, LeaderLoopDelete, LeaderLoopShow, LeaderName, leader_card, name_leader_card, named_leader_card
from ..process import planning_group
from ..process.dialogue import Dialogue, Role
from ..process.leader_loop import (
    LEADER_POST_KIND, LeaderInvalid, check_areas, parse_areas, parse_feedback, post_key, post_refused, stage,
)
from ..process.immediate_follow_up import plan_immediate_asks
from ..process.plan import cycle_of
from ..process.reminders import ReminderPlan
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..teams.connector import ConnectorError
from ..texts import t
from .context import refuse_non_member
from .evaluation import attendees_of
from .invitation import concept_of
from .invitees import read_roster
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say, send_card
from .turn import TurnInfo


async def dialogue_of(services: Services, team_id: str, now: datetime) -> Dialogue | None:
    """The workplace's dialogue of this cycle, else of the last one (the feedback runs on past 1 December)."""
    cycle = cycle_of(now)
    return await services.store.dialogues.dialogue_for(team_id, cycle) or await services.store.dialogues.dialogue_for(team_id, cycle - 1)


async def _roster(services: Services, team_id: str) -> list[tuple[str, str]] | None:
    workplace = await services.store.workplaces.get(team_id)
    if workplace is None:
        return None
    members = await read_roster(services, team_id=workplace.team_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url)
    return [(m.user_id, m.name) for m in members]


async def _name(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, team_id: str, user_id: str, name: str, *,
                in_place: bool = False) -> None:
    """Register ``user_id`` as the leader of ``team_id``, if the sender may and the person is in the team;
    ``in_place``: the list's card pressed turns into who leads now, so it cannot act twice."""
    store, now = services.store, services.clock.now()
    members = await store.planning_group.members(team_id)
    if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
        await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="leader:not_planning_group", now=now)
        await refuse_non_member(ctx, lang, members)
        return
    try:
        roster = await _roster(services, team_id)
    except ConnectorError:
        await say(ctx, lang, "leader.name.roster_failed")
        return
    names = dict(roster or [])
    if user_id not in names:
        await say(ctx, lang, "leader.name.not_member", name=name or user_id)
        return
    await store.leaders.set(team_id, user_id, names[user_id] or name, by=turn.user_id, now=now)
    await store.audit.record(actor=turn.user_id, action="leader.named", subject=user_id, now=now)
    if in_place and turn.reply_to_id:
        await replace_card(ctx, turn, named_leader_card(lang, name=names[user_id] or name or user_id), summary=t(lang, "leader.name.title"),
                           lang=lang)
        return
    await say(ctx, lang, "leader.named", name=names[user_id] or name or user_id)


async def name_leader(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LeaderName) -> None:
    """The list's choice; the team is the channel's, or the card's (checked: the sender's planning group)."""
    lang = await language_of(services, turn)
    team_id = turn.team_id or payload.team_id
    if not team_id or not payload.leader_user_id:
        await say(ctx, lang, "leader.name.need_mention")
        return
    await _name(ctx, turn, services, lang, team_id, payload.leader_user_id, "", in_place=True)


async def _team_of_sender(services: Services, turn: TurnInfo, dialogue_id: str | None) -> str | None:
    if dialogue_id:
        found = await services.store.invitations.team_and_cycle(dialogue_id)
        return found[0] if found else None
    if turn.team_id:
        return turn.team_id
    led = await services.store.leaders.teams_led_by(turn.user_id)
    teams = led or await services.store.planning_group.teams_of(turn.user_id)
    return teams[0] if teams else None


async def show_leader(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LeaderLoopShow) -> None:
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    if turn.team_id and turn.mentioned:  # "leder @navn": the planning group names the leader
        person = turn.mentioned[0]
        await _name(ctx, turn, services, lang, turn.team_id, person.user_id, person.name)
        return
    team_id = await _team_of_sender(services, turn, payload.dialogue_id)
    leader = await store.leaders.get(team_id) if team_id else None
    if team_id is None or leader is None:
        members = await store.planning_group.members(team_id) if team_id else []
        if team_id and planning_group.may_manage(turn.user_id, [m.user_id for m in members]) and turn.team_id:
            try:
                people = await _roster(services, team_id) or []
            except ConnectorError:
                await say(ctx, lang, "leader.name.roster_failed")
                return
            await send_card(ctx, name_leader_card(lang, team_id=team_id, people=people), summary=t(lang, "leader.name.title"), lang=lang)
            return
        await say(ctx, lang, "leader.none")
        return
    if leader.user_id != turn.user_id:
        if payload.dialogue_id:
            await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="leader:not_leader", now=now)
        await say(ctx, lang, "leader.not_leader", name=leader.name or leader.user_id)
        return
    dialogue = await dialogue_of(services, team_id, now)
    if payload.dialogue_id and (dialogue is None or dialogue.id != payload.dialogue_id):
        found = await store.invitations.team_and_cycle(payload.dialogue_id)
        dialogue = Dialogue(payload.dialogue_id, team_id, found[1]) if found and found[0] == team_id else dialogue
    if dialogue is None:
        await say(ctx, lang, "leader.no_dialogue")
        return
    day = await store.invitations.get_day(dialogue.id)
    loop = await store.leader_loops.get(dialogue.id)
    concept_id = (await concept_of(services, team_id)).id
    await deliver_privately(ctx, turn, services, lambda own: leader_card(
        own, dialogue_id=dialogue.id, stage=stage(day, now), day=day.date if day else None, loop=loop, concept_id=concept_id),
        summary="leader.summary")


async def act(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LeaderAct) -> None:
    """Save the card's fields, then save, post to the channel, mark done or ask the attendees."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    found = await store.invitations.team_and_cycle(payload.dialogue_id)
    leader = await store.leaders.get(found[0]) if found else None
    if found is None or leader is None or leader.user_id != turn.user_id:
        await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="leader:not_leader", now=now)
        await say(ctx, lang, "leader.not_leader", name=(leader.name or leader.user_id) if leader else "–")
        return
    team_id, dialogue_id = found[0], payload.dialogue_id
    day = await store.invitations.get_day(dialogue_id)
    if stage(day, now) != "after":
        await say(ctx, lang, "leader.not_after")
        return
    loop = await store.leader_loops.get(dialogue_id)
    if payload.has_form:
        values = payload.form_values()
        try:
            areas, feedback = check_areas(parse_areas(values)), parse_feedback(values)
        except LeaderInvalid as invalid:
            card = leader_card(lang, dialogue_id=dialogue_id, stage="after", day=day.date, loop=loop, values=values, errors=invalid.errors,
                               concept_id=(await concept_of(services, team_id)).id)
            await replace_card(ctx, turn, card, summary=t(lang, "leader.summary"), lang=lang)
            return
        await store.leader_loops.save_areas(dialogue_id, areas, shared=payload.leader_share == "true", leader_id=turn.user_id, now=now)
        loop = await store.leader_loops.save_feedback(dialogue_id, feedback, leader_id=turn.user_id, now=now)
    saved = "leader.feedback.saved"
    if payload.act == "post":
        if post_refused(loop) is not None:
            await say(ctx, lang, "leader.post.no_feedback")
            return
        workplace = await store.workplaces.get(team_id)
        plan = ReminderPlan(post_key(loop), LEADER_POST_KIND, team_id, dialogue_id, workplace.channel_id if workplace else "", 1, now)
        if await store.reminders.add([plan]):  # the same feedback again is the post already made
            await store.leader_loops.mark_posted(dialogue_id, now=now)
            await store.audit.record(actor=turn.user_id, action="leader.feedback_posted", subject=dialogue_id, now=now)
            services.spawn(sweep_soon(services), name=f"leader_post:{dialogue_id}")
            saved = "leader.post.queued"
        else:
            saved = "leader.post.already"
    elif payload.act == "done":
        if await store.leader_loops.mark_done(dialogue_id, leader_id=turn.user_id, now=now):
            await store.audit.record(actor=turn.user_id, action="leader.done", subject=dialogue_id, now=now)
    elif payload.act == "ask":
        people = await attendees_of(services, dialogue_id)
        if not people:
            await say(ctx, lang, "immediate.no_attendees")
            return
        new = await store.reminders.add(plan_immediate_asks(dialogue_id, team_id=team_id, attendees=people, now=now))
        await store.leader_loops.mark_asked(dialogue_id, leader_id=turn.user_id, now=now)
        await store.audit.record(actor=turn.user_id, action="immediate.asked", subject=dialogue_id, now=now)
        await say(ctx, lang, "immediate.asked" if new else "immediate.asked.again", count=len(people))
        services.spawn(sweep_soon(services), name=f"immediate:{dialogue_id}")
    loop = await store.leader_loops.get(dialogue_id)
    card = leader_card(lang, dialogue_id=dialogue_id, stage="after", day=day.date, loop=loop, saved=saved,
                       concept_id=(await concept_of(services, team_id)).id)
    await replace_card(ctx, turn, card, summary=t(lang, "leader.summary"), lang=lang)


async def delete_loop(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LeaderLoopDelete) -> None:
    """Delete the sender's own development plan and feedback ("mine data"); only a loop they wrote."""
    lang = await language_of(services, turn)
    mine = [d for d, _team, _loop in await services.store.leader_loops.of_leader(turn.user_id)]
    if payload.dialogue_id in mine and await services.store.leader_loops.delete(payload.dialogue_id, leader_id=turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="leader.deleted", subject=payload.dialogue_id, now=services.clock.now())
        await say(ctx, lang, "leader.deleted")
    else:
        await say(ctx, lang, "data.nothing_to_delete")


DECLARES = (
    Verb(LeaderLoopShow, show_leader, who=Role.LEADER),
    Verb(LeaderName, name_leader, who=Role.PLANNING_GROUP),
    Verb(LeaderAct, act, who=Role.LEADER),
    Verb(LeaderLoopDelete, delete_loop, who=Role.ANYONE),
    # The leader is usually in the planning group; help lists it there (the handler checks who leads).
    Command(da=("leder",), en=("leader",), payload=LeaderLoopShow, who=Role.PLANNING_GROUP, help="help.cmd.leader"),
)

"""Step 12 in Teams: each initiative's status, note and milestones (rules: process/follow_up.py).

``opfølgning`` / ``follow-up`` (or the 3- and 6-month card's buttons) shows the planning group
every initiative of the team's adopted plan; "Opdatér" opens one initiative's form. An
initiative's owner (tovholder) may mark its milestones, from the nudge or the form. Every save
is re-checked here whatever the card said: the dialogue's own team, the sender's place in its
planning group or as the initiative's owner, the plan's version. Saves keep the history; the
card is replaced in place; the channel's progress post is a queue row.
"""
from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext

from ..cards.follow_up import (
    FollowUpSave, FollowUpShow, MilestoneMark, follow_up_card, follow_up_form_card, milestone_nudge_card,
)
from ..process.clock import COPENHAGEN
from ..process.development_plan import DevelopmentPlan
from ..process.dialogue import Role, follow_up_days
from ..process.follow_up import (
    NOTE_MAX, Status, StatusEntry, adopted_on, clean_note, current_follow_up, follow_up_moments, follow_up_recorded,
    latest_statuses, may_mark_milestone, progress_row,
)
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import format_date, t
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo

AUDIT_STATUS = "follow_up.status"
AUDIT_MILESTONE = "follow_up.milestone"


@dataclass(frozen=True)
class Found:
    dialogue_id: str
    team_id: str
    plan: DevelopmentPlan
    planning_group: frozenset[str]


async def adopted_plan_of_turn(services: Services, turn: TurnInfo, dialogue_id: str | None) -> Found | None:
    """The adopted plan a press or a typed command means, or None.

    A card's id is only a name: its team is read from the dialogue itself. Typed in a channel:
    the team's newest adopted plan; typed privately: that of a team whose planning group the
    sender is in."""
    store = services.store
    if dialogue_id:
        team = await store.group_results.dialogue_team(dialogue_id)
        candidates = [(dialogue_id, team)] if team else []
    else:
        teams = [turn.team_id] if turn.team_id else await store.planning_group.teams_of(turn.user_id)
        candidates = []
        for team in teams:
            found = await store.follow_ups.adopted_dialogue(team)
            if found:
                candidates.append((found[0], team))
    for candidate, team in candidates:
        plan = await store.plans.get(candidate)
        if plan is not None and plan.adopted_at is not None:
            members = frozenset(m.user_id for m in await store.planning_group.members(team))
            return Found(candidate, team, plan, members)
    return None


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, code: str) -> None:
    if turn.value is not None and code == "not_allowed":  # a card pressed: stale or forged; ids only
        await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"follow_up:{code}",
                                          now=services.clock.now())
    await say(ctx, lang, f"follow_up.refused.{code}")


async def overview(services: Services, found: Found, lang: str, *, notice: str | None = None, due: bool = False) -> dict:
    """The card with every initiative, as it stands now."""
    store, now = services.store, services.clock.now()
    latest = latest_statuses(await store.follow_ups.statuses(found.dialogue_id))
    done = await store.follow_ups.done(found.dialogue_id)
    dates = follow_up_days(adopted_on(found.plan, services.window, now), services.window)
    months = current_follow_up(found.plan, services.window, now)
    return follow_up_card(lang, found.plan, latest=latest, done=done, months=months, due=due, dates=(dates[0], dates[1]),
                          notice=notice)


async def _show(ctx: TurnContext, turn: TurnInfo, services: Services, card, lang: str) -> None:  # noqa: ANN001
    """Replace the card pressed in the 1:1 chat; from a channel the card goes privately (it holds notes)."""
    if turn.is_personal:
        await replace_card(ctx, turn, card(lang), summary=t(lang, "follow_up.summary"), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, card, summary="follow_up.summary")


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: FollowUpShow) -> None:
    lang = await language_of(services, turn)
    found = await adopted_plan_of_turn(services, turn, payload.dialogue_id)
    if found is None:
        await say(ctx, lang, "follow_up.none")
        return
    in_group = turn.user_id in found.planning_group
    if payload.initiative_id is None:
        if not in_group:
            await _refuse(ctx, turn, services, lang, "not_allowed")
            return
        cards = {}
        for own in ("da", "en"):
            cards[own] = await overview(services, found, own)
        await _show(ctx, turn, services, lambda own: cards[own], lang)
        return
    initiative = found.plan.initiative(payload.initiative_id)
    if initiative is None:
        await _refuse(ctx, turn, services, lang, "unknown")
        return
    if not may_mark_milestone(turn.user_id, found.planning_group, initiative):
        await _refuse(ctx, turn, services, lang, "not_allowed")
        return
    latest = latest_statuses(await services.store.follow_ups.statuses(found.dialogue_id)).get(initiative.id)
    done = await services.store.follow_ups.done(found.dialogue_id)
    await _show(ctx, turn, services, lambda own: follow_up_form_card(own, found.plan, initiative, latest=latest, done=done,
                                                                      may_status=in_group), lang)


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: FollowUpSave) -> None:
    """One initiative's status, note and milestones; the card turns into the overview in place."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    found = await adopted_plan_of_turn(services, turn, payload.dialogue_id)
    if found is None:
        await say(ctx, lang, "follow_up.none")
        return
    initiative = found.plan.initiative(payload.initiative_id)
    if initiative is None:
        await _refuse(ctx, turn, services, lang, "unknown")
        return
    in_group = turn.user_id in found.planning_group
    if not may_mark_milestone(turn.user_id, found.planning_group, initiative):
        await _refuse(ctx, turn, services, lang, "not_allowed")
        return
    done = await store.follow_ups.done(found.dialogue_id)
    latest = latest_statuses(await store.follow_ups.statuses(found.dialogue_id)).get(initiative.id)
    if payload.version != found.plan.version:  # milestones may differ from what the card showed
        card = follow_up_form_card(lang, found.plan, initiative, latest=latest, done=done, may_status=in_group,
                                   error=t(lang, "follow_up.refused.stale"))
        await replace_card(ctx, turn, card, summary=t(lang, "follow_up.summary"), lang=lang)
        return
    if in_group and payload.note and len(payload.note.strip()) > NOTE_MAX:
        card = follow_up_form_card(lang, found.plan, initiative, latest=latest, done=done, may_status=True,
                                   error=t(lang, "follow_up.error.too_long", limit=NOTE_MAX))
        await replace_card(ctx, turn, card, summary=t(lang, "follow_up.summary"), lang=lang)
        return
    changed = False
    if in_group and payload.status is not None:  # the owner alone marks milestones only
        entry = StatusEntry(found.dialogue_id, initiative.id, Status(payload.status), clean_note(payload.note), turn.user_id, now)
        if await store.follow_ups.record(entry):
            changed = True
            await store.audit.record(actor=turn.user_id, action=AUDIT_STATUS, subject=f"{found.dialogue_id}:{initiative.id}", now=now)
    ticked = {m for m in (payload.done or "").split(",") if m}
    for milestone in initiative.milestones:  # ids not in the plan are ignored, whatever the card sent
        if milestone.done_at is not None:
            continue  # marked in the plan itself
        if await store.follow_ups.mark(found.dialogue_id, initiative.id, milestone.id, milestone.id in ticked, by=turn.user_id, now=now):
            changed = True
            await store.audit.record(actor=turn.user_id, action=AUDIT_MILESTONE,
                                     subject=f"{found.dialogue_id}:{initiative.id}:{milestone.id}", now=now)
    notice = t(lang, "follow_up.saved", date=format_date(lang, now.astimezone(COPENHAGEN).date())) if changed else t(lang, "follow_up.unchanged")
    if in_group:
        card = await overview(services, found, lang, notice=notice)
    else:
        latest = latest_statuses(await store.follow_ups.statuses(found.dialogue_id)).get(initiative.id)
        card = follow_up_form_card(lang, found.plan, initiative, latest=latest, done=await store.follow_ups.done(found.dialogue_id),
                                   may_status=False, notice=notice)
    await replace_card(ctx, turn, card, summary=t(lang, "follow_up.summary"), lang=lang)
    if changed:
        await plan_progress_post(services, found)


async def plan_progress_post(services: Services, found: Found) -> None:
    """Once the follow-up due now has a status for every initiative, the channel's post (once)."""
    now = services.clock.now()
    months = current_follow_up(found.plan, services.window, now)
    if months is None:
        return
    since = follow_up_moments(found.plan, services.window, now)[months]
    if follow_up_recorded(found.plan, await services.store.follow_ups.statuses(found.dialogue_id), since):
        if await services.store.reminders.add([progress_row(found.dialogue_id, found.team_id, months, now)]):
            services.spawn(sweep_soon(services), name=f"follow_up_progress:{found.dialogue_id}")


async def mark(ctx: TurnContext, turn: TurnInfo, services: Services, payload: MilestoneMark) -> None:
    """The nudge's "Mark as reached": the owner or the planning group; the nudge turns into a receipt."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    found = await adopted_plan_of_turn(services, turn, payload.dialogue_id)
    initiative = found.plan.initiative(payload.initiative_id) if found else None
    milestone = next((m for m in initiative.milestones if m.id == payload.milestone_id), None) if initiative else None
    if found is None or initiative is None or milestone is None:
        await _refuse(ctx, turn, services, lang, "unknown")
        return
    if not may_mark_milestone(turn.user_id, found.planning_group, initiative):
        await _refuse(ctx, turn, services, lang, "not_allowed")
        return
    if await store.follow_ups.mark(found.dialogue_id, initiative.id, milestone.id, True, by=turn.user_id, now=now):
        await store.audit.record(actor=turn.user_id, action=AUDIT_MILESTONE, subject=f"{found.dialogue_id}:{initiative.id}:{milestone.id}",
                                 now=now)
    marked = (await store.follow_ups.done(found.dialogue_id)).get((initiative.id, milestone.id), now)
    card = milestone_nudge_card(lang, found.dialogue_id, initiative, milestone, marked_on=marked.astimezone(COPENHAGEN).date())
    await replace_card(ctx, turn, card, summary=t(lang, "follow_up.nudge.summary"), lang=lang)


DECLARES = (
    Verb(FollowUpShow, show, who=Role.PLANNING_GROUP),
    Verb(FollowUpSave, save, who=Role.PLANNING_GROUP),
    Verb(MilestoneMark, mark, who=Role.PLANNING_GROUP),
    Command(da=("opfølgning",), en=("follow-up", "follow up"), payload=FollowUpShow, who=Role.PLANNING_GROUP,
            help="help.cmd.follow_up"),
)

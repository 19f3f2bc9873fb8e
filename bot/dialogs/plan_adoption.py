"""Adopting the development plan (step 10) and the feedback to the employees (step 11).

"Vedtag planen" asks to confirm; the confirmation re-checks the planning group, the version the
card showed, and the adoption rules (2 or 3 initiatives, each with why and an owner still in the
team). The first adopter wins. Adoption plans the follow-ups (FOLLOW-UP's and the leader's rows)
once – later edits never move them – and posts the plan to the team's channel as a queue row; the
employees' "Set og forstået" is counted, never listed.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.development_plan import PlanAdopt, PlanAdoptAsk, PlanSeen, PlanShare, seen_card
from ..process import follow_up, leader_loop
from ..process.development_plan import adoption_problems, may_acknowledge, may_share_changes, plan_announcement
from ..process.dialogue import Dialogue, Role
from ..scheduler.runner import sweep_soon
from ..services import Services
from .day import dialogue_to_manage
from .development_plan import show_overview, team_people
from .language import language_of
from .registry import Verb
from .replies import deliver_privately, say
from .turn import TurnInfo

AUDIT_ADOPTED = "plan.adopted"
AUDIT_SHARED = "plan.shared"
AUDIT_SEEN = "plan.marked_seen"


async def _problems(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue: Dialogue, version: int) -> bool:
    """Say why the plan cannot be adopted as the card showed it (and show it as it is); False if it can."""
    plan = await services.store.plans.get(dialogue.id)
    if plan is None or plan.version != version:
        await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.stale")
        return True
    problems = adoption_problems(plan, set(await team_people(services, dialogue)))
    for problem in problems:
        initiative = plan.initiative(problem.initiative_id) if problem.initiative_id else None
        await say(ctx, lang, f"devplan.refused.{problem.code}", title=initiative.title if initiative else "")
    if problems:
        await show_overview(ctx, turn, services, lang, dialogue)
    return bool(problems)


async def adopt_ask(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanAdoptAsk) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None or await _problems(ctx, turn, services, lang, dialogue, payload.version):
        return
    await show_overview(ctx, turn, services, lang, dialogue, confirm_adopt=True)


async def _announce(services: Services, dialogue: Dialogue, version: int) -> bool:
    """Queue the post of ``version`` to the team's channel, once per version."""
    workplace = await services.store.workplaces.get(dialogue.team_id)
    if workplace is None or not await services.store.plans.mark_announced(dialogue.id, version):
        return False
    await services.store.reminders.add([plan_announcement(dialogue.id, team_id=dialogue.team_id, channel_id=workplace.channel_id,
                                                          version=version, now=services.clock.now())])
    return True


async def adopt(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanAdopt) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None or await _problems(ctx, turn, services, lang, dialogue, payload.version):
        return
    store, now = services.store, services.clock.now()
    plan = await store.plans.adopt(dialogue.id, by=turn.user_id, now=now, version=payload.version)
    if plan is None:  # someone adopted (or saved) in between
        await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.stale")
        return
    rows = list(follow_up.plan_after_adoption(plan, team_id=dialogue.team_id, cycle=dialogue.cycle, window=services.window, now=now))
    rows += leader_loop.plan_after_adoption(plan, team_id=dialogue.team_id, window=services.window, now=now)
    if rows:
        await store.reminders.add(rows)
    await _announce(services, dialogue, plan.version)
    await store.audit.record(actor=turn.user_id, action=AUDIT_ADOPTED, subject=dialogue.id, now=now)
    await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.adopted_now")
    services.spawn(sweep_soon(services), name=f"plan:{dialogue.id}:{plan.version}")


async def share(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanShare) -> None:
    """Post the changed, adopted plan again; the follow-up dates stay as adoption planned them."""
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    plan = await services.store.plans.get(dialogue.id)
    if plan is None or plan.version != payload.version or not may_share_changes(plan):
        await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.stale")
        return
    if await _announce(services, dialogue, plan.version):
        await services.store.audit.record(actor=turn.user_id, action=AUDIT_SHARED, subject=dialogue.id, now=services.clock.now())
        services.spawn(sweep_soon(services), name=f"plan:{dialogue.id}:{plan.version}")
    await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.shared_now")


async def seen(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanSeen) -> None:
    """An employee's "Set og forstået": only the workplace's own people, once per version; told privately."""
    lang = await language_of(services, turn)
    store = services.store
    found = await store.invitations.team_and_cycle(payload.dialogue_id)
    dialogue = await store.dialogues.dialogue_for(*found) if found else None
    plan = await store.plans.get(payload.dialogue_id) if dialogue else None
    if dialogue is None or plan is None or not plan.adopted or not may_acknowledge(turn.user_id, set(await team_people(services, dialogue))):
        if dialogue is None or plan is None:
            await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="plan:seen", now=services.clock.now())
        await _answer(ctx, turn, services, lang, "devplan.ack.not_in_team")
        return
    version = min(payload.version, plan.version)  # never more than the plan has
    if await store.plans.acknowledge(dialogue.id, turn.user_id, version, now=services.clock.now()):
        await store.audit.record(actor=turn.user_id, action=AUDIT_SEEN, subject=dialogue.id, now=services.clock.now())
        await _answer(ctx, turn, services, lang, "devplan.ack.thanks")
    else:
        await _answer(ctx, turn, services, lang, "devplan.ack.already")


async def _answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, key: str) -> None:
    if turn.is_personal:
        await say(ctx, lang, key)
    else:  # the channel's post is everyone's: the answer goes to the presser alone
        await deliver_privately(ctx, turn, services, lambda own: seen_card(own, key), summary=key, announce=False)


DECLARES = (
    Verb(PlanAdoptAsk, adopt_ask, who=Role.PLANNING_GROUP),
    Verb(PlanAdopt, adopt, who=Role.PLANNING_GROUP),
    Verb(PlanShare, share, who=Role.PLANNING_GROUP),
    Verb(PlanSeen, seen, who=Role.EMPLOYEE),
)

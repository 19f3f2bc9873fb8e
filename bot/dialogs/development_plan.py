"""Step 10 in Teams: the planning group builds the development plan (rules: process/development_plan.py).

``plan`` / ``plan`` opens the overview; "Ny indsats" and "Redigér" open one initiative's action
plan. Every press is checked again whatever the card said: the dialogue's own team, the sender in
its planning group, the plan's version (a card from before someone else's save gets the latest
plan and a polite word, never an overwrite), and the owner among the team's people. Adopting and
the feedback to the employees (step 11) are bot/dialogs/plan_adoption.py.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.development_plan import InitiativeEdit, InitiativeNew, InitiativeSave, PlanHistory, PlanShow, history_card, plan_card
from ..cards.initiative import initiative_card, initiative_values
from ..process.development_plan import (
    FIELD_ACTIONS, MAX_INITIATIVES, DevelopmentPlan, InitiativeInvalid, PlanRefused, date_bounds, next_initiative_id, parse_initiative,
    with_initiative,
)
from ..process.dialogue import Dialogue, Role
from ..process.exports import KIND_PLAN
from ..services import Services
from ..texts import t
from .day import dialogue_to_manage
from .exports import export_url
from .language import language_of
from .registry import Command, Verb
from .replies import replace_card, say
from .turn import TurnInfo

AUDIT_SAVED = "plan.saved"


async def team_people(services: Services, dialogue: Dialogue) -> dict[str, str]:
    """The workplace's people by id: those invited to the day and the planning group (the owner is one of them)."""
    people = {i.user_id: i.name for i in await services.store.invitations.invited(dialogue.id)}
    for member in await services.store.planning_group.members(dialogue.team_id):
        people.setdefault(member.user_id, member.name or member.user_id)
    return people


async def names_of(services: Services, dialogue: Dialogue, user_ids: list[str]) -> dict[str, str]:
    people = await team_people(services, dialogue)
    missing = await services.store.people.get_many(u for u in user_ids if u not in people)
    return {u: people.get(u) or (missing[u].name if u in missing and missing[u].name else u) for u in user_ids}


async def overview(services: Services, lang: str, dialogue: Dialogue, plan: DevelopmentPlan | None, *,
                   notice: str | None = None, confirm_adopt: bool = False, viewer: str | None = None) -> dict:
    """The overview card of ``plan`` as it stands, with the count of "seen" (a number only); for a
    ``viewer``, a spreadsheet link made out to them (dialogs/exports.py)."""
    who = [plan.edited_by] + ([plan.adopted_by] if plan and plan.adopted_by else []) if plan else []
    names = await names_of(services, dialogue, who)
    seen = await services.store.plans.acknowledged(dialogue.id) if plan and plan.announced_version else 0
    url = export_url(services, KIND_PLAN, dialogue.id, viewer) if viewer and plan and plan.initiatives else None
    return plan_card(lang, dialogue_id=dialogue.id, plan=plan, names=names, acknowledged=seen, notice=notice,
                     confirm_adopt=confirm_adopt, download_url=url)


async def show_overview(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue: Dialogue, *,
                        notice: str | None = None, confirm_adopt: bool = False) -> None:
    plan = await services.store.plans.get(dialogue.id)
    card = await overview(services, lang, dialogue, plan, notice=notice, confirm_adopt=confirm_adopt, viewer=turn.user_id)
    await replace_card(ctx, turn, card, summary=t(lang, "devplan.summary"), lang=lang)


async def desired_actions(services: Services, dialogue_id: str) -> list[str]:
    """The groups' desired actions of both rounds, once each, in the plenum's order."""
    seen: list[str] = []
    for result in await services.store.group_results.of_dialogue(dialogue_id):
        seen += [a for a in result.desired_actions if a not in seen]
    return seen


async def _topic_title(services: Services, dialogue_id: str, topic_id: str | None) -> str | None:
    """The sorting's topic a new initiative starts from, where the sorting step keeps topics."""
    sorting = getattr(services.store, "sorting", None)
    if not topic_id or sorting is None or not hasattr(sorting, "topic"):
        return None
    topic = await sorting.topic(dialogue_id, topic_id)
    return getattr(topic, "title", None) if topic is not None else None


async def _editor(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue: Dialogue, plan: DevelopmentPlan | None,
                  initiative_id: str | None, values: dict[str, str], errors=None, topic_title: str | None = None) -> None:  # noqa: ANN001
    people = await team_people(services, dialogue)
    members = sorted(people.items(), key=lambda p: p[1].casefold())
    card = initiative_card(lang, dialogue_id=dialogue.id, version=plan.version if plan else None, initiative_id=initiative_id,
                           values=values, members=members, desired_actions=await desired_actions(services, dialogue.id),
                           errors=errors, topic_title=topic_title)
    await replace_card(ctx, turn, card, summary=t(lang, "devplan.summary"), lang=lang)


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanShow) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is not None:
        await show_overview(ctx, turn, services, lang, dialogue)


async def new(ctx: TurnContext, turn: TurnInfo, services: Services, payload: InitiativeNew) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    plan = await services.store.plans.get(dialogue.id)
    if plan is not None and len(plan.initiatives) >= MAX_INITIATIVES:
        await say(ctx, lang, "devplan.refused.too_many")
        await show_overview(ctx, turn, services, lang, dialogue)
        return
    title = await _topic_title(services, dialogue.id, payload.topic_id)
    await _editor(ctx, turn, services, lang, dialogue, plan, None, {"title": title} if title else {}, topic_title=title)


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: InitiativeEdit) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    plan = await services.store.plans.get(dialogue.id)
    initiative = plan.initiative(payload.initiative_id) if plan else None
    if initiative is None:
        await say(ctx, lang, "devplan.refused.not_found")
        await show_overview(ctx, turn, services, lang, dialogue)
        return
    await _editor(ctx, turn, services, lang, dialogue, plan, initiative.id, initiative_values(initiative))


def _with_copied(values: dict[str, str], copy: str | None, offered: list[str]) -> dict[str, str]:
    """The actions with the ticked desired actions added; the card sends numbers, the text is ours."""
    picked = [offered[int(v[1:]) - 1] for v in (copy or "").split(",") if v[:1] == "a" and v[1:].isdigit()
              and 1 <= int(v[1:]) <= len(offered)]
    lines = [line for line in values.get(FIELD_ACTIONS, "").splitlines() if line.strip()]
    lines += [p for p in picked if p not in lines]
    return {**values, FIELD_ACTIONS: "\n".join(lines)}


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: InitiativeSave) -> None:
    """Save one initiative as a new version of the plan; errors on the editor; a stale card gets the latest plan."""
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    store, now = services.store, services.clock.now()
    plan = await store.plans.get(dialogue.id)
    if (plan.version if plan else None) != payload.version:
        await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.stale")
        return
    previous = plan.initiative(payload.initiative_id) if plan and payload.initiative_id else None
    if payload.initiative_id and previous is None:  # an id no version of this plan has: forged, or removed
        await say(ctx, lang, "devplan.refused.not_found")
        await show_overview(ctx, turn, services, lang, dialogue)
        return
    values = _with_copied(payload.form_values(), payload.copy_actions, await desired_actions(services, dialogue.id))
    day = await store.invitations.get_day(dialogue.id)
    try:
        initiative = parse_initiative(values, initiative_id=previous.id if previous else next_initiative_id(plan),
                                      members=await team_people(services, dialogue),
                                      bounds=date_bounds(dialogue.cycle, day.date if day else None), previous=previous)
        changed = with_initiative(plan, initiative, dialogue_id=dialogue.id, by=turn.user_id, now=now)
    except InitiativeInvalid as invalid:
        await _editor(ctx, turn, services, lang, dialogue, plan, payload.initiative_id, values, invalid.errors)
        return
    except PlanRefused as refused:
        await say(ctx, lang, f"devplan.refused.{refused.code}")
        await show_overview(ctx, turn, services, lang, dialogue)
        return
    saved = await store.plans.save(changed, expected_version=payload.version)
    if saved is None:  # someone saved in between
        await show_overview(ctx, turn, services, lang, dialogue, notice="devplan.stale")
        return
    await store.audit.record(actor=turn.user_id, action=AUDIT_SAVED, subject=dialogue.id, now=now)
    await replace_card(ctx, turn, await overview(services, lang, dialogue, saved, notice="devplan.saved"),
                       summary=t(lang, "devplan.summary"), lang=lang)


async def history(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlanHistory) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    versions = await services.store.plans.history(dialogue.id)
    names = await names_of(services, dialogue, sorted({v.edited_by for v in versions}))
    await replace_card(ctx, turn, history_card(lang, dialogue_id=dialogue.id, history=versions, names=names),
                       summary=t(lang, "devplan.summary"), lang=lang)


DECLARES = (
    Verb(PlanShow, show, who=Role.PLANNING_GROUP),
    Verb(InitiativeNew, new, who=Role.PLANNING_GROUP),
    Verb(InitiativeEdit, edit, who=Role.PLANNING_GROUP),
    Verb(InitiativeSave, save, who=Role.PLANNING_GROUP),
    Verb(PlanHistory, history, who=Role.PLANNING_GROUP),
    Command(da=("plan", "udviklingsplan"), en=("plan", "development plan"), payload=PlanShow, who=Role.PLANNING_GROUP,
            help="help.cmd.development_plan"),
)

"""Steps 1-2 in Teams: the planning group sets up a nomination round in the team's channel.

Starting it opens the round in the workplace's dialogue, makes the first starter the planning
group's first member, and hands the invitations to the nomination step (``nomination.invite``).
"""
from __future__ import annotations

from datetime import timedelta

from botbuilder.core import TurnContext

from ..cards import plan as cards
from ..cards.plan import CONTACT_NAME_MAX_CHARS, NAMED_MODE_NAMED, RoundSetup, RoundStart
from ..process import planning_group
from ..process.clock import COPENHAGEN
from ..process.dialogue import Role
from ..process.nomination import RoundAlreadyOpen
from ..process.plan import DeadlineRejected, default_deadline_date, parse_deadline
from ..process.text import TextRejected, clean_text
from ..services import Services
from ..texts import format_date
from . import nomination
from .language import language_of
from .context import names
from .registry import Command, Verb
from .replies import replace_card, say, send_card
from .turn import TurnInfo


async def _may_start(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> bool:
    if not turn.team_id:
        await say(ctx, lang, "common.not_in_team")
        return False
    members = await services.store.planning_group.members(turn.team_id)
    if not planning_group.may_start(turn.user_id, [m.user_id for m in members]):
        await say(ctx, lang, "common.only_planning_group", names=names(members))
        return False
    return True


async def show_setup(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: RoundSetup) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    latest = await services.store.dialogues.latest_round(turn.team_id)
    if latest and latest.is_open(services.clock.now()):
        await say(ctx, lang, "plan.round_already_open", deadline=format_date(lang, latest.deadline_date))
        return
    await send_card(ctx, _setup_card(lang, services, turn), summary=services.concept.dialogue_name(lang))


def _setup_card(lang: str, services: Services, turn: TurnInfo, *, error: str | None = None) -> dict:
    now = services.clock.now()
    limits = services.concept.limits
    today = now.astimezone(COPENHAGEN).date()
    return cards.round_setup_card(
        lang, services.concept, default_deadline=default_deadline_date(now, limits), min_date=today,
        max_date=_max_date(services), contact_default=turn.name, error=error,
    )


def _max_date(services: Services):  # noqa: ANN202
    return services.clock.now().astimezone(COPENHAGEN).date() + timedelta(days=services.concept.limits.max_deadline_days)


async def start_round(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RoundStart) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    now = services.clock.now()
    error = None
    try:
        deadline_at = parse_deadline(payload.deadline, now=now, limits=services.concept.limits)
    except DeadlineRejected as rejected:
        error = rejected.code
    try:
        contact = clean_text(payload.contact_name or turn.name, max_chars=CONTACT_NAME_MAX_CHARS, single_line=True)
    except TextRejected:
        error = error or "contact_required"
    if error:
        summary = cards.setup_error_text(lang, error, max_date=_max_date(services))
        await replace_card(ctx, turn, _setup_card(lang, services, turn, error=error), summary=summary)
        return
    workplace = await services.store.workplaces.get(turn.team_id)
    if workplace is None:
        await services.store.workplaces.upsert(
            team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url,
            channel_id=turn.conversation_id.split(";")[0], name=turn.team_name, now=now, concept=services.concept.id,
        )
    try:
        round_ = await services.store.dialogues.open_round(
            team_id=turn.team_id, opened_by=turn.user_id, opened_at=now, deadline_at=deadline_at,
            contact_name=contact, named_mode=payload.named_mode == NAMED_MODE_NAMED, concept=services.concept.id,
        )
    except RoundAlreadyOpen:
        latest = await services.store.dialogues.latest_round(turn.team_id)
        await say(ctx, lang, "plan.round_already_open", deadline=format_date(lang, latest.deadline_date) if latest else "–")
        return
    if planning_group.founder_joins(turn.user_id, [m.user_id for m in await services.store.planning_group.members(turn.team_id)]):
        await services.store.planning_group.add(turn.team_id, turn.user_id, turn.name, added_by=turn.user_id, now=now)
    await say(ctx, lang, "plan.round_starting")
    services.spawn(nomination.invite(services, round_, lang=lang, channel_conversation_id=turn.conversation_id), name=f"invite:{round_.id}")


DECLARES = (
    Verb(RoundSetup, show_setup, who=Role.PLANNING_GROUP),
    Verb(RoundStart, start_round, who=Role.PLANNING_GROUP),
    Command(da=("start",), en=("start",), payload=RoundSetup, who=Role.PLANNING_GROUP, help="help.cmd.start"),
)

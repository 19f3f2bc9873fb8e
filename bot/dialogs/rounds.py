"""Steps 1-3 in Teams: the planning group opens a round and every member gets the card privately."""
from __future__ import annotations

import logging
from datetime import timedelta

from botbuilder.core import TurnContext

from .. import cards
from ..process import planning_group
from ..process.clock import COPENHAGEN
from ..process.reminders import plan_nomination_reminders
from ..process.people import Member
from ..process.rounds import DeadlineRejected, Round, RoundAlreadyOpen, default_deadline_date, parse_deadline
from ..process.text import TextRejected, clean_text
from ..scheduler.dispatcher import OutgoingMessage
from ..services import Services
from .context import language_of, names
from .replies import say, send_card, send_text, update_card
from .turn import TurnInfo

log = logging.getLogger(__name__)


async def _may_start(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> bool:
    if not turn.team_id:
        await send_text(ctx, say(lang, "not_in_team"))
        return False
    members = await services.store.planning_group.members(turn.team_id)
    if not planning_group.may_start(turn.user_id, [m.user_id for m in members]):
        await send_text(ctx, say(lang, "only_planning_group", names=names(members)))
        return False
    return True


async def show_setup(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: object = None, *, error: str | None = None) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    latest = await services.store.dialogues.latest_round(turn.team_id)
    now = services.clock.now()
    if latest and latest.is_open(now):
        await send_text(ctx, say(lang, "round_already_open", deadline=latest.deadline_date.isoformat()))
        return
    await send_card(ctx, _setup_card(lang, services, turn, error=error), summary=services.concept.dialogue_name(lang))


def _setup_card(lang: str, services: Services, turn: TurnInfo, *, error: str | None) -> dict:
    now = services.clock.now()
    limits = services.concept.limits
    today = now.astimezone(COPENHAGEN).date()
    return cards.round_setup_card(
        lang, services.concept, default_deadline=default_deadline_date(now, limits), min_date=today,
        max_date=today + timedelta(days=limits.max_deadline_days), contact_default=turn.name, error=error,
    )


async def start_round(ctx: TurnContext, turn: TurnInfo, services: Services, payload: dict) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    now = services.clock.now()
    error = None
    try:
        deadline_at = parse_deadline(payload.get("deadline"), now=now, limits=services.concept.limits)
    except DeadlineRejected as rejected:
        error = say(lang, f"deadline_{rejected.code}", limit=rejected.limit)
    try:
        contact = clean_text(payload.get("contact_name") or turn.name, max_chars=100, single_line=True)
    except TextRejected:
        error = error or say(lang, "contact_required")
    named_mode = payload.get("named_mode") == "named"
    if error:
        card = _setup_card(lang, services, turn, error=error)
        if turn.reply_to_id:
            await update_card(ctx, turn.reply_to_id, card, summary=error)
        else:
            await send_card(ctx, card, summary=error)
        return
    workplace = await services.store.workplaces.get(turn.team_id)
    if workplace is None:
        workplace = await services.store.workplaces.upsert(
            team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url,
            channel_id=turn.conversation_id.split(";")[0], name=turn.team_name, now=now, concept=services.concept.id,
        )
    try:
        round_ = await services.store.dialogues.open_round(
            team_id=turn.team_id, opened_by=turn.user_id, opened_at=now, deadline_at=deadline_at,
            contact_name=contact, named_mode=named_mode, concept=services.concept.id,
        )
    except RoundAlreadyOpen:
        latest = await services.store.dialogues.latest_round(turn.team_id)
        await send_text(ctx, say(lang, "round_already_open", deadline=latest.deadline_date.isoformat() if latest else "?"))
        return
    if planning_group.founder_joins(turn.user_id, [m.user_id for m in await services.store.planning_group.members(turn.team_id)]):
        await services.store.planning_group.add(turn.team_id, turn.user_id, turn.name, added_by=turn.user_id, now=now)
    await send_text(ctx, say(lang, "round_starting"))
    services.spawn(invite_members(services, round_, lang=lang, channel_conversation_id=turn.conversation_id), name=f"invite:{round_.id}")


async def invite_members(services: Services, round_: Round, *, lang: str, channel_conversation_id: str) -> None:
    """Read the roster, open a 1:1 chat with each member, send the card, plan the reminders."""
    workplace = await services.store.workplaces.get(round_.team_id)
    roster: list[Member] = []
    async for page in services.connector.iter_members(workplace.service_url, round_.team_id, page_size=services.settings.roster_page_size):
        page = [m for m in page if m.get("id") and m.get("id") != services.bot_id]
        roster.extend(Member(str(m["id"]), str(m.get("name") or "")) for m in page)
        await services.store.people.upsert_roster(page, tenant_id=workplace.tenant_id, service_url=workplace.service_url, now=services.clock.now())
    await services.store.dialogues.add_invitees(round_.id, roster)
    messages = await _card_messages(services, round_, roster, workplace)

    async def record(result) -> None:
        if result.conversation_id:
            await services.store.people.remember(user_id=result.key, tenant_id=workplace.tenant_id, now=services.clock.now(), conversation_id=result.conversation_id)
        await services.store.dialogues.record_card_delivery(round_.id, result.key, delivery=result.status, activity_id=result.activity_id, reason=result.reason)

    results = await services.dispatcher.deliver(messages, on_result=record)
    await services.store.reminders.add(plan_nomination_reminders(round_, [m.user_id for m in roster], services.window))
    unreached = sum(1 for r in results if r.status != "sent")
    card = cards.round_started_card(
        lang, services.concept, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, invited=len(roster), unreachable=unreached,
    )
    channel = OutgoingMessage(
        key=f"round-started:{round_.id}", tenant_id=workplace.tenant_id, service_url=workplace.service_url,
        conversation_id=channel_conversation_id, activity=cards.message_with_card(card, summary=services.concept.dialogue_name(lang)),
    )
    await services.dispatcher.deliver([channel])


async def _card_messages(services: Services, round_: Round, roster: list[Member], workplace) -> list[OutgoingMessage]:
    """One card per member; where we have no 1:1 chat yet the dispatcher opens it first."""
    people = await services.store.people.get_many(m.user_id for m in roster)
    messages = []
    for member in roster:
        person = people.get(member.user_id)
        lang = person.lang if person and person.lang else services.settings.default_language
        card = cards.nomination_card(
            lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
            named_mode=round_.named_mode, previous=None, values=None, errors=[],
        )
        messages.append(OutgoingMessage(
            key=member.user_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=(person.conversation_id if person else None) or "", member_id=member.user_id, bot_id=services.bot_id,
            activity=cards.message_with_card(card, summary=services.concept.dialogue_name(lang)),
        ))
    return messages

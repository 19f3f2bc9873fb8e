"""Step 3 in Teams: every member gets the nomination card privately; an employee fills it in,
submits and edits it until the deadline."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards import nomination as cards
from ..cards.elements import message_with_card
from ..cards.nomination import NominationEdit, NominationOpen, NominationSubmit
from ..cards.plan import round_started_card
from ..process.dialogue import Role
from ..process.nomination import NominationInvalid, NominationRefused, Round, check_may_nominate, parse_nomination, plan_nomination_reminders
from ..process.people import Member
from ..process.workplace import Workplace
from ..scheduler.dispatcher import DeliveryResult, OutgoingMessage
from ..services import Services
from ..texts import choose_language, t
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say, update_card
from .turn import TurnInfo


async def _round_for(services: Services, turn: TurnInfo, round_id: str | None) -> Round | None:
    """The round a card names, or else the person's newest round."""
    if round_id:
        return await services.store.dialogues.get_round(round_id)
    rounds = await services.store.dialogues.rounds_for_member(turn.user_id)
    return rounds[0] if rounds else None


def _form(services: Services, lang: str, round_: Round, **kwargs) -> dict:  # noqa: ANN003
    return cards.nomination_card(
        lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, **kwargs,
    )


def _receipt(services: Services, lang: str, round_: Round, nomination, *, can_edit: bool) -> dict:  # noqa: ANN001
    return cards.nomination_receipt_card(
        lang, services.concept, round_id=round_.id, nomination=nomination, deadline=round_.deadline_date,
        can_edit=can_edit, named_mode=round_.named_mode,
    )


async def open_card(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationOpen) -> None:
    """``mine temaer`` / ``my themes``: the form, or the receipt if already nominated."""
    lang = await language_of(services, turn)
    round_ = await _round_for(services, turn, payload.round_id)
    if round_ is None or await services.store.dialogues.invitee(round_.id, turn.user_id) is None:
        await say(ctx, lang, "nomination.no_round")
        return
    now = services.clock.now()
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    if previous is None and not round_.is_open(now) and turn.is_personal:
        await say(ctx, lang, "nomination.round_closed", contact=round_.contact_name)
        return

    def card(own: str) -> dict:
        if previous is not None:
            return _receipt(services, own, round_, previous, can_edit=round_.is_open(now))
        return _form(services, own, round_)

    # Reasons are personal: asked in a channel, the card goes to the 1:1 chat.
    await deliver_privately(ctx, turn, services, card, summary=services.concept.dialogue_name, sent_key="nomination.sent_privately")


async def _round_open_to_sender(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_id: str) -> Round | None:
    """The round the card names, if the sender was invited to it and it is still open."""
    round_ = await _round_for(services, turn, round_id)
    try:
        member = await services.store.dialogues.invitee(round_.id, turn.user_id) if round_ else None
        return check_may_nominate(round_, invited=member is not None, now=services.clock.now())
    except NominationRefused as refused:
        await _refuse(ctx, turn, services, lang, round_, refused.code)
        return None


async def submit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationSubmit) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_open_to_sender(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    values = payload.form_values()
    try:
        nomination = parse_nomination(services.concept, values)
    except NominationInvalid as invalid:
        card = _form(services, lang, round_, values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors)
        await replace_card(ctx, turn, card, summary=t(lang, "common.invalid_submission"))
        return
    await services.store.nominations.save(round_.id, turn.user_id, nomination, services.clock.now())
    await replace_card(ctx, turn, _receipt(services, lang, round_, nomination, can_edit=True), summary=services.concept.dialogue_name(lang))


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationEdit) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_open_to_sender(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    await replace_card(ctx, turn, _form(services, lang, round_, previous=previous), summary=services.concept.dialogue_name(lang))


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round | None, code: str) -> None:
    # A closed, foreign or unknown round named by a card: refused, and audited without content.
    await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"nomination:{code}", now=services.clock.now())
    if code == "round_closed" and round_ is not None:
        previous = await services.store.nominations.get(round_.id, turn.user_id)
        if previous is not None and turn.reply_to_id:
            await update_card(ctx, turn.reply_to_id, _receipt(services, lang, round_, previous, can_edit=False), summary=services.concept.dialogue_name(lang))
        await say(ctx, lang, "nomination.round_closed", contact=round_.contact_name)
        return
    await say(ctx, lang, f"nomination.{code}" if code in ("not_invited", "unknown_round") else "nomination.unknown_round")


async def invite(services: Services, round_: Round, *, lang: str, channel_conversation_id: str) -> None:
    """Read the roster, open a 1:1 chat with each member, send the card, plan the reminders,
    and tell the channel the round has started (step 2)."""
    workplace = await services.store.workplaces.get(round_.team_id)
    roster: list[Member] = []
    async for page in services.connector.iter_members(workplace.service_url, round_.team_id, page_size=services.settings.roster_page_size):
        page = [m for m in page if m.get("id") and m.get("id") != services.bot_id]
        roster.extend(Member(str(m["id"]), str(m.get("name") or "")) for m in page)
        await services.store.people.upsert_roster(page, tenant_id=workplace.tenant_id, service_url=workplace.service_url, now=services.clock.now())
    await services.store.dialogues.add_invitees(round_.id, roster)

    async def record(result: DeliveryResult) -> None:
        if result.conversation_id:
            await services.store.people.remember(user_id=result.key, tenant_id=workplace.tenant_id, now=services.clock.now(), conversation_id=result.conversation_id)
        await services.store.dialogues.record_card_delivery(round_.id, result.key, delivery=result.status, activity_id=result.activity_id, reason=result.reason)

    results = await services.dispatcher.deliver(await _card_messages(services, round_, roster, workplace), on_result=record)
    await services.store.reminders.add(plan_nomination_reminders(round_, [m.user_id for m in roster], services.window))
    card = round_started_card(
        lang, services.concept, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, invited=len(roster), unreachable=sum(1 for r in results if r.status != "sent"),
    )
    await services.dispatcher.deliver([OutgoingMessage(
        key=f"round-started:{round_.id}", tenant_id=workplace.tenant_id, service_url=workplace.service_url,
        conversation_id=channel_conversation_id, activity=message_with_card(card, summary=services.concept.dialogue_name(lang)),
    )])


async def _card_messages(services: Services, round_: Round, roster: list[Member], workplace: Workplace) -> list[OutgoingMessage]:
    """One card per member; where we have no 1:1 chat yet the dispatcher opens it first."""
    people = await services.store.people.get_many(m.user_id for m in roster)
    messages = []
    for member in roster:
        person = people.get(member.user_id)
        lang = choose_language(stored=person.lang if person else None, locale=None, default=services.settings.default_language)
        messages.append(OutgoingMessage(
            key=member.user_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=(person.conversation_id if person else None) or "", member_id=member.user_id, bot_id=services.bot_id,
            activity=message_with_card(_form(services, lang, round_), summary=services.concept.dialogue_name(lang)),
        ))
    return messages


DECLARES = (
    Verb(NominationOpen, open_card, who=Role.EMPLOYEE),
    Verb(NominationSubmit, submit, who=Role.EMPLOYEE),
    Verb(NominationEdit, edit, who=Role.EMPLOYEE),
    Command(da=("mine temaer",), en=("my themes",), payload=NominationOpen, who=Role.EMPLOYEE, help="help.cmd.my_themes"),
)

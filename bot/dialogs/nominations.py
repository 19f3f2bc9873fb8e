"""Step 3 in Teams: an employee fills in, submits and edits the nomination card."""
from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext

from .. import cards
from ..process.nomination import FORM_FIELDS, NominationInvalid, NominationRefused, check_may_nominate, parse_nomination
from ..process.rounds import Round
from ..services import Services
from .context import language_of
from .replies import say, send_card, send_text, update_card
from .reports import deliver_privately
from .turn import TurnInfo


async def _round_for(services: Services, turn: TurnInfo, payload: dict[str, Any] | None) -> Round | None:
    """The round a card names, or else the person's newest round."""
    round_id = (payload or {}).get("round_id")
    if isinstance(round_id, str) and round_id:
        return await services.store.dialogues.get_round(round_id[:40])
    rounds = await services.store.dialogues.rounds_for_member(turn.user_id)
    return rounds[0] if rounds else None


def _form(services: Services, lang: str, round_: Round, **kwargs: Any) -> dict:
    return cards.nomination_card(
        lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, **{"previous": None, "values": None, "errors": [], **kwargs},
    )


def _receipt(services: Services, lang: str, round_: Round, nomination, *, can_edit: bool) -> dict:
    return cards.nomination_receipt_card(
        lang, services.concept, round_id=round_.id, nomination=nomination, deadline=round_.deadline_date,
        can_edit=can_edit, named_mode=round_.named_mode,
    )


async def open_card(ctx: TurnContext, turn: TurnInfo, services: Services, payload: dict | None = None) -> None:
    """``mine temaer`` / ``my themes``: the form, or the receipt if already nominated."""
    lang = await language_of(services, turn)
    round_ = await _round_for(services, turn, payload)
    if round_ is None or await services.store.dialogues.invitee(round_.id, turn.user_id) is None:
        await send_text(ctx, say(lang, "no_round"))
        return
    if not turn.is_personal:
        # Reasons are personal: the card only ever goes to the 1:1 chat.
        await _send_privately(ctx, turn, services, lang, round_)
        return
    now = services.clock.now()
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    if previous is not None:
        await send_card(ctx, _receipt(services, lang, round_, previous, can_edit=round_.is_open(now)), summary=services.concept.dialogue_name(lang))
    elif round_.is_open(now):
        await send_card(ctx, _form(services, lang, round_), summary=services.concept.dialogue_name(lang))
    else:
        await send_text(ctx, say(lang, "round_closed", contact=round_.contact_name))


async def _send_privately(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round) -> None:
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    now = services.clock.now()
    card = _receipt(services, lang, round_, previous, can_edit=round_.is_open(now)) if previous else _form(services, lang, round_)
    await deliver_privately(ctx, turn, services, lang, card, summary=services.concept.dialogue_name(lang))


async def _round_open_to_sender(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, payload: dict[str, Any]) -> Round | None:
    """The round the card names, if the sender was invited to it and it is still open."""
    round_ = await _round_for(services, turn, payload)
    try:
        member = await services.store.dialogues.invitee(round_.id, turn.user_id) if round_ else None
        return check_may_nominate(round_, invited=member is not None, now=services.clock.now())
    except NominationRefused as refused:
        await _refuse(ctx, turn, services, lang, round_, refused.code)
        return None


async def submit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: dict[str, Any]) -> None:
    lang = await language_of(services, turn)
    now = services.clock.now()
    round_ = await _round_open_to_sender(ctx, turn, services, lang, payload)
    if round_ is None:
        return
    values = {k: payload.get(k) for k in FORM_FIELDS}
    try:
        nomination = parse_nomination(services.concept, values)
    except NominationInvalid as invalid:
        card = _form(services, lang, round_, values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors)
        await _show(ctx, turn, card, summary=say(lang, "invalid_submission"))
        return
    await services.store.nominations.save(round_.id, turn.user_id, nomination, now)
    await _show(ctx, turn, _receipt(services, lang, round_, nomination, can_edit=True), summary=services.concept.dialogue_name(lang))


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: dict[str, Any]) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_open_to_sender(ctx, turn, services, lang, payload)
    if round_ is None:
        return
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    await _show(ctx, turn, _form(services, lang, round_, previous=previous), summary=services.concept.dialogue_name(lang))


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round | None, code: str) -> None:
    # A closed, foreign or unknown round named by a card: refused, and audited without content.
    await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"nomination:{code}", now=services.clock.now())
    if code == "round_closed" and round_ is not None:
        previous = await services.store.nominations.get(round_.id, turn.user_id)
        if previous is not None and turn.reply_to_id:
            await update_card(ctx, turn.reply_to_id, _receipt(services, lang, round_, previous, can_edit=False), summary=services.concept.dialogue_name(lang))
        await send_text(ctx, say(lang, "round_closed", contact=round_.contact_name))
        return
    await send_text(ctx, say(lang, code if code in ("not_invited", "unknown_round") else "unknown_round"))


async def _show(ctx: TurnContext, turn: TurnInfo, card: dict, *, summary: str) -> None:
    """Replace the card the person pressed, so the chat keeps one current card, not a trail."""
    if turn.reply_to_id:
        await update_card(ctx, turn.reply_to_id, card, summary=summary)
    else:
        await send_card(ctx, card, summary=summary)

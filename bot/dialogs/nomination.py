"""Step 3 in Teams: every member gets the nomination card privately; an employee fills it in,
submits and edits it until the deadline."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards import nomination as cards
from ..cards.nomination import NominationEdit, NominationOpen, NominationSubmit
from ..process.dialogue import Role
from ..process.nomination import (
    NominationInvalid,
    NominationRefused,
    Round,
    check_may_nominate,
    is_unchanged,
    parse_nomination,
    plan_nomination_reminders,
)
from ..process.invitees import plan_invitations, plan_round_started
from ..process.paper_form import may_enter_paper_forms
from ..process.deadline import plan_closing
from ..scheduler.runner import sweep_soon
from ..process.people import Member
from ..process.workplace import Workplace
from ..services import Services
from ..texts import t
from .context import turn_work
from ..teams.turns import mark_durable
from .language import language_of
from .paper_form import may_enter_paper, person_name, workplace_name
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
    """The nomination form; pass ``workplace_name`` so it says whose dialogue it is."""
    return cards.nomination_card(
        lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, **kwargs,
    )


def _receipt(services: Services, lang: str, round_: Round, nomination, *, can_edit: bool, **kwargs) -> dict:  # noqa: ANN001, ANN003
    return cards.nomination_receipt_card(
        lang, services.concept, round_id=round_.id, nomination=nomination, deadline=round_.deadline_date,
        can_edit=can_edit, named_mode=round_.named_mode, **kwargs,
    )


async def _own_view(services: Services, round_: Round, user_id: str) -> dict:
    """What the person's own form or receipt shows besides their answer: whose dialogue, whether
    it was typed in from their paper form (and by whom), and the contact person's button."""
    entered_by = await services.store.nominations.entered_by(round_.id, user_id)
    return {
        "workplace_name": await workplace_name(services, round_),
        "entered_by_name": await person_name(services, round_, entered_by) if entered_by else None,
        "paper_forms": await may_enter_paper(services, round_, user_id),
    }


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
    view = await _own_view(services, round_, turn.user_id)

    def card(own: str) -> dict:
        if previous is not None:
            return _receipt(services, own, round_, previous, can_edit=round_.is_open(now), saved="shown", **view)
        return _form(services, own, round_, workplace_name=view["workplace_name"], paper_forms=view["paper_forms"])

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
    """Store the person's nomination and replace the card with the receipt.

    Everyone submits around the same time, so this turn's reads and its save share the turn's
    transaction with the activity's claim and the sender (bot/storage/turn_work.py); it is
    finished (claimed and committed) before anything is sent."""
    work = turn_work(ctx, services)
    lang = await language_of(services, turn)
    now = services.clock.now()
    round_ = await work.round(payload.round_id)
    try:
        invited = round_ is not None and await work.invitee(round_.id, turn.user_id) is not None
        round_ = check_may_nominate(round_, invited=invited, now=now)
    except NominationRefused as refused:
        await work.finish()
        await _refuse(ctx, turn, services, lang, round_, refused.code)
        return
    values = payload.form_values()
    workplace = await work.workplace(round_.team_id)
    name = workplace.name if workplace else ""
    try:
        nomination = parse_nomination(services.concept, values)
    except NominationInvalid as invalid:
        await work.finish()
        card = _form(services, lang, round_, values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors,
                     workplace_name=name)
        await replace_card(ctx, turn, card, summary=t(lang, "common.invalid_submission"), lang=lang)
        return
    previous = await work.nomination(round_.id, turn.user_id)
    # The person's own answer replaces a paper form typed in for them (entered_by clears).
    await work.save_nomination(round_.id, turn.user_id, nomination, now)
    group = [] if turn.user_id == round_.contact_user_id else await work.planning_group(round_.team_id)
    await work.finish()
    mark_durable()  # stored and claimed: Teams may have its answer while the receipt waits for the tenant's rate
    saved = "received" if previous is None else "saved" if is_unchanged(previous, nomination) else "changed"
    view = {"workplace_name": name, "entered_by_name": None, "paper_forms": may_enter_paper_forms(round_, turn.user_id, [m.user_id for m in group])}
    await replace_card(ctx, turn, _receipt(services, lang, round_, nomination, can_edit=True, saved=saved, **view),
                       summary=services.concept.dialogue_name(lang), lang=lang)


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationEdit) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_open_to_sender(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    previous = await services.store.nominations.get(round_.id, turn.user_id)
    card = _form(services, lang, round_, previous=previous, workplace_name=await workplace_name(services, round_))
    await replace_card(ctx, turn, card, summary=services.concept.dialogue_name(lang), lang=lang)


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round | None, code: str) -> None:
    # A closed, foreign or unknown round named by a card: refused, and audited without content.
    await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"nomination:{code}", now=services.clock.now())
    if code == "round_closed" and round_ is not None:
        previous = await services.store.nominations.get(round_.id, turn.user_id)
        if previous is not None and turn.reply_to_id:
            view = {**await _own_view(services, round_, turn.user_id), "paper_forms": False}
            await update_card(ctx, turn.reply_to_id, _receipt(services, lang, round_, previous, can_edit=False, saved="shown", **view),
                              summary=services.concept.dialogue_name(lang), lang=lang)
        await say(ctx, lang, "nomination.round_closed", contact=round_.contact_name)
        return
    await say(ctx, lang, f"nomination.{code}" if code in ("not_invited", "unknown_round") else "nomination.unknown_round")


async def invite(services: Services, round_: Round, invitees: list[Member] | None = None, *, lang: str,
                 channel_conversation_id: str | None = None) -> None:
    """Invite ``invitees`` (None: the whole roster, read now) to nominate: each gets the card in a
    1:1 chat, the reminders and the round's closing are planned, and, given a
    ``channel_conversation_id``, the channel gets the "round started" card (step 2).

    Everything is a row in the queue (keys: one invitation per person and round, one started
    card and one closing per round), so calling this twice, or for one more person later, adds
    only what is new, and a bot that stops half-way finishes after a restart without sending
    anyone two cards. Rows go out in working hours; this sends what is due right away. The
    queued cards read their language at send time (the person's choice, the team's language for
    the channel), so ``lang`` is only the language the caller spoke."""
    del lang  # see the docstring: each queued card is built in its reader's language when sent
    workplace = await services.store.workplaces.get(round_.team_id)
    if invitees is None:
        invitees = await _read_roster(services, workplace)
    await services.store.dialogues.add_invitees(round_.id, invitees)
    now = services.clock.now()
    people = [m.user_id for m in invitees]
    plans = plan_invitations(round_, people, now)
    # Reminders from now on: someone invited later gets none on the day their card comes.
    plans += plan_nomination_reminders(round_, people, services.window, since=now)
    plans.append(plan_closing(round_))
    if channel_conversation_id:
        plans.append(plan_round_started(round_, channel_conversation_id, now))
    await services.store.reminders.add(plans)
    await sweep_soon(services)


async def _read_roster(services: Services, workplace: Workplace) -> list[Member]:
    """The team's members (the bot left out), remembered as people on the way."""
    roster: list[Member] = []
    async for page in services.connector.iter_members(workplace.service_url, workplace.team_id, page_size=services.settings.roster_page_size):
        page = [m for m in page if m.get("id") and m.get("id") != services.bot_id]
        roster.extend(Member(str(m["id"]), str(m.get("name") or "")) for m in page)
        await services.store.people.upsert_roster(page, tenant_id=workplace.tenant_id, service_url=workplace.service_url, now=services.clock.now())
    return roster


DECLARES = (
    Verb(NominationOpen, open_card, who=Role.EMPLOYEE),
    Verb(NominationSubmit, submit, who=Role.EMPLOYEE),
    Verb(NominationEdit, edit, who=Role.EMPLOYEE),
    Command(da=("mine temaer",), en=("my themes",), payload=NominationOpen, who=Role.EMPLOYEE, help="help.cmd.my_themes", step="nominations"),
)

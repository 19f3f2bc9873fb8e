"""Step 3, Bilag 2 in Teams: the contact person types in a colleague's paper form.

``papirskema`` / ``paper form`` (or the button on the contact person's own receipt) brings a
card to choose the colleague; then the same form as everyone's, saved with ``entered_by`` =
the sender and audited. Every press is checked again here, whatever the card said: the sender
is the round's contact person (or, a local choice, in its planning group), the round is open,
the colleague was invited and has not answered themselves (``process.nomination``).
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.nomination import NominationPaperChoose, NominationPaperOpen, NominationPaperSubmit, nomination_card
from ..cards.paper_form import paper_chooser_card, paper_receipt_card
from ..process.dialogue import Role
from ..process.nomination import Invitee, NominationInvalid, Round, parse_nomination
from ..process.paper_form import (
    PaperFormRefused,
    check_may_enter_paper_form,
    check_paper_colleague,
    may_enter_paper_forms,
    paper_form_candidates,
)
from ..services import Services
from ..texts import t
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo

AUDIT_ACTION = "nomination.paper_entered"


async def workplace_name(services: Services, round_: Round) -> str:
    """The team's name, so a card says whose dialogue it belongs to."""
    workplace = await services.store.workplaces.get(round_.team_id)
    return workplace.name if workplace else ""


async def person_name(services: Services, round_: Round, user_id: str) -> str:
    """A name to show for ``user_id``: as invited to the round, else as last seen, else the contact name."""
    invitee = await services.store.dialogues.invitee(round_.id, user_id)
    if invitee and invitee.name:
        return invitee.name
    person = await services.store.people.get(user_id)
    return person.name if person and person.name else round_.contact_name


async def may_enter_paper(services: Services, round_: Round, user_id: str) -> bool:
    """May ``user_id`` enter paper forms in ``round_`` (its buttons are shown only to them)."""
    if user_id == round_.contact_user_id:
        return True
    members = await services.store.planning_group.members(round_.team_id)
    return may_enter_paper_forms(round_, user_id, [m.user_id for m in members])


async def _typed_round(services: Services, turn: TurnInfo) -> Round | None:
    """The round a typed ``papirskema`` means: in a channel, the team's newest; privately, the
    newest open round the sender is contact person or planning group for (else the newest such,
    else their own newest round, so the refusal can name who may)."""
    if turn.team_id:
        return await services.store.dialogues.latest_round(turn.team_id)
    own = await services.store.dialogues.rounds_for_member(turn.user_id)
    rounds = [await services.store.dialogues.latest_round(team) for team in await services.store.planning_group.teams_of(turn.user_id)]
    rounds += [r for r in own if r.contact_user_id == turn.user_id]
    known = sorted({r.id: r for r in rounds if r is not None}.values(), key=lambda r: r.opened_at, reverse=True)
    now = services.clock.now()
    return next((r for r in known if r.is_open(now)), known[0] if known else own[0] if own else None)


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round | None, code: str,
                  name: str = "") -> None:
    if turn.value is not None:  # a card pressed: stale or forged; audited with fixed words only
        await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"paper:{code}", now=services.clock.now())
    await say(ctx, lang, f"paper.refused.{code}", contact=round_.contact_name if round_ else "–", name=name)


async def _paper_round(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_id: str | None) -> Round | None:
    round_ = await services.store.dialogues.get_round(round_id) if round_id else await _typed_round(services, turn)
    group = [m.user_id for m in await services.store.planning_group.members(round_.team_id)] if round_ else []
    try:
        return check_may_enter_paper_form(round_, sender=turn.user_id, planning_group=group, now=services.clock.now())
    except PaperFormRefused as refused:
        await _refuse(ctx, turn, services, lang, round_, refused.code)
        return None


async def _colleague(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_: Round, user_id: str) -> Invitee | None:
    invitee = await services.store.dialogues.invitee(round_.id, user_id)
    answered = await services.store.nominations.get(round_.id, user_id) is not None
    entered_by = await services.store.nominations.entered_by(round_.id, user_id)
    try:
        return check_paper_colleague(invitee, sender=turn.user_id, answered=answered, entered_by=entered_by)
    except PaperFormRefused as refused:
        await _refuse(ctx, turn, services, lang, round_, refused.code, name=invitee.name if invitee else "")
        return None


async def _show(ctx: TurnContext, turn: TurnInfo, services: Services, card: dict, lang: str) -> None:
    """Replace the card pressed in the 1:1 chat; anywhere else the card (names, reasons) goes privately."""
    if turn.is_personal:
        await replace_card(ctx, turn, card, summary=t(lang, "paper.summary"), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, lambda _own: card, summary="paper.summary", sent_key="paper.sent_privately")


async def paper_open(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationPaperOpen) -> None:
    """``papirskema`` / ``paper form``: choose the colleague whose paper form to enter."""
    lang = await language_of(services, turn)
    round_ = await _paper_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    entries = await services.store.nominations.entries(round_.id)
    candidates = paper_form_candidates(await services.store.dialogues.invitees(round_.id), entries, sender=turn.user_id)
    if not candidates:
        await say(ctx, lang, "paper.none_left")
        return
    name = await workplace_name(services, round_)
    entered = {user for user, by in entries.items() if by is not None}
    # A new card, never in place: the receipt of the form just saved stays readable above it.
    await deliver_privately(
        ctx, turn, services,
        lambda own: paper_chooser_card(own, services.concept, round_id=round_.id, workplace_name=name, candidates=candidates, entered=entered),
        summary="paper.summary", sent_key="paper.sent_privately",
    )


async def paper_choose(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationPaperChoose) -> None:
    """The colleague chosen: their form, filled in with the paper form entered before, if any."""
    lang = await language_of(services, turn)
    round_ = await _paper_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    if payload.colleague is None:
        await say(ctx, lang, "paper.choose.required")
        return
    colleague = await _colleague(ctx, turn, services, lang, round_, payload.colleague)
    if colleague is None:
        return
    previous = await services.store.nominations.get(round_.id, colleague.user_id)
    card = nomination_card(
        lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
        named_mode=round_.named_mode, workplace_name=await workplace_name(services, round_), previous=previous, paper_for=colleague,
    )
    await _show(ctx, turn, services, card, lang)


async def paper_submit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationPaperSubmit) -> None:
    """Save the paper form for the colleague, marked as entered by the sender, and audit it."""
    lang = await language_of(services, turn)
    round_ = await _paper_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    colleague = await _colleague(ctx, turn, services, lang, round_, payload.colleague)
    if colleague is None:
        return
    name = await workplace_name(services, round_)
    values = payload.form_values()
    try:
        nomination = parse_nomination(services.concept, values)
    except NominationInvalid as invalid:
        card = nomination_card(
            lang, services.concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
            named_mode=round_.named_mode, workplace_name=name, paper_for=colleague,
            values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors,
        )
        await _show(ctx, turn, services, card, lang)
        return
    previous = await services.store.nominations.get(round_.id, colleague.user_id)
    now = services.clock.now()
    if await services.store.nominations.save(round_.id, colleague.user_id, nomination, now, entered_by=turn.user_id, keep_own=True):
        await services.store.audit.record(actor=turn.user_id, action=AUDIT_ACTION, subject=f"{round_.id}|{colleague.user_id}", now=now)
    elif await services.store.nominations.entered_by(round_.id, colleague.user_id) is None:
        # The colleague answered themselves between the choice and the save: their answer stands.
        await _refuse(ctx, turn, services, lang, round_, "answered_themselves", name=colleague.name)
        return
    card = paper_receipt_card(
        lang, services.concept, round_id=round_.id, workplace_name=name, colleague=colleague, nomination=nomination,
        deadline=round_.deadline_date, changed=previous is not None and previous != nomination,
    )
    await _show(ctx, turn, services, card, lang)


DECLARES = (
    Verb(NominationPaperOpen, paper_open, who=Role.CONTACT_PERSON),
    Verb(NominationPaperChoose, paper_choose, who=Role.CONTACT_PERSON),
    Verb(NominationPaperSubmit, paper_submit, who=Role.CONTACT_PERSON),
    # Help lists it for the planning group, where the guide places the contact person.
    Command(da=("papirskema",), en=("paper form",), payload=NominationPaperOpen, who=Role.PLANNING_GROUP, help="help.cmd.paper_form", step="nominations"),
)

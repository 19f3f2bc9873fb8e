"""Steps 1-2 in Teams: the planning group sets up a nomination round in the team's channel.

The set-up card chooses the deadline, the channel's language, the contact person (a member of
the team), whether names follow the reasons, and who is invited. Starting it opens the round in
the workplace's dialogue, makes the first starter the planning group's first member, turns the
set-up card into the round-started card (so it cannot start anything again), and hands the
invitations to the nomination step (``nomination.invite``).
"""
from __future__ import annotations

from datetime import date, timedelta

from botbuilder.core import TurnContext
from botbuilder.schema import ErrorResponseException

from ..cards import plan as cards
from ..cards.plan import MAX_CONTACT_CHOICES, NAMED_MODE_ANONYMOUS, NAMED_MODE_NAMED, RoundSetup, RoundSetupPage, RoundStart, SetupForm
from ..process import planning_group
from ..process.clock import COPENHAGEN
from ..process.dialogue import Role
from ..process.invitees import ListRejected, by_name, choose_contact, invited_at_start, keys_by_user, left_out_after_page, member_keys, split_keys
from ..process.nomination import Round, RoundAlreadyOpen
from ..process.people import Member
from ..process.plan import DeadlineRejected, default_deadline_date, parse_deadline
from ..services import Services
from ..teams.connector import ConnectorError
from ..texts import format_date, t
from . import nomination
from .context import names
from .invitation import concept_of
from .invitees import read_roster
from .language import language_of
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


async def _uses_nominations(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> bool:
    """A concept without a nomination round (DTU's file) points to choosing the themes directly."""
    concept = await concept_of(services, turn.team_id)
    if concept.uses_nominations:
        return True
    await say(ctx, lang, "plan.no_nominations", dialogue=concept.dialogue_name(lang), planning_group=concept.roles.planning_group(lang))
    return False


async def _roster(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> list[Member] | None:
    """The team's members, read from Teams now (never from the card), or None after saying why not."""
    try:
        return by_name(await read_roster(services, team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url))
    except ConnectorError:
        await say(ctx, lang, "plan.roster_failed")
        return None


async def show_setup(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: RoundSetup) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    if not await _uses_nominations(ctx, turn, services, lang):
        return
    latest = await services.store.dialogues.latest_round(turn.team_id)
    if latest and latest.is_open(services.clock.now()):
        await say(ctx, lang, "plan.round_already_open", deadline=format_date(lang, latest.deadline_date))
        return
    roster = await _roster(ctx, turn, services, lang)
    if roster is None:
        return
    workplace = await services.store.workplaces.get(turn.team_id)
    form = SetupForm(
        deadline=default_deadline_date(services.clock.now(), services.concept.limits),
        channel_lang=(workplace.lang if workplace and workplace.lang else None) or services.settings.default_language,
        contact=keys_by_user(member_keys(roster)).get(turn.user_id),
    )
    await send_card(ctx, await _setup_card(lang, services, turn, roster, form), summary=services.concept.dialogue_name(lang), lang=lang)


async def _setup_card(lang: str, services: Services, turn: TurnInfo, roster: list[Member], form: SetupForm, *,
                      error: str | None = None) -> dict:
    members = member_keys(roster)  # in the roster's order: by name
    contacts = members
    if len(members) > MAX_CONTACT_CHOICES:
        group = {m.user_id for m in await services.store.planning_group.members(turn.team_id)} | {turn.user_id}
        contacts = {k: m for k, m in members.items() if m.user_id in group}
    today = services.clock.now().astimezone(COPENHAGEN).date()
    return cards.round_setup_card(lang, services.concept, form=form, members=members, contact_choices=contacts,
                                  min_date=today, max_date=_max_date(services), error=error)


def _max_date(services: Services) -> date:
    return services.clock.now().astimezone(COPENHAGEN).date() + timedelta(days=services.concept.limits.max_deadline_days)


def _form(services: Services, workplace_lang: str | None, payload: RoundStart, *, page: int) -> SetupForm:
    """What the card held when it was pressed, to show again (a page turn, an error)."""
    try:
        deadline = date.fromisoformat((payload.deadline or "").strip()[:10])
    except ValueError:
        deadline = default_deadline_date(services.clock.now(), services.concept.limits)
    left_out = left_out_after_page(split_keys(payload.left_out), shown=split_keys(payload.shown), selected=split_keys(payload.invitees))
    return SetupForm(
        deadline=deadline, channel_lang=payload.channel_lang or workplace_lang or services.settings.default_language,
        contact=payload.contact, named_mode=payload.named_mode or NAMED_MODE_ANONYMOUS, left_out=left_out, page=page,
    )


async def turn_page(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RoundSetupPage) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    latest = await services.store.dialogues.latest_round(turn.team_id)
    if latest and latest.is_open(services.clock.now()):  # an old set-up card: it shows the running round
        await _already_started(ctx, turn, services, latest)
        return
    roster = await _roster(ctx, turn, services, lang)
    if roster is None:
        return
    workplace = await services.store.workplaces.get(turn.team_id)
    form = _form(services, workplace.lang if workplace else None, payload, page=payload.to_page)
    await replace_card(ctx, turn, await _setup_card(lang, services, turn, roster, form), summary=services.concept.dialogue_name(lang), lang=lang)


async def start_round(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RoundStart) -> None:
    lang = await language_of(services, turn)
    if not await _may_start(ctx, turn, services, lang):
        return
    if not await _uses_nominations(ctx, turn, services, lang):
        return
    now = services.clock.now()
    latest = await services.store.dialogues.latest_round(turn.team_id)
    if latest and latest.is_open(now):
        await _already_started(ctx, turn, services, latest)
        return
    roster = await _roster(ctx, turn, services, lang)
    if roster is None:
        return
    workplace = await services.store.workplaces.get(turn.team_id)
    form = _form(services, workplace.lang if workplace else None, payload, page=payload.page or 0)
    error = None
    try:
        deadline_at = parse_deadline(payload.deadline, now=now, limits=services.concept.limits)
    except DeadlineRejected as rejected:
        error = rejected.code
    try:
        # The person setting up is the default, and is acting in the team's own channel.
        contact = choose_contact(payload.contact, roster, default=Member(turn.user_id, turn.name))
        invitees = invited_at_start(roster, form.left_out)
    except ListRejected as rejected:
        error = error or rejected.code
    if error:
        summary = cards.setup_error_text(lang, error, max_date=_max_date(services))
        await replace_card(ctx, turn, await _setup_card(lang, services, turn, roster, form, error=error), summary=summary, lang=lang)
        return
    if workplace is None:
        await services.store.workplaces.upsert(
            team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url,
            channel_id=turn.conversation_id.split(";")[0], name=turn.team_name, now=now, concept=services.concept.id,
        )
    await services.store.workplaces.set_language(turn.team_id, form.channel_lang)
    try:
        round_ = await services.store.dialogues.open_round(
            team_id=turn.team_id, opened_by=turn.user_id, opened_at=now, deadline_at=deadline_at, contact_name=contact.name,
            contact_user_id=contact.user_id, named_mode=payload.named_mode == NAMED_MODE_NAMED, concept=services.concept.id,
        )
    except RoundAlreadyOpen:  # another click won the race
        await _already_started(ctx, turn, services, await services.store.dialogues.latest_round(turn.team_id))
        return
    if planning_group.founder_joins(turn.user_id, [m.user_id for m in await services.store.planning_group.members(turn.team_id)]):
        await services.store.planning_group.add(turn.team_id, turn.user_id, turn.name, added_by=turn.user_id, now=now)
    # The invitation list is stored before the answer, so the card's count is the list's.
    await services.store.dialogues.add_invitees(round_.id, invitees)
    lang = form.channel_lang  # from here on the channel speaks the language just chosen
    services.spawn(nomination.invite(services, round_, invitees, lang=lang, channel_conversation_id=None), name=f"invite:{round_.id}")
    await _in_place(ctx, turn, _started_card(lang, services, round_, invited=len(invitees)),
                    summary=t(lang, "started.title.deadline", deadline=format_date(lang, round_.deadline_date)), lang=lang)


async def _in_place(ctx: TurnContext, turn: TurnInfo, card: dict, *, summary: str, lang: str) -> None:
    """Turn the pressed set-up card into its result; if Teams no longer has that card (deleted,
    or it answers 404 for another reason), post the result instead, so the channel still sees it."""
    try:
        await replace_card(ctx, turn, card, summary=summary, lang=lang)
    except ErrorResponseException:
        await send_card(ctx, card, summary=summary, lang=lang)


def _started_card(lang: str, services: Services, round_: Round, *, invited: int, sending: bool = True) -> dict:
    return cards.round_started_card(
        lang, services.concept, deadline=round_.deadline_date, contact_name=round_.contact_name, named_mode=round_.named_mode,
        invited=invited, unreachable=0, round_id=round_.id, sending=sending,
    )


async def _already_started(ctx: TurnContext, turn: TurnInfo, services: Services, round_: Round | None) -> None:
    """An old set-up card pressed while a round runs: it turns into that round's card, never a second round."""
    lang = await language_of(services, turn)
    if round_ is None:
        await say(ctx, lang, "nomination.no_round")
        return
    if turn.reply_to_id:
        invited = len(await services.store.dialogues.invitees(round_.id))
        await _in_place(ctx, turn, _started_card(lang, services, round_, invited=invited, sending=False),
                        summary=t(lang, "started.title.deadline", deadline=format_date(lang, round_.deadline_date)), lang=lang)
    await say(ctx, lang, "plan.already_started", deadline=format_date(lang, round_.deadline_date))


DECLARES = (
    Verb(RoundSetup, show_setup, who=Role.PLANNING_GROUP),
    Verb(RoundSetupPage, turn_page, who=Role.PLANNING_GROUP),
    Verb(RoundStart, start_round, who=Role.PLANNING_GROUP),
    Command(da=("start",), en=("start",), payload=RoundSetup, who=Role.PLANNING_GROUP, help="help.cmd.start", team_only=True, step="nominations"),
)

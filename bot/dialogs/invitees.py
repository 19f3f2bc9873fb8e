"""The invitation list in Teams: the team's roster read for the set-up card, and the list the
planning group changes while the round is open (``inviterede`` / ``invited``, or the button on
the round-started and status cards). Sent privately: it shows who has answered.

Every change is checked on the server against the roster just read and the stored planning
group, never against what the card says; the same save twice changes nothing the second time.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.invitees import InviteesSave, InviteesShow, Listed, Saved, invitees_card
from ..process import planning_group
from ..process.dialogue import Role
from ..process.invitees import change_list, keys_by_user, listed, member_keys, page_count, page_of, split_keys
from ..process.nomination import Round
from ..process.people import Member
from ..services import Services
from ..texts import t
from . import nomination
from .context import refuse_non_member
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .tally import reported_round
from .turn import TurnInfo, clean_id, display_name


async def read_roster(services: Services, *, team_id: str, tenant_id: str, service_url: str) -> list[Member]:
    """The team's members as Teams lists them now (the bot itself left out), remembered as people
    so their cards can go out; page by page, as Teams pages it."""
    members: list[Member] = []
    async for page in services.connector.iter_members(service_url, team_id, page_size=services.settings.roster_page_size):
        page = [m for m in page if clean_id(m.get("id")) and m.get("id") != services.bot_id]
        members.extend(Member(m["id"], display_name(m.get("name"))) for m in page)
        await services.store.people.upsert_roster(page, tenant_id=tenant_id, service_url=service_url, now=services.clock.now())
    return members


async def _managed_round(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_id: str | None) -> Round | None:
    """The round whose list the sender may see and change (they are in its team's planning
    group), or None after saying why."""
    if round_id is None:
        return await reported_round(ctx, turn, services, lang)
    round_ = await services.store.dialogues.get_round(round_id)
    if round_ is None:
        await say(ctx, lang, "nomination.no_round")
        return None
    members = await services.store.planning_group.members(round_.team_id)
    if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
        await refuse_non_member(ctx, lang, members)
        return None
    return round_


async def _list_card(services: Services, round_: Round, *, page: int, saved: Saved | None = None):  # noqa: ANN202
    """The card for one page of the list, as a function of the reader's language."""
    workplace = await services.store.workplaces.get(round_.team_id)
    roster = await read_roster(services, team_id=round_.team_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url)
    invited = await services.store.dialogues.invitees(round_.id)
    answered = await services.store.nominations.respondents(round_.id)
    invited_ids = {i.user_id for i in invited}
    people = listed([Member(i.user_id, i.name) for i in invited], roster)
    keys = keys_by_user(member_keys(people))
    pages = page_count(len(people))
    page = min(max(page, 0), pages - 1)
    shown = [Listed(keys[m.user_id], m.name, m.user_id in invited_ids, m.user_id in answered) for m in page_of(people, page)]
    is_open = round_.is_open(services.clock.now())

    def build(lang: str) -> dict:
        return invitees_card(
            lang, round_id=round_.id, deadline=round_.deadline_date, is_open=is_open, listed=shown, page=page, pages=pages,
            total=len(people), invited=len(invited), answered=len(answered & invited_ids), saved=saved,
        )
    return build


async def show_invitees(ctx: TurnContext, turn: TurnInfo, services: Services, payload: InviteesShow) -> None:
    lang = await language_of(services, turn)
    round_ = await _managed_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    build = await _list_card(services, round_, page=payload.page or 0)
    await deliver_privately(ctx, turn, services, build, summary="invitees.summary", sent_key="invitees.sent_privately")


async def save_invitees(ctx: TurnContext, turn: TurnInfo, services: Services, payload: InviteesSave) -> None:
    """Apply one page's ticks: add members ticked, leave out those unticked unless they have answered."""
    lang = await language_of(services, turn)
    round_ = await _managed_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    next_page = payload.page if payload.to_page is None else payload.to_page
    if not round_.is_open(services.clock.now()):
        build = await _list_card(services, round_, page=next_page)
        await replace_card(ctx, turn, build(lang), summary=t(lang, "invitees.summary"), lang=lang)
        return
    workplace = await services.store.workplaces.get(round_.team_id)
    roster = await read_roster(services, team_id=round_.team_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url)
    invited = [Member(i.user_id, i.name) for i in await services.store.dialogues.invitees(round_.id)]
    answered = await services.store.nominations.respondents(round_.id)
    change = change_list(invited=invited, roster=roster, shown=split_keys(payload.shown), selected=split_keys(payload.invited),
                         answered=answered)
    now = services.clock.now()
    removed = await services.store.dialogues.remove_invitees(round_.id, [m.user_id for m in change.removed])
    if removed:
        # Their reminders go with them; if they are added back, invite plans them again.
        await services.store.reminders.forget_pending(round_.id, removed)
    kept = [*change.kept, *(m for m in change.removed if m.user_id not in removed)]  # answered meanwhile
    if change.added:
        await services.store.dialogues.add_invitees(round_.id, change.added)
        services.spawn(nomination.invite(services, round_, list(change.added), lang=lang, channel_conversation_id=None),
                       name=f"invite-added:{round_.id}")
    for action, ids in (("invitees.add", [m.user_id for m in change.added]), ("invitees.remove", sorted(removed))):
        for user_id in ids:
            await services.store.audit.record(actor=turn.user_id, action=action, subject=f"{round_.id}|{user_id}", now=now)
    saved = Saved(added=len(change.added), removed=len(removed), kept=tuple(m.name or m.user_id for m in kept))
    build = await _list_card(services, round_, page=next_page, saved=saved)
    await replace_card(ctx, turn, build(lang), summary=t(lang, "invitees.summary"), lang=lang)


DECLARES = (
    Verb(InviteesShow, show_invitees, who=Role.PLANNING_GROUP),
    Verb(InviteesSave, save_invitees, who=Role.PLANNING_GROUP),
    Command(da=("inviterede",), en=("invited",), payload=InviteesShow, who=Role.PLANNING_GROUP, help="help.cmd.invitees"),
)

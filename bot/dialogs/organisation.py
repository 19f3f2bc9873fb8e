"""Setting up the organisation in Teams (steps 13-14): administrators, committees, links, and the
send to the committee (rules: process/organisation.py).

Every press is re-checked here: the sender's right from the authenticated activity (an
administrator in the table, by Teams id or AAD object id), the team from the activity (a team
registers *itself*), the workplaces and committees a link card names against the stored ones.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.organisation import (
    AdminManage, CommitteeRegister, CommitteeShow, LinkSave, LinkShow, committee_card, committee_saved_card, kind_text, link_card,
)
from ..process.concept import Kind
from ..process.development_plan import DevelopmentPlan
from ..process.dialogue import Role
from ..process.organisation import (
    KIND_COMMITTEE, KINDS, SENT_TO_COMMITTEE_KIND, Submission, SubmittedTheme, clean_name, next_submission, sent_key,
)
from ..process.reminders import ReminderPlan
from ..services import Services
from ..texts import t
from .language import language_of
from .registry import Command, Verb
from .replies import replace_card, say, send_card
from .turn import TurnInfo

ACTIONS = {"tilføj": "add", "tilfoej": "add", "add": "add", "fjern": "remove", "remove": "remove"}
AUDIT_ADMIN = "organisation.admin"
AUDIT_COMMITTEE = "organisation.committee"
AUDIT_LINK = "organisation.link"
AUDIT_SENT = "organisation.sent_to_committee"


async def is_admin(services: Services, turn: TurnInfo) -> bool:
    """The sender is an administrator (the setting seeds the first ones at start-up, and here too,
    so a bot whose table is still empty can be set up)."""
    org = services.store.organisation
    await org.seed_administrators(services.settings.administrator_ids, now=services.clock.now())
    return await org.is_administrator(turn.user_id) or bool(turn.aad_object_id and await org.is_administrator(turn.aad_object_id))


async def _admin_names(services: Services) -> str:
    ids = await services.store.organisation.administrators()
    people = await services.store.people.get_many(ids)
    return ", ".join((people[i].name if i in people and people[i].name else i) for i in ids) or "–"


async def _refuse(ctx: TurnContext, services: Services, lang: str, turn: TurnInfo) -> None:
    if turn.value is not None:  # a card pressed by someone without the right: stale or forged
        await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="organisation:not_admin",
                                          now=services.clock.now())
    await say(ctx, lang, "org.refused.not_admin", names=await _admin_names(services))


# -- administrators ------------------------------------------------------------------------------------
async def manage_admins(ctx: TurnContext, turn: TurnInfo, services: Services, payload: AdminManage) -> None:
    lang = await language_of(services, turn)
    admin = await is_admin(services, turn)
    if payload.action is None:
        ids = await services.store.organisation.administrators()
        await say(ctx, lang, "org.admin.list", names=await _admin_names(services)) if ids else await say(ctx, lang, "org.admin.none")
        return
    if not admin:
        await _refuse(ctx, services, lang, turn)
        return
    if not turn.mentioned:
        await say(ctx, lang, "org.admin.need_mention")
        return
    org, now = services.store.organisation, services.clock.now()
    changed: list[str] = []
    for person in turn.mentioned:
        if payload.action == "add":
            if await org.grant(person.user_id, by=turn.user_id, now=now):
                changed.append(person.name or person.user_id)
                await services.store.audit.record(actor=turn.user_id, action=f"{AUDIT_ADMIN}.add", subject=person.user_id, now=now)
            continue
        stored = await services.store.people.get(person.user_id)
        ids = [person.user_id] + ([stored.aad_object_id] if stored and stored.aad_object_id else [])
        removed = False
        for user_id in ids:
            if await org.is_administrator(user_id):
                if not await org.revoke(user_id):
                    await say(ctx, lang, "org.admin.last")
                    break
                removed = True
        if removed:
            changed.append(person.name or person.user_id)
            await services.store.audit.record(actor=turn.user_id, action=f"{AUDIT_ADMIN}.remove", subject=person.user_id, now=now)
    if changed:
        await say(ctx, lang, "org.admin.added" if payload.action == "add" else "org.admin.removed", names=", ".join(changed))


# -- registering this team as a committee or HR -----------------------------------------------------------
async def show_committee(ctx: TurnContext, turn: TurnInfo, services: Services, payload: CommitteeShow) -> None:
    lang = await language_of(services, turn)
    if not await is_admin(services, turn):
        await _refuse(ctx, services, lang, turn)
        return
    if not turn.team_id:
        await say(ctx, lang, "org.refused.not_in_team")
        return
    current = await services.store.organisation.committee_of_team(turn.team_id)
    await send_card(ctx, committee_card(lang, current=current, team_name=turn.team_name), summary=t(lang, "org.committee.summary"),
                    lang=lang)


async def register_committee(ctx: TurnContext, turn: TurnInfo, services: Services, payload: CommitteeRegister) -> None:
    lang = await language_of(services, turn)
    if not await is_admin(services, turn):
        await _refuse(ctx, services, lang, turn)
        return
    if not turn.team_id:
        await say(ctx, lang, "org.refused.not_in_team")
        return
    name, kind = clean_name(payload.committee_name), payload.committee_kind or KIND_COMMITTEE
    if not name or kind not in KINDS:
        card = committee_card(lang, team_name=turn.team_name, notice=t(lang, "org.committee.name_required"))
        await replace_card(ctx, turn, card, summary=t(lang, "org.committee.summary"), lang=lang)
        return
    now = services.clock.now()
    committee = await services.store.organisation.register(turn.team_id, name, kind, by=turn.user_id, now=now)
    await services.store.organisation.link(turn.team_id, None, by=turn.user_id, now=now)  # a committee sends to nobody
    await services.store.audit.record(actor=turn.user_id, action=f"{AUDIT_COMMITTEE}.{kind}", subject=committee.id, now=now)
    await replace_card(ctx, turn, committee_saved_card(lang, committee),
                       summary=t(lang, "org.committee.saved", name=committee.name, kind=kind_text(lang, kind)), lang=lang)


# -- linking workplaces to committees ---------------------------------------------------------------------
async def _link_card(services: Services, lang: str, page: int, notice: str | None = None) -> dict:
    org = services.store.organisation
    return link_card(lang, await org.workplaces(), await org.committees(), await org.links(), page=page, notice=notice)


async def show_links(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LinkShow) -> None:
    lang = await language_of(services, turn)
    if not await is_admin(services, turn):
        await _refuse(ctx, services, lang, turn)
        return
    await replace_card(ctx, turn, await _link_card(services, lang, payload.page), summary=t(lang, "org.link.summary"), lang=lang)


async def save_links(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LinkSave) -> None:
    lang = await language_of(services, turn)
    if not await is_admin(services, turn):
        await _refuse(ctx, services, lang, turn)
        return
    org, now = services.store.organisation, services.clock.now()
    workplaces = {w.team_id for w in await org.workplaces()}
    committees = {c.id for c in await org.committees() if c.kind == KIND_COMMITTEE}
    changed = 0
    for team_id, committee_id in payload.pairs():
        if team_id not in workplaces or (committee_id is not None and committee_id not in committees):
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="organisation:unknown_link",
                                              now=now)
            continue
        if await org.link(team_id, committee_id, by=turn.user_id, now=now):
            changed += 1
            await services.store.audit.record(actor=turn.user_id, action=AUDIT_LINK, subject=f"{team_id}|{committee_id or '-'}", now=now)
    card = await _link_card(services, lang, payload.page, notice=t(lang, "org.link.saved", count=changed))
    await replace_card(ctx, turn, card, summary=t(lang, "org.link.summary"), lang=lang)


# -- the send to the committee (called by dialogs/send_on.py) ----------------------------------------------
async def chosen_themes(services: Services, dialogue_id: str) -> tuple[SubmittedTheme, ...]:
    selection = await services.store.selections.get(dialogue_id)
    if selection is None:
        return ()
    out = []
    for kind in Kind:
        chosen = selection.themes.choice(kind)
        if chosen is not None:
            out.append(SubmittedTheme(kind.value, chosen.theme_id, chosen.own_title))
    return tuple(out)


async def send_to_committee(services: Services, *, dialogue_id: str, team_id: str, plan: DevelopmentPlan, by: str) -> Submission | None:
    """Store the next version for the workplace's committee and queue its channel post; None when
    the workplace is not linked, or that committee already has this version of the plan."""
    org, now = services.store.organisation, services.clock.now()
    committee = await org.committee_of_workplace(team_id)
    if committee is None:
        return None
    history = await org.history(dialogue_id)
    previous = next((s for s in reversed(history) if s.committee_id == committee.id), None)
    if previous is not None and previous.plan_version == plan.version and history[-1].committee_id == committee.id:
        return None
    workplace = await services.store.workplaces.get(team_id)
    submission = next_submission(previous, committee_id=committee.id, team_id=team_id, dialogue_id=dialogue_id, plan=plan,
                                 themes=await chosen_themes(services, dialogue_id), by=by, now=now,
                                 version=(history[-1].version + 1) if history else 1,
                                 workplace_name=workplace.name if workplace else "")
    if not await org.submit(submission):
        return None  # another press or instance stored this version first
    await services.store.reminders.add([ReminderPlan(
        key=sent_key(dialogue_id, submission.version), kind=SENT_TO_COMMITTEE_KIND, team_id=committee.team_id,
        round_id=dialogue_id, recipient_id=committee.team_id, sequence=submission.version, due_at=now)])
    await services.store.audit.record(actor=by, action=AUDIT_SENT, subject=f"{dialogue_id}:v{submission.version}|{committee.id}", now=now)
    return submission


DECLARES = (
    Verb(AdminManage, manage_admins, who=Role.ANYONE),  # anyone may see who administers; changing is checked above
    Verb(CommitteeShow, show_committee, who=Role.ADMINISTRATOR),
    Verb(CommitteeRegister, register_committee, who=Role.ADMINISTRATOR),
    Verb(LinkShow, show_links, who=Role.ADMINISTRATOR),
    Verb(LinkSave, save_links, who=Role.ADMINISTRATOR),
    Command(da=("admin", "administrator"), en=("admin", "administrator"), payload=AdminManage, who=Role.ADMINISTRATOR,
            args=lambda words: {"action": ACTIONS.get(words[0]) if words else None}, help="help.cmd.admin"),
    Command(da=("udvalg", "koordinationsgruppe"), en=("committee",), payload=CommitteeShow, who=Role.ADMINISTRATOR,
            help="help.cmd.committee", team_only=True),
    Command(da=("tilknyt",), en=("link",), payload=LinkShow, who=Role.ADMINISTRATOR, help="help.cmd.link"),
)

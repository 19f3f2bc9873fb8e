"""``mine data`` / ``my data``: a person sees, exports and deletes what is stored about them.

Only ever about the sender (the authenticated ``from``), only ever in the private chat; every
view, export and deletion is audited by action and id, never with the text itself.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.my_data import (
    DataExport,
    DataShow,
    ForwardCommentDelete,
    NominationDelete,
    NominationDeleteConfirm,
    data_export_cards,
    delete_confirm_card,
    my_data_card,
)
from ..process.dialogue import Role
from ..process.my_data import deletion_refused, export_json
from ..process.nomination import Round
from ..services import Services
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, say
from .turn import TurnInfo


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: DataShow) -> None:
    """The card with everything stored about the sender."""
    now = services.clock.now()
    data = await services.store.my_data.personal_data(turn.user_id, now=now)
    await services.store.audit.record(actor=turn.user_id, action="data.viewed", subject=turn.user_id, now=now)
    await deliver_privately(
        ctx, turn, services, lambda lang: my_data_card(lang, services.concept, data, privacy_url=services.settings.privacy_url(lang)),
        summary="data.summary", sent_key="data.sent_privately",
    )


async def export(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: DataExport) -> None:
    """The same data as JSON, verbatim, in as many cards as it takes."""
    now = services.clock.now()
    data = await services.store.my_data.personal_data(turn.user_id, now=now)
    document = export_json(data, exported_at=now)
    count = len(data_export_cards("da", document))  # the parts do not depend on the language
    await services.store.audit.record(actor=turn.user_id, action="data.exported", subject=turn.user_id, now=now)
    for part in range(count):
        await deliver_privately(
            ctx, turn, services, lambda lang, part=part: data_export_cards(lang, document)[part],
            summary="data.summary", sent_key="data.export_sent_privately", announce=part == count - 1,
        )


async def ask_delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationDelete) -> None:
    """Confirm before deleting the sender's nomination in an open round."""
    lang = await language_of(services, turn)
    round_ = await _deletable_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    workplace = await services.store.workplaces.get(round_.team_id)
    await deliver_privately(
        ctx, turn, services, lambda lang: delete_confirm_card(lang, round_id=round_.id, workplace=workplace.name if workplace else ""),
        summary="data.summary", sent_key="data.delete_sent_privately",
    )


async def delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: NominationDeleteConfirm) -> None:
    """Delete the sender's own nomination; a second click finds nothing and changes nothing."""
    lang = await language_of(services, turn)
    round_ = await _deletable_round(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    if await services.store.nominations.delete(round_.id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="nomination.deleted", subject=round_.id, now=services.clock.now())
        await say(ctx, lang, "data.nomination_deleted")
    else:
        await say(ctx, lang, "data.nothing_to_delete")


async def delete_forward_comment(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ForwardCommentDelete) -> None:
    """Empty the sender's own comment on a forward to HR; only the writer's, a second press finds nothing."""
    lang = await language_of(services, turn)
    if await services.store.my_data.delete_forward_comment(payload.forward_id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="organisation.comment_deleted", subject=str(payload.forward_id),
                                          now=services.clock.now())
        await say(ctx, lang, "data.hr_comment_deleted")
    else:
        await say(ctx, lang, "data.hr_comment_nothing")


async def _deletable_round(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_id: str) -> Round | None:
    round_ = await services.store.dialogues.get_round(round_id)
    has_nomination = round_ is not None and await services.store.nominations.get(round_.id, turn.user_id) is not None
    refused = deletion_refused(round_, has_nomination=has_nomination, now=services.clock.now())
    if refused == "round_closed":
        await say(ctx, lang, "nomination.round_closed", contact=round_.contact_name or "–")
    elif refused:
        await say(ctx, lang, "data.nothing_to_delete")
    return None if refused else round_


DECLARES = (
    Verb(DataShow, show, who=Role.ANYONE),
    Verb(DataExport, export, who=Role.ANYONE),
    Verb(NominationDelete, ask_delete, who=Role.EMPLOYEE),
    Verb(NominationDeleteConfirm, delete, who=Role.EMPLOYEE),
    Verb(ForwardCommentDelete, delete_forward_comment, who=Role.ANYONE),
    Command(da=("mine data",), en=("my data",), payload=DataShow, who=Role.ANYONE, help="help.cmd.my_data"),
)

"""One table from card verbs and typed commands to handlers; unknown ones get a polite answer."""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext

from ..services import Services
from . import mydata, nominations, planning, reports, rounds, welcome
from .commands import LANGUAGES, parse_command
from .context import language_of
from .payloads import PayloadRejected, parse_payload
from .replies import say, send_text
from .turn import TurnInfo

log = logging.getLogger(__name__)

Handler = Callable[[TurnContext, TurnInfo, Services, Any], Awaitable[None]]

VERBS: dict[str, Handler] = {
    "round.setup": rounds.show_setup,
    "round.start": rounds.start_round,
    "nomination.open": nominations.open_card,
    "nomination.submit": nominations.submit,
    "nomination.edit": nominations.edit,
    "tally.show": reports.show_tally,
    "status.show": reports.show_status,
    "help.show": welcome.show_help,
    "language.set": lambda ctx, turn, services, payload: welcome.set_language(ctx, turn, services, payload.get("lang")),
    "data.show": mydata.show,
    "data.export": mydata.export,
    "nomination.delete": mydata.ask_delete,
    "nomination.delete.confirm": mydata.delete,
}

COMMANDS: dict[str, Handler] = {
    "start": rounds.show_setup,
    "tally": reports.show_tally,
    "status": reports.show_status,
    # Typed words after the command are not a card payload; the card is found by the sender.
    "my_themes": lambda ctx, turn, services, _args: nominations.open_card(ctx, turn, services, None),
    "help": welcome.show_help,
    "language": lambda ctx, turn, services, args: welcome.set_language(ctx, turn, services, LANGUAGES.get(args[0]) if args else None),
    "group": lambda ctx, turn, services, args: planning.manage_group(ctx, turn, services, args[0] if args else None),
    "my_data": mydata.show,
}


async def route_message(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    if turn.value is not None:
        try:
            payload = parse_payload(turn.value, services.concept)
        except PayloadRejected as rejected:
            await _reject(ctx, turn, services, rejected)
            return
        await VERBS[payload.verb](ctx, turn, services, payload.data())
        return
    command = parse_command(turn.text)
    handler = COMMANDS.get(command.name)
    if handler is None:
        await send_text(ctx, say(await language_of(services, turn), "unknown_command"))
        return
    await handler(ctx, turn, services, command.args)


async def _reject(ctx: TurnContext, turn: TurnInfo, services: Services, rejected: PayloadRejected) -> None:
    """Audit a card submission no card of ours could have sent, and answer politely."""
    log.warning("rejected a card submission from %s: %s", turn.user_id, rejected)
    await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=str(rejected), now=services.clock.now())
    key = "unknown_action" if rejected.code == "unknown_verb" else "payload_rejected"
    await send_text(ctx, say(await language_of(services, turn), key))

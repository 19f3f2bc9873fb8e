"""One table from card verbs and typed commands to handlers; unknown ones get a polite answer."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext

from . import nominations, planning, reports, rounds, welcome
from .commands import LANGUAGES, parse_command
from .context import language_of
from .replies import say, send_text
from .services import Services
from .turn import TurnInfo

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
}

COMMANDS: dict[str, Handler] = {
    "start": rounds.show_setup,
    "tally": reports.show_tally,
    "status": reports.show_status,
    "my_themes": nominations.open_card,
    "help": welcome.show_help,
    "language": lambda ctx, turn, services, args: welcome.set_language(ctx, turn, services, LANGUAGES.get(args[0]) if args else None),
    "group": lambda ctx, turn, services, args: planning.manage_group(ctx, turn, services, args[0] if args else None),
}


async def route_message(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    if turn.value is not None:
        verb = turn.value.get("verb")
        handler = VERBS.get(verb) if isinstance(verb, str) else None
        if handler is None:
            await send_text(ctx, say(await language_of(services, turn), "unknown_action"))
            return
        await handler(ctx, turn, services, turn.value)
        return
    command = parse_command(turn.text)
    handler = COMMANDS.get(command.name)
    if handler is None:
        await send_text(ctx, say(await language_of(services, turn), "unknown_command"))
        return
    await handler(ctx, turn, services, command.args)

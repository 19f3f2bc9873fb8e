"""The Teams activity handler: reads the turn, keeps it idempotent, and hands it to the router."""
from __future__ import annotations

import logging
from dataclasses import replace

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.schema import ActivityTypes, ChannelAccount

from ..process.people import should_greet
from ..services import Services
from ..storage.turn_work import ActivityAlreadyHandled, TurnWork
from ..teams.turns import mark_durable
from ..texts import choose_language
from . import nomination, welcome
from .context import TURN_WORK, remember_sender, turn_work
from .replies import say
from .router import decide, route_message
from .turn import read_turn

log = logging.getLogger(__name__)

# Handlers whose reads and writes share the turn's transaction with the claim and the sender
# (bot/storage/turn_work.py): each finishes that work before it answers. Every other handler
# runs after it was finished. The nomination is the turn everyone sends at once.
IN_TURN_WORK = frozenset({nomination.submit})


class TalSammenBot(ActivityHandler):
    def __init__(self, services: Services) -> None:
        self.services = services

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if not self.services.bot_id and activity.recipient is not None:
            self.services.bot_id = activity.recipient.id
        key = f"{activity.conversation.id}|{activity.id}" if activity.id else None
        # Claimed when the turn's storage work is finished, before anything is sent; a message's
        # reads and writes share that transaction, anything else's come after it.
        work = turn_context.turn_state[TURN_WORK] = TurnWork(self.services.store.engine, key, self.services.clock.now())
        try:
            if activity.type != ActivityTypes.message:
                await work.finish()
            await super().on_turn(turn_context)
            await work.finish()  # a handler that sent nothing still handled the activity
        except ActivityAlreadyHandled:
            log.info("ignored a redelivered activity %s", key)
        except Exception:
            if key and work.claimed:  # so that Teams' retry can try again
                await self.services.store.activities.release(key)
            raise
        finally:
            await work.close()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        turn = read_turn(turn_context.activity, self.services.bot_id or None)
        work = turn_work(turn_context, self.services)
        turn, first_contact = await remember_sender(self.services, turn, work)
        route = decide(turn, self.services)
        turn = replace(turn, typed_lang=route.typed_lang)  # a Danish-only word is answered in Danish
        asks_for_help = route.unknown_command or (route.command is not None and route.verb.handler is welcome.show_help)
        greet = should_greet(first_contact, typed=turn.value is None, asks_for_help=asks_for_help)
        if greet or not (turn.is_personal and route.verb is not None and route.verb.handler in IN_TURN_WORK):
            await work.finish()
        if greet or asks_for_help:
            # The claim and the sender are committed and what is left only reads: under a spike
            # Teams may have its answer while the reply waits for the tenant's rate (teams/turns.py).
            mark_durable()
        if greet:
            await welcome.greet_person(turn_context, turn, self.services)
            return
        await route_message(turn_context, turn, self.services, route)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if not any(m.id == bot_id for m in members_added):
            return
        turn = read_turn(activity, bot_id)
        if turn.team_id:
            await welcome.greet_team(turn_context, turn, self.services)
        elif turn.is_personal:
            turn, _ = await remember_sender(self.services, turn)
            await welcome.greet_person(turn_context, turn, self.services)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        # The bot uses no invoke features (cards submit as messages). botbuilder would answer an
        # unknown invoke 501, which Teams treats as our failure; it is acknowledged and ignored.
        log.info("ignored an invoke activity %r", str(turn_context.activity.name or "")[:64])
        return InvokeResponse(status=200)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        # Teams sends both installationUpdate and conversationUpdate on install; the welcome
        # goes out on conversationUpdate only, so a team is greeted once.
        return


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    log.exception("unhandled error in turn", exc_info=error)
    try:
        # Without the store (it may be what failed): a channel reads the default, a person the
        # language of their client. The default is Danish, the guide's language.
        turn = read_turn(turn_context.activity)
        lang = choose_language(shared=not turn.is_personal, locale=turn.locale)
        await say(turn_context, lang, "common.error")
    except Exception:  # the reply itself may be what failed
        log.exception("could not tell the user about the error")

"""Answering within a turn: send a card, replace the card pressed, send a short text, or deliver
privately what must not be read in a channel. The words come from bot/texts."""
from __future__ import annotations

from collections.abc import Callable

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, Attachment

from ..cards.elements import message_with_card
from ..scheduler.messages import OutgoingMessage
from ..services import Services
from ..texts import t
from .language import language_of, person_language
from .turn import TurnInfo


def card_activity(card: dict, summary: str, lang: str) -> Activity:
    """The message carrying ``card``, made as msrest would make it from ``message_with_card``
    but with the card, JSON already, put in as it is: msrest would copy it value by value
    (bot/teams/turn_connector.py ``activity_body`` sends it as it is too)."""
    message = message_with_card(card, summary=summary, lang=lang)
    attachments = [Attachment(content_type=a["contentType"], content=a["content"]) for a in message["attachments"]]
    return Activity(type=message["type"], summary=message["summary"], attachments=attachments)


async def send_card(ctx: TurnContext, card: dict, *, summary: str, lang: str) -> str | None:
    response = await ctx.send_activity(card_activity(card, summary, lang))
    return response.id if response else None


async def update_card(ctx: TurnContext, activity_id: str, card: dict, *, summary: str, lang: str) -> None:
    activity = card_activity(card, summary, lang)
    activity.id = activity_id
    activity.conversation = ctx.activity.conversation
    await ctx.update_activity(activity)


async def replace_card(ctx: TurnContext, turn: TurnInfo, card: dict, *, summary: str, lang: str) -> None:
    """Replace the card the person pressed, so the chat keeps one current card, not a trail,
    and a used card cannot act twice; a typed command gets a new card."""
    if turn.reply_to_id:
        await update_card(ctx, turn.reply_to_id, card, summary=summary, lang=lang)
    else:
        await send_card(ctx, card, summary=summary, lang=lang)


async def send_text(ctx: TurnContext, text: str) -> None:
    await ctx.send_activity(Activity(type="message", text=text, text_format="plain"))


async def say(ctx: TurnContext, lang: str, key: str, **values: object) -> None:
    """Send the text ``key`` in ``lang``."""
    await send_text(ctx, t(lang, key, **values))


async def deliver_privately(ctx: TurnContext, turn: TurnInfo, services: Services, card: Callable[[str], dict], *,
                            summary: str | Callable[[str], str], sent_key: str = "common.sent_privately",
                            announce: bool = True) -> None:
    """Send ``card(lang)`` in the sender's 1:1 chat, in their own language; asked in a channel,
    say there (in the channel's language) what went privately (``sent_key``). ``summary`` is a
    text key, or a function of the language for a summary that is not one.

    It goes through the dispatcher like every proactive message, which opens the chat first if
    the bot has never written to this person privately."""
    own = await person_language(services, turn)
    summary = t(own, summary) if isinstance(summary, str) else summary(own)
    if turn.is_personal:
        await send_card(ctx, card(own), summary=summary, lang=own)
        return
    lang = await language_of(services, turn)
    person = await services.store.people.get(turn.user_id)
    [result] = await services.dispatcher.deliver([OutgoingMessage(
        key=f"private:{turn.user_id}", tenant_id=turn.tenant_id, service_url=turn.service_url,
        conversation_id=(person.conversation_id if person else None) or "", member_id=turn.user_id, bot_id=services.bot_id,
        activity=message_with_card(card(own), summary=summary, lang=own),
    )])
    if result.status != "sent":
        await say(ctx, lang, "common.no_personal_chat")
        return
    if result.conversation_id and not (person and person.conversation_id):
        await services.store.people.remember(
            user_id=turn.user_id, tenant_id=turn.tenant_id, now=services.clock.now(), conversation_id=result.conversation_id,
            service_url=turn.service_url,
        )
    if announce:
        await say(ctx, lang, sent_key)

"""The log-stream reader turns Playground frames into chats and messages (no Playground needed).

Frames are shaped like those Playground 0.2.28 sent in test_playground_smoke.py's journey.
"""
from __future__ import annotations

import asyncio
import json

import pytest

from .playground_log import CallLog

BOT = "User Application"
PLAYGROUND = "Microsoft 365 Agents Playground"
CARD = {"contentType": "application/vnd.microsoft.card.adaptive", "content": {"type": "AdaptiveCard"}}


def frame(**log) -> str:
    return json.dumps({"logAction": "appendLog", "log": {"type": "bot", **log}})


def created(member: str, conversation: str) -> str:
    return frame(activityName="createConversation", **{"from": BOT},
                 request={"body": {"isGroup": False, "members": [{"id": member}]}},
                 response={"statusCode": 201, "body": {"id": conversation}})


def sent(conversation: str, message_id: str, *, update: bool = False, text=None, attachments=()) -> str:
    body = {"type": "message", "conversation": {"id": conversation}, "text": text,
            "attachments": list(attachments), **({"id": message_id} if update else {})}
    return frame(activityName="message", conversationId=conversation, messageId=message_id,
                 **{"from": BOT}, request={"body": body},
                 response={"statusCode": 200 if update else 201, "body": {"id": message_id}})


def test_chats_and_messages_follow_the_bots_calls():
    log = CallLog()
    for data in [created("29:a", "c-a@test.user"), sent("c-a@test.user", "1", attachments=[CARD]),
                 sent("c-a@test.user", "2", text="hej"), sent("c-a@test.user", "1", update=True, text="ny"),
                 frame(activityName="message", **{"from": BOT}, request={"body": {}},
                       response={"statusCode": 501, "body": {"error": {"code": "DeleteActivityAPINotImplemented"}}}),
                 frame(activityName="message", conversationId="c-a@test.user", messageId="u1",
                       **{"from": PLAYGROUND}, request={"body": {"text": "hi"}}, response={"statusCode": 201})]:
        log.append_frame(data)

    assert log.created_conversations() == {"29:a": "c-a@test.user"}
    history = log.messages_in("c-a@test.user")
    assert [(m.id, m.updated, m.text) for m in history] == [("1", False, None), ("2", False, "hej"), ("1", True, "ny")]
    assert history[0].cards == [{"type": "AdaptiveCard"}]
    assert [(m.id, m.text) for m in log.current_messages_in("c-a@test.user")] == [("1", "ny"), ("2", "hej")]
    assert [c.to_bot for c in log.calls] == [False] * 5 + [True]


async def test_wait_for_wakes_on_the_entry_that_makes_it_true():
    log = CallLog()
    waiting = asyncio.create_task(log.wait_for(lambda: log.created_conversations().get("29:b"), timeout=5))
    await asyncio.sleep(0)  # let the waiter register before entries arrive
    log.append_frame(created("29:a", "c-a"))
    log.append_frame(created("29:b", "c-b"))

    assert await waiting == "c-b"


async def test_wait_for_fails_at_once_when_the_stream_closes():
    log = CallLog()
    waiting = asyncio.create_task(log.wait_for(lambda: log.calls, timeout=5))
    await asyncio.sleep(0)
    log.close()

    with pytest.raises(ConnectionError):
        await waiting

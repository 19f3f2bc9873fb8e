"""What the Playground's log stream (/_ws/log/stream) says happened, kept for assertions.

Each connector call becomes a ``ConnectorCall``; the bot's sends and updates read as
``BotMessage``s. The frame format and its quirks are described in ``playground.py``.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

BOT_SIDE = "User Application"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
T = TypeVar("T")


@dataclass(frozen=True)
class ConnectorCall:
    """One logged exchange: a call by the bot to the mock connector, or a delivery to the bot."""

    raw: dict[str, Any]

    @property
    def to_bot(self) -> bool:
        """True for activities the Playground delivered to the bot (logged once it answered)."""
        return self.raw.get("from") != BOT_SIDE

    @property
    def activity_name(self) -> str:
        return self.raw.get("activityName", "")

    @property
    def conversation_id(self) -> str | None:
        return self.raw.get("conversationId")

    @property
    def message_id(self) -> str | None:
        return self.raw.get("messageId")

    @property
    def request_body(self) -> dict[str, Any]:
        body = self.raw.get("request", {}).get("body")
        return body if isinstance(body, dict) else {}

    @property
    def response_body(self) -> Any:
        return self.raw.get("response", {}).get("body")

    @property
    def status(self) -> int:
        return int(self.raw.get("response", {}).get("statusCode", 0))

    def describe(self) -> str:
        """One line for failure reports."""
        arrow = "-> bot" if self.to_bot else "bot ->"
        text = self.request_body.get("text") or ""
        return (f"{arrow} {self.activity_name} [{self.status}] conv={self.conversation_id} "
                f"id={self.message_id} {text[:80]!r}")


@dataclass(frozen=True)
class BotMessage:
    """A message the bot sent (``updated`` False) or a new version of one (``updated`` True)."""

    id: str
    conversation_id: str
    text: str | None
    attachments: list[dict[str, Any]]
    updated: bool
    reply_to_id: str | None
    activity: dict[str, Any] = field(repr=False)

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Card bodies among the attachments."""
        return [a.get("content") or {} for a in self.attachments if a.get("contentType") == ADAPTIVE_CARD]

    @classmethod
    def from_call(cls, call: ConnectorCall) -> BotMessage | None:
        """The message a successful send or update carried, or None for any other call."""
        body = call.request_body
        if call.to_bot or call.activity_name != "message" or call.status >= 300 or not body:
            return None
        message_id = (call.response_body or {}).get("id") if isinstance(call.response_body, dict) else None
        return cls(id=message_id or call.message_id or "", conversation_id=call.conversation_id or "",
                   text=body.get("text"), attachments=list(body.get("attachments") or []),
                   updated="id" in body, reply_to_id=body.get("replyToId"), activity=body)


class CallLog:
    """Everything the log stream reported, in arrival order, with a way to await new entries."""

    def __init__(self) -> None:
        self.calls: list[ConnectorCall] = []
        self.notes: list[dict[str, Any]] = []
        self._waiters: list[asyncio.Future] = []
        self.closed = False

    def append_frame(self, data: str) -> None:
        """Record one websocket frame (``{"logAction":"appendLog","log":{...}}``)."""
        entry = json.loads(data).get("log") or {}
        if entry.get("type") == "bot":
            self.calls.append(ConnectorCall(entry))
        else:
            self.notes.append(entry)
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def close(self) -> None:
        """The stream ended (the Playground stopped): fail current and future waits at once."""
        self.closed = True
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_exception(ConnectionError("the Playground's log stream closed"))

    async def wait_for(self, predicate: Callable[[], T], timeout: float) -> T:
        """Return ``predicate()`` once truthy, re-checking after every new entry."""
        async with asyncio.timeout(timeout):
            while not (result := predicate()):
                if self.closed:
                    raise ConnectionError("the Playground's log stream closed")
                # No await between the check and registering: no entry can slip through.
                waiter = asyncio.get_running_loop().create_future()
                self._waiters.append(waiter)
                await waiter
            return result

    def created_conversations(self) -> dict[str, str]:
        """Member id -> conversation id for each createConversation the connector accepted."""
        created = {}
        for call in self.calls:
            if call.activity_name == "createConversation" and call.status < 300:
                members = call.request_body.get("members") or [{}]
                created[members[0].get("id")] = (call.response_body or {}).get("id")
        return created

    def messages_in(self, conversation_id: str) -> list[BotMessage]:
        """Sends and updates by the bot in one conversation, oldest first."""
        messages = (BotMessage.from_call(call) for call in self.calls)
        return [m for m in messages if m is not None and m.conversation_id == conversation_id]

    def current_messages_in(self, conversation_id: str) -> list[BotMessage]:
        """Each message once, in its latest version, in the order first sent."""
        latest: dict[str, BotMessage] = {}
        for message in self.messages_in(conversation_id):
            latest[message.id] = message
        return list(latest.values())

    def summary(self) -> str:
        """All calls and warnings, one per line, for failure reports."""
        lines = [call.describe() for call in self.calls]
        lines += [f"note: {n.get('level', 'info')}: {n.get('displayText')}" for n in self.notes
                  if n.get("level") in ("warning", "error")]
        return "\n".join(lines) or "(none)"

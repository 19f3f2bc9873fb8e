"""What the dispatcher is handed and hands back: a message to send (or a card to update), the
result of sending it, and the shapes of the connector and the shared tenant budget it uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Literal, Mapping, Protocol


DeliveryStatus = Literal["sent", "unreachable", "failed"]


class ConnectorLike(Protocol):
    async def send_to_conversation(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> str: ...

    async def create_personal_conversation(self, service_url: str, *, bot_id: str, member_id: str, tenant_id: str) -> str: ...

    async def update_activity(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None: ...


@dataclass(frozen=True)
class OutgoingMessage:
    """One activity to send (or, with `update_activity_id`, to put in place of an earlier one)."""

    key: str
    tenant_id: str
    service_url: str
    conversation_id: str  # "" with `member_id`: open the 1:1 chat first
    activity: Mapping[str, Any] = field(hash=False)
    update_activity_id: str | None = None
    member_id: str | None = None
    bot_id: str | None = None


@dataclass(frozen=True)
class DeliveryResult:
    """What became of one message. `failed` may succeed if the caller tries again later."""

    key: str
    status: DeliveryStatus
    activity_id: str | None
    attempts: int
    reason: str | None = None
    conversation_id: str | None = None  # the chat it went to (new if the dispatcher opened it)
    # The last attempt got no answer, so Teams may have the message: do not resend blindly.
    maybe_delivered: bool = False


ResultCallback = Callable[[DeliveryResult], Awaitable[None] | None]
# Called once per message right before its first send; False means "no longer yours, skip it".
BeforeSend = Callable[[OutgoingMessage], Awaitable[bool]]


class TenantBudget(Protocol):
    @property
    def unreachable(self) -> bool: ...

    @property
    def last_answer(self) -> float:
        """When (on the senders' clock) a reservation was last answered; -inf if never."""
        ...

    async def slot(self, tenant_id: str, *, not_before: float) -> float: ...

    async def hold_back(self, tenant_id: str, seconds: float) -> None: ...

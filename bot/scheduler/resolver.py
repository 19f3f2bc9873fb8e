"""What a due queue row becomes: a message to send, or ``Obsolete`` with the reason it is not
wanted any more; one resolver per kind of row, chosen by ``ResolverByKind``, and the report of
a sweep."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ..process.reminders import QueuedReminder
from .messages import DeliveryResult, OutgoingMessage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Obsolete:
    """A reminder that must not be sent any more, and the short code saying why."""

    reason: str


class Resolver(Protocol):
    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        """The message to send for ``reminder`` now, or why it should not be sent."""


class DispatcherLike(Protocol):
    async def deliver(self, messages: Iterable[OutgoingMessage], *, on_result: Any = None) -> list[DeliveryResult]: ...


class ResolverByKind:
    """Routes each reminder to the resolver of its kind; an unknown kind is obsolete."""

    def __init__(self, resolvers: Mapping[str, Resolver]) -> None:
        self._resolvers = dict(resolvers)

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        resolver = self._resolvers.get(reminder.kind)
        if resolver is None:
            log.error("reminder %s is of kind %r, which this version does not know: dropped", reminder.key, reminder.kind)
            return Obsolete("unknown_kind")
        return await resolver.resolve(reminder)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._resolvers)

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Hand a final outcome to the kind's resolver, if it keeps one (optional ``recorded``)."""
        hook = getattr(self._resolvers.get(reminder.kind), "recorded", None)
        if hook is not None:
            await hook(reminder, result)


@dataclass
class SweepReport:
    """What one ``run_once`` did; ``lost`` counts rows another worker took over meanwhile."""

    outside_window: bool = False
    claimed: int = 0
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    retried: int = 0
    dropped: int = 0
    postponed: int = 0
    lost: int = 0
    interrupted: int = 0  # left ``sending`` by a worker that stopped: now ``unconfirmed``
    taken_over: int = 0  # claims whose worker's lease ran out, claimed again here

"""Turns run as tasks: Teams gets its HTTP answer once a turn's effect is durable.

Teams keeps its request open until the bot answers and retries it (or shows the person an error
on the card) after about 15 s. In-turn replies leave at the tenant's rate (at most 45.5 a
second, bot/scheduler/reply_lane.py), so when 1,000 people of one tenant submit at once the last
replies leave after 22 s however fast the bot is. A turn whose writes are committed
(`mark_durable`, called by the handler right after its commit) therefore needs Teams' request
no longer: the route answers 200 and the turn sends its reply in the background. Marking gives
the turn's slot back to the next turn (its storage work is done), as long as fewer than
`max_waiting_replies` turns wait for their replies that way; past that it keeps its slot, so the
turns in memory stay bounded. A slot held until the reply left would bound Teams' answers by
the tenant's rate again: with 100 slots, the 1,000th turn of a burst would begin only after 900
replies, about 20 s later. A turn that never marks itself (everything but the handlers that do)
keeps the request open to its end, so a failure before the commit is answered on that request,
and Teams' redelivery is made safe by the activity's claim (bot/storage/turn_work.py).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Generic, TypeVar

__all__ = ["ACK_AFTER", "Answer", "Turns", "mark_durable"]

log = logging.getLogger(__name__)
T = TypeVar("T")

# Unloaded, a reply leaves within a few hundred milliseconds (Teams answers in 100-300 ms) and
# the HTTP answer waits for it as it always did; a turn still running after half a second is
# waiting for the tenant's rate. Answering it then keeps even the 1,000th turn of a burst far
# from Teams' 15 s, and frees Teams' side of the request sooner (measured: with 1 s, 200 turns at
# once were answered at 119 a second on PostgreSQL; benchmarks/NOTES.md).
ACK_AFTER = 0.5
# At shutdown, background turns get this long to send their replies before they are cancelled
# (their effect is committed; the person sees the receipt missing and can press again).
SHUTDOWN_GRACE = 10.0


class _Turn:
    """One running turn's mark, reached by `mark_durable` through a context variable."""

    def __init__(self, turns: Turns) -> None:
        self.turns, self.durable, self.slot_given_back = turns, asyncio.Event(), False
        self.ended = False  # a task the turn started may mark after it, with no slot to give back

    def mark(self) -> None:
        if self.durable.is_set() or self.ended:
            return
        self.durable.set()
        turns = self.turns
        if turns.waiting_replies < turns.max_waiting_replies:
            turns.waiting_replies += 1
            self.slot_given_back = True
            turns._slots.release()  # noqa: SLF001


_DURABLE: ContextVar[_Turn | None] = ContextVar("talsammen_turn_durable", default=None)


def mark_durable() -> None:
    """Say that this turn's writes are committed and only its replies are left to send.

    Call it only where that is true: after it Teams may get its answer before the turn ends,
    and will not deliver the activity again if the turn fails later. Outside a turn run by
    `Turns` it does nothing."""
    turn = _DURABLE.get()
    if turn is not None:
        turn.mark()


class Answer(Generic[T]):
    """How a turn ended for the HTTP request: `finished` with `result`, or acknowledged early."""

    def __init__(self, finished: bool, result: T | None = None) -> None:
        self.finished, self.result = finished, result


class Turns:
    """Runs turns: at most `max_concurrent` doing their work, and at most `max_waiting_replies`
    more that are durable and only wait to send their replies."""

    def __init__(self, max_concurrent: int, *, max_waiting_replies: int = 0, ack_after: float = ACK_AFTER,
                 grace: float = SHUTDOWN_GRACE) -> None:
        self._slots = asyncio.Semaphore(max_concurrent)
        self.max_waiting_replies, self.waiting_replies = max_waiting_replies, 0
        self.ack_after, self.grace = ack_after, grace
        self._running: set[asyncio.Task] = set()
        self._detached: set[asyncio.Task] = set()  # acknowledged: nobody waits for their outcome
        self.acknowledged_early = 0  # for tests and the benchmark's log

    @property
    def in_background(self) -> int:
        return len(self._detached)

    async def run(self, turn: Callable[[], Awaitable[T]]) -> Answer[T]:
        """Run `turn` in its slot and wait for it, or only until it is durable once `ack_after`
        has passed. The turn's exception is raised here if it finished with one."""
        state = _Turn(self)
        durable = state.durable
        task = asyncio.create_task(self._in_slot(turn, state))
        self._running.add(task)
        task.add_done_callback(self._ended)
        try:
            done, _ = await asyncio.wait({task}, timeout=self.ack_after)
            if not done:
                marked = asyncio.create_task(durable.wait())
                try:
                    await asyncio.wait({task, marked}, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    marked.cancel()
        except BaseException:  # the request went away: the turn goes on, its outcome is logged
            self._detached.add(task)
            raise
        if task.done():
            return Answer(True, task.result())
        self._detached.add(task)
        self.acknowledged_early += 1
        return Answer(False)

    async def _in_slot(self, turn: Callable[[], Awaitable[T]], state: _Turn) -> T:
        await self._slots.acquire()
        try:
            _DURABLE.set(state)  # this task's own context: the turn's handlers see it
            return await turn()
        finally:
            state.ended = True
            if state.slot_given_back:
                self.waiting_replies -= 1
            else:
                self._slots.release()

    def _ended(self, task: asyncio.Task) -> None:
        self._running.discard(task)
        if task in self._detached:
            self._detached.discard(task)
            if not task.cancelled() and task.exception() is not None:
                log.error("a turn failed after Teams had its answer (its effect was committed)", exc_info=task.exception())

    async def close(self) -> None:
        """Wait for the turns still running (at most `grace`), then cancel what is left."""
        if not self._running:
            return
        _, pending = await asyncio.wait(set(self._running), timeout=self.grace)
        if pending:
            log.warning("shutting down: %d turns still running were cancelled (their replies were not sent)", len(pending))
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

"""Group commit: calls that arrive while one is under way are served together by the next.

Sending at 50 a second, each message needs a slot from the shared budget, a ``sending`` mark
before it leaves and its outcome afterwards: three short transactions. Made one by one they
queue for the connection pool and make the senders late for their slots; coalesced, a busy
instance makes a few round trips a second instead (measured in tests/test_instances.py).
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

__all__ = ["Coalescer"]

T = TypeVar("T")
R = TypeVar("R")


class Coalescer(Generic[T, R]):
    """``await coalescer(item)`` runs ``run(items)`` for every item waiting, one run at a time.

    ``run`` returns one result per item, in order. Should it raise, every caller of that run
    gets the exception (and may try again, alone or with the next group).
    """

    def __init__(self, run: Callable[[list[T]], Awaitable[Sequence[R]]], *, most: int = 200) -> None:
        self._run, self._most = run, most
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._lock = asyncio.Lock()

    async def __call__(self, item: T) -> R:
        mine: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, mine))
        while not mine.done():
            async with self._lock:
                if mine.done():
                    break
                batch, self._waiting = self._waiting[: self._most], self._waiting[self._most:]
                try:
                    results = await self._run([item for item, _ in batch])
                except asyncio.CancelledError:
                    # The leader was cancelled: the others wait for the next leader.
                    self._waiting[:0] = [entry for entry in batch if entry[1] is not mine and not entry[1].done()]
                    raise
                except Exception as error:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (_, future), result in zip(batch, results, strict=True):
                    if not future.done():  # a caller cancelled meanwhile leaves its result unused
                        future.set_result(result)
        return mine.result()

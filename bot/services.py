"""Everything a turn handler or a job may use, built once by the app factory and passed in explicitly.

It lives beside the app factory rather than in bot/dialogs, because the scheduler's jobs take
the same bundle and must not import the turn handlers.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from .process.calendar import WorkingWindow
from .process.clock import Clock
from .process.concept import Concept
from .settings import Settings
from .storage import Storage

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    store: Storage  # every repository, the reminder queue too (store.reminders)
    connector: Any  # bot.teams.connector.ConnectorClient
    dispatcher: Any  # bot.scheduler.dispatcher.Dispatcher
    concept: Concept
    clock: Clock
    window: WorkingWindow
    bot_id: str = ""
    _background: set[asyncio.Task] = field(default_factory=set)

    def spawn(self, work: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task:
        """Run work that outlives the turn (Teams wants an answer within seconds)."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._background.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s failed", task.get_name(), exc_info=task.exception())

    async def drain(self) -> None:
        """Wait for background work (tests, and a clean shutdown)."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)

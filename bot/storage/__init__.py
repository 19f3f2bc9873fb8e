"""Storage by aggregate: one small repository per thing the bot remembers, over one engine.

Each repository returns the domain types of bot/process (frozen dataclasses), never ORM rows,
and each method is one short transaction; the drivers (aiosqlite, asyncpg) are async, so the
event loop never waits on the database. ``Storage`` only puts them together for the app.
"""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from .activities import Activities
from .audit import AuditLog
from .dialogue import Dialogues
from .my_data import MyData
from .nomination import Nominations
from .overview import Overview
from .people import People
from .planning_group import PlanningGroups
from .reminders import ReminderQueue
from .retention import Retention
from .tenant_budget import TenantBudgets
from .workplace import Workplaces

__all__ = ["Storage"]


class Storage:
    """The repositories the app, its handlers and its jobs use, all on ``engine``."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.people = People(engine)
        self.workplaces = Workplaces(engine)
        self.planning_group = PlanningGroups(engine)
        self.dialogues = Dialogues(engine)
        self.nominations = Nominations(engine)
        self.audit = AuditLog(engine)
        self.activities = Activities(engine)
        self.reminders = ReminderQueue(engine)
        self.my_data = MyData(engine)
        self.retention = Retention(engine)
        self.tenant_budgets = TenantBudgets(engine)  # Teams' per-tenant budget, shared by instances
        self.overview = Overview(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

"""Storage by aggregate: one small repository per thing the bot remembers, over one engine.

Each repository returns the domain types of bot/process (frozen dataclasses), never ORM rows,
and each method is one short transaction; the drivers (aiosqlite, asyncpg) are async, so the
event loop never waits on the database (a turn's reads on a SQLite file run on the loop, which
waits for neither a lock nor the disk there: storage/sqlite_twin.py). ``Storage`` only puts them
together for the app.
"""
from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine

from .activities import Activities
from .audit import AuditLog
from .cycle_survey import Surveys
from .development_plan import Plans
from .dialogue import Dialogues
from .evaluation import Evaluations
from .everyday_example import Examples
from .follow_up import FollowUps, SentOnStore
from .group_results import GroupResults
from .grouping import Groupings
from .invitation import Invitations
from .leader_loop import LeaderLoops, Leaders
from .my_data import MyData
from .nomination import Nominations
from .organisation import Organisation
from .overview import Overview
from .hr_overview import HrOverviewQueries
from .people import People
from .planning_group import PlanningGroups
from .reminders import ReminderQueue
from .retention import Retention
from .selection import Selections
from .sorting import Sortings
from .tenant_budget import TenantBudgets
from .workplace import Workplaces
from .engine import side_engine
from .sqlite_twin import dispose_twin

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
        # Teams' per-tenant budget, shared by instances, on a pool of its own (storage/engine.py)
        self.budget_engine = side_engine(engine)
        self.tenant_budgets = TenantBudgets(self.budget_engine)
        self.overview = Overview(engine)
        self.selections = Selections(engine)  # the chosen themes and whether they were announced (step 4)
        self.examples = Examples(engine)  # everyday examples: private notes and ready marks (step 6)
        self.invitations = Invitations(engine)  # the day and the invitations to it (steps 1 and 5)
        self.group_results = GroupResults(engine)  # what each group produced on the day (step 8)
        self.evaluations = Evaluations(engine)  # the short evaluation at the close (step 8)
        self.groupings = Groupings(engine)  # the groups of the day's two rounds (step 7)
        self.surveys = Surveys(engine)  # the optional end-of-cycle survey (DTU's question guide)
        self.plans = Plans(engine)  # the development plan, its versions and the "seen" marks (steps 10-11)
        self.sorting = Sortings(engine)  # the input sorted into topics and prioritised (step 10)
        self.follow_ups = FollowUps(engine)  # the initiatives' statuses and milestone marks (step 12)
        self.sent_on = SentOnStore(engine)  # the plan sent on before 1 December (step 13)
        self.leaders = Leaders(engine)  # who leads each workplace (the leader's own loop)
        self.leader_loops = LeaderLoops(engine)  # the leader's development areas and feedback; step 9's answers
        self.organisation = Organisation(engine)  # administrators, coordination committees, HR and what was sent to them (steps 13-14)
        self.hr_overview = HrOverviewQueries(engine)  # what HR's overview reads across workplaces (step 14; queries only)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def dispose(self) -> None:
        """Close the pools: the budget's own, then the main one and its SQLite twin."""
        if self.budget_engine is not self.engine:
            await self.budget_engine.dispose()
        await asyncio.to_thread(dispose_twin, self.engine)  # waits for the twin's writer to finish
        await self.engine.dispose()

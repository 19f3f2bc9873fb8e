"""The tables, by aggregate. The database is the source of truth for everything the bot must
remember: workplaces, planning groups, conversation references, rounds, nominations, reminders
and each step's own records.

Importing this package registers every table on ``SQLModel.metadata`` (Alembic's env and the
schema test rely on that), and every table is importable from here as before the split.
"""
from __future__ import annotations

from .columns import UTCDateTime, utc_column
from .people import Person
from .workplace import PlanningMember, Workplace, WorkplaceLeader
from .dialogue import Dialogue, NominationRound, RoundMember
from .nomination import Nomination, ThemeCount
from .reminders import REMINDER_OPEN, ProcessedActivity, Reminder, TenantBudget
from .audit import AuditEntry
from .before_the_day import DayInvitation, DialogueDayRow, ExamplePreparation, GroupingRow, ThemeSelection
from .on_the_day import EvaluationAnswer, GroupResult, ImmediateAnswer
from .after_the_day import (
    DevelopmentPlanRow, InitiativeStatus, LeaderLoopRow, MilestoneDone, PlanAcknowledgement, PlanVersion, SentOnRow,
    SortingDecision, SortingItem, SortingTopic, SurveyAnswer,
)
from .organisation import AdministratorRow, CommitteeLink, CommitteeRow, CommitteeSubmission, HrForward

__all__ = [
    "UTCDateTime", "utc_column",
    "Person",
    "PlanningMember", "Workplace", "WorkplaceLeader",
    "Dialogue", "NominationRound", "RoundMember",
    "Nomination", "ThemeCount",
    "REMINDER_OPEN", "ProcessedActivity", "Reminder", "TenantBudget",
    "AuditEntry",
    "DayInvitation", "DialogueDayRow", "ExamplePreparation", "GroupingRow", "ThemeSelection",
    "EvaluationAnswer", "GroupResult", "ImmediateAnswer",
    "DevelopmentPlanRow", "InitiativeStatus", "LeaderLoopRow", "MilestoneDone", "PlanAcknowledgement", "PlanVersion", "SentOnRow",
    "SortingDecision", "SortingItem", "SortingTopic", "SurveyAnswer",
    "AdministratorRow", "CommitteeLink", "CommitteeRow", "CommitteeSubmission", "HrForward",
]

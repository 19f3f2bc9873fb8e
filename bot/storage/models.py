"""The tables. The database is the source of truth for everything the bot must remember:
workplaces, planning groups, conversation references, rounds, nominations and reminders."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class UTCDateTime(sa.types.TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which forgets zones) too."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utc_column(*, nullable: bool = False, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


class Workplace(SQLModel, table=True):
    """A team in Teams that runs the dialogue."""

    id: str = Field(primary_key=True, max_length=200)  # Teams team id
    tenant_id: str = Field(max_length=100)
    service_url: str = Field(max_length=500)
    channel_id: str = Field(max_length=200)  # where channel posts go (General)
    name: str = Field(default="", max_length=200)
    concept: str = Field(default="nyborg", max_length=50)
    created_at: datetime = Field(sa_column=utc_column())
    lang: Optional[str] = Field(default=None, max_length=5)  # the channel's language; NULL: DEFAULT_LANGUAGE


class PlanningMember(SQLModel, table=True):
    __tablename__ = "planning_member"
    team_id: str = Field(primary_key=True, max_length=200)
    user_id: str = Field(primary_key=True, max_length=200)
    name: str = Field(default="", max_length=200)
    added_by: str = Field(max_length=200)
    added_at: datetime = Field(sa_column=utc_column())


class Person(SQLModel, table=True):
    """A Teams user and the reference to their 1:1 chat with the bot."""

    user_id: str = Field(primary_key=True, max_length=200)  # Teams user id (29:…)
    tenant_id: str = Field(max_length=100)
    aad_object_id: Optional[str] = Field(default=None, max_length=100, index=True)
    name: str = Field(default="", max_length=200)
    lang: Optional[str] = Field(default=None, max_length=5)  # a stored choice beats the locale
    service_url: Optional[str] = Field(default=None, max_length=500)
    conversation_id: Optional[str] = Field(default=None, max_length=300)
    updated_at: datetime = Field(sa_column=utc_column())


class Dialogue(SQLModel, table=True):
    """A workplace's development dialogue in one cycle (bot/process/plan.py: cycle_of)."""

    __table_args__ = (sa.UniqueConstraint("team_id", "cycle", name="uq_dialogue_team_cycle"),)
    id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(max_length=200)
    cycle: int  # the year of the 1 December the dialogue works towards
    created_at: datetime = Field(sa_column=utc_column())


class NominationRound(SQLModel, table=True):
    __tablename__ = "nomination_round"
    __table_args__ = (sa.UniqueConstraint("open_slot", name="uq_round_one_open_per_team"),)
    id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(index=True, max_length=200)
    # Equals team_id while the round is open, NULL once closed: a unique column that lets the
    # database refuse a second open round even when two clicks race in two processes.
    open_slot: Optional[str] = Field(default=None, max_length=200)
    opened_by: str = Field(max_length=200)
    opened_at: datetime = Field(sa_column=utc_column())
    deadline_at: datetime = Field(sa_column=utc_column())
    closed_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    contact_name: str = Field(max_length=200)
    contact_user_id: Optional[str] = Field(default=None, max_length=200)  # a member of the team
    named_mode: bool = False
    concept: str = Field(default="nyborg", max_length=50)
    # The dialogue of the round's cycle; NULL only for rounds inserted around the repository.
    dialogue_id: Optional[str] = Field(default=None, max_length=40, foreign_key="dialogue.id", index=True)
    # Set by the retention job, which keeps these counts and deletes who was invited and what
    # they wrote (bot/scheduler/retention.py).
    invited_count: Optional[int] = None
    respondent_count: Optional[int] = None
    anonymised_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))


class RoundMember(SQLModel, table=True):
    """Who was invited to nominate in a round (the N of "n of N")."""

    __tablename__ = "round_member"
    round_id: str = Field(primary_key=True, max_length=40)
    user_id: str = Field(primary_key=True, max_length=200)
    name: str = Field(default="", max_length=200)
    card_activity_id: Optional[str] = Field(default=None, max_length=200)
    delivery: str = Field(default="pending", max_length=20)  # pending|sent|unreachable|failed
    delivery_reason: Optional[str] = Field(default=None, max_length=100)


class Nomination(SQLModel, table=True):
    round_id: str = Field(primary_key=True, max_length=40)
    user_id: str = Field(primary_key=True, max_length=200)
    wellbeing_theme: str = Field(max_length=40)
    wellbeing_own_title: Optional[str] = Field(default=None, max_length=200)
    wellbeing_why_me: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    wellbeing_core_task: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_theme: str = Field(max_length=40)
    leadership_own_title: Optional[str] = Field(default=None, max_length=200)
    leadership_why_me: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_core_task: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    submitted_at: datetime = Field(sa_column=utc_column())
    updated_at: datetime = Field(sa_column=utc_column())
    version: int = 1
    entered_by: Optional[str] = Field(default=None, max_length=200)  # the contact person, for a paper form


class ThemeCount(SQLModel, table=True):
    """How often a theme was nominated in a round, kept after the nominations are deleted.

    Own proposals count under the own-proposal id: their titles are free text and go."""

    __tablename__ = "theme_count"
    round_id: str = Field(primary_key=True, max_length=40)
    kind: str = Field(primary_key=True, max_length=20)
    theme_id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(index=True, max_length=200)
    count: int


class ProcessedActivity(SQLModel, table=True):
    """Activities already handled, so a redelivery has no second effect."""

    __tablename__ = "processed_activity"
    key: str = Field(primary_key=True, max_length=500)  # conversation id | activity id
    received_at: datetime = Field(sa_column=utc_column(index=True))


# The rows a sweeper may still claim. A partial index over only these keeps "what is due"
# fast however many sent rows pile up; the claim query repeats this exact literal text,
# because SQLite uses a partial index only when the query's WHERE contains its condition.
REMINDER_OPEN = "status IN ('pending', 'claimed')"


class Reminder(SQLModel, table=True):
    """One message due to one person at one time; claimed atomically before it is sent."""

    __table_args__ = (
        sa.Index("ix_reminder_status_due", "status", "due_at"),
        sa.Index("ix_reminder_open_due", "due_at", "id", sqlite_where=sa.text(REMINDER_OPEN), postgresql_where=sa.text(REMINDER_OPEN)),
        # One reminder of a kind per person per local day, even with two bot processes.
        sa.Index("uq_reminder_day_slot", "recipient_id", "kind", "day_slot", unique=True),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=300, sa_column_kwargs={"unique": True})  # makes planning idempotent
    kind: str = Field(max_length=50)
    team_id: str = Field(max_length=200, index=True)
    round_id: Optional[str] = Field(default=None, max_length=40, index=True)
    recipient_id: str = Field(max_length=200)
    sequence: int = 1
    due_at: datetime = Field(sa_column=utc_column())
    status: str = Field(default="pending", max_length=20)  # pending|claimed|sent|dropped|unreachable|failed
    claimed_by: Optional[str] = Field(default=None, max_length=100)
    lease_until: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    attempts: int = 0
    sent_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    reason: Optional[str] = Field(default=None, max_length=100)
    # The Copenhagen date this reminder holds the person's one reminder of its kind for; set
    # just before sending, NULL until then (NULLs never collide in a unique index).
    day_slot: Optional[date] = Field(default=None, sa_column=sa.Column(sa.Date, nullable=True))


class TenantBudget(SQLModel, table=True):
    """Teams' request budget of one tenant, shared by every bot instance on this database.

    ``next_at`` is the earliest moment (epoch seconds on the database's clock) at which the next
    request into the tenant may leave; each reservation moves it on by the spacing
    (bot/scheduler/budget.py says why one row per tenant is enough)."""

    __tablename__ = "tenant_budget"
    tenant_id: str = Field(primary_key=True, max_length=100)
    next_at: float = Field(sa_column=sa.Column(sa.Float(precision=53), nullable=False))


class AuditEntry(SQLModel, table=True):
    """Who viewed, exported, deleted or changed what; never the free text itself.

    Rows are only ever inserted: the store has no update or delete for them, and database
    triggers (migration 0004) refuse both."""

    __tablename__ = "audit_log"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=utc_column(index=True))
    actor: str = Field(max_length=200)
    action: str = Field(max_length=60)
    subject: str = Field(default="", max_length=200)


# -- steps 1 and 5: the day of the dialogue and the invitation to it (bot/storage/invitation.py)
from datetime import time as _wall_time  # noqa: E402  (kept beside the tables that use it)


class DialogueDayRow(SQLModel, table=True):
    """When and where the workplace's dialogue is held (bot/process/invitation.py DialogueDay)."""

    __tablename__ = "dialogue_day"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    day: date = Field(sa_column=sa.Column("date", sa.Date, nullable=False))
    start: _wall_time = Field(sa_column=sa.Column("start", sa.Time, nullable=False))  # Copenhagen wall clock
    place: Optional[str] = Field(default=None, max_length=200)
    online_link: Optional[str] = Field(default=None, max_length=2000)
    set_by: str = Field(max_length=200)
    set_at: datetime = Field(sa_column=utc_column())
    changes: int = 0  # how often the day was moved: numbers the "day changed" messages


class DayInvitation(SQLModel, table=True):
    """One person invited to the day (Bilag 3), the fate of their card and their answer."""

    __tablename__ = "day_invitation"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    name: str = Field(default="", max_length=200)
    delivery: str = Field(default="pending", max_length=20)  # pending|sent|unreachable|failed
    delivery_reason: Optional[str] = Field(default=None, max_length=100)
    card_activity_id: Optional[str] = Field(default=None, max_length=200)
    answer: Optional[str] = Field(default=None, max_length=20)  # coming|cannot_come
    answered_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))


# -- step 4: the planning group's choice of the day's themes (bot/storage/selection.py)
class ThemeSelection(SQLModel, table=True):
    """The well-being and leadership theme chosen for a dialogue, why, by whom, and when told."""

    __tablename__ = "theme_selection"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    wellbeing_theme_id: str = Field(max_length=40)
    wellbeing_own_title: Optional[str] = Field(default=None, max_length=200)
    wellbeing_reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    wellbeing_nominations: int = 0
    leadership_theme_id: str = Field(max_length=40)
    leadership_own_title: Optional[str] = Field(default=None, max_length=200)
    leadership_reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_nominations: int = 0
    chosen_by: str = Field(max_length=200)
    chosen_at: datetime = Field(sa_column=utc_column())
    announced_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))  # NULL until step 5


# -- step 6: preparing the everyday examples (bot/storage/everyday_example.py)
class ExamplePreparation(SQLModel, table=True):
    """One person's private notes per chosen theme and their ready mark, for one dialogue.

    Only the person reads the notes; the retention job deletes the row some weeks after the day
    (bot/process/everyday_example.py NOTES_KEPT_DAYS)."""

    __tablename__ = "example_preparation"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    wellbeing_note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    leadership_note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    ready_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    updated_at: datetime = Field(sa_column=utc_column())


# -- step 8: what the groups produced, and the evaluation (bot/storage/group_results.py, evaluation.py)
class GroupResult(SQLModel, table=True):
    """One group's flip-chart for one round of the day: its 2 key points and 2 desired actions
    (JSON lists), the latest version and who wrote it (shown to the group only)."""

    __tablename__ = "group_result"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    kind: str = Field(primary_key=True, max_length=20)
    group_no: int = Field(primary_key=True)
    key_points: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    desired_actions: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    entered_by: str = Field(max_length=200)
    entered_at: datetime = Field(sa_column=utc_column())
    version: int = 1


class EvaluationAnswer(SQLModel, table=True):
    """One attendee's answer to the day's short evaluation; stored per person only so each has
    one answer (and can see, export and delete it), never shown with a name."""

    __tablename__ = "evaluation_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    good: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    adjust: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    answered_at: datetime = Field(sa_column=utc_column())


# -- step 7: the groups of the day's two rounds (bot/storage/grouping.py)
class GroupingRow(SQLModel, table=True):
    """The groups of the well-being and the leadership round, who was marked absent, and the
    version a card names (bot/process/grouping.py SavedGrouping)."""

    __tablename__ = "grouping"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    seed: str = Field(max_length=100)
    wellbeing: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: [[user_id, …], …]
    leadership: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON, as wellbeing
    fewest_possible: int = 0  # the fewest repeated pairs the first round allows (kept: costly to redo)
    absent: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False))  # JSON: [user_id, …]
    first_held: Optional[bool] = None
    version: int = 1
    formed_by: str = Field(max_length=200)
    formed_at: datetime = Field(sa_column=utc_column())


# -- steps 10-11: the development plan, its versions and the employees' "seen" (bot/storage/development_plan.py)
class DevelopmentPlanRow(SQLModel, table=True):
    """A dialogue's development plan: its current version, and when it was adopted and announced."""

    __tablename__ = "development_plan"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = 1
    edited_by: str = Field(max_length=200)
    edited_at: datetime = Field(sa_column=utc_column())
    adopted_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    adopted_by: Optional[str] = Field(default=None, max_length=200)
    adopted_version: Optional[int] = None
    announced_version: Optional[int] = None  # the last version posted to the team's channel (step 11)


class PlanVersion(SQLModel, table=True):
    """Every saved version of a plan (its history): the initiatives as JSON, who saved it, when."""

    __tablename__ = "plan_version"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = Field(primary_key=True)
    initiatives: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    edited_by: str = Field(max_length=200)
    edited_at: datetime = Field(sa_column=utc_column())


class PlanAcknowledgement(SQLModel, table=True):
    """An employee's "Set og forstået" on the announced plan; only ever shown as a count."""

    __tablename__ = "plan_acknowledgement"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    version: int
    at: datetime = Field(sa_column=utc_column())


# -- the leader's own loop and step 9 (bot/storage/leader_loop.py)
class WorkplaceLeader(SQLModel, table=True):
    """Who leads the workplace, as the planning group named them (one per team)."""

    __tablename__ = "workplace_leader"
    team_id: str = Field(primary_key=True, max_length=200)
    user_id: str = Field(max_length=200, index=True)
    name: str = Field(default="", max_length=200)
    set_by: str = Field(max_length=200)
    set_at: datetime = Field(sa_column=utc_column())


class LeaderLoopRow(SQLModel, table=True):
    """A dialogue's leader loop: the leader's development areas (private unless shared), the
    feedback to employees, and when it was asked, posted and marked done."""

    __tablename__ = "leader_loop"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    leader_id: str = Field(max_length=200, index=True)  # whose own words these are ("mine data")
    development_areas: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False, server_default="[]"))
    feedback: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}"))
    shared: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    asked_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    posted_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    done_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    updated_at: datetime = Field(sa_column=utc_column())


class ImmediateAnswer(SQLModel, table=True):
    """An attendee's answer to "hvad kan vi hver især gøre allerede nu?" (step 9); shown only without names."""

    __tablename__ = "immediate_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    at: datetime = Field(sa_column=utc_column())


# -- the end-of-cycle survey (bot/storage/cycle_survey.py)
class SurveyAnswer(SQLModel, table=True):
    """One person's answers to the end-of-cycle survey (JSON: {question id: text}); stored per
    person only so each has one answer (and can see, export and delete it), never shown with a name."""

    __tablename__ = "survey_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    answers: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    answered_at: datetime = Field(sa_column=utc_column())


# -- steps 12-13: the initiatives' follow-ups and the send-on (bot/storage/follow_up.py)
class InitiativeStatus(SQLModel, table=True):
    """One recorded status of one initiative, with its note; every save is a new row (the history)."""

    __tablename__ = "initiative_status"
    id: Optional[int] = Field(default=None, primary_key=True)
    dialogue_id: str = Field(max_length=40, foreign_key="dialogue.id", index=True)
    initiative_id: str = Field(max_length=40)
    status: str = Field(max_length=20)
    note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    by: str = Field(max_length=200, index=True)  # whose words the note is ("mine data")
    at: datetime = Field(sa_column=utc_column())


class MilestoneDone(SQLModel, table=True):
    """A milestone marked done: by whom and when (unmarking deletes the row)."""

    __tablename__ = "milestone_done"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    initiative_id: str = Field(primary_key=True, max_length=40)
    milestone_id: str = Field(primary_key=True, max_length=40)
    done_at: datetime = Field(sa_column=utc_column())
    by: str = Field(max_length=200, index=True)


class SentOnRow(SQLModel, table=True):
    """The plan sent on before 1 December: by whom, when, which version (the first sender wins)."""

    __tablename__ = "sent_on"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    sent_at: datetime = Field(sa_column=utc_column())
    by: str = Field(max_length=200, index=True)
    plan_version: int


# -- step 10: sorting the input into topics and prioritising them (bot/storage/sorting.py)
class SortingTopic(SQLModel, table=True):
    """A topic (emne) of the planning group: its title and priority (1 high … 3 low, NULL not yet)."""

    __tablename__ = "sorting_topic"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    topic_id: str = Field(primary_key=True, max_length=40)
    title: str = Field(max_length=200)
    priority: Optional[int] = None
    position: int


class SortingItem(SQLModel, table=True):
    """A group's key point or desired action placed in a topic, with its text as it was then."""

    __tablename__ = "sorting_item"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    item_key: str = Field(primary_key=True, max_length=20)
    topic_id: str = Field(max_length=40)
    kind: str = Field(max_length=20)
    group_no: int
    slot: str = Field(max_length=10)
    idx: int
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


class SortingDecision(SQLModel, table=True):
    """The planning group's answer to one of the bot's proposals: accepted, moved or ignored."""

    __tablename__ = "sorting_decision"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    proposal_key: str = Field(primary_key=True, max_length=40)
    decision: str = Field(max_length=20)
    decided_at: datetime = Field(sa_column=utc_column())


# -- the organisation: administrators, coordination committees, HR (bot/storage/organisation.py)
class AdministratorRow(SQLModel, table=True):
    """A person granted administration in the bot (the ADMINISTRATORS setting names the first ones)."""

    __tablename__ = "administrator"
    user_id: str = Field(primary_key=True, max_length=200)
    granted_by: str = Field(max_length=200)
    granted_at: datetime = Field(sa_column=utc_column())


class CommitteeRow(SQLModel, table=True):
    """A coordination committee (or HR): the team where the bot is installed for it."""

    __tablename__ = "committee"
    id: str = Field(primary_key=True, max_length=80)
    team_id: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # committee | hr
    created_by: str = Field(max_length=200)
    created_at: datetime = Field(sa_column=utc_column())


class CommitteeLink(SQLModel, table=True):
    """Which committee a workplace sends its plan to."""

    __tablename__ = "committee_link"
    team_id: str = Field(primary_key=True, max_length=200)
    committee_id: str = Field(max_length=80, index=True)
    linked_by: str = Field(max_length=200)
    linked_at: datetime = Field(sa_column=utc_column())


class CommitteeSubmission(SQLModel, table=True):
    """One version of a workplace's plan sent to a committee: snapshots of its themes and initiatives."""

    __tablename__ = "committee_submission"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = Field(primary_key=True)
    committee_id: str = Field(max_length=80, index=True)
    team_id: str = Field(max_length=200)
    sent_at: datetime = Field(sa_column=utc_column())
    sent_by: str = Field(max_length=200, index=True)
    plan_version: int
    plan: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: the initiatives as sent
    themes: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: the chosen themes
    changes: Optional[str] = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))  # JSON; NULL for version 1


class HrForward(SQLModel, table=True):
    """A committee forwarded what it received to HR, with its comment."""

    __tablename__ = "hr_forward"
    id: Optional[int] = Field(default=None, primary_key=True)
    committee_id: str = Field(max_length=80, index=True)
    forwarded_by: str = Field(max_length=200, index=True)
    forwarded_at: datetime = Field(sa_column=utc_column())
    comment: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))

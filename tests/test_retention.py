"""Retention: RETENTION_DAYS after a round's deadline only anonymous counts remain (both backends)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.process.clock import FixedClock
from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.reminders import ReminderPlan
from bot.scheduler.retention import RetentionJob, apply_retention
from bot.scheduler.runner import ReminderRunner
from bot.storage.models import Nomination, NominationRound, Reminder, RoundMember, ThemeCount
from bot.process.people import Member
from bot.storage.reminders import ReminderQueue

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)
SECRET = "Min hemmelige begrundelse 🤫"


def nomination(wellbeing: str, leadership: str = "shared-direction-goals", title: str | None = None, why: str = SECRET) -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, title, why, why), ThemeChoice(Kind.LEADERSHIP, leadership, None, why, why),
    )


async def a_round(store, team: str, *, opened: datetime, answers: dict[str, NominationInput], invited: int):
    round_ = await store.dialogues.open_round(team_id=team, opened_by="u-lead", opened_at=opened, deadline_at=opened + timedelta(days=14),
                                              contact_name="Lea Leder", named_mode=True, concept="nyborg")
    await store.dialogues.add_invitees(round_.id, [Member(f"u-{i}", f"Navn {i}") for i in range(invited)])
    for user, n in answers.items():
        await store.nominations.save(round_.id, user, n, opened)
    await ReminderQueue(store.engine).add([
        ReminderPlan(f"k-{round_.id}-{i}", "nomination_deadline", team, round_.id, f"u-{i}", 1, opened + timedelta(days=10)) for i in range(invited)
    ])
    return round_


async def rows(store, model, **where) -> list:
    async with AsyncSession(store.engine) as s:
        query = sa.select(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return list((await s.exec(query)).scalars())


async def test_old_rounds_keep_only_anonymous_counts(store):
    old = await a_round(store, "team-a", opened=T0, invited=4, answers={
        "u-0": nomination("social-support-trust"), "u-1": nomination("social-support-trust"), "u-2": nomination("own", title=SECRET),
    })
    recent = await a_round(store, "team-a", opened=T0 + timedelta(days=300), invited=2, answers={"u-0": nomination("balance-energy", why="recent")})
    old_deadline = old.deadline_at

    # One day before the cut-off nothing happens; on the day after, the old round is anonymised.
    report = await apply_retention(store, now=old_deadline + timedelta(days=400) - timedelta(days=1), retention_days=400)
    assert report.rounds == 0 and len(await rows(store, Nomination, round_id=old.id)) == 3
    now = old_deadline + timedelta(days=400, hours=1)
    report = await apply_retention(store, now=now, retention_days=400)
    assert (report.rounds, report.nominations) == (1, 3)

    assert await rows(store, Nomination, round_id=old.id) == []
    assert await rows(store, Reminder, round_id=old.id) == []
    assert await rows(store, RoundMember, round_id=old.id) == []
    counts = {(c.kind, c.theme_id): c.count for c in await rows(store, ThemeCount, round_id=old.id)}
    assert counts == {("wellbeing", "social-support-trust"): 2, ("wellbeing", "own"): 1, ("leadership", "shared-direction-goals"): 3}
    kept = (await rows(store, NominationRound, id=old.id))[0]
    assert (kept.invited_count, kept.respondent_count, kept.contact_name, kept.opened_by) == (4, 3, "", "")
    assert kept.anonymised_at == now
    # No free text survives anywhere for the old round; the recent one is untouched.
    async with store.engine.connect() as conn:
        for table in ("nomination", "theme_count", "nomination_round", "round_member", "reminder", "audit_log", "person"):
            assert SECRET not in repr((await conn.execute(sa.text(f"SELECT * FROM {table}"))).all()), table
    assert len(await rows(store, Nomination, round_id=recent.id)) == 1
    assert (await store.my_data.personal_data("u-2", now=now)).nominations == ()
    assert [e.action for e in await store.audit.entries(actor="system:retention")] == ["retention.applied"]

    # Running again changes nothing.
    assert (await apply_retention(store, now=now + timedelta(days=1), retention_days=400)).rounds == 0


async def test_the_job_runs_at_most_daily_and_rides_on_the_sweep(store):
    clock = FixedClock(T0)
    await a_round(store, "team-a", opened=T0, invited=1, answers={"u-0": nomination("balance-energy")})
    job = RetentionJob(store, clock, retention_days=30)
    assert (await job.run_if_due()).rounds == 0
    clock.set(T0 + timedelta(days=60))
    assert await job.run_if_due() is not None  # a day has passed since the last run
    assert await rows(store, Nomination) == []
    assert await job.run_if_due() is None  # not again the same day

    calls = []

    class NoSweep:
        async def run_once(self):
            raise RuntimeError("the sweep failed")

    async def housekeeping():
        calls.append(1)

    runner = ReminderRunner(NoSweep(), housekeeping=housekeeping)  # type: ignore[arg-type]
    await runner.sweep_now()
    assert calls == [1]  # housekeeping runs even when the sweep failed


async def test_handled_activity_ids_are_forgotten_after_a_week(store):
    await store.activities.claim("c|1", T0)
    await apply_retention(store, now=T0 + timedelta(days=8), retention_days=400)
    assert await store.activities.claim("c|1", T0 + timedelta(days=8))


def test_retention_days_is_a_setting_with_a_default():
    from bot.settings import Settings

    settings = Settings(local_development=True, _env_file=None)
    assert settings.retention_days == 400 and settings.min_group_size == 5
    assert Settings(local_development=True, retention_days=30, _env_file=None).retention_days == 30
    with pytest.raises(ValueError):
        Settings(local_development=True, retention_days=0, _env_file=None)


async def test_what_people_answered_about_a_day_goes_with_the_retention_time(store):
    """Evaluation answers and "already now" answers: gone `retention_days` after the day, not before."""
    from datetime import date, time

    from bot.process.evaluation import EvaluationAnswer
    from bot.process.invitation import DialogueDay

    now = datetime(2026, 9, 1, 8, tzinfo=timezone.utc)
    old = await store.dialogues.ensure_dialogue("team-old", now)
    recent = await store.dialogues.ensure_dialogue("team-new", now)
    await store.invitations.set_day(old.id, DialogueDay(date(2026, 9, 29), time(8)), by="u-lea", now=now)
    await store.invitations.set_day(recent.id, DialogueDay(date(2027, 9, 28), time(8)), by="u-lea", now=now)
    for dialogue in (old, recent):
        await store.evaluations.answer(dialogue.id, "u-bo", EvaluationAnswer(good=SECRET, adjust=""), now=now)
        await store.leader_loops.answer(dialogue.id, "u-bo", SECRET, now=now)
    later = datetime(2026, 9, 29, 12, tzinfo=timezone.utc) + timedelta(days=401)
    await apply_retention(store, now=later, retention_days=400)
    assert await store.evaluations.answers(old.id) == {}
    assert await store.leader_loops.answer_of(old.id, "u-bo") is None
    assert set(await store.evaluations.answers(recent.id)) == {"u-bo"}
    assert await store.leader_loops.answer_of(recent.id, "u-bo") == SECRET


async def test_the_leaders_own_words_go_with_the_retention_time_and_the_marks_stay(store):
    """The leader's development areas and feedback: gone `retention_days` after the day; that the
    loop was done stays (it is all the planning group ever saw of it)."""
    from datetime import date, time

    from bot.process.invitation import DialogueDay
    from bot.process.leader_loop import DevelopmentArea, Feedback

    now = datetime(2026, 9, 1, 8, tzinfo=timezone.utc)
    old = await store.dialogues.ensure_dialogue("team-old", now)
    recent = await store.dialogues.ensure_dialogue("team-new", now)
    await store.invitations.set_day(old.id, DialogueDay(date(2026, 9, 29), time(8)), by="u-lea", now=now)
    await store.invitations.set_day(recent.id, DialogueDay(date(2027, 9, 28), time(8)), by="u-lea", now=now)
    for dialogue in (old, recent):
        await store.leader_loops.save_areas(dialogue.id, (DevelopmentArea(SECRET, SECRET),), shared=True, leader_id="u-lea", now=now)
        await store.leader_loops.save_feedback(dialogue.id, Feedback(thanks=SECRET, follow_up=SECRET), leader_id="u-lea", now=now)
        await store.leader_loops.mark_done(dialogue.id, leader_id="u-lea", now=now)
    day_after = datetime(2026, 9, 29, 12, tzinfo=timezone.utc)
    await apply_retention(store, now=day_after + timedelta(days=399), retention_days=400)
    assert (await store.leader_loops.get(old.id)).areas[0].title == SECRET  # not a day early

    await apply_retention(store, now=day_after + timedelta(days=401), retention_days=400)
    gone = await store.leader_loops.get(old.id)
    assert (gone.areas, gone.feedback, gone.shared) == ((), Feedback(), False)
    assert gone.done_at == now
    async with store.engine.connect() as conn:
        rows_ = (await conn.execute(sa.text("SELECT * FROM leader_loop WHERE dialogue_id = :d"), {"d": old.id})).all()
    assert SECRET not in repr(rows_)
    kept = await store.leader_loops.get(recent.id)
    assert (kept.areas[0].next_step, kept.feedback.follow_up, kept.shared) == (SECRET, SECRET, True)

"""Everything stored about one person, read for ``mine data`` / ``my data`` (GDPR art. 15 and 20).

One read-only transaction over every table that can hold the person; what is shown and exported
is built from the result by bot/process/my_data.py, without the database.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from .engine import Repository
from ..process.my_data import (
    AuditRecord,
    Invitation,
    Membership,
    PersonalData,
    Profile,
    ReminderRecord,
    StoredEvaluation,
    StoredStatusNote,
    StoredDayAnswer,
    StoredExampleNotes,
    StoredNomination,
    StoredSelection,
    StoredImmediateAnswer,
    StoredLeaderLoop,
    StoredSurvey,
)
from ..process.my_data_records import StoredForwardComment
from .dialogue import round_from_row
from .evaluation import Evaluations
from .follow_up import FollowUps
from .everyday_example import Examples
from .invitation import Invitations
from .leader_loop import LeaderLoops
from ..process.leader_loop import FEEDBACK_PARTS
from .selection import Selections
from .cycle_survey import Surveys
from .models import AuditEntry, CommitteeRow, HrForward, Nomination, NominationRound, Person, PlanningMember, Reminder, RoundMember, Workplace
from .nomination import nomination_from_row

# A person's audit trail is shown up to this many rows; the export holds the same.
MAX_AUDIT_ROWS = 500

_A = AuditEntry.__table__.c
_M = RoundMember.__table__
_N = Nomination.__table__
_P = PlanningMember.__table__.c
_R = NominationRound.__table__
_REM = Reminder.__table__
_F = HrForward.__table__
_C = CommitteeRow.__table__


class MyData(Repository):
    """A person's own data, across every workplace."""

    @property
    def _examples(self) -> Examples:
        return Examples(self.engine)

    async def personal_data(self, user_id: str, *, now: datetime) -> PersonalData:
        """Everything stored about ``user_id``: profile, roles, rounds, nominations, reminders, audit."""
        async with self.engine.connect() as conn:
            person = (await conn.execute(sa.select(Person.__table__).where(Person.__table__.c.user_id == user_id))).first()
            teams = {w.id: w.name for w in (await conn.execute(sa.select(Workplace.__table__.c.id, Workplace.__table__.c.name))).all()}
            memberships = [
                Membership(m.team_id, teams.get(m.team_id, ""), m.added_at)
                for m in (await conn.execute(sa.select(PlanningMember.__table__).where(_P.user_id == user_id).order_by(_P.added_at))).all()
            ]
            invited = (await conn.execute(
                sa.select(_M.c.delivery, _M.c.delivery_reason, _R).join(_R, _R.c.id == _M.c.round_id)
                .where(_M.c.user_id == user_id).order_by(_R.c.opened_at.desc())
            )).all()
            rounds = {r.id: round_from_row(r) for r in invited}
            invitations = [
                Invitation(r.id, teams.get(r.team_id, ""), rounds[r.id].deadline_date, rounds[r.id].is_open(now), r.delivery, r.delivery_reason)
                for r in invited
            ]
            nominations = []
            for n in (await conn.execute(sa.select(_N).where(_N.c.user_id == user_id))).all():
                round_ = rounds.get(n.round_id)
                if round_ is None:
                    row = (await conn.execute(sa.select(_R).where(_R.c.id == n.round_id))).first()
                    round_ = round_from_row(row) if row else None
                nominations.append(StoredNomination(
                    n.round_id, teams.get(round_.team_id, "") if round_ else "", round_.deadline_date if round_ else n.submitted_at.date(),
                    bool(round_ and round_.is_open(now)), nomination_from_row(n), n.submitted_at, n.updated_at, n.version,
                    n.entered_by,
                ))
            nominations.sort(key=lambda n: n.submitted_at, reverse=True)
            reminders = [
                ReminderRecord(r.kind, r.round_id, r.due_at, r.status, r.sent_at)
                for r in (await conn.execute(sa.select(_REM).where(_REM.c.recipient_id == user_id).order_by(_REM.c.due_at))).all()
            ]
            audit = [
                AuditRecord(a.at, a.action, a.actor == user_id)
                for a in (await conn.execute(
                    sa.select(AuditEntry.__table__).where(sa.or_(_A.actor == user_id, _A.subject == user_id))
                    .order_by(_A.id.desc()).limit(MAX_AUDIT_ROWS)
                )).all()
            ]
        example_notes = tuple(
            StoredExampleNotes(dialogue_id, teams.get(team_id, ""), p.notes.wellbeing, p.notes.leadership, p.ready_at, p.updated_at)
            for dialogue_id, team_id, p in await self._examples.of_person(user_id)
        )
        evaluations = tuple(
            StoredEvaluation(dialogue_id, teams.get(team_id, ""), answer.good, answer.adjust, answered_at)
            for dialogue_id, team_id, answer, answered_at in await Evaluations(self.engine).of_person(user_id)
        )
        day_invitations = tuple(
            StoredDayAnswer(dialogue_id, teams.get(team_id, ""), day.date if day else None, invited.delivery,
                            invited.answer.value if invited.answer else None, invited.answered_at)
            for dialogue_id, team_id, invited, day in await Invitations(self.engine).of_person(user_id)
        )
        theme_selections = tuple(
            StoredSelection(dialogue_id, teams.get(team_id, ""), chosen)
            for dialogue_id, team_id, chosen in await Selections(self.engine).of_person(user_id)
        )
        profile = None
        if person is not None:
            profile = Profile(person.user_id, person.tenant_id, person.aad_object_id, person.name, person.lang, person.conversation_id, person.updated_at)
        surveys = tuple(  # the end-of-cycle survey
            StoredSurvey(dialogue_id, teams.get(team_id, ""), answers.given, answered_at, concept)
            for dialogue_id, team_id, concept, answers, answered_at in await Surveys(self.engine).of_person(user_id)
        )
        status_notes = tuple(  # the follow-ups of the initiatives (step 12)
            StoredStatusNote(dialogue_id, teams.get(team_id, ""), e.initiative_id, e.status.value, e.note, e.at)
            for dialogue_id, team_id, e in await FollowUps(self.engine).of_person(user_id)
        )
        loops = LeaderLoops(self.engine)  # the leader's own development plan and feedback; step 9's answers
        leader_loops = tuple(
            StoredLeaderLoop(dialogue_id, teams.get(team_id, ""), tuple((a.title, a.next_step) for a in loop.areas),
                             {p: getattr(loop.feedback, p) for p in FEEDBACK_PARTS}, loop.shared, loop.posted_at, loop.done_at,
                             loop.updated_at)
            for dialogue_id, team_id, loop in await loops.of_leader(user_id)
        )
        immediate_answers = tuple(StoredImmediateAnswer(d, teams.get(team_id, ""), text, at)
                                  for d, team_id, text, at in await loops.answers_of_person(user_id))
        return PersonalData(profile, tuple(memberships), tuple(invitations), tuple(nominations), tuple(reminders), tuple(audit),
                            example_notes, evaluations, day_invitations, theme_selections, surveys=surveys, status_notes=status_notes,
                            leader_loops=leader_loops, immediate_answers=immediate_answers,
                            hr_comments=await self.forward_comments(user_id))

    async def forward_comments(self, user_id: str) -> tuple[StoredForwardComment, ...]:
        """Every forward to HR the person made, newest first, with the comment they wrote (empty once deleted)."""
        query = (sa.select(_F, _C.c.name).select_from(_F.outerjoin(_C, _C.c.id == _F.c.committee_id))
                 .where(_F.c.forwarded_by == user_id).order_by(_F.c.forwarded_at.desc(), _F.c.id.desc()))
        async with self.engine.connect() as conn:
            return tuple(StoredForwardComment(r.id, r.name or "", r.comment, r.forwarded_at) for r in (await conn.execute(query)).all())

    async def delete_forward_comment(self, forward_id: int, user_id: str) -> bool:
        """Empty the comment the person wrote on a forward to HR; False if it was not theirs or already empty.

        The forward itself stays, and so does who made it: it is the committee's act (HR was sent
        the plans on that day, and the committee's overview counts on it), while the comment is
        the writer's own words. An HR post still waiting to go out then goes without it.
        """
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.update(_F).where(_F.c.id == forward_id, _F.c.forwarded_by == user_id, _F.c.comment != "")
                                        .values(comment=""))
        return bool(result.rowcount)

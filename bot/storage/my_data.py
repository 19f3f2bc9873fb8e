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
    StoredNomination,
)
from .dialogue import round_from_row
from .models import AuditEntry, Nomination, NominationRound, Person, PlanningMember, Reminder, RoundMember, Workplace
from .nomination import nomination_from_row

# A person's audit trail is shown up to this many rows; the export holds the same.
MAX_AUDIT_ROWS = 500

_A = AuditEntry.__table__.c
_M = RoundMember.__table__
_N = Nomination.__table__
_P = PlanningMember.__table__.c
_R = NominationRound.__table__
_REM = Reminder.__table__


class MyData(Repository):
    """A person's own data, across every workplace."""

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
        profile = None
        if person is not None:
            profile = Profile(person.user_id, person.tenant_id, person.aad_object_id, person.name, person.lang, person.conversation_id, person.updated_at)
        return PersonalData(profile, tuple(memberships), tuple(invitations), tuple(nominations), tuple(reminders), tuple(audit))

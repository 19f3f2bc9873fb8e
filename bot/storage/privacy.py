"""The queries privacy needs: one person's data, retention of old rounds, counts across workplaces.

Kept apart from `Store` so the everyday queries stay small; each function takes the store and
runs its own short transaction.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.aggregates import OrganisationCounts, WorkplaceCounts, organisation_theme_counts
from ..process.concept import Kind
from ..process.personal_data import (
    AuditRecord,
    Invitation,
    Membership,
    PersonalData,
    Profile,
    ReminderRecord,
    StoredNomination,
)
from ..process.rounds import Round
from .models import AuditEntry, Nomination, NominationRound, Person, PlanningMember, Reminder, RoundMember, ThemeCount, Workplace
from .store import Store, nomination_from_row, round_from_row

# A person's audit trail is shown up to this many rows; the export holds the same.
MAX_AUDIT_ROWS = 500


async def personal_data(store: Store, user_id: str, *, now: datetime) -> PersonalData:
    """Everything stored about `user_id`: profile, roles, rounds, nominations, reminders, audit."""
    async with store.session() as s:
        person = await s.get(Person, user_id)
        teams = {w.id: w.name for w in (await s.exec(sa.select(Workplace))).scalars()}
        memberships = [
            Membership(m.team_id, teams.get(m.team_id, ""), m.added_at)
            for m in (await s.exec(sa.select(PlanningMember).where(PlanningMember.user_id == user_id).order_by(PlanningMember.added_at))).scalars()
        ]
        invited = (await s.exec(
            sa.select(RoundMember, NominationRound).join(NominationRound, NominationRound.id == RoundMember.round_id)
            .where(RoundMember.user_id == user_id).order_by(NominationRound.opened_at.desc())
        )).all()
        rounds = {r.id: round_from_row(r) for _, r in invited}
        invitations = [
            Invitation(r.id, teams.get(r.team_id, ""), rounds[r.id].deadline_date, rounds[r.id].is_open(now), m.delivery, m.delivery_reason)
            for m, r in invited
        ]
        nominations = []
        for n in (await s.exec(sa.select(Nomination).where(Nomination.user_id == user_id))).scalars():
            round_ = rounds.get(n.round_id) or await _get_round(s, n.round_id)
            nominations.append(StoredNomination(
                n.round_id, teams.get(round_.team_id, "") if round_ else "", round_.deadline_date if round_ else n.submitted_at.date(),
                bool(round_ and round_.is_open(now)), nomination_from_row(n), n.submitted_at, n.updated_at, n.version,
            ))
        nominations.sort(key=lambda n: n.submitted_at, reverse=True)
        reminders = [
            ReminderRecord(r.kind, r.round_id, r.due_at, r.status, r.sent_at)
            for r in (await s.exec(sa.select(Reminder).where(Reminder.recipient_id == user_id).order_by(Reminder.due_at))).scalars()
        ]
        audit = [
            AuditRecord(a.at, a.action, a.actor == user_id)
            for a in (await s.exec(
                sa.select(AuditEntry).where(sa.or_(AuditEntry.actor == user_id, AuditEntry.subject == user_id))
                .order_by(AuditEntry.id.desc()).limit(MAX_AUDIT_ROWS)
            )).scalars()
        ]
    profile = None
    if person is not None:
        profile = Profile(person.user_id, person.tenant_id, person.aad_object_id, person.name, person.lang, person.conversation_id, person.updated_at)
    return PersonalData(profile, tuple(memberships), tuple(invitations), tuple(nominations), tuple(reminders), tuple(audit))


async def _get_round(session, round_id: str) -> Round | None:  # noqa: ANN001
    row = await session.get(NominationRound, round_id)
    return round_from_row(row) if row else None


# -- retention --------------------------------------------------------------------------------
async def rounds_to_anonymise(store: Store, *, deadline_before: datetime) -> list[str]:
    """Rounds whose deadline passed before the cut-off and that still hold personal data."""
    async with store.session() as s:
        rows = await s.exec(
            sa.select(NominationRound.id)
            .where(NominationRound.deadline_at < deadline_before, NominationRound.anonymised_at.is_(None))
            .order_by(NominationRound.deadline_at)
        )
        return list(rows.scalars())


async def anonymise_round(store: Store, round_id: str, *, now: datetime) -> int:
    """Keep the round's counts per theme; delete its nominations, reminders and invitations.

    One transaction, so a crash leaves the round either untouched or fully anonymised.
    Own proposals count under the own-proposal id: their titles are free text. Returns how
    many nominations were deleted.
    """
    async with store.session() as s:
        row = await s.get(NominationRound, round_id, with_for_update=store.dialect == "postgresql")
        if row is None or row.anonymised_at is not None:
            return 0
        nominations = list((await s.exec(sa.select(Nomination).where(Nomination.round_id == round_id))).scalars())
        counts: Counter[tuple[str, str]] = Counter()
        for n in nominations:
            for kind in Kind:
                counts[(kind.value, getattr(n, f"{kind.value}_theme"))] += 1
        for (kind, theme_id), count in counts.items():
            s.add(ThemeCount(round_id=round_id, kind=kind, theme_id=theme_id, team_id=row.team_id, count=count))
        invited = (await s.exec(sa.select(sa.func.count()).select_from(RoundMember).where(RoundMember.round_id == round_id))).scalar_one()
        row.invited_count = max(invited, len(nominations))
        row.respondent_count = len(nominations)
        row.contact_name, row.opened_by, row.anonymised_at = "", "", now
        s.add(row)
        await s.exec(sa.delete(Nomination).where(Nomination.round_id == round_id))
        await s.exec(sa.delete(Reminder).where(Reminder.round_id == round_id))
        await s.exec(sa.delete(RoundMember).where(RoundMember.round_id == round_id))
        try:
            await s.commit()
        except IntegrityError:  # another process anonymised it first (SQLite has no row lock)
            return 0
        return len(nominations)


# -- counts across workplaces -----------------------------------------------------------------
async def theme_counts_by_workplace(store: Store, *, opened_since: datetime | None = None) -> dict[str, WorkplaceCounts]:
    """Counts per theme for every workplace, from live nominations and from anonymised rounds."""
    out: dict[str, WorkplaceCounts] = {}
    async with store.session() as s:
        rounds = sa.select(NominationRound)
        if opened_since is not None:
            rounds = rounds.where(NominationRound.opened_at >= opened_since)
        round_rows = {r.id: r for r in (await s.exec(rounds)).scalars()}
        if not round_rows:
            return out
        ids = list(round_rows)
        for n in (await s.exec(sa.select(Nomination).where(Nomination.round_id.in_(ids)))).scalars():
            entry = out.setdefault(round_rows[n.round_id].team_id, WorkplaceCounts())
            entry.respondents += 1
            for kind in Kind:
                entry.themes[(kind.value, getattr(n, f"{kind.value}_theme"))] += 1
        for c in (await s.exec(sa.select(ThemeCount).where(ThemeCount.round_id.in_(ids)))).scalars():
            out.setdefault(c.team_id, WorkplaceCounts()).themes[(c.kind, c.theme_id)] += c.count
        for r in round_rows.values():
            if r.anonymised_at is not None and r.respondent_count:
                out.setdefault(r.team_id, WorkplaceCounts()).respondents += r.respondent_count
    return out


async def organisation_counts(store: Store, *, min_group_size: int, opened_since: datetime | None = None) -> OrganisationCounts:
    """Theme counts across all workplaces, small workplaces merged or left out (see aggregates)."""
    return organisation_theme_counts(await theme_counts_by_workplace(store, opened_since=opened_since), min_group_size=min_group_size)

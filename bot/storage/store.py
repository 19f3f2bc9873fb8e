"""Async access to the tables, behind one small interface the Teams layer and jobs use.

Every method is one short transaction; the event loop never waits on the database because the
drivers (aiosqlite, asyncpg) are async.
"""
from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from ..process.concept import Kind
from ..process.nomination import NominationInput, ThemeChoice
from ..process.rounds import Round
from ..process.tally import NominationRecord
from .models import AuditEntry, Nomination, NominationRound, Person, PlanningMember, ProcessedActivity, RoundMember, Workplace


# What the audit log records. Each is a fixed word; subjects are ids (see audit_id).
AUDIT_ACTIONS = frozenset({
    "planning_group.add", "planning_group.remove",  # role changes
    "tally.viewed",  # the planning group read the reasons
    "data.viewed", "data.exported",  # a person looked at or exported their own data
    "nomination.deleted",  # a person deleted their nomination
    "payload.rejected",  # a card submission no card of ours could have sent
    "retention.applied",  # the retention job deleted a round's nominations
})
_AUDIT_ID = re.compile(r"[A-Za-z0-9:@._;=|+/-]{0,200}")


def audit_id(value: str) -> str:
    """``value`` if it looks like an id (Teams ids, round ids, verb:code); else a short hash.

    So whatever a forged activity puts in an id, the audit log never holds text someone wrote.
    """
    if _AUDIT_ID.fullmatch(value):
        return value
    return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class RoundAlreadyOpen(Exception):
    """A workplace already has an open round (two clicks on Start, say)."""


@dataclass(frozen=True)
class Member:
    user_id: str
    name: str


class Store:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)

    def session(self) -> AsyncSession:
        return self._sessions()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- duplicates -------------------------------------------------------------------------
    async def claim_activity(self, key: str, now: datetime) -> bool:
        """Record that an activity is being handled; False if it already was."""
        async with self.session() as s:
            s.add(ProcessedActivity(key=key, received_at=now))
            try:
                await s.commit()
            except IntegrityError:
                return False
        return True

    async def release_activity(self, key: str) -> None:
        """Forget a claim whose handling failed, so Teams' retry can try again."""
        async with self.session() as s:
            await s.exec(sa.delete(ProcessedActivity).where(ProcessedActivity.key == key))
            await s.commit()

    async def forget_activities_before(self, cutoff: datetime) -> int:
        async with self.session() as s:
            result = await s.exec(sa.delete(ProcessedActivity).where(ProcessedActivity.received_at < cutoff))
            await s.commit()
            return result.rowcount or 0

    # -- workplaces and people --------------------------------------------------------------
    async def upsert_workplace(self, *, team_id: str, tenant_id: str, service_url: str, channel_id: str, name: str, now: datetime, concept: str) -> Workplace:
        async with self.session() as s:
            row = await s.get(Workplace, team_id)
            if row is None:
                row = Workplace(id=team_id, tenant_id=tenant_id, service_url=service_url, channel_id=channel_id, name=name, created_at=now, concept=concept)
            else:
                row.service_url, row.channel_id = service_url, channel_id
                row.name = name or row.name
            s.add(row)
            await s.commit()
            return row

    async def get_workplace(self, team_id: str) -> Workplace | None:
        async with self.session() as s:
            return await s.get(Workplace, team_id)

    async def upsert_person(self, *, user_id: str, tenant_id: str, now: datetime, name: str | None = None, aad_object_id: str | None = None, service_url: str | None = None, conversation_id: str | None = None) -> Person:
        return (await self.remember_person(
            user_id=user_id, tenant_id=tenant_id, now=now, name=name, aad_object_id=aad_object_id,
            service_url=service_url, conversation_id=conversation_id,
        ))[0]

    async def remember_person(self, *, user_id: str, tenant_id: str, now: datetime, name: str | None = None, aad_object_id: str | None = None, service_url: str | None = None, conversation_id: str | None = None) -> tuple[Person, bool]:
        """Store what we learnt about a person; returns the row and whether their 1:1 chat is new to us.

        Writes only when something changed: most turns come from people we already know, and a
        write takes SQLite's single write lock."""
        async with self.session() as s:
            row = await s.get(Person, user_id)
            changed = row is None
            if row is None:
                row = Person(user_id=user_id, tenant_id=tenant_id, updated_at=now)
            chat_is_new = bool(conversation_id) and row.conversation_id != conversation_id and not row.conversation_id
            for field, value in (("name", name), ("aad_object_id", aad_object_id), ("service_url", service_url), ("conversation_id", conversation_id)):
                if value and getattr(row, field) != value:
                    setattr(row, field, value)
                    changed = True
            if changed:
                row.updated_at = now
                s.add(row)
                await s.commit()
            return row, chat_is_new

    async def upsert_roster(self, members: Iterable[dict], *, tenant_id: str, service_url: str, now: datetime) -> None:
        """Remember a team roster page in one transaction (names, Entra ids), keeping chats and languages."""
        members = [m for m in members if m.get("id")]
        async with self.session() as s:
            known = {p.user_id: p for p in (await s.exec(sa.select(Person).where(Person.user_id.in_([str(m["id"]) for m in members])))).scalars()}
            for m in members:
                row = known.get(str(m["id"])) or Person(user_id=str(m["id"]), tenant_id=tenant_id, updated_at=now)
                row.name = str(m.get("name") or row.name or "")
                row.aad_object_id = m.get("aadObjectId") or m.get("objectId") or row.aad_object_id
                row.service_url = row.service_url or service_url
                row.updated_at = now
                s.add(row)
            await s.commit()

    async def get_person(self, user_id: str) -> Person | None:
        async with self.session() as s:
            return await s.get(Person, user_id)

    async def get_people(self, user_ids: Iterable[str]) -> dict[str, Person]:
        ids = list(user_ids)
        if not ids:
            return {}
        async with self.session() as s:
            rows = await s.exec(sa.select(Person).where(Person.user_id.in_(ids)))
            return {p.user_id: p for p in rows.scalars()}

    async def set_language(self, user_id: str, lang: str, *, tenant_id: str, now: datetime) -> None:
        async with self.session() as s:
            row = await s.get(Person, user_id) or Person(user_id=user_id, tenant_id=tenant_id, updated_at=now)
            row.lang, row.updated_at = lang, now
            s.add(row)
            await s.commit()

    # -- planning group ---------------------------------------------------------------------
    async def planning_group(self, team_id: str) -> list[Member]:
        async with self.session() as s:
            rows = await s.exec(sa.select(PlanningMember).where(PlanningMember.team_id == team_id).order_by(PlanningMember.added_at))
            return [Member(m.user_id, m.name) for m in rows.scalars()]

    async def add_planning_member(self, team_id: str, user_id: str, name: str, *, added_by: str, now: datetime) -> None:
        async with self.session() as s:
            if await s.get(PlanningMember, (team_id, user_id)) is None:
                s.add(PlanningMember(team_id=team_id, user_id=user_id, name=name, added_by=added_by, added_at=now))
                await s.commit()

    async def remove_planning_member(self, team_id: str, user_id: str) -> None:
        async with self.session() as s:
            await s.exec(sa.delete(PlanningMember).where(PlanningMember.team_id == team_id, PlanningMember.user_id == user_id))
            await s.commit()

    async def planning_teams(self, user_id: str) -> list[str]:
        async with self.session() as s:
            rows = await s.exec(sa.select(PlanningMember.team_id).where(PlanningMember.user_id == user_id))
            return list(rows.scalars())

    async def is_planning_member_anywhere(self, user_id: str) -> bool:
        return bool(await self.planning_teams(user_id))

    # -- audit ------------------------------------------------------------------------------
    async def audit(self, *, actor: str, action: str, subject: str = "", now: datetime) -> None:
        """Append one entry; ``action`` must be one of AUDIT_ACTIONS, ids only, never free text."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        async with self.session() as s:
            s.add(AuditEntry(at=now, actor=audit_id(actor), action=action, subject=audit_id(subject)))
            await s.commit()

    async def audit_entries(self, *, actor: str | None = None) -> list[AuditEntry]:
        async with self.session() as s:
            query = sa.select(AuditEntry).order_by(AuditEntry.id)
            if actor is not None:
                query = query.where(AuditEntry.actor == actor)
            return list((await s.exec(query)).scalars())

    # -- rounds -----------------------------------------------------------------------------
    async def open_round(self, *, team_id: str, opened_by: str, opened_at: datetime, deadline_at: datetime, contact_name: str, named_mode: bool, concept: str) -> Round:
        """Close any round whose deadline passed, then open a new one; refuses if one is open."""
        async with self.session() as s:
            await s.exec(
                sa.update(NominationRound)
                .where(NominationRound.open_slot == team_id, NominationRound.deadline_at <= opened_at)
                .values(open_slot=None, closed_at=NominationRound.deadline_at)
            )
            row = NominationRound(
                id=uuid.uuid4().hex, team_id=team_id, open_slot=team_id, opened_by=opened_by, opened_at=opened_at,
                deadline_at=deadline_at, contact_name=contact_name, named_mode=named_mode, concept=concept,
            )
            s.add(row)
            try:
                await s.commit()
            except IntegrityError:
                raise RoundAlreadyOpen(team_id) from None
            return round_from_row(row)

    async def get_round(self, round_id: str) -> Round | None:
        async with self.session() as s:
            row = await s.get(NominationRound, round_id)
            return round_from_row(row) if row else None

    async def latest_round(self, team_id: str) -> Round | None:
        async with self.session() as s:
            rows = await s.exec(
                sa.select(NominationRound).where(NominationRound.team_id == team_id).order_by(NominationRound.opened_at.desc()).limit(1)
            )
            row = rows.scalars().first()
            return round_from_row(row) if row else None

    async def rounds_for_member(self, user_id: str) -> list[Round]:
        """Rounds the person was invited to, newest first (for ``mine temaer``)."""
        async with self.session() as s:
            rows = await s.exec(
                sa.select(NominationRound)
                .join(RoundMember, RoundMember.round_id == NominationRound.id)
                .where(RoundMember.user_id == user_id)
                .order_by(NominationRound.opened_at.desc())
            )
            return [round_from_row(r) for r in rows.scalars()]

    async def add_round_members(self, round_id: str, members: Iterable[Member]) -> None:
        async with self.session() as s:
            existing = set((await s.exec(sa.select(RoundMember.user_id).where(RoundMember.round_id == round_id))).scalars())
            for m in members:
                if m.user_id not in existing:
                    existing.add(m.user_id)
                    s.add(RoundMember(round_id=round_id, user_id=m.user_id, name=m.name))
            await s.commit()

    async def record_card_delivery(self, round_id: str, user_id: str, *, delivery: str, activity_id: str | None = None, reason: str | None = None) -> None:
        async with self.session() as s:
            values: dict[str, object] = {"delivery": delivery, "delivery_reason": reason}
            if activity_id:
                values["card_activity_id"] = activity_id
            await s.exec(sa.update(RoundMember).where(RoundMember.round_id == round_id, RoundMember.user_id == user_id).values(**values))
            await s.commit()

    async def round_members(self, round_id: str) -> list[RoundMember]:
        async with self.session() as s:
            rows = await s.exec(sa.select(RoundMember).where(RoundMember.round_id == round_id).order_by(RoundMember.name))
            return list(rows.scalars())

    async def round_member(self, round_id: str, user_id: str) -> RoundMember | None:
        async with self.session() as s:
            return await s.get(RoundMember, (round_id, user_id))

    # -- nominations ------------------------------------------------------------------------
    async def save_nomination(self, round_id: str, user_id: str, nomination: NominationInput, now: datetime) -> bool:
        """Store or replace a person's nomination; False if it was identical (a double click)."""
        values = _nomination_columns(nomination)
        async with self.session() as s:
            row = await s.get(Nomination, (round_id, user_id), with_for_update=self.dialect == "postgresql")
            if row is None:
                s.add(Nomination(round_id=round_id, user_id=user_id, submitted_at=now, updated_at=now, **values))
            elif all(getattr(row, k) == v for k, v in values.items()):
                return False
            else:
                for k, v in values.items():
                    setattr(row, k, v)
                row.updated_at, row.version = now, row.version + 1
                s.add(row)
            try:
                await s.commit()
            except IntegrityError:  # the same submission raced in from another process
                return False
            return True

    async def get_nomination(self, round_id: str, user_id: str) -> NominationInput | None:
        async with self.session() as s:
            row = await s.get(Nomination, (round_id, user_id))
            return nomination_from_row(row) if row else None

    async def delete_nomination(self, round_id: str, user_id: str) -> bool:
        async with self.session() as s:
            result = await s.exec(sa.delete(Nomination).where(Nomination.round_id == round_id, Nomination.user_id == user_id))
            await s.commit()
            return bool(result.rowcount)

    async def nomination_records(self, round_id: str) -> list[NominationRecord]:
        async with self.session() as s:
            rows = await s.exec(
                sa.select(Nomination, RoundMember.name)
                .join(RoundMember, sa.and_(RoundMember.round_id == Nomination.round_id, RoundMember.user_id == Nomination.user_id), isouter=True)
                .where(Nomination.round_id == round_id)
            )
            return [NominationRecord(n.user_id, name or "", nomination_from_row(n), n.submitted_at) for n, name in rows.all()]

    async def respondents(self, round_id: str) -> set[str]:
        async with self.session() as s:
            rows = await s.exec(sa.select(Nomination.user_id).where(Nomination.round_id == round_id))
            return set(rows.scalars())


def round_from_row(row) -> Round:  # noqa: ANN001 (an ORM row or a Core row alike)
    return Round(
        id=row.id, team_id=row.team_id, opened_by=row.opened_by, opened_at=row.opened_at, deadline_at=row.deadline_at,
        contact_name=row.contact_name, named_mode=row.named_mode, closed_at=row.closed_at, concept=row.concept,
    )


def _nomination_columns(n: NominationInput) -> dict[str, object]:
    out: dict[str, object] = {}
    for kind in Kind:
        c = n.choice(kind)
        out[f"{kind.value}_theme"] = c.theme_id
        out[f"{kind.value}_own_title"] = c.own_title
        out[f"{kind.value}_why_me"] = c.why_me
        out[f"{kind.value}_core_task"] = c.core_task
    return out


def nomination_from_row(row) -> NominationInput:  # noqa: ANN001 (an ORM row or a Core row alike)
    def choice(kind: Kind) -> ThemeChoice:
        p = kind.value
        return ThemeChoice(kind, getattr(row, f"{p}_theme"), getattr(row, f"{p}_own_title"), getattr(row, f"{p}_why_me"), getattr(row, f"{p}_core_task"))

    return NominationInput(choice(Kind.WELLBEING), choice(Kind.LEADERSHIP))

"""A Copenhagen-scale database: employees, workplaces, two cycles of rounds and nominations, and a
reminder table of about a million rows, mostly sent or dropped, a few hundred of them due.

Rows go in with bulk INSERTs (executemany) in chunks; tables are made by the bot's migrations.
"""
from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.models import Nomination, NominationRound, Person, Reminder, RoundMember, Workplace

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)  # a Tuesday, 10:00 in Copenhagen
CYCLE_STARTS = (datetime(2025, 9, 2, 8, 0, tzinfo=timezone.utc), datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))
TENANT = "tenant-copenhagen"
KINDS = ("nomination", "examples", "followup-3m", "followup-6m", "december")
WELLBEING = ("social-support-trust", "influence-involvement", "meaning-direction", "variation-development", "reward-recognition",
             "mastery-quality-performance", "motivation-engagement", "predictability-clarity-communication", "balance-energy", "own")
LEADERSHIP = ("politics-core-task", "citizen-at-centre", "whole-cross-collaboration", "shared-direction-goals",
              "results-optimisation-development", "communication-collaboration-culture", "own")
_CHUNK = 20_000


@dataclass(frozen=True)
class Scale:
    employees: int
    workplaces: int
    reminders: int
    due: int = 300  # pending reminders already due
    response_rate: float = 0.75

    @property
    def label(self) -> str:
        return f"{self.employees:,} employees, {self.workplaces:,} workplaces, {self.reminders:,} reminder rows"


@dataclass
class Dataset:
    scale: Scale
    teams: list[str]
    current_rounds: dict[str, str]  # team -> round id of the second cycle
    rows: dict[str, int]


def _team(w: int) -> str:
    return f"19:workplace-{w:04d}@thread.tacv2"


def _user(e: int) -> str:
    return f"29:employee-{e:05d}"


async def _insert(engine: AsyncEngine, table, rows: Iterator[dict]) -> int:
    count, chunk = 0, []
    async with engine.begin() as conn:
        for row in rows:
            chunk.append(row)
            if len(chunk) >= _CHUNK:
                await conn.execute(table.insert(), chunk)
                count, chunk = count + len(chunk), []
        if chunk:
            await conn.execute(table.insert(), chunk)
            count += len(chunk)
    return count


async def generate(engine: AsyncEngine, scale: Scale, *, seed: int = 45_000) -> Dataset:
    """Fill a migrated, empty database; returns what the query benchmarks need to know."""
    rng = random.Random(seed)
    per_workplace = scale.employees // scale.workplaces
    teams = [_team(w) for w in range(scale.workplaces)]
    members = {team: [_user(w * per_workplace + i) for i in range(per_workplace)] for w, team in enumerate(teams)}
    rounds = {(team, cycle): uuid.UUID(int=rng.getrandbits(128)).hex for team in teams for cycle in range(len(CYCLE_STARTS))}
    rows: dict[str, int] = {}

    rows["workplace"] = await _insert(engine, Workplace.__table__, (
        {"id": t, "tenant_id": TENANT, "service_url": "https://smba.trafficmanager.net/emea/", "channel_id": t,
         "name": f"Arbejdsplads {i}", "concept": "nyborg", "created_at": CYCLE_STARTS[0]} for i, t in enumerate(teams)))
    rows["person"] = await _insert(engine, Person.__table__, (
        {"user_id": u, "tenant_id": TENANT, "aad_object_id": f"aad-{u[3:]}", "name": f"Medarbejder {u[-5:]}", "lang": None,
         "service_url": "https://smba.trafficmanager.net/emea/", "conversation_id": f"a:{u}", "updated_at": CYCLE_STARTS[0]}
        for team in teams for u in members[team]))

    def round_rows() -> Iterator[dict]:
        for (team, cycle), rid in rounds.items():
            opened = CYCLE_STARTS[cycle] + timedelta(days=rng.randrange(0, 20))
            deadline = opened + timedelta(days=14)
            yield {"id": rid, "team_id": team, "open_slot": None, "opened_by": members[team][0], "opened_at": opened,
                   "deadline_at": deadline, "closed_at": deadline, "contact_name": "Kontaktperson",
                   "named_mode": cycle == 1 and rng.random() < 0.3, "concept": "nyborg"}

    rows["nomination_round"] = await _insert(engine, NominationRound.__table__, round_rows())
    rows["round_member"] = await _insert(engine, RoundMember.__table__, (
        {"round_id": rid, "user_id": u, "name": f"Medarbejder {u[-5:]}", "card_activity_id": f"1:{u[-5:]}{cycle}",
         "delivery": "sent", "delivery_reason": None}
        for (team, cycle), rid in rounds.items() for u in members[team]))

    def nomination_rows() -> Iterator[dict]:
        for (team, cycle), rid in rounds.items():
            when = CYCLE_STARTS[cycle] + timedelta(days=3)
            for u in members[team]:
                if rng.random() >= scale.response_rate:
                    continue
                w, l = rng.choice(WELLBEING), rng.choice(LEADERSHIP)
                yield {"round_id": rid, "user_id": u, "wellbeing_theme": w, "wellbeing_own_title": "Mødekultur" if w == "own" else None,
                       "wellbeing_why_me": "Vi har travlt, og vi mangler tid til at tale sammen om opgaverne. " * 2,
                       "wellbeing_core_task": "Borgerne får en bedre og mere sammenhængende indsats.",
                       "leadership_theme": l, "leadership_own_title": "Tillid" if l == "own" else None,
                       "leadership_why_me": "Retningen for vores arbejde er uklar for mange af os.",
                       "leadership_core_task": "Vi trækker i samme retning.", "submitted_at": when, "updated_at": when, "version": 1}

    rows["nomination"] = await _insert(engine, Nomination.__table__, nomination_rows())
    rows["reminder"] = await _insert(engine, Reminder.__table__, _reminder_rows(scale, teams, members, rounds, rng))
    current = {team: rounds[(team, len(CYCLE_STARTS) - 1)] for team in teams}
    return Dataset(scale, teams, current, rows)


def _reminder_rows(scale: Scale, teams: list[str], members: dict[str, list[str]], rounds: dict, rng: random.Random) -> Iterator[dict]:
    """Reminder rows: a few hundred due, one percent pending later or claimed, the rest history."""
    people = [(team, u) for team in teams for u in members[team]]
    future, claimed = scale.reminders // 100, 50
    for i in range(scale.reminders):
        team, user = people[i % len(people)]
        sequence = i // len(people)  # the person's n-th reminder row
        cycle = sequence % len(CYCLE_STARTS)
        row = {"key": f"r:{i}", "kind": KINDS[sequence % len(KINDS)], "team_id": team, "round_id": rounds[(team, cycle)],
               "recipient_id": user, "sequence": sequence + 1, "claimed_by": None, "lease_until": None, "attempts": 0,
               "sent_at": None, "reason": None, "day_slot": None}
        if i < scale.due:
            row.update(status="pending", due_at=NOW - timedelta(minutes=rng.randrange(1, 240)))
        elif i < scale.due + claimed:
            row.update(status="claimed", due_at=NOW - timedelta(minutes=5), claimed_by="other-worker", lease_until=NOW + timedelta(minutes=4))
        elif i < scale.due + claimed + future:
            row.update(status="pending", due_at=NOW + timedelta(days=rng.randrange(1, 120), minutes=rng.randrange(0, 600)))
        else:
            due = CYCLE_STARTS[cycle] + timedelta(days=rng.randrange(0, 300), minutes=rng.randrange(0, 600))
            if rng.random() < 0.8:
                row.update(status="sent", due_at=due, sent_at=due + timedelta(seconds=rng.randrange(1, 90)), attempts=1,
                           day_slot=date(2020, 1, 1) + timedelta(days=sequence))
            else:
                row.update(status=rng.choice(("dropped", "dropped", "dropped", "unreachable", "failed")), due_at=due, reason="answered")
        yield row

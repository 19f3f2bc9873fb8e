"""Moving or closing a nomination round's deadline, and what happens when the deadline is reached.

The guide asks the planning group for "en frist for at aflevere temaer" and has the nominations
handed to the contact person "senest d. ___"; it says nothing about moving that date. What is
written here is therefore a local choice, kept small and plain:

* Extend. The planning group of the round's team may move the deadline of an open round to a
  later date, never earlier and never to today or before; and (local choice) no further from
  the day the round opened than the concept lets a new round's deadline lie from its start
  (``Limits.max_deadline_days``), so repeated extensions cannot keep a round open for ever.
  Those who have not answered get a short announcement with the button to their card, and
  their reminders are planned again for the new date (the old ones are dropped; the new keys
  carry the new date, so re-planning is idempotent and never collides with a dropped key).
* Close early. The planning group may close an open round now, after a confirmation; from
  then on it is as if the deadline had passed.
* At the deadline (or on closing early): one ``closing`` row per round for the team's channel
  ("Fristen for temaforslag er nået"). When it is sent it plans the rest: the final tally to
  every member of the planning group (as it is then), and for every card that went out an
  update in place to its closed form, so no old card offers a button that can only say no.
  All are queue rows, sent once, in working hours: a deadline at midnight is announced at
  09:00 on the next working day (until then a click on an old card already gets the polite
  "the round is closed" answer).

Rules take plain data and an explicit ``now``; storage and Teams only feed them.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .clock import COPENHAGEN
from .concept import Limits
from .nomination import Round, deadline_of_key
from .invitees import INVITATION_KIND, ROUND_STARTED_KIND
from .plan import end_of_local_day
from .reminders import ReminderPlan

EXTENDED_KIND = "nomination_extended"
CLOSING_KIND = "nomination_closing"
FINAL_TALLY_KIND = "nomination_final_tally"
CARD_CLOSED_KIND = "nomination_card_closed"

# Kinds the sweeper does not hold to one a person a day: each is one per round (or per
# extension) by its key, and an invitation or a closing notice must not wait a day because a
# reminder of another round went out that morning. Only the nagging kind, the reminder, is limited.
UNLIMITED_KINDS = frozenset({INVITATION_KIND, ROUND_STARTED_KIND, EXTENDED_KIND, CLOSING_KIND, FINAL_TALLY_KIND, CARD_CLOSED_KIND})

CLOSED_EARLY = "closed"  # the last part of the closing key of a round closed before its deadline


class DeadlineRefused(Exception):
    """The deadline cannot be moved (or the round closed) as asked; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # unknown_round | round_closed | not_a_date | not_later | too_far


def latest_deadline(round_: Round, limits: Limits) -> date:
    """The latest date the round's deadline may be moved to (see the module rules)."""
    opened = round_.opened_at.astimezone(COPENHAGEN).date()
    return date.fromordinal(opened.toordinal() + limits.max_deadline_days)


def check_extension(round_: Round | None, value: object, *, now: datetime, limits: Limits) -> datetime:
    """The new deadline (end of the chosen local day) for an ``Input.Date`` value, or DeadlineRefused."""
    if round_ is None:
        raise DeadlineRefused("unknown_round")
    if not round_.is_open(now):
        raise DeadlineRefused("round_closed")
    if not isinstance(value, str) or not value.strip():
        raise DeadlineRefused("not_a_date")
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise DeadlineRefused("not_a_date") from None
    if day <= round_.deadline_date:
        raise DeadlineRefused("not_later")
    if day > latest_deadline(round_, limits):
        raise DeadlineRefused("too_far")
    return end_of_local_day(day)


def check_close(round_: Round | None, *, now: datetime) -> Round:
    """The round, if it may be closed now (it is open); else DeadlineRefused."""
    if round_ is None:
        raise DeadlineRefused("unknown_round")
    if not round_.is_open(now):
        raise DeadlineRefused("round_closed")
    return round_


def default_extension(round_: Round, limits: Limits) -> date:
    """What the extend card proposes: a week more, within the limit."""
    return min(date.fromordinal(round_.deadline_date.toordinal() + 7), latest_deadline(round_, limits))


# -- the queue rows ---------------------------------------------------------------------------

def closing_key(round_: Round) -> str:
    """The one closing row that may be sent for the round as it now stands."""
    last = CLOSED_EARLY if round_.closed_at is not None else round_.deadline_date.isoformat()
    return f"closing:{round_.id}:{last}"


def plan_closing(round_: Round) -> ReminderPlan:
    """The channel's "deadline reached" row: at the deadline, or now for a round closed early."""
    due_at = round_.closed_at if round_.closed_at is not None else round_.deadline_at
    return ReminderPlan(closing_key(round_), CLOSING_KIND, round_.team_id, round_.id, round_.team_id, 1, due_at)


def closing_obsolete_reason(round_: Round | None, *, key: str, now: datetime) -> str | None:
    """Why a closing row must not be sent: the round is gone, still open, or it was planned for
    a deadline the round no longer has (extended, or closed early meanwhile)."""
    if round_ is None:
        return "round_missing"
    if round_.is_open(now):
        return "round_open"
    if key != closing_key(round_):
        return "deadline_moved"
    return None


def plan_after_closing(round_: Round, *, planning_group: Iterable[str], cards: Iterable[str], now: datetime) -> list[ReminderPlan]:
    """What the closing plans when it is sent: the final tally to each planning-group member and
    the closed form of each card that went out, all due now (one each per round, by key)."""
    plans = [
        ReminderPlan(f"final-tally:{round_.id}:{user}", FINAL_TALLY_KIND, round_.team_id, round_.id, user, 1, now)
        for user in dict.fromkeys(planning_group)
    ]
    plans += [
        ReminderPlan(f"card-closed:{round_.id}:{user}", CARD_CLOSED_KIND, round_.team_id, round_.id, user, 1, now)
        for user in dict.fromkeys(cards)
    ]
    return plans


def plan_announcements(round_: Round, recipients: Iterable[str], now: datetime) -> list[ReminderPlan]:
    """The short "the deadline has moved" message to each who has not answered, keyed by the new date.

    Its sequence is the new date's ordinal, so of two announcements of one person that a sweep
    claims together (extended twice overnight) the later deadline is the one kept."""
    return [
        ReminderPlan(f"extended:{round_.id}:{user}:{round_.deadline_date.isoformat()}", EXTENDED_KIND, round_.team_id, round_.id, user,
                     round_.deadline_date.toordinal(), now)
        for user in dict.fromkeys(recipients)
    ]


def announcement_obsolete_reason(round_: Round | None, *, key: str, now: datetime, has_nominated: bool) -> str | None:
    """Why an announcement must not go: the round closed, a later extension superseded it, or
    the person answered meanwhile."""
    if round_ is None:
        return "round_missing"
    if not round_.is_open(now):
        return "round_closed"
    if deadline_of_key(key) != round_.deadline_date:
        return "deadline_moved"
    if has_nominated:
        return "nominated"
    return None

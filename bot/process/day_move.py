"""Step 5 when the day moves: who is told, which answers go, which invitation cards are put right,
and what an answer from a card that showed the day before it moved is worth.

The day itself, the invitation and the answers are bot/process/invitation.py's; these rules
apply once the planning group moves a day the invitations already went out for.

The rules, written down:

* When the day moves (``day_change``). A new date or start time clears every answer (a "yes" to
  the 3rd says nothing about the 10th) and is told to everyone invited; the everyday-example
  reminders (and, for a new date, the leader's) are planned again. Their keys name the date, so a
  date the day had before gets its old keys back: what an earlier move dropped unsent is put back
  in the queue at the new plan's moments, while one already sent stays sent (once per date, never
  twice). A new place or link only is told to those coming or who have not
  answered: those who cannot come need not know the room. Answers are kept then.
* The invitation card itself (``refresh_invitation_cards``). Whenever the day changes, every
  invitation card that went out is put in place as it is now: the new date, time and place, and
  the answer as it now stands (none after a new date or time). That includes those who are not
  told, e.g. someone who cannot come whose room changed: an update in place sends no
  notification, and a card that is kept must not show a wrong room. A card still on its way is
  built with the new day when it goes out, so it needs no update.
* An answer from an old card (``check_may_answer`` with ``shown``). The answer buttons carry
  the date and start time the card showed. An answer to another date or time than the day's
  now is not an answer to this day: it is refused (``day_moved``) and the person is shown the
  day as it is. A button without them (a card from before this rule) is taken as today's answer.
* An answer on the notice. The notice that the day moved asks again ("can you still come?"). An
  answer pressed there is put in place on the notice and on the invitation card (whose activity
  id is kept), so the invitation shows no answer the person has since changed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from .invitation import DAY_CHANGED_KIND, INVITATION_REFRESH_KIND, Answer, DialogueDay, Invited, clock_time
from .reminders import ReminderPlan


# -- what moving the day means ----------------------------------------------------------------
@dataclass(frozen=True)
class DayChange:
    changed: frozenset[str]  # date | start | place | online_link
    tell: tuple[str, ...]  # who must be told, in the order invited
    clear_answers: bool
    replan_reminders: bool

    @property
    def is_empty(self) -> bool:
        return not self.changed


def day_change(old: DialogueDay, new: DialogueDay, invited: Iterable[str], answers: Mapping[str, Answer]) -> DayChange:
    """What moving the day from ``old`` to ``new`` means (see the module rules)."""
    changed = frozenset(name for name in ("date", "start", "place", "online_link")
                        if getattr(old, name) != getattr(new, name))
    people = list(dict.fromkeys(invited))
    moved = bool(changed & {"date", "start"})
    if not changed:
        tell: list[str] = []
    elif moved:
        tell = people
    else:
        tell = [p for p in people if answers.get(p) is not Answer.CANNOT_COME]
    return DayChange(changed, tuple(tell), clear_answers=moved, replan_reminders=moved)


def plan_day_changed(*, dialogue_id: str, team_id: str, tell: Iterable[str], change_number: int, now: datetime) -> list[ReminderPlan]:
    """'The day has moved' to each person ``day_change`` says must be told. ``change_number``
    counts the day's changes, so a later change is a new row and, when two are due together,
    only the later one is sent (reminders.superseded)."""
    return [ReminderPlan(f"{DAY_CHANGED_KIND}:{dialogue_id}:{user}:{change_number}", DAY_CHANGED_KIND, team_id, dialogue_id,
                         user, change_number, now)
            for user in dict.fromkeys(tell)]


# -- the invitation cards already out ---------------------------------------------------------
def refresh_invitation_cards(invited: Iterable[Invited]) -> list[str]:
    """Whose invitation card is put in place with the day as it is now: everyone whose card went
    out, and those whose invitation is still pending (it may be on its way this very moment; if it
    has not gone when the update is due, the update is obsolete and the invitation shows the new day)."""
    return list(dict.fromkeys(i.user_id for i in invited if i.delivery in ("sent", "pending")))


def plan_invitation_refresh(*, dialogue_id: str, team_id: str, people: Iterable[str], change_number: int,
                            now: datetime) -> list[ReminderPlan]:
    """An update in place of each person's invitation card after the day's ``change_number``-th
    change; built at send time, so a later change supersedes an earlier one due together."""
    return [ReminderPlan(f"{INVITATION_REFRESH_KIND}:{dialogue_id}:{user}:{change_number}", INVITATION_REFRESH_KIND, team_id,
                         dialogue_id, user, change_number, now)
            for user in dict.fromkeys(people)]


# -- an answer from a card that showed another day --------------------------------------------
@dataclass(frozen=True)
class ShownDay:
    """The date and start time a card's answer button was made for (either may be unknown)."""

    date: date | None = None
    start: time | None = None


def shown_day(date_text: str | None, start_text: str | None) -> ShownDay:
    """What an answer button says the card showed. A value that is not a date or time (only a
    forged card sends one) counts as another day, so the answer is refused rather than stored."""
    shown_date: date | None = None
    shown_start: time | None = None
    if date_text:
        try:
            shown_date = date.fromisoformat(date_text)
        except ValueError:
            shown_date = date.min
    if start_text:
        try:
            shown_start = clock_time(start_text)
        except ValueError:
            shown_start = time(23, 59, 59)  # no start a card can show (seconds are dropped)
    return ShownDay(shown_date, shown_start)

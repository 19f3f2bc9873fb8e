"""The planning group's status of a round, and the reminders to nominate before the deadline.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "status.sent_privately": (
        "Jeg har sendt dig status for runden i vores private chat.",
        "I have sent you the round status in our private chat.",
    ),
    "action.status": (
        "Se status",
        "See status",
    ),
    "status.summary": (
        "Status",
        "Status",
    ),
    "status.title": (
        "Status for runden",
        "Round status",
    ),
    "status.answered": (
        "Svar",
        "Answers",
    ),
    "status.answered.value": (
        "{answered} af {invited}",
        "{answered} of {invited}",
    ),
    "status.reminders": (
        "Påmindelser sendt",
        "Reminders sent",
    ),
    "status.unreachable": (
        "Kan ikke nås",
        "Cannot be reached",
    ),
    "status.unreachable.title": (
        "Dem, TalSammen ikke kan nå",
        "People TalSammen cannot reach",
    ),
    "status.unreachable.intro": (
        "Giv dem skemaet på en anden måde, fx på papir (bilag 2).",
        "Give them the form another way, for example on paper (Bilag 2 of the guide).",
    ),
    "status.unreachable.more": (
        "+ {count} flere",
        "+ {count} more",
    ),
    "status.reason.blocked": (
        "har blokeret TalSammen",
        "has blocked TalSammen",
    ),
    "status.reason.not_found": (
        "kunne ikke findes i Teams",
        "could not be found in Teams",
    ),
    "status.reason.not_installed": (
        "har ikke TalSammen installeret",
        "does not have TalSammen installed",
    ),
    "status.reason.failed": (
        "beskeden kunne ikke sendes",
        "the message could not be sent",
    ),
    "status.reason.unknown": (
        "ukendt årsag",
        "unknown reason",
    ),
    "reminder.title.first": (
        "Husk at vælge dine temaer",
        "Remember to choose your themes",
    ),
    "reminder.title.later": (
        "Påmindelse: vælg dine temaer",
        "Reminder: choose your themes",
    ),
    "reminder.text": (
        "Fristen for at vælge ét trivselstema og ét ledelsestema er {deadline}.",
        "The deadline for choosing one well-being theme and one leadership theme is {deadline}.",
    ),
    "reminder.why": (
        (
            "Dine temaer og begrundelser hjælper {planning_group} med at vælge, hvad I skal tale om i "
            "Udviklingsdialogen."
        ),
        (
            "Your themes and reasons help {planning_group} choose what you will talk about in the "
            "development dialogue."
        ),
    ),
    # The steps as the guide heads them (its section numbers come from bot/process/dialogue.py).
    "status.step": (
        "Trin {number}: {name}",
        "Step {number}: {name}",
    ),
    "status.step.plan": (
        "Plan for Udviklingsdialog på arbejdspladsen",
        "Plan the development dialogue at the workplace",
    ),
    "status.step.inform": (
        "Information til medarbejdere",
        "Information to employees",
    ),
    "status.step.nomination": (
        "Medarbejderne vælger temaer",
        "Employees choose themes",
    ),
    "status.step.tally": (
        "{Planning_group} udvælger temaer",
        "{Planning_group} selects themes",
    ),
    "status.step.selection": (
        "{Planning_group} udvælger temaer",
        "{Planning_group} selects themes",
    ),
    "status.step.invitation": (
        "Information til medarbejderne om valgte temaer",
        "Information to employees about the chosen themes",
    ),
    "status.step.everyday_example": (
        "Forbered eksempler fra hverdagen",
        "Prepare examples from everyday work",
    ),
    "status.step.grouping": (
        "Praktisk forberedelse",
        "Practical preparation",
    ),
    "status.step.run_sheet": (
        "Selve Udviklingsdialogen",
        "The development dialogue itself",
    ),
    "status.step.group_results": (
        "Selve Udviklingsdialogen",
        "The development dialogue itself",
    ),
    "status.step.evaluation": (
        "Selve Udviklingsdialogen",
        "The development dialogue itself",
    ),
    "status.step.immediate_follow_up": (
        "Umiddelbar opfølgning",
        "Immediate follow-up",
    ),
    "status.step.development_plan": (
        "Lav en plan for det videre arbejde",
        "Make a plan for the further work",
    ),
    "status.step.feedback": (
        "Tilbagemelding til medarbejdere",
        "Feedback to employees",
    ),
    "status.step.follow_up": (
        "Udviklingstiltag i gang",
        "Development initiatives under way",
    ),
    "status.step.send_on": (
        "Opfølgning på tværs i organisationen",
        "Follow-up across the organisation",
    ),
    "status.step.overview": (
        "Opfølgning på tværs i organisationen",
        "Follow-up across the organisation",
    ),
    "status.step.leader_loop": (
        "{Leader}s rolle",
        "{Leader}'s role",
    ),
    "status.deadline": (
        "Frist",
        "Deadline",
    ),
    "status.time_left": (
        "Tid tilbage",
        "Time left",
    ),
    "status.time_left.value": (
        "{working_days} ({days} i alt), i dag medregnet",
        "{working_days} ({days} in all), today included",
    ),
    "status.working_days": (
        "{count} arbejdsdage",
        "{count} working days",
    ),
    "status.working_days.one": (
        "{count} arbejdsdag",
        "{count} working day",
    ),
    "status.days": (
        "{count} dage",
        "{count} days",
    ),
    "status.days.one": (
        "{count} dag",
        "{count} day",
    ),
    "status.time_left.last_day": (
        "I dag er sidste dag",
        "Today is the last day",
    ),
    "status.time_left.ended": (
        "Fristen er udløbet",
        "The deadline has passed",
    ),
    "status.time_left.closed_early": (
        "Runden blev lukket før fristen, {date}",
        "The round was closed before the deadline, on {date}",
    ),
    "status.answered.paper": (
        "{answered} af {invited}, heraf {paper} på papir",
        "{answered} of {invited}, of whom {paper} on paper",
    ),
    "status.cards": (
        "Skemaet i Teams",
        "The form in Teams",
    ),
    "status.cards.value": (
        "{delivered} leveret, {waiting} venter, {undelivered} kunne ikke leveres",
        "{delivered} delivered, {waiting} waiting, {undelivered} could not be delivered",
    ),
    # Teams may have the card, but its answer never reached the bot: not sent again, so ask them.
    "status.cards.value.maybe": (
        "{delivered} leveret, {maybe} måske leveret (Teams bekræftede det ikke – spørg dem), {waiting} venter, "
        "{undelivered} kunne ikke leveres",
        "{delivered} delivered, {maybe} maybe delivered (Teams did not confirm it – ask them), {waiting} waiting, "
        "{undelivered} could not be delivered",
    ),
    "status.next_reminder": (
        "Næste påmindelse",
        "Next reminder",
    ),
    "status.next_reminder.none": (
        "Ingen planlagt",
        "None planned",
    ),
    "status.next.title": (
        "Herefter",
        "What comes next",
    ),
    "status.next.nomination": (
        (
            "Når fristen er udløbet, samler {planning_group} medarbejdernes temaer i optællingen og vælger, "
            "hvilke temaer der skal drøftes i Udviklingsdialogen."
        ),
        (
            "When the deadline has passed, {planning_group} gathers the employees' themes in the tally and "
            "chooses which themes will be discussed in the development dialogue."
        ),
    ),
    "status.next.tally": (
        (
            "Fristen er udløbet. Se optællingen og vælg ét trivselstema og ét ledelsestema, der skal drøftes i "
            "Udviklingsdialogen."
        ),
        (
            "The deadline has passed. See the tally and choose one well-being theme and one leadership theme "
            "to discuss in the development dialogue."
        ),
    ),
}

"""The planning group's status of a round, and the reminders to nominate before the deadline.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "status.sent_privately": (
        "Jeg har sendt status for runden til dig i vores private chat.",
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
            "Dine temaer og begrundelser hjælper planlægningsgruppen med at vælge, hvad I skal tale om i "
            "udviklingsdialogen."
        ),
        (
            "Your themes and reasons help the planning group choose what you will talk about in the "
            "development dialogue."
        ),
    ),
    "status.step.nomination": (
        "Temaer nomineres",
        "Themes are being nominated",
    ),
}

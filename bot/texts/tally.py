"""Step 4: the tally of nominated themes.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "tally.sent_privately": (
        "Jeg har sendt optællingen til dig i vores private chat.",
        "I have sent you the tally in our private chat.",
    ),
    "action.tally": (
        "Se optællingen",
        "See the tally",
    ),
    "tally.title": (
        "Optælling af temaforslag",
        "Tally of theme nominations",
    ),
    "tally.open": (
        "Foreløbig optælling – medarbejderne kan svare til og med {deadline}.",
        "Interim tally – employees can answer up to and including {deadline}.",
    ),
    "tally.closed": (
        "Endelig optælling – fristen var {deadline}.",
        "Final tally – the deadline was {deadline}.",
    ),
    "tally.responded": (
        "{responded} af {invited} har svaret ({percent} %)",
        "{responded} of {invited} have answered ({percent}%)",
    ),
    "tally.anonymous": (
        "Begrundelserne vises uden navne.",
        "Reasons are shown without names.",
    ),
    "tally.named": (
        "Navnet står ved hver begrundelse.",
        "Each reason shows its author's name.",
    ),
    "tally.truncated": (
        "Der er for mange begrundelser til én besked, så ikke alle vises her.",
        "There are too many reasons for one message, so not all are shown here.",
    ),
    "tally.none_yet": (
        "Ingen forslag endnu.",
        "No nominations yet.",
    ),
    "tally.more_rows": (
        "+ {count} flere temaer vises ikke her",
        "+ {count} more themes are not shown here",
    ),
    "tally.more_rows.one": (
        "+ 1 tema mere vises ikke her",
        "+ 1 more theme is not shown here",
    ),
    "tally.unchosen": (
        "Ikke valgt af nogen: {themes}.",
        "Not chosen by anyone: {themes}.",
    ),
    "tally.chart.own": (
        "{own} (egne forslag)",
        "{own} (own proposals)",
    ),
    "tally.count": (
        "valgt af {count}",
        "chosen by {count}",
    ),
    "tally.more_reasons": (
        "+ {count} flere begrundelser vises ikke her",
        "+ {count} more reasons are not shown here",
    ),
    "tally.more_reasons.one": (
        "+ 1 begrundelse mere vises ikke her",
        "+ 1 more reason is not shown here",
    ),
    "tally.show_reasons": (
        "Vis begrundelser ({count})",
        "Show reasons ({count})",
    ),
    "tally.why_me": (
        "Vigtigt for mig, fordi:",
        "Matters to me because:",
    ),
    "tally.core_task": (
        "Kerneopgaven:",
        "Core task:",
    ),
    "tally.summary": (
        "Optælling",
        "Tally",
    ),
}

"""The sample workplace the demo mode fills in (bot/demo.py): people, what they wrote, and when.

Everything here is what people would have typed into TalSammen in one year of the guide's
cycle, in a home-care unit ("hjemmeplejen"), so it is Danish in both languages, as a team's
own words are. The dates sit before ``DEMO_NOW``, the moment the demo's settable clock starts
at (bot/test_clock.py): a Tuesday in September, when the round, the day and the plan lie
behind the workplace and the 3-month follow-up has just been recorded, while the send-on
before 1 December (and the rest of the cycle, ``plan.cycle_of``) still lies ahead.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from .process.clock import COPENHAGEN
from .process.concept import Kind
from .process.development_plan import Initiative, Level, Milestone, Phase
from .process.follow_up import Status
from .process.group_results import ResultsInput

# Tuesday 22 September 2026, 10:00 in Copenhagen: inside the working window.
DEMO_NOW = datetime(2026, 9, 22, 8, 0, tzinfo=timezone.utc)
DEMO_CLOCK_START = DEMO_NOW.isoformat()


def local(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    """A Copenhagen wall-clock moment of the demo's year, in UTC as the storage keeps it."""
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


# The cycle, in the guide's order (all before DEMO_NOW, all in the 2026 cycle).
ROUND_OPENED = local(2026, 5, 4, 9)  # Monday
ROUND_DEADLINE_DAY = date(2026, 5, 15)  # Friday; nominations count until midnight
THEMES_CHOSEN = local(2026, 5, 19)
DAY = date(2026, 6, 11)  # Thursday: the development dialogue itself
DAY_START = time(8, 30)
DAY_PLACE = "Mødelokalet, Hjemmeplejen Nord"
GROUPS_FORMED = local(2026, 6, 9)
RESULTS_ENTERED = local(2026, 6, 11, 11)
PLAN_ADOPTED = local(2026, 6, 18, 14)  # the 3-month follow-up falls on Friday 18 September
FOLLOW_UP_RECORDED = local(2026, 9, 21)


@dataclass(frozen=True)
class Colleague:
    """A made-up colleague beside the Playground's six people (no Teams account, no chat)."""

    user_id: str
    name: str


COLLEAGUES = (
    Colleague("29:demo-anne-kristensen", "Anne Kristensen"),
    Colleague("29:demo-mikkel-rasmussen", "Mikkel Rasmussen"),
    Colleague("29:demo-hanne-pedersen", "Hanne Pedersen"),
    Colleague("29:demo-karina-thomsen", "Karina Thomsen"),
    Colleague("29:demo-soren-christiansen", "Søren Christiansen"),
    Colleague("29:demo-birgitte-larsen", "Birgitte Larsen"),
    Colleague("29:demo-ahmed-hassan", "Ahmed Hassan"),
    Colleague("29:demo-louise-poulsen", "Louise Poulsen"),
)


@dataclass(frozen=True)
class Answer:
    """One person's nomination: (theme id, own title, why me, why for the core task) per kind."""

    wellbeing: tuple[str, str | None, str, str]
    leadership: tuple[str, str | None, str, str]
    on_paper: bool = False  # handed in on the paper form and typed in by the planning group


# Given to the invited people in order (the Playground's people first); the last two invited
# never answer, so the tally shows a realistic response rate.
ANSWERS = (
    Answer(("social-support-trust", None, "Vi har fået mange nye kolleger, og jeg oplever, at vi ikke altid spørger hinanden om hjælp.",
            "Når vi stoler på hinanden, kan vi give borgeren en tryg og sammenhængende pleje."),
           ("communication-collaboration-culture", None, "Beskeder fra ledelsen når ikke altid ud til aftenvagterne.",
            "Klar besked betyder færre fejl i besøgene hos borgerne.")),
    Answer(("balance-energy", None, "Der er mange akutte ændringer i kørelisterne, og det slider på os.",
            "Med overskud har vi tid til at se hele borgeren og ikke kun opgaven."),
           ("citizen-at-centre", None, "Jeg vil gerne have, at vi taler mere om, hvad borgeren selv ønsker.",
            "Borgerens egne mål er kernen i rehabiliteringen.")),
    Answer(("social-support-trust", None, "Jeg savner at kunne vende et svært besøg med en kollega bagefter.",
            "Faglig sparring gør os bedre til at hjælpe borgere med store behov."),
           ("communication-collaboration-culture", None, "Vi er ikke gode til at give hinanden feedback på en ordentlig måde.",
            "En god feedbackkultur løfter kvaliteten i plejen.")),
    Answer(("predictability-clarity-communication", None, "Vi får ofte besked om ændringer i sidste øjeblik.",
            "Forudsigelighed giver ro, så vi kan planlægge besøgene ordentligt."),
           ("citizen-at-centre", None, "Vi har travlt med opgaverne og glemmer at spørge borgeren.",
            "Det er borgerens hverdag, vi er en del af.")),
    Answer(("social-support-trust", None, "Konflikter bliver liggende, fordi ingen tager dem op.",
            "Et godt arbejdsfællesskab smitter af på mødet med borgeren."),
           ("communication-collaboration-culture", None, "Det er uklart, hvem der beslutter hvad, når lederen ikke er her.",
            "Vi skal kunne handle hurtigt, når en borger får det dårligere.")),
    Answer(("influence-involvement", None, "Vi bliver sjældent spurgt, før nye arbejdsgange bliver indført.",
            "Vi kender borgerne bedst og kan se, hvad der virker i praksis."),
           ("whole-cross-collaboration", None, "Samarbejdet med sygeplejen og visitationen kan blive meget bedre.",
            "Borgeren skal opleve én kommune og ikke mange afdelinger.")),
    Answer(("balance-energy", None, "Weekendvagterne er svære at få dækket, og de samme tager dem hver gang.",
            "Trætte medarbejdere laver flere fejl."),
           ("communication-collaboration-culture", None, "Informationen på personalemøderne når ikke ud til alle.",
            "Vi løser opgaven bedre, når alle ved det samme."), on_paper=True),
    Answer(("social-support-trust", None, "Jeg vil gerne have, at vi hjælper hinanden mere på tværs af ruterne.",
            "Hjælper vi hinanden, når vi alle borgere til tiden."),
           ("own", "Mødekultur", "Vores personalemøder bliver ofte til rene informationsmøder.",
            "Gode møder giver tid til at tale om faglighed og om borgerne.")),
    Answer(("predictability-clarity-communication", None, "Kørelisten kommer for sent til, at jeg kan nå at forberede mig.",
            "Borgerne bliver urolige, når vi kommer på skiftende tidspunkter."),
           ("citizen-at-centre", None, "Jeg vil gerne drøfte, hvordan vi inddrager de pårørende.",
            "De pårørende er en vigtig del af borgerens hverdag.")),
    Answer(("social-support-trust", None, "Der er for lidt tid til at lære de nye kolleger at kende.",
            "Tryghed i gruppen gør, at vi tør sige til, når noget går galt hos en borger."),
           ("communication-collaboration-culture", None, "Jeg oplever, at vi taler om hinanden i stedet for med hinanden.",
            "Et godt samarbejde er en forudsætning for god pleje.")),
    Answer(("meaning-direction", None, "Jeg vil gerne tale om, hvorfor vi gør, som vi gør.",
            "Når vi forstår meningen, bliver vi bedre til kerneopgaven."),
           ("citizen-at-centre", None, "Vi taler meget om tid og lidt om borgerens livskvalitet.",
            "Borgerens livskvalitet er det, vi er her for.")),
    Answer(("predictability-clarity-communication", None, "Nye regler bliver sendt ud uden forklaring.",
            "Vi skal vide, hvad der gælder, for at kunne forklare det til borgerne."),
           ("whole-cross-collaboration", None, "Vi kender for lidt til, hvad de andre faggrupper laver.",
            "Overleveringer mellem faggrupper er der, hvor fejl opstår.")),
)

# Why the planning group chose the two themes (step 4).
CHOSEN = {
    Kind.WELLBEING: ("social-support-trust", None,
                     "Flest har peget på det, og det hænger sammen med, at vi har fået mange nye kolleger."),
    Kind.LEADERSHIP: ("communication-collaboration-culture", None,
                      "Det går igen i begrundelserne, at beskeder og feedback ikke når frem – mellem vagterne og fra ledelsen."),
}

# How many of those invited to the day could not come (the last ones invited); they are left out of the groups.
CANNOT_COME = 2

# What each group wrote on its flip-chart, per round (the groups are numbered from 1).
FLIP_CHARTS = {
    Kind.WELLBEING: (
        ResultsInput(("Nye kolleger står alene med svære besøg", "Vi spørger for sjældent hinanden om hjælp"),
                     ("Fast makker til nye kolleger", "Kort sparring efter frokost")),
        ResultsInput(("Vi stoler på hinanden, når det brænder på", "Konflikter bliver ikke taget op i tide"),
                     ("Aftale om, hvordan vi tager en svær snak",)),
        ResultsInput(("Tryghed kommer af at kende hinanden", "Vi ses for lidt på tværs af ruterne"),
                     ("Fælles frokost en gang om ugen",)),
    ),
    Kind.LEADERSHIP: (
        ResultsInput(("Beskeder når ikke ud til aften- og weekendvagterne", "Tavlemødet er godt, når det bliver holdt"),
                     ("Fast tavlemøde ved hvert vagtskifte", "Nyhedsbrev i Teams-kanalen hver fredag")),
        ResultsInput(("Feedback bliver kun givet, når noget går galt", "Lederen er svær at fange i dagtimerne"),
                     ("Faste ti minutter med lederen hver uge",)),
        ResultsInput(("Personalemøder er envejskommunikation",), ("Mødeleder på skift og plads til faglige drøftelser",)),
    ),
}


def initiatives(owners: tuple[tuple[str, str], tuple[str, str]]) -> tuple[Initiative, ...]:
    """The adopted plan's two initiatives; ``owners`` are (user id, name) of their tovholdere."""
    (first_id, first_name), (second_id, second_name) = owners
    return (
        Initiative(
            "i1", "Makkerordning og faglig sparring",
            "Flere grupper pegede på, at nye kolleger står alene med svære besøg.",
            actions=("Alle nye kolleger får en fast makker de første tre måneder",
                     "Et kvarters sparring efter frokost tirsdag og torsdag"),
            milestones=(Milestone("m1", Phase.PLANNING, "Makkerpar aftalt", date(2026, 8, 14)),
                        Milestone("m2", Phase.EXECUTION, "Sparring i gang på alle ruter", date(2026, 9, 1)),
                        Milestone("m3", Phase.EVALUATION, "Evaluering på personalemødet", date(2026, 11, 19))),
            follow_up="Vi spørger de nye kolleger efter tre og seks måneder.",
            owner_id=first_id, owner_name=first_name,
            communication="Makkerparrene hænger på tavlen og står i Teams-kanalen.",
            iglo=((Level.INDIVIDUAL, "Jeg spørger, når jeg er i tvivl"), (Level.GROUP, "Vi holder sparringen, også når der er travlt"),
                  (Level.LEADERSHIP, "Lederen lægger sparringen ind i kørelisten")),
        ),
        Initiative(
            "i2", "Tydelig information på tværs af vagter",
            "Beskeder og beslutninger når ikke ud til aften- og weekendvagterne.",
            actions=("Fast tavlemøde ved vagtskifte", "Ugentligt nyhedsbrev fra lederen i Teams-kanalen"),
            milestones=(Milestone("m1", Phase.PLANNING, "Form for tavlemødet aftalt", date(2026, 8, 21)),
                        Milestone("m2", Phase.EVALUATION, "Evaluering på personalemødet", date(2026, 11, 26))),
            follow_up="Vi tager det op på personalemødet hver måned.",
            owner_id=second_id, owner_name=second_name,
            iglo=((Level.GROUP, "Vi læser nyhedsbrevet og siger til, hvis noget mangler"),
                  (Level.LEADERSHIP, "Lederen skriver nyhedsbrevet hver fredag"),
                  (Level.ORGANISATION, "Tablets i bilerne, så aftenvagten kan læse beskeder")),
            needs_organisation=True, ask="Tablets i bilerne, så aftenvagten kan læse beskeder undervejs",
        ),
    )


# The 3-month follow-up, as the planning group recorded it: (initiative, status, note).
FOLLOW_UP = (
    ("i1", Status.ON_TRACK, "Fem makkerpar er i gang. Sparringen bliver tit aflyst, når der er travlt."),
    ("i2", Status.OFF_TRACK, "Tavlemødet virker, men tablets til bilerne afventer IT."),
)
# Milestones reached by then: (initiative, milestone, when).
REACHED = (("i1", "m1", local(2026, 8, 14)), ("i1", "m2", local(2026, 9, 1)), ("i2", "m1", local(2026, 8, 21)))

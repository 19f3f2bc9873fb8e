"""Step 8, Selve Udviklingsdialogen: the leader's run-sheet (Bilag 5, "Drejebog Udviklingsdialog").

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
Danish is Bilag 5's own wording, shortened; the leader's role is the guide's "store ører og lille
mund". Clock times and durations are written by Babel (:func:`format_clock`,
:func:`format_minutes`), never by hand and never as ISO."""
from __future__ import annotations

from datetime import time, timedelta

from babel.dates import format_time

TEXTS: dict[str, tuple[str, str]] = {
    "run_sheet.title": (
        "Drejebog for Udviklingsdialogen",
        "Run-sheet for the development dialogue",
    ),
    "run_sheet.summary": (
        "Drejebogen for dagen",
        "The run-sheet for the day",
    ),
    "run_sheet.when": (
        "{date}, kl. {start}-{end}",
        "{date}, {start}-{end}",
    ),
    "run_sheet.place": (
        "Sted: ",
        "Place: ",
    ),
    "run_sheet.slot": (
        "Kl. {start}-{end}  {title}",
        "{start}-{end}  {title}",
    ),
    "run_sheet.slot.before": (
        "Før kl. {start}  {title}",
        "Before {start}  {title}",
    ),
    "run_sheet.leader.title": (
        "{Leader}s rolle: \"store ører og lille mund\"",
        "{Leader}'s role: \"big ears, small mouth\"",
    ),
    "run_sheet.leader.text": (
        (
            "Det er {leader}s opgave at rammesætte og facilitere dialogen. Under selve dialogen lytter du til, hvad der "
            "bliver sagt i grupperne, og noterer, hvad du hører som vigtige budskaber i relation til temaet. Du skal ikke "
            "indgå i dialogen, men du kan svare på spørgsmål, der handler om metoden."
        ),
        (
            "{Leader} frames and facilitates the dialogue. During the dialogue itself you listen to what is said in "
            "the groups and note what you hear as important messages about the theme. You do not take part in the "
            "dialogue, but you may answer questions about the method."
        ),
    ),
    "run_sheet.item.prepare": ("Før medarbejderne kommer", "Before the employees arrive"),
    "run_sheet.item.prepare.text": (
        (
            "Indret lokalet med borde til grupper på 3-4. Sæt grupperne til 1. runde, så alle kan sætte sig, når de "
            "kommer. Læg post-its, tusser og flipoverpapir med de fortrykte overskrifter \"Vigtige pointer\" og "
            "\"Ønskede handlinger\" frem."
        ),
        (
            "Set up the room with tables for groups of 3-4. Place the round 1 groups, so everyone can sit down on "
            "arrival. Put out post-its, markers and flip-chart paper headed \"Key points\" and \"Desired actions\"."
        ),
    ),
    "run_sheet.item.welcome": ("Velkomst og rammesætning", "Welcome and framing"),
    "run_sheet.item.welcome.text": (
        "Kort intro og rammesætning af, hvad I skal sammen, og hvad udviklingsdialogen skal bidrage til.",
        "A short introduction to what you will do together and what the development dialogue is to contribute to.",
    ),
    "run_sheet.item.wellbeing_examples": ("Trivselsdialog, del 1: eksempler", "Well-being dialogue, part 1: examples"),
    "run_sheet.item.wellbeing_examples.text": (
        (
            "Hver deltager fortæller efter tur sit hverdagseksempel (max 4 minutter). De øvrige noterer på post-its de "
            "vigtigste pointer (én pr. post-it) og hvad vi fremadrettet skal gøre (én handling pr. post-it) og sætter "
            "dem på flipoveren, først pointer, derefter handlinger. Bed grupperne sortere løbende."
        ),
        (
            "Each person in turn tells their everyday example (4 minutes at most). The others note the key points (one "
            "per post-it) and what we should do from now on (one action per post-it) and put them on the flip-chart, "
            "key points first, then actions. Ask the groups to sort as they go."
        ),
    ),
    "run_sheet.item.wellbeing_sort": ("Trivselsdialog, del 2: grupperne bearbejder input", "Well-being dialogue, part 2: the groups work on the input"),
    "run_sheet.item.wellbeing_sort.text": (
        (
            "Hvad går igen? Er der noget, der peger i forskellige retninger? Gør handlingerne så konkrete som muligt. "
            "Udvælg de 2 vigtigste pointer og de 2 vigtigste ønskede handlinger."
        ),
        (
            "What recurs? Does anything point in different directions? Make the actions as concrete as possible. "
            "Choose the 2 most important key points and the 2 most important desired actions."
        ),
    ),
    "run_sheet.item.wellbeing_plenum": ("Plenumopsamling: trivselstema", "Plenum: the well-being theme"),
    "run_sheet.item.wellbeing_plenum.text": (
        (
            "Grupperne præsenterer for hinanden de 2 vigtigste pointer og 2 ønskede handlinger. Der er kun mulighed for "
            "kommentarer og afklarende spørgsmål; dialogen fortsætter senere."
        ),
        (
            "The groups present their 2 most important key points and 2 desired actions to each other. Only comments "
            "and clarifying questions; the dialogue continues later."
        ),
    ),
    "run_sheet.item.break": ("Pause", "Break"),
    "run_sheet.item.break.text": (
        "Saml de udfyldte flipoverpapirer til det videre arbejde. Lav nye grupper i pausen.",
        "Collect the filled-in flip-charts for the further work. Form new groups in the break.",
    ),
    "run_sheet.item.leadership_examples": ("Ledelsesdialog, del 1: eksempler i nye grupper", "Leadership dialogue, part 1: examples in new groups"),
    "run_sheet.item.leadership_examples.text": (
        (
            "Samme procedure som ved trivselstemaet. Nye gruppesammensætninger giver medarbejderne mulighed for at tale "
            "sammen med og lytte til andre kolleger."
        ),
        "The same procedure as for the well-being theme. New groups let people talk with and listen to other colleagues.",
    ),
    "run_sheet.item.leadership_sort": ("Ledelsesdialog, del 2: grupperne bearbejder input", "Leadership dialogue, part 2: the groups work on the input"),
    "run_sheet.item.leadership_sort.text": (
        "Som ved trivselstemaet: udvælg de 2 vigtigste pointer og de 2 vigtigste ønskede handlinger.",
        "As for the well-being theme: choose the 2 most important key points and the 2 most important desired actions.",
    ),
    "run_sheet.item.leadership_plenum": ("Plenumopsamling: ledelsestema", "Plenum: the leadership theme"),
    "run_sheet.item.leadership_plenum.text": (
        "Grupperne præsenterer de 2 vigtigste pointer og de 2 vigtigste ønskede handlinger. Kun kommentarer og afklarende spørgsmål.",
        "The groups present their 2 most important key points and 2 most important desired actions. Only comments and clarifying questions.",
    ),
    "run_sheet.item.close": ("Opsummering, kvittering og proces for opfølgning", "Summary, acknowledgement and the follow-up"),
    "run_sheet.item.close.text": (
        "{Leader} kvitterer, I evaluerer kort, og {leader} fortæller om den videre proces (se nedenfor).",
        "{Leader} acknowledges, you evaluate briefly, and {leader} tells the next steps (see below).",
    ),
    "run_sheet.role.prepare": ("Leder: gør lokalet og grupperne klar.", "Leader: gets the room and the groups ready."),
    "run_sheet.role.frame": ("Leder: giver kort intro og rammesætning.", "Leader: gives a short introduction and framing."),
    "run_sheet.role.listen": (
        "Leder: observatør med fokus på at lytte. Gå rundt, lyt og notér; bland dig ikke, svar kun på spørgsmål om metoden.",
        "Leader: an observer who listens. Walk round, listen and take notes; do not join in, answer only questions about the method.",
    ),
    "run_sheet.role.ask_groups": ("Leder: spørger grupperne på skift.", "Leader: asks the groups in turn."),
    "run_sheet.role.regroup": ("Leder: samler flipoverpapirerne; de nye grupper sætter sig.", "Leader: collects the flip-charts; the new groups sit down."),
    "run_sheet.role.acknowledge": (
        "Leder: kvitterer for det, der er sagt, uden at svare på forslagene.",
        "Leader: acknowledges what was said, without answering the proposals.",
    ),
    "run_sheet.may_stay_away": (
        "Du kan overveje ikke at gå rundt og lytte, hvis du vurderer, at det gør samtalen mindre fri.",
        "You may consider not walking round to listen, if you judge that it makes the talk less free.",
    ),
    "run_sheet.opening.title": ("Det siger du ved velkomsten", "What to say at the welcome"),
    "run_sheet.opening.text": (
        (
            "Fortæl, hvorfor denne dialog er vigtig for dig som leder og for afdelingens videre udvikling, og hvordan du "
            "ser den i sammenhæng med lederrollen, værdierne, jeres opgaveløsning og trivsel. Præsentér programmet og "
            "spillereglerne for dialogen."
        ),
        (
            "Say why this dialogue matters to you as a leader and to the unit's further development, and how you see it "
            "alongside the leader's role, the values, your work and well-being. Present the programme and the rules of "
            "the dialogue."
        ),
    ),
    "run_sheet.close.title": ("Det siger du ved afslutningen", "What to say at the close"),
    "run_sheet.close.acknowledge": (
        "1. Kvittér: Hvad har jeg særligt hæftet mig ved? Hvad har været særligt godt ved udviklingsdialogen?",
        "1. Acknowledge: What did I notice in particular? What was especially good about the development dialogue?",
    ),
    "run_sheet.close.evaluation": (
        (
            "2. Kort evaluering: Hvad har været særligt godt ved udviklingsdialogen? Er der noget, vi skal have justeret i "
            "vores fremadrettede dialog om trivsel og ledelse? Notér de vigtige pointer; der er ikke plads til en "
            "uddybende dialog. Er nogen utilfredse, så aftal at tage det op på et personalemøde."
        ),
        (
            "2. Short evaluation: What was especially good about the development dialogue? Is there anything we should "
            "adjust in our dialogue about well-being and leadership from now on? Note the key points; there is no room "
            "for a longer discussion. If anyone is dissatisfied, agree to take it up at a staff meeting."
        ),
    ),
    # A one-kind day (DTU): the evaluation asks about the one dialogue held.
    "run_sheet.close.evaluation.wellbeing": (
        (
            "2. Kort evaluering: Hvad har været særligt godt ved udviklingsdialogen? Er der noget, vi skal have justeret i "
            "vores fremadrettede dialog om trivsel? Notér de vigtige pointer; der er ikke plads til en "
            "uddybende dialog. Er nogen utilfredse, så aftal at tage det op på et personalemøde."
        ),
        (
            "2. Short evaluation: What was especially good about the development dialogue? Is there anything we should "
            "adjust in our dialogue about well-being from now on? Note the key points; there is no room "
            "for a longer discussion. If anyone is dissatisfied, agree to take it up at a staff meeting."
        ),
    ),
    "run_sheet.close.evaluation.leadership": (
        (
            "2. Kort evaluering: Hvad har været særligt godt ved udviklingsdialogen? Er der noget, vi skal have justeret i "
            "vores fremadrettede dialog om ledelse? Notér de vigtige pointer; der er ikke plads til en "
            "uddybende dialog. Er nogen utilfredse, så aftal at tage det op på et personalemøde."
        ),
        (
            "2. Short evaluation: What was especially good about the development dialogue? Is there anything we should "
            "adjust in our dialogue about leadership from now on? Note the key points; there is no room "
            "for a longer discussion. If anyone is dissatisfied, agree to take it up at a staff meeting."
        ),
    ),
    "run_sheet.close.next_steps": (
        "3. Den videre proces: fortæl, hvad de næste skridt er. Husk at indsamle de udfyldte flipoverpapirer.",
        "3. The next steps: tell what happens next. Remember to collect the filled-in flip-charts.",
    ),
    "run_sheet.timing.title": ("Tid til eksemplerne", "Time for the examples"),
    "run_sheet.timing.intro": (
        "30 minutter i alt pr. runde, delt mellem gruppens medlemmer:",
        "30 minutes in all per round, shared by the group's members:",
    ),
    "run_sheet.timing.row": (
        "Gruppe på {size}: {share} pr. person, heraf højst {telling} til at fortælle; resten er de andres post-its.",
        "Group of {size}: {share} per person, of which at most {telling} telling; the rest is the others' post-its.",
    ),
    "run_sheet.plenum.title": ("Tid i plenum", "Time in the plenum"),
    "run_sheet.plenum.row": (
        "{round}: {count} grupper, ca. {share} til hver af de 25 minutter.",
        "{round}: {count} groups, about {share} each of the 25 minutes.",
    ),
    "run_sheet.plenum.row.one": (
        "{round}: 1 gruppe, som har alle 25 minutter.",
        "{round}: 1 group, which has all 25 minutes.",
    ),
    "run_sheet.plenum.not_formed": (
        "Grupperne er ikke dannet endnu; skriv \"grupper\" for at danne dem og se tiden pr. gruppe.",
        "The groups have not been formed yet; type \"groups\" to form them and see the time per group.",
    ),
    "run_sheet.round.wellbeing": ("Trivselstemaet", "The well-being theme"),
    "run_sheet.round.leadership": ("Ledelsestemaet", "The leadership theme"),
    "run_sheet.minutes": ("{minutes} min.", "{minutes} min"),
    "run_sheet.minutes_seconds": ("{minutes} min. {seconds} sek.", "{minutes} min {seconds} s"),
    "run_sheet.no_day": (
        "Dagen for Udviklingsdialogen er ikke sat endnu, så drejebogen har ingen klokkeslæt. {Planning_group} sætter dagen først.",
        "The day of the development dialogue has not been set yet, so the run-sheet has no times. {Planning_group} sets the day first.",
    ),
    "run_sheet.action.plenum.wellbeing": ("Plenum: trivselstemaet", "Plenum: the well-being theme"),
    "run_sheet.action.plenum.leadership": ("Plenum: ledelsestemaet", "Plenum: the leadership theme"),
    "run_sheet.action.evaluation": ("Start evalueringen", "Start the evaluation"),
    "help.cmd.run_sheet": (
        "dagens drejebog (bilag 5): klokkeslæt, {leader}s rolle, og hvad du siger ved velkomsten og afslutningen",
        "the day's run-sheet (Bilag 5): times, {leader}'s role, and what to say at the welcome and the close",
    ),
}

_CLOCK_PATTERNS = {"da": "HH.mm", "en": "HH:mm"}  # "kl. 09.30" as Danes write it; "09:30" in English


def format_clock(lang: str, value: time) -> str:
    """A wall-clock time as the language writes it: '09.30' / '09:30' (Babel, CLDR digits)."""
    lang = lang if lang in _CLOCK_PATTERNS else "da"
    return format_time(value, _CLOCK_PATTERNS[lang], locale=lang)


def format_minutes(lang: str, span: timedelta) -> str:
    """'7½ min.' is not how CLDR writes it, so: '7 min. 30 sek.' / '7 min 30 s'; whole minutes alone."""
    from . import format_number, t  # the package imports this module: look up at call time

    minutes, seconds = divmod(int(span.total_seconds()), 60)
    if seconds:
        return t(lang, "run_sheet.minutes_seconds", minutes=format_number(lang, minutes), seconds=format_number(lang, seconds))
    return t(lang, "run_sheet.minutes", minutes=format_number(lang, minutes))

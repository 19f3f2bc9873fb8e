"""Sorting the input into topics and prioritising them (step 10).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
Danish follows the guide's section "Sorter og prioriter" and its "Kriterier for prioritering af
udviklingsområder" word for word where the card quotes them."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "sorting.summary": ("Sortér og prioritér input", "Sort and prioritise the input"),
    "sorting.title": ("Sortér og prioritér", "Sort and prioritise"),
    "sorting.intro": (
        (
            "Start med at sortere input fra Udviklingsdialogen i emner/overskrifter, og under hvert emne sorterer I "
            "de konkrete forslag, der er til ønskede handlinger og indsatser. Derefter skal I prioritere indsatser og "
            "forslag til handlinger i forhold til, hvad der vil skabe den største forbedring af jeres samarbejde om "
            "kerneopgaven."
        ),
        (
            "Start by sorting the input from the development dialogue into topics/headings, and under each topic sort "
            "the concrete proposals for desired actions and initiatives. Then prioritise initiatives and proposed "
            "actions by what will create the greatest improvement in your collaboration on the core task."
        ),
    ),
    "sorting.criteria.title": ("Kriterier for prioritering af udviklingsområder", "Criteria for prioritising development areas"),
    "sorting.criteria.wellbeing": (
        (
            "I forhold til trivsel skal I prioritere de indsatser og handlinger, som vil skabe størst værdi i forhold til: "
            "jeres trivsel, motivation og engagement som medarbejdere og ledere; jeres evne til og forudsætninger for at "
            "løfte jeres opgaver: Hvordan kan udviklingstiltaget hjælpe jer med det?"
        ),
        (
            "For well-being, prioritise the initiatives and actions that will create the most value for: your "
            "well-being, motivation and engagement as employees and leaders; your ability and preconditions to carry "
            "out your tasks: how can the initiative help you with that?"
        ),
    ),
    "sorting.criteria.leadership": (
        (
            "I forhold til ledelse skal I prioritere de indsatser og handlinger, som vil skabe størst værdi i forhold til: "
            "at styrke kvaliteten af ledelse: styrket ledelsesadfærd; jeres evne og forudsætninger for at løfte jeres "
            "opgaver: Hvordan kan en styrket ledelsesadfærd hjælpe jer med det?"
        ),
        (
            "For leadership, prioritise the initiatives and actions that will create the most value for: strengthening "
            "the quality of leadership: stronger leadership behaviour; your ability and preconditions to carry out your "
            "tasks: how can stronger leadership behaviour help you with that?"
        ),
    ),
    "sorting.criteria.all": ("I kan ikke gøre alt på en gang.", "You cannot do everything at once."),
    "sorting.proposals.title": ("Forslag til emner", "Proposed topics"),
    "sorting.proposals.how": (
        (
            "Botten foreslår, hvilke input der hører sammen, ud fra de ord, de deler. Det regnes ud på bottens egen "
            "server – ingen tekst sendes videre. Det er kun et forslag: I bestemmer."
        ),
        (
            "The bot suggests which inputs belong together, from the words they share. It is worked out on the bot's "
            "own server – no text is sent anywhere else. It is only a suggestion: you decide."
        ),
    ),
    "sorting.proposals.none": ("Ingen forslag lige nu.", "No proposals right now."),
    "sorting.proposals.more": (
        "{count} forslag mere – de kommer frem, når I har taget stilling til disse.",
        "{count} more proposals – they appear once you have dealt with these.",
    ),
    "sorting.proposal.title": ("Forslag til overskrift: ", "Suggested heading: "),
    "sorting.topics.title": ("Jeres emner", "Your topics"),
    "sorting.topics.none": (
        "Ingen emner endnu – godkend et forslag, eller flyt input til et nyt emne.",
        "No topics yet – accept a proposal, or move inputs to a new topic.",
    ),
    "sorting.unsorted.title": ("Ikke sorteret endnu", "Not sorted yet"),
    "sorting.unsorted.none": ("Alt input er sorteret.", "All input is sorted."),
    "sorting.nothing": (
        "Grupperne har ikke skrevet vigtige pointer eller ønskede handlinger endnu.",
        "The groups have not written any key points or desired actions yet.",
    ),
    "sorting.entries.count": ("{count} input – se dem under »Flyt input«", "{count} inputs – see them under “Move inputs”"),
    "sorting.shortened": ("Teksterne er forkortet, så kortet kan vises.", "The texts are shortened so the card can be shown."),
    "sorting.round.wellbeing": ("Trivsel", "Well-being"),
    "sorting.round.leadership": ("Ledelse", "Leadership"),
    "sorting.item.point": ("{round} · gruppe {group} · pointe {n}: ", "{round} · group {group} · key point {n}: "),
    "sorting.item.action": ("{round} · gruppe {group} · handling {n}: ", "{round} · group {group} · action {n}: "),
    "sorting.priority.label": ("Prioritet: ", "Priority: "),
    "sorting.priority.1": ("høj", "high"),
    "sorting.priority.2": ("mellem", "medium"),
    "sorting.priority.3": ("lav", "low"),
    "sorting.priority.none": ("ikke prioriteret endnu", "not prioritised yet"),
    "action.sorting.accept": ("Godkend", "Accept"),
    "action.sorting.move": ("Flyt", "Move"),
    "action.sorting.ignore": ("Ignorér", "Ignore"),
    "action.sorting.move_entries": ("Flyt input", "Move inputs"),
    "action.sorting.topic_edit": ("Omdøb og prioritér", "Rename and prioritise"),
    "action.sorting.initiative": ("Lav indsats", "Make an initiative"),
    "action.sorting.plan": ("Udviklingsplanen", "The development plan"),
    "action.sorting.back": ("Tilbage", "Back"),
    "action.sorting.show": ("Sortér input", "Sort the input"),
    "sorting.move.title": ("Flyt input til et emne", "Move inputs to a topic"),
    "sorting.move.items": ("Input, der skal flyttes", "Inputs to move"),
    "sorting.move.target": ("Til emnet", "To the topic"),
    "sorting.move.new": ("Et nyt emne", "A new topic"),
    "sorting.move.new_title": ("Navn på det nye emne", "Name of the new topic"),
    "sorting.move.save": ("Flyt", "Move"),
    "sorting.topic.title": ("Emne", "Topic"),
    "sorting.topic.name": ("Overskrift", "Heading"),
    "sorting.topic.priority": ("Prioritet", "Priority"),
    "sorting.topic.save": ("Gem", "Save"),
    "sorting.done.accepted": ("Forslaget er nu et emne.", "The proposal is now a topic."),
    "sorting.done.ignored": ("Forslaget er ignoreret; det foreslås ikke igen.", "The proposal is ignored; it will not be proposed again."),
    "sorting.done.moved": ("Input er flyttet.", "The inputs are moved."),
    "sorting.done.saved": ("Emnet er gemt.", "The topic is saved."),
    "sorting.stale": (
        "Det forslag er ikke længere aktuelt – her er sorteringen, som den ser ud nu.",
        "That proposal is no longer current – here is the sorting as it stands now.",
    ),
    "sorting.error.no_items": ("Vælg mindst ét input.", "Choose at least one input."),
    "sorting.error.no_title": ("Skriv et navn på det nye emne.", "Write a name for the new topic."),
    "sorting.error.title_required": ("Skriv en overskrift.", "Write a heading."),
    "sorting.error.too_long": ("Højst {limit} tegn – forkort teksten.", "At most {limit} characters – please shorten it."),
    "sorting.error.other": ("Teksten kan ikke gemmes sådan – prøv at skrive den igen.", "The text cannot be saved as it is – please type it again."),
    "sorting.error.topic_gone": ("Det emne findes ikke længere.", "That topic no longer exists."),
    "sorting.none": ("Der er ingen udviklingsdialog at sortere input fra endnu.", "There is no development dialogue to sort input from yet."),
    "help.cmd.sorting": (
        "sortér gruppernes vigtige pointer og ønskede handlinger i emner, og prioritér emnerne",
        "sort the groups' key points and desired actions into topics, and prioritise the topics",
    ),
}

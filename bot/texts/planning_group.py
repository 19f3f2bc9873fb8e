"""The planning group: who is in it and how it changes.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "action.group": (
        "Se {planning_group}",
        "See {planning_group}",
    ),
    "group.title": (
        "{Planning_group}",
        "{Planning_group}",
    ),
    "group.intro": (
        (
            "{Planning_group} står for Udviklingsdialogen – typisk {leader} og 2-3 "
            "medarbejderrepræsentanter, fx TR og AMR, eller Lokal-MED."
        ),
        (
            "{Planning_group} runs the development dialogue – usually {leader} and 2-3 employee "
            "representatives, for example the union rep and the health and safety rep, or the local joint "
            "committee."
        ),
    ),
    "group.empty": (
        "Gruppen er tom. Den, der starter den første runde, bliver første medlem.",
        "The group is empty. Whoever starts the first round becomes its first member.",
    ),
    "group.manage": (
        "Sådan ændrer du gruppen",
        "How to change the group",
    ),
    "group.add.command": (
        "@TalSammen gruppe tilføj @navn",
        "@TalSammen group add @name",
    ),
    "group.add.text": (
        "Tilføj en kollega",
        "Add a colleague",
    ),
    "group.remove.command": (
        "@TalSammen gruppe fjern @navn",
        "@TalSammen group remove @name",
    ),
    "group.remove.text": (
        "Fjern et medlem",
        "Remove a member",
    ),
    "group.last_member": (
        "Gruppen kan ikke tømmes helt – det sidste medlem bliver.",
        "The group cannot be emptied – the last member stays.",
    ),
    "group.members_only": (
        "Kun medlemmer af {planning_group} kan ændre den.",
        "Only members of {planning_group} can change it.",
    ),
    "group.none": (
        "Der er endnu ingen planlægningsgruppe. Den, der starter den første runde, bliver dens første medlem.",
        "There is no planning group yet. Whoever starts the first round becomes its first member.",
    ),
    "group.added": (
        "{names} er nu med i {planning_group}.",
        "{names} joined {planning_group}.",
    ),
    "group.removed": (
        "{names} er ikke længere med i {planning_group}.",
        "{names} left {planning_group}.",
    ),
    "group.refused.last_member": (
        "{Planning_group} kan ikke stå tom. Tilføj en anden, før du fjerner det sidste medlem.",
        "{Planning_group} cannot be left empty. Add someone else before removing the last member.",
    ),
    "group.refused.full": (
        "{Planning_group} er fuld.",
        "{Planning_group} is full.",
    ),
    "group.need_mention": (
        "Nævn dem, du vil tilføje eller fjerne, fx »gruppe tilføj @navn«.",
        'Mention the people to add or remove, e.g. "group add @name".',
    ),
}

"""The planning group: who is in it and how it changes.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "action.group": (
        "Se planlægningsgruppen",
        "See the planning group",
    ),
    "group.title": (
        "Planlægningsgruppen",
        "The planning group",
    ),
    "group.intro": (
        (
            "Planlægningsgruppen står for Udviklingsdialogen – typisk lederen og 2-3 "
            "medarbejderrepræsentanter, fx TR og AMR, eller Lokal-MED."
        ),
        (
            "The planning group runs the development dialogue – usually the leader and 2-3 employee "
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
        "Kun medlemmer af planlægningsgruppen kan ændre den.",
        "Only members of the planning group can change it.",
    ),
    "group.none": (
        "Der er endnu ingen planlægningsgruppe. Den, der starter den første runde, bliver dens første medlem.",
        "There is no planning group yet. Whoever starts the first round becomes its first member.",
    ),
    "group.added": (
        "{names} er nu med i planlægningsgruppen.",
        "{names} joined the planning group.",
    ),
    "group.removed": (
        "{names} er ikke længere med i planlægningsgruppen.",
        "{names} left the planning group.",
    ),
    "group.refused.last_member": (
        "Planlægningsgruppen kan ikke stå tom. Tilføj en anden, før du fjerner det sidste medlem.",
        "The planning group cannot be left empty. Add someone else before removing the last member.",
    ),
    "group.refused.full": (
        "Planlægningsgruppen er fuld.",
        "The planning group is full.",
    ),
    "group.need_mention": (
        "Nævn dem, du vil tilføje eller fjerne, fx »gruppe tilføj @navn«.",
        'Mention the people to add or remove, e.g. "group add @name".',
    ),
}

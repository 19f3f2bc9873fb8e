"""Answering within a turn: send or update a card, or a short plain text, in the user's language."""
from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from ..cards.elements import message_with_card

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "not_in_team": "Det kan kun gøres i et team. Nævn mig i teamets kanal.",
        "only_planning_group": "Det er kun planlægningsgruppen, der kan det. Planlægningsgruppen er: {names}.",
        "no_planning_group": "Der er endnu ingen planlægningsgruppe. Den, der starter den første runde, bliver dens første medlem.",
        "round_already_open": "Der er allerede en åben runde for temaer med frist {deadline}.",
        "round_starting": "Runden er åbnet. Jeg sender nu kortet til teamets medlemmer i en privat chat …",
        "no_round": "Der er ingen runde for temaer endnu.",
        "round_closed": "Fristen er overskredet, så runden er lukket. Kontakt {contact}, hvis du har spørgsmål.",
        "not_invited": "Du er ikke med i denne runde. Kontakt planlægningsgruppen, hvis det er en fejl.",
        "unknown_round": "Jeg kender ikke den runde. Skriv »mine temaer« for at få dit kort igen.",
        "sent_privately": "Jeg har sendt det til dig i vores private chat.",
        "language_set": "Jeg skriver nu på dansk.",
        "unknown_command": "Det forstod jeg ikke. Skriv »hjælp« for at se, hvad jeg kan.",
        "unknown_action": "Den knap kender jeg ikke (måske er kortet forældet). Skriv »hjælp« for at se, hvad jeg kan.",
        "invalid_submission": "Kortet kunne ikke gemmes. Ret felterne markeret med rødt og prøv igen.",
        "group_added": "{names} er nu med i planlægningsgruppen.",
        "group_removed": "{names} er ikke længere med i planlægningsgruppen.",
        "group_refused_last_member": "Planlægningsgruppen kan ikke stå tom. Tilføj en anden, før du fjerner det sidste medlem.",
        "group_refused_full": "Planlægningsgruppen er fuld.",
        "group_need_mention": "Nævn dem, du vil tilføje eller fjerne, fx »gruppe tilføj @navn«.",
        "deadline_in_past": "Fristen skal være i dag eller senere.",
        "deadline_too_far": "Fristen må højst ligge {limit} dage ude i fremtiden.",
        "deadline_not_a_date": "Fristen skal være en dato.",
        "contact_required": "Skriv navnet på kontaktpersonen.",
        "no_personal_chat": "Jeg kan ikke skrive til dig privat endnu. Installer appen personligt, eller skriv til mig i en privat chat.",
        "error": "Beklager, noget gik galt. Prøv igen om lidt; intet af det, du har skrevet, er gået tabt.",
        "payload_rejected": "Kortet indeholdt noget, jeg ikke kan tage imod, så intet er gemt. Skriv »mine temaer« for at få et nyt kort.",
        "nomination_deleted": "Din nominering er slettet. Du kan sende en ny, så længe runden er åben – skriv »mine temaer«.",
        "nothing_to_delete": "Der er ingen nominering at slette i den runde.",
    },
    "en": {
        "not_in_team": "That can only be done in a team. Mention me in the team's channel.",
        "only_planning_group": "Only the planning group can do that. The planning group is: {names}.",
        "no_planning_group": "There is no planning group yet. Whoever starts the first round becomes its first member.",
        "round_already_open": "A theme round is already open, with deadline {deadline}.",
        "round_starting": "The round is open. I am now sending the card to the team's members in a private chat …",
        "no_round": "There is no theme round yet.",
        "round_closed": "The deadline has passed, so the round is closed. Contact {contact} if you have questions.",
        "not_invited": "You are not part of this round. Contact the planning group if this is a mistake.",
        "unknown_round": "I do not know that round. Write \"my themes\" to get your card again.",
        "sent_privately": "I have sent it to you in our private chat.",
        "language_set": "I will write in English from now on.",
        "unknown_command": "I did not understand that. Write \"help\" to see what I can do.",
        "unknown_action": "I do not know that button (the card may be out of date). Write \"help\" to see what I can do.",
        "invalid_submission": "The card could not be saved. Correct the fields marked in red and try again.",
        "group_added": "{names} joined the planning group.",
        "group_removed": "{names} left the planning group.",
        "group_refused_last_member": "The planning group cannot be left empty. Add someone else before removing the last member.",
        "group_refused_full": "The planning group is full.",
        "group_need_mention": "Mention the people to add or remove, e.g. \"group add @name\".",
        "deadline_in_past": "The deadline must be today or later.",
        "deadline_too_far": "The deadline can be at most {limit} days ahead.",
        "deadline_not_a_date": "The deadline must be a date.",
        "contact_required": "Write the contact person's name.",
        "no_personal_chat": "I cannot write to you privately yet. Install the app personally, or write to me in a private chat.",
        "error": "Sorry, something went wrong. Please try again shortly; nothing you wrote has been lost.",
        "payload_rejected": "The card held something I cannot accept, so nothing was saved. Write \"my themes\" for a fresh card.",
        "nomination_deleted": "Your nomination is deleted. You can send a new one while the round is open – write \"my themes\".",
        "nothing_to_delete": "There is no nomination to delete in that round.",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    return TEXTS["en" if lang == "en" else "da"][key].format(**values)


def card_activity(card: dict, summary: str) -> Activity:
    return Activity().deserialize(message_with_card(card, summary=summary))


async def send_card(ctx: TurnContext, card: dict, *, summary: str) -> str | None:
    response = await ctx.send_activity(card_activity(card, summary))
    return response.id if response else None


async def update_card(ctx: TurnContext, activity_id: str, card: dict, *, summary: str) -> None:
    activity = card_activity(card, summary)
    activity.id = activity_id
    activity.conversation = ctx.activity.conversation
    await ctx.update_activity(activity)


async def send_text(ctx: TurnContext, text: str) -> None:
    await ctx.send_activity(Activity(type="message", text=text, text_format="plain"))

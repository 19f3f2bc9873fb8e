"""The development plan (step 10) and the feedback to employees (step 11).

Each key holds (Danish, English). The Danish follows the guide's section 10-11 and its handleplan
and IGLO templates: "indsats", "handling", "tidsplan og milepæl", "tovholder", "kommunikation",
"Individ, Gruppe, Ledelse, Organisation"."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "devplan.summary": ("Udviklingsplan", "Development plan"),
    "devplan.title": ("Udviklingsplan", "Development plan"),
    "devplan.intro": (
        "Lav først en udviklingsplan for, hvilke overordnede indsatser I vil arbejde med i det kommende år – "
        "2 eller 3 indsatser. Lav dernæst en konkret handleplan for hver indsats.",
        "First make a development plan of the overall initiatives you will work on in the coming year – "
        "2 or 3 initiatives. Then make a concrete action plan for each initiative.",
    ),
    "devplan.empty": ("Der er endnu ingen indsatser i planen.", "The plan has no initiatives yet."),
    "devplan.version": ("Version {version}, senest ændret af {name} {date}.", "Version {version}, last changed by {name} on {date}."),
    "devplan.adopted": ("Vedtaget af {name} {date}.", "Adopted by {name} on {date}."),
    "devplan.draft": ("Kladde – planen er ikke vedtaget endnu.", "Draft – the plan has not been adopted yet."),
    "devplan.seen": ("{count} har markeret planen som set og forstået.", "{count} have marked the plan as seen."),
    "devplan.seen.one": ("1 har markeret planen som set og forstået.", "1 has marked the plan as seen."),
    "devplan.changed_since": ("Planen er ændret, siden den blev delt med medarbejderne.",
                              "The plan has changed since it was shared with the employees."),
    "devplan.initiative": ("Indsats {n}: ", "Initiative {n}: "),
    "devplan.why": ("Hvorfor: ", "Why: "),
    "devplan.owner": ("Tovholder: ", "Owner: "),
    "devplan.no_owner": ("Ingen tovholder endnu", "No owner yet"),
    "devplan.actions": ("Handlinger", "Actions"),
    "devplan.milestones": ("Tidsplan og milepæle", "Timeline and milestones"),
    "devplan.follow_up": ("Opfølgning og evaluering: ", "Follow-up and evaluation: "),
    "devplan.communication": ("Kommunikation: ", "Communication: "),
    "devplan.iglo": ("IGLO – hvem bidrager med hvad", "IGLO – who contributes what"),
    "devplan.needs_organisation": ("Kræver opbakning fra organisationen: ", "Needs support from the organisation: "),
    "devplan.phase.planning": ("Planlægning", "Planning"),
    "devplan.phase.execution": ("Udførelse", "Execution"),
    "devplan.phase.evaluation": ("Evaluering", "Evaluation"),
    "devplan.level.individual": ("Individ", "Individual"),
    "devplan.level.group": ("Gruppe", "Group"),
    "devplan.level.leadership": ("Ledelse", "Leadership"),
    "devplan.level.organisation": ("Organisation", "Organisation"),
    "devplan.button.new": ("Ny indsats", "New initiative"),
    "devplan.button.edit": ("Redigér", "Edit"),
    "devplan.button.adopt": ("Vedtag planen", "Adopt the plan"),
    "devplan.button.history": ("Historik", "History"),
    "devplan.button.share": ("Del ændringerne", "Share the changes"),
    "devplan.button.save": ("Gem indsatsen", "Save the initiative"),
    "devplan.button.back": ("Tilbage til planen", "Back to the plan"),
    "devplan.button.confirm_adopt": ("Ja, vedtag planen", "Yes, adopt the plan"),
    "devplan.button.seen": ("Set og forstået", "Seen"),
    # the initiative's editor (the handleplan)
    "devplan.edit.title": ("Handleplan for en indsats", "Action plan for an initiative"),
    "devplan.edit.intro": (
        "Beskriv indsatsen, så den er konkret nok til, at I kan arbejde med den i jeres praksis: hvad skal ske "
        "hvornår, hvem er tovholder, og hvordan følger I op.",
        "Describe the initiative concretely enough to work with it in practice: what happens when, who is the "
        "owner, and how you follow up.",
    ),
    "devplan.field.title": ("Indsats", "Initiative"),
    "devplan.field.why": ("Hvorfor har I valgt indsatsen? (det fortæller I medarbejderne)",
                          "Why did you choose the initiative? (you tell the employees)"),
    "devplan.field.actions": ("Handlinger – én pr. linje", "Actions – one per line"),
    "devplan.field.copy": ("Ønskede handlinger fra grupperne – sæt kryds for at tilføje", "Desired actions from the groups – tick to add"),
    "devplan.field.milestone_label": ("{phase}: hvad skal ske?", "{phase}: what happens?"),
    "devplan.field.milestone_due": ("{phase}: hvornår?", "{phase}: when?"),
    "devplan.field.follow_up": ("Hvordan følger vi op og evaluerer på indsatsen?", "How do we follow up and evaluate the initiative?"),
    "devplan.field.owner": ("Hvem er tovholder på opgaven?", "Who is the owner of the task?"),
    "devplan.field.communication": (
        "Hvad skal vi kommunikere til medarbejdere og relevante andre – hvornår og hvordan?",
        "What do we communicate to employees and others concerned – when and how?",
    ),
    "devplan.field.iglo": ("{level}: hvad kan og skal I bidrage med?", "{level}: what can and should you contribute?"),
    "devplan.field.needs_organisation": ("Indsatsen kræver opbakning fra andre uden for arbejdspladsen",
                                         "The initiative needs support from outside the workplace"),
    "devplan.field.ask": ("Hvad beder I organisationen om?", "What do you ask of the organisation?"),
    "devplan.from_topic": ("Emne fra sorteringen: ", "Topic from the sorting: "),
    "devplan.errors.title": ("Indsatsen er ikke gemt – ret det markerede:", "The initiative was not saved – correct what is marked:"),
    "devplan.error.required": ("Skal udfyldes.", "Required."),
    "devplan.error.too_long": ("Højst {limit} tegn – forkort teksten.", "At most {limit} characters – shorten the text."),
    "devplan.error.too_many": ("Højst {limit} handlinger.", "At most {limit} actions."),
    "devplan.error.unknown_choice": ("Vælg en fra listen.", "Choose one from the list."),
    "devplan.error.not_a_date": ("Vælg en dato.", "Choose a date."),
    "devplan.error.too_early": ("Datoen ligger før Udviklingsdialogen.", "The date is before the development dialogue."),
    "devplan.error.too_late": ("Datoen ligger efter det kommende år.", "The date is after the coming year."),
    "devplan.error.out_of_order": ("Datoen ligger før den forrige milepæl.", "The date is before the previous milestone."),
    "devplan.error.other": ("Ret feltet.", "Correct the field."),
    # adoption
    "devplan.adopt.ask": (
        "Vedtag planen med disse indsatser? Derefter planlægges opfølgningen efter 3 og 6 måneder, og planen "
        "sendes til medarbejderne.",
        "Adopt the plan with these initiatives? Then the follow-ups after 3 and 6 months are planned and the plan "
        "is sent to the employees.",
    ),
    "devplan.refused.too_few": ("Planen skal have 2 eller 3 indsatser, før den kan vedtages.", "The plan needs 2 or 3 initiatives before it can be adopted."),
    "devplan.refused.too_many": ("Planen har allerede 3 indsatser – det er det højeste.", "The plan already has 3 initiatives – the most it can have."),
    "devplan.refused.no_why": ("»{title}« mangler en begrundelse.", "“{title}” lacks a reason why."),
    "devplan.refused.no_owner": ("»{title}« mangler en tovholder.", "“{title}” has no owner."),
    "devplan.refused.owner_not_member": ("Tovholderen for »{title}« er ikke længere med i teamet – vælg en anden.",
                                         "The owner of “{title}” is no longer in the team – choose another."),
    "devplan.refused.already_adopted": ("Planen er allerede vedtaget.", "The plan has already been adopted."),
    "devplan.refused.not_found": ("Indsatsen findes ikke længere i planen.", "The initiative is no longer in the plan."),
    "devplan.refused.no_dialogue": ("Der er ingen udviklingsdialog for teamet endnu.", "The team has no development dialogue yet."),
    "devplan.stale": (
        "En anden i planlægningsgruppen har ændret planen imens. Her er den nyeste version – se den igennem, og ret igen.",
        "Someone else in the planning group changed the plan meanwhile. Here is the latest version – look it over and edit again.",
    ),
    "devplan.adopted_now": ("Planen er vedtaget. Medarbejderne får den i kanalen.", "The plan is adopted. The employees get it in the channel."),
    "devplan.shared_now": ("Ændringerne sendes til medarbejderne i kanalen.", "The changes are sent to the employees in the channel."),
    "devplan.saved": ("Indsatsen er gemt.", "The initiative is saved."),
    # history
    "devplan.history.title": ("Planens historik", "The plan's history"),
    "devplan.history.entry": ("Version {version}: {name}, {date} – {count} indsatser", "Version {version}: {name}, {date} – {count} initiatives"),
    # step 11: the post to the team
    "devplan.post.title": ("Vores udviklingsplan", "Our development plan"),
    "devplan.post.changed_title": ("Vores udviklingsplan er ændret", "Our development plan has changed"),
    "devplan.post.intro": (
        "Planlægningsgruppen har prioriteret de indsatser, vi arbejder videre med efter Udviklingsdialogen. "
        "Her er de, og hvorfor de er valgt.",
        "The planning group has prioritised the initiatives we will work on after the development dialogue. "
        "Here they are, and why they were chosen.",
    ),
    "devplan.post.seen_hint": ("Tryk »Set og forstået«, når du har læst planen.", "Press “Seen” when you have read the plan."),
    "devplan.ack.thanks": ("Tak – du har markeret planen som set og forstået.", "Thank you – you have marked the plan as seen."),
    "devplan.ack.already": ("Du har allerede markeret planen som set.", "You have already marked the plan as seen."),
    "devplan.ack.not_in_team": ("Planen er til medarbejderne på arbejdspladsen.", "The plan is for the workplace's employees."),
    # the plan as a spreadsheet (bot/process/plan_file.py)
    "devplan.file.sheet.initiatives": ("Indsatser", "Initiatives"),
    "devplan.file.sheet.milestones": ("Milepæle", "Milestones"),
    "devplan.file.sheet.iglo": ("IGLO", "IGLO"),
    "devplan.file.why": ("Hvorfor", "Why"),
    "devplan.file.follow_up": ("Evaluering / opfølgning", "Evaluation / follow-up"),
    "devplan.file.owner": ("Tovholder", "Owner"),
    "devplan.file.communication": ("Kommunikation", "Communication"),
    "devplan.file.needs_organisation": ("Kræver organisationen", "Needs the organisation"),
    "devplan.file.phase": ("Fase", "Phase"),
    "devplan.file.milestone": ("Milepæl", "Milestone"),
    "devplan.file.due": ("Dato", "Date"),
    "devplan.file.yes": ("Ja", "Yes"),
    "devplan.file.no": ("Nej", "No"),
    "help.cmd.development_plan": (
        "udviklingsplanen: 2 eller 3 indsatser med handleplan, tovholder og IGLO; vedtag den og del den med medarbejderne",
        "the development plan: 2 or 3 initiatives with an action plan, an owner and IGLO; adopt it and share it with the employees",
    ),
}

"""After the dialogue (issue 11), against Microsoft's Agents Playground: from the groups' results
to the adopted plan, the follow-up at 3 months, the send-on before 1 December and the leader's
own loop (the steps' own journeys run through the mock connector: tests/test_sorting_journey.py,
test_plan_journey.py, test_follow_up_journey.py, test_leader_loop_journey.py).

Steps 1-8 are seeded through their storage APIs for the Playground's team: the planning group
(Fatima, Mette), the day (Tuesday 9 June 2026 at 08:00), everyone invited, the groups and what
they wrote on the flip-charts, and the leader's reminders as the announcement plans them. Then,
as the people would:

* Monday 1 June: Fatima names Jonas the workplace's leader on the card ``leder`` brings (it turns
  into who leads, in place); Mette, whose Teams reports en-US, types ``sprog dansk``.
* Wednesday 10 June, the day after: Mette types ``sortér`` and accepts a proposal (it becomes a
  topic in place), ``plan`` shows the empty plan; the topic's "Lav indsats" opens the editor with
  the topic's title; she saves it, adds a second initiative, adopts and confirms. The channel gets
  the plan; Lars presses "Set og forstået" and is thanked privately.
* The leader's loop hangs on the day (process/leader_loop.py: 5, 15 and 30 working days after
  it), so it comes before the follow-ups: Tuesday 16 June Jonas gets the feedback reminder, types
  ``leder``, writes three development areas and marks it done; Tuesday 30 June (and 21 July)
  pass with nothing sent to him.
* Thursday 10 September, 3 months after adoption: the planning group gets the follow-up card;
  Mette records a status per initiative (and the milestone reached) and the channel gets the
  progress post.
* Cycle 2026's deadline is Tuesday 1 December; 30 working days before is Tuesday 20 October: the
  run-up reminder arrives, Mette types ``send videre`` and sends on; 14 working days before,
  Wednesday 11 November, passes with no reminder.

The Playground cannot move time, and the bot sends the queue's rows in working hours only
(Europe/Copenhagen), so the app's injected clock is moved and the queue swept (at 09:05, just
after the window opens), as in the other Playground tests.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
import sqlalchemy as sa

from bot.app import SERVICES
from bot.cards.leader_loop import named_leader_card
from bot.process.clock import COPENHAGEN
from bot.process.concept import Kind
from bot.process.dialogue import follow_up_days, send_on_deadline
from bot.process.follow_up import SEND_ON_REMINDER_KIND, Status, run_up_moments
from bot.process.group_results import ResultsInput
from bot.process.grouping import Grouping
from bot.process.invitation import Answer, DialogueDay
from bot.process.leader_loop import LEADER_FEEDBACK_KIND, Leader, leader_moments, plan_leader_reminders
from bot.process.people import Member
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.process.sorting import items_of, open_proposals
from bot.storage.models import Reminder
from cards_validation import assert_valid_card

from .playground import Playground
from .test_playground_dialogue_day import METTE, action, shown, sweep, text_of, with_marker
from .test_playground_journey import JONAS, LARS, LEADER as FATIMA, PETER, SOFIE

pytestmark = pytest.mark.playground

EVERYONE = (FATIMA, LARS, SOFIE, JONAS, PETER, METTE)
DAY = DialogueDay(date(2026, 6, 9), time(8, 0), "Mødelokale 2, Rådhuset")  # a Tuesday, cycle 2026
FLIP_CHARTS = {  # (round, group) -> (key points, desired actions), as the groups wrote them on the day
    (Kind.WELLBEING, 1): (("Tillid: vi hjælper hinanden",), ("Fast tjek-ind hver morgen", "Makkerordning for nye kolleger")),
    (Kind.WELLBEING, 2): (("Vi savner at høre fra hinanden",), ("Kort tjek-ind hver morgen i teamet",)),
    (Kind.LEADERSHIP, 1): (("Retningen er uklar",), ("Tydelige mål for ugens opgaver",)),
    (Kind.LEADERSHIP, 2): (("Vi ved ikke, hvad der er vigtigst",), ("Fælles mål for opgaver på tavlen",)),
}


def cph(day: date, hour: int, minute: int) -> datetime:
    """A moment on the Copenhagen wall clock, as aware UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=COPENHAGEN).astimezone(timezone.utc)


def latest(pg: Playground, chat: str, marker: str):  # noqa: ANN201
    """The newest message of a chat, as the user sees it now, whose text or card holds ``marker``."""
    found = with_marker(pg, chat, marker)
    assert found, (marker, [text_of(m)[:200] for m in pg.current_messages_in(chat)])
    return found[-1]


async def row(store, key: str):  # noqa: ANN001, ANN201
    """The queue's row of ``key`` (status, reason), read from the database."""
    table = Reminder.__table__
    async with store.reminders.engine.connect() as conn:
        return (await conn.execute(sa.select(table.c.status, table.c.reason).where(table.c.key == key))).one()


async def seed_the_day(services, team_id: str, names: dict[str, str]) -> str:  # noqa: ANN001
    """Steps 1-8 as they left things after the day: returns the dialogue's id."""
    store, now = services.store, services.clock.now()
    for user in (FATIMA, METTE):
        await store.planning_group.add(team_id, user, names[user], added_by=FATIMA, now=now)
    dialogue = await store.dialogues.ensure_dialogue(team_id, now)
    themes = SelectionInput(ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest har foreslået det"),
                            ChosenTheme(Kind.LEADERSHIP, "shared-direction-goals", None, "Det hører vi mest om"))
    await store.selections.save(Selection(dialogue.id, themes, FATIMA, now, announced_at=now))
    await store.invitations.set_day(dialogue.id, DAY, by=FATIMA, now=now)
    await store.invitations.invite(dialogue.id, [Member(u, names[u]) for u in EVERYONE])
    for user in EVERYONE:
        await store.invitations.answer(dialogue.id, user, Answer.CANNOT_COME if user == PETER else Answer.COMING, now=now)
    # What the announcement plans for the leader (bot/dialogs/invitation.py), from today.
    await store.reminders.add(plan_leader_reminders(dialogue_id=dialogue.id, team_id=team_id, day=DAY, planned_at=now,
                                                    planning_group=[FATIMA, METTE], window=services.window))
    grouping = Grouping(wellbeing=((FATIMA, LARS, METTE), (SOFIE, JONAS)), leadership=((FATIMA, SOFIE), (LARS, JONAS, METTE)),
                        repeated=(), fewest_possible=0, seed="playground")
    await store.groupings.save(dialogue.id, grouping, absent=(PETER,), by=FATIMA, now=now)
    on_the_day = cph(DAY.date, 9, 0)
    for (kind, group), (points, actions) in FLIP_CHARTS.items():
        await store.group_results.enter(dialogue.id, kind, group, ResultsInput(points, actions), sender=LARS, now=on_the_day)
    return dialogue.id


async def test_from_the_groups_results_to_the_plan_its_follow_up_the_send_on_and_the_leaders_loop_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    store, clock, window = services.store, services.clock, services.window
    # The dates the story hangs on, from the rules themselves (documented in the module docstring).
    adopted = date(2026, 6, 10)
    three_months = follow_up_days(adopted, window)[0]
    run_up = run_up_moments(2026, window)
    feedback = [due for kind, _, due in leader_moments(DAY, planned_at=cph(date(2026, 6, 1), 10, 0), window=window)
                if kind == LEADER_FEEDBACK_KIND]
    assert three_months == date(2026, 9, 10) and send_on_deadline(2026, window) == date(2026, 12, 1)
    assert [run_up[n].astimezone(window.tz).date() for n in (30, 14)] == [date(2026, 10, 20), date(2026, 11, 11)]
    assert [d.astimezone(window.tz).date() for d in feedback] == [date(2026, 6, 16), date(2026, 6, 30), date(2026, 7, 21)]

    clock.set(cph(date(2026, 6, 1), 10, 0))
    async with Playground(endpoint) as pg:
        general, team_id = pg.channel()["id"], pg.team["id"]
        personal = (await pg.config())["personalChat"]["id"]  # Mette's 1:1 chat with the bot
        names = {u: pg.user(u)["name"] for u in EVERYONE}
        await pg.install_in_team()
        dialogue_id = await seed_the_day(services, team_id, names)

        # -- Monday 1 June: Fatima names the leader on the card `leder` brings ---------------------------
        await pg.say_in_channel(FATIMA, "leder")
        ask = latest(pg, general, "leader.name")
        assert "Hvem er arbejdspladsens leder?" in text_of(ask) and "Jonas Nielsen" in text_of(ask)
        await pg.submit_in_channel(FATIMA, ask.id, {**action(ask, "leader.name"), "leader_user_id": JONAS})
        named = shown(pg, general, ask.id)  # used in place: no button left to press again
        assert named.updated and "Jonas Nielsen er nu registreret som leder af arbejdspladsen." in text_of(named)
        assert '"verb": "leader.name"' not in text_of(named)
        assert await store.leaders.get(team_id) == Leader(JONAS, "Jonas Nielsen")
        await pg.say_personal("sprog dansk")  # the Playground says en-US; Mette reads Danish

        # -- Wednesday 10 June: sorting, a topic, the plan's two initiatives, adopted ------------------------
        clock.set(cph(adopted, 10, 0))
        await pg.say_personal("sortér")
        sorting = latest(pg, personal, "sorting.accept")
        assert "Sortér og prioritér" in text_of(sorting) and "Lars Sørensen" not in text_of(sorting)  # entries have no names
        proposals = open_proposals(items_of(await store.group_results.of_dialogue(dialogue_id)), [], set())
        tjek_ind = next(p for p in proposals if p.title == "Fast tjek-ind hver morgen")
        await pg.submit(personal, METTE, sorting.id, action(sorting, "sorting.accept", proposal=tjek_ind.key))
        sorted_ = shown(pg, personal, sorting.id)
        assert sorted_.updated and "Forslaget er nu et emne." in text_of(sorted_)
        [topic] = await store.sorting.topics(dialogue_id)
        assert topic.title == "Fast tjek-ind hver morgen" and {i.key for i in topic.items} == {i.key for i in tjek_ind.items}

        await pg.say_personal("plan")
        empty = latest(pg, personal, "plan.initiative_new")
        assert "Udviklingsplan" in text_of(empty) and "Ny indsats" in text_of(empty)

        # The topic's "Lav indsats" turns the sorting card into the editor, the topic's title filled in.
        await pg.submit(personal, METTE, sorting.id, action(sorted_, "plan.initiative_new", topic_id=topic.id))
        editor = shown(pg, personal, sorting.id)
        assert "Emne fra sorteringen: " in text_of(editor) and "plan.initiative_save" in text_of(editor)
        first = {**action(editor, "plan.initiative_save"), "title": "Fast tjek-ind hver morgen",
                 "why": "Flere grupper ønskede det: vi savner at høre fra hinanden", "actions": "",
                 "copy_actions": "a1,a3", "m_planning_label": "Form på tjek-ind aftalt", "m_planning_due": "2026-06-19",
                 "follow_up": "På personalemødet hver måned", "owner": SOFIE, "communication": "Tavlen i frokoststuen",
                 "iglo_individual": "Møde op kl. 7.55", "iglo_group": "Skiftes til at lede tjek-ind",
                 "iglo_leadership": "Sætte tid af", "iglo_organisation": "", "needs_organisation": "false", "ask": ""}
        await pg.submit(personal, METTE, sorting.id, first)
        overview = shown(pg, personal, sorting.id)
        assert "Indsatsen er gemt." in text_of(overview) and "Sofie Jensen" in text_of(overview)
        assert "Kort tjek-ind hver morgen i teamet" in text_of(overview)  # copied from the groups' desired actions

        await pg.submit(personal, METTE, sorting.id, action(overview, "plan.initiative_new"))
        editor = shown(pg, personal, sorting.id)
        second = {**action(editor, "plan.initiative_save"), "title": "Tydelige mål for ugens opgaver",
                  "why": "Retningen er uklar for mange", "actions": "Ugens mål på tavlen mandag", "owner": JONAS,
                  "needs_organisation": "true", "ask": "Tid til tavlemøder i vagtplanen"}
        await pg.submit(personal, METTE, sorting.id, second)
        overview = shown(pg, personal, sorting.id)
        assert "Tydelige mål for ugens opgaver" in text_of(overview) and "Vedtag planen" in text_of(overview)
        await pg.submit(personal, METTE, sorting.id, action(overview, "plan.adopt_ask"))
        confirm = shown(pg, personal, sorting.id)
        assert "plan.adopt\"" in text_of(confirm)
        await pg.submit(personal, METTE, sorting.id, action(confirm, "plan.adopt"))
        done = shown(pg, personal, sorting.id)
        assert "Planen er vedtaget. Medarbejderne får den i kanalen." in text_of(done) and "plan.adopt" not in text_of(done)
        plan = await store.plans.get(dialogue_id)
        assert plan.adopted_by == METTE and [i.title for i in plan.initiatives] == ["Fast tjek-ind hver morgen",
                                                                                      "Tydelige mål for ugens opgaver"]
        assert plan.initiatives[0].actions == ("Fast tjek-ind hver morgen", "Kort tjek-ind hver morgen i teamet")

        # The channel gets the plan (a queue row); Lars presses "Set og forstået" and is thanked privately.
        await services.drain()
        await sweep(services)
        post = (await pg.wait_for(lambda: with_marker(pg, general, "plan.seen"), timeout=20))[-1]
        assert "Vores udviklingsplan" in text_of(post) and "Retningen er uklar for mange" in text_of(post)
        assert "Tid til tavlemøder" not in text_of(post)  # the short version: which initiatives, why, who
        await pg.submit_in_channel(LARS, post.id, action(post, "plan.seen"))
        thanks = await pg.wait_for(lambda: pg.created_conversations().get(LARS)
                                   and with_marker(pg, pg.created_conversations()[LARS], "set og forstået"), timeout=20)
        assert "Tak – du har markeret planen som set og forstået." in text_of(thanks[-1])
        assert await store.plans.acknowledged(dialogue_id) == 1 and not shown(pg, general, post.id).updated

        # -- the leader's loop: Tuesday 16 June, the first feedback reminder; Jonas marks it done ------------
        clock.set(cph(date(2026, 6, 16), 9, 5))
        await sweep(services)
        jonas = (await pg.wait_for(lambda: pg.created_conversations().get(JONAS)
                                   and with_marker(pg, pg.created_conversations()[JONAS], "Har du givet medarbejderne"), timeout=20))
        jonas_chat = pg.created_conversations()[JONAS]
        assert "Åbn lederens kort" in text_of(jonas[-1])
        await pg.say_in_channel(JONAS, "leder")
        card = await pg.wait_for(lambda: with_marker(pg, jonas_chat, "leader.act"), timeout=20)
        card = card[-1]
        assert "Lederens forberedelse og opfølgning" in text_of(card) and "Markér som gjort" in text_of(card)
        areas = {"area_1_title": "Lytte før jeg svarer", "area_1_next_step": "Spørge ind på tavlemødet",
                 "area_2_title": "Tydelig retning", "area_2_next_step": "Ugens mål hver mandag",
                 "area_3_title": "Ros i hverdagen", "area_3_next_step": "",
                 "feedback_thanks": "Tak for jeres ærlige input", "feedback_noticed": "", "feedback_help": "",
                 "feedback_follow_up": "", "leader_share": "false"}
        await pg.submit(jonas_chat, JONAS, card.id, {**action(card, "leader.act", act="done"), **areas})
        marked = shown(pg, jonas_chat, card.id)
        assert marked.updated and "Påmindelserne er stoppet." in text_of(marked) and "\"act\": \"done\"" not in text_of(marked)
        loop = await store.leader_loops.get(dialogue_id)
        assert loop.done_at is not None and [a.title for a in loop.areas] == ["Lytte før jeg svarer", "Tydelig retning",
                                                                               "Ros i hverdagen"]
        # Tuesday 30 June: the second feedback moment passes with nothing sent.
        before = len(pg.messages_in(jonas_chat))
        clock.set(cph(date(2026, 6, 30), 9, 5))
        await sweep(services)
        await services.drain()
        assert len(pg.messages_in(jonas_chat)) == before
        key = f"{LEADER_FEEDBACK_KIND}:{dialogue_id}:{DAY.date.isoformat()}:leader:2"
        assert tuple(await row(store, key)) == ("dropped", "done")

        # -- Thursday 10 September, 3 months on: the follow-up card; a status per initiative -----------------
        clock.set(cph(three_months, 9, 5))
        await sweep(services)
        card = (await pg.wait_for(lambda: with_marker(pg, personal, "Opfølgning efter 3 måneder"), timeout=20))[-1]
        fatima_chat = pg.created_conversations()[FATIMA]
        assert with_marker(pg, fatima_chat, "Opfølgning efter 3 måneder")  # the whole planning group
        assert len(pg.messages_in(jonas_chat)) == before  # the third feedback moment (21 July) passed unsent too
        for initiative, status, note, reached in (("i1", "on_track", "Tjek-ind kører hver morgen", "m1"),
                                                   ("i2", "not_started", "", "")):
            overview = shown(pg, personal, card.id)
            await pg.submit(personal, METTE, card.id, action(overview, "follow_up.show", initiative_id=initiative))
            form = shown(pg, personal, card.id)
            assert "follow_up.save" in text_of(form)
            await pg.submit(personal, METTE, card.id, {**action(form, "follow_up.save"), "status": status, "note": note,
                                                       "done": reached})
        recorded = shown(pg, personal, card.id)
        assert "Gemt torsdag den 10. september 2026." in text_of(recorded) and "I gang – " in text_of(recorded)
        assert {e.initiative_id: e.status for e in await store.follow_ups.statuses(dialogue_id)} == {
            "i1": Status.ON_TRACK, "i2": Status.NOT_STARTED}
        await services.drain()
        progress = (await pg.wait_for(lambda: with_marker(pg, general, "Status på indsatserne efter 3 måneder"), timeout=20))[-1]
        assert "I gang" in text_of(progress) and "Ikke startet" in text_of(progress) and "1 af 1 milepæle nået" in text_of(progress)
        assert "Tjek-ind kører hver morgen" not in text_of(progress)  # notes stay with the planning group

        # -- Tuesday 20 October, 30 working days before 1 December: the run-up; sent on ---------------------
        clock.set(run_up[30] + timedelta(minutes=5))
        await sweep(services)
        reminder = (await pg.wait_for(lambda: with_marker(pg, personal, "sendes videre inden 1. december"), timeout=20))[-1]
        assert "tirsdag den 1. december 2026" in text_of(reminder) and "send_on.show" in text_of(reminder)
        assert with_marker(pg, fatima_chat, "sendes videre inden 1. december")
        await pg.say_personal("send videre")
        send_card = latest(pg, personal, "send_on.send")
        assert "Send udviklingsplanen videre" in text_of(send_card) and "Tid til tavlemøder i vagtplanen" in text_of(send_card)
        await pg.submit(personal, METTE, send_card.id, action(send_card, "send_on.send"))
        receipt = shown(pg, personal, send_card.id)
        assert receipt.updated and "Sendt videre tirsdag den 20. oktober 2026 af Mette Holm (version 2)." in text_of(receipt) and "send_on.send" not in text_of(receipt)
        sent = await store.sent_on.get(dialogue_id)
        assert (sent.by, sent.version) == (METTE, plan.version)

        # Wednesday 11 November, 14 working days before: nothing more.
        counts = {chat: len(pg.messages_in(chat)) for chat in (personal, fatima_chat)}
        clock.set(run_up[14] + timedelta(minutes=5))
        await sweep(services)
        await services.drain()
        assert {chat: len(pg.messages_in(chat)) for chat in (personal, fatima_chat)} == counts
        assert await store.reminders.sent_count(dialogue_id, SEND_ON_REMINDER_KIND) == 2
        assert tuple(await row(store, f"send_on_due:{dialogue_id}:14")) == ("dropped", "sent_on")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_used_name_card_is_a_valid_card(lang: str):
    assert_valid_card(named_leader_card(lang, name="Jonas <at>Nielsen</at> **x**"))

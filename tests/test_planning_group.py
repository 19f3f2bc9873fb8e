"""The planning group's rules: who may run the process, and how members join and leave."""
from __future__ import annotations

import pytest

from bot.process.planning_group import (
    MAX_MEMBERS,
    PlanningGroupRefused,
    check_add,
    check_remove,
    may_manage,
    may_start,
)

GROUP = ("lea", "kim")


def full_group() -> list[str]:
    return [f"member-{n}" for n in range(MAX_MEMBERS)]


def refusal(check, *args) -> str:
    with pytest.raises(PlanningGroupRefused) as refused:
        check(*args)
    return refused.value.code


# --- who may run the process ----------------------------------------------------------------


def test_only_members_may_manage() -> None:
    assert may_manage("lea", GROUP)
    assert not may_manage("ole", GROUP)


def test_nobody_manages_a_workplace_without_a_group() -> None:
    # The empty group lets someone start (below), not tally or add members.
    assert not may_manage("lea", ())


def test_the_first_start_at_a_workplace_is_open_to_anyone() -> None:
    assert may_start("ole", ())
    assert may_start("ole", set())


def test_once_there_is_a_group_only_members_may_start() -> None:
    assert may_start("kim", GROUP)
    assert not may_start("ole", GROUP)


# --- adding members -------------------------------------------------------------------------


def test_a_member_adds_a_newcomer() -> None:
    check_add("lea", "ole", GROUP)  # no refusal


def test_adding_is_refused_to_a_non_member() -> None:
    assert refusal(check_add, "ole", "pia", GROUP) == "not_member"


def test_adding_someone_already_in_the_group_is_refused() -> None:
    assert refusal(check_add, "lea", "kim", GROUP) == "already_member"


def test_the_group_holds_at_most_max_members() -> None:
    almost = full_group()[:-1]
    check_add(almost[0], "newcomer", almost)  # the last free seat
    assert refusal(check_add, "member-0", "newcomer", full_group()) == "full"


def test_a_non_member_is_told_so_before_the_group_is_full() -> None:
    # The refusal that matters to the person comes first: they cannot add anyone at all.
    assert refusal(check_add, "ole", "pia", full_group()) == "not_member"


def test_max_members_is_a_small_group() -> None:
    assert MAX_MEMBERS == 12


# --- removing members -----------------------------------------------------------------------


def test_a_member_removes_another() -> None:
    check_remove("lea", "kim", GROUP)


def test_a_member_may_leave_while_others_remain() -> None:
    check_remove("lea", "lea", GROUP)


def test_removing_is_refused_to_a_non_member() -> None:
    assert refusal(check_remove, "ole", "kim", GROUP) == "not_member"


def test_removing_someone_outside_the_group_is_refused() -> None:
    assert refusal(check_remove, "lea", "ole", GROUP) == "not_in_group"


def test_the_last_member_cannot_leave() -> None:
    # The group is never emptied, so the workplace always has someone in charge.
    assert refusal(check_remove, "lea", "lea", ["lea"]) == "last_member"


@pytest.mark.parametrize(
    "check, args, code",
    [
        pytest.param(check_add, ("ole", "pia", GROUP), "not_member", id="add-not-member"),
        pytest.param(check_add, ("lea", "kim", GROUP), "already_member", id="add-already-member"),
        pytest.param(check_add, ("member-0", "pia", full_group()), "full", id="add-full"),
        pytest.param(check_remove, ("ole", "kim", GROUP), "not_member", id="remove-not-member"),
        pytest.param(check_remove, ("lea", "ole", GROUP), "not_in_group", id="remove-not-in-group"),
        pytest.param(check_remove, ("lea", "lea", ["lea"]), "last_member", id="remove-last-member"),
    ],
)
def test_every_refusal_carries_its_code_as_the_message(check, args, code: str) -> None:
    with pytest.raises(PlanningGroupRefused, match=f"^{code}$") as refused:
        check(*args)
    assert refused.value.code == code


# --- who founds the group -------------------------------------------------------------------


def test_whoever_starts_at_a_workplace_without_a_group_founds_it() -> None:
    from bot.process.planning_group import founder_joins

    assert founder_joins("ole", ())
    assert founder_joins("ole", set())
    assert not founder_joins("lea", GROUP)  # a member starting again joins nothing
    assert not founder_joins("ole", GROUP)  # and nobody joins a group by starting a round

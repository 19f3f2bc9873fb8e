"""The fewest repeated pairs a second round can have: an exact min-cost flow (bot/process/grouping.py).

Each first-round group i sends its members into the new groups j; a count matrix c says how many
of group i sit in new group j, and the pairs who meet again are the sum of C(c_ij, 2). Kept apart
from the grouping rules because it is plain optimisation, with no notion of people or rounds.
"""
from __future__ import annotations

from collections.abc import Sequence


def fewest_repeats(rows: Sequence[int], cols: Sequence[int]) -> tuple[int, list[list[int]]]:
    """Min over count matrices c (row sums ``rows``, column sums ``cols``) of sum C(c_ij, 2).

    Successive shortest paths, one person at a time: putting one more of first-round group i into
    new group j costs the pairs it adds (c_ij); taking one out gives back c_ij - 1. The cost is
    convex, so the unit-by-unit flow is exact. Only used for small groupings (up to 14 people).
    """
    g, h = len(rows), len(cols)
    flow = [[0] * h for _ in range(g)]
    sent, received = [0] * g, [0] * h
    source, sink = g + h, g + h + 1
    total = 0
    for _ in range(sum(rows)):
        dist = [float("inf")] * (g + h + 2)
        prev: list[int | None] = [None] * (g + h + 2)
        dist[source] = 0
        for _ in range(g + h + 2):  # Bellman-Ford: the residual graph has negative arcs
            changed = False
            for i in range(g):
                if sent[i] < rows[i] and dist[source] < dist[i]:
                    dist[i], prev[i], changed = dist[source], source, True
                for j in range(h):
                    if dist[i] + flow[i][j] < dist[g + j]:
                        dist[g + j], prev[g + j], changed = dist[i] + flow[i][j], i, True
                    if flow[i][j] > 0 and dist[g + j] - (flow[i][j] - 1) < dist[i]:
                        dist[i], prev[i], changed = dist[g + j] - (flow[i][j] - 1), g + j, True
            for j in range(h):
                if received[j] < cols[j] and dist[g + j] < dist[sink]:
                    dist[sink], prev[sink], changed = dist[g + j], g + j, True
            if not changed:
                break
        node = sink
        total += int(dist[sink])
        while node != source:
            before = prev[node]
            assert before is not None
            if node == sink:
                received[before - g] += 1
            elif before == source:
                sent[node] += 1
            elif node >= g:  # forward i -> j
                flow[before][node - g] += 1
            else:  # backward j -> i
                flow[node][before - g] -= 1
            node = before
    return total, flow

"""The worker pool on its own: order kept, read-ahead bounded, time limit, pass-through items."""

from __future__ import annotations

import time

from newsclean.pool import Failure, Pool


def sleep_then_echo(work: tuple[int, float]) -> int:
    time.sleep(work[1])
    return work[0]


def test_results_come_back_in_order_whatever_finishes_first() -> None:
    delays = [0.05, 0.0, 0.03, 0.0, 0.01, 0.0, 0.02, 0.0]
    with Pool[int](sleep_then_echo, jobs=3, timeout=10, window=8, budget=1 << 20) as pool:
        got = [o for o in pool.ordered(range(8), lambda i: (i, delays[i])) if o is not None]
    assert got == [(i, i) for i in range(8)]


def test_items_without_work_pass_through_in_place() -> None:
    with Pool[int](sleep_then_echo, jobs=2, timeout=10, window=4, budget=1 << 20) as pool:
        got = [o for o in pool.ordered(range(6), lambda i: (i, 0.0) if i % 2 else None) if o is not None]
    assert got == [(0, None), (1, 1), (2, None), (3, 3), (4, None), (5, 5)]


def test_read_ahead_is_bounded_by_the_window() -> None:
    pulled = []

    def items() -> object:
        for i in range(100):
            pulled.append(i)
            yield i

    with Pool[int](sleep_then_echo, jobs=2, timeout=10, window=5, budget=1 << 20) as pool:
        stream = pool.ordered(items(), lambda i: (i, 0.2 if i == 0 else 0.0))
        first = next(o for o in stream if o is not None)
        assert first == (0, 0)
        assert len(pulled) <= 5 + 1  # the window, and one looked at but not yet sent
        assert len([o for o in stream if o is not None]) == 99


def test_a_task_over_the_time_limit_fails_and_its_worker_is_replaced() -> None:
    with Pool[int](sleep_then_echo, jobs=1, timeout=0.3, window=4, budget=1 << 20) as pool:
        got = [o for o in pool.ordered(range(3), lambda i: (i, 30.0 if i == 1 else 0.0)) if o is not None]
    assert got[0] == (0, 0) and got[2] == (2, 2)
    item, failure = got[1]
    assert item == 1 and isinstance(failure, Failure) and failure.reason == "timed out after 0.3 s"
    assert failure.seconds >= 0.3

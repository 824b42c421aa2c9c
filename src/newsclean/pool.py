"""Worker processes for batch runs: one task at a time per worker, a hard time limit per task (the
worker is killed and replaced), crash isolation, and results handed back in the order of the tasks.

``concurrent.futures`` cannot do this: it cannot stop one task that runs too long, and one worker that
dies breaks the whole pool. Here each worker has its own pipe; the parent waits on all of them with a
deadline, kills a worker whose task overran, starts a fresh one, and reports the task as failed.

Memory stays bounded: at most ``window`` tasks (and ``budget`` bytes of them) are read ahead of the
oldest unfinished one, whatever the length of the input.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")

# While workers are busy the caller still gets a heartbeat (``None``) this often, so that a
# progress display keeps its clock and rate moving during a long document.
HEARTBEAT_SECONDS = 0.25
# A worker asked to stop (Ctrl-C, end of run) gets this long to finish cleaning up its temporary
# file before it is killed.
GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class Failure:
    """A task that its worker did not finish: it timed out, or the worker died."""

    reason: str
    seconds: float = 0.0


def start_method() -> str:
    """``fork`` on Linux: workers inherit the loaded modules (trafilatura, lxml, the line model), so
    starting or replacing one takes milliseconds; ``spawn`` elsewhere, where fork is unsafe or missing."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def available_cores() -> int:
    """The cores this process may run on (a container's quota, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds the task, so its temporary output file is removed


def _worker_main(conn: Connection, function: Callable[[Any], Any]) -> None:
    # Ctrl-C on a terminal reaches the whole process group: the parent decides, workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # What the worker inherits (modules, stoplists, models) lives as long as it does: frozen, the
    # cyclic collector stops walking it on every full collection (~36 ms each, ~5% of a text batch's
    # CPU), and stops touching (so copying) the parent's memory pages.
    gc.freeze()
    while True:
        try:
            work = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if work is None:
            return
        try:
            out = function(work)
        except Exception as exc:  # a bug must not end the worker: report it against the task
            out = Failure(f"internal error: {exc.__class__.__name__}: {exc}")
        try:
            conn.send(out)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, ctx: Any, function: Callable[[Any], Any]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, function), daemon=True)
        self.process.start()
        child.close()
        self.index = -1  # the task it is working on (-1: idle)
        self.started = 0.0
        self.deadline = float("inf")

    @property
    def busy(self) -> bool:
        return self.index >= 0

    def assign(self, index: int, work: Any, timeout: float) -> None:
        self.conn.send(work)
        self.index = index
        self.started = time.monotonic()
        self.deadline = self.started + timeout if timeout > 0 else float("inf")

    def release(self) -> int:
        index, self.index, self.deadline = self.index, -1, float("inf")
        return index

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self, graceful: bool) -> None:
        """End the worker: ask it to finish (end of run), or terminate it (interrupted)."""
        if self.process.is_alive():
            try:
                if graceful and not self.busy:
                    self.conn.send(None)
                else:
                    self.process.terminate()
            except OSError:
                pass
            self.process.join(GRACE_SECONDS)
        self.kill()

    def death(self) -> str:
        self.process.join(GRACE_SECONDS)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            return f"worker died on signal {name} (out of memory?)" if name == "SIGKILL" else f"worker died ({name})"
        return f"worker died (exit code {code})"


class Pool(Generic[Item]):
    """``jobs`` worker processes running ``function`` on the work of each item, with a time limit.

    Use as a context manager; leaving it (normally, or by an exception such as KeyboardInterrupt)
    stops every worker.
    """

    def __init__(self, function: Callable[[Any], Any], jobs: int, timeout: float, window: int,
                 budget: int) -> None:
        self.function = function
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.window = max(self.jobs, window)
        self.budget = budget
        self._ctx = multiprocessing.get_context(start_method())
        self._workers: list[_Worker] = []

    def __enter__(self) -> Pool[Item]:
        self._workers = [_Worker(self._ctx, self.function) for _ in range(self.jobs)]
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        for worker in self._workers:
            worker.stop(graceful=exc_type is None)
        self._workers = []

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._workers[self._workers.index(worker)] = _Worker(self._ctx, self.function)

    def ordered(self, items: Iterable[Item], work_of: Callable[[Item], Any],
                weight_of: Callable[[Item], int] = lambda item: 0) -> Iterator[tuple[Item, Any] | None]:
        """Yield ``(item, outcome)`` for every item, in the order of ``items``.

        ``work_of(item)`` is what is sent to a worker, or ``None`` for an item that needs no work (it
        comes back with outcome ``None``, in its place). The outcome is what ``function`` returned, or
        a Failure. ``None`` is yielded as a heartbeat when nothing finished for HEARTBEAT_SECONDS.
        """
        source = iter(items)
        lookahead: tuple[Item, Any] | None = None
        exhausted = False
        pending: dict[int, tuple[Item, Any]] = {}  # index -> (item, work) sent or waiting in order
        done: dict[int, tuple[Item, Any]] = {}
        weight: dict[int, int] = {}
        next_in = next_out = 0
        while True:
            # Read ahead and hand out work, within the window and the byte budget.
            while not exhausted and next_in - next_out < self.window and (
                    not weight or sum(weight.values()) < self.budget):
                if lookahead is None:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    lookahead = (item, work_of(item))
                item, work = lookahead
                if work is None:
                    done[next_in] = (item, None)
                else:
                    idle = next((w for w in self._workers if not w.busy), None)
                    if idle is None:
                        break
                    weight[next_in] = weight_of(item)
                    pending[next_in] = (item, work)
                    idle.assign(next_in, work, self.timeout)
                lookahead = None
                next_in += 1
            # Hand back what is finished, in order.
            while next_out in done:
                weight.pop(next_out, None)
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.busy]
            if not busy:
                if exhausted and lookahead is None and not done:
                    return
                continue
            now = time.monotonic()
            wait_for = min(HEARTBEAT_SECONDS, max(0.0, min(w.deadline for w in busy) - now))
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for worker in busy:
                if worker.conn in ready:
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        outcome = Failure(worker.death(), time.monotonic() - worker.started)
                        self._replace(worker)
                elif time.monotonic() >= worker.deadline:
                    outcome = Failure(f"timed out after {self.timeout:g} s", time.monotonic() - worker.started)
                    self._replace(worker)
                else:
                    continue
                index = worker.release()
                done[index] = (pending.pop(index)[0], outcome)
            if not ready and wait_for == HEARTBEAT_SECONDS:
                yield None

"""Grade drafts within a time limit each, for `connecteur batch`; and its progress on a terminal.

Python's ``re`` cannot be interrupted: a pattern that slipped past the rubric's checks can run
for hours inside one call, in C, holding its thread. So the drafts are graded in one worker
process, reused from draft to draft (it reads the rubric once); when a draft runs past the limit,
that worker is killed and a fresh one takes the next draft. The command line only: the core
(``checker``) stays free of processes, as it must in the browser.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TextIO

from checker import Report, grade

DEFAULT_SECONDS = 5.0
"""The default time limit for one draft: a normal draft takes a few hundredths of a second."""
START_SECONDS = 60.0
"""How long a new worker may take to start and read the rubric (not counted in a draft's limit)."""
PROGRESS_AFTER = 1.0
"""Progress shows on a terminal once a batch has run this long."""


class NotGraded(Exception):
    """A draft the worker could not grade: ``timed_out`` past the limit, or the worker died."""

    def __init__(self, seconds: float, *, timed_out: bool) -> None:
        super().__init__(f"not graded ({'time limit' if timed_out else 'worker stopped'})")
        self.seconds = seconds
        self.timed_out = timed_out


def _context() -> Any:
    """A fork server where the platform has one: workers start quickly and never inherit the
    parent's threads (a progress display); spawn elsewhere (Windows, macOS's default)."""
    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context()
    ctx.set_forkserver_preload(["checker", "connecteur_cli.deadline"])
    return ctx


def _serve(conn: Connection, rubric_path: str | None) -> None:
    """The worker: read the rubric, say so, then grade each draft it is sent until told to stop."""
    from checker import default_rubric, load_rubric

    if rubric_path is None:
        rubric = default_rubric()
    else:  # read as the command line reads it (a BOM is allowed), which checked it already
        text = Path(rubric_path).read_bytes().decode("utf-8-sig")
        rubric = load_rubric(text, source=rubric_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        draft, kind, lang = job
        conn.send(grade(draft, kind=kind, lang=lang, rubric=rubric))


class Deadline:
    """``grader(draft, kind=..., lang=...)`` grades like ``checker.grade`` with the rubric of
    ``rubric_path`` (None: the default), or raises ``NotGraded`` past ``seconds``.

    Use it as a context manager: the worker is stopped on the way out.
    """

    def __init__(self, rubric_path: str | None, seconds: float = DEFAULT_SECONDS) -> None:
        self.rubric_path = rubric_path
        self.seconds = seconds
        self._ctx = _context()
        self._proc: Any = None
        self._conn: Connection | None = None
        self.workers_started = 0

    def __enter__(self) -> Deadline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> Connection:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, self.rubric_path), daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        self.workers_started += 1
        try:
            ready = parent.poll(START_SECONDS) and parent.recv() == "ready"
        except (EOFError, OSError):  # the worker could not start (it printed why)
            self._kill()
            raise NotGraded(self.seconds, timed_out=False) from None
        if not ready:
            self._kill()
            raise NotGraded(START_SECONDS, timed_out=True)
        return parent

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def __call__(self, draft: str, *, kind: str, lang: str | None) -> Report:
        conn = self._conn or self._start()
        try:
            conn.send((draft, kind, lang))
            if conn.poll(self.seconds):
                return conn.recv()
        except (EOFError, OSError):
            self._kill()
            raise NotGraded(self.seconds, timed_out=False) from None
        self._kill()
        raise NotGraded(self.seconds, timed_out=True)

    def close(self) -> None:
        """Ask the worker to stop, and make sure it has."""
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._proc.join(timeout=2)
        self._kill()


def with_progress[T](
    items: Iterable[T],
    total: int,
    *,
    stream: TextIO | None = None,
    after: float = PROGRESS_AFTER,
    clock: Any = time.monotonic,
) -> Iterator[T]:
    """Yield ``items``; on a terminal, once ``after`` seconds have passed, show how many of
    ``total`` are done (on ``stream``, standard error by default). Nothing when piped."""
    stream = sys.stderr if stream is None else stream
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield from items
        return
    start = clock()
    shown: Any = None
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            if shown is None and clock() - start >= after and done < total:
                shown = _bar(stream, total) or False
            if shown:
                progress, task = shown
                progress.update(task, completed=done)
                progress.refresh()
    finally:
        if shown:
            shown[0].stop()


def _bar(stream: TextIO, total: int) -> tuple[Any, Any] | None:
    """A rich progress bar on ``stream`` (rich comes with the site's tools; without it, none)."""
    try:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
    except ImportError:
        return None
    progress = Progress(
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream, force_terminal=True),
        auto_refresh=False,  # no thread: a worker may be started while it shows
        transient=True,
    )
    task = progress.add_task("batch", total=total)
    progress.start()
    return progress, task

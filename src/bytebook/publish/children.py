"""Child processes that always end: the build runs in its own process group, and when it runs
longer than BYTEBOOK_BUILD_TIMEOUT seconds (default 1800), or the build itself is interrupted,
its whole tree (Sphinx workers and the kernels they started, which sit in sessions of their
own) is ended: asked to stop, then killed after a grace period.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

TIMEOUT_ENV = "BYTEBOOK_BUILD_TIMEOUT"
DEFAULT_TIMEOUT = 1800.0
GRACE_SECONDS = 5.0
TIMED_OUT = 124
"""Exit status of a build that was stopped for taking too long (as timeout(1) uses)."""


def timeout_seconds() -> float:
    """The longest a build may run: BYTEBOOK_BUILD_TIMEOUT, or 1800 s."""
    text = os.environ.get(TIMEOUT_ENV, "")
    try:
        return float(text) if text and float(text) > 0 else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, children first, read from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        below = children.get(queue.pop(0), [])
        found += below
        queue += below
    return found


def end_tree(process: subprocess.Popen) -> int:
    """End `process` and everything below it: SIGTERM, then SIGKILL after the grace period.
    Returns how many processes were ended."""
    tree = [process.pid, *descendants(process.pid)]
    for pid in tree:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and any(alive(pid) for pid in tree):
        process.poll()  # reaps the direct child, so it does not linger as a zombie
        time.sleep(0.1)
    for pid in tree:
        if alive(pid):
            _signal(pid, signal.SIGKILL)
    process.wait()
    return len(tree)


def _signal(pid: int, number: int) -> None:
    try:
        os.kill(pid, number)
    except (ProcessLookupError, PermissionError):
        pass


def alive(pid: int) -> bool:
    """Whether the process `pid` runs: not gone, nor only waiting for its parent to collect it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def run_bounded(
    command: list[str],
    cwd: Path,
    env: dict[str, str],
    relay: Callable[[IO[str]], None],
    say: Callable[[str], None],
) -> int:
    """Run `command`, passing its stderr to `relay`; return its exit status, or TIMED_OUT
    after ending its whole tree when it runs longer than `timeout_seconds()`. An interrupt of
    this process ends the tree too, then propagates."""
    timeout = timeout_seconds()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    reader = threading.Thread(target=relay, args=(process.stderr,), daemon=True)
    reader.start()
    previous = _stop_on_sigterm()
    try:
        status = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        ended = end_tree(process)
        say(
            f"the build ran longer than {timeout:g} s ({TIMEOUT_ENV}) and was stopped, with "
            f"its {ended - 1} worker and kernel process(es)"
        )
        status = TIMED_OUT
    except BaseException:
        end_tree(process)
        raise
    finally:
        _restore(previous)
    reader.join(timeout=GRACE_SECONDS)
    return status


def _stop_on_sigterm():
    """Turn SIGTERM into SystemExit while the child runs, so its tree is ended too."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(number, frame):
        raise SystemExit(128 + number)

    return signal.signal(signal.SIGTERM, stop)


def _restore(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)

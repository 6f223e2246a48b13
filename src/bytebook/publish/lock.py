"""One build at a time in a checkout: a lock held for the whole build.

The lock is an advisory `flock` on `_build/.build.lock`, which also records the holder's process
id and start time. The operating system releases it when its holder ends, however it ends, so
the lock of a build that crashed or was killed has expired by then and is taken over (with a
message naming the process that left it). A second build waits, saying which process it
waits for, up to `BYTEBOOK_LOCK_WAIT` seconds (default 600; 0 refuses at once), then refuses.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WAIT_ENV = "BYTEBOOK_LOCK_WAIT"
DEFAULT_WAIT = 600.0
POLL_SECONDS = 0.5


class BuildLocked(RuntimeError):
    """Another build holds the lock and did not finish within the wait."""


def lock_path(root: Path) -> Path:
    """The file the build lock of the book at `root` is held on."""
    return root / "_build" / ".build.lock"


def wait_seconds() -> float:
    """How long a build waits for another to finish: BYTEBOOK_LOCK_WAIT, or 600 s."""
    text = os.environ.get(WAIT_ENV, "")
    try:
        return max(0.0, float(text)) if text else DEFAULT_WAIT
    except ValueError:
        return DEFAULT_WAIT


def _holder(path: Path) -> str:
    """Who the lock file says holds the lock: 'PID 123, started 2026-11-28 19:01:02 UTC'."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return text


def _pid_of(holder: str) -> int | None:
    words = holder.split()
    if len(words) >= 2 and words[0] == "PID" and words[1].rstrip(",").isdigit():
        return int(words[1].rstrip(","))
    return None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def build_lock(root: Path, say, wait: float | None = None) -> Iterator[None]:
    """Hold the checkout's build lock for the duration of the `with` block.

    `say` prints a message. Raises BuildLocked, naming the running build's process, when the
    lock stays taken for `wait` seconds (default: wait_seconds())."""
    wait = wait_seconds() if wait is None else wait
    path = lock_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # held until the block ends
    try:
        _acquire(handle, path, wait, say)
        left = _holder(path)
        pid = _pid_of(left)
        if pid is not None and pid != os.getpid() and not _running(pid):
            say(f"took over the build lock left by {left}, which is no longer running")
        started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        handle.seek(0)
        handle.truncate()
        handle.write(f"PID {os.getpid()}, started {started}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()  # closing releases the lock


def _acquire(handle, path: Path, wait: float, say) -> None:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _holder(path) or "another process"
            if time.monotonic() >= deadline:
                raise BuildLocked(
                    f"another build is running in this checkout ({holder}; lock {path}). "
                    f"Wait for it to finish, or stop it with: kill {_pid_of(holder) or '<PID>'}"
                ) from None
            if not told:
                say(
                    f"another build is running in this checkout ({holder}); waiting up to "
                    f"{wait:g} s for it to finish ({WAIT_ENV} sets the wait)"
                )
                told = True
            time.sleep(POLL_SECONDS)

"""One kernel per reading worker, shared by the pages it executes one after another.

myst-nb starts a kernel for every page it executes, and each kernel imports pandas, Altair and
the book's package, loads the data and starts vl-convert's JavaScript engine again: most of a
clean build's CPU work. Here each process that reads pages keeps one kernel and runs each page
in it with a fresh namespace (IPython's `reset`, which also restarts the execution count at 1,
and the page's own working folder), so a page's outputs are what a kernel of its own gives;
only the imported modules (and what they keep, such as the loaded data) carry over. A kernel
that failed a page is shut down, so the next page starts a new one.

Each kernel keeps one client, connected once: a new client for each page waited for the kernel
to be ready and then for 0.2 s without any broadcast from it (jupyter_client's
`wait_for_ready`), time in which neither the kernel nor its reading process worked.

While its kernel starts and runs a page, the process only waits for it: work handed to
`while_a_kernel_starts` runs then, in a background thread (or while the processes it forked
read the pages, `start_waiting_work`), finished before the pages are written
(`finish_started_work`). Work handed to `in_a_free_kernel` that needs what the pages' kernels
import runs instead, when pages are read in parallel, in the kernel of the first reading
process to find no page left: its core is free while the others finish their pages, and its
kernel has imported it all already (`readers_kernel_work`, `run_in_this_kernel`).
"""

from __future__ import annotations

import atexit
import multiprocessing.util
import os
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from jupyter_cache.executors.utils import ExecutionResult, Timer
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbformat import NotebookNode

from bytebook.publish import early_kernels

STARTUP_TIMEOUT = 60
"""The least time, in seconds, a kernel gets to answer before its first page (nbclient's own)."""
FRESH_PAGE = "__import__('os').chdir({cwd!r})\nget_ipython().reset(new_session=True)"
"""Run silently before each page: its working folder, an empty namespace, execution count 1."""

_kernels: dict[tuple[str, str], Any] = {}
"""This process's kernel managers, by kernel name and working folder."""
_owner: list[int] = []
"""The process `_kernels` belongs to: a forked reader inherits the list, not the kernels."""
_clients: dict[int, Any] = {}
"""The connected client of each of this process's kernels, by the `id` of its manager."""
_waiting_work: list[tuple[int, Callable[[], None]]] = []
"""Work to start in a background thread as a kernel starts, with the process it belongs to."""
_started_work: list[tuple[int, threading.Thread]] = []
"""The threads that waiting work was started in, with the process each belongs to."""
_free_kernel_work: list[tuple[int, Callable[[], None], str]] = []
"""Work that a free kernel may do instead, with the process it belongs to and its code."""


def while_a_kernel_starts(work: Callable[[], None]) -> None:
    """Run `work` in a background thread of this process once its next kernel has been launched
    (the process then waits for the kernel to start and run the page), not in processes forked
    from it."""
    _waiting_work.append((os.getpid(), work))


def in_a_free_kernel(work: Callable[[], None], code: str) -> None:
    """Hand `work` to `while_a_kernel_starts`, unless pages are read in parallel: then `code`,
    which does the same work, runs in the kernel of the first reading process to find no page
    left (`readers_kernel_work`). Where the code does not run (that process started no kernel,
    or the code failed), what needs the work's result must do the work itself."""
    while_a_kernel_starts(work)
    _free_kernel_work.append((os.getpid(), work, code))


def readers_kernel_work() -> list[str]:
    """The code of this process's work for a free kernel, that work no longer waiting for a
    thread: the reading processes forked next run it (`run_in_this_kernel`)."""
    mine = [(work, code) for pid, work, code in _free_kernel_work if pid == os.getpid()]
    _free_kernel_work[:] = [entry for entry in _free_kernel_work if entry[0] != os.getpid()]
    handed = [work for work, _ in mine]
    _waiting_work[:] = [
        (pid, work) for pid, work in _waiting_work if not any(work is h for h in handed)
    ]
    return [code for _, code in mine]


def run_in_this_kernel(codes: list[str], timeout: float = 300.0) -> None:
    """Run each of `codes`, silently, in this process's kernel, if it started one that still
    runs; a failure or a timeout stops it, and is left to the work's own fallback. Each run
    waits for its reply on the shell channel only: a client that has just connected may miss
    the kernel's first broadcasts (which `execute_interactive` waits for), never a reply."""
    running = [m for m in _kernels.values() if m.has_kernel] if _owner == [os.getpid()] else []
    if not codes or not running:
        return
    client = running[0].client()
    client.start_channels()
    try:
        for code in codes:
            asked = client.execute(code, silent=True, store_history=False)
            if _reply(client, asked, timeout)["content"]["status"] != "ok":
                return
    except Exception:  # noqa: BLE001 - what needs the work does it itself; reading goes on
        return
    finally:
        client.stop_channels()


def _reply(client, asked: str, timeout: float) -> dict:
    """The kernel's reply to the request `asked`, read from the shell channel (replies to
    other requests are passed over); `TimeoutError` after `timeout` seconds in all."""
    from jupyter_core.utils import run_sync

    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no reply to {asked} in {timeout} s")
        reply = run_sync(client.get_shell_msg)(timeout=left)
        if reply["parent_header"].get("msg_id") == asked:
            return reply


def start_waiting_work() -> None:
    """Start the waiting work of this process not started yet, each in a thread of its own."""
    mine = [work for pid, work in _waiting_work if pid == os.getpid()]
    _waiting_work[:] = [(pid, work) for pid, work in _waiting_work if pid != os.getpid()]
    for work in mine:
        thread = threading.Thread(target=work, name="bytebook-while-executing", daemon=True)
        thread.start()
        _started_work.append((os.getpid(), thread))


def finish_started_work() -> None:
    """Wait for the waiting work this process started (before it forks writers, which must
    not inherit work half-done)."""
    for pid, thread in _started_work:
        if pid == os.getpid():
            thread.join()


class _PageClient(NotebookClient):
    """A notebook client that starts each page in a fresh namespace of a shared kernel,
    through the client that kernel keeps (`_clients`)."""

    async def async_start_new_kernel_client(self):
        start_waiting_work()  # the kernel has been launched, and starts while this waits
        client = _clients.get(id(self.km))
        if client is None:  # the kernel's first page: connect and wait until it is ready
            client = _clients[id(self.km)] = await self._first_client()
        else:
            self.kc = client
        cwd = self.resources["metadata"]["path"]
        message = client.execute(FRESH_PAGE.format(cwd=cwd), silent=True, store_history=False)
        reply = await self.async_wait_for_reply(message)
        if reply is None or reply["content"]["status"] != "ok":
            raise RuntimeError(f"the shared kernel could not start a fresh page: {reply}")
        return client

    async def _first_client(self):
        """The kernel's client, once the kernel answers. A kernel started early that does not
        answer is stuck in, or was ended by, an import the pages make: the page fails as a cell
        that ran too long does, saying which imports those are."""
        started_early = early_kernels.started_early(self.km)  # cleaning up forgets it
        try:
            return await super().async_start_new_kernel_client()
        except RuntimeError as error:
            # nbclient has cleaned the kernel up; its exit hook would fail on what it cleared.
            atexit.unregister(self._cleanup_kernel)
            if started_early:
                raise CellTimeoutError(early_kernels.not_answering(error)) from error
            raise


def _kernel(name: str, cwd: str):
    """This process's kernel manager for `name` in `cwd`: of a kernel the build started early
    (bytebook.publish.early_kernels), or else of one the first page that runs in it starts; it
    is shut down when the process ends."""
    from jupyter_client import AsyncKernelManager

    if _owner != [os.getpid()]:
        _kernels.clear()
        _clients.clear()
        _owner[:] = [os.getpid()]
        multiprocessing.util.Finalize(None, shut_down, exitpriority=10)
    key = (name, cwd)
    if key not in _kernels:
        _kernels[key] = early_kernels.take(name) or AsyncKernelManager(kernel_name=name)
    return _kernels[key]


def shut_down() -> None:
    """Shut down this process's kernels (as it ends, or after a page failed in one). Each is
    killed at once: it keeps nothing, and a kernel asked to quit took seconds to end, which the
    build waited for."""
    from jupyter_core.utils import run_sync

    while _kernels:
        _, manager = _kernels.popitem()
        client = _clients.pop(id(manager), None)
        if client is not None:
            client.stop_channels()
        if manager.has_kernel:
            run_sync(manager.shutdown_kernel)(now=True)
            run_sync(manager.cleanup_resources)()


def execute(
    nb: NotebookNode,
    cwd: str | None,
    timeout: int | None,
    allow_errors: bool,
    meta_override: bool = True,
    record_timing: bool = False,
    **kwargs: Any,
) -> ExecutionResult:
    """Execute `nb` in place in this process's shared kernel; the same contract as
    `jupyter_cache.executors.utils.single_nb_execution`, which myst-nb calls."""
    if meta_override and "execution" in nb.metadata:
        timeout = nb.metadata.execution.get("timeout", timeout)
        allow_errors = nb.metadata.execution.get("allow_errors", allow_errors)
    name = nb.metadata.get("kernelspec", {}).get("name", "python3")
    manager = _kernel(name, str(cwd))
    error = exc_string = None
    timer = Timer()
    with timer:
        try:
            _PageClient(
                nb,
                km=manager,
                timeout=timeout,
                # An early kernel makes the pages' imports as it starts: as long as a cell gets.
                startup_timeout=max(timeout or 0, STARTUP_TIMEOUT),
                allow_errors=allow_errors,
                record_timing=record_timing,
                # A print reaches the client as one stream output or several, as the kernel
                # flushes; merged, a page's notebook is the same in every build.
                coalesce_streams=True,
                resources={"metadata": {"path": cwd}},
                **kwargs,
            ).execute()
        except (CellExecutionError, CellTimeoutError) as err:
            error, exc_string = err, traceback.format_exc()
            shut_down()
    return ExecutionResult(nb, cwd, timer.last_split, error, exc_string)


def use_shared_kernels() -> None:
    """Make myst-nb execute pages through `execute`, in each reading process's shared kernel."""
    from myst_nb.core.execute import cache

    cache.single_nb_execution = execute

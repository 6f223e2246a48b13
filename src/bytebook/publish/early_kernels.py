"""Kernels started as a clean build begins, for its reading processes to take.

In a clean build the first second goes to starting Sphinx, on one core, before the reading
processes are forked; each then started its kernel, which spent most of another second
importing the analysis and starting vl-convert's JavaScript engine before its first page
could run. Here the build's process launches one kernel per reading process first, each
doing that work (`warm_up`) on the core Sphinx leaves free; each reading process takes one
(`take`) instead of starting its own, and the build ends those no process took (`end`).

A kernel taken here is the same kernel a reading process would start (the kernel spec's own
command, launched by jupyter_client, in the same environment); only its parent differs, so
the manager that adopts it watches and ends it by its process id (`_ProcessById`).
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from bytebook.publish.children import alive

KERNEL = "python3"
"""The kernel spec every page of the book names."""
ENGINE_START = "import vl_convert; _ = vl_convert.vegalite_to_vega({'mark': 'point'})"
"""vl-convert's first conversion, which starts its engine: run as a kernel starts when the pages
import the book's package, which draws their charts."""
CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.M | re.S)

_launched: list[tuple[str, subprocess.Popen]] = []
"""This build's early kernels: connection file and process, in launch order."""
_taken: list[Any] = []
"""How many early kernels the reading processes took (one counter shared across forks)."""
_warm_up_lines: list[str] = []
"""What this build's early kernels run as they start."""


def pages_code(root: Path) -> list[list[str]]:
    """The code cells of each of the book's pages (`book/`) that has any."""
    pages = []
    for page in sorted((root / "book").rglob("*.md")):
        cells = CELL.findall(page.read_text(encoding="utf-8"))
        if cells:
            pages.append(cells)
    return pages


def _without_options(cell: str) -> str:
    """A code cell's code, without its option lines (`:tags: [...]`)."""
    return "\n".join(line for line in cell.splitlines() if not line.startswith(":"))


def warm_up(pages: list[list[str]]) -> list[str]:
    """What a kernel runs as it starts (IPython's `exec_lines`): each import statement the
    pages' cells make, once, and `ENGINE_START` when they import the book's package. Each page
    starts in a fresh namespace, so only the imported modules carry over, as from one page to
    the next."""
    statements: dict[str, None] = {}
    for cell in (cell for cells in pages for cell in cells):
        try:
            body = ast.parse(_without_options(cell)).body
        except SyntaxError:  # IPython's own syntax: the cell's imports are left to the page
            continue
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0):
                statements[ast.unparse(node)] = None
    if any("bytebook" in statement for statement in statements):
        statements[ENGINE_START] = None
    return list(statements)


def start(count: int, cwd: Path, sockets: Path, lines: list[str]) -> None:
    """Launch `count` kernels of the book's kernel spec in `cwd`, talking over IPC sockets in
    `sockets`, each running `lines` as it starts; the reading processes forked after this
    take them."""
    from jupyter_client import KernelManager
    from jupyter_client.connect import write_connection_file
    from jupyter_client.launcher import launch_kernel

    warm_up = [f"--IPKernelApp.exec_lines={line}" for line in lines]
    _warm_up_lines[:] = lines
    _taken[:] = [multiprocessing.get_context("fork").Value("i", 0)]
    for number in range(count):
        connection, _ = write_connection_file(
            str(sockets / f"early-{number}.json"),
            transport="ipc",
            ip=str(sockets / f"early-{number}"),
        )
        # The kernel spec's command as jupyter_client's own manager writes it out.
        manager = KernelManager(kernel_name=KERNEL, connection_file=connection)
        env = {**os.environ, **manager.kernel_spec.env}
        env.pop("PYTHONEXECUTABLE", None)  # as jupyter_client's own provisioner does
        command = manager.format_kernel_cmd(extra_arguments=warm_up)
        _launched.append((connection, launch_kernel(command, env=env, cwd=str(cwd))))


def take(kernel_name: str):
    """An `AsyncKernelManager` for one early kernel not taken yet, or None (none is left, or
    the page names another kernel spec)."""
    if kernel_name != KERNEL or not _taken:
        return None
    with _taken[0].get_lock():
        index = _taken[0].value
        _taken[0].value += 1
    if index >= len(_launched):
        return None
    connection, process = _launched[index]
    return _adopted(connection, process.pid)


def _adopted(connection: str, pid: int):
    """A manager of the running kernel `pid`, connected through the file `connection`."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner

    manager = AsyncKernelManager(kernel_name=KERNEL)
    manager.load_connection_file(connection)
    provisioner = LocalProvisioner(
        kernel_id=os.path.basename(connection), kernel_spec=manager.kernel_spec, parent=manager
    )
    provisioner.process = _ProcessById(pid)
    provisioner.pid = pid
    provisioner.pgid = pid  # launched in a session of its own: signals reach what it started
    manager.provisioner = provisioner
    return manager


def started_early(manager) -> bool:
    """Whether `manager` manages a kernel this build started early."""
    provisioner = getattr(manager, "provisioner", None)
    return isinstance(getattr(provisioner, "process", None), _ProcessById)


def not_answering(error: Exception) -> str:
    """Why a kernel started early did not answer (`error`, jupyter_client's word for it): one
    of the imports it makes as it starts did not finish or ended it, as the page's own would."""
    made = "; ".join(_warm_up_lines) or "none"
    return (
        f"{error}. The build started this page's kernel early "
        "(bytebook.publish.early_kernels), and as it starts it makes the imports the pages "
        f"make: {made}. One of them did not finish or ended the kernel; a cell making that "
        "import would fail the same way."
    )


def end() -> None:
    """End the early kernels still running (those no reading process took, or a process left),
    with what they started (each leads a process group of its own), and collect every one."""
    while _launched:
        _, process = _launched.pop()
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                process.kill()
        process.wait()
    _taken.clear()


class _ProcessById:
    """The part of `subprocess.Popen` a kernel's provisioner uses, for a process that another
    process launched: alive until it has ended or only waits for its parent to collect it."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        """None while the process runs, else its exit status as far as this process can tell
        (-9: it is gone, so its parent or the signal that ended it has the real one)."""
        if self.returncode is None and not alive(self.pid):
            self.returncode = -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the process has ended."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Send `signum` to the process, if it still runs."""
        if self.poll() is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                self.returncode = -signal.SIGKILL

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

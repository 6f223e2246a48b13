"""A clean build starts its kernels before Sphinx, each making the pages' imports as it
starts: the first page finds its modules imported already. A rebuild, which runs only the
pages that changed, starts none early, and no kernel outlives a build."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from nbclient.exceptions import CellTimeoutError
from test_kernel_client import notebook_page, own_kernels
from test_reliability import small_book

from bytebook.publish import early_kernels, shared_kernel
from bytebook.publish.build import build_book, jupyter_output
from bytebook.publish.children import alive

pytestmark = pytest.mark.build

IMPORTED = "import sys\nprint('bytebook.present' in sys.modules)\nfrom bytebook import present"
"""A page that prints whether its kernel had imported the module it imports next."""


def _printed(root: Path, page: str) -> list[str]:
    executed = jupyter_output(root) / "jupyter_execute" / "book" / f"{page}.ipynb"
    cell = json.loads(executed.read_text())["cells"][-1]
    return "".join(cell["outputs"][0]["text"]).split()


def _processes_in(root: Path) -> list[str]:
    """The processes whose working folder is in `root`: the early kernels start in it."""
    running = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if Path(proc / "cwd").readlink().is_relative_to(root):
                running.append(proc.name)
        except OSError:
            continue
    return running


def test_a_clean_build_runs_its_pages_in_kernels_started_early_and_a_rebuild_in_its_own(tmp_path):
    root = small_book(tmp_path / "book", {"only": IMPORTED})
    assert build_book(root) == 0
    assert _printed(root, "only") == ["True"]
    assert _processes_in(root) == [], "a kernel outlived the build"
    page = root / "book" / "only.md"
    page.write_text(page.read_text().replace(IMPORTED, f"{IMPORTED}\nprint(2)"))
    assert build_book(root) == 0
    assert _printed(root, "only") == ["False", "2"]
    assert _processes_in(root) == []


def test_a_kernel_starts_with_the_imports_the_pages_make_each_once():
    pages = [
        ["from myst_nb import glue\nfrom bytebook import present\nx = 1", "import sys, os\nx"],
        [":tags: [remove-cell]\nfrom bytebook import present\nimport pandas as pd"],
        ["%matplotlib inline\nimport numpy", "from . import local\n\ndef f():\n    import json"],
    ]
    assert early_kernels.warm_up(pages) == [
        "from myst_nb import glue",
        "from bytebook import present",
        "import sys, os",
        "import pandas as pd",
        early_kernels.ENGINE_START,
    ]
    assert early_kernels.warm_up([["import sys\nprint(sys.version)"]]) == ["import sys"]


def _start_one_early_kernel(folder: Path, lines: list[str]) -> None:
    """One early kernel in `folder`, running `lines` as it starts, for this process to take."""
    sockets = folder / "sockets"
    sockets.mkdir()
    early_kernels.start(1, folder, sockets, lines)


STUCK_IMPORTS = {
    "never ends": ("import time\ntime.sleep(600)\n", "didn't respond in 3 seconds"),
    "ends the kernel": ("import os\nos._exit(1)\n", "Kernel died before replying"),
}
"""A module whose import never ends, and one whose import ends its process; what jupyter_client
says of the kernel in each case."""


@pytest.mark.parametrize("case", STUCK_IMPORTS)
def test_an_import_that_keeps_an_early_kernel_from_answering_fails_its_page(
    tmp_path, monkeypatch, case
):
    """An import the pages make that never ends, or ends the kernel, keeps an early kernel from
    answering: the page fails as a cell that ran too long does, within the time a kernel gets
    to start, and says which imports the kernel was making."""
    code, said = STUCK_IMPORTS[case]
    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "stuck.py").write_text(code, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(modules))
    monkeypatch.setattr(shared_kernel, "STARTUP_TIMEOUT", 3)
    own_kernels(monkeypatch)
    page = notebook_page("import stuck")
    _start_one_early_kernel(tmp_path, ["import json", "import stuck"])
    try:
        started = time.monotonic()
        result = shared_kernel.execute(page, str(tmp_path), 1, False)
        waited = time.monotonic() - started
    finally:
        shared_kernel.shut_down()
        early_kernels.end()
    assert isinstance(result.err, CellTimeoutError), result.err
    assert said in str(result.err)
    assert "import json; import stuck. One of them did not finish" in str(result.err)
    assert waited < 30
    assert _processes_in(tmp_path) == [], "the kernel outlived its page"


def test_ending_an_early_kernel_ends_what_its_pages_started(tmp_path, monkeypatch):
    """A kernel started early leads a process group of its own; the manager that adopts it
    ends the whole group, as it does for a kernel it started itself, so a process a page left
    running does not outlive the kernel."""
    own_kernels(monkeypatch)
    page = notebook_page("import subprocess\nprint(subprocess.Popen(['sleep', '600']).pid)")
    _start_one_early_kernel(tmp_path, [])
    try:
        result = shared_kernel.execute(page, str(tmp_path), 60, False)
        assert result.err is None, result.err
        left_running = int(page.cells[0].outputs[0].text)
        assert alive(left_running)
    finally:
        shared_kernel.shut_down()
        early_kernels.end()
    deadline = time.monotonic() + 10
    while alive(left_running) and time.monotonic() < deadline:
        time.sleep(0.05)
    if alive(left_running):
        os.kill(left_running, signal.SIGKILL)
        pytest.fail("a process the page started outlived its kernel")

"""Builds that cannot hang, collide or stay broken: one build at a time, children that always
end, kernels on IPC sockets, and a cache that heals itself from each kind of damage, giving the
same published files as a clean build."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import nbformat
import pytest
from conftest import once, shared_folder
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn

from bytebook.paths import ROOT
from bytebook.publish.build import build_book, jupyter_output
from bytebook.publish.cache import guard_concurrent_use
from bytebook.publish.lock import build_lock

pytestmark = pytest.mark.build

HEADER = (ROOT / "book" / "preface.md").read_text(encoding="utf-8").split("---\n")[1]
PAGES = {
    "one": 'from ipykernel.connect import get_connection_info\n'
    'print(get_connection_info(unpack=True)["transport"])',
    "two": "print(sum(range(10)))",
}


def small_book(root: Path, pages: dict[str, str] = PAGES) -> Path:
    """A book of a few tiny pages with code, built with the project's configuration."""
    (root / "book").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", root)
    names = list(pages)
    toc = f"format: jb-book\nroot: book/{names[0]}\n"
    if names[1:]:
        toc += "chapters:\n" + "".join(f"  - file: book/{name}\n" for name in names[1:])
    (root / "_toc.yml").write_text(toc, encoding="utf-8")
    for name, code in pages.items():
        page = f"---\n{HEADER}---\n\n# Page {name}\n\n```{{code-cell}} ipython3\n{code}\n```\n"
        (root / "book" / f"{name}.md").write_text(page, encoding="utf-8")
    return root


def published(root: Path) -> dict[str, bytes]:
    html = root / "_build" / "html"
    return {
        path.relative_to(html).as_posix(): path.read_bytes()
        for path in sorted(html.rglob("*"))
        if path.is_file()
    }


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> str:
    """What differs between two sites (`published`): the files only one has, and a unified diff
    of each text file both have that differs, so that a failure names the bytes that moved."""
    lines = [f"only in one: {sorted(set(one) ^ set(other))}"] if set(one) != set(other) else []
    for name in sorted(set(one) & set(other)):
        if one[name] != other[name]:
            lines += difflib.unified_diff(
                one[name].decode("utf-8", "replace").splitlines(),
                other[name].decode("utf-8", "replace").splitlines(),
                f"{name} (this build)",
                f"{name} (the clean build)",
                lineterm="",
                n=2,
            )
    return "\n".join(lines)


def build_command(root: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bytebook", "build", "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env},
    )


@pytest.fixture(scope="session")
def clean_build(tmp_path_factory, worker_id) -> Path:
    """A small book built once from clean for the whole session, every worker sharing it;
    tests copy it and damage the copy."""
    shared = shared_folder(tmp_path_factory, worker_id)
    root = shared / "clean" / "book"
    assert once(shared, "clean_build", lambda: build_book(small_book(root))) == 0
    return root


def copy_of(clean: Path, target: Path) -> Path:
    shutil.copytree(clean, target, symlinks=True)
    (target / "_build" / ".build.lock").unlink(missing_ok=True)
    return target


# One build at a time


HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from bytebook.publish.lock import build_lock
    with build_lock(Path(sys.argv[1]), print, wait=0):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def hold_lock(root: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_second_build_refuses_at_once_naming_the_running_one(tmp_path, monkeypatch, capsys):
    root = small_book(tmp_path / "book")
    holder = hold_lock(root, 60)
    try:
        monkeypatch.setenv("BYTEBOOK_LOCK_WAIT", "0")
        started = time.monotonic()
        assert build_book(root) == 75
        assert time.monotonic() - started < 5
        message = capsys.readouterr().err
        assert f"PID {holder.pid}" in message and f"kill {holder.pid}" in message
    finally:
        holder.kill()
        holder.wait()


def book_that_stops_at_its_data(root: Path) -> Path:
    """A book whose configuration reads but whose data does not (an empty claims.csv): once it
    has the lock, its build stops at once (a folder that is not a book is refused before it)."""
    (root / "data").mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    (root / "data" / "claims.csv").write_text("", encoding="utf-8")
    return root


def test_a_second_build_waits_with_a_message(tmp_path, monkeypatch, capsys):
    root = book_that_stops_at_its_data(tmp_path / "book")
    holder = hold_lock(root, 2)
    monkeypatch.setenv("BYTEBOOK_LOCK_WAIT", "60")
    assert build_book(root) == 2
    holder.wait()
    printed = capsys.readouterr()
    assert f"another build is running in this checkout (PID {holder.pid}" in printed.out
    assert "waiting up to 60 s" in printed.out


def test_the_lock_of_a_killed_build_is_taken_over(tmp_path, capsys):
    root = book_that_stops_at_its_data(tmp_path / "book")
    holder = hold_lock(root, 60)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert build_book(root) == 2  # it got the lock: the empty claims.csv stopped it
    message = capsys.readouterr().out
    assert f"took over the build lock left by PID {holder.pid}" in message
    assert "no longer running" in message


def test_the_lock_is_free_after_a_build(tmp_path):
    root = book_that_stops_at_its_data(tmp_path / "book")
    build_book(root)
    with build_lock(root, print, wait=0):
        pass


def test_two_builds_at_once_both_finish_and_publish_one_book(clean_build, tmp_path):
    root = copy_of(clean_build, tmp_path / "book")
    shutil.rmtree(root / "_build")
    first, second = build_command(root), build_command(root)
    outputs = [run.communicate(timeout=600)[0] for run in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert any("another build is running in this checkout" in text for text in outputs)
    site, clean = published(root), published(clean_build)
    assert site == clean, differences(site, clean)


def test_an_edited_then_reverted_page_publishes_what_a_clean_build_does(clean_build, tmp_path):
    """An incremental build reuses page one's cached notebook and runs page two again; after
    the edit is undone the published files, search index included, are a clean build's."""
    root = copy_of(clean_build, tmp_path / "book")
    page = root / "book" / "two.md"
    original = page.read_text(encoding="utf-8")
    edited = original.replace("# Page two", "# Page two\n\nA word: quetzalcoatlus.")
    page.write_text(edited.replace("range(10)", "range(11)"), encoding="utf-8")
    assert build_book(root) == 0
    assert b"quetzalcoatlus" in (root / "_build" / "html" / "searchindex.js").read_bytes()
    page.write_text(original, encoding="utf-8")
    assert build_book(root) == 0
    assert b"quetzalcoatlus" not in (root / "_build" / "html" / "searchindex.js").read_bytes()
    site, clean = published(root), published(clean_build)
    assert site == clean, differences(site, clean)


# Children always end


STUCK_LIMIT = 10
"""The time limit the stuck page's build is given, in seconds, which the test waits out: longer
than the build takes to start running the page (under 7 s with 15 processes wanting the machine's
two cores)."""


def test_a_stuck_page_is_stopped_within_the_time_limit(tmp_path):
    root = small_book(tmp_path / "book", {"stuck": "import time\ntime.sleep(600)"})
    started = time.monotonic()
    run = build_command(root, BYTEBOOK_BUILD_TIMEOUT=str(STUCK_LIMIT))
    output = run.communicate(timeout=180)[0]
    assert run.returncode == 124, output
    assert time.monotonic() - started < 120
    stopped = f"ran longer than {STUCK_LIMIT} s (BYTEBOOK_BUILD_TIMEOUT) and was stopped"
    assert stopped in output
    time.sleep(1)
    left = [
        proc.name
        for proc in Path("/proc").glob("[0-9]*")
        if _cwd(proc).startswith(str(root))
    ]
    assert left == [], "processes of the stopped build are still running"
    assert not (root / "_build" / "html").exists()


def _cwd(proc: Path) -> str:
    try:
        return os.readlink(proc / "cwd")
    except OSError:
        return ""


# Kernels on IPC sockets


def test_kernels_talk_over_ipc_not_tcp(clean_build):
    executed = jupyter_output(clean_build) / "jupyter_execute" / "book" / "one.ipynb"
    cell = json.loads(executed.read_text())["cells"][-1]
    assert "".join(cell["outputs"][0]["text"]).strip() == "ipc"



# Pages that share a kernel


SHARING = {
    "first": "import os\nleft_behind = 41\nos.chdir('/')\nprint(os.getpid())",
    "second": "import os\nprint(os.getpid())\nprint('left_behind' in globals(), os.getcwd())",
}


def test_pages_that_share_a_kernel_each_start_fresh(tmp_path):
    """A reading process runs its pages in one kernel: the second page runs in the first's
    process, yet finds none of its names, its own working folder, and execution counts from 1."""
    root = small_book(tmp_path / "book", SHARING)
    assert build_book(root) == 0
    executed = jupyter_output(root) / "jupyter_execute" / "book"
    cells = {
        name: [
            cell
            for cell in json.loads((executed / f"{name}.ipynb").read_text())["cells"]
            if cell["cell_type"] == "code"
        ]
        for name in SHARING
    }
    first_pid = "".join(cells["first"][-1]["outputs"][0]["text"]).strip()
    second_pid, names = "".join(cells["second"][-1]["outputs"][0]["text"]).strip().split("\n")
    assert first_pid == second_pid, "the pages did not share a kernel"
    assert names == f"False {root / 'book'}"
    for page in cells.values():
        assert [cell["execution_count"] for cell in page] == list(range(1, len(page) + 1))


# A cache that heals itself


def _cache(root: Path) -> Path:
    return jupyter_output(root) / ".jupyter_cache"


def _a_cached_notebook(root: Path) -> Path:
    return sorted((_cache(root) / "executed").glob("*/base.ipynb"))[0]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


DAMAGE = {
    "an empty database": (lambda root: (_cache(root) / "global.db").write_bytes(b""), "is empty"),
    "a truncated database": (lambda root: _truncate(_cache(root) / "global.db"), "cannot be read"),
    "a database without its records table": (
        lambda root: sqlite3.connect(_cache(root) / "global.db").execute("DROP TABLE nbcache"),
        "no table 'nbcache'",
    ),
    "a truncated cached notebook": (
        lambda root: _truncate(_a_cached_notebook(root)), "is not a valid notebook"
    ),
    "an invalid cached notebook": (
        lambda root: _a_cached_notebook(root).write_text('{"cells": 3}'),
        "is not a valid notebook",
    ),
    "a missing cached notebook": (lambda root: _a_cached_notebook(root).unlink(), "is missing"),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_cache_is_cleared_with_a_message(clean_build, tmp_path, capsys, kind):
    damage, words = DAMAGE[kind]
    root = copy_of(clean_build, tmp_path / "book")
    shutil.rmtree(root / "_build" / "html")
    damage(root)
    assert build_book(root) == 0
    message = capsys.readouterr().out
    assert "the execution cache is damaged" in message and words in message, message
    site, clean = published(root), published(clean_build)
    assert site == clean, differences(site, clean)
    assert build_book(root) == 0
    assert "the execution cache is damaged" not in capsys.readouterr().out



def _executed_notebook() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("print(1)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    kernel = {"name": "python3", "display_name": "Python 3"}
    return nbformat.v4.new_notebook(cells=[cell], metadata={"kernelspec": kernel})


def test_a_reader_never_finds_a_record_whose_notebook_is_still_being_stored(
    tmp_path, monkeypatch
):
    """Two parallel readers that execute the same notebook store it under the same hash. The
    second deletes the first's stored notebook, adds its record, then writes the file; a third
    reader that looks the hash up in between found the record without its notebook ("KeyError:
    Notebook file does not exist for cache record") unless the cache is locked around both."""
    guard_concurrent_use()
    cache_dir = tmp_path / ".jupyter_cache"
    stored = _executed_notebook()
    get_cache(cache_dir).cache_notebook_bundle(CacheBundleIn(stored, "one.md"), overwrite=True)
    storing = threading.Event()
    write_text = Path.write_text

    def slow_write_text(self, data, *args, **kwargs):
        if self.name == "base.ipynb" and threading.current_thread().name == "second reader":
            storing.set()  # its record is in, its notebook file not yet
            time.sleep(1)
        return write_text(self, data, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", slow_write_text)
    second = threading.Thread(
        name="second reader",
        target=lambda: get_cache(cache_dir).cache_notebook_bundle(
            CacheBundleIn(_executed_notebook(), "two.md"), overwrite=True
        ),
    )
    second.start()
    assert storing.wait(60)
    unexecuted = _executed_notebook()
    unexecuted.cells[0].outputs = []
    _, merged = get_cache(cache_dir).merge_match_into_notebook(unexecuted)
    second.join(60)
    assert merged.cells[0].outputs == stored.cells[0].outputs


FULL_DISK = textwrap.dedent(
    """
    # Simulates a disk that fills up while the execution cache writes a notebook.
    import errno, pathlib
    _write_text = pathlib.Path.write_text
    def write_text(self, data, *args, **kwargs):
        if "executed" in self.parts and self.name == "base.ipynb":
            _write_text(self, data[: len(data) // 3], *args, **kwargs)
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return _write_text(self, data, *args, **kwargs)
    pathlib.Path.write_text = write_text
    """
)


def test_a_disk_that_fills_up_during_execution_is_named_then_healed(clean_build, tmp_path):
    root = copy_of(clean_build, tmp_path / "book")
    shutil.rmtree(_cache(root))
    shutil.rmtree(jupyter_output(root) / ".doctrees")
    (root / "book" / "two.md").write_text(
        (root / "book" / "two.md").read_text().replace("range(10)", "range(11)")
    )
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(FULL_DISK)
    paths = [str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])]
    failed = build_command(root, PYTHONPATH=os.pathsep.join(paths))
    output = failed.communicate(timeout=600)[0]
    assert failed.returncode != 0
    assert "the disk filled up during the build" in output, output
    assert (root / "_build" / "html" / "index.html").exists()  # the last good book stays
    (root / "book" / "two.md").write_text((clean_build / "book" / "two.md").read_text())
    healed = build_command(root)
    output = healed.communicate(timeout=600)[0]
    assert healed.returncode == 0, output
    assert "the execution cache is damaged" in output
    site, clean = published(root), published(clean_build)
    assert site == clean, differences(site, clean)


READ_ONLY = textwrap.dedent(
    """
    # Simulates a read-only file system under the book's _build folder (the tests run as root,
    # for whom file permissions would not stop a write).
    import builtins, errno, os
    _ROOT = os.path.join(os.environ["BYTEBOOK_READ_ONLY_ROOT"], "_build")
    _WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    def _refuse(path):
        if os.path.abspath(os.fspath(path)).startswith(_ROOT):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
    _os_open = os.open
    def os_open(path, flags, *args, **kwargs):
        if flags & _WRITING:
            _refuse(path)
        return _os_open(path, flags, *args, **kwargs)
    os.open = os_open
    _open = builtins.open
    def open_(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and any(c in mode for c in "wax+"):
            _refuse(file)
        return _open(file, mode, *args, **kwargs)
    builtins.open = open_
    """
)


def test_a_read_only_build_folder_is_named_and_the_last_book_stays(clean_build, tmp_path):
    root = copy_of(clean_build, tmp_path / "book")
    before = published(root)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(READ_ONLY)
    paths = [str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])]
    failed = build_command(
        root, PYTHONPATH=os.pathsep.join(paths), BYTEBOOK_READ_ONLY_ROOT=str(root)
    )
    output = failed.communicate(timeout=600)[0]
    assert failed.returncode == 3, output
    assert "read-only file system" in output, output
    assert "Traceback" not in output, output
    assert published(root) == before


@pytest.mark.parametrize(
    ("as_a_reader_browses", "package"),
    [(False, "chromium-headless-shell"), (True, "chromium")],
)
def test_a_missing_chromium_is_named_with_the_package_to_install(
    monkeypatch, as_a_reader_browses, package
):
    from bytebook.publish import pdf

    monkeypatch.delenv("BYTEBOOK_CHROMIUM", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: f"/no/such/dir/{name}")
    with pytest.raises(FileNotFoundError, match=f"install Debian's '{package}' package"):
        pdf.chromium_path(as_a_reader_browses)

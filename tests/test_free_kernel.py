"""Work for a free kernel: when pages are read in parallel, the downloads are worked out in the
kernel of the first reader to run out of pages (which has the analysis imported), not in the
build's own process; read one after another, the build's process works them out while a
kernel runs, as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bytebook.publish import downloads, shared_kernel
from bytebook.publish.kept_json import CACHE_VARIABLE


@pytest.fixture
def own_lists(monkeypatch):
    """This test's own lists of waiting work, started work and work for a free kernel."""
    for name in ("_waiting_work", "_started_work", "_free_kernel_work"):
        monkeypatch.setattr(shared_kernel, name, [])


def test_work_handed_to_the_readers_no_longer_waits_for_a_thread(own_lists):
    done: list[str] = []
    shared_kernel.in_a_free_kernel(lambda: done.append("thread"), "print('kernel')")
    shared_kernel.while_a_kernel_starts(lambda: done.append("other"))
    assert shared_kernel.readers_kernel_work() == ["print('kernel')"]
    assert shared_kernel.readers_kernel_work() == []  # handed over once
    shared_kernel.start_waiting_work()
    shared_kernel.finish_started_work()
    assert done == ["other"]


def test_work_not_handed_to_readers_runs_in_a_thread(own_lists):
    done: list[str] = []
    shared_kernel.in_a_free_kernel(lambda: done.append("thread"), "print('kernel')")
    shared_kernel.start_waiting_work()
    shared_kernel.finish_started_work()
    assert done == ["thread"]


def test_a_process_without_a_kernel_runs_no_kernel_work(monkeypatch):
    monkeypatch.setattr(shared_kernel, "_kernels", {})
    shared_kernel.run_in_this_kernel(["raise SystemExit('ran')"])  # nothing runs, nothing fails


def test_kernel_work_runs_in_the_process_s_running_kernel(tmp_path, monkeypatch):
    monkeypatch.setattr(shared_kernel, "_kernels", {})
    monkeypatch.setattr(shared_kernel, "_owner", [])
    marker = tmp_path / "ran"
    manager = shared_kernel._kernel("python3", str(tmp_path))
    from jupyter_core.utils import run_sync

    run_sync(manager.start_kernel)(cwd=str(tmp_path))
    after_a_failure = tmp_path / "after a failure"
    try:
        shared_kernel.run_in_this_kernel([f"open({str(marker)!r}, 'w').write('yes')"])
        shared_kernel.run_in_this_kernel(
            ["raise ValueError('bad')", f"open({str(after_a_failure)!r}, 'w').write('yes')"]
        )
    finally:
        shared_kernel.shut_down()
    assert marker.read_text() == "yes"
    assert not after_a_failure.exists()  # a failure stops the work, and raises nothing


def test_downloads_worked_out_by_the_code_are_the_ones_the_build_writes(tmp_path, monkeypatch):
    """The code a kernel runs keeps the downloads where writing them finds them: the build's
    process works nothing out, and writes what the analysis gives."""
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "kept"))
    static = tmp_path / "static"
    code = downloads.downloads_code(static)
    result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ))
    assert result.returncode == 0
    expected = downloads._downloads(downloads._inputs()[0])

    def not_again(sources: list[Path]) -> dict[str, str]:
        raise AssertionError("worked out again")

    monkeypatch.setattr(downloads, "_downloads", not_again)
    downloads.write_downloads(static)
    written = {p.name: p.read_bytes().decode("utf-8-sig") for p in (static / "data").glob("*.csv")}
    assert written == expected
    assert "ledger.csv" in written

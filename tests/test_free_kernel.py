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


def test_kernel_work_waits_only_for_the_kernel_s_replies(tmp_path, monkeypatch):
    """A client that has just connected may miss what the kernel broadcasts (its status, its
    output): the work waits for each reply on the shell channel, so it runs every code all the
    same, here with the broadcasts not listened to at all."""
    monkeypatch.setattr(shared_kernel, "_kernels", {})
    monkeypatch.setattr(shared_kernel, "_owner", [])
    manager = shared_kernel._kernel("python3", str(tmp_path))
    from jupyter_core.utils import run_sync

    run_sync(manager.start_kernel)(cwd=str(tmp_path))
    make_client = manager.client

    def client_deaf_to_broadcasts(**options):
        client = make_client(**options)
        start = client.start_channels
        client.start_channels = lambda *_, **__: start(iopub=False)
        return client

    monkeypatch.setattr(manager, "client", client_deaf_to_broadcasts)
    first, second = tmp_path / "first", tmp_path / "second"
    try:
        shared_kernel.run_in_this_kernel(
            [f"open({str(path)!r}, 'w').write('yes')" for path in (first, second)], timeout=30
        )
    finally:
        shared_kernel.shut_down()
    assert first.read_text() == second.read_text() == "yes"


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

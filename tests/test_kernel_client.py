"""Pages that share a kernel share its connection: a client connected for each page waited for
the kernel to be ready and then 0.2 s for silence, in which nothing worked."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from bytebook.publish import shared_kernel


def notebook_page(code: str) -> nbformat.NotebookNode:
    """A page of one code cell, `code`, for the book's kernel."""
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return new_notebook(cells=[new_code_cell(code)], metadata={"kernelspec": kernel})


def own_kernels(monkeypatch) -> None:
    """This test's own kernels and connections, none of them started yet."""
    for name, empty in (("_kernels", {}), ("_owner", []), ("_clients", {})):
        monkeypatch.setattr(shared_kernel, name, empty, raising=False)


def test_pages_that_share_a_kernel_share_one_connection(tmp_path, monkeypatch):
    own_kernels(monkeypatch)
    manager = shared_kernel._kernel("python3", str(tmp_path))
    clients = []
    make_client = manager.client

    def counted_client(**options):
        clients.append(make_client(**options))
        return clients[-1]

    monkeypatch.setattr(manager, "client", counted_client)
    pages = [notebook_page(f"print({n} * 7)") for n in (1, 2, 3)]
    try:
        results = [shared_kernel.execute(page, str(tmp_path), 60, False) for page in pages]
    finally:
        shared_kernel.shut_down()
    assert [result.err for result in results] == [None, None, None]
    assert [page.cells[0].outputs[0].text for page in pages] == ["7\n", "14\n", "21\n"]
    assert len(clients) == 1, "a page connected to the kernel anew"
    assert not clients[0].channels_running, "the connection outlived the kernel"


def test_a_page_that_fails_leaves_the_next_a_new_kernel_and_connection(tmp_path, monkeypatch):
    own_kernels(monkeypatch)
    failing = notebook_page("left = 1\nraise ValueError('bad')")
    failed = shared_kernel.execute(failing, str(tmp_path), 60, False)
    try:
        after = notebook_page("print('left' in globals(), 6 * 7)")
        result = shared_kernel.execute(after, str(tmp_path), 60, False)
    finally:
        shared_kernel.shut_down()
    assert failed.err is not None
    assert result.err is None
    assert after.cells[0].outputs[0].text == "False 42\n"
    assert shared_kernel._clients == {}


def test_a_print_flushed_in_parts_is_kept_as_one_output(tmp_path, monkeypatch):
    """The kernel sends a line written in two flushed parts as two stream messages; the
    executed page keeps one output, as a build in which they arrived together would (the
    published notebook of a page was found to differ between two builds for this alone)."""
    own_kernels(monkeypatch)
    page = notebook_page(
        "import sys, time\n"
        "sys.stdout.write('4'); sys.stdout.flush(); time.sleep(0.3)\n"
        "sys.stdout.write('5'); sys.stdout.flush(); time.sleep(0.3)\n"
        "print()"
    )
    try:
        result = shared_kernel.execute(page, str(tmp_path), 60, False)
    finally:
        shared_kernel.shut_down()
    assert result.err is None
    assert [(out.output_type, out.text) for out in page.cells[0].outputs] == [("stream", "45\n")]

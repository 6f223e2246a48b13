"""Parallel readers that take the next unread page as each finishes one.

Sphinx splits the pages to read into one fixed batch per worker, in name order. Reading a page
executes it, and pages take from one to tens of seconds, so one worker could finish its batch
while the other still had half of its own: a core idle for a third of the read. Here each
worker, one process per core as before (so each still keeps its one kernel,
bytebook.publish.shared_kernel), takes the next page from one shared list, the longest pages
first, until none is left; each worker's pages are then merged into the environment as
Sphinx merges a batch. The main process, which only waits for them, does meanwhile the work
it was given for while a kernel runs (bytebook.publish.shared_kernel), such as loading jieba's
dictionary, rather than after every page was read; the work it was given for a free kernel
(working out the downloads) runs in the kernel of the first worker to find no page left.

A worker shuts its kernel down as it ends (bytebook.publish.shared_kernel), which takes a tenth
of a second; Sphinx waited for it to end after merging its pages, before merging the next
worker's and before going on to write. Here each worker is waited for in a thread of its own
(`_EndingAlone`), so the main process merges and goes on while the workers end.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from multiprocessing.process import BaseProcess
from pathlib import Path

from sphinx.builders import Builder
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks

from bytebook.publish.shared_kernel import (
    readers_kernel_work,
    run_in_this_kernel,
    start_waiting_work,
)


class _EndingAlone:
    """A started worker process that Sphinx's parallel tasks wait for (`join`) once its result
    is merged: it is waited for in a thread of its own instead, and the main process goes on."""

    def __init__(self, process: BaseProcess) -> None:
        self.process = process

    def join(self) -> None:
        threading.Thread(target=self.process.join, name="reader-end", daemon=True).start()

    def terminate(self) -> None:
        self.process.terminate()


def longest_first(builder: Builder, docnames: list[str]) -> list[str]:
    """The pages in the order they are handed out: the largest source first (a page's length
    is the one measure of its work known before it is read), then by name."""

    def size(docname: str) -> int:
        path = Path(builder.env.doc2path(docname))
        return path.stat().st_size if path.is_file() else 0

    return sorted(docnames, key=lambda docname: (-size(docname), docname))


def _read_shared(self: Builder, docnames: list[str], nproc: int) -> None:
    """Sphinx's parallel read, with one shared list of pages instead of fixed batches."""
    pages = longest_first(self, docnames)
    taken = multiprocessing.get_context("fork").Value("i", 0)
    workers = range(min(nproc, len(pages)))
    # Each step of the progress line is one worker done, named by the pages it read.
    done: list[str] = []
    progress = status_iterator(
        (done[-1] for _ in workers),
        "reading sources... ",
        "purple",
        len(workers),
        self.app.verbosity,
    )
    for docname in docnames:
        self.events.emit("env-purge-doc", self.env, docname)
        self.env.clear_doc(docname)

    kernel_work = readers_kernel_work()

    def read_process(worker: int) -> bytes:
        self.env.app = self.app
        read: list[str] = []
        while True:
            with taken.get_lock():
                index = taken.value
                taken.value += 1
            if index >= len(pages):
                if index == len(pages):  # the first to find no page left
                    run_in_this_kernel(kernel_work)
                return pickle.dumps((read, self.env), pickle.HIGHEST_PROTOCOL)
            self.read_doc(pages[index], _cache=False)
            read.append(pages[index])

    def merge(worker: int, result: bytes) -> None:
        read, env = pickle.loads(result)
        self.env.merge_info_from(read, env, self.app)
        done.append(", ".join(read))
        next(progress)

    tasks = ParallelTasks(nproc)
    for worker in workers:
        tasks.add_task(read_process, worker, merge)
    # One task per worker, each started as it was added.
    tasks._procs = {task: _EndingAlone(process) for task, process in tasks._procs.items()}
    start_waiting_work()  # every reader has been forked, so none inherits it half-done
    tasks.join()


def share_pages_between_readers() -> None:
    """Make every Sphinx builder in this process read in parallel from one shared list."""
    Builder._read_parallel = _read_shared

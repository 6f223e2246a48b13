"""A reader whose pages are merged is left to end on its own: the main process goes on at
once, and a thread waits for the reader."""

from __future__ import annotations

import multiprocessing
import threading

from bytebook.publish.parallel_read import _EndingAlone


def test_waiting_for_a_reader_to_end_does_not_hold_the_main_process() -> None:
    context = multiprocessing.get_context("fork")
    told, tell = context.Pipe(False)
    reader = context.Process(target=told.poll, args=(20,))  # ends when told, or in 20 s
    reader.start()

    _EndingAlone(reader).join()
    waiting = [thread for thread in threading.enumerate() if thread.name == "reader-end"]
    assert reader.is_alive() and len(waiting) == 1

    tell.send("end")
    waiting[0].join(timeout=20)
    assert not waiting[0].is_alive()
    assert reader.exitcode == 0

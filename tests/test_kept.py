"""`bytebook.kept`: a result is kept only inside one analysis, so data edited between two
analyses (as tests edit it) is read afresh."""

from __future__ import annotations

import pandas as pd

from bytebook.kept import analysis, kept


def counted():
    """A kept function of a frame, and the list of frames it was worked out for."""
    calls: list[pd.DataFrame] = []

    @kept
    def total(frame: pd.DataFrame) -> float:
        calls.append(frame)
        return float(frame["value"].sum())

    return total, calls


def test_inside_one_analysis_a_result_is_worked_out_once_per_argument():
    total, calls = counted()
    first, second = pd.DataFrame({"value": [1.0, 2.0]}), pd.DataFrame({"value": [1.0, 2.0]})

    @analysis
    def analyse() -> list[float]:
        return [total(first), total(first), total(second), total(first)]

    assert analyse() == [3.0, 3.0, 3.0, 3.0]
    assert [id(frame) for frame in calls] == [id(first), id(second)]


def test_data_edited_between_analyses_is_read_afresh():
    total, calls = counted()
    frame = pd.DataFrame({"value": [1.0, 2.0]})
    analyse = analysis(lambda: total(frame))
    assert analyse() == 3.0
    frame.loc[0, "value"] = 10.0  # edited in place: the same object
    assert analyse() == 12.0
    assert total(frame) == 12.0 and len(calls) == 3  # outside an analysis: every call


def test_an_analysis_inside_another_shares_its_kept_results():
    total, calls = counted()
    frame = pd.DataFrame({"value": [4.0]})
    inner = analysis(lambda: total(frame))
    outer = analysis(lambda: (inner(), total(frame), inner()))
    assert outer() == (4.0, 4.0, 4.0)
    assert len(calls) == 1

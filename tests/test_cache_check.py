"""The execution cache's check validates each stored notebook once (none that a good build
stored), and still finds a notebook damaged after it was found sound."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn

from bytebook.publish import cache


def _stored(cache_dir: Path, count: int) -> list[Path]:
    """`count` executed notebooks stored in a new cache; their files."""
    for number in range(count):
        cell = nbformat.v4.new_code_cell(f"print({number})", execution_count=1)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{number}\n")]
        notebook = nbformat.v4.new_notebook(cells=[cell])
        get_cache(cache_dir).cache_notebook_bundle(CacheBundleIn(notebook, f"{number}.md"))
    return sorted((cache_dir / "executed").glob("*/base.ipynb"))


@pytest.fixture
def validated(monkeypatch) -> list[Path]:
    """The notebooks the check reads and validates, in order."""
    seen: list[Path] = []
    problem = cache._notebook_problem

    def counted(path: Path) -> str | None:
        seen.append(path)
        return problem(path)

    monkeypatch.setattr(cache, "_notebook_problem", counted)
    return seen


def test_a_sound_notebook_is_validated_once(tmp_path, validated):
    notebooks = _stored(tmp_path / "cache", 3)
    assert cache.damage(tmp_path / "cache") is None
    assert sorted(validated) == notebooks
    validated.clear()
    assert cache.damage(tmp_path / "cache") is None
    assert validated == []


def test_a_notebook_damaged_after_it_was_found_sound_is_named(tmp_path, validated):
    notebooks = _stored(tmp_path / "cache", 2)
    assert cache.damage(tmp_path / "cache") is None
    notebooks[1].write_text('{"cells": 3}', encoding="utf-8")
    assert "is not a valid notebook" in cache.damage(tmp_path / "cache")
    notebooks[1].unlink()
    assert "is missing" in cache.damage(tmp_path / "cache")


def test_a_note_that_cannot_be_read_means_every_notebook_is_validated(tmp_path, validated):
    notebooks = _stored(tmp_path / "cache", 2)
    assert cache.damage(tmp_path / "cache") is None
    (tmp_path / "cache" / cache.SOUND_NAME).write_text("not json", encoding="utf-8")
    validated.clear()
    assert cache.damage(tmp_path / "cache") is None
    assert sorted(validated) == notebooks


def test_notebooks_a_good_build_stored_are_not_read_again_but_later_damage_is_named(
    tmp_path, validated
):
    notebooks = _stored(tmp_path / "cache", 2)
    cache.note_built(tmp_path / "cache")
    assert cache.damage(tmp_path / "cache") is None
    assert validated == []
    notebooks[0].write_text('{"cells": 3}', encoding="utf-8")
    assert "is not a valid notebook" in cache.damage(tmp_path / "cache")
    assert validated == [notebooks[0]]

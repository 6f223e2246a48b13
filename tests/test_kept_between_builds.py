"""What builds keep between them, outside the book: the downloads (the data files and the ledger
as CSV) are worked out once per state of the data and the package, and data is checked once per
state of the data and the analysis code. Kept files that are damaged are worked out again, and a
cache that cannot be written does not stop a build."""

from __future__ import annotations

import shutil
from pathlib import Path

from bytebook import book
from bytebook.errors import DataFileError
from bytebook.publish import build, downloads


def counting_downloads(calls: list[int]):
    def work_out(sources: list[Path]) -> dict[str, str]:
        calls.append(len(sources))
        return {"ledger.csv": f"id,call\nx,{len(calls)}\n", **{s.name: "id\n" for s in sources}}

    return work_out


def written(static: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((static / "data").iterdir())}


def test_downloads_are_worked_out_once_then_read_from_the_cache(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    downloads.write_downloads(tmp_path / "first")
    downloads.write_downloads(tmp_path / "second")  # another build folder, the same inputs
    assert len(calls) == 1
    assert written(tmp_path / "second") == written(tmp_path / "first")
    assert written(tmp_path / "first")["ledger.csv"] == "id,call\nx,1\n".encode("utf-8-sig")
    assert downloads.downloads_cache() == tmp_path / "cache" / "bytebook-downloads"


def test_downloads_of_other_inputs_are_worked_out_again(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    data = tmp_path / "data"
    data.mkdir()
    (data / "claims.csv").write_text("id\na\n", encoding="utf-8")
    monkeypatch.setattr("bytebook.paths.DATA_DIR", data)
    downloads.write_downloads(tmp_path / "first")
    (data / "claims.csv").write_text("id\nb\n", encoding="utf-8")
    downloads.write_downloads(tmp_path / "second")
    assert len(calls) == 2
    assert b"x,2" in written(tmp_path / "second")["ledger.csv"]


def test_damaged_kept_downloads_are_worked_out_again(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    downloads.write_downloads(tmp_path / "first")
    (kept,) = downloads.downloads_cache().glob("*.json")
    kept.write_text(kept.read_text(encoding="utf-8").replace("x,1", "x,9"), encoding="utf-8")
    downloads.write_downloads(tmp_path / "second")
    assert len(calls) == 2
    assert b"x,2" in written(tmp_path / "second")["ledger.csv"]
    kept.write_text(kept.read_text(encoding="utf-8")[:20], encoding="utf-8")
    downloads.write_downloads(tmp_path / "third")
    assert len(calls) == 3


def test_a_cache_that_cannot_be_written_still_gives_the_downloads(tmp_path, monkeypatch):
    calls: list[int] = []
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    downloads.write_downloads(tmp_path / "first")
    downloads.write_downloads(tmp_path / "second")
    assert len(calls) == 2
    assert written(tmp_path / "second")["ledger.csv"].endswith(b"x,2\n")


def a_book_with(data: Path, root: Path) -> Path:
    shutil.copytree(data, root / "data")
    return root


def test_data_that_passed_is_not_checked_again_in_another_book(tmp_path, monkeypatch, data_copy):
    checked: list[Path] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(book, "checked_book", checked.append)
    first = a_book_with(data_copy, tmp_path / "first")
    second = a_book_with(data_copy, tmp_path / "second")
    assert build._check_data(first) and build._check_data(second)
    assert checked == [first / "data"]
    claims = second / "data" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build._check_data(second)
    assert checked == [first / "data", second / "data"]
    assert build.checked_marks() == tmp_path / "cache" / "bytebook-checked"


def test_data_that_failed_is_checked_again(tmp_path, monkeypatch, data_copy):
    checked: list[Path] = []

    def refuse(data: Path) -> None:
        checked.append(data)
        raise DataFileError(data / "claims.csv", [])

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(book, "checked_book", refuse)
    root = a_book_with(data_copy, tmp_path / "book")
    assert not build._check_data(root) and not build._check_data(root)
    assert len(checked) == 2


def test_a_mark_that_cannot_be_written_still_lets_the_data_pass(tmp_path, monkeypatch, data_copy):
    checked: list[Path] = []
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    monkeypatch.setattr(book, "checked_book", checked.append)
    root = a_book_with(data_copy, tmp_path / "book")
    assert build._check_data(root) and build._check_data(root)
    assert len(checked) == 2

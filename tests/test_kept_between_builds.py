"""What builds keep between them, outside the book: the downloads (the data files and the ledger
as CSV) are worked out once per state of the data and the package, data is checked once per
state of the data and the analysis code, and a chart is drawn once per spec, vl-convert and
fonts. Kept files that are damaged are worked out again, and a cache that cannot be written
does not stop a build."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import vl_convert

from bytebook import book
from bytebook.errors import DataFileError
from bytebook.publish import build, downloads, kept_renders


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


def test_downloads_worked_out_ahead_are_written_as_worked_out(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    downloads.work_out_downloads(tmp_path / "static")
    assert len(calls) == 1 and not (tmp_path / "static").exists()
    shutil.rmtree(downloads.downloads_cache())  # only the worked-out files are left
    downloads.write_downloads(tmp_path / "static")
    assert len(calls) == 1
    assert written(tmp_path / "static")["ledger.csv"] == "id,call\nx,1\n".encode("utf-8-sig")


def test_downloads_already_written_are_not_worked_out_ahead(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(downloads, "_downloads", counting_downloads(calls))
    downloads.write_downloads(tmp_path / "static")
    shutil.rmtree(downloads.downloads_cache())
    downloads.work_out_downloads(tmp_path / "static")
    assert len(calls) == 1


def test_downloads_that_fail_ahead_are_worked_out_when_written(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def fail_once(sources: list[Path]) -> dict[str, str]:
        calls.append(len(sources))
        if len(calls) == 1:
            raise RuntimeError("a bad row")
        return {"ledger.csv": "id\n"}

    monkeypatch.setattr(downloads, "_downloads", fail_once)
    downloads.work_out_downloads(tmp_path / "static")
    downloads.write_downloads(tmp_path / "static")
    assert len(calls) == 2
    assert written(tmp_path / "static")["ledger.csv"] == "id\n".encode("utf-8-sig")


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


BARS = {
    "data": {"values": [{"year": "FY2023", "amount": 1.5}, {"year": "FY2024", "amount": 2.25}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "year", "type": "nominal"},
        "y": {"field": "amount", "type": "quantitative"},
    },
}


@pytest.fixture
def counted_svgs(tmp_path, monkeypatch) -> list[dict]:
    """Every spec vl-convert is asked to draw as SVG, with the renders kept under tmp_path and
    the fonts read from a folder of tmp_path's."""
    calls: list[dict] = []
    draw = vl_convert.vegalite_to_svg

    def counting(spec: dict, **options) -> str:
        calls.append(spec)
        return draw(spec, **options)

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(kept_renders.vlc, "vegalite_to_svg", counting)
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "a.ttf").write_bytes(b"font")
    monkeypatch.setattr(kept_renders, "FONT_DIRS", (str(fonts),))
    kept_renders.fonts_fingerprint.cache_clear()
    yield calls
    kept_renders.fonts_fingerprint.cache_clear()


def test_a_chart_is_drawn_once_then_read_from_the_cache(counted_svgs):
    first = kept_renders.drawn("vegalite_to_svg", BARS)
    again = kept_renders.drawn("vegalite_to_svg", copy.deepcopy(BARS))
    assert counted_svgs == [BARS]
    assert again == first == vl_convert.vegalite_to_svg(BARS)
    assert kept_renders.renders_cache().parent.name == "cache"


def test_a_chart_is_drawn_again_for_another_spec_vl_convert_or_font(
    counted_svgs, tmp_path, monkeypatch
):
    kept_renders.drawn("vegalite_to_svg", BARS)
    other = copy.deepcopy(BARS)
    other["data"]["values"][1]["amount"] = 2.5
    kept_renders.drawn("vegalite_to_svg", other)
    assert len(counted_svgs) == 2
    monkeypatch.setattr(kept_renders.vlc, "__version__", "0.0.1")
    kept_renders.drawn("vegalite_to_svg", BARS)
    assert len(counted_svgs) == 3
    (tmp_path / "fonts" / "a.ttf").write_bytes(b"another font")
    kept_renders.fonts_fingerprint.cache_clear()
    kept_renders.drawn("vegalite_to_svg", BARS)
    assert len(counted_svgs) == 4


def test_a_damaged_kept_drawing_is_drawn_again(counted_svgs):
    first = kept_renders.drawn("vegalite_to_svg", BARS)
    (kept,) = kept_renders.renders_cache().glob("*.json")
    kept.write_text(kept.read_text(encoding="utf-8").replace("svg", "SVG"), encoding="utf-8")
    assert kept_renders.drawn("vegalite_to_svg", BARS) == first
    kept.write_text(kept.read_text(encoding="utf-8")[:20], encoding="utf-8")
    assert kept_renders.drawn("vegalite_to_svg", BARS) == first
    assert len(counted_svgs) == 3


def test_a_cache_that_cannot_be_written_still_gives_the_drawing(
    counted_svgs, tmp_path, monkeypatch
):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert kept_renders.drawn("vegalite_to_svg", BARS) == kept_renders.drawn(
        "vegalite_to_svg", BARS
    )
    assert len(counted_svgs) == 2

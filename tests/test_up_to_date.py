"""A rebuild with nothing changed leaves the published book as it is, without starting Sphinx;
any change to what the book is made from, or to the published files, builds it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from bytebook.publish import build, up_to_date


@pytest.fixture
def book(tmp_path) -> Path:
    """A checkout with a page, its configuration and a published book noted as current."""
    root = tmp_path / "book"
    (root / "book").mkdir(parents=True)
    (root / "book" / "page.md").write_text("# Page\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: A book\n", encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/page\n", encoding="utf-8")
    published = root / "_build" / "html"
    published.mkdir(parents=True)
    (published / "index.html").write_text("<p>Page</p>", encoding="utf-8")
    up_to_date.note(up_to_date.book_state(root), build.work_dir(root), published)
    return root


def current(root: Path) -> bool:
    state = up_to_date.book_state(root)
    return up_to_date.is_current(state, build.work_dir(root), root / "_build" / "html")


def test_a_book_noted_after_it_was_published_is_current(book):
    assert current(book)


def test_an_edited_page_or_configuration_is_built_again(book):
    (book / "book" / "page.md").write_text("# Page\n\nMore.\n", encoding="utf-8")
    assert not current(book)


def test_a_new_file_is_built_again(book):
    (book / "book" / "other.md").write_text("# Other\n", encoding="utf-8")
    assert not current(book)


def test_a_changed_or_removed_published_book_is_built_again(book):
    (book / "_build" / "html" / "index.html").write_text("<p>Changed</p>", encoding="utf-8")
    assert not current(book)
    (book / "_build" / "html" / "index.html").unlink()
    assert not current(book)


def test_a_build_left_in_progress_is_built_again(book):
    (build.work_dir(book) / ".in-progress").touch()
    assert not current(book)


def test_files_under_build_or_hidden_do_not_count(book):
    (book / "_build" / "work" / "notes.txt").write_text("scratch", encoding="utf-8")
    (book / ".hidden").write_text("scratch", encoding="utf-8")
    assert current(book)


def test_a_current_book_is_not_built_again(book, monkeypatch, capsys):
    monkeypatch.setattr(build, "_run", lambda root, builder: pytest.fail("Sphinx started"))
    assert build.build_book(book) == 0
    assert "nothing changed since the last build" in capsys.readouterr().out


def test_a_broken_link_in_the_checkout_does_not_stop_the_build(book):
    (book / "book" / "gone.md").symlink_to(book / "nowhere.md")
    assert not current(book)
    up_to_date.note(up_to_date.book_state(book), build.work_dir(book), book / "_build" / "html")
    assert current(book)


def test_a_forgotten_state_is_built_again(book):
    up_to_date.forget(build.work_dir(book))
    assert not current(book)

"""The code passes ruff: the package, the tests, the scripts and every page's code cells."""

import subprocess
import sys

from bytebook.paths import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pages_code_cells_pass_the_same_rules():
    result = subprocess.run(
        [sys.executable, "scripts/lint_pages.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_page_linter_finds_a_fault(tmp_path):
    """The page check can fail: an unused import in a page's code cell is reported."""
    import shutil

    copy = tmp_path / "book-copy"
    (copy / "book").mkdir(parents=True)
    (copy / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "lint_pages.py", copy / "scripts")
    shutil.copy(ROOT / "pyproject.toml", copy)
    page = "---\njupytext:\n  text_representation:\n    format_name: myst\n---\n\n"
    page += "```{code-cell} ipython3\nimport os\n```\n"
    (copy / "book" / "page.md").write_text(page, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/lint_pages.py"], cwd=copy, capture_output=True, text=True
    )
    assert result.returncode != 0 and "F401" in result.stdout, result.stdout + result.stderr

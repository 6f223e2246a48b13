"""The dependency tracking behind the execution cache: each chapter's declared data files are
the files its analysis reads, and each page depends on the chapters it runs."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from types import MethodType

import pytest
from test_figures import build_figures, figure_functions

from bytebook.chapters import WRITTEN
from bytebook.data import TABLE_FILES, BookData, load_book_data
from bytebook.paths import BOOK_DIR
from bytebook.publish import inputs


class AccessRecorder:
    """Stands in for BookData and records which data files an analysis reads."""

    def __init__(self, data: BookData):
        self._data = data
        self.files: set[str] = set()

    def __getattr__(self, name: str):
        if name in TABLE_FILES:
            self.files.add(TABLE_FILES[name])
            return getattr(self._data, name)
        method = getattr(type(self._data), name)
        return MethodType(method, self)


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_each_chapter_declares_the_data_files_its_analysis_reads(name):
    chapter = WRITTEN[name]
    recorder = AccessRecorder(load_book_data())
    chapter.analyse(recorder)
    assert recorder.files == set(chapter.INPUTS), (
        f"{name}.INPUTS is {sorted(chapter.INPUTS)}; its analysis reads {sorted(recorder.files)}"
    )


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_a_chapter_page_depends_on_its_own_analysis_and_its_data(name):
    source = (BOOK_DIR / f"{name}.md").read_text(encoding="utf-8")
    used = inputs.page_inputs(source)
    assert inputs.CHAPTERS_DIR / f"{name}.py" in used
    assert {path.name for path in used} >= set(WRITTEN[name].INPUTS)


def _package_files_run(work) -> set[Path]:
    """The files of the package whose functions run while `work()` runs, traced call by
    call."""
    ran: set[str] = set()

    def record(frame, event, arg):
        ran.add(frame.f_code.co_filename)

    before = sys.gettrace()
    sys.settrace(record)
    try:
        work()
    finally:
        sys.settrace(before)
    return {path for path in map(Path, ran) if path.is_relative_to(inputs.PACKAGE)}


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_a_chapter_page_depends_on_every_module_its_analysis_and_figures_run(name):
    """Editing a chapter module re-executes every page that runs its code: ranking's analysis
    runs the preface's and the overseas chapter's, and the preface's runs the economics
    chapter's."""
    source = (BOOK_DIR / f"{name}.md").read_text(encoding="utf-8")
    data = load_book_data()
    ran = _package_files_run(lambda: build_figures(name, WRITTEN[name].analyse(data), data))
    chapter_files = {
        path for path in ran if path.parent in (inputs.CHAPTERS_DIR, inputs.FIGURES_DIR)
    }
    assert inputs.CHAPTERS_DIR / f"{name}.py" in chapter_files
    missing = chapter_files - set(inputs.page_inputs(source))
    assert not missing, sorted(str(path.relative_to(inputs.PACKAGE)) for path in missing)


PAGE_CODE_TRACED = """
import json, sys
from bytebook import present
from bytebook.chapters import codec
from bytebook.figures import codec as codec_figures

ran = set()

def record(frame, event, arg):
    ran.add(frame.f_code.co_filename)

sys.settrace(record)
data, found = present.open_chapter(codec)
codec_figures.gains(found, data)._repr_mimebundle_()
present.downloads("codec")
sys.settrace(None)
print(json.dumps(sorted(ran)))
"""
"""What the codec page's code does (its analysis, a chart drawn by the renderer, its downloads'
links), traced call by call, in a process of its own: setting the renderer up changes Altair's
theme and the collector for the whole process."""


def test_a_page_depends_on_every_publishing_module_its_code_runs(tmp_path):
    """A page's code draws its charts and links its downloads through bytebook.present; every
    publishing module that runs then is among the page's inputs, so that editing one
    re-executes the page (its static drawings are slimmed by `static_svg`, which the renderer
    imports)."""
    environment = os.environ | {"BYTEBOOK_CACHE": str(tmp_path)}  # no drawing kept from before
    result = subprocess.run(
        [sys.executable, "-c", PAGE_CODE_TRACED], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr
    ran = {Path(name) for name in json.loads(result.stdout.splitlines()[-1])}
    publishing = {path for path in ran if path.parent == inputs.PUBLISH_DIR}
    assert inputs.PUBLISH_DIR / "static_svg.py" in publishing, "no chart was drawn"
    source = (BOOK_DIR / "codec.md").read_text(encoding="utf-8")
    missing = publishing - set(inputs.page_inputs(source))
    assert not missing, sorted(path.name for path in missing)


def test_pages_that_use_the_whole_book_depend_on_every_chapter():
    source = (BOOK_DIR / "ledger.md").read_text(encoding="utf-8")
    assert inputs.chapters_used(source) == set(WRITTEN)


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_a_chapter_page_declares_the_data_files_its_figures_read(name):
    source = (BOOK_DIR / f"{name}.md").read_text(encoding="utf-8")
    declared = inputs.data_files_used(source, inputs.chapters_used(source))
    data = load_book_data()
    found = WRITTEN[name].analyse(data)
    for function in figure_functions(name).values():
        if list(inspect.signature(function).parameters)[0] != "found":
            continue
        recorder = AccessRecorder(data)
        function(found, recorder)
        assert recorder.files <= declared, (name, function.__name__, sorted(recorder.files))
    assert inputs.FIGURES_DIR / f"{name}.py" in inputs.page_inputs(source)


def test_the_chapters_and_their_data_files_read_from_source_are_the_imported_ones():
    """Pages' inputs are read from the modules' source; they are what the modules hold."""
    assert inputs.written_chapters() == tuple(WRITTEN)
    for name, chapter in WRITTEN.items():
        assert inputs.chapter_inputs(name) == set(chapter.INPUTS), name
    assert inputs.table_files() == set(TABLE_FILES.values())


def test_working_out_a_page_s_inputs_imports_no_analysis():
    """A process that reads pages works out their inputs without importing the chapters, and
    so without pandas."""
    code = (
        "import sys\n"
        "from bytebook.paths import BOOK_DIR\n"
        "from bytebook.publish import inputs\n"
        "for page in ('ranking', 'ledger'):\n"
        "    inputs.page_inputs((BOOK_DIR / f'{page}.md').read_text(encoding='utf-8'))\n"
        "print(sorted(m for m in ('bytebook.chapters', 'bytebook.data', 'pandas') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

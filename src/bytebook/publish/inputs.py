"""Which src/ and data/ files each page's code depends on, and a fingerprint of them.

The execution cache is keyed on a page's code cells only. The Sphinx extension therefore
adds a hidden cell holding this fingerprint to each page with code, and tells Sphinx the
files it depends on: editing one of them re-reads and re-executes exactly the pages that use
it, and no other. Each page with code declares what it uses in its front matter (DECLARATION);
a page with code that declares nothing fails the strict build.

The written chapters and the data files each one reads (`WRITTEN` in bytebook.chapters, each
chapter's `INPUTS`, bytebook.data's file names) are read from the modules' source, not
imported: importing them brings pandas and the whole analysis into each process that reads
pages, about half a CPU-second for each, before its first page can start executing.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import sysconfig
from collections.abc import Iterable
from pathlib import Path

from bytebook.paths import DATA_DIR, ROOT

PACKAGE = ROOT / "src" / "bytebook"
CHAPTERS_DIR = PACKAGE / "chapters"
FIGURES_DIR = PACKAGE / "figures"
PUBLISH_DIR = PACKAGE / "publish"
PAGE_HELPERS = PACKAGE / "present.py"
"""The module a page's code calls to show what it works out: the publishing modules it
imports (the chart renderer, the names of the downloads) run as the page's code runs."""
CODE_CELL = "```{code-cell}"
DECLARATION = "bytebook"
"""The front-matter key under which a page with code declares what its code depends on:

    bytebook:
      chapters: [overseas]     # the chapter analyses it runs, or `all` for the whole ledger
      data: [assumptions.csv]  # data files its own cells read, besides its chapters' inputs
"""


class UndeclaredInputs(ValueError):
    """A page with code that does not declare, or misdeclares, what it depends on."""


def front_matter(source: str) -> dict:
    """The page's YAML front matter (empty when it has none)."""
    import yaml

    match = re.match(r"---\n(.*?)\n---\n", source, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def _declaration(source: str) -> dict:
    declaration = front_matter(source).get(DECLARATION)
    if not isinstance(declaration, dict) or "chapters" not in declaration:
        raise UndeclaredInputs(
            f"a page with code must declare its inputs in its front matter: "
            f"'{DECLARATION}: {{chapters: [...] or all, data: [...]}}'"
        )
    return declaration


@functools.cache
def _parsed(path: Path, modified_ns: int) -> ast.Module:
    """A module's source, parsed once per version of the file (`modified_ns`, its modification
    time, is part of the cache's key only): each data file's name in a chapter's `INPUTS` is
    looked up in bytebook.data, and parsing that module again for each name doubled the time
    the pages' inputs take to work out (0.17 CPU-s, not 0.08)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _module(path: Path) -> ast.Module:
    return _parsed(path, path.stat().st_mtime_ns)


def _assigned(path: Path, name: str) -> ast.expr:
    """The expression a module's top level assigns to `name`, read from its source."""
    for node in _module(path).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == name for target in targets):
                return node.value
    raise LookupError(f"{path} assigns no {name}")


def _file_name(element: ast.expr) -> str:
    """A data file's name written as a string, or as one of bytebook.data's names for it."""
    if isinstance(element, ast.Constant) and isinstance(element.value, str):
        return element.value
    if isinstance(element, ast.Name):
        value = _assigned(PACKAGE / "data.py", element.id)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    raise LookupError(f"not a data file's name: {ast.unparse(element)}")


@functools.cache
def written_chapters() -> tuple[str, ...]:
    """The names of the written chapters, in book order (bytebook.chapters `WRITTEN`)."""
    return tuple(
        ast.literal_eval(key) for key in _assigned(CHAPTERS_DIR / "__init__.py", "WRITTEN").keys
    )


@functools.cache
def chapter_inputs(chapter: str) -> frozenset[str]:
    """The data files a written chapter's analysis reads (its module's `INPUTS`)."""
    return frozenset(map(_file_name, _assigned(CHAPTERS_DIR / f"{chapter}.py", "INPUTS").elts))


@functools.cache
def table_files() -> frozenset[str]:
    """Every data file a table of the book's data comes from (bytebook.data `TABLE_FILES`)."""
    return frozenset(map(_file_name, _assigned(PACKAGE / "data.py", "TABLE_FILES").values))


def chapters_used(source: str) -> set[str]:
    """The chapter analyses a page declares it runs (`all`: every written chapter)."""
    declared = _declaration(source)["chapters"]
    if declared == "all":
        return set(written_chapters())
    unknown = set(declared) - set(written_chapters())
    if unknown:
        raise UndeclaredInputs(f"declares unknown chapters {sorted(unknown)}")
    return set(declared)


def data_files_used(source: str, chapters: set[str]) -> set[str]:
    """Data files the page's chapters read, plus those its own cells declare they read."""
    own = set(_declaration(source).get("data", []))
    unknown = own - table_files()
    if unknown:
        raise UndeclaredInputs(f"declares unknown data files {sorted(unknown)}")
    return own | {name for chapter in chapters for name in chapter_inputs(chapter)}


def page_inputs(source: str) -> list[Path]:
    """Every file a page's output depends on: the analysis modules, the publishing modules its
    code runs (`publishing_modules`), the chapter modules it uses with their figure modules and
    every chapter module those import (`chapter_modules`), and the data files they read."""
    chapters = chapters_used(source)
    modules = sorted(PACKAGE.glob("*.py")) + publishing_modules()
    modules += [CHAPTERS_DIR / "__init__.py", FIGURES_DIR / "__init__.py"]
    modules += chapter_modules(chapters)
    data = [DATA_DIR / name for name in sorted(data_files_used(source, chapters))]
    return modules + data


_PACKAGE_FOLDERS = {
    "bytebook.chapters": CHAPTERS_DIR,
    "bytebook.figures": FIGURES_DIR,
    "bytebook.publish": PUBLISH_DIR,
}
"""The subpackages whose modules a page depends on only when its code reaches them, by the
name they are imported under (relative imports are not used in the package)."""


def _imported_modules(path: Path, package: str, anywhere: bool) -> set[Path]:
    """The modules of `package` that the module at `path` imports ('from bytebook.chapters
    import codec', 'from bytebook.chapters.codec import …'): anywhere in its source, or only at
    its top level."""
    folder = _PACKAGE_FOLDERS[package]
    module = _module(path)
    found: set[Path] = set()
    for node in ast.walk(module) if anywhere else module.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parent, _, rest = name.rpartition(".")
            if parent == package and (folder / f"{rest}.py").is_file():
                found.add(folder / f"{rest}.py")
    return found


def _with_imports(modules: list[Path], packages: tuple[str, ...], anywhere: bool) -> list[Path]:
    """`modules` (those that exist) and every module of `packages` they import, directly or
    through one another."""
    waiting = list(modules)
    seen: set[Path] = set()
    while waiting:
        path = waiting.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for package in packages:
            waiting += _imported_modules(path, package, anywhere)
    return sorted(seen)


def chapter_modules(chapters: Iterable[str]) -> list[Path]:
    """The analysis and figure modules of `chapters`, and every chapter or figure module they
    import, directly or through one another: ranking's analysis imports the preface's, which
    imports the economics chapter's, so the ranking page depends on all three."""
    modules = [CHAPTERS_DIR / f"{name}.py" for name in chapters]
    modules += [FIGURES_DIR / f"{name}.py" for name in chapters]
    return _with_imports(modules, ("bytebook.chapters", "bytebook.figures"), anywhere=True)


def publishing_modules() -> list[Path]:
    """The publishing modules every page with code depends on: the package's `__init__`, those
    `PAGE_HELPERS` imports anywhere (the renderer, `runnable` for the downloads' names), and
    those they import at their top level, directly or through one another (the renderer's
    static drawings are slimmed by `static_svg`). Imports inside the publishing modules'
    functions are left out: they serve the build, not the page (`assets` writes the search
    page's table of names as the build sets the site up)."""
    called = _imported_modules(PAGE_HELPERS, "bytebook.publish", anywhere=True)
    modules = [PUBLISH_DIR / "__init__.py", *sorted(called)]
    return _with_imports(modules, ("bytebook.publish",), anywhere=False)


def kept_page_inputs(source: str) -> list[Path]:
    """`page_inputs`, kept between builds (bytebook.publish.kept_json) under a hash of the
    page's declaration, the data folder and every module of the package."""
    import json

    from bytebook.publish.kept_json import cache_folder, keep, read_kept

    declared = json.dumps(front_matter(source).get(DECLARATION), sort_keys=True, default=str)
    modules = sorted(PACKAGE.rglob("*.py"))
    key = hashlib.sha256(f"{declared}\0{DATA_DIR}\0{fingerprint(modules)}".encode()).hexdigest()
    kept_at = cache_folder("bytebook-page-inputs") / f"{key}.json"
    kept = read_kept(kept_at)
    if kept is not None and isinstance(kept[0], list):
        return [Path(path) for path in kept[0]]
    paths = page_inputs(source)
    keep(kept_at, [str(path) for path in paths])
    return paths


PACKAGES_FILE = "installed-packages.txt"
"""The file, beside the build's doctrees, that lists the installed distributions."""


def installed_packages() -> list[str]:
    """The distributions installed for the build, each by its `.dist-info` folder, which names
    its version."""
    folders = dict.fromkeys(sysconfig.get_paths()[kind] for kind in ("purelib", "platlib"))
    return sorted(
        name for folder in folders for name in os.listdir(folder) if name.endswith(".dist-info")
    )


def packages_file(folder: Path) -> Path:
    """`PACKAGES_FILE` in `folder`, listing `installed_packages`, written again only when they
    changed. Every page with code depends on it: vl-convert draws a page's charts, pandas and
    Altair shape its tables and specs, so a page last run with other packages is read and run
    again, and the execution cache, keyed on the page's inputs, holds no output of theirs."""
    path = folder / PACKAGES_FILE
    listing = "\n".join(installed_packages()) + "\n"
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != listing:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(listing, encoding="utf-8")
    return path


def fingerprint(paths: list[Path]) -> str:
    """A hash of the files' names and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path.parent.name}/{path.name}".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def with_inputs_cell(source: str, digest: str) -> str:
    """The page with a hidden first code cell that carries the fingerprint of its inputs."""
    cell = (
        f"\n{CODE_CELL} ipython3\n:tags: [remove-cell]\n\n"
        f"# Fingerprint of this page's src/ and data/ inputs and the installed packages;\n"
        f"# a change re-executes the page.\n"
        f"# {digest}\n```\n"
    )
    match = re.match(r"---\n.*?\n---\n", source, re.S)
    at = match.end() if match else 0
    return source[:at] + cell + source[at:]

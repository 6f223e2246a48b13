"""Run one Jupyter Book build with its pages read, and so executed, in parallel.

`jupyter-book build` always reads pages one at a time. This calls the same Sphinx build
(`jupyter_book.sphinx.build_sphinx`, with the settings `jupyter-book build` passes for a
book) with one worker per available core, so the slow part, executing the pages, runs
side by side. Run as `python -m bytebook.publish.jupyter_build ROOT OUTPUT BUILDER [--execute-off]`
(OUTPUT is the work area; the pages land in OUTPUT/_build/BUILDER); bytebook.publish.build and
bytebook.publish.bench call it in a subprocess.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def workers() -> int:
    """One Sphinx worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)))


def prepare_cache(cache: Path) -> None:
    """Create the execution cache before the workers start, so they do not race to create it."""
    from jupyter_cache import get_cache

    # The database and its tables are created on first use; listing the records uses it.
    get_cache(cache).list_cache_records()


def build(root: Path, output: Path, builder: str, execute: bool = True) -> int:
    """Build the book at `root` into `output`/_build/`builder`; returns Sphinx's exit status."""
    from jupyter_book.sphinx import build_sphinx

    build_dir = output / "_build"
    overrides: dict[str, object] = {
        "external_toc_path": (root / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "nitpicky": True,
    }
    if execute:
        prepare_cache(build_dir / ".jupyter_cache")
    else:
        overrides["nb_execution_mode"] = "off"
    result = build_sphinx(
        root,
        build_dir / builder,
        use_external_toc=True,
        noconfig=True,
        path_config=str(root / "_config.yml"),
        confoverrides=overrides,
        builder=builder,
        warningiserror=True,
        keep_going=True,
        jobs=workers(),
    )
    if isinstance(result, Exception):
        print(f"bytebook: the Sphinx build stopped: {result!r}", file=sys.stderr)
        return 1
    return int(result)


def main(argv: list[str] | None = None) -> int:
    """The command line; returns the build's exit status."""
    parser = argparse.ArgumentParser(prog="python -m bytebook.publish.jupyter_build")
    parser.add_argument("root", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("builder", choices=["html", "singlehtml"])
    parser.add_argument("--execute-off", action="store_true")
    arguments = parser.parse_args(argv)
    return build(
        arguments.root.resolve(),
        arguments.output.resolve(),
        arguments.builder,
        execute=not arguments.execute_off,
    )


if __name__ == "__main__":
    sys.exit(main())

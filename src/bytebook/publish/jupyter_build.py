"""Run one Jupyter Book build with its pages read, and so executed, in parallel.

`jupyter-book build` always reads pages one at a time. This calls the same Sphinx build
(`jupyter_book.sphinx.build_sphinx`, with the settings `jupyter-book build` passes for a
book) with one worker per available core, so the slow part, executing the pages, runs
side by side, each reading process running its pages in one kernel of its own
(bytebook.publish.shared_kernel) and taking the next unread page as it finishes one
(bytebook.publish.parallel_read). Run as
`python -m bytebook.publish.jupyter_build ROOT OUTPUT BUILDER [--execute-off]` (OUTPUT is the
work area; the pages land in OUTPUT/_build/BUILDER); bytebook.publish.build and
bytebook.publish.bench call it in a subprocess.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import tempfile
import uuid
from pathlib import Path

from bytebook.publish import early_kernels


def workers() -> int:
    """One Sphinx worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)))


def use_ipc_kernels(directory: Path) -> None:
    """Make every kernel this process starts talk over local IPC sockets under `directory`
    instead of TCP ports, which parallel workers could race for ("Address already in use").

    Jupyter's executors give no way to pass kernel options, so the kernel managers' defaults
    are set: transport 'ipc', and an absolute, unique socket path per kernel (a relative one
    would be resolved in the kernel's own working folder).
    """
    from jupyter_client import AsyncKernelManager, KernelManager

    def transport(manager) -> str:
        return "ipc"

    def socket_path(manager) -> str:
        return str(directory / f"kernel-{uuid.uuid4().hex[:12]}")

    for manager_class in (KernelManager, AsyncKernelManager):
        manager_class._transport_default = transport
        manager_class._ip_default = socket_path


def prepare_cache(cache: Path) -> None:
    """Create the execution cache before the workers start, so they do not race to create it,
    and make each worker's use of it whole (bytebook.publish.cache.guard_concurrent_use)."""
    from jupyter_cache import get_cache

    from bytebook.publish.cache import guard_concurrent_use

    guard_concurrent_use()

    # The database and its tables are created on first use; listing the records uses it.
    get_cache(cache).list_cache_records()


def build(root: Path, output: Path, builder: str, execute: bool = True) -> int:
    """Build the book at `root` into `output`/_build/`builder`; returns Sphinx's exit status.
    A build with no execution cache yet (so every page runs) starts one kernel per reading
    process (no more than the pages with code) before Sphinx starts
    (bytebook.publish.early_kernels)."""
    with tempfile.TemporaryDirectory(prefix="bytebook-kernels-") as sockets:
        use_ipc_kernels(Path(sockets))
        try:
            if execute and not (output / "_build" / ".jupyter_cache" / "global.db").exists():
                pages = early_kernels.pages_code(root)
                lines = early_kernels.warm_up(pages)
                early_kernels.start(min(workers(), len(pages)), root, Path(sockets), lines)
            return _build_with_sphinx(root, output, builder, execute)
        finally:
            early_kernels.end()


def _build_with_sphinx(root: Path, output: Path, builder: str, execute: bool) -> int:
    from jupyter_book.sphinx import build_sphinx

    from bytebook.publish import shared_kernel
    from bytebook.publish.parallel_read import share_pages_between_readers
    from bytebook.publish.parallel_write import index_while_writing
    from bytebook.publish.pdf import tags

    build_dir = output / "_build"
    # Each builder keeps its own read pages: Sphinx re-reads a page whose src/ or data/ inputs
    # changed only once per environment, so a shared one would let the first builder (the
    # PDF's singlehtml) take the change and leave the HTML builder's pages stale.
    doctrees = None if builder == "html" else str(build_dir / f".doctrees-{builder}")
    overrides: dict[str, object] = {
        "external_toc_path": (root / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "nitpicky": True,
    }
    if execute:
        prepare_cache(build_dir / ".jupyter_cache")
        shared_kernel.use_shared_kernels()
    else:
        overrides["nb_execution_mode"] = "off"
    share_pages_between_readers()
    index_while_writing()
    result = build_sphinx(
        root,
        build_dir / builder,
        use_external_toc=True,
        noconfig=True,
        path_config=str(root / "_config.yml"),
        confoverrides=overrides,
        builder=builder,
        doctreedir=doctrees,
        tags=tags(root, builder),
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


def exit_now(status: int) -> None:
    """End this process with `status` after its exit work (its kernels shut down, logs
    flushed), without freeing its objects one by one: a build's environment, pages and
    libraries took seconds to free, and the build waited for this process to end."""
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    exit_now(main())

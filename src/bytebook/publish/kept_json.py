"""A value kept between builds as a JSON file with its own checksum: written whole or not at
all, and read back only when intact. A cache that cannot be read or written only means the
next build works the value out again."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

CACHE_VARIABLE = "BYTEBOOK_CACHE"
"""An environment variable naming another folder for everything kept between builds (the
benchmark gives each clean build an empty one, so that a clean build works everything out)."""


def cache_folder(name: str) -> Path:
    """Where kept values of one kind live: `$BYTEBOOK_CACHE/<name>` when that is set, else
    `~/.cache/<name>` (under `$XDG_CACHE_HOME` when set)."""
    root = os.environ.get(CACHE_VARIABLE) or os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / name


def _checksum(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def read_kept(path: Path) -> tuple[Any] | None:
    """The value kept at `path`, in a 1-tuple; None when none is kept or it is damaged (its
    checksum does not match)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["sha256"] == _checksum(stored["value"]):
            return (stored["value"],)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def keep(path: Path, value: Any) -> None:
    """Keep `value` at `path` for the next build, written whole or not at all."""
    text = json.dumps({"value": value, "sha256": _checksum(value)}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass

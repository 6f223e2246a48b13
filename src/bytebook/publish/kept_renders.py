"""vl-convert's drawings of a chart, kept between builds and checkouts.

Drawing a chart's static SVG is most of a chart page's execution: Vega measures every string
the chart writes against the fonts, and vl-convert maps the font file afresh for each
measurement. What vl-convert returns is a function of its input, its own version (which fixes
the Vega and Vega-Lite it runs), the font files it can read and the time zone, so each answer
is kept in `renders_cache()` under the hash of all of these: a chart whose spec, vl-convert or
fonts changed is drawn again. A kept answer that is damaged (its hash does not match) is
worked out again, and a cache that cannot be written only means the next build draws again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import vl_convert as vlc

FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
"""Where vl-convert finds the system's fonts (fontdb's places on Linux); the book's own font
directories (bytebook.publish.render.CJK_FONT_DIRS) lie under the first."""


RENDERS_DIR_VARIABLE = "BYTEBOOK_RENDERS"
"""An environment variable naming another folder for the kept drawings (the benchmark gives
each clean build an empty one, so that a clean build draws every chart)."""


def renders_cache() -> Path:
    """Where drawings are kept: `$BYTEBOOK_RENDERS` when set, else `~/.cache/bytebook-renders/`
    (under `$XDG_CACHE_HOME` when set)."""
    if own := os.environ.get(RENDERS_DIR_VARIABLE):
        return Path(own)
    home_cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home_cache) / "bytebook-renders"


@functools.cache
def fonts_fingerprint() -> str:
    """A hash of every font file vl-convert can read: its path, size and modification time."""
    digest = hashlib.sha256()
    for directory in FONT_DIRS:
        root = Path(directory).expanduser()
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _zone() -> str:
    """The time zone vl-convert formats dates in: `$TZ`, or the system's."""
    return os.environ.get("TZ") or os.path.realpath("/etc/localtime")


def fingerprint(call: str, spec: dict, options: dict[str, Any]) -> str:
    """The hash of one vl-convert call and everything its answer depends on. The spec's keys
    keep their order: the compiled Vega follows it."""
    key = [call, spec, options, vlc.__version__, fonts_fingerprint(), _zone()]
    return hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()


def drawn(call: str, spec: dict, **options: Any) -> Any:
    """What `vl_convert.<call>(spec, **options)` returns, kept or worked out (and kept)."""
    key = fingerprint(call, spec, options)
    kept = _kept(key)
    if kept is not None:
        return kept[0]
    value = getattr(vlc, call)(spec, **options)
    _keep(key, value)
    return value


def _sha256_hex(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def _kept(key: str) -> tuple[Any] | None:
    """The kept answer for `key`, in a 1-tuple; None when none is kept, or it is damaged."""
    try:
        stored = json.loads((renders_cache() / f"{key}.json").read_text(encoding="utf-8"))
        if stored["sha256"] == _sha256_hex(stored["value"]):
            return (stored["value"],)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _keep(key: str, value: Any) -> None:
    """Keep `value` for the next build, written whole or not at all."""
    kept = renders_cache() / f"{key}.json"
    text = json.dumps({"value": value, "sha256": _sha256_hex(value)}, ensure_ascii=False)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, kept)
    except OSError:
        pass

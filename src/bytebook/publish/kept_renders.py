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

from bytebook.publish.kept_json import cache_folder, keep, read_kept

FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
"""Where vl-convert finds the system's fonts (fontdb's places on Linux); the book's own font
directories (bytebook.publish.render.CJK_FONT_DIRS) lie under the first."""


def renders_cache() -> Path:
    """Where drawings are kept: `bytebook-renders` in the cache folder
    (`kept_json.cache_folder`)."""
    return cache_folder("bytebook-renders")


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
    path = renders_cache() / f"{fingerprint(call, spec, options)}.json"
    kept = read_kept(path)
    if kept is not None:
        return kept[0]
    value = getattr(vlc, call)(spec, **options)
    keep(path, value)
    return value

"""The execution cache checked before each build: any damage is found and named, so the build
can clear it and run the pages again instead of failing on every later run.

jupyter-cache keeps a SQLite database (`global.db`, table `nbcache`) and one executed notebook
per record (`executed/<hashkey>/base.ipynb`). Damage is anything that stops either being read:
an empty or truncated database, a missing table, a record whose notebook is missing, or a
notebook that is truncated or not a valid notebook (a full disk while it was written).
Parallel readers use the cache one at a time where it matters (`guard_concurrent_use`).

Reading and validating every stored notebook takes seconds, and the cache keeps a notebook per
page and per version of it, so each notebook found sound is noted with its size, inode and
modification time (SOUND_NAME): a later check validates only notebooks that are new or changed
since.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

RECORDS_TABLE = "nbcache"
SOUND_NAME = "bytebook-sound.json"
"""The file in the cache folder noting the notebooks found sound, by hash key, with the size,
inode and modification time they had then."""


def damage(cache: Path) -> str | None:
    """Say what is wrong with the execution cache at `cache`, or None when it is sound (or
    absent)."""
    database = cache / "global.db"
    if not database.exists():
        executed = cache / "executed"
        if executed.is_dir() and any(executed.iterdir()):
            return "its database global.db is missing"
        return None
    if database.stat().st_size == 0:
        return "its database global.db is empty"
    try:
        hashkeys = _hashkeys(database)
    except sqlite3.DatabaseError as error:
        return f"its database global.db cannot be read ({error})"
    noted = _noted_sound(cache)
    sound: dict[str, list[int]] = {}
    for hashkey in hashkeys:
        path = cache / "executed" / hashkey / "base.ipynb"
        stamp = _stamp(path)
        if stamp is not None and noted.get(hashkey) == stamp:
            sound[hashkey] = stamp
            continue
        if problem := _notebook_problem(path):
            return problem
        if stamp is not None:
            sound[hashkey] = stamp
    if sound != noted:
        _note_sound(cache, sound)
    return None


def note_built(cache: Path) -> None:
    """After a build that succeeded: note every stored notebook as sound without reading it.

    The check before the build found the notebooks then stored sound, and the build stored the
    others whole (a failed write fails the build), so the next build's check reads none of
    them: it read and validated each notebook a build had executed, importing nbformat, before
    Sphinx started. A record whose notebook is missing is left for that check to name.
    """
    database = cache / "global.db"
    if not database.is_file():
        return
    try:
        hashkeys = _hashkeys(database)
    except sqlite3.DatabaseError:
        return  # the next check names it
    stamps = {key: _stamp(cache / "executed" / key / "base.ipynb") for key in hashkeys}
    sound = {key: stamp for key, stamp in stamps.items() if stamp is not None}
    if sound != _noted_sound(cache):
        _note_sound(cache, sound)


def _stamp(path: Path) -> list[int] | None:
    """The size, inode and modification time of a file, or None when it is not there."""
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_ino, status.st_mtime_ns]


def _noted_sound(cache: Path) -> dict[str, list[int]]:
    try:
        noted = json.loads((cache / SOUND_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return noted if isinstance(noted, dict) else {}


def _note_sound(cache: Path, sound: dict[str, list[int]]) -> None:
    """Write the note whole (a stopped build leaves the old one); a note that cannot be
    written only means the next check validates every notebook again."""
    partial = cache / f"{SOUND_NAME}.{os.getpid()}.partial"
    try:
        partial.write_text(json.dumps(sound, sort_keys=True), encoding="utf-8")
        os.replace(partial, cache / SOUND_NAME)
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def _hashkeys(database: Path) -> list[str]:
    # A read-only connection: a damaged file is reported, never rewritten.
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if RECORDS_TABLE not in tables:
            raise sqlite3.DatabaseError(f"no table '{RECORDS_TABLE}'")
        return [row[0] for row in connection.execute(f"SELECT hashkey FROM {RECORDS_TABLE}")]


def _notebook_problem(path: Path) -> str | None:
    import nbformat

    relative = "/".join(path.parts[-3:])
    if not path.is_file():
        return f"the cached notebook {relative} is missing"
    try:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # nbformat raises JSON, validation and Unicode errors alike
        reason = str(error).splitlines()[0][:160] if str(error) else type(error).__name__
        return f"the cached notebook {relative} is not a valid notebook ({reason})"
    return None


LOCK_NAME = ".bytebook-lock"
"""The file in the cache folder whose `flock` serialises writers and readers of the cache."""


@contextmanager
def _locked(cache_path: Path, mode: int) -> Iterator[None]:
    cache_path.mkdir(parents=True, exist_ok=True)
    with open(cache_path / LOCK_NAME, "a") as handle:
        fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def guard_concurrent_use() -> None:
    """Make each process's use of the execution cache whole with respect to the others.

    jupyter-cache stores an executed notebook in steps: it deletes a stored notebook of the
    same hash with its record, adds the new record, then writes the notebook file. A parallel
    reader that looks the hash up between two steps finds a record whose notebook is not
    there ("KeyError: Notebook file does not exist for cache record"). So storing takes an
    exclusive lock on the cache, and looking up and reading a stored notebook a shared one.
    """
    from jupyter_cache.cache.main import JupyterCacheBase

    if getattr(JupyterCacheBase, "_bytebook_guarded", False):
        return
    store = JupyterCacheBase.cache_notebook_bundle
    merge = JupyterCacheBase.merge_match_into_notebook

    def cache_notebook_bundle(self, *args, **kwargs):
        with _locked(self.path, fcntl.LOCK_EX):
            return store(self, *args, **kwargs)

    def merge_match_into_notebook(self, *args, **kwargs):
        with _locked(self.path, fcntl.LOCK_SH):
            return merge(self, *args, **kwargs)

    JupyterCacheBase.cache_notebook_bundle = cache_notebook_bundle
    JupyterCacheBase.merge_match_into_notebook = merge_match_into_notebook
    JupyterCacheBase._bytebook_guarded = True

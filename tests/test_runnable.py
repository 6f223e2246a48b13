"""The notebooks run outside the repository, their links lead to the site's files from where
they are published, and the chapters open in JupyterLab.

A reader downloads a chapter's notebook, the book's package and the lock from the built site
into an empty folder and runs the commands the notebook's first cell gives, in a fresh virtual
environment: nothing of the repository is on the path there, and Jupyter's folders are the
reader's own.
"""

from __future__ import annotations

import fcntl
import hashlib
import html
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from bytebook.paths import ROOT

pytestmark = pytest.mark.build

NOTEBOOKS = ["economics.ipynb", "ledger.ipynb"]
"""A chapter with a slider chart, and the ledger, which runs every chapter's analysis."""


def download(site: str, path: str, folder: Path) -> Path:
    target = folder / Path(path).name
    with urllib.request.urlopen(f"{site}/{path}", timeout=30) as response:
        target.write_bytes(response.read())
    return target


def first_cell_commands(notebook: Path) -> list[str]:
    """The shell commands in the notebook's first cell."""
    first = json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]
    source = "".join(first["source"])
    assert first["cell_type"] == "markdown" and "How to run" in source, source[:200]
    block = re.search(r"```bash\n(.*?)```", source, re.S)
    assert block, "the first cell gives no commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def reader_environment(folder: Path) -> dict[str, str]:
    """A shell without this project's settings: no data override, no path into the repository,
    and Jupyter's own folders inside the reader's folder."""
    keep = {"HOME", "LANG", "LC_ALL", "TMPDIR", "PIP_CACHE_DIR"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    python_dir = Path(shutil.which("python3.11") or sys.executable).parent
    environment["PATH"] = f"{python_dir}:/usr/local/bin:/usr/bin:/bin"
    for name in ("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR"):
        environment[name] = str(folder / ".jupyter" / name.lower())
    return environment


KEPT = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
"""Where the lock's files and the reader's folder are kept, outside any checkout, so that a
fresh clone finds them too."""
LOCKED_FILES = KEPT / "bytebook-lock"
"""The lock's files once downloaded, one folder per lock (named by its SHA-256)."""
READERS = KEPT / "bytebook-reader"
"""The reader's folders, one per lock (named by its SHA-256). The virtual environment in one is
kept between runs, in any checkout, while the lock is unchanged (installing every locked
package takes minutes): the same lock installs the same files, each checked against its hash.
Everything else is removed, and the book's own package is always installed afresh from the
downloaded wheel. The first cell's commands install from the lock's files kept on this machine
(`locked_files`), not from the index: the same files, without downloading them again. One
test run at a time uses a reader's folder (`READERS/<SHA-256>.lock`)."""


NO_BYTE_COMPILING = {"PIP_COMPILE": "0"}
"""pip's `--no-compile` for the first install of the lock, set in the environment so that the
reader's commands stay as the notebook gives them: pip installs the same files but writes no
bytecode for every module of every package (6,870 files, 145 MB); Python compiles the modules
the notebooks import when they first import them (about 1,650). (`PIP_NO_COMPILE=1` would not
do it: pip takes a `--no-` option's variable as the option's value, and compiles.)"""


def locked_files(lock_digest: str) -> Path:
    """A folder holding every file the lock names, downloaded once per lock. pip checks each
    against the lock's hash when it installs from it, as it does from the index."""
    folder = LOCKED_FILES / lock_digest
    if folder.is_dir():
        return folder
    partial = LOCKED_FILES / f"{lock_digest}.{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    pip_download = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    locked = ["--require-hashes", "-r", str(ROOT / "requirements.lock"), "--dest", str(partial)]
    done = subprocess.run(pip_download + locked, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"downloading the lock's files failed\n{done.stderr[-4000:]}"
    try:
        partial.rename(folder)
    except OSError:  # another checkout finished the same download first
        shutil.rmtree(partial, ignore_errors=True)
    return folder


@pytest.fixture(scope="module")
def reader_folder(site):
    """A folder holding only the downloads and the environment the first cell's commands made."""
    lock_digest = hashlib.sha256((ROOT / "requirements.lock").read_bytes()).hexdigest()
    READERS.mkdir(parents=True, exist_ok=True)
    with open(READERS / f"{lock_digest}.lock", "w") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # another checkout's run waits here
        yield prepared_reader(site, READERS / lock_digest, lock_digest)


def prepared_reader(site: str, folder: Path, lock_digest: str) -> Path:
    """`folder` emptied but for a kept environment of the same lock, with the downloads and
    what the first cell's commands install."""
    stamp = folder / ".venv" / "installed-lock"
    kept = stamp.is_file() and stamp.read_text() == lock_digest
    if not kept:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.iterdir():
        if leftover.name != ".venv":
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    for name in NOTEBOOKS:
        download(site, f"_sources/book/{name}", folder)
    text = commands_text(folder / NOTEBOOKS[0])
    for path in re.findall(r"`([\w.+-]+\.(?:whl|lock))`", text):
        download(site, f"_static/downloads/{path}", folder)
    environment = reader_environment(folder)
    installing = environment
    if not kept:
        installing = {
            **environment,
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(locked_files(lock_digest)),
            **NO_BYTE_COMPILING,
        }
    if kept:
        run(".venv/bin/pip uninstall --yes bytebook", folder, environment, timeout=120)
    for command in first_cell_commands(folder / NOTEBOOKS[0]):
        if " execute " in command or (kept and "-r requirements.lock" in command):
            continue
        if kept and command.startswith("python3.11 -m venv"):
            continue
        run(command, folder, installing, timeout=1200)
    stamp.write_text(lock_digest)
    return folder


def commands_text(notebook: Path) -> str:
    return "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"])


def run(command: str, folder: Path, environment: dict[str, str], timeout: int) -> str:
    done = subprocess.run(
        command, shell=True, cwd=folder, env=environment, capture_output=True, text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


def test_the_package_reads_its_own_data_not_the_repository(reader_folder):
    shown = run(
        ".venv/bin/python -c 'import bytebook.paths as p; print(p.DATA_DIR)'",
        reader_folder,
        reader_environment(reader_folder),
        timeout=60,
    ).strip()
    assert Path(shown).is_relative_to(reader_folder / ".venv"), shown
    assert not Path(shown).is_relative_to(ROOT / "data"), shown


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_downloaded_notebook_runs_in_an_empty_folder(reader_folder, name):
    (execute,) = [c for c in first_cell_commands(reader_folder / name) if " execute " in c]
    assert execute.endswith(name)
    run(execute, reader_folder, reader_environment(reader_folder), timeout=600)


def test_jupytext_can_execute_a_notebook(reader_folder):
    """nbconvert is in the lock, so jupytext's --execute works."""
    run(
        ".venv/bin/jupytext --to ipynb --execute --output run-by-jupytext.ipynb economics.ipynb",
        reader_folder,
        reader_environment(reader_folder),
        timeout=600,
    )
    executed = json.loads((reader_folder / "run-by-jupytext.ipynb").read_text(encoding="utf-8"))
    outputs = [o for c in executed["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert outputs and not [o for o in outputs if o["output_type"] == "error"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def test_make_lab_serves_a_chapter_as_a_notebook():
    port, token = free_port(), "bytebook-test"
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_PORT={port}",
         f"LAB_ARGS=--no-browser --IdentityProvider.token={token}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, page = fetch(f"{base}/lab?token={token}")
                break
            except (OSError, http.client.HTTPException):
                assert lab.poll() is None, lab.stderr.read()
                assert time.monotonic() < deadline, "JupyterLab did not start in 120 s"
                time.sleep(1)
        assert status == 200
        assert "jupyterlab-myst" in page, "jupyterlab-myst is not loaded"
        _, body = fetch(f"{base}/api/contents/book/economics.md?content=1&token={token}")
        chapter = json.loads(body)
        assert chapter["type"] == "notebook"
        code = [c["source"] for c in chapter["content"]["cells"] if c["cell_type"] == "code"]
        assert any("open_chapter(economics)" in source for source in code)
        _, body = fetch(
            f"{base}/lab/api/settings/@jupyterlab/docmanager-extension:plugin?token={token}"
        )
        viewers = json.loads(body)["schema"]["properties"]["defaultViewers"]["default"]
        assert viewers.get("markdown") == "Jupytext Notebook", viewers
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)


HREF = re.compile(r'\bhref="([^"]*)"')


def notebook_links(notebook: dict) -> set[str]:
    """The relative addresses that the notebook's Markdown cells and HTML outputs link to."""
    texts = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            texts.append(cell["source"])
        for output in cell.get("outputs", []):
            texts += [value for kind, value in output.get("data", {}).items() if "html" in kind]
    links = {
        html.unescape(link)
        for text in texts
        for link in HREF.findall("".join(text) if isinstance(text, list) else text)
    }
    return {link for link in links if not urlsplit(link).scheme and not link.startswith("#")}


def test_a_published_notebook_links_files_of_the_site_from_where_it_sits(site, built_book):
    """Every link a published notebook gives (its chapter's downloads, the data files, the
    ledger's rows, the charts' CSVs) leads, from the notebook's own address, to a file of the
    site, and a link to a row to a page that holds it."""
    published = sorted((built_book / "_sources" / "book").glob("*.ipynb"))
    assert published
    broken, followed, pages = [], 0, {}
    for notebook in published:
        address = f"{site}/_sources/book/{notebook.name}"
        for link in sorted(notebook_links(json.loads(notebook.read_text(encoding="utf-8")))):
            target, _, anchor = urljoin(address, link).partition("#")
            if target not in pages:
                try:
                    with urllib.request.urlopen(target, timeout=10) as response:
                        pages[target] = response.read().decode("utf-8", errors="replace")
                except urllib.error.HTTPError:
                    pages[target] = None
            page = pages[target]
            followed += 1
            if page is None or (anchor and f'id="{anchor}"' not in page):
                broken.append(f"{notebook.name}: {link}")
    assert followed > 2 * len(published), followed
    assert not broken, broken[:10]

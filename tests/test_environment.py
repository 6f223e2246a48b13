"""A wrong environment stops `make` at once, naming what is missing and how to get it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bytebook.paths import ROOT


def checkout(target: Path) -> Path:
    """The files `make` reads before it builds anything, without a virtual environment."""
    target.mkdir()
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, target)
    shutil.copytree(ROOT / "scripts", target / "scripts")
    return target


def make(directory: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=60,
    )


def fake_python(path: Path, version: str) -> Path:
    """An interpreter that says it is `version`, standing in for an installed one."""
    path.write_text(f"#!/bin/sh\necho {version}\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("target", ["book", "test"])
def test_another_python_stops_before_pip(tmp_path, target):
    root = checkout(tmp_path / "book")
    run = make(root, target, f"PYTHON={fake_python(tmp_path / 'python3.12', '3.12')}")
    assert run.returncode != 0
    assert "is Python 3.12; bytebook needs Python 3.11" in run.stderr
    assert "make PYTHON=python3.11" in run.stderr
    assert not (root / ".venv").exists()


def test_a_missing_python_is_named(tmp_path):
    root = checkout(tmp_path / "book")
    run = make(root, "book", "PYTHON=/nowhere/python3")
    assert run.returncode != 0
    assert "no working Python at '/nowhere/python3'" in run.stderr
    assert "apt-get install python3.11" in run.stderr


def test_a_virtual_environment_of_another_python_is_named(tmp_path):
    root = checkout(tmp_path / "book")
    (root / ".venv" / "bin").mkdir(parents=True)
    fake_python(root / ".venv" / "bin" / "python", "3.13")
    run = make(root, "book")
    assert run.returncode != 0
    assert "the virtual environment .venv is Python 3.13" in run.stderr
    assert "rm -rf .venv" in run.stderr


def test_a_read_only_checkout_stops_at_once(tmp_path):
    root = checkout(tmp_path / "book")
    script = f"mount --bind -o ro {root} {root} && make --no-print-directory -C {root} book"
    run = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script], capture_output=True, text=True, timeout=60
    )
    if "mount" in run.stderr and "read-only" not in run.stderr:
        pytest.skip(f"cannot make a read-only mount here: {run.stderr.strip()}")
    assert run.returncode != 0
    assert f"{root} is read-only" in run.stderr and "chmod -R u+w" in run.stderr


@pytest.mark.parametrize("target", ["browser", "test"])
def test_a_missing_chromium_stops_make_before_pip(tmp_path, target):
    root = checkout(tmp_path / "book")
    run = subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "BYTEBOOK_CHROMIUM": str(tmp_path / "no-chromium"),
            "BYTEBOOK_NO_APT": "1",
        },
    )
    assert run.returncode != 0
    assert "missing system packages: chromium-headless-shell chromium" in run.stderr
    assert "apt-get install chromium-headless-shell chromium" in run.stderr
    assert not (root / ".venv").exists()


INSTALL_LOG_PYTHON = """#!/bin/bash
# Stands in for Python: `-m venv DIR` makes DIR/bin/python (this script); `-m pip ...` and
# `-m uv ...` are logged.
if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; exit 0; fi
if [ "$1 $2" = "-m pip" ] || [ "$1 $2" = "-m uv" ]; then
  echo "$*" >> "$INSTALL_LOG"; sleep 1
  if [ "$2" = uv ] && [ -n "${UV_FAILS:-}" ]; then exit 1; fi
  exit 0
fi
exit 1
"""


def test_two_installs_at_once_install_once(tmp_path):
    """Two `make` runs started together in a fresh checkout: the second waits for the first
    to install the environment, then finds it ready instead of running pip over it."""
    root = checkout(tmp_path / "book")
    python = tmp_path / "python3.11"
    python.write_text(INSTALL_LOG_PYTHON)
    python.chmod(0o755)
    log = tmp_path / "pip.log"
    command = ["bash", "scripts/install-environment.sh", str(python), ".venv"]
    environment = {**os.environ, "INSTALL_LOG": str(log)}
    runs = [
        subprocess.Popen(command, cwd=root, env=environment, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("installing .venv; waiting for it to finish" in text for text in outputs)
    installs = log.read_text().splitlines()
    # pip itself, uv, the lock and the package: once each
    assert [line.split()[1] for line in installs] == ["pip", "pip", "uv", "uv"], installs
    # compiled at install, as pip does: a module first compiled in a kernel costs its time there
    assert all("--compile-bytecode" in line for line in installs[2:]), installs
    assert (root / ".venv" / ".installed").is_file()


def test_where_uv_cannot_install_the_lock_pip_installs_it(tmp_path):
    """uv installs the lock; where it fails (an index it cannot reach, say), the install says so
    and pip installs the lock and the package, and the environment is ready."""
    root = checkout(tmp_path / "book")
    python = tmp_path / "python3.11"
    python.write_text(INSTALL_LOG_PYTHON)
    python.chmod(0o755)
    log = tmp_path / "pip.log"
    run = subprocess.run(
        ["bash", "scripts/install-environment.sh", str(python), ".venv"],
        cwd=root,
        env={**os.environ, "INSTALL_LOG": str(log), "UV_FAILS": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "uv did not install requirements.lock; installing it with pip instead" in run.stderr
    installs = [line.split() for line in log.read_text().splitlines()]
    assert [line[1] for line in installs] == ["pip", "pip", "uv", "pip", "pip"], installs
    assert "requirements.lock" in installs[3] and installs[4][-1] == "."
    assert (root / ".venv" / ".installed").is_file()

#!/usr/bin/env bash
# Create VENV with PYTHON and install the locked dependencies and the package, once: a second
# `make` started meanwhile in the same checkout waits for the first to finish installing, then
# finds the environment ready. Usage: install-environment.sh PYTHON VENV
set -euo pipefail

python=${1:-python3}
venv=${2:-.venv}
stamp="$venv/.installed"

exec 9>"$venv.lock"
if ! flock --nonblock 9; then
  echo "bytebook: another make in this checkout is installing $venv; waiting for it to finish"
  flock 9
fi
if [ -f "$stamp" ] && [ "$stamp" -nt requirements.lock ] && [ "$stamp" -nt pyproject.toml ]; then
  exit 0
fi
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# uv fetches and installs the lock's files several at a time, in under half of pip's time on a
# fresh machine; where uv cannot be installed or cannot install the lock, pip does it all. Like
# pip, it compiles every module once here, so that no process of the build or the tests spends
# its time compiling (nor warns of what it finds on the way).
uv=("$venv/bin/python" -m uv pip install --quiet --compile-bytecode --python "$venv/bin/python")
if "$venv/bin/python" -m pip install --quiet --require-hashes -r scripts/installer.lock &&
  "${uv[@]}" --require-hashes -r requirements.lock; then
  "${uv[@]}" --no-deps -e .
else
  echo "bytebook: uv did not install requirements.lock; installing it with pip instead" >&2
  "$venv/bin/python" -m pip install --quiet --require-hashes -r requirements.lock
  "$venv/bin/python" -m pip install --quiet --no-deps -e .
fi
touch "$stamp"

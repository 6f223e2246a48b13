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
"$venv/bin/python" -m pip install --quiet --require-hashes -r requirements.lock
"$venv/bin/python" -m pip install --quiet --no-deps -e .
touch "$stamp"

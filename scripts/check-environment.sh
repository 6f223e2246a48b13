#!/usr/bin/env bash
# Stop at once, before anything is installed or built, when the environment cannot work:
# a Python other than the one the lock is compiled for, or a checkout that cannot be written.
# Usage: check-environment.sh PYTHON VENV  (the Python that would create VENV, and VENV)
set -uo pipefail

python=${1:-python3}
venv=${2:-.venv}
supported=3.11

if [ -x "$venv/bin/python" ]; then
  python="$venv/bin/python"
  where="the virtual environment $venv"
else
  where="$python"
fi
if ! version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); then
  echo "error: no working Python at '$python'." >&2
  echo "bytebook needs Python $supported: install it (apt-get install python$supported) or" \
    "name it with  make PYTHON=/path/to/python$supported" >&2
  exit 1
fi
if [ "$version" != "$supported" ]; then
  echo "error: $where is Python $version; bytebook needs Python $supported" \
    "(requirements.lock is compiled for it)." >&2
  if [ -x "$venv/bin/python" ]; then
    echo "remove $venv (rm -rf $venv) and run again with Python $supported:" \
      " make PYTHON=python$supported" >&2
  else
    echo "install it (apt-get install python$supported) and run  make PYTHON=python$supported" >&2
  fi
  exit 1
fi

for target in . _build "$venv"; do
  if [ -e "$target" ] && [ ! -w "$target" ]; then
    echo "error: $(cd "$target" && pwd) is read-only; the build writes $venv and _build" \
      "inside the checkout." >&2
    echo "make it writable (chmod -R u+w .) or copy the checkout somewhere writable." >&2
    exit 1
  fi
done

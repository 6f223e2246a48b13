#!/usr/bin/env bash
# Make sure the system packages the tests need are present: Debian's Chromium (driven by
# playwright-python; its own browser download is not used) as its headless shell, which prints
# the book and runs the browser tests, and as the browser, which `make bench` loads pages in; a
# CJK font for chart images and poppler's tools for checking the PDF. BYTEBOOK_CHROMIUM names
# another Chromium, used for both; BYTEBOOK_NO_APT=1 only reports what is missing, even as root.
set -euo pipefail

missing=()
for program in chromium-headless-shell chromium; do
  found="${BYTEBOOK_CHROMIUM:-$(command -v "$program" || echo "/usr/bin/$program")}"
  [ -x "$found" ] || missing+=("$program")
done
compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*" >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ -z "${BYTEBOOK_NO_APT:-}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing with apt: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  exit 0
fi
echo "missing system packages: ${missing[*]}" >&2
echo "install them as root with:  apt-get install ${missing[*]}" >&2
exit 1

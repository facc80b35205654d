#!/usr/bin/env bash
# Run by `npm test` first (the pretest script): the console's browser tests drive Debian's
# Chromium at /usr/bin/chromium, and browser downloads by test tools fail on these machines.
# Installs the `chromium` package when it is missing and this user may (root, or sudo without a
# password); otherwise says so, and those tests skip with the same reason.
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "pretest: no /usr/bin/chromium and no apt-get: the console's browser tests will skip" >&2
  exit 0
fi
echo "pretest: installing Debian's chromium for the console's browser tests" >&2
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo -n"
if [ -z "$as_root" ] || sudo -n true 2>/dev/null; then
  # An old package index names versions no longer on the mirror: refresh it once and retry.
  $as_root apt-get install -y -q chromium >/dev/null ||
    { $as_root apt-get update -q >/dev/null && $as_root apt-get install -y -q chromium >/dev/null; }
fi
[ -x /usr/bin/chromium ] || echo "pretest: could not install chromium: the console's browser tests will skip" >&2
exit 0

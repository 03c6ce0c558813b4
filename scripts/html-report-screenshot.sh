#!/usr/bin/env bash
# Renders the demo repository's HTML report (check --format html, at the tests' clock) in
# headless Chromium to docs/img/html-report.png, the screenshot the README and docs/cli.md
# show. Needs chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "no chromium: apt-get install chromium" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/vpncertlint" .
# From the demo repository, so that the report shows its own paths (pki/…).
(cd testdata/demo-repo && "$tmp/vpncertlint" check --now 2026-06-01T00:00:00Z --format html > "$tmp/report.html")
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$tmp/profile" --force-device-scale-factor=1 --window-size=1200,860 \
  --screenshot="$root/docs/img/html-report.png" "file://$tmp/report.html" 2>/dev/null
echo "wrote docs/img/html-report.png"

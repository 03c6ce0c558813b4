#!/usr/bin/env bash
# Rewrite the generated parts of the documentation: the code tables of docs/codes.md,
# between <!-- codes:begin --> and <!-- codes:end -->, from `vpncertlint codes --format
# markdown` (the catalogue). TestCodesDocGenerated fails when the committed page differs.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/codes.md
grep -qx '<!-- codes:begin -->' "$doc" && grep -qx '<!-- codes:end -->' "$doc" || {
  echo "gen-docs: $doc lacks the <!-- codes:begin --> / <!-- codes:end --> lines" >&2
  exit 2
}
tables=$(mktemp)
out=$(mktemp)
trap 'rm -f "$tables" "$out"' EXIT
go run . codes --format markdown --lang en >"$tables"
awk -v tables="$tables" '
  $0 == "<!-- codes:begin -->" { print; print ""; while ((getline l < tables) > 0) print l; print ""; skip = 1; next }
  $0 == "<!-- codes:end -->" { skip = 0 }
  !skip { print }
' "$doc" >"$out"
if cmp -s "$out" "$doc"; then
  echo "gen-docs: $doc is up to date"
else
  cat "$out" >"$doc"
  echo "gen-docs: rewrote the code tables of $doc"
fi

#!/usr/bin/env bash
# First contact: clone the committed state (HEAD) into a temporary directory with nothing
# beside it (no ../shared), then run exactly README's two Quick start commands, as they
# stand between the <!-- fresh-clone:example --> and <!-- fresh-clone:test --> markers:
# the example (exit 0 or 1: the example has findings; exit 2 or worse fails) and the test
# command (which must pass; a bare scripts/test is run with -short, to keep this quick).
# VPNCERTLINT_FRESH_CLONE=1 makes the inner run's TestFreshClone skip itself.
# Usage: scripts/fresh-clone.sh [DIR]   (DIR: where to clone; default a new temporary one)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$src" rev-parse HEAD)
if [ $# -ge 1 ]; then
  parent=$1
  mkdir -p "$parent"
else
  parent=$(mktemp -d)
  trap 'chmod -R u+w "$parent" 2>/dev/null; rm -rf "$parent"' EXIT
fi
if [ -e "$parent/shared" ]; then
  echo "fresh-clone: $parent/shared exists; a fresh clone has nothing beside it" >&2
  exit 2
fi
dir="$parent/vpncertlint"
echo "fresh-clone: cloning $rev into $dir"
git clone -q --no-checkout "$src" "$dir"
git -C "$dir" -c advice.detachedHead=false checkout -q --detach "$rev"
cd "$dir"

# block MARKER: the commands of the fenced block after <!-- fresh-clone:MARKER -->.
block() {
  awk -v m="<!-- fresh-clone:$1 -->" '
    $0 == m { found = 1; next }
    found && !inside && /^```/ { inside = 1; next }
    inside && /^```/ { exit }
    inside && NF && $1 !~ /^#/ { print }
  ' README.md
}
example=$(block example)
testcmd=$(block test)
if [ -z "$example" ] || [ -z "$testcmd" ]; then
  echo "fresh-clone: README.md lacks the <!-- fresh-clone:example --> or <!-- fresh-clone:test --> block" >&2
  exit 2
fi
if [ "$(printf '%s\n' "$example" | wc -l)" -ne 1 ] || [ "$(printf '%s\n' "$testcmd" | wc -l)" -ne 1 ]; then
  echo "fresh-clone: each README block must hold one command:" >&2
  printf '%s\n---\n%s\n' "$example" "$testcmd" >&2
  exit 2
fi
# A fresh machine's environment: no fuzzing asked for, the recursion guard set.
unset FUZZ_QUICK FUZZ_TIME FUZZ_SECONDS
export VPNCERTLINT_FRESH_CLONE=1

echo "fresh-clone: \$ $example"
set +e
bash -c "$example"
code=$?
set -e
if [ "$code" -gt 1 ]; then
  echo "fresh-clone: the README example exited $code (0 or 1 expected)" >&2
  exit 1
fi
case "$testcmd" in
scripts/test | ./scripts/test) testcmd="$testcmd -short" ;;
esac
echo "fresh-clone: \$ $testcmd"
if ! bash -c "$testcmd"; then
  echo "fresh-clone: the README test command failed on a fresh clone" >&2
  exit 1
fi
echo "fresh-clone: both README commands pass on a fresh clone of $rev"

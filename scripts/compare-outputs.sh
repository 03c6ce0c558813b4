#!/usr/bin/env bash
# Compare every output of two builds of vpncertlint (docs/development.md "Refactoring"):
# every fixture folder (each fixture whose case file NAME.case gives other flags than the
# folder's role run on its own), the demo repository
# (with its configuration) and, when ../shared is present, the third-party corpus; in every
# report format, in English and Chinese, with and without the zlint advisories. Prints the
# number of runs and any difference; exit 1 when an output differs.
#
#   scripts/compare-outputs.sh REV_OR_BINARY_A REV_OR_BINARY_B
#   scripts/compare-outputs.sh main .        # "." is the working tree
#
# A revision is built from a temporary git worktree; a path to an executable is used as is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
[ $# -eq 2 ] || { echo "usage: $0 A B (a git revision, '.', or a binary)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree prune; rm -rf "$WORK"' EXIT

build() { # build REV OUT
  if [ -x "$1" ] && [ -f "$1" ]; then cp "$1" "$2"; return; fi
  if [ "$1" = "." ]; then go build -o "$2" .; return; fi
  git worktree add -q --detach "$WORK/src-$(basename "$2")" "$1"
  (cd "$WORK/src-$(basename "$2")" && go build -o "$2" .)
  git worktree remove --force "$WORK/src-$(basename "$2")"
}
build "$1" "$WORK/a"
build "$2" "$WORK/b"

NOW=2026-06-01T00:00:00Z
FORMATS=(text json sarif junit github markdown)
declare -A ROLE=([ca]=ca [server]=server [auto]=auto [format]=auto [crl]=crl [body]=auto [weak]=auto
  [ccm]=server [zlint]=auto [body/kinds]=auto [body/sdk]=auto [body/provider]=auto)

runs=0
diffs=0
compare() { # compare NAME DIR ARGS...
  local name=$1 dir=$2
  shift 2
  local f l z
  for f in "${FORMATS[@]}"; do
    for l in en zh; do
      for z in "" --no-zlint; do
        local ea eb
        ea=0; (cd "$dir" && "$WORK/a" check --now "$NOW" --color never --format "$f" --lang "$l" $z "$@" >"$WORK/out-a" 2>"$WORK/err-a") || ea=$?
        eb=0; (cd "$dir" && "$WORK/b" check --now "$NOW" --color never --format "$f" --lang "$l" $z "$@" >"$WORK/out-b" 2>"$WORK/err-b") || eb=$?
        runs=$((runs + 1))
        if [ "$ea" != "$eb" ] || ! cmp -s "$WORK/out-a" "$WORK/out-b" || ! cmp -s "$WORK/err-a" "$WORK/err-b"; then
          diffs=$((diffs + 1))
          echo "DIFF: $name --format $f --lang $l $z (exit $ea vs $eb)"
          diff <(cat "$WORK/out-a" "$WORK/err-a") <(cat "$WORK/out-b" "$WORK/err-b") | head -20 || true
        fi
      done
    done
  done
}

for dir in "${!ROLE[@]}"; do
  plain=()
  for p in testdata/"$dir"/*; do
    [ -f "$p" ] || continue
    case "$p" in *.case | *.golden | *.args) continue ;; esac
    # The flags of its case file (testdata/DIR/NAME.case), without --no-zlint (both ways are run).
    args=""
    if [ -f "$p.case" ]; then
      args=$(awk '/^-- args --$/ { f = 1; next } /^-- .* --$/ { f = 0 } f' "$p.case" | tr '\n' ' ' |
        sed -e 's/--no-zlint//g' -e 's/  */ /g' -e 's/^ //' -e 's/ $//')
    fi
    if [ -n "$args" ] && [ "$args" != "--role ${ROLE[$dir]}" ]; then
      # shellcheck disable=SC2086
      compare "$p" "$ROOT" --no-config $args "$p"
    else
      plain+=("$p")
    fi
  done
  [ ${#plain[@]} -eq 0 ] || compare "testdata/$dir" "$ROOT" --no-config --role "${ROLE[$dir]}" "${plain[@]}"
done
compare "demo-repo" "$ROOT/testdata/demo-repo"
if [ -d ../shared/corpus ]; then
  compare "corpus" "$ROOT" --no-config --role auto ../shared/corpus
else
  echo "compare-outputs: ../shared/corpus absent, corpus skipped"
fi
echo "compare-outputs: $runs runs, $diffs differ"
[ "$diffs" -eq 0 ]

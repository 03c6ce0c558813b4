#!/usr/bin/env bash
# Mutation testing of one package (README "Develop"; not run in CI): builds scripts/mutation
# and runs it at the lowest CPU priority. Every mutant is tested with `go test -overlay`, one
# at a time by default. Examples:
#   scripts/mutation.sh -pkg ./internal/bodycheck                 # own tests; per-mutant results, score
#   scripts/mutation.sh -pkg ./internal/pemscan -with-root        # + the fixture cases of ./internal/e2e (two scores)
#   scripts/mutation.sh -pkg ./internal/bodycheck -list           # only list the mutants
#   scripts/mutation.sh -pkg ./internal/bodycheck -only cidr.go:237   # rerun the mutants of one line
#   scripts/mutation.sh -pkg ./certcheck -only version.go,raw.go:108   # of a file and a line (comma-separated)
# Other flags: -run REGEXP (the package's tests to run), -j N, -timeout 60s; see -h.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(mktemp -d)/mutation"
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./scripts/mutation
nice -n 19 "$bin" "$@"

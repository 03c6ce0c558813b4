#!/usr/bin/env bash
# Runs every native Go fuzz target for a fixed time each (README "Hardening").
#   FUZZ_SECONDS   time per target (default 10)
#   FUZZ_PARALLEL  fuzzing workers per target (default: go test's default, GOMAXPROCS)
# New crashers are written by go test to PKG/testdata/fuzz/FuzzX/ and make this script fail:
# fix the bug, keep the file as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${FUZZ_SECONDS:-10}"
par=()
if [ -n "${FUZZ_PARALLEL:-}" ]; then par=(-parallel "$FUZZ_PARALLEL"); fi
# package:target
targets=(
  ./bodycheck:FuzzBody
  ./pemscan:FuzzScan
  ./certcheck:FuzzCert
  ./crlcheck:FuzzCRL
  ./engine:FuzzEngine
)
for t in "${targets[@]}"; do
  pkg="${t%%:*}" name="${t##*:}"
  echo "fuzz: $pkg $name for ${secs}s"
  go test -run "^$" -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 10s "${par[@]}" "$pkg"
done

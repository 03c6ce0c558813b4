#!/usr/bin/env bash
# Hardening fixtures (docs/development.md "Hostile input"): certificates with keys too large to be
# parsed safely (VCL.0709). Needs TESTDATA; written with Go (openssl cannot make such keys).
set -euo pipefail
: "${TESTDATA:?}"
cd "$(dirname "$0")/../.."
go run ./scripts/gen/hugekey "$TESTDATA/ca/rsa-huge-modulus.pem" 20000 17
go run ./scripts/gen/hugekey "$TESTDATA/ca/rsa-huge-exponent.pem" 4096 4096

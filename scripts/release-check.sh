#!/usr/bin/env bash
# Check the release configuration without publishing anything: `goreleaser check` on
# .goreleaser.yaml, then a snapshot build into dist/ (every target with RELEASE_CHECK_FULL=1,
# archives and checksums included; by default only this machine's platform, which is quick).
# Prints one line and exits 0 when goreleaser is not installed
# (go install github.com/goreleaser/goreleaser/v2@v2.15.1).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v goreleaser >/dev/null 2>&1; then
  echo "release-check: skipped: goreleaser is not installed (go install github.com/goreleaser/goreleaser/v2@v2.15.1)"
  exit 0
fi
goreleaser check
if [ -n "${RELEASE_CHECK_FULL:-}" ]; then
  goreleaser release --snapshot --clean --skip=publish
else
  goreleaser build --snapshot --clean --single-target
fi

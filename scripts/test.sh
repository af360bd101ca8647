#!/usr/bin/env bash
# Sets everything up, builds, and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd build
ctest --output-on-failure --timeout 600 "$@"

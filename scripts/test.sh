#!/usr/bin/env bash
# Sets everything up, builds (the project, and its fuzz targets with clang), and runs every test
# with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
./scripts/fuzz.sh build >/dev/null  # the loaders' fuzz targets, run by ctest's fuzz_* tests
cd build
ctest --output-on-failure --timeout 600 "$@"

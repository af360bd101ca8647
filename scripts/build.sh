#!/usr/bin/env bash
# Configures and builds Unroll (Release by default) into build/. Usage: scripts/build.sh [cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

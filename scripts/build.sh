#!/usr/bin/env bash
# Configures and builds Unroll (Release by default) into build/. Usage: scripts/build.sh [cmake args]
# A build folder configured before keeps its generator (Ninja for a new one), so a folder made by a
# plain `cmake -B build` builds too. CONFIGURE_ONLY=1 stops after configuring.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
GENERATOR=Ninja
if [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
  GENERATOR=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$BUILD_DIR/CMakeCache.txt")
  if [ -z "$GENERATOR" ]; then
    echo "build: $BUILD_DIR/CMakeCache.txt names no generator; remove the folder '$BUILD_DIR' and run again" >&2
    exit 2
  fi
fi
cmake -S . -B "$BUILD_DIR" -G "$GENERATOR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
if [ "${CONFIGURE_ONLY:-0}" = 1 ]; then exit 0; fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

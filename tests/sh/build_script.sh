#!/usr/bin/env bash
# scripts/build.sh on a build folder first configured with another generator (a plain
# `cmake -B build` makes Unix Makefiles) must reuse it, not fail with "generator does not match".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
opts=(-DUNROLL_BUILD_GUI=OFF -DUNROLL_BUILD_TESTS=OFF -DUNROLL_BUILD_BENCH=OFF)
cmake -S "$root" -B "$dir/b" -G "Unix Makefiles" "${opts[@]}" >/dev/null
BUILD_DIR="$dir/b" CONFIGURE_ONLY=1 "$root/scripts/build.sh" "${opts[@]}"
grep -q '^CMAKE_GENERATOR:INTERNAL=Unix Makefiles$' "$dir/b/CMakeCache.txt"
echo "build_script: a Unix Makefiles folder was reconfigured with its own generator"

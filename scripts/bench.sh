#!/usr/bin/env bash
# Builds Release in build-bench/ and runs the Unroll vs PyTorch throughput table. Extra arguments go
# to unroll_bench (--seconds S, --only lstm/H128, --no-torch, ...; --help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -G Ninja -DUNROLL_BUILD_GUI=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target unroll_bench
exec build-bench/bin/unroll_bench "$@"

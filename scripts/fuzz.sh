#!/usr/bin/env bash
# The loaders' fuzz targets (fuzz/): builds them with clang into build-fuzz/ and runs each.
#   scripts/fuzz.sh [SECONDS]        build, then fuzz every target SECONDS (60) over its corpus
#   scripts/fuzz.sh build            build only
#   scripts/fuzz.sh smoke TARGET S   run one target over its seeds and S seconds more (ctest)
# A finding (crash, leak, uncaught exception, timeout, memory blow-up) fails with libFuzzer's
# report and the input saved as build-fuzz/findings/TARGET-*; make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
TARGETS=(checkpoint checkpoint_crc csv text lesson pairs probe_stream)

corpus_of() {
  case $1 in
    checkpoint | checkpoint_crc) echo "$ROOT/fuzz/corpus/checkpoint" ;;
    lesson) echo "$ROOT/resources/lessons" ;;
    *) echo "$ROOT/fuzz/corpus/$1" ;;
  esac
}

build() {
  CXX=${FUZZ_CXX:-clang++} cmake -S fuzz -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build "$OUT" --parallel "$(nproc)"
}

run() {  # target seconds
  local target=$1 seconds=$2 bin="$OUT/bin/fuzz_$1"
  if [ ! -x "$bin" ]; then
    echo "fuzz: $bin is not built; run scripts/fuzz.sh build" >&2
    exit 2
  fi
  local work
  work=$(mktemp -d)
  mkdir -p "$OUT/findings"
  # New inputs go to the scratch folder; the seeds stay as they are in the repo.
  local log="$work/log"
  if ! "$bin" "$work" "$(corpus_of "$target")" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix="$OUT/findings/$target-" \
      -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log" >&2
    rm -rf "$work"
    echo "fuzz: $target found a problem; the input is in $OUT/findings/" >&2
    exit 1
  fi
  local runs cov
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  echo "fuzz: $target: ${runs:-0} executions in ${seconds}s, coverage ${cov:-0} edges, no findings"
  rm -rf "$work"
}

case ${1:-} in
  build) build ;;
  smoke) run "$2" "${3:-5}" ;;
  *)
    seconds=${1:-60}
    build
    for t in "${TARGETS[@]}"; do run "$t" "$seconds"; done
    ;;
esac

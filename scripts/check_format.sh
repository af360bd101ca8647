#!/usr/bin/env bash
# Fails when a C++ source of the project differs from what clang-format (.clang-format) makes of it.
# Run by ctest as the `format` test; `scripts/check_format.sh --fix` rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(find engine gui cli tests bench fuzz -name '*.cpp' -o -name '*.h' | sort)
if [ "${1:-}" = "--fix" ]; then
  "$CLANG_FORMAT" -i "${files[@]}"
  exit 0
fi
if ! "$CLANG_FORMAT" --dry-run --Werror "${files[@]}" 2>/tmp/unroll-format.$$; then
  grep -o '^[^:]*\.\(cpp\|h\)' /tmp/unroll-format.$$ | sort -u | sed 's/^/format: not clang-formatted: /'
  rm -f /tmp/unroll-format.$$
  echo "format: run scripts/check_format.sh --fix"
  exit 1
fi
rm -f /tmp/unroll-format.$$
echo "format: ${#files[@]} files clang-formatted"

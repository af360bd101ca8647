#!/usr/bin/env bash
# Sets everything up, builds Release, and opens the studio on its built-in vanishing-gradient demo.
# Without a display it trains the demo offscreen for 20 s and saves a screenshot instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
if [ ! -x build/bin/unroll ]; then
  echo "studio: build/bin/unroll was not built; running the command-line demo instead" >&2
  exec build/bin/unroll-cli train --cell rnn --task adding --seq 50 --steps 1500 --clip 1
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "studio: no display found; training the demo offscreen and saving studio.png" >&2
  QT_QPA_PLATFORM=offscreen exec build/bin/unroll --demo vanishing --autoplay \
    --screenshot studio.png --after 20 "$@"
fi
exec build/bin/unroll --demo vanishing --autoplay "$@"

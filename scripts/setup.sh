#!/usr/bin/env bash
# Installs everything Unroll needs to build, run and test on Debian 12. Idempotent; sudo only when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  build-essential g++ cmake ninja-build git pkg-config ca-certificates clang-format
  # Qt 6: widgets, charts, SVG export, Linguist tools
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libqt6opengl6-dev libgl-dev libxkbcommon-dev qt6-qpa-plugins
  # numerics and formats
  libeigen3-dev nlohmann-json3-dev libonnx-dev libprotobuf-dev protobuf-compiler
  # PNG and JPEG decoding for image captioning (stb_image, built as Debian's libstb)
  libstb-dev
  # fuzz targets (libFuzzer comes with clang's runtime)
  clang libclang-rt-14-dev
  # benchmarks; oneDNN is unroll_bench's second reference (its RNN training primitives, sgemm)
  libbenchmark-dev libdnnl-dev
  # oneDNN's CMake package asks for OpenCL (its GPU runtime) even on a CPU-only machine
  ocl-icd-opencl-dev opencl-headers
  # reference implementations for the cross-check tests (Debian's python, not a user's pyenv)
  python3 python3-torch python3-numpy python3-onnx libopenblas0
  # PNG decoding in scripts/load_caption_in_pytorch.py
  python3-pil
  # headless GUI runs and screenshots
  xvfb xauth fonts-dejavu-core
  # ONNX Runtime comes from npm
  nodejs npm
)

missing=()
for p in "${PACKAGES[@]}"; do
  # nodesource's nodejs ships npm itself; do not ask apt for Debian's npm then.
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ONNX Runtime for Node (used by the ONNX export tests); its install script would download from a
# blocked host, and the npm package already carries the native binding, so skip the script.
if [ ! -d tools/ort/node_modules/onnxruntime-node ]; then
  (cd tools/ort && npm install --ignore-scripts --no-audit --no-fund >/dev/null) || {
    echo "setup: npm could not install onnxruntime-node (tools/ort); check the npm registry" >&2; exit 1; }
fi
echo "setup: done" >&2

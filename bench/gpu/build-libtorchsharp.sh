#!/usr/bin/env bash
# Builds libLibTorchSharp.so, TorchSharp's native half, against a given libtorch, for a libtorch whose version
# differs from the one TorchSharp 0.107.0 ships for (2.10): a libtorch of another minor version lacks some of the
# C++ symbols the packaged library binds to, and `textvae info --libtorch DIR` then names them.
#
# usage: bench/gpu/build-libtorchsharp.sh TORCHSHARP_SRC OUT_DIR [TORCH_CMAKE_PREFIX]
#   TORCHSHARP_SRC      a TorchSharp source tree at release 0.107.0 (github.com/dotnet/TorchSharp, commit
#                       c20b6a1cc574d690707638a488d2583f3b8b983f, "Update release notes" for 0.107.0; the release has no
#                       tag), or the src/Native folder plus LICENSE.txt that bench/gpu/package.sh copies from one.
#                       Nothing is downloaded: the tree must be there already.
#   OUT_DIR             receives libLibTorchSharp.so (and build/, the CMake build folder)
#   TORCH_CMAKE_PREFIX  folder holding Torch/TorchConfig.cmake (PyTorch: torch/share/cmake); default: the installed PyTorch's torch.utils.cmake_prefix_path
# Needs CMake >= 3.18 and a C++17 compiler; ninja when present; for a CUDA PyTorch, the CUDA toolkit (nvcc) that
# Torch's CMake files look for. EXTRA_CMAKE_ARGS is passed to the configure step.
# Then: textvae --libtorch DIR --libtorchsharp OUT_DIR/libLibTorchSharp.so info
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
src=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
prefix=${3:-}

native=""
for candidate in "$src/src/Native" "$src/Native" "$src"; do
  if [ -f "$candidate/LibTorchSharp/THSTorch.cpp" ] && [ -f "$candidate/CMakeLists.txt" ]; then native=$candidate; break; fi
done
if [ -z "$native" ]; then
  echo "build-libtorchsharp: $src holds no TorchSharp native sources (src/Native/LibTorchSharp/THSTorch.cpp)" >&2
  exit 1
fi
if [ -z "$prefix" ]; then
  prefix=$(python3 -c 'import torch.utils; print(torch.utils.cmake_prefix_path)' 2>/dev/null) || {
    echo "build-libtorchsharp: no TORCH_CMAKE_PREFIX given and python3 cannot import torch" >&2; exit 1; }
fi
if [ ! -f "$prefix/Torch/TorchConfig.cmake" ] && [ ! -f "$prefix/share/cmake/Torch/TorchConfig.cmake" ]; then
  echo "build-libtorchsharp: $prefix has neither Torch/TorchConfig.cmake nor share/cmake/Torch/TorchConfig.cmake" >&2
  exit 1
fi

build="$out/build"
rm -rf "$build/src"
mkdir -p "$build/obj"
cp -R "$native" "$build/src"
# TorchSharp builds with -Werror against the libtorch it pins; a newer libtorch deprecates APIs that 0.107 still
# calls, which is a warning to read, not a reason to stop.
sed -i 's/add_definitions(-Werror)/add_definitions(-Wno-error)/' "$build/src/CMakeLists.txt"
# TorchSharp's build.sh writes this file with the package's version; its content is informational only.
echo 'static char sccsid[] __attribute__((used)) = "@(#)LibTorchSharp 0.107.0 built by TextVae bench/gpu";' > "$build/version.c"

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
# shellcheck disable=SC2086
cmake -S "$build/src" -B "$build/obj" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DLIBTORCH_PATH="$prefix" \
  -DVERSION_FILE_PATH="$build/version.c" \
  ${EXTRA_CMAKE_ARGS:-}
cmake --build "$build/obj" --parallel "$(nproc)"
cp "$build/obj/LibTorchSharp/libLibTorchSharp.so" "$out/libLibTorchSharp.so"
echo "built $out/libLibTorchSharp.so against $prefix"

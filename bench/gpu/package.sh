#!/usr/bin/env bash
# Packages what a Linux GPU machine without .NET needs to run TextVae on its own PyTorch's libtorch (CUDA):
#   dotnet-runtime.tar.xz   the .NET runtime of this machine's dotnet: the dotnet host, host/fxr and
#                           shared/Microsoft.NETCore.App only (no SDK, no ASP.NET Core)
#   textvae.tar.xz          a framework-dependent linux-x64 publish of the textvae command, without the packaged CPU libtorch
#                           (TorchBackend=external: TorchSharp's managed assembly and libLibTorchSharp.so only)
#   torchsharp-native.tar.xz  TorchSharp 0.107.0's native sources (MIT, LICENSE.txt included), for
#                           build-libtorchsharp.sh when the machine's libtorch is not 2.10; only with TORCHSHARP_SRC
#   data.tar.xz             configs/, corpora/brown, vocab/
#   run.sh, build-libtorchsharp.sh
#
# usage: bench/gpu/package.sh [OUT_DIR] [TORCHSHARP_SRC]
#   OUT_DIR         default artifacts/gpu-package (ignored by git)
#   TORCHSHARP_SRC  a TorchSharp tree at 0.107.0 (see build-libtorchsharp.sh); default $TORCHSHARP_SRC. Without it the
#                   package runs only on a libtorch 2.10 (PyTorch 2.10), since nothing can be rebuilt there
# Run from the repository root; needs dotnet, xz. Prints the package size; the whole must stay under 64 MiB.
set -euo pipefail

repo=$(git rev-parse --show-toplevel)
cd "$repo"
out=$(mkdir -p "${1:-artifacts/gpu-package}" && cd "${1:-artifacts/gpu-package}" && pwd)
torchsharp=${2:-${TORCHSHARP_SRC:-}}
if [ -n "$torchsharp" ] && [ ! -f "$torchsharp/src/Native/LibTorchSharp/THSTorch.cpp" ]; then
  echo "package: TORCHSHARP_SRC must be a TorchSharp 0.107.0 tree (with src/Native); got '${torchsharp}'" >&2
  exit 1
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
rm -f "$out"/*.tar.xz "$out"/*.sh

# Publish from a copy of the tracked (and new, unignored) files so that the different package graph of
# TorchBackend=external never touches this checkout's obj/ folders.
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | (mkdir -p "$stage/src" && tar -xf - -C "$stage/src")
nice -n 10 dotnet publish "$stage/src/src/TextVae.Cli" -c Release -p:TorchBackend=external -r linux-x64 --no-self-contained \
  -o "$stage/app" -v quiet -nologo
if ls "$stage/app" | grep -E '^lib(torch|c10)' >/dev/null; then
  echo "package: the publish contains a libtorch; TorchBackend=external should leave it out" >&2
  exit 1
fi
tar -C "$stage/app" -cf - . | xz -T0 -6 > "$out/textvae.tar.xz"

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)
fxr_version=$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)
tar -C "$dotnet_root" -cf - dotnet LICENSE.txt ThirdPartyNotices.txt "host/fxr/$fxr_version" "shared/Microsoft.NETCore.App/$runtime_version" 2>/dev/null \
  | xz -T0 -6 > "$out/dotnet-runtime.tar.xz"

if [ -n "$torchsharp" ]; then
  (cd "$torchsharp" && tar -cf - LICENSE.txt src/Native) | xz -T0 -6 > "$out/torchsharp-native.tar.xz"
else
  echo "package: no TORCHSHARP_SRC, so no TorchSharp sources: run.sh works only where the libtorch is 2.10 (PyTorch 2.10)"
fi
tar -cf - configs corpora/brown vocab | xz -T0 -6 > "$out/data.tar.xz"
cp bench/gpu/run.sh bench/gpu/build-libtorchsharp.sh "$out/"
echo "$(git rev-parse HEAD) .NET $runtime_version" > "$out/VERSION"

du -b "$out"/* | awk '{ printf "%10.1f MiB  %s\n", $1 / 1048576, $2 }'
du -sb "$out" | awk '{ printf "package: %.1f MiB in %s\n", $1 / 1048576, $2 }'

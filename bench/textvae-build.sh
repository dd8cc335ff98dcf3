# Sourced by the bench scripts, from the repository root. release_build builds a project folder in Release, showing
# dotnet's output only when the build fails; TEXTVAE_DLL, when not set already, becomes such a build of textvae.
release_build() { # a project folder
  local log
  log=$(dotnet build -c Release "$1" 2>&1) || { printf '%s\n' "$log" >&2; echo "${0##*/}: building $1 failed" >&2; exit 1; }
}
if [ -z "${TEXTVAE_DLL:-}" ]; then
  release_build src/TextVae.Cli
  TEXTVAE_DLL=src/TextVae.Cli/bin/Release/net10.0/textvae.dll
fi

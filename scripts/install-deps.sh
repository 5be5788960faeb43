#!/usr/bin/env bash
# Installs the Debian 12 packages dossier builds with, if any are missing.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libxapian-dev librocksdb-dev libboost-graph-dev libcli11-dev doctest-dev
  nlohmann-json3-dev libgumbo-dev zlib1g-dev libgoogle-perftools-dev
)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"

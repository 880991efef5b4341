#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's Chromium and ripgrep, and code-server with its native
# modules built for this Node. Idempotent: a stamp file skips the work when nothing it depends on changed.
set -euo pipefail
script="$(readlink -f "$0")"
cd "$(dirname "$script")/../test/e2e"

started=$(date +%s)
vscode_dir=node_modules/code-server/lib/vscode
stamp=node_modules/.e2e-setup-stamp
# The stamp covers the lock, this script and the Node ABI: a change in any of them means a rebuild.
stamp_key="$(cat package-lock.json "$script" | sha256sum | cut -d' ' -f1) node-abi-$(node -p process.versions.modules)"

apt_packages=(libkrb5-dev ripgrep chromium)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "e2e-setup: apt-get install ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [[ -f $stamp && "$(cat "$stamp")" == "$stamp_key" ]]; then
  echo "e2e-setup: cached ($(($(date +%s) - started)) s)"
  exit 0
fi

# Native modules compile against the headers of the running Node; point node-gyp at them so it never
# tries to download headers (there is no network but the registries).
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
export npm_config_nodedir="$node_prefix"
node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"

# Install scripts are off throughout: several of them download prebuilt binaries, which fails offline.
npm ci --ignore-scripts --no-audit --no-fund
(
  cd "$vscode_dir"
  npm install --ignore-scripts --omit=dev --no-audit --no-fund
  npm rebuild kerberos @vscode/spdlog native-watchdog @vscode/deviceid
  cd node_modules/node-pty
  node "$node_gyp" rebuild --nodedir="$node_prefix"
)
npm rebuild argon2

# @vscode/ripgrep's postinstall downloads rg; Debian's rg serves the same purpose.
mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"

echo "$stamp_key" > "$stamp"
echo "e2e-setup: done ($(($(date +%s) - started)) s)"

#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's Chromium and ripgrep, and code-server with its native
# modules built for this Node. Idempotent and cached per machine: the install lives in a cache folder keyed
# by test/e2e's lock file, this script and the Node ABI, so a fresh clone on the same machine reuses it.
set -euo pipefail
script="$(readlink -f "$0")"
e2e_dir="$(dirname "$script")/../test/e2e"
cd "$e2e_dir"

started=$(date +%s)
step() { echo "e2e-setup: $1 ($(($(date +%s) - started)) s)"; }

apt_packages=(libkrb5-dev ripgrep chromium)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

key="$(cat package-lock.json "$script" | sha256sum | cut -c1-16)-node-abi-$(node -p process.versions.modules)"
cache_root="${SOL_AUDIT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sol-audit-e2e}"
cache="$cache_root/$key"

if [[ ! -f "$cache/.complete" ]]; then
  step "installing code-server into $cache"
  rm -rf "$cache"
  mkdir -p "$cache"
  cp package.json package-lock.json "$cache/"
  # Native modules compile against the headers of the running Node; point node-gyp at them so it never
  # tries to download headers (there is no network but the registries).
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  export npm_config_nodedir="$node_prefix"
  node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  vscode_dir="$cache/node_modules/code-server/lib/vscode"
  (
    cd "$cache"
    # Install scripts stay off throughout: several of them download prebuilt binaries, which fails offline.
    npm ci --ignore-scripts --no-audit --no-fund
    step 'npm ci'
    cd "$vscode_dir"
    npm install --ignore-scripts --omit=dev --no-audit --no-fund
    step "code-server's VS Code dependencies"
    npm rebuild kerberos @vscode/spdlog native-watchdog @vscode/deviceid
    (cd node_modules/node-pty && node "$node_gyp" rebuild --nodedir="$node_prefix")
    step 'native modules of VS Code'
    cd "$cache"
    npm rebuild argon2
    # @vscode/ripgrep's postinstall downloads rg; Debian's rg serves the same purpose.
    mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
    ln -sf "$(command -v rg)" "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"
  )
  touch "$cache/.complete"
  # Older installs (another lock or Node) are dead weight.
  find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
fi

if [[ "$(readlink node_modules 2>/dev/null)" != "$cache/node_modules" ]]; then
  rm -rf node_modules
  ln -s "$cache/node_modules" node_modules
fi
step 'ready'

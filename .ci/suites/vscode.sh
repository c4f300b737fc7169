#!/usr/bin/env bash
# The extension in real VS Code: code-server 4.139.1 (= VS Code 1.139.1, a real
# Node extension host) driven through headless Debian Chromium, as tested in
# /work/shared/design/real-vscode-testing.md. Two suites, each writing its tally
# to $RESULTS (see scripts/total-results.mjs):
#   vscode-extension-host  test/vscode/host/** inside the extension host, with the
#                          extension loaded from this checkout (the `payload` route);
#   vscode-ui              test/vscode/ui/** drives the workbench as a person would,
#                          with the packaged .vsix installed by `code-server --install-extension`.
# Installs everything it needs from nothing (scripts/vscode-test/install-tools.sh,
# cached in .tools/), and leaves no process behind: code-server and the drivers run
# in their own sessions (setsid) and their process groups are killed on exit.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RESULTS=${RESULTS:-$ROOT/test-output/results}
SHOTS="$ROOT/test-output/screenshots"
LOGS="$ROOT/test-output/vscode-logs"
mkdir -p "$RESULTS" "$SHOTS" "$LOGS"
NODE="$ROOT/node_modules/.bin/node"   # the project's Node 24 (npm install puts it there)
status=0
started=$(date +%s)
GROUPS_TO_KILL=()
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/strategy-vscode.XXXXXX")

log() { printf '[vscode] %s\n' "$*"; }
cleanup() {
  for g in "${GROUPS_TO_KILL[@]}"; do kill -- "-$g" 2>/dev/null; done
  for g in "${GROUPS_TO_KILL[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$g" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$g" 2>/dev/null
  done
  GROUPS_TO_KILL=()
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A suite that could not run still reports, as a failure: CI must not read silence as green.
fail_tally() { printf '{"suite":"%s","passed":0,"failed":1,"pending":0}\n' "$1" > "$RESULTS/$1.json"; }

free_port() { "$NODE" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# start_code_server NAME EXTENSIONS_DIR [code-server options…]: sets CS_URL and CS_PGID.
start_code_server() {
  local name=$1 exts=$2; shift 2
  local home="$SCRATCH/$name" port
  port=$(free_port)
  mkdir -p "$home/user-data/User" "$exts"
  cat > "$home/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none", "chat.disableAIFeatures": true, "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "update.mode": "none",
  "extensions.ignoreRecommendations": true, "workbench.tips.enabled": false, "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false, "git.enabled": false, "workbench.editor.enablePreview": false,
  "window.commandCenter": false, "editor.minimap.enabled": false, "workbench.colorTheme": "Default Light Modern",
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
  # Node 24 first on PATH: code-server's server and extension host run on it. XDG_* keep it (and Chromium) out of $HOME.
  XDG_CONFIG_HOME="$home/xdg/config" XDG_DATA_HOME="$home/xdg/data" XDG_CACHE_HOME="$home/xdg/cache" PATH="$N24/bin:$PATH" \
    setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --reconnection-grace-time 5 --user-data-dir "$home/user-data" --extensions-dir "$exts" "$@" \
    > "$LOGS/code-server-$name.log" 2>&1 &
  CS_PGID=$!
  GROUPS_TO_KILL+=("$CS_PGID")
  CS_URL="http://127.0.0.1:$port"
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$CS_URL/healthz" && return 0
    kill -0 "$CS_PGID" 2>/dev/null || break
    sleep 0.1
  done
  log "code-server ($name) did not start; see $LOGS/code-server-$name.log"
  return 1
}

stop_group() { kill -- "-$1" 2>/dev/null; for _ in $(seq 50); do kill -0 -- "-$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL -- "-$1" 2>/dev/null; }

# run_in_session LOG COMMAND…: runs a driver in its own process group (so that a Chromium it leaves is killed too).
run_in_session() {
  local out=$1; shift
  setsid "$@" > >(tee "$out") 2>&1 &
  local pid=$!
  GROUPS_TO_KILL+=("$pid")
  wait "$pid"
  local rc=$?
  stop_group "$pid"
  return $rc
}

# --- tools, build, package ---------------------------------------------------
t0=$(date +%s)
if ! TOOLS_ENV=$(bash scripts/vscode-test/install-tools.sh 2> "$LOGS/install-tools.log"); then
  tail -30 "$LOGS/install-tools.log"
  log "installing code-server, Node 24 or Chromium failed"
  fail_tally vscode-extension-host; fail_tally vscode-ui; exit 1
fi
eval "$TOOLS_ENV"
export CHROMIUM
CS_VERSION=$("$N24/bin/node" -p "require('$(dirname "$(readlink -f "$CODE_SERVER")")/../../package.json').version" 2>/dev/null)
log "tools ready in $(( $(date +%s) - t0 )) s: Node $("$N24/bin/node" --version), code-server $CS_VERSION, $("$CHROMIUM" --version 2>/dev/null)"

t0=$(date +%s)
rm -f ./*.vsix
if ! npm run --silent package > "$LOGS/package.log" 2>&1 || ! "$ROOT/node_modules/.bin/tsc" -p test/vscode/tsconfig.json >> "$LOGS/package.log" 2>&1; then
  # tsc reports errors in files still being written by others but emits anyway: fail only if the outputs are missing.
  log "build or packaging reported errors (see $LOGS/package.log)"
fi
VSIX=$(ls ./*.vsix 2>/dev/null | head -1)
if [ -z "$VSIX" ] || [ ! -f dist/extension.js ] || [ ! -f out/test/vscode/host/index.js ]; then
  tail -30 "$LOGS/package.log"
  log "no .vsix or no compiled suites"
  fail_tally vscode-extension-host; fail_tally vscode-ui; exit 1
fi
log "packaged $VSIX ($(du -k "$VSIX" | cut -f1) KB) in $(( $(date +%s) - t0 )) s"

# STRATEGY_VSCODE_SUITES="host ui" (the default) chooses the suites, for work on one of them.
SUITES=" ${STRATEGY_VSCODE_SUITES:-host ui} "

# --- 1. the extension-host suite ---------------------------------------------
if [[ $SUITES == *" host "* ]]; then
t0=$(date +%s)
rm -f "$RESULTS/vscode-extension-host.json"
WS="$SCRATCH/host-ws"
"$NODE" out/test/vscode/prepare-workspace.js "$WS"
if start_code_server host "$SCRATCH/host-exts" --vscode-option enable-smoke-test-driver; then
  # STRATEGY_VSCODE_GREP runs only the tests whose titles match, for work on one of them.
  ENV_JSON=$(printf '{"TEST_RESULTS_FILE":"%s","STRATEGY_TEST_SUITE":"vscode-extension-host","STRATEGY_VSCODE_GREP":"%s"}' "$RESULTS/vscode-extension-host.json" "${STRATEGY_VSCODE_GREP:-}")
  run_in_session "$LOGS/extension-host.log" "$NODE" out/test/vscode/run-in-code-server.js --url "$CS_URL" --folder "$WS" \
    --dev "$ROOT" --tests "$ROOT/out/test/vscode/host/index" --env "$ENV_JSON" --timeout 900000 || status=1
  stop_group "$CS_PGID"
else
  status=1
fi
[ -f "$RESULTS/vscode-extension-host.json" ] || { fail_tally vscode-extension-host; status=1; }
log "extension-host suite: $(cat "$RESULTS/vscode-extension-host.json") in $(( $(date +%s) - t0 )) s"
fi

# --- 2. the user-level suite on the installed .vsix ---------------------------
if [[ $SUITES == *" ui "* ]]; then
t0=$(date +%s)
rm -f "$RESULTS/vscode-ui.json"
EXTS="$SCRATCH/ui-exts"
mkdir -p "$SCRATCH/ui-install"
if XDG_CONFIG_HOME="$SCRATCH/ui-install" XDG_DATA_HOME="$SCRATCH/ui-install" PATH="$N24/bin:$PATH" \
     "$CODE_SERVER" --extensions-dir "$EXTS" --user-data-dir "$SCRATCH/ui-install/ud" --install-extension "$VSIX" > "$LOGS/install-vsix.log" 2>&1; then
  log "$(tail -1 "$LOGS/install-vsix.log")"
  WS="$SCRATCH/ui-ws"
  "$NODE" out/test/vscode/prepare-workspace.js "$WS"
  if start_code_server ui "$EXTS"; then
    STRATEGY_UI_URL="$CS_URL" STRATEGY_UI_WORKSPACE="$WS" STRATEGY_UI_EXTENSIONS="$EXTS" STRATEGY_UI_SCREENSHOTS="$SHOTS" \
    STRATEGY_TEST_RESULTS="$RESULTS/vscode-ui.json" STRATEGY_TEST_SUITE=vscode-ui \
      run_in_session "$LOGS/ui.log" "$NODE" node_modules/mocha/bin/mocha.js --no-config --timeout 120000 \
        --reporter scripts/mocha-reporter.cjs 'out/test/vscode/ui/**/*.test.js' || status=1
    stop_group "$CS_PGID"
  else
    status=1
  fi
else
  cat "$LOGS/install-vsix.log"
  status=1
fi
[ -f "$RESULTS/vscode-ui.json" ] || { fail_tally vscode-ui; status=1; }
log "user-level suite: $(cat "$RESULTS/vscode-ui.json") in $(( $(date +%s) - t0 )) s"
fi

if [ "${STRATEGY_UPDATE_DOC_IMAGES:-}" = 1 ]; then
  mkdir -p docs/images
  for shot in problems completion hover definition convert report-preview; do
    [ -f "$SHOTS/$shot.png" ] && cp "$SHOTS/$shot.png" "docs/images/$shot.png"
  done
  log "copied the screenshots into docs/images/"
fi
log "done in $(( $(date +%s) - started )) s (status $status)"
exit $status

#!/usr/bin/env bash
# The web portal (portal/): install its tools, generate the chain descriptors from the runtime's
# wasm, build, serve, seed demo data, test.
#   ./scripts/portal.sh install          Node.js and Chromium when missing (apt), then npm ci
#   ./scripts/portal.sh build            install, descriptors from the wasm, type-check, Vite build
#   ./scripts/portal.sh serve [PORT]     vite preview of portal/dist on 127.0.0.1:PORT (default 4173)
#   ./scripts/portal.sh seed [WS_URL]    demo enterprises, parcels and applications (dev chain only)
#   ./scripts/portal.sh test             build, then the Playwright suite against a fresh dev node
#   ./scripts/portal.sh dev [RPC_PORT]   for run-dev.sh: build, serve in the background (until the
#                                        caller exits), seed the dev chain, print the portal's URL
# Environment: CARGO_TARGET_DIR (where the node and wasm are), PORTAL_PORT, RPC_URL.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/clearance-registry/target}"
export NODE_BIN="$CARGO_TARGET_DIR/release/clearance-node"
export RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/clearance-runtime/clearance_runtime.compact.compressed.wasm"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PORTAL="$REPO_ROOT/portal"

log() { printf '\033[1;35m==> portal:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

apt_install() {
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	if [ -z "${APT_UPDATED:-}" ]; then
		$sudo apt-get update -qq
		APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

install() {
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		log "installing Node.js and npm (apt)"
		apt_install nodejs npm
	fi
	if [ ! -x "$CHROMIUM" ]; then
		log "installing Chromium (apt), for the portal's tests"
		apt_install chromium
	fi
	if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=bn)" ]; then
		log "installing Bengali and Devanagari fonts (apt), for screenshots in all three languages"
		apt_install fonts-lohit-beng-bengali fonts-lohit-deva
	fi
	cd "$PORTAL"
	# npm ci only when the lock changed since the last install.
	local stamp="node_modules/.package-lock.json"
	if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
		log "npm ci"
		npm ci --no-audit --no-fund --loglevel=error
	fi
}

descriptors() {
	[ -f "$RUNTIME_WASM" ] || die "no runtime wasm at $RUNTIME_WASM: build the workspace first (cargo build --release)"
	cd "$PORTAL"
	node scripts/descriptors.mjs "$RUNTIME_WASM"
}

build() {
	install
	descriptors
	cd "$PORTAL"
	log "type-checking and building (Vite)"
	npm run --silent build
}

serve() {
	local port="${1:-${PORTAL_PORT:-4173}}"
	cd "$PORTAL"
	[ -f dist/index.html ] || die "portal/dist is missing: run scripts/portal.sh build"
	exec npx vite preview --host 127.0.0.1 --port "$port" --strictPort
}

seed() {
	local url="${1:-${RPC_URL:-ws://127.0.0.1:9944}}"
	cd "$PORTAL"
	npx tsx scripts/seed.ts "$url"
}

# Build, serve in the background while the calling script lives, seed, print the URL.
dev() {
	local rpc_port="${1:-9944}"
	local port="${PORTAL_PORT:-4173}"
	local caller=$PPID
	build
	cd "$PORTAL"
	local logf="${TMPDIR:-/tmp}/clearance-portal-preview.log"
	node_modules/.bin/vite preview --host 127.0.0.1 --port "$port" --strictPort >"$logf" 2>&1 &
	local preview=$!
	# Stop the server when the caller (run-dev.sh) goes away, however it ends.
	( while kill -0 "$caller" 2>/dev/null && kill -0 "$preview" 2>/dev/null; do sleep 2; done; kill "$preview" 2>/dev/null ) &
	for _ in $(seq 1 50); do
		curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
		kill -0 "$preview" 2>/dev/null || die "the portal server did not start; see $logf"
		sleep 0.2
	done
	log "seeding demo data"
	npx tsx scripts/seed.ts "ws://127.0.0.1:$rpc_port" || log "seeding failed (see above); the portal still runs"
	local url="http://127.0.0.1:$port/"
	[ "$rpc_port" = 9944 ] || url="$url?rpc=ws://127.0.0.1:$rpc_port"
	printf '\n    Web portal:                  %s\n' "$url" >&2
}

run_tests() {
	build
	[ -x "$NODE_BIN" ] || die "no node binary at $NODE_BIN: build the workspace first"
	cd "$PORTAL"
	log "clearance-rpc package tests and the Playwright suite"
	node tests/run.mjs "$@"
}

cmd="${1:-}"
shift || true
case "$cmd" in
	install) install ;;
	descriptors) descriptors ;;
	build) build ;;
	serve) serve "$@" ;;
	seed) seed "$@" ;;
	test) run_tests "$@" ;;
	dev) dev "$@" ;;
	*) die "usage: scripts/portal.sh install|build|serve [PORT]|seed [WS_URL]|test|dev [RPC_PORT]" ;;
esac

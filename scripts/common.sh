# Shared by the scripts: repository root, one target dir for developers and CI, prerequisites.
# Source it; do not run it.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/clearance-registry/target}"
NODE_BIN="$CARGO_TARGET_DIR/release/clearance-node"
cd "$REPO_ROOT"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Install what a fresh machine lacks: the wasm target, rust-src, protoc.
ensure_prerequisites() {
	command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
	if command -v rustup >/dev/null; then
		if ! rustup target list --installed | grep -qx wasm32v1-none; then
			log "installing the wasm32v1-none target"
			rustup target add wasm32v1-none
		fi
		if ! rustup component list --installed | grep -q '^rust-src'; then
			log "installing rust-src"
			rustup component add rust-src
		fi
	fi
	if ! command -v protoc >/dev/null; then
		log "installing protobuf-compiler (protoc, needed by sc-network)"
		local sudo=""
		[ "$(id -u)" -eq 0 ] || sudo="sudo"
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq protobuf-compiler >/dev/null
	fi
	mkdir -p "$CARGO_TARGET_DIR"
}

# promtool (Debian's prometheus package) checks and unit-tests the alert rules in monitoring/.
ensure_promtool() {
	command -v promtool >/dev/null && return
	log "installing prometheus (for promtool, which tests monitoring/alerts.yml)"
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

# Build every workspace crate, in release: the one profile used to build, test and run.
build_workspace() {
	log "building the workspace (release) into $CARGO_TARGET_DIR"
	cargo build --release --locked --workspace
}

#!/usr/bin/env bash
# The whole test suite: formatting, the alert rules, clippy, pallet and runtime unit tests,
# benchmark tests, and end-to-end tests against a built clearance-node. Installs missing
# prerequisites first.
#
#   ./scripts/test.sh           everything (what CI runs)
#   ./scripts/test.sh --quick   a developer's loop: formatting, clippy, unit, runtime and
#                               benchmark tests; no live nodes (a few minutes when warm)
source "$(dirname "$0")/common.sh"

quick=0
for arg in "$@"; do
	case "$arg" in
		--quick) quick=1 ;;
		*) die "unknown argument $arg (use --quick or nothing)" ;;
	esac
done

ensure_prerequisites
start=$(date +%s)
step() { log "$1 ($(( $(date +%s) - start )) s so far)"; }

if cargo fmt --version >/dev/null 2>&1; then
	step "formatting (rustfmt.toml)"
	cargo fmt --all -- --check || die "unformatted code: run cargo fmt --all"
fi

step "alert rules (promtool check and unit tests)"
ensure_promtool
promtool check rules "$REPO_ROOT/monitoring/alerts.yml"
(cd "$REPO_ROOT/monitoring" && promtool test rules alerts.test.yml)

# Clippy with the workspace lints (no unwrap, expect, indexing or unchecked arithmetic in
# runtime code). The wasm runtime itself is built by the build step below.
step "clippy (-D warnings, workspace lints)"
SKIP_WASM_BUILD=1 cargo clippy --release --locked --workspace --all-targets -- -D warnings

step "benchmark tests of our pallets (runtime-benchmarks feature, no wasm)"
SKIP_WASM_BUILD=1 cargo test --release --locked --features runtime-benchmarks \
	-p pallet-departments -p pallet-enterprises -p pallet-land-parcels -p pallet-clearances

build_workspace

if [ "$quick" = 1 ]; then
	step "unit and runtime tests (quick tier: no live nodes)"
	CLEARANCE_SKIP_LIVE=1 cargo test --release --locked --workspace
	log "quick tier passed in $(( $(date +%s) - start )) s"
	exit 0
fi

step "unit, runtime and end-to-end tests"
cargo test --release --locked --workspace

step "the web portal: build, package tests, Playwright with axe-core"
"$REPO_ROOT/scripts/portal.sh" test
log "all tests passed in $(( $(date +%s) - start )) s"

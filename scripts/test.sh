#!/usr/bin/env bash
# The whole test suite: pallet and runtime unit tests, benchmark tests, and end-to-end tests
# against a built clearance-node. Installs missing prerequisites first.
source "$(dirname "$0")/common.sh"

ensure_prerequisites
start=$(date +%s)

if cargo fmt --version >/dev/null 2>&1; then
	log "formatting (rustfmt.toml)"
	cargo fmt --all -- --check || die "unformatted code: run cargo fmt --all"
fi

build_workspace

log "unit, runtime and end-to-end tests"
cargo test --release --locked --workspace

log "benchmark tests of our pallets (runtime-benchmarks feature, no wasm)"
SKIP_WASM_BUILD=1 cargo test --release --locked --features runtime-benchmarks \
	-p pallet-departments -p pallet-enterprises -p pallet-land-parcels -p pallet-clearances

log "all tests passed in $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# Regenerate the weights of our pallets with `clearance-node benchmark pallet`.
# Builds the node with the `runtime-benchmarks` feature (adds frame-benchmarking-cli, about 160
# crates; never part of normal builds or CI) and writes, for each pallet:
#   pallets/<name>/src/weights.rs                 (trait WeightInfo, SubstrateWeight, ())
#   runtime/src/weights/<pallet>.rs               (the runtime's alias to them)
#   ./scripts/benchmark.sh [--steps N] [--repeat N] [pallet ...]
source "$(dirname "$0")/common.sh"

steps=50
repeat=20
pallets=()
while [ $# -gt 0 ]; do
	case "$1" in
		--steps) steps="$2"; shift 2 ;;
		--repeat) repeat="$2"; shift 2 ;;
		*) pallets+=("$1"); shift ;;
	esac
done
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_departments pallet_enterprises pallet_land_parcels pallet_clearances)

ensure_prerequisites
log "building clearance-node with runtime-benchmarks"
cargo build --release --locked -p clearance-node --features runtime-benchmarks
bench_bin="$CARGO_TARGET_DIR/release/clearance-node-benchmarks"
cp "$NODE_BIN" "$bench_bin"

for pallet in "${pallets[@]}"; do
	dir="pallets/$(printf %s "${pallet#pallet_}" | tr _ -)"
	log "benchmarking $pallet (steps $steps, repeat $repeat)"
	"$bench_bin" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "$steps" --repeat "$repeat" --wasm-execution compiled \
		--template scripts/pallet-weight-template.hbs --output "$dir/src/weights.rs"
done
log "weights written; rebuild the workspace (./scripts/test.sh) to use them"

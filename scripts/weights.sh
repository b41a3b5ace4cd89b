#!/usr/bin/env bash
# Regenerate the runtime's weights on this machine with `clearance-node benchmark`.
# Builds the node with the `runtime-benchmarks` feature (adds frame-benchmarking-cli, about 160
# crates; never part of normal builds or CI).
#
#   ./scripts/weights.sh [--steps N] [--repeat N] [pallet ...]
#       `benchmark pallet`: the weights of each pallet's calls. Our pallets are written to
#       pallets/<name>/src/weights.rs (trait WeightInfo, SubstrateWeight, ()); frame_system and
#       frame_system_extensions (the transaction extensions) to runtime/src/weights/.
#       Default: every pallet.
#   ./scripts/weights.sh overhead
#       `benchmark overhead`: the fixed cost of an empty block and of one transaction (a signed
#       remark), written to runtime/src/weights/{block,extrinsic}_weights.rs.
#   ./scripts/weights.sh storage DIR
#       `benchmark storage`: the cost of reading and writing one key of the state held in the
#       dev chain database at DIR (grow one with
#       `./scripts/load-test.sh queries --sizes 10000 --keep-db DIR`), written to
#       runtime/src/weights/paritydb_weights.rs.
#
# Rebuild the workspace (./scripts/test.sh) afterwards to use the new weights. (Throughput and
# query latency under load are measured by ./scripts/load-test.sh, not here.)
source "$(dirname "$0")/common.sh"

steps=50
repeat=20
mode=pallet
pallets=()
db_dir=""
while [ $# -gt 0 ]; do
	case "$1" in
		--steps) steps="$2"; shift 2 ;;
		--repeat) repeat="$2"; shift 2 ;;
		overhead) mode=overhead; shift ;;
		storage) mode=storage; db_dir="${2:-}"; shift 2 || die "storage needs the database directory"; ;;
		*) pallets+=("$1"); shift ;;
	esac
done
[ ${#pallets[@]} -gt 0 ] || pallets=(frame_system frame_system_extensions pallet_departments
	pallet_enterprises pallet_land_parcels pallet_clearances)

ensure_prerequisites
log "building clearance-node with runtime-benchmarks"
cargo build --release --locked -p clearance-node --features runtime-benchmarks
bench_bin="$CARGO_TARGET_DIR/release/clearance-node-benchmarks"
cp "$NODE_BIN" "$bench_bin"

case "$mode" in
	overhead)
		log "benchmarking block and transaction overhead"
		"$bench_bin" benchmark overhead --chain dev --wasm-execution compiled \
			--weight-path runtime/src/weights
		;;
	storage)
		[ -d "$db_dir/chains" ] || die "$db_dir holds no chain database"
		log "benchmarking storage reads and writes on the state in $db_dir"
		# Writes are committed in batches of 5,000 keys, about what a full block writes.
		"$bench_bin" benchmark storage --dev --base-path "$db_dir" --database paritydb \
			--state-version 1 --batch-size 5000 --weight-path runtime/src/weights
		;;
	pallet)
		for pallet in "${pallets[@]}"; do
			case "$pallet" in
				frame_*)
					output="runtime/src/weights/$pallet.rs"
					template=()
					;;
				*)
					output="pallets/$(printf %s "${pallet#pallet_}" | tr _ -)/src/weights.rs"
					template=(--template scripts/pallet-weight-template.hbs)
					;;
			esac
			log "benchmarking $pallet (steps $steps, repeat $repeat)"
			"$bench_bin" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
				--steps "$steps" --repeat "$repeat" --wasm-execution compiled \
				"${template[@]}" --output "$output"
		done
		;;
esac
log "weights written; rebuild the workspace (./scripts/test.sh) to use them"

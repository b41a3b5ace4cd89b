#!/usr/bin/env bash
# Throughput and scale benchmark of the clearance registry on a fresh dev node (release build,
# loopback only). Prints figures; it never asserts on time.
#
#   ./scripts/load-test.sh --quick          # under a minute: the floor and a small mix
#   ./scripts/load-test.sh                  # full: a floor of 40,000 document anchors, 8,000
#                                           # applications through the mix
#   ./scripts/load-test.sh queries          # query latency at 10,000 and 100,000 applications
#   ./scripts/load-test.sh queries --sizes 10000,100000,1000000   # the curve up to a million
#   ./scripts/load-test.sh queries --sizes 10000 --keep-db DIR     # keep the grown database
#   ./scripts/load-test.sh --mortality 256 # transactions valid for 256 blocks (default 64)
#
# (Not to be confused with ./scripts/weights.sh, which measures the runtime's weights.)
#
# The last line of a throughput run reads
#   clearance actions/s: X; floor transactions/s: Y; ratio: Z
# Every phase stops with a diagnosis (exit 3) if nothing moves for three minutes.
# The generator is `clearance-bench` (tests/src/bin/clearance-bench/); results and the machine
# are written up in docs/performance.md.
source "$(dirname "$0")/common.sh"

ensure_prerequisites
build_workspace

mode="throughput"
if [ "${1:-}" = "queries" ] || [ "${1:-}" = "throughput" ]; then
	mode="$1"
	shift
fi
log "running clearance-bench $mode $*"
exec "$CARGO_TARGET_DIR/release/clearance-bench" "$mode" "$@"

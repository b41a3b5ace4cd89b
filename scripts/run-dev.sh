#!/usr/bin/env bash
# Install what is missing, build, and start a development chain with the demo departments.
#   ./scripts/run-dev.sh            fresh chain in a temporary directory
#   ./scripts/run-dev.sh --persist  keep the chain in .dev-chain/ between runs
# Extra arguments are passed to clearance-node. Stop with Ctrl-C.
source "$(dirname "$0")/common.sh"

persist=0
args=()
for a in "$@"; do
	case "$a" in
		--persist) persist=1 ;;
		*) args+=("$a") ;;
	esac
done

ensure_prerequisites
build_workspace

RPC_PORT="${RPC_PORT:-9944}"
P2P_PORT="${P2P_PORT:-30333}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9615}"
PORTAL_PORT="${PORTAL_PORT:-4173}"
# Browsers may call the node only from the portal's own origin, and only safe methods are
# served (no author_insertKey or other unsafe method, whatever web page a developer opens).
PORTAL_ORIGINS="http://127.0.0.1:$PORTAL_PORT,http://localhost:$PORTAL_PORT,https://polkadot.js.org"
export PORTAL_PORT
if [ "$persist" -eq 1 ]; then
	base=(--base-path "$REPO_ROOT/.dev-chain")
else
	base=(--tmp)
fi

log "starting clearance-node --dev"
"$NODE_BIN" --dev "${base[@]}" --rpc-port "$RPC_PORT" --port "$P2P_PORT" \
	--prometheus-port "$PROMETHEUS_PORT" --rpc-methods safe --rpc-cors "$PORTAL_ORIGINS" \
	"${args[@]}" &
node_pid=$!
trap 'kill -INT $node_pid 2>/dev/null; wait $node_pid 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
	if curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
		"http://127.0.0.1:$RPC_PORT" >/dev/null 2>&1; then
		break
	fi
	kill -0 "$node_pid" 2>/dev/null || die "clearance-node exited; see its log above"
	sleep 0.5
done

"$REPO_ROOT/scripts/portal.sh" dev "$RPC_PORT" || log "the web portal did not start (see above); the chain runs without it"
cat >&2 <<MSG

  Clearance Registry dev chain is running (demo data: LAND, ENV, IND, FIRE departments, and
  demo enterprises, parcels and applications seeded through the portal's script; the portal's
  address is printed above).
    JSON-RPC (HTTP + WebSocket): http://127.0.0.1:$RPC_PORT   ws://127.0.0.1:$RPC_PORT
    Prometheus metrics:          http://127.0.0.1:$PROMETHEUS_PORT/metrics
    Polkadot-JS Apps:            https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$RPC_PORT
  Heads: Alice (LAND), Bob (ENV), Charlie (IND), Dave (FIRE); officers: Eve, Ferdie, //stash accounts.
  Press Ctrl-C to stop.

MSG
wait "$node_pid"

#!/usr/bin/env bash
# Four department validators of the `local` chain on loopback, plus an optional public RPC node.
#
#   ./scripts/local-network.sh start [--with-rpc-node]   start (returns once all are up and peered)
#   ./scripts/local-network.sh status                    pid, best and finalized block, peers
#   ./scripts/local-network.sh stop                      stop cleanly (SIGINT, then wait)
#   ./scripts/local-network.sh purge                     stop and delete the chain data
#
# | Department  | Key     | RPC  | P2P   | Prometheus |
# |-------------|---------|------|-------|------------|
# | Land        | Alice   | 9944 | 30333 | 9615       |
# | Environment | Bob     | 9945 | 30334 | 9616       |
# | Industries  | Charlie | 9946 | 30335 | 9617       |
# | Fire        | Dave    | 9947 | 30336 | 9618       |
# | RPC node    | -       | 9950 | 30340 | 9620       |
#
# Everything lives under $CLEARANCE_NET_DIR (default ~/.local/share/clearance-registry/local-network):
# one folder per node with its database, its node key and its log.
# Validators bind RPC to localhost and serve only safe methods; the RPC node also serves only
# safe methods, with CORS open for the web tracker.
# Set SKIP_BUILD=1 to use the existing binary.
source "$(dirname "$0")/common.sh"

NET_DIR="${CLEARANCE_NET_DIR:-$HOME/.local/share/clearance-registry/local-network}"
NODES=(land env ind fire)
declare -A KEY=([land]=alice [env]=bob [ind]=charlie [fire]=dave)
declare -A RPC=([land]=9944 [env]=9945 [ind]=9946 [fire]=9947 [rpc]=9950)
declare -A P2P=([land]=30333 [env]=30334 [ind]=30335 [fire]=30336 [rpc]=30340)
declare -A PROM=([land]=9615 [env]=9616 [ind]=9617 [fire]=9618 [rpc]=9620)

rpc_call() { # port method [params-json]
	curl -sf -m 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1"
}

pid_of() { cat "$NET_DIR/$1/pid" 2>/dev/null || true; }
running() { local p; p="$(pid_of "$1")"; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

peer_id() { "$NODE_BIN" key inspect-node-key --file "$NET_DIR/$1/node-key" 2>/dev/null; }

# The `local` chain authorises exactly the nodes with the well-known keys 0x…01 to 0x…05
# (Land, Environment, Industries, Fire, and Industries' public RPC node): any other key is
# refused by the validators. A real network's departments generate their own keys and list
# their peer ids on chain with `Departments.set_nodes` (docs/operating.md).
# Limits of the public RPC node: connections, subscriptions per connection, calls per minute per
# connection, request and response sizes (MiB), no batches.
PUBLIC_RPC_LIMITS=(--rpc-max-connections 200 --rpc-max-subscriptions-per-connection 16
	--rpc-rate-limit 600 --rpc-max-request-size 1 --rpc-max-response-size 4
	--rpc-disable-batch-requests)
declare -A NODE_KEY=([land]=1 [env]=2 [ind]=3 [fire]=4 [rpc]=5)
ensure_key() {
	mkdir -p "$NET_DIR/$1"
	[ -f "$NET_DIR/$1/node-key" ] || printf '%064x' "${NODE_KEY[$1]}" >"$NET_DIR/$1/node-key"
}

start_node() { # name extra-args...
	local name="$1"
	shift
	if running "$name"; then
		log "$name is already running (pid $(pid_of "$name"))"
		return
	fi
	ensure_key "$name"
	"$NODE_BIN" --chain local --base-path "$NET_DIR/$name" --node-key-file "$NET_DIR/$name/node-key" \
		--rpc-port "${RPC[$name]}" --prometheus-port "${PROM[$name]}" \
		--listen-addr "/ip4/127.0.0.1/tcp/${P2P[$name]}" --no-mdns --no-telemetry \
		--rpc-methods safe --name "clearance-$name" "$@" >>"$NET_DIR/$name/node.log" 2>&1 &
	echo $! >"$NET_DIR/$name/pid"
}

wait_up() { # name min-peers
	for _ in $(seq 1 240); do
		local health
		health="$(rpc_call "${RPC[$1]}" system_health || true)"
		if [ -n "$health" ]; then
			local peers
			peers="$(sed -n 's/.*"peers":\([0-9]*\).*/\1/p' <<<"$health")"
			[ "${peers:-0}" -ge "$2" ] && return 0
		fi
		running "$1" || die "$1 exited; see $NET_DIR/$1/node.log"
		sleep 0.5
	done
	die "$1 did not come up with $2 peers; see $NET_DIR/$1/node.log"
}

cmd_start() {
	local with_rpc=0
	for a in "$@"; do
		case "$a" in
			--with-rpc-node) with_rpc=1 ;;
			*) die "unknown option $a" ;;
		esac
	done
	if [ "${SKIP_BUILD:-0}" != 1 ]; then
		ensure_prerequisites
		build_workspace
	fi
	mkdir -p "$NET_DIR"
	ensure_key land
	local boot="/ip4/127.0.0.1/tcp/${P2P[land]}/p2p/$(peer_id land)"
	for n in "${NODES[@]}"; do
		local extra=(--validator "--${KEY[$n]}")
		[ "$n" = land ] || extra+=(--bootnodes "$boot")
		start_node "$n" "${extra[@]}"
	done
	if [ "$with_rpc" -eq 1 ]; then
		# The public node: safe methods only (set for every node), and limits so that one
		# client cannot exhaust it (docs/operating.md, "A public RPC node").
		start_node rpc --bootnodes "$boot" --rpc-cors all "${PUBLIC_RPC_LIMITS[@]}"
	fi
	for n in "${NODES[@]}"; do wait_up "$n" 3; done
	[ "$with_rpc" -eq 0 ] || wait_up rpc 4
	log "local network is up"
	for n in "${NODES[@]}" rpc; do
		running "$n" || continue
		printf '  %-5s ws://127.0.0.1:%s  http://127.0.0.1:%s  metrics http://127.0.0.1:%s/metrics  log %s\n' \
			"$n" "${RPC[$n]}" "${RPC[$n]}" "${PROM[$n]}" "$NET_DIR/$n/node.log" >&2
	done
}

cmd_stop() {
	for n in rpc "${NODES[@]}"; do
		running "$n" || continue
		kill -INT "$(pid_of "$n")"
	done
	for n in rpc "${NODES[@]}"; do
		for _ in $(seq 1 60); do running "$n" || break; sleep 0.5; done
		if running "$n"; then
			log "$n did not stop in 30 s; killing it"
			kill -KILL "$(pid_of "$n")" || true
		fi
		rm -f "$NET_DIR/$n/pid"
	done
	log "stopped"
}

cmd_status() {
	for n in "${NODES[@]}" rpc; do
		if ! running "$n"; then
			[ -d "$NET_DIR/$n" ] && printf '%-5s stopped\n' "$n"
			continue
		fi
		local best fin peers
		best="$(rpc_call "${RPC[$n]}" chain_getHeader | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"
		fin="$(rpc_call "${RPC[$n]}" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
		fin="$(rpc_call "${RPC[$n]}" chain_getHeader "[\"$fin\"]" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"
		peers="$(rpc_call "${RPC[$n]}" system_health | sed -n 's/.*"peers":\([0-9]*\).*/\1/p')"
		printf '%-5s pid %-7s best #%-6d finalized #%-6d peers %s\n' "$n" "$(pid_of "$n")" \
			"$((${best:-0}))" "$((${fin:-0}))" "${peers:-?}"
	done
}

case "${1:-}" in
	start) shift; cmd_start "$@" ;;
	stop) cmd_stop ;;
	status) cmd_status ;;
	purge) cmd_stop; rm -rf "$NET_DIR"; log "removed $NET_DIR" ;;
	*) die "usage: $0 start [--with-rpc-node] | stop | status | purge" ;;
esac

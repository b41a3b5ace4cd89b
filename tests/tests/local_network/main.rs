//! The four-department `local` network on loopback, one network for every scenario, run in
//! order: it survives what a state data centre sees ([`faults`]), then the council upgrades its
//! runtime while it runs ([`upgrade`]).

mod faults;
mod upgrade;

use clearance_e2e::{free_port, skip_live, unhex, Node};
use clearance_runtime::{RuntimeCall, UncheckedExtrinsic};
use codec::Decode;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use sp_core::H256;
use std::time::{Duration, Instant};

/// Node key 1's peer id (Alice's node, the bootnode).
const BOOT_PEER: &str = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

#[tokio::test]
async fn the_local_network_survives_faults_and_upgrades_live() {
	if skip_live("the_local_network_survives_faults_and_upgrades_live") {
		return;
	}
	let (mut nodes, boot) = local_network().await;
	let t = wait_until("all four peered and finalizing", Duration::from_secs(120), async || {
		nodes[0].peers().await >= 3 && nodes[0].finalized_number().await >= 2
	})
	.await;
	println!("four validators: peered and block 2 finalized {:.1} s after start", t.as_secs_f64());

	faults::validators_fail_and_return(&mut nodes, &boot).await;
	upgrade::the_council_upgrades_the_runtime(&nodes).await;

	for node in nodes {
		node.stop().await;
	}
}

/// Alice's, Bob's, Charlie's and Dave's validators (node keys 1 to 4), Alice's the bootnode;
/// and the bootnode's address.
async fn local_network() -> (Vec<Node>, String) {
	let boot_port = free_port();
	let boot = format!("/ip4/127.0.0.1/tcp/{boot_port}/p2p/{BOOT_PEER}");
	let mut nodes = Vec::new();
	for (i, key) in ["--alice", "--bob", "--charlie", "--dave"].into_iter().enumerate() {
		let node_key = format!("{:064x}", i + 1);
		let port = if i == 0 { boot_port } else { free_port() };
		let mut args = vec!["--chain", "local", "--validator", key, "--node-key", &node_key];
		if i > 0 {
			args.extend(["--bootnodes", &boot]);
		}
		nodes.push(Node::start(&args, port).await);
	}
	(nodes, boot)
}

/// Wait until `f` holds, polling every half second; fails the test after `timeout`. Returns
/// how long it took.
async fn wait_until(what: &str, timeout: Duration, mut f: impl AsyncFnMut() -> bool) -> Duration {
	let start = Instant::now();
	while !f().await {
		assert!(start.elapsed() < timeout, "{what} within {timeout:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	start.elapsed()
}

async fn block_hash(node: &Node, n: u64) -> Option<H256> {
	node.http().request("chain_getBlockHash", rpc_params![n]).await.ok().flatten()
}

/// The extrinsics of blocks `1..=upto` as `node` has them (hex), and how many are our parcel
/// registrations.
async fn extrinsics(node: &Node, upto: u64) -> (Vec<String>, usize) {
	let mut all = Vec::new();
	let mut registrations = 0;
	for n in 1..=upto {
		let hash = block_hash(node, n).await.expect("block exists");
		let block: Value = node.http().request("chain_getBlock", rpc_params![hash]).await.unwrap();
		for x in block["block"]["extrinsics"].as_array().unwrap() {
			let x = x.as_str().unwrap().to_string();
			let xt = UncheckedExtrinsic::decode(&mut &unhex(&x)[..]).expect("extrinsic");
			if matches!(
				xt.function,
				RuntimeCall::LandParcels(pallet_land_parcels::Call::register_parcel { .. })
			) {
				registrations += 1;
			}
			all.push(x);
		}
	}
	(all, registrations)
}

//! Faults a state data centre sees: validators stopped, killed while transactions flow, left
//! behind for many blocks; a node of another chain and a node whose key no department
//! authorised. Each step prints its figures.
//!
//! The long step (a validator stopped for `CLEARANCE_FAULT_BLOCKS` blocks, 100 by default,
//! five minutes at 3 s blocks) runs too.

use super::{block_hash, extrinsics, wait_until};
use clearance_e2e::{free_port, parcel_registration, submit_signed, Node};
use jsonrpsee::{core::client::ClientT, rpc_params};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use std::time::{Duration, Instant};

/// The network (all four peered and finalizing) survives validator failures; `boot` is the
/// bootnode's address.
pub async fn validators_fail_and_return(nodes: &mut [Node], boot: &str) {
	// One of four stops: blocks and finality go on.
	nodes[3].halt().await;
	let f = nodes[0].finalized_number().await;
	let t = wait_until("finality with 3 of 4", Duration::from_secs(60), async || {
		nodes[0].finalized_number().await >= f + 3
	})
	.await;
	println!("one validator down: 3 more blocks finalized in {:.1} s", t.as_secs_f64());

	// A second stops: blocks go on (Aura), finality stalls (GRANDPA needs 3 of 4).
	nodes[2].halt().await;
	tokio::time::sleep(Duration::from_secs(4)).await;
	let (f, b) = (nodes[0].finalized_number().await, nodes[0].best_number().await);
	wait_until("blocks with 2 of 4", Duration::from_secs(60), async || {
		nodes[0].best_number().await >= b + 4
	})
	.await;
	let (f2, b2) = (nodes[0].finalized_number().await, nodes[0].best_number().await);
	assert_eq!(f2, f, "finality stalls with two of four validators");
	println!("two validators down: best went #{b} -> #{b2}, finalized stayed at #{f}");

	// Both come back: finality catches up over the blocks authored meanwhile.
	let restarted = Instant::now();
	nodes[2].resume().await;
	nodes[3].resume().await;
	let target = nodes[0].best_number().await;
	wait_until("finality catches up", Duration::from_secs(120), async || {
		nodes[0].finalized_number().await >= target && nodes[3].finalized_number().await >= target
	})
	.await;
	let t = restarted.elapsed();
	println!(
		"restarted: finality caught up {} blocks (#{f} -> #{target}) in {:.1} s; none lost",
		target - f,
		t.as_secs_f64()
	);
	assert_eq!(block_hash(&nodes[3], f).await, block_hash(&nodes[0], f).await);

	// Transactions flow to Land's node while Industries' validator is killed with SIGKILL.
	let http = nodes[0].http();
	let mut nonce: u32 = http
		.request(
			"system_accountNextIndex",
			rpc_params![Sr25519Keyring::Eve.to_account_id().to_string()],
		)
		.await
		.unwrap();
	let send = async |n: u32| {
		// Eve, a Land record keeper, registers a parcel (the pool refuses remarks).
		let call = parcel_registration(n);
		// Mortal, anchored at the finalized block (or the best one while finality lags).
		let _: H256 = submit_signed(&http, Sr25519Keyring::Eve, n, call)
			.await
			.expect("registration accepted");
	};
	for _ in 0..20 {
		send(nonce).await;
		nonce += 1;
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	// Keep the flow going until the first registrations are finalized.
	let target = nodes[0].best_number().await + 1;
	while nodes[0].finalized_number().await < target {
		send(nonce).await;
		nonce += 1;
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	let before_kill = nodes[0].finalized_number().await;
	nodes[2].kill9().await;
	for _ in 0..20 {
		send(nonce).await;
		nonce += 1;
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	let (finalized_txs, registrations) = extrinsics(&nodes[0], before_kill).await;
	let restarted = Instant::now();
	nodes[2].resume().await;
	let target = nodes[0].finalized_number().await;
	wait_until("the killed validator resumes and syncs", Duration::from_secs(120), async || {
		nodes[2].finalized_number().await >= target
	})
	.await;
	let t = restarted.elapsed();
	let (after, _) = extrinsics(&nodes[2], before_kill).await;
	assert_eq!(after, finalized_txs, "every transaction finalized before the kill is there");
	println!(
		"kill -9 with transactions flowing: restarted validator synced to #{target} in {:.1} s; \
		 the {registrations} parcel registrations finalized before the kill (in {before_kill} \
		 blocks) all present",
		t.as_secs_f64(),
	);
	assert!(registrations > 0, "some registrations were finalized before the kill");

	// A node of another chain (the dev spec) pointed at the network gets nothing from it.
	let stranger = Node::start(&["--chain", "dev", "--bootnodes", boot], free_port()).await;
	tokio::time::sleep(Duration::from_secs(15)).await;
	let (best, peers) = (stranger.best_number().await, stranger.peers().await);
	assert_eq!((best, peers), (0, 0), "a node of another chain neither peers nor syncs");
	println!("wrong chain spec: after 15 s the stranger has {peers} peers and best block #{best}");
	drop(stranger);

	// A node of the right chain whose key no department authorised gets nothing either.
	let key = format!("{:064x}", 6);
	let intruder =
		Node::start(&["--chain", "local", "--node-key", &key, "--bootnodes", boot], free_port())
			.await;
	tokio::time::sleep(Duration::from_secs(15)).await;
	let best = intruder.best_number().await;
	assert_eq!(best, 0, "an unauthorised node does not sync");
	println!(
		"unauthorised node key: after 15 s the intruder has best block #{best} (the network is at #{})",
		nodes[0].best_number().await
	);
	drop(intruder);
	// The same with an authorised key (Industries' public RPC node, key 5) syncs at once.
	let key = format!("{:064x}", 5);
	let rpc_node =
		Node::start(&["--chain", "local", "--node-key", &key, "--bootnodes", boot], free_port())
			.await;
	let target = nodes[0].finalized_number().await;
	let t = wait_until("the authorised node syncs", Duration::from_secs(60), async || {
		rpc_node.finalized_number().await >= target
	})
	.await;
	println!("authorised node key: synced to #{target} in {:.1} s", t.as_secs_f64());
	drop(rpc_node);

	// A validator stopped for many blocks catches up after restart.
	let blocks: u64 =
		std::env::var("CLEARANCE_FAULT_BLOCKS").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
	nodes[1].halt().await;
	let from = nodes[0].best_number().await;
	wait_until("the network moves on", Duration::from_secs(blocks * 3 + 120), async || {
		nodes[0].best_number().await >= from + blocks
	})
	.await;
	let restarted = Instant::now();
	nodes[1].resume().await;
	let target = nodes[0].finalized_number().await;
	wait_until("the laggard catches up", Duration::from_secs(180), async || {
		nodes[1].finalized_number().await >= target
	})
	.await;
	let t = restarted.elapsed();
	println!(
		"validator stopped for {blocks} blocks: caught up to #{target} in {:.1} s after restart",
		t.as_secs_f64()
	);
}

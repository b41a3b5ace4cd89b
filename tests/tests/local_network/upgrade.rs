//! A live runtime upgrade: the council (3 of 4 heads) enacts the rehearsal runtime (the same
//! runtime one `spec_version` later, with a marker migration: `clearance_runtime::rehearsal`)
//! while Land's record keeper keeps registering parcels. The network keeps finalizing, the new
//! version is live on all four nodes, the migration ran once and found every pallet's
//! invariants holding, no finalized block changed, and every registration ends up finalized.
//!
//! A transaction names the `spec_version` it was signed for, so the ones still in the pool at the
//! upgrade become invalid and are dropped; the record keeper's wallet notices (its next nonce
//! falls back) and signs them again for the new version, as any wallet must.

use super::{block_hash, extrinsics, wait_until};
use clearance_e2e::{
	parcel_registration, spec_version, storage_prefix, submit_signed, unhex, Node,
};
use clearance_runtime::{
	rehearsal::{RehearsalRecord, REHEARSAL_KEY},
	AccountId, RuntimeCall,
};
use codec::{Decode, Encode};
use frame_support::dispatch::GetDispatchInfo;
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Eve};
use sp_runtime::traits::{BlakeTwo256, Hash};
use std::{
	collections::{BTreeMap, BTreeSet},
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};

pub async fn the_council_upgrades_the_runtime(nodes: &[Node]) {
	let code = clearance_runtime_rehearsal::WASM_BINARY
		.expect("the rehearsal runtime's wasm is built (do not set SKIP_WASM_BUILD for e2e tests)");
	let http = nodes[0].http();
	let before = spec_version(&http).await;
	assert_eq!(before, clearance_runtime::VERSION.spec_version, "the network runs this runtime");

	// Land's record keeper registers a parcel every half second throughout.
	let stop = Arc::new(AtomicBool::new(false));
	let flow = tokio::spawn(register_parcels(nodes[0].http(), stop.clone()));
	tokio::time::sleep(Duration::from_secs(3)).await;
	let finalized_before = nodes[0].finalized_number().await;
	let finalized_hash_before = block_hash(&nodes[0], finalized_before).await;

	// The motion: enact `set_code` (which checks the new code's name and version), 3 of 4.
	let proposal = RuntimeCall::Departments(pallet_departments::Call::enact {
		call: Box::new(RuntimeCall::System(frame_system::Call::set_code { code: code.to_vec() })),
	});
	let length_bound = proposal.encoded_size() as u32;
	let weight_bound = proposal.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&proposal);
	let index: u32 = storage(&http, &storage_prefix("Council", "ProposalCount")).await.unwrap_or(0);
	let proposed = Instant::now();
	let propose = pallet_collective::Call::propose {
		threshold: 3,
		proposal: Box::new(proposal),
		length_bound,
	};
	send(&http, Alice, RuntimeCall::Council(propose)).await;
	let voting = [storage_prefix("Council", "Voting"), hash.as_bytes().to_vec()].concat();
	wait_until("the motion is open", Duration::from_secs(60), async || {
		ayes(&http, &voting).await.is_some()
	})
	.await;
	for head in [Alice, Bob, Charlie] {
		let vote = pallet_collective::Call::vote { proposal: hash, index, approve: true };
		send(&http, head, RuntimeCall::Council(vote)).await;
	}
	wait_until("three heads voted aye", Duration::from_secs(60), async || {
		ayes(&http, &voting).await == Some(3)
	})
	.await;
	let close = pallet_collective::Call::close {
		proposal_hash: hash,
		index,
		proposal_weight_bound: weight_bound,
		length_bound,
	};
	send(&http, Alice, RuntimeCall::Council(close)).await;
	let closed = Instant::now();

	// The new version goes live on every node.
	for node in nodes {
		wait_until("the new version is live", Duration::from_secs(90), async || {
			spec_version(&node.http()).await == before + 1
		})
		.await;
	}
	let live = closed.elapsed();
	// The version changes with the block that sets the code; the migration runs in the next,
	// the first block the new code executes.
	let mut record = None;
	wait_until("the rehearsal migration ran", Duration::from_secs(60), async || {
		record = storage::<RehearsalRecord>(&http, REHEARSAL_KEY).await;
		record.is_some()
	})
	.await;
	let record = record.expect("the record was read");
	let upgraded_at = u64::from(record.block);
	println!(
		"live upgrade: motion of {} KiB proposed, voted 3 of 4 and closed in {:.1} s; spec \
		 {before} -> {} live on all four nodes {:.1} s after the close (migration in block \
		 #{upgraded_at})",
		length_bound / 1024,
		closed.duration_since(proposed).as_secs_f64(),
		before + 1,
		live.as_secs_f64(),
	);

	// Finality goes on past the upgrade on every node; the migration ran once, under the new
	// version, and every pallet's invariants held after it.
	for node in nodes {
		wait_until("finality past the upgrade", Duration::from_secs(90), async || {
			node.finalized_number().await >= upgraded_at + 5
		})
		.await;
		let finalized: H256 =
			node.http().request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
		let at: RehearsalRecord = storage_at(&node.http(), REHEARSAL_KEY, Some(finalized))
			.await
			.expect("the record is on every node");
		assert_eq!(at, record, "one migration run, the same on every node");
	}
	assert_eq!(record.runs, 1, "the migration ran exactly once");
	assert_eq!(record.spec_version, before + 1);
	assert_eq!(record.broken_invariants, 0, "every pallet's invariants hold after the upgrade");

	// Nothing lost: the blocks finalized before the motion are unchanged on every node, and
	// every registration (the last signing of each nonce) is finalized.
	stop.store(true, Ordering::Relaxed);
	let flow = flow.await.expect("the flow ran");
	let mut finalized_txs = BTreeSet::new();
	let t = wait_until("every registration is finalized", Duration::from_secs(90), async || {
		let upto = nodes[0].finalized_number().await;
		let (txs, _) = extrinsics(&nodes[0], upto).await;
		finalized_txs = txs.iter().map(|x| BlakeTwo256::hash(&unhex(x))).collect();
		flow.last.values().all(|h| finalized_txs.contains(h))
	})
	.await;
	for node in nodes {
		assert_eq!(block_hash(node, finalized_before).await, finalized_hash_before);
	}
	println!(
		"nothing lost: all {} registrations sent across the upgrade are finalized ({:.1} s after \
		 the last was sent; {} signed again for the new version after the upgrade dropped them \
		 from the pool); block #{finalized_before}, finalized before the motion, is unchanged \
		 on all four nodes",
		flow.last.len(),
		t.as_secs_f64(),
		flow.resigned,
	);
	assert!(flow.last.len() >= 10, "registrations flowed during the upgrade");
}

/// What the record keeper sent: the hash of the last signing of each nonce, and how many
/// nonces were signed again.
struct Flow {
	last: BTreeMap<u32, H256>,
	resigned: usize,
}

/// Register parcels as Eve (a Land record keeper) every half second until `stop`, as a wallet
/// does: each with the next nonce the node reports (which falls back when the pool drops a
/// transaction) and signed for the version the node runs then.
async fn register_parcels(http: HttpClient, stop: Arc<AtomicBool>) -> Flow {
	let mut flow = Flow { last: BTreeMap::new(), resigned: 0 };
	while !stop.load(Ordering::Relaxed) {
		let nonce = next_nonce(&http, Eve).await;
		// ULPINs from the nonce: unique across this network's scenarios, and the same when a
		// dropped registration is signed again.
		match submit_signed(&http, Eve, nonce, parcel_registration(nonce + 1_000_000)).await {
			Ok(hash) => {
				if flow.last.insert(nonce, hash).is_some() {
					flow.resigned += 1;
				}
			},
			Err(e) => println!("registration {nonce} refused for now, sent again: {e}"),
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	flow
}

/// Sign and submit `call` as `who`; the node must accept it.
async fn send(http: &HttpClient, who: Sr25519Keyring, call: RuntimeCall) {
	let nonce = next_nonce(http, who).await;
	submit_signed(http, who, nonce, call).await.expect("the node accepts the council transaction");
}

async fn next_nonce(http: &HttpClient, who: Sr25519Keyring) -> u32 {
	http.request("system_accountNextIndex", rpc_params![who.to_account_id().to_string()])
		.await
		.expect("next nonce")
}

/// The number of ayes on the open motion whose `Voting` key is `key`, if it is open.
async fn ayes(http: &HttpClient, key: &[u8]) -> Option<usize> {
	// `pallet_collective::Votes`: index, threshold, ayes, nays, end.
	let votes: (u32, u32, Vec<AccountId>, Vec<AccountId>, u32) = storage(http, key).await?;
	Some(votes.2.len())
}

async fn storage<T: Decode>(http: &HttpClient, key: &[u8]) -> Option<T> {
	storage_at(http, key, None).await
}

async fn storage_at<T: Decode>(http: &HttpClient, key: &[u8], at: Option<H256>) -> Option<T> {
	let value: Option<String> = http
		.request("state_getStorage", rpc_params![clearance_e2e::hex(key), at])
		.await
		.expect("state_getStorage");
	value.map(|v| T::decode(&mut &unhex(&v)[..]).expect("the value decodes"))
}

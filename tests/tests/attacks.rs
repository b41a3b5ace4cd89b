//! The attacks of the transaction-path review, performed on a dev node with an ordinary client
//! (signed extrinsics over `author_submitExtrinsic`, `state_call`): each is refused with its
//! named error and changes nothing. One node serves every scenario, in order.
//!
//! Then a flood: an enterprise's owner and eight agents keep the pool full while an officer
//! submits ten decisions; the test reports how many blocks each decision waited and checks
//! that none waited more than two.

use clearance_e2e::{
	hex, refusal_code, signing_anchor, skip_live, storage_prefix, submit_signed, Node,
};
use clearance_runtime::{
	extensions::codes, signing, Address, RuntimeCall, Signature, SignedPayload, UncheckedExtrinsic,
	VERSION,
};
use codec::{Compact, CompactLen, Decode, Encode};
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use sp_core::{Pair, H256};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::generic::Era;
use sp_runtime::transaction_validity::{
	InvalidTransaction, TransactionSource, TransactionValidity,
};
use std::time::{Duration, Instant};

async fn nonce(http: &HttpClient, who: Sr25519Keyring) -> u32 {
	http.request("system_accountNextIndex", rpc_params![who.to_account_id().to_string()])
		.await
		.expect("next index")
}

/// Submit and wait until the transaction is in a block (best chain), polling new blocks.
async fn submit_and_include(http: &HttpClient, who: Sr25519Keyring, call: RuntimeCall) -> H256 {
	let n = nonce(http, who).await;
	let hash = submit_signed(http, who, n, call).await.expect("accepted by the pool");
	wait_included(http, &[hash], Duration::from_secs(60)).await;
	hash
}

/// Block number at which each of `hashes` was included (waits up to `timeout`).
async fn wait_included(http: &HttpClient, hashes: &[H256], timeout: Duration) -> Vec<u32> {
	let start = Instant::now();
	let mut found: Vec<Option<u32>> = vec![None; hashes.len()];
	let mut seen = 0u32;
	while found.iter().any(Option::is_none) {
		assert!(start.elapsed() < timeout, "transactions not included within {timeout:?}");
		let head: serde_json::Value = http.request("chain_getHeader", rpc_params![]).await.unwrap();
		let best =
			u32::from_str_radix(head["number"].as_str().unwrap().trim_start_matches("0x"), 16)
				.unwrap();
		while seen < best {
			seen += 1;
			let hash: H256 = http.request("chain_getBlockHash", rpc_params![seen]).await.unwrap();
			let block: serde_json::Value =
				http.request("chain_getBlock", rpc_params![hash]).await.unwrap();
			for xt in block["block"]["extrinsics"].as_array().unwrap() {
				let bytes = clearance_e2e::unhex(xt.as_str().unwrap());
				let xt_hash = H256(sp_io::hashing::blake2_256(&bytes));
				if let Some(i) = hashes.iter().position(|h| *h == xt_hash) {
					found[i].get_or_insert(seen);
				}
			}
		}
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	found.into_iter().map(Option::unwrap).collect()
}

/// `call` signed by `who` as an immortal transaction (what the runtime no longer accepts).
fn immortal(who: Sr25519Keyring, nonce: u32, call: RuntimeCall, genesis: H256) -> Vec<u8> {
	let extension = signing::extension(nonce, Era::Immortal);
	let implicit =
		((), VERSION.spec_version, VERSION.transaction_version, genesis, genesis, (), ());
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|b| who.pair().sign(b));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(who.to_account_id()),
		Signature::Sr25519(signature),
		extension,
	)
	.encode()
}

/// A signed transaction whose call bytes are replaced by `raw_call` (e.g. one whose arguments
/// exceed their bounds, which no typed client can even build).
fn with_raw_call(tx: &UncheckedExtrinsic, raw_call: &[u8]) -> Vec<u8> {
	let encoded = tx.encode();
	let call_len = tx.function.encoded_size();
	// The encoding is Compact(length) ++ preamble ++ call; keep the preamble.
	let inner_len = <Compact<u32> as codec::Decode>::decode(&mut &encoded[..]).expect("prefix").0;
	let prefix_len = Compact::<u32>::compact_len(&inner_len);
	let body = &encoded[prefix_len..encoded.len() - call_len];
	let mut inner = body.to_vec();
	inner.extend_from_slice(raw_call);
	let mut out = Compact(inner.len() as u32).encode();
	out.extend(inner);
	out
}

fn clearances_call_index(name: &str) -> u8 {
	// The call's index in `pallet_clearances::Call`, from its own encoding.
	let call = match name {
		"respond_to_query" => {
			pallet_clearances::Call::<clearance_runtime::Runtime>::respond_to_query {
				case: 0,
				response: H256::zero(),
				documents: Default::default(),
			}
		},
		_ => unreachable!(),
	};
	call.encode()[0]
}

#[tokio::test(flavor = "multi_thread")]
async fn attacks_on_the_transaction_path_are_refused_and_change_nothing() {
	if skip_live("attacks_on_the_transaction_path_are_refused_and_change_nothing") {
		return;
	}
	let node = Node::start_dev().await;
	let http = node.http();
	node.wait_finalized(1, Duration::from_secs(120)).await;
	let (genesis, _) = signing_anchor(&http).await;

	// Set-up: an enterprise owned by `One` (registered by the Industries scrutiny officer).
	submit_and_include(
		&http,
		CharlieStash,
		RuntimeCall::Enterprises(pallet_enterprises::Call::register_enterprise {
			name: b"Flood Steel".to_vec().try_into().unwrap(),
			identity_hash: H256::repeat_byte(1),
			owner: One.to_account_id(),
		}),
	)
	.await;

	// 1. An immortal transaction.
	let n = nonce(&http, Eve).await;
	let take = RuntimeCall::Clearances(pallet_clearances::Call::take_case { case: 999 });
	let err = http
		.request::<H256, _>(
			"author_submitExtrinsic",
			rpc_params![hex(&immortal(Eve, n, take.clone(), genesis))],
		)
		.await
		.expect_err("immortal refused");
	assert_eq!(refusal_code(&err), Some(codes::IMMORTAL), "{err}");

	// 2. A 3.5 MiB remark from an applicant.
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 3_670_016] });
	let err = submit_signed(&http, One, 0, remark).await.expect_err("remark refused");
	assert_eq!(refusal_code(&err), Some(codes::CALL_NOT_ALLOWED), "{err}");

	// 3. `respond_to_query` with 100,000 document hashes: refused when decoded, before any read.
	let (genesis, anchor) = signing_anchor(&http).await;
	let small = RuntimeCall::Clearances(pallet_clearances::Call::respond_to_query {
		case: 0,
		response: H256::zero(),
		documents: Default::default(),
	});
	let tx = signing::signed_extrinsic(&One.pair(), small, 0, genesis, anchor);
	let mut raw = vec![14u8, clearances_call_index("respond_to_query")];
	raw.extend(0u32.encode());
	raw.extend(H256::zero().encode());
	raw.extend(vec![H256::repeat_byte(9); 100_000].encode());
	let started = Instant::now();
	let err = http
		.request::<H256, _>("author_submitExtrinsic", rpc_params![hex(&with_raw_call(&tx, &raw))])
		.await
		.expect_err("oversized call refused");
	// The runtime cannot even decode it (the argument exceeds its bound): the node answers
	// `1002` (verification error) and nothing is read or written.
	println!("100,000-hash respond_to_query refused in {:?}", started.elapsed());
	assert!(err.to_string().contains("1002") || err.to_string().contains("Verification"), "{err}");

	// 4. An applicant calling `approve`; 5. an officer calling an applicant's call.
	let approve = RuntimeCall::Clearances(pallet_clearances::Call::approve {
		case: 0,
		conditions: H256::zero(),
	});
	let err = submit_signed(&http, One, 0, approve).await.expect_err("approve refused");
	assert_eq!(refusal_code(&err), Some(codes::CALL_NOT_ALLOWED), "{err}");
	let withdraw =
		RuntimeCall::Clearances(pallet_clearances::Call::withdraw_application { application: 0 });
	let n = nonce(&http, Eve).await;
	let err = submit_signed(&http, Eve, n, withdraw).await.expect_err("withdraw refused");
	assert_eq!(refusal_code(&err), Some(codes::CALL_NOT_ALLOWED), "{err}");

	// 6. Replay after a revoke and a new grant: the old transaction stays stale.
	let n = nonce(&http, Eve).await;
	let (genesis, anchor) = signing_anchor(&http).await;
	let old = signing::signed_extrinsic(&Eve.pair(), take, n, genesis, anchor);
	let old_hash: H256 =
		http.request("author_submitExtrinsic", rpc_params![hex(&old.encode())]).await.unwrap();
	wait_included(&http, &[old_hash], Duration::from_secs(60)).await;
	for call in [
		pallet_departments::Call::revoke_role {
			officer: Eve.to_account_id(),
			role: pallet_departments::Role::ScrutinyOfficer,
		},
		pallet_departments::Call::grant_role {
			officer: Eve.to_account_id(),
			role: pallet_departments::Role::ScrutinyOfficer,
		},
	] {
		submit_and_include(&http, Alice, RuntimeCall::Departments(call)).await;
	}
	assert_eq!(nonce(&http, Eve).await, n + 1, "the officer's nonce survived the revoke");
	let err = http
		.request::<H256, _>("author_submitExtrinsic", rpc_params![hex(&old.encode())])
		.await
		.expect_err("replay refused");
	println!("replay refused by the pool: {err}");
	// The pool remembers recent transactions for a while; the runtime refuses the replay for
	// good (its nonce is used), which is what counts once the pool has forgotten.
	let best: H256 = http.request("chain_getBlockHash", rpc_params![]).await.unwrap();
	let args = (TransactionSource::External, old.clone(), best).encode();
	let answer: String = http
		.request(
			"state_call",
			rpc_params!["TaggedTransactionQueue_validate_transaction", hex(&args)],
		)
		.await
		.unwrap();
	let validity =
		TransactionValidity::decode(&mut &clearance_e2e::unhex(&answer)[..]).expect("validity");
	assert_eq!(validity, Err(InvalidTransaction::Stale.into()), "the runtime refuses the replay");

	// 7. The work queue asked for a million (repeated) states: one pass, a bounded answer.
	let mut args = b"LAND".to_vec().encode();
	args.extend(vec![1u8; 1_000_000].encode()); // `Submitted`, a million times
	args.extend(None::<(u32, u32)>.encode());
	args.extend(100u32.encode());
	let started = Instant::now();
	let answer: Result<String, _> =
		http.request("state_call", rpc_params!["ClearanceApi_work_queue", hex(&args)]).await;
	let took = started.elapsed();
	println!("state_call of the work queue with 1,000,000 states answered in {took:?}");
	answer.expect("the runtime answers");
	let health: serde_json::Value = http.request("system_health", rpc_params![]).await.unwrap();
	println!("node still responsive: {health}");

	// Nothing was recorded by any refused attack: `One` never transacted.
	let key = [
		storage_prefix("System", "Account"),
		sp_io::hashing::blake2_128(&One.to_account_id().encode()).to_vec(),
		One.to_account_id().encode(),
	]
	.concat();
	let account: Option<String> =
		http.request("state_getStorage", rpc_params![hex(&key)]).await.unwrap();
	assert!(account.is_some(), "the owner exists");
	assert_eq!(nonce(&http, One).await, 0, "no attack of the applicant was included");

	flood(&http).await;
	node.stop().await;
}

/// One enterprise floods the pool through its owner and eight agents (64 pending each) with
/// calls that fail at dispatch; an officer submits ten decisions meanwhile.
async fn flood(http: &HttpClient) {
	// Agents hold no position: fresh derived accounts, not the development officers.
	let agents: Vec<sp_core::sr25519::Pair> = (0..8)
		.map(|i| sp_core::sr25519::Pair::from_string(&format!("//FloodAgent{i}"), None).unwrap())
		.collect();
	for agent in &agents {
		submit_and_include(
			http,
			One,
			RuntimeCall::Enterprises(pallet_enterprises::Call::add_agent {
				agent: agent.public().into(),
			}),
		)
		.await;
	}
	let (genesis, anchor) = signing_anchor(http).await;
	let junk =
		RuntimeCall::Clearances(pallet_clearances::Call::withdraw_application { application: 999 });
	let mut sent = 0;
	let owner = One.pair();
	let owner_nonce = nonce(http, One).await;
	for (signer, first) in
		std::iter::once((&owner, owner_nonce)).chain(agents.iter().map(|a| (a, 0)))
	{
		for k in 0..64 {
			let tx = signing::signed_extrinsic(signer, junk.clone(), first + k, genesis, anchor);
			if http
				.request::<H256, _>("author_submitExtrinsic", rpc_params![hex(&tx.encode())])
				.await
				.is_ok()
			{
				sent += 1;
			}
		}
	}
	println!("flood: {sent} applicant transactions in the pool");

	let mut officer = Vec::new();
	let mut submitted_at = Vec::new();
	let first = nonce(http, Eve).await;
	for k in 0..10u32 {
		let head: serde_json::Value = http.request("chain_getHeader", rpc_params![]).await.unwrap();
		let best =
			u32::from_str_radix(head["number"].as_str().unwrap().trim_start_matches("0x"), 16)
				.unwrap();
		let call = RuntimeCall::Clearances(pallet_clearances::Call::take_case { case: 900 + k });
		let (genesis, anchor) = signing_anchor(http).await;
		let tx = signing::signed_extrinsic(&Eve.pair(), call, first + k, genesis, anchor);
		let hash: H256 =
			http.request("author_submitExtrinsic", rpc_params![hex(&tx.encode())]).await.unwrap();
		officer.push(hash);
		submitted_at.push(best);
		tokio::time::sleep(Duration::from_millis(700)).await;
	}
	let included = wait_included(http, &officer, Duration::from_secs(120)).await;
	let waits: Vec<u32> =
		included.iter().zip(&submitted_at).map(|(i, s)| i.saturating_sub(*s)).collect();
	println!("flood: the officer's decisions waited {waits:?} blocks (best block at submission to inclusion)");
	assert!(
		waits.iter().all(|w| *w <= 2),
		"an officer's decision waited more than 2 blocks: {waits:?}"
	);
}

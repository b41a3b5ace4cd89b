//! On a running `clearance-node --dev`, an enterprise registered by the Industries officer
//! applies for the dev catalogue's one-minute `DEMO_QUICK_NOC`; nobody acts, and the runtime
//! itself deems the clearance approved when the time limit passes and issues the certificate.

use clearance_e2e::{hex, skip_live, storage_prefix, submit_signed, unhex, Node};
use clearance_runtime::{Runtime, RuntimeCall};
use codec::{Decode, Encode};
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use pallet_clearances::{CaseOf, CaseState, Certificate, InvestmentClass, Project};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use std::time::{Duration, Instant};

const PARCEL: [u8; 14] = *b"WB19KOL0001234";

/// Sign (mortal, anchored at the finalized block) and submit.
async fn submit(http: &HttpClient, who: Sr25519Keyring, nonce: u32, call: RuntimeCall) {
	submit_signed(http, who, nonce, call)
		.await
		.unwrap_or_else(|e| panic!("{who:?}'s transaction is accepted: {e:?}"));
}

/// `who`'s nonce in the state of the best block (not counting the pool, unlike
/// `system_accountNextIndex`).
async fn nonce(http: &HttpClient, who: Sr25519Keyring) -> u32 {
	let account = who.to_account_id().encode();
	let key = [
		storage_prefix("System", "Account"),
		sp_io::hashing::blake2_128(&account).to_vec(),
		account,
	]
	.concat();
	let value: Option<String> =
		http.request("state_getStorage", rpc_params![hex(&key)]).await.unwrap();
	// `AccountInfo` starts with the nonce.
	value.map(|v| u32::decode(&mut &unhex(&v)[..]).expect("nonce")).unwrap_or(0)
}

/// Wait until `who`'s transaction with `n - 1` is included.
async fn included(http: &HttpClient, who: Sr25519Keyring, n: u32) {
	let start = Instant::now();
	loop {
		if nonce(http, who).await >= n {
			break;
		}
		assert!(start.elapsed() < Duration::from_secs(60), "{who:?}'s transaction not included");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// A `Clearances` map value with a `Twox64Concat` u32 key.
async fn read<T: Decode>(http: &HttpClient, item: &str, id: u32) -> Option<T> {
	let key = [
		storage_prefix("Clearances", item),
		sp_io::hashing::twox_64(&id.encode()).to_vec(),
		id.encode(),
	]
	.concat();
	let value: Option<String> =
		http.request("state_getStorage", rpc_params![hex(&key)]).await.unwrap();
	value.map(|v| T::decode(&mut &unhex(&v)[..]).expect("decodes"))
}

#[tokio::test(flavor = "multi_thread")]
async fn silence_past_the_time_limit_is_deemed_approval_on_a_running_chain() {
	if skip_live("silence_past_the_time_limit_is_deemed_approval_on_a_running_chain") {
		return;
	}
	let node = Node::start_dev().await;
	let http = node.http();

	// The single-window officer registers the enterprise; the Land head registers the parcel.
	let register = RuntimeCall::Enterprises(pallet_enterprises::Call::register_enterprise {
		name: b"Acme Steel Pvt Ltd".to_vec().try_into().unwrap(),
		identity_hash: H256::repeat_byte(1),
		owner: One.to_account_id(),
	});
	submit(&http, CharlieStash, 0, register).await;
	// The parcel's holder must exist first: the pool does not keep two signers' transactions in
	// the order they were sent.
	included(&http, CharlieStash, 1).await;
	let parcel = RuntimeCall::LandParcels(pallet_land_parcels::Call::register_parcel {
		parcel: PARCEL,
		district: b"Kolkata".to_vec().try_into().unwrap(),
		village: b"Rajarhat".to_vec().try_into().unwrap(),
		plot: b"12/3".to_vec().try_into().unwrap(),
		area_sqm: 10_000,
		land_use: clearance_primitives::LandUse::Industrial,
		holder: pallet_land_parcels::Holder::Enterprise(0),
	});
	submit(&http, Alice, 0, parcel).await;
	included(&http, Alice, 1).await;
	let one = One.to_account_id().encode();
	let member =
		[storage_prefix("Enterprises", "Members"), sp_io::hashing::blake2_128(&one).to_vec(), one]
			.concat();
	let member: Option<String> =
		http.request("state_getStorage", rpc_params![hex(&member)]).await.unwrap();
	assert!(member.is_some(), "the enterprise is registered, with One as its owner");

	// The new owner may now transact, without any balance, and applies.
	let apply = RuntimeCall::Clearances(pallet_clearances::Call::submit_application {
		project: Project {
			name: b"Rajarhat Steel Works".to_vec().try_into().unwrap(),
			sector: b"Steel".to_vec().try_into().unwrap(),
			investment: InvestmentClass::Small,
		},
		parcels: vec![PARCEL].try_into().unwrap(),
		types: vec![b"DEMO_QUICK_NOC".to_vec().try_into().unwrap()].try_into().unwrap(),
		documents: Default::default(),
	});
	submit(&http, One, 0, apply).await;
	included(&http, One, 1).await;
	let Some(case) = read::<CaseOf<Runtime>>(&http, "Cases", 0).await else {
		let events: Option<String> = http
			.request("state_getStorage", rpc_params![hex(&storage_prefix("System", "Events"))])
			.await
			.unwrap();
		let events = events.map(|e| {
			Vec::<frame_system::EventRecord<clearance_runtime::RuntimeEvent, H256>>::decode(
				&mut &unhex(&e)[..],
			)
		});
		panic!("the case did not open; events of the best block: {events:#?}");
	};
	assert_eq!(case.state, CaseState::Submitted);
	// The dev calendar's first holiday is days away: the limit ends `remaining` blocks on.
	let due = case.clock.running_since.expect("the clock runs") + case.clock.remaining;

	// Nobody acts: at the due block the runtime deems it approved and issues the certificate.
	let start = Instant::now();
	let case = loop {
		let case: CaseOf<Runtime> = read(&http, "Cases", 0).await.unwrap();
		if case.state != CaseState::Submitted {
			break case;
		}
		assert!(start.elapsed() < Duration::from_secs(150), "no decision by block {due}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	};
	println!(
		"deemed approval {:?} after the application was included (due block {due})",
		start.elapsed()
	);
	assert_eq!(case.state, CaseState::DeemedApproved);
	let decision = case.decision.expect("decided");
	assert_eq!((decision.by, decision.in_time), (None, false));
	let number = decision.certificate.expect("a certificate");
	let cert: Certificate = read(&http, "Certificates", number).await.expect("issued");
	assert_eq!((cert.enterprise, cert.case, cert.parcels.to_vec()), (0, 0, vec![PARCEL]));
	assert!(cert.expires_at.is_some());

	let status = node.stop().await;
	assert!(status.success(), "clean shutdown: {status:?}");
}

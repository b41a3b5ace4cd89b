//! The workloads: the floor (pre-signed document anchors), the clearance mix, and the growth of the
//! chain with query latency measured at each size.

use crate::{
	actors::Actors,
	report::{percentile, summarise, Phase},
	submitter::{Chain, Outcome, Watchdog},
};
use clearance_e2e::{hex, storage_prefix, unhex};
use clearance_runtime::{RuntimeCall, RuntimeEvent};
use codec::Decode;
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use serde_json::Value;
use sp_core::H256;
use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

/// Most transactions in flight in the clearance mix, below
/// [`crate::submitter::MAX_OUTSTANDING`]: the mix's dependent steps are sent without waiting,
/// and a transaction dropped from a full pool is banned for 30 minutes, which would strand its
/// signer's later transactions.
const MIX_OUTSTANDING: usize = 5_000;

/// The floor: the cheapest transaction the pool admits, an enterprise owner anchoring a
/// document (one read of the enterprise, one new document record and its trail entry),
/// pre-signed by all owners in turn. (`System::remark`, the floor before the transaction gate,
/// is refused by the pool: no role may sign it.)
pub async fn floor(chain: &Chain, actors: &mut Actors, n: usize) -> Phase {
	let owners = actors.owners.len();
	let birth = chain.birth();
	let txs: Vec<_> = (0..n)
		.map(|i| {
			let call = RuntimeCall::Clearances(pallet_clearances::Call::anchor_document {
				sha256: H256(sp_io::hashing::blake2_256(format!("floor {i}").as_bytes())),
				kind: b"SITE_PHOTO".to_vec().try_into().expect("short kind"),
				size: 1 << 10,
				uri: None,
			});
			actors.owners[i % owners].sign(call, birth)
		})
		.collect();
	let hashes: Vec<H256> = txs.iter().map(|t| t.1).collect();
	let start = Instant::now();
	chain.send_all(txs, "floor").await;
	chain.wait_included(&hashes, Duration::from_secs(600), "floor").await;
	chain.wait_finalized(&hashes, Duration::from_secs(120), "floor").await;
	chain.tracker.lock().unwrap().fresh.clear();
	let phase = summarise(chain, "document anchors (floor)", &hashes, start);
	if phase.ok < n {
		actors.resync_owners(&chain.http).await;
	}
	phase
}

/// The clearance mix: each application goes submit -> take -> query -> respond -> approve,
/// every step signed as soon as the previous one is seen in a block; each approval is followed
/// by a certificate verification over RPC.
///
/// Submissions are released while fewer than [`MIX_OUTSTANDING`] transactions are in flight, and
/// each is signed when it is released. An owner signs its submissions and its responses to
/// queries from one nonce sequence, so signing every submission up front would give each
/// response a nonce behind the owner's unsent submissions: the response would wait in the pool's
/// future queue (512 places), be dropped when it overflows, and leave a nonce gap that strands
/// the owner's later transactions.
pub async fn mix(chain: &Chain, actors: &mut Actors, apps: usize) -> (Phase, usize, f64) {
	// Parcels first (not measured).
	let (txs, parcels) = actors.parcels(apps, chain.birth());
	// At most 60 a clerk at a time: the runtime refuses a signer's 65th pending one.
	for chunk in txs.chunks(actors.clerks.len() * 60) {
		chain.run_batch(chunk.to_vec(), "parcels").await;
	}
	let mut unreleased = parcels.into_iter();
	let mut hashes: Vec<H256> = Vec::with_capacity(apps * 5);
	// What each transaction is: (stage, case, enterprise).
	let mut stage_of: HashMap<H256, (u8, u32, u32)> = HashMap::new();
	let start = Instant::now();
	let n_off = actors.officers.len();
	let mut approved = 0usize;
	let mut verified = 0usize;
	let mut verify_time = 0f64;
	let mut remaining = apps;
	let deadline = Instant::now() + Duration::from_secs(900);
	let mut report = Instant::now();
	let mut watchdog = Watchdog::new("mix");
	while remaining > 0 && Instant::now() < deadline {
		if report.elapsed() > Duration::from_secs(30) {
			report = Instant::now();
			let t = chain.tracker.lock().unwrap();
			eprintln!(
				"  mix: {:.0} s, {} sent, {} in flight, {approved} approved, {} refused",
				start.elapsed().as_secs_f64(),
				hashes.len(),
				t.outstanding,
				t.refused
			);
		}
		let fresh: Vec<(H256, Outcome)> = {
			let mut t = chain.tracker.lock().unwrap();
			let f: Vec<H256> = t.fresh.drain(..).collect();
			f.into_iter().map(|h| (h, t.txs[&h].clone())).collect()
		};
		// Everything signed in this round is mortal from the latest anchor.
		let birth = chain.birth();
		// Release submissions while there is room in flight.
		while chain.tracker.lock().unwrap().outstanding < MIX_OUTSTANDING {
			let Some((parcel, enterprise)) = unreleased.next() else { break };
			let tx = actors.apply(enterprise, parcel, &["TRADE_LICENCE"], birth);
			stage_of.insert(tx.1, (0, 0, enterprise));
			hashes.push(tx.1);
			chain.send(tx);
		}
		if fresh.is_empty() {
			tokio::time::sleep(Duration::from_millis(50)).await;
			watchdog.check(chain).await;
			continue;
		}
		for (h, o) in fresh {
			let Some((stage, case, enterprise)) = stage_of.get(&h).copied() else { continue };
			if !o.ok {
				remaining -= 1;
				continue;
			}
			let case = if stage == 0 {
				o.events
					.iter()
					.find_map(|e| match e {
						RuntimeEvent::Clearances(pallet_clearances::Event::CaseOpened {
							case,
							..
						}) => Some(*case),
						_ => None,
					})
					.expect("a case opened")
			} else {
				case
			};
			let officer = case as usize % n_off;
			use pallet_clearances::Call as C;
			let next = match stage {
				0 => Some(
					actors.officers[officer]
						.sign(RuntimeCall::Clearances(C::take_case { case }), birth),
				),
				1 => Some(actors.officers[officer].sign(
					RuntimeCall::Clearances(C::raise_query { case, query: H256::repeat_byte(1) }),
					birth,
				)),
				2 => {
					let owner = actors.owner(enterprise);
					Some(actors.owners[owner].sign(
						RuntimeCall::Clearances(C::respond_to_query {
							case,
							response: H256::repeat_byte(2),
							documents: Default::default(),
						}),
						birth,
					))
				},
				3 => Some(actors.officers[(officer + 1) % n_off].sign(
					RuntimeCall::Clearances(C::approve { case, conditions: H256::repeat_byte(3) }),
					birth,
				)),
				_ => {
					approved += 1;
					remaining -= 1;
					let cert = o.events.iter().find_map(|e| match e {
						RuntimeEvent::Clearances(pallet_clearances::Event::CaseApproved {
							certificate,
							..
						}) => Some(*certificate),
						_ => None,
					});
					if let Some(cert) = cert {
						let t = Instant::now();
						let v: Result<Value, _> =
							chain.http.request("clearance_certificate", rpc_params![cert]).await;
						verify_time += t.elapsed().as_secs_f64();
						if v.is_ok_and(|v| v["status"] == "Valid") {
							verified += 1;
						}
					}
					None
				},
			};
			if let Some(tx) = next {
				stage_of.insert(tx.1, (stage + 1, case, enterprise));
				hashes.push(tx.1);
				chain.send(tx);
			}
		}
	}
	chain.wait_finalized(&hashes, Duration::from_secs(120), "mix").await;
	let phase = summarise(chain, "clearance mix", &hashes, start);
	eprintln!("mix: {approved} applications approved, {verified} certificates verified");
	(phase, verified, verify_time / verified.max(1) as f64)
}

// ---------------------------------------------------------------------------------------------
// Query latency at growing sizes

pub async fn grow_to(chain: &Chain, actors: &mut Actors, target: usize, have: &mut usize) {
	let t0 = Instant::now();
	let start = *have;
	while *have < target {
		let batch = (target - *have).min(4000);
		// One parcel per two applications: a licence and a land-use conversion.
		let (txs, parcels) = actors.parcels(batch.div_ceil(2), chain.birth());
		chain.run_batch(txs, "parcels").await;
		let mut apps = Vec::new();
		let birth = chain.birth();
		for (i, (p, e)) in parcels.iter().enumerate() {
			apps.push(actors.apply(*e, *p, &["TRADE_LICENCE"], birth));
			if apps.len() < batch && i * 2 + 1 < batch {
				apps.push(actors.apply(*e, *p, &["LAND_USE_CONVERSION"], birth));
			}
		}
		let n = apps.len();
		chain.run_batch(apps, "applications").await;
		*have += n;
		eprintln!(
			"  {} applications ({:.0} applications/s with their parcels)",
			*have,
			(*have - start) as f64 / t0.elapsed().as_secs_f64()
		);
	}
}

async fn latency(
	http: &HttpClient,
	method: &str,
	params: impl Fn(usize) -> Vec<Value>,
	n: usize,
) -> (f64, f64) {
	let mut ms = Vec::with_capacity(n);
	for i in 0..n {
		let mut p = jsonrpsee::core::params::ArrayParams::new();
		for v in params(i) {
			p.insert(v).unwrap();
		}
		let t = Instant::now();
		let r: Result<Value, _> = http.request(method, p).await;
		ms.push(t.elapsed().as_secs_f64() * 1000.0);
		r.unwrap_or_else(|e| panic!("{method}: {e}"));
	}
	ms.sort_by(f64::total_cmp);
	(percentile(&ms, 0.5), percentile(&ms, 0.99))
}

pub async fn measure_queries(
	chain: &Chain,
	apps: usize,
	samples: usize,
) -> Vec<(String, f64, f64)> {
	let http = &chain.http;
	let mut rng = 0x2545F4914F6CDD1Du64;
	let mut next = move || {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		rng
	};
	let ids: Vec<usize> = (0..samples).map(|_| (next() % apps as u64) as usize).collect();
	let certs: u64 = {
		let v: Option<String> = http
			.request(
				"state_getStorage",
				rpc_params![hex(&storage_prefix("Clearances", "NextCertificateId"))],
			)
			.await
			.unwrap();
		v.map(|v| u32::decode(&mut &unhex(&v)[..]).unwrap() as u64).unwrap_or(0)
	};
	let mut out = Vec::new();
	let (a, b) =
		latency(http, "clearance_application", |i| vec![Value::from(ids[i])], samples).await;
	out.push(("clearance_application".to_string(), a, b));
	let (a, b) = latency(
		http,
		"clearance_workQueue",
		|_| vec![Value::from("IND"), Value::from("Submitted"), Value::Null, Value::from(20)],
		samples,
	)
	.await;
	out.push(("clearance_workQueue (first page of 20)".to_string(), a, b));
	if certs > 0 {
		let c: Vec<u64> = (0..samples).map(|_| next() % certs).collect();
		let (a, b) =
			latency(http, "clearance_certificate", |i| vec![Value::from(c[i])], samples).await;
		out.push(("clearance_certificate".to_string(), a, b));
	}
	out
}

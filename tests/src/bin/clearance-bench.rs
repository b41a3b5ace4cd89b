//! # clearance-bench
//!
//! Load generator and benchmark of the clearance registry on a fresh `clearance-node --dev`
//! that it starts on loopback ports (or an existing node with `--url`).
//!
//! - `throughput`: the chain's floor (pre-signed `System::remark`s from registered accounts)
//!   and a realistic clearance mix (submit, take, query, respond, approve, plus certificate
//!   verifications), measured in the same run. The last line is
//!   `clearance actions/s: X; remarks/s: Y; ratio: Z`.
//! - `queries`: grows the chain to each `--sizes` checkpoint of applications, generated
//!   through the runtime (signed transactions, as officers and enterprises would send them),
//!   and measures the latency of the `clearance_*` queries over HTTP at each checkpoint.
//!
//! The floor's transactions are signed before the measurement starts; in the mix, each step is
//! signed when the previous one is in a block (it needs the case number). Transactions are
//! submitted in parallel over several WebSocket connections, and counted as done only when their
//! `ExtrinsicSuccess` event is seen in a block (best, then finalized).

use clearance_e2e::{hex, storage_prefix, unhex, Node};
use clearance_primitives::{LandUse, Role, Ulpin};
use clearance_runtime::{
	extensions, AccountId, Address, RuntimeCall, RuntimeEvent, Signature, SignedPayload,
	UncheckedExtrinsic, VERSION,
};
use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	http_client::HttpClient,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use pallet_clearances::{InvestmentClass, Project};
use serde_json::Value;
use sp_core::{sr25519, Pair, H256};
use std::{
	collections::{HashMap, VecDeque},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use tokio::sync::mpsc;

type Events = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;

/// A signed transaction and its hash.
type Signed = (Vec<u8>, H256);

/// Most transactions in flight (sent, not yet finalized) in the floor: the fork-aware pool keeps
/// transactions until finalization, and holds at most 8,192 ready and 512 future ones.
const MAX_OUTSTANDING: usize = 7_500;

/// Most transactions in flight in the clearance mix, below [`MAX_OUTSTANDING`]: the mix's
/// dependent steps are sent without waiting, and a transaction dropped from a full pool is
/// banned for 30 minutes, which would strand its signer's later transactions.
const MIX_OUTSTANDING: usize = 5_000;

// ---------------------------------------------------------------------------------------------
// Accounts and signing

/// A signing account with its next nonce.
struct Signer {
	pair: sr25519::Pair,
	id: AccountId,
	nonce: u32,
}

impl Signer {
	fn new(uri: &str) -> Self {
		let pair = sr25519::Pair::from_string(uri, None).expect("valid dev URI");
		Self { id: pair.public().into(), pair, nonce: 0 }
	}

	/// Sign `call` with the next nonce: the encoded transaction and its hash.
	fn sign(&mut self, call: RuntimeCall, genesis: H256) -> Signed {
		let extension = extensions::immortal(self.nonce);
		self.nonce += 1;
		let implicit =
			((), VERSION.spec_version, VERSION.transaction_version, genesis, genesis, (), ());
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|b| self.pair.sign(b));
		let tx = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(self.id.clone()),
			Signature::Sr25519(signature),
			extension,
		);
		let bytes = tx.encode();
		let hash = H256(sp_io::hashing::blake2_256(&bytes));
		(bytes, hash)
	}
}

// ---------------------------------------------------------------------------------------------
// The chain: submission and inclusion tracking

/// What happened to a transaction.
#[derive(Clone, Debug)]
struct Outcome {
	sent: Instant,
	included: Option<Instant>,
	finalized: Option<Instant>,
	block: u64,
	ok: bool,
	events: Vec<RuntimeEvent>,
}

#[derive(Default)]
struct Tracker {
	txs: HashMap<H256, Outcome>,
	/// Blocks seen: number -> (hash, time seen, successful transactions counted, weight ref time).
	blocks: HashMap<u64, (H256, Instant, usize, u64)>,
	/// Blocks whose transactions are all marked finalized.
	finalized_upto: u64,
	/// Included transactions not yet taken by the driver.
	fresh: VecDeque<H256>,
	refused: usize,
	/// Sent and not yet finalized (or refused).
	outstanding: usize,
}

struct Chain {
	http: HttpClient,
	genesis: H256,
	tracker: Arc<Mutex<Tracker>>,
	submit_tx: mpsc::UnboundedSender<Signed>,
}

impl Chain {
	async fn connect(url: &str, http: HttpClient) -> Chain {
		let mut ws = Vec::new();
		for _ in 0..4 {
			let c = WsClientBuilder::default()
				.max_concurrent_requests(4096)
				.request_timeout(Duration::from_secs(120))
				.build(url)
				.await
				.expect("WebSocket connection");
			ws.push(Arc::new(c));
		}
		let genesis: H256 =
			http.request("chain_getBlockHash", rpc_params![0u32]).await.expect("genesis hash");
		let tracker = Arc::new(Mutex::new(Tracker::default()));
		let (submit_tx, submit_rx) = mpsc::unbounded_channel();
		tokio::spawn(Self::submitter(ws.clone(), submit_rx, tracker.clone(), submit_tx.clone()));
		tokio::spawn(Self::follow(ws[0].clone(), tracker.clone()));
		Chain { http, genesis, tracker, submit_tx }
	}

	/// Send transactions, up to 256 in flight per connection; pool-full refusals are retried.
	async fn submitter(
		ws: Vec<Arc<WsClient>>,
		mut rx: mpsc::UnboundedReceiver<Signed>,
		tracker: Arc<Mutex<Tracker>>,
		retry: mpsc::UnboundedSender<Signed>,
	) {
		let permits = Arc::new(tokio::sync::Semaphore::new(256 * ws.len()));
		let mut i = 0usize;
		while let Some((bytes, hash)) = rx.recv().await {
			let client = ws[i % ws.len()].clone();
			i += 1;
			let permit = permits.clone().acquire_owned().await.unwrap();
			let tracker = tracker.clone();
			let retry = retry.clone();
			tokio::spawn(async move {
				let r: Result<H256, _> =
					client.request("author_submitExtrinsic", rpc_params![hex(&bytes)]).await;
				drop(permit);
				if let Err(e) = r {
					let msg = e.to_string();
					// Per-signer bound (custom 2), a full pool, or a future nonce not yet ready.
					if msg.contains("Custom error: 2")
						|| msg.contains("1014")
						|| msg.contains("1016")
						|| msg.contains("limit")
					{
						static RETRIES: std::sync::atomic::AtomicUsize =
							std::sync::atomic::AtomicUsize::new(0);
						if RETRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 3 {
							eprintln!("retrying: {msg}");
						}
						tokio::time::sleep(Duration::from_millis(500)).await;
						let _ = retry.send((bytes, hash));
					} else {
						let mut t = tracker.lock().unwrap();
						t.refused += 1;
						t.outstanding = t.outstanding.saturating_sub(1);
						if t.refused <= 3 {
							eprintln!("refused: {msg}");
						}
					}
				}
			});
		}
	}

	/// Follow best and finalized blocks; mark included and finalized transactions. Polls the
	/// heads (a subscription can be closed under load when its client lags).
	async fn follow(ws: Arc<WsClient>, tracker: Arc<Mutex<Tracker>>) {
		let mut last = 0u64;
		let mut last_final = 0u64;
		loop {
			tokio::time::sleep(Duration::from_millis(200)).await;
			let Ok(best) = ws.request::<Value, _>("chain_getHeader", rpc_params![]).await else {
				continue;
			};
			let number = |h: &Value| {
				u64::from_str_radix(
					h["number"].as_str().unwrap_or("0x0").trim_start_matches("0x"),
					16,
				)
				.unwrap_or(0)
			};
			let n = number(&best);
			for k in (last + 1)..=n {
				let Ok(Some(hash)) =
					ws.request::<Option<H256>, _>("chain_getBlockHash", rpc_params![k]).await
				else {
					break;
				};
				Self::scan_block(&ws, &tracker, k, hash).await;
				last = k;
			}
			let Ok(fin) = ws.request::<H256, _>("chain_getFinalizedHead", rpc_params![]).await
			else {
				continue;
			};
			let Ok(h) = ws.request::<Value, _>("chain_getHeader", rpc_params![fin]).await else {
				continue;
			};
			let f = number(&h).min(last);
			if f > last_final {
				let now = Instant::now();
				let mut t = tracker.lock().unwrap();
				let mut newly = 0usize;
				for o in t.txs.values_mut() {
					if o.included.is_some() && o.finalized.is_none() && o.block <= f {
						o.finalized = Some(now);
						newly += 1;
					}
				}
				t.outstanding = t.outstanding.saturating_sub(newly);
				t.finalized_upto = f;
				last_final = f;
			}
		}
	}

	async fn scan_block(ws: &WsClient, tracker: &Arc<Mutex<Tracker>>, number: u64, hash: H256) {
		let block: Value = ws.request("chain_getBlock", rpc_params![hash]).await.unwrap();
		let now = Instant::now();
		let events: Option<String> = ws
			.request(
				"state_getStorage",
				rpc_params![hex(&storage_prefix("System", "Events")), hash],
			)
			.await
			.unwrap();
		let events: Events = events
			.map(|e| Decode::decode(&mut &unhex(&e)[..]).expect("events"))
			.unwrap_or_default();
		let weight: Option<String> = ws
			.request(
				"state_getStorage",
				rpc_params![hex(&storage_prefix("System", "BlockWeight")), hash],
			)
			.await
			.unwrap();
		let weight = weight
			.and_then(|w| frame_system::ConsumedWeight::decode(&mut &unhex(&w)[..]).ok())
			.map(|w| w.total().ref_time())
			.unwrap_or(0);
		let mut t = tracker.lock().unwrap();
		let mut counted = 0;
		for (i, xt) in block["block"]["extrinsics"].as_array().unwrap().iter().enumerate() {
			let bytes = unhex(xt.as_str().unwrap());
			let h = H256(sp_io::hashing::blake2_256(&bytes));
			let Some(o) = t.txs.get_mut(&h) else { continue };
			if o.included.is_some() {
				continue;
			}
			let mine: Vec<RuntimeEvent> = events
				.iter()
				.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(i as u32))
				.map(|r| r.event.clone())
				.collect();
			o.ok = mine.iter().any(|e| {
				matches!(e, RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }))
			});
			o.included = Some(now);
			o.block = number;
			o.events = mine;
			if o.ok {
				counted += 1;
			}
			t.fresh.push_back(h);
		}
		t.blocks.insert(number, (hash, now, counted, weight));
	}

	/// Queue signed transactions, keeping at most [`MAX_OUTSTANDING`] sent and not yet
	/// finalized, so that the pool never overflows (dropped transactions would leave nonce gaps
	/// that block the signer's later ones).
	async fn send_all(&self, txs: Vec<Signed>) {
		for tx in txs {
			let mut waited = 0u32;
			while self.tracker.lock().unwrap().outstanding >= MAX_OUTSTANDING {
				tokio::time::sleep(Duration::from_millis(20)).await;
				waited += 1;
				if waited.is_multiple_of(500) {
					let t = self.tracker.lock().unwrap();
					let included = t.txs.values().filter(|o| o.included.is_some()).count();
					eprintln!(
						"  waiting: {} outstanding, {} sent, {included} included, {} refused",
						t.outstanding,
						t.txs.len(),
						t.refused
					);
				}
			}
			self.send(tx);
		}
	}

	/// Queue a signed transaction.
	fn send(&self, (bytes, hash): Signed) {
		let mut t = self.tracker.lock().unwrap();
		t.outstanding += 1;
		t.txs.insert(
			hash,
			Outcome {
				sent: Instant::now(),
				included: None,
				finalized: None,
				block: 0,
				ok: false,
				events: vec![],
			},
		);
		drop(t);
		self.submit_tx.send((bytes, hash)).expect("submitter runs");
	}

	/// Wait until all of `hashes` are included (or `timeout`); returns how many succeeded.
	async fn wait_included(&self, hashes: &[H256], timeout: Duration) -> usize {
		let start = Instant::now();
		loop {
			let (done, ok) = {
				let t = self.tracker.lock().unwrap();
				let done = hashes.iter().filter(|h| t.txs[h].included.is_some()).count();
				let ok = hashes.iter().filter(|h| t.txs[h].ok).count();
				(done, ok)
			};
			if done + self.tracker.lock().unwrap().refused >= hashes.len()
				|| start.elapsed() > timeout
			{
				return ok;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}

	async fn wait_finalized(&self, hashes: &[H256], timeout: Duration) {
		let start = Instant::now();
		while start.elapsed() < timeout {
			let all = {
				let t = self.tracker.lock().unwrap();
				hashes.iter().all(|h| !t.txs[h].ok || t.txs[h].finalized.is_some())
			};
			if all {
				return;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}

	/// Sign, send and wait for a batch; panics if any fails.
	async fn run_batch(&self, txs: Vec<Signed>, what: &str) {
		let hashes: Vec<H256> = txs.iter().map(|t| t.1).collect();
		self.send_all(txs).await;
		let ok = self.wait_included(&hashes, Duration::from_secs(600)).await;
		assert_eq!(ok, hashes.len(), "{what}: {ok} of {} succeeded", hashes.len());
		self.tracker.lock().unwrap().fresh.clear();
	}
}

// ---------------------------------------------------------------------------------------------
// Setup: officers, enterprises, parcels

struct Actors {
	/// IND officers (scrutiny and approving).
	officers: Vec<Signer>,
	/// LAND record keepers.
	clerks: Vec<Signer>,
	/// Enterprise owners; enterprise id = index + `first_enterprise`.
	owners: Vec<Signer>,
	first_enterprise: u32,
	next_parcel: u64,
}

fn ulpin(n: u64) -> Ulpin {
	let mut u = *b"BN00000000000000";
	let digits = format!("{n:012}");
	u[2..14].copy_from_slice(digits.as_bytes());
	u[..14].try_into().unwrap()
}

async fn chain_nonce(http: &HttpClient, who: &AccountId) -> u32 {
	http.request("system_accountNextIndex", rpc_params![who.to_string()]).await.unwrap()
}

async fn setup(chain: &Chain, officers: usize, clerks: usize, owners: usize) -> Actors {
	let t0 = Instant::now();
	let mut charlie = Signer::new("//Charlie");
	let mut alice = Signer::new("//Alice");
	charlie.nonce = chain_nonce(&chain.http, &charlie.id).await;
	alice.nonce = chain_nonce(&chain.http, &alice.id).await;
	let officers: Vec<Signer> =
		(0..officers).map(|i| Signer::new(&format!("//bench//ind//{i}"))).collect();
	let clerks: Vec<Signer> =
		(0..clerks).map(|i| Signer::new(&format!("//bench//land//{i}"))).collect();
	let mut owners: Vec<Signer> =
		(0..owners).map(|i| Signer::new(&format!("//bench//owner//{i}"))).collect();
	// Heads grant roles, 60 at a time (the pool holds 64 per signer).
	let mut grants = Vec::new();
	for o in &officers {
		for role in [Role::ScrutinyOfficer, Role::ApprovingAuthority] {
			grants.push((0, o.id.clone(), role));
		}
	}
	for c in &clerks {
		grants.push((1, c.id.clone(), Role::ScrutinyOfficer));
	}
	for chunk in grants.chunks(60) {
		let txs = chunk
			.iter()
			.map(|(head, who, role)| {
				let call = RuntimeCall::Departments(pallet_departments::Call::grant_role {
					officer: who.clone(),
					role: *role,
				});
				if *head == 0 {
					charlie.sign(call, chain.genesis)
				} else {
					alice.sign(call, chain.genesis)
				}
			})
			.collect();
		chain.run_batch(txs, "role grants").await;
	}
	// Officers register the enterprises.
	let first_enterprise: u32 = {
		let key = storage_prefix("Enterprises", "NextEnterpriseId");
		let v: Option<String> =
			chain.http.request("state_getStorage", rpc_params![hex(&key)]).await.unwrap();
		v.map(|v| u32::decode(&mut &unhex(&v)[..]).unwrap()).unwrap_or(0)
	};
	let mut officers = officers;
	let n_off = officers.len();
	let txs = owners
		.iter()
		.enumerate()
		.map(|(i, o)| {
			let call = RuntimeCall::Enterprises(pallet_enterprises::Call::register_enterprise {
				name: format!("Bench Enterprise {i}").into_bytes(),
				identity_hash: H256::repeat_byte(7),
				owner: o.id.clone(),
			});
			officers[i % n_off].sign(call, chain.genesis)
		})
		.collect();
	chain.run_batch(txs, "enterprise registrations").await;
	// Each owner anchors the two documents a land-use conversion needs.
	let txs = owners
		.iter_mut()
		.enumerate()
		.flat_map(|(i, o)| {
			["SALE_DEED", "SITE_PLAN"]
				.into_iter()
				.map(|kind| {
					let call = RuntimeCall::Clearances(pallet_clearances::Call::anchor_document {
						sha256: H256(sp_io::hashing::blake2_256(format!("{i}/{kind}").as_bytes())),
						kind: kind.as_bytes().to_vec(),
						size: 1 << 20,
						uri: None,
					});
					o.sign(call, chain.genesis)
				})
				.collect::<Vec<_>>()
		})
		.collect();
	chain.run_batch(txs, "document anchors").await;
	eprintln!(
		"setup: {} officers, {} clerks, {} enterprises in {:.1} s",
		officers.len(),
		clerks.len(),
		owners.len(),
		t0.elapsed().as_secs_f64()
	);
	Actors { officers, clerks, owners, first_enterprise, next_parcel: 0 }
}

fn project(i: usize) -> Project {
	Project {
		name: format!("Bench project {i}").into_bytes().try_into().unwrap(),
		sector: b"Manufacturing".to_vec().try_into().unwrap(),
		investment: InvestmentClass::Small,
	}
}

fn docs(owner: usize) -> Vec<H256> {
	["SALE_DEED", "SITE_PLAN"]
		.into_iter()
		.map(|k| H256(sp_io::hashing::blake2_256(format!("{owner}/{k}").as_bytes())))
		.collect()
}

impl Actors {
	/// Register `n` parcels held by enterprises, signed by the clerks in turn.
	fn parcels(&mut self, n: usize, genesis: H256) -> (Vec<Signed>, Vec<(Ulpin, u32)>) {
		let mut txs = Vec::with_capacity(n);
		let mut parcels = Vec::with_capacity(n);
		for k in 0..n {
			let id = ulpin(self.next_parcel);
			self.next_parcel += 1;
			let enterprise = self.first_enterprise + (k % self.owners.len()) as u32;
			let call = RuntimeCall::LandParcels(pallet_land_parcels::Call::register_parcel {
				parcel: id,
				district: b"Bench".to_vec(),
				village: b"Load".to_vec(),
				plot: format!("{k}").into_bytes(),
				area_sqm: 1000,
				land_use: LandUse::Agricultural,
				holder: pallet_land_parcels::Holder::Enterprise(enterprise),
			});
			let clerks = self.clerks.len();
			txs.push(self.clerks[k % clerks].sign(call, genesis));
			parcels.push((id, enterprise));
		}
		(txs, parcels)
	}

	/// An application by the owner of `enterprise` for `types` on `parcel`.
	fn apply(&mut self, enterprise: u32, parcel: Ulpin, types: &[&str], genesis: H256) -> Signed {
		let owner = (enterprise - self.first_enterprise) as usize;
		let call = RuntimeCall::Clearances(pallet_clearances::Call::submit_application {
			project: project(owner),
			parcels: vec![parcel],
			types: types.iter().map(|t| t.as_bytes().to_vec().try_into().unwrap()).collect(),
			documents: docs(owner),
		});
		self.owners[owner].sign(call, genesis)
	}
}

// ---------------------------------------------------------------------------------------------
// Statistics

fn percentile(sorted: &[f64], p: f64) -> f64 {
	if sorted.is_empty() {
		return f64::NAN;
	}
	let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
	sorted[i.min(sorted.len() - 1)]
}

struct Phase {
	name: &'static str,
	ok: usize,
	failed: usize,
	included_per_s: f64,
	finalized_per_s: f64,
	best_60s: f64,
	incl: (f64, f64),
	fin: (f64, f64),
	finality_blocks: f64,
	weight: (f64, f64),
}

fn summarise(chain: &Chain, name: &'static str, hashes: &[H256], start: Instant) -> Phase {
	let t = chain.tracker.lock().unwrap();
	let outs: Vec<&Outcome> = hashes.iter().map(|h| &t.txs[h]).collect();
	let ok: Vec<&&Outcome> = outs.iter().filter(|o| o.ok).collect();
	let failed = outs.len() - ok.len();
	let last_incl = ok.iter().filter_map(|o| o.included).max().unwrap_or(start);
	let last_fin = ok.iter().filter_map(|o| o.finalized).max().unwrap_or(start);
	let secs = |t: Instant| t.duration_since(start).as_secs_f64().max(1e-9);
	let mut incl: Vec<f64> =
		ok.iter().filter_map(|o| Some(o.included?.duration_since(o.sent).as_secs_f64())).collect();
	let mut fin: Vec<f64> =
		ok.iter().filter_map(|o| Some(o.finalized?.duration_since(o.sent).as_secs_f64())).collect();
	incl.sort_by(f64::total_cmp);
	fin.sort_by(f64::total_cmp);
	let blocks: Vec<u64> = {
		let mut b: Vec<u64> = ok.iter().map(|o| o.block).collect();
		b.sort();
		b.dedup();
		b
	};
	// Best 60 s window of inclusions, by block.
	let mut per_block: Vec<(f64, usize)> = blocks
		.iter()
		.filter_map(|n| t.blocks.get(n).map(|(_, at, c, _)| (secs(*at), *c)))
		.collect();
	per_block.sort_by(|a, b| a.0.total_cmp(&b.0));
	let mut best = 0usize;
	for (i, (t0, _)) in per_block.iter().enumerate() {
		let sum: usize =
			per_block[i..].iter().take_while(|(t, _)| *t < t0 + 60.0).map(|x| x.1).sum();
		best = best.max(sum);
	}
	let window = per_block.last().map(|l| (l.0 - per_block[0].0 + 3.0).min(60.0)).unwrap_or(60.0);
	let mut weights: Vec<f64> =
		blocks.iter().filter_map(|n| t.blocks.get(n).map(|b| b.3 as f64 / 1e9)).collect();
	weights.sort_by(f64::total_cmp);
	let finality_blocks = {
		let mut d: Vec<f64> = ok
			.iter()
			.filter_map(|o| Some(o.finalized?.duration_since(o.included?).as_secs_f64() / 3.0))
			.collect();
		d.sort_by(f64::total_cmp);
		percentile(&d, 0.95)
	};
	Phase {
		name,
		ok: ok.len(),
		failed,
		included_per_s: ok.len() as f64 / secs(last_incl),
		finalized_per_s: ok.len() as f64 / secs(last_fin),
		best_60s: best as f64 / window,
		incl: (percentile(&incl, 0.5), percentile(&incl, 0.95)),
		fin: (percentile(&fin, 0.5), percentile(&fin, 0.95)),
		finality_blocks,
		weight: (percentile(&weights, 0.5), weights.last().copied().unwrap_or(0.0)),
	}
}

fn print_phase(p: &Phase) {
	let max =
		clearance_runtime::configs::RuntimeBlockWeights::get().max_block.ref_time() as f64 / 1e9;
	println!(
		"{}: {} ok, {} failed; included {:.0}/s, finalized {:.0}/s, best 60 s window {:.0}/s",
		p.name, p.ok, p.failed, p.included_per_s, p.finalized_per_s, p.best_60s
	);
	println!(
		"  submission -> inclusion p50 {:.2} s, p95 {:.2} s; -> finality p50 {:.2} s, p95 {:.2} s; \
		 inclusion -> finality p95 {:.1} blocks",
		p.incl.0, p.incl.1, p.fin.0, p.fin.1, p.finality_blocks
	);
	println!(
		"  block weight used: median {:.0} ms, max {:.0} ms of {:.0} ms ({:.0}% / {:.0}%)",
		p.weight.0,
		p.weight.1,
		max,
		100.0 * p.weight.0 / max,
		100.0 * p.weight.1 / max
	);
}

// ---------------------------------------------------------------------------------------------
// Profile: where the time goes during a phase

/// CPU seconds (user + system) used so far by process `pid` (`self` for this one).
fn cpu_seconds(pid: &str) -> f64 {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
	// Fields after the command name (which is in parentheses): utime is the 12th, stime 13th.
	let rest = stat.rsplit_once(')').map(|r| r.1).unwrap_or("");
	let f: Vec<f64> = rest.split_whitespace().map(|v| v.parse().unwrap_or(0.0)).collect();
	(f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

/// The node's Prometheus metrics: `name{labels}` -> value.
fn scrape(port: u16) -> HashMap<String, f64> {
	use std::io::{Read, Write};
	let mut text = String::new();
	if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
		let _ = s.write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n");
		let _ = s.read_to_string(&mut text);
	}
	text.lines()
		.filter(|l| !l.starts_with('#'))
		.filter_map(|l| {
			let (k, v) = l.rsplit_once(' ')?;
			Some((k.to_string(), v.parse().ok()?))
		})
		.collect()
}

/// A snapshot of the node's counters and both processes' CPU time.
struct Snapshot {
	at: Instant,
	node_cpu: f64,
	bench_cpu: f64,
	metrics: HashMap<String, f64>,
}

impl Snapshot {
	fn take(pid: u32, prometheus: u16) -> Self {
		Snapshot {
			at: Instant::now(),
			node_cpu: cpu_seconds(&pid.to_string()),
			bench_cpu: cpu_seconds("self"),
			metrics: scrape(prometheus),
		}
	}

	/// Sum of the metrics named `name` whose labels contain `label`.
	fn sum(&self, name: &str, label: &str) -> f64 {
		self.metrics
			.iter()
			.filter(|(k, _)| k.split('{').next() == Some(name) && k.contains(label))
			.map(|(_, v)| v)
			.sum()
	}
}

/// Print where the time went between two snapshots, for `txs` transactions.
fn print_profile(before: &Snapshot, after: &Snapshot, txs: usize) {
	let seconds = after.at.duration_since(before.at).as_secs_f64();
	let d = |name: &str, label: &str| after.sum(name, label) - before.sum(name, label);
	let per_tx = |s: f64| s * 1e6 / txs.max(1) as f64;
	let node = after.node_cpu - before.node_cpu;
	let bench = after.bench_cpu - before.bench_cpu;
	println!(
		"  profile: node CPU {node:.1} s ({:.0}% of a core, {:.0} µs per transaction); \
		 load generator CPU {bench:.1} s ({:.0} µs per transaction); 2 cores",
		100.0 * node / seconds,
		per_tx(node),
		per_tx(bench)
	);
	let blocks = d("substrate_proposer_block_constructed_count", "");
	let building = d("substrate_proposer_block_constructed_sum", "");
	let reasons: Vec<String> =
		["no_more_transactions", "hit_deadline", "hit_block_weight_limit", "hit_block_size_limit"]
			.iter()
			.map(|r| (r, d("substrate_proposer_end_proposal_reason", &format!("\"{r}\""))))
			.filter(|(_, n)| *n > 0.0)
			.map(|(r, n)| format!("{r} {n:.0}"))
			.collect();
	println!(
		"    block building: {blocks:.0} blocks, {:.0} ms each, {:.0} µs per transaction; \
		 blocks ended by: {}",
		1000.0 * building / blocks.max(1.0),
		per_tx(building),
		reasons.join(", ")
	);
	let submit = "method=\"author_submitExtrinsic\"";
	let calls = d("substrate_rpc_calls_time_count", submit);
	let rpc = d("substrate_rpc_calls_time_sum", submit);
	let maintain = d("substrate_sub_txpool_maintain_duration_seconds_sum", "");
	let revalidation = d("substrate_sub_txpool_view_revalidation_duration_seconds_sum", "");
	println!(
		"    submission (RPC decode and pool validation): {calls:.0} calls, {:.0} µs each; \
		 pool maintenance {maintain:.1} s, revalidation {revalidation:.1} s (wall time)",
		rpc / calls.max(1.0),
	);
}

// ---------------------------------------------------------------------------------------------
// Throughput

async fn remarks(chain: &Chain, actors: &mut Actors, n: usize) -> Phase {
	let owners = actors.owners.len();
	let txs: Vec<_> = (0..n)
		.map(|i| {
			let call = RuntimeCall::System(frame_system::Call::remark {
				remark: format!("remark {i}").into_bytes(),
			});
			actors.owners[i % owners].sign(call, chain.genesis)
		})
		.collect();
	let hashes: Vec<H256> = txs.iter().map(|t| t.1).collect();
	let start = Instant::now();
	chain.send_all(txs).await;
	chain.wait_included(&hashes, Duration::from_secs(600)).await;
	chain.wait_finalized(&hashes, Duration::from_secs(120)).await;
	chain.tracker.lock().unwrap().fresh.clear();
	summarise(chain, "remarks (floor)", &hashes, start)
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
async fn mix(chain: &Chain, actors: &mut Actors, apps: usize) -> (Phase, usize, f64) {
	// Parcels first (not measured).
	let (txs, parcels) = actors.parcels(apps, chain.genesis);
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
	let mut progress = Instant::now();
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
		// Release submissions while there is room in flight.
		while chain.tracker.lock().unwrap().outstanding < MIX_OUTSTANDING {
			let Some((parcel, enterprise)) = unreleased.next() else { break };
			let tx = actors.apply(enterprise, parcel, &["TRADE_LICENCE"], chain.genesis);
			stage_of.insert(tx.1, (0, 0, enterprise));
			hashes.push(tx.1);
			chain.send(tx);
		}
		if fresh.is_empty() {
			if progress.elapsed() > Duration::from_secs(120) {
				eprintln!(
					"  mix: stalled, nothing included for 120 s; {remaining} applications left"
				);
				break;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
			continue;
		}
		progress = Instant::now();
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
						.sign(RuntimeCall::Clearances(C::take_case { case }), chain.genesis),
				),
				1 => Some(actors.officers[officer].sign(
					RuntimeCall::Clearances(C::raise_query { case, query: H256::repeat_byte(1) }),
					chain.genesis,
				)),
				2 => {
					let owner = (enterprise - actors.first_enterprise) as usize;
					Some(actors.owners[owner].sign(
						RuntimeCall::Clearances(C::respond_to_query {
							case,
							response: H256::repeat_byte(2),
							documents: vec![],
						}),
						chain.genesis,
					))
				},
				3 => Some(actors.officers[(officer + 1) % n_off].sign(
					RuntimeCall::Clearances(C::approve { case, conditions: H256::repeat_byte(3) }),
					chain.genesis,
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
	chain.wait_finalized(&hashes, Duration::from_secs(120)).await;
	let phase = summarise(chain, "clearance mix", &hashes, start);
	eprintln!("mix: {approved} applications approved, {verified} certificates verified");
	(phase, verified, verify_time / verified.max(1) as f64)
}

// ---------------------------------------------------------------------------------------------
// Query latency at growing sizes

async fn grow_to(chain: &Chain, actors: &mut Actors, target: usize, have: &mut usize) {
	let t0 = Instant::now();
	let start = *have;
	while *have < target {
		let batch = (target - *have).min(4000);
		// One parcel per two applications: a licence and a land-use conversion.
		let (txs, parcels) = actors.parcels(batch.div_ceil(2), chain.genesis);
		chain.run_batch(txs, "parcels").await;
		let mut apps = Vec::new();
		for (i, (p, e)) in parcels.iter().enumerate() {
			apps.push(actors.apply(*e, *p, &["TRADE_LICENCE"], chain.genesis));
			if apps.len() < batch && i * 2 + 1 < batch {
				apps.push(actors.apply(*e, *p, &["LAND_USE_CONVERSION"], chain.genesis));
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

async fn measure_queries(chain: &Chain, apps: usize, samples: usize) -> Vec<(String, f64, f64)> {
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

// ---------------------------------------------------------------------------------------------

fn rss_kib(pid: u32) -> u64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.ok()
		.and_then(|s| {
			s.lines()
				.find(|l| l.starts_with("VmRSS:"))
				.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
		})
		.unwrap_or(0)
}

fn dir_size(path: &std::path::Path) -> u64 {
	let mut total = 0;
	if let Ok(entries) = std::fs::read_dir(path) {
		for e in entries.flatten() {
			let p = e.path();
			total +=
				if p.is_dir() { dir_size(&p) } else { e.metadata().map(|m| m.len()).unwrap_or(0) };
		}
	}
	total
}

fn arg(args: &[String], name: &str) -> Option<String> {
	args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

#[tokio::main]
async fn main() {
	let args: Vec<String> = std::env::args().collect();
	let mode = args.get(1).cloned().unwrap_or_else(|| "throughput".into());
	let quick = args.iter().any(|a| a == "--quick");
	let node = Node::start_dev().await;
	let pid = node.pid();
	let chain = Chain::connect(&node.ws_url(), node.http()).await;
	node.wait_finalized(1, Duration::from_secs(60)).await;
	println!(
		"machine: {} cores, {}; node: clearance-node --dev (release), 3 s blocks",
		std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
		std::fs::read_to_string("/proc/cpuinfo")
			.ok()
			.and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l
				.split(':')
				.nth(1)
				.unwrap_or("")
				.trim()
				.to_string()))
			.unwrap_or_default()
	);
	match mode.as_str() {
		"throughput" => {
			let (remark_n, apps) = if quick { (3_000, 600) } else { (40_000, 8_000) };
			let remark_n = arg(&args, "--remarks").and_then(|v| v.parse().ok()).unwrap_or(remark_n);
			let apps = arg(&args, "--apps").and_then(|v| v.parse().ok()).unwrap_or(apps);
			let mut actors = setup(&chain, 200, 64, 256).await;
			let port = node.prometheus_port;
			let s0 = Snapshot::take(pid, port);
			let floor = remarks(&chain, &mut actors, remark_n).await;
			let s1 = Snapshot::take(pid, port);
			print_phase(&floor);
			print_profile(&s0, &s1, floor.ok);
			let (mix, verified, verify_s) = mix(&chain, &mut actors, apps).await;
			let s2 = Snapshot::take(pid, port);
			print_phase(&mix);
			print_profile(&s1, &s2, mix.ok);
			println!(
				"  certificate verifications: {verified}, mean {:.2} ms over HTTP",
				verify_s * 1000.0
			);
			println!("node memory (RSS) at the end: {} MiB", rss_kib(pid) / 1024);
			println!(
				"clearance actions/s: {:.0}; remarks/s: {:.0}; ratio: {:.2}",
				mix.included_per_s,
				floor.included_per_s,
				mix.included_per_s / floor.included_per_s
			);
		},
		"queries" => {
			let sizes: Vec<usize> = arg(&args, "--sizes")
				.unwrap_or_else(|| if quick { "1000,5000".into() } else { "10000,100000".into() })
				.split(',')
				.map(|s| s.parse().expect("sizes are numbers"))
				.collect();
			let samples = arg(&args, "--samples").and_then(|v| v.parse().ok()).unwrap_or(1000);
			let mut actors = setup(&chain, 16, 32, 256).await;
			// A few deemed approvals give certificates to verify.
			let (txs, parcels) = actors.parcels(200, chain.genesis);
			chain.run_batch(txs, "parcels").await;
			let apps: Vec<_> = parcels
				.iter()
				.map(|(p, e)| actors.apply(*e, *p, &["DEMO_QUICK_NOC"], chain.genesis))
				.collect();
			let mut have = apps.len();
			chain.run_batch(apps, "quick NOC applications").await;
			let base = dir_size(&node.base_path);
			let mut first: Option<Vec<(String, f64, f64)>> = None;
			for size in sizes {
				grow_to(&chain, &mut actors, size, &mut have).await;
				let bytes = dir_size(&node.base_path);
				println!(
					"{have} applications: database {:.1} MiB, {:.0} bytes per application (including parcels, trails, blocks)",
					bytes as f64 / 1048576.0,
					(bytes.saturating_sub(base)) as f64 / have as f64
				);
				let figures = measure_queries(&chain, have, samples).await;
				for (i, (name, p50, p99)) in figures.iter().enumerate() {
					let ratio = first.as_ref().and_then(|f| f.get(i)).map(|f| p99 / f.2);
					println!(
						"  {name}: median {p50:.2} ms, p99 {p99:.2} ms{}",
						ratio
							.map(|r| format!(" ({r:.2}x the first size's p99)"))
							.unwrap_or_default()
					);
				}
				first.get_or_insert(figures);
			}
			println!("node memory (RSS) at the end: {} MiB", rss_kib(pid) / 1024);
		},
		other => panic!("unknown mode {other}: throughput or queries"),
	}
	match arg(&args, "--keep-db") {
		Some(dir) => {
			node.stop_and_keep(std::path::Path::new(&dir)).await.expect("database moved");
			println!("database kept in {dir} (clearance-node --dev --base-path {dir})");
		},
		None => {
			node.stop().await;
		},
	}
}

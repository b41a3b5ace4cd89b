//! The chain under load: signed transactions are submitted in parallel over several WebSocket
//! connections, blocks are followed, and each transaction is counted as done only when its
//! `ExtrinsicSuccess` event is seen in a block (best, then finalized). The follower also keeps
//! the anchor that new transactions are signed against ([`Chain::birth`]).
//!
//! Every transaction's fate is known: included, refused at submission, or accepted and then let
//! go by the pool, which [`Chain::reconcile`] finds by comparing the pool's contents with what
//! is outstanding; those are sent again (twice at most) and otherwise counted as dropped. Every
//! wait has a [`Watchdog`] that reconciles when nothing moves and stops the run with a
//! diagnosis when nothing moves for [`STALL_LIMIT`].

use clearance_e2e::{hex, refusal_code, signing_anchor, spec_version, storage_prefix, unhex};
use clearance_runtime::{extensions::codes, signing::Anchor, RuntimeEvent};
use codec::Decode;
use jsonrpsee::{
	core::client::{ClientT, Error as RpcError},
	http_client::HttpClient,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::H256;
use std::{
	collections::{HashMap, HashSet, VecDeque},
	sync::{
		atomic::{AtomicUsize, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};
use tokio::sync::mpsc;

type Events = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;

/// A signed transaction and its hash.
pub type Signed = (Vec<u8>, H256);

/// Most transactions in flight (sent, not yet finalized) in the floor: the fork-aware pool keeps
/// transactions until finalization, and holds at most 8,192 ready and 512 future ones.
pub const MAX_OUTSTANDING: usize = 7_500;

/// How long nothing may move (no transaction included, refused or dropped, no block finalized)
/// before the pool is reconciled with what is outstanding.
pub const RECONCILE_AFTER: Duration = Duration::from_secs(20);

/// How long nothing may move before the run stops with a diagnosis.
pub const STALL_LIMIT: Duration = Duration::from_secs(180);

/// How many times a transaction the pool let go is sent again before it counts as dropped.
const MAX_RESENDS: u8 = 2;

/// What a transaction signed now is bound to: the chain (its genesis) and the anchor block.
#[derive(Clone, Copy, Debug)]
pub struct Birth {
	/// The genesis hash.
	pub genesis: H256,
	/// The block the transaction is mortal from.
	pub anchor: Anchor,
	/// The `spec_version` the chain runs (read when the generator connects).
	pub spec_version: u32,
}

/// What happened to a transaction.
#[derive(Clone, Debug)]
pub struct Outcome {
	pub sent: Instant,
	pub included: Option<Instant>,
	pub finalized: Option<Instant>,
	pub block: u64,
	pub ok: bool,
	/// Refused by the pool (not retried).
	pub refused: bool,
	/// The node accepted it (`author_submitExtrinsic` answered with its hash).
	pub accepted: bool,
	/// Sent again after the pool let it go.
	pub resent: u8,
	/// Let go by the pool [`MAX_RESENDS`] times: given up.
	pub dropped: bool,
	pub events: Vec<RuntimeEvent>,
}

impl Outcome {
	/// Accepted, and neither included nor given up yet.
	fn in_flight(&self) -> bool {
		self.accepted && self.included.is_none() && !self.refused && !self.dropped
	}
}

#[derive(Default)]
pub struct Tracker {
	pub txs: HashMap<H256, Outcome>,
	/// Blocks seen: number -> (hash, time seen, successful transactions counted, weight ref time).
	pub blocks: HashMap<u64, (H256, Instant, usize, u64)>,
	/// Blocks whose transactions are all marked finalized.
	pub finalized_upto: u64,
	/// Included transactions not yet taken by the driver.
	pub fresh: VecDeque<H256>,
	pub refused: usize,
	/// Sent and not yet finalized (or refused, or dropped).
	pub outstanding: usize,
	/// Transactions seen included, ever.
	pub included: usize,
	/// Given up after the pool let them go [`MAX_RESENDS`] times.
	pub dropped: usize,
	/// Sent again after the pool let them go.
	pub resent: usize,
	/// The encoded transactions not yet included, to send again.
	bytes: HashMap<H256, Vec<u8>>,
	/// Missing from the pool at the last reconciliation: missing again at the next, they are
	/// sent again (a block not yet scanned may hold them meanwhile).
	suspects: HashSet<H256>,
	/// The latest best and finalized block numbers seen.
	pub best: u64,
}

/// What a reconciliation found.
#[derive(Debug, Default)]
pub struct Reconciliation {
	/// Transactions in the node's pool (ready at its best block).
	pub in_pool: usize,
	/// Accepted, not included, not in the pool: sent again now.
	pub resent: usize,
	/// Given up now.
	pub dropped: usize,
}

pub struct Chain {
	pub http: HttpClient,
	genesis: H256,
	spec_version: u32,
	anchor: Arc<Mutex<Anchor>>,
	pub tracker: Arc<Mutex<Tracker>>,
	submit_tx: mpsc::UnboundedSender<Signed>,
}

/// Whether a refusal is worth retrying: the per-signer bound (refusal code 2), a full pool
/// (1014 too low priority, 1016 immediately dropped) or another limit.
fn retriable(e: &RpcError) -> bool {
	refusal_code(e) == Some(codes::TOO_MANY_PENDING)
		|| matches!(e, RpcError::Call(o) if o.code() == 1014 || o.code() == 1016)
		|| e.to_string().contains("limit")
}

/// The node already holds the transaction (`1013`): it was sent again while still pooled.
fn already_imported(e: &RpcError) -> bool {
	matches!(e, RpcError::Call(o) if o.code() == 1013)
}

/// A refusal for people: the runtime's description of its code, or the error.
fn describe(e: &RpcError) -> String {
	match refusal_code(e) {
		Some(code) => match codes::describe(code) {
			Some(meaning) => format!("{meaning} (InvalidTransaction::Custom({code}))"),
			None => format!("InvalidTransaction::Custom({code}), unknown to this generator"),
		},
		None => e.to_string(),
	}
}

/// A block number from a header's `0x`-hex `number`.
fn number(header: &Value) -> u64 {
	u64::from_str_radix(header["number"].as_str().unwrap_or("0x0").trim_start_matches("0x"), 16)
		.unwrap_or(0)
}

impl Chain {
	pub async fn connect(url: &str, http: HttpClient, period: u32) -> Chain {
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
		let (genesis, anchor) = signing_anchor(&http).await;
		let spec_version = spec_version(&http).await;
		let anchor = Arc::new(Mutex::new(Anchor { period, ..anchor }));
		let tracker = Arc::new(Mutex::new(Tracker::default()));
		let (submit_tx, submit_rx) = mpsc::unbounded_channel();
		tokio::spawn(Self::submitter(ws.clone(), submit_rx, tracker.clone(), submit_tx.clone()));
		tokio::spawn(Self::follow(ws[0].clone(), tracker.clone(), anchor.clone()));
		Chain { http, genesis, spec_version, anchor, tracker, submit_tx }
	}

	/// What a transaction signed now is bound to.
	pub fn birth(&self) -> Birth {
		Birth {
			genesis: self.genesis,
			anchor: *self.anchor.lock().unwrap(),
			spec_version: self.spec_version,
		}
	}

	/// Send transactions, up to 256 in flight per connection; pool-full refusals are retried.
	async fn submitter(
		ws: Vec<Arc<WsClient>>,
		mut rx: mpsc::UnboundedReceiver<Signed>,
		tracker: Arc<Mutex<Tracker>>,
		retry: mpsc::UnboundedSender<Signed>,
	) {
		static RETRIES: AtomicUsize = AtomicUsize::new(0);
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
				let e = match r {
					Ok(_) => {
						if let Some(o) = tracker.lock().unwrap().txs.get_mut(&hash) {
							o.accepted = true;
						}
						return;
					},
					Err(e) => e,
				};
				if already_imported(&e) {
					// Sent again while the pool still held it (in its future queue, say).
					if let Some(o) = tracker.lock().unwrap().txs.get_mut(&hash) {
						o.accepted = true;
					}
					return;
				}
				if retriable(&e) {
					if RETRIES.fetch_add(1, Ordering::Relaxed) < 3 {
						eprintln!("retrying: {}", describe(&e));
					}
					tokio::time::sleep(Duration::from_millis(500)).await;
					let _ = retry.send((bytes, hash));
				} else {
					let mut t = tracker.lock().unwrap();
					t.refused += 1;
					t.outstanding = t.outstanding.saturating_sub(1);
					t.bytes.remove(&hash);
					if let Some(o) = t.txs.get_mut(&hash) {
						o.refused = true;
					}
					if t.refused <= 3 {
						eprintln!("refused: {}", describe(&e));
					}
				}
			});
		}
	}

	/// Follow best and finalized blocks; mark included and finalized transactions, and move the
	/// anchor. Polls the heads (a subscription can be closed under load when its client lags).
	async fn follow(ws: Arc<WsClient>, tracker: Arc<Mutex<Tracker>>, anchor: Arc<Mutex<Anchor>>) {
		let mut last = 0u64;
		let mut last_hash = None;
		let mut last_final = 0u64;
		loop {
			tokio::time::sleep(Duration::from_millis(200)).await;
			let Ok(best) = ws.request::<Value, _>("chain_getHeader", rpc_params![]).await else {
				continue;
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
				last_hash = Some(hash);
			}
			let Ok(fin) = ws.request::<H256, _>("chain_getFinalizedHead", rpc_params![]).await
			else {
				continue;
			};
			let Ok(h) = ws.request::<Value, _>("chain_getHeader", rpc_params![fin]).await else {
				continue;
			};
			if let Some(best_hash) = last_hash {
				let mut a = anchor.lock().unwrap();
				let chosen = Anchor::choose((last as u32, best_hash), (number(&h) as u32, fin));
				*a = Anchor { period: a.period, ..chosen };
			}
			let f = number(&h).min(last);
			tracker.lock().unwrap().best = last;
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
			t.included += 1;
			t.bytes.remove(&h);
			t.suspects.remove(&h);
			t.fresh.push_back(h);
		}
		t.blocks.insert(number, (hash, now, counted, weight));
	}

	/// Queue signed transactions, keeping at most [`MAX_OUTSTANDING`] sent and not yet
	/// finalized, so that the pool never overflows (dropped transactions would leave nonce gaps
	/// that block the signer's later ones).
	pub async fn send_all(&self, txs: Vec<Signed>, what: &str) {
		let mut watchdog = Watchdog::new(what);
		for tx in txs {
			while self.tracker.lock().unwrap().outstanding >= MAX_OUTSTANDING {
				tokio::time::sleep(Duration::from_millis(20)).await;
				watchdog.check(self).await;
			}
			self.send(tx);
		}
	}

	/// Queue a signed transaction.
	pub fn send(&self, (bytes, hash): Signed) {
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
				refused: false,
				accepted: false,
				resent: 0,
				dropped: false,
				events: vec![],
			},
		);
		t.bytes.insert(hash, bytes.clone());
		drop(t);
		self.submit_tx.send((bytes, hash)).expect("submitter runs");
	}

	/// Wait until each of `hashes` is included or refused (or `timeout`); returns how many
	/// succeeded.
	pub async fn wait_included(&self, hashes: &[H256], timeout: Duration, what: &str) -> usize {
		let start = Instant::now();
		let mut watchdog = Watchdog::new(what);
		loop {
			let (done, ok) = {
				let t = self.tracker.lock().unwrap();
				let done = hashes
					.iter()
					.filter(|h| {
						let o = &t.txs[h];
						o.included.is_some() || o.refused || o.dropped
					})
					.count();
				let ok = hashes.iter().filter(|h| t.txs[h].ok).count();
				(done, ok)
			};
			if done >= hashes.len() || start.elapsed() > timeout {
				return ok;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
			watchdog.check(self).await;
		}
	}

	pub async fn wait_finalized(&self, hashes: &[H256], timeout: Duration, what: &str) {
		let start = Instant::now();
		let mut watchdog = Watchdog::new(what);
		while start.elapsed() < timeout {
			let all = {
				let t = self.tracker.lock().unwrap();
				hashes.iter().all(|h| !t.txs[h].ok || t.txs[h].finalized.is_some())
			};
			if all {
				return;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
			watchdog.check(self).await;
		}
	}

	/// Send and wait for a batch; panics if any fails.
	pub async fn run_batch(&self, txs: Vec<Signed>, what: &str) {
		let hashes: Vec<H256> = txs.iter().map(|t| t.1).collect();
		self.send_all(txs, what).await;
		let ok = self.wait_included(&hashes, Duration::from_secs(600), what).await;
		assert_eq!(ok, hashes.len(), "{what}: {ok} of {} succeeded", hashes.len());
		self.tracker.lock().unwrap().fresh.clear();
	}

	/// Account for transactions the node accepted and then let go (a full pool, a revalidation,
	/// an expired mortality): compare the pool's contents with what is in flight. One missing
	/// twice in a row is sent again, [`MAX_RESENDS`] times at most, then counted as dropped.
	pub async fn reconcile(&self) -> Reconciliation {
		let pool: Vec<String> =
			match self.http.request("author_pendingExtrinsics", rpc_params![]).await {
				Ok(pool) => pool,
				Err(e) => {
					eprintln!("  reconcile: cannot read the pool: {e}");
					return Reconciliation::default();
				},
			};
		let in_pool: HashSet<H256> =
			pool.iter().map(|x| H256(sp_io::hashing::blake2_256(&unhex(x)))).collect();
		let mut r = Reconciliation { in_pool: in_pool.len(), ..Default::default() };
		let mut resend = Vec::new();
		{
			let mut t = self.tracker.lock().unwrap();
			let missing: Vec<H256> = t
				.txs
				.iter()
				.filter(|(h, o)| o.in_flight() && !in_pool.contains(*h))
				.map(|(h, _)| *h)
				.collect();
			let still: HashSet<H256> = missing.iter().copied().collect();
			t.suspects.retain(|h| still.contains(h));
			for h in missing {
				if t.suspects.insert(h) {
					continue;
				}
				t.suspects.remove(&h);
				let Some(o) = t.txs.get_mut(&h) else { continue };
				if o.resent < MAX_RESENDS {
					o.resent += 1;
					o.accepted = false;
					if let Some(bytes) = t.bytes.get(&h) {
						resend.push((bytes.clone(), h));
					}
				} else {
					o.dropped = true;
					t.dropped += 1;
					t.outstanding = t.outstanding.saturating_sub(1);
					t.bytes.remove(&h);
					r.dropped += 1;
				}
			}
			r.resent = resend.len();
			t.resent += resend.len();
		}
		for tx in resend {
			self.submit_tx.send(tx).expect("submitter runs");
		}
		r
	}

	/// Where the run stands, for a diagnosis.
	pub fn status(&self) -> String {
		let t = self.tracker.lock().unwrap();
		let in_flight = t.txs.values().filter(|o| o.in_flight()).count();
		let unanswered = t
			.txs
			.values()
			.filter(|o| !o.accepted && o.included.is_none() && !o.refused && !o.dropped)
			.count();
		format!(
			"{} sent, {} included, {} outstanding ({in_flight} accepted and not included, \
			 {unanswered} not yet answered), {} refused, {} sent again, {} dropped; best #{}, \
			 finalized #{}",
			t.txs.len(),
			t.included,
			t.outstanding,
			t.refused,
			t.resent,
			t.dropped,
			t.best,
			t.finalized_upto
		)
	}
}

/// A phase's stall detector: call [`Watchdog::check`] in every wait. When nothing moves for
/// [`RECONCILE_AFTER`] it reconciles the pool with what is outstanding (and prints what it
/// found); when nothing moves for [`STALL_LIMIT`] it stops the run with a diagnosis (exit 3).
pub struct Watchdog {
	what: String,
	last: (usize, u64),
	since: Instant,
	reconciled: Instant,
	report: Instant,
}

impl Watchdog {
	pub fn new(what: &str) -> Self {
		let now = Instant::now();
		Self { what: what.to_string(), last: (0, 0), since: now, reconciled: now, report: now }
	}

	pub async fn check(&mut self, chain: &Chain) {
		let progress = {
			let t = chain.tracker.lock().unwrap();
			(t.included + t.refused + t.dropped, t.finalized_upto)
		};
		let now = Instant::now();
		if progress != self.last {
			self.last = progress;
			self.since = now;
		}
		if now.duration_since(self.report) > Duration::from_secs(30) {
			self.report = now;
			eprintln!("  {}: {}", self.what, chain.status());
		}
		let idle = now.duration_since(self.since);
		if idle >= RECONCILE_AFTER && now.duration_since(self.reconciled) >= RECONCILE_AFTER {
			self.reconciled = now;
			let r = chain.reconcile().await;
			eprintln!(
				"  {}: nothing moved for {:.0} s; the pool holds {}, {} sent again, {} dropped",
				self.what,
				idle.as_secs_f64(),
				r.in_pool,
				r.resent,
				r.dropped
			);
		}
		if idle >= STALL_LIMIT {
			eprintln!(
				"stalled: {} made no progress for {:.0} s: {}",
				self.what,
				idle.as_secs_f64(),
				chain.status()
			);
			std::process::exit(3);
		}
	}
}

//! Statistics of a phase: rates, latencies, finality lag and block weight, and how they are
//! printed.

use crate::submitter::{Chain, Outcome};
use clearance_runtime::{RuntimeError, RuntimeEvent};
use codec::Decode;
use sp_core::H256;
use sp_runtime::DispatchError;
use std::time::Instant;

/// The `p` quantile (0 to 1) of sorted values; NaN for none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
	if sorted.is_empty() {
		return f64::NAN;
	}
	let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
	sorted[i.min(sorted.len() - 1)]
}

pub struct Phase {
	pub name: &'static str,
	pub ok: usize,
	pub failed: usize,
	pub included_per_s: f64,
	pub finalized_per_s: f64,
	pub best_60s: f64,
	pub incl: (f64, f64),
	pub fin: (f64, f64),
	pub finality_blocks: f64,
	pub weight: (f64, f64),
	/// Why transactions failed: refused by the pool, or the dispatch error by name, with counts.
	pub failures: Vec<(String, usize)>,
}

/// Why a transaction that did not succeed failed.
fn failure(o: &Outcome) -> String {
	if o.refused {
		return "refused by the pool".into();
	}
	if o.included.is_none() {
		return "not included".into();
	}
	for e in &o.events {
		if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error, ..
		}) = e
		{
			if let DispatchError::Module(m) = dispatch_error {
				// The runtime's error enum is the pallet index followed by the pallet's error.
				let bytes: Vec<u8> = [&[m.index][..], &m.error[..]].concat();
				if let Ok(named) = RuntimeError::decode(&mut &bytes[..]) {
					return format!("{named:?}");
				}
			}
			return format!("{dispatch_error:?}");
		}
	}
	"failed".into()
}

pub fn summarise(chain: &Chain, name: &'static str, hashes: &[H256], start: Instant) -> Phase {
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
	let mut failures: Vec<(String, usize)> = Vec::new();
	for o in outs.iter().filter(|o| !o.ok) {
		let why = failure(o);
		match failures.iter_mut().find(|(w, _)| *w == why) {
			Some((_, n)) => *n += 1,
			None => failures.push((why, 1)),
		}
	}
	failures.sort_by_key(|f| std::cmp::Reverse(f.1));
	Phase {
		failures,
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

pub fn print_phase(p: &Phase) {
	let max =
		clearance_runtime::configs::RuntimeBlockWeights::get().max_block.ref_time() as f64 / 1e9;
	println!(
		"{}: {} ok, {} failed; included {:.0}/s, finalized {:.0}/s, best 60 s window {:.0}/s",
		p.name, p.ok, p.failed, p.included_per_s, p.finalized_per_s, p.best_60s
	);
	if !p.failures.is_empty() {
		let why: Vec<String> = p.failures.iter().map(|(w, n)| format!("{w} {n}")).collect();
		println!("  failed: {}", why.join(", "));
	}
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

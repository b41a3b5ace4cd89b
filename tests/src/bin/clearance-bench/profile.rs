//! Where the time goes during a phase: CPU of the node and of the generator, the node's
//! Prometheus counters (block building, why blocks ended, submission and pool times), memory
//! and database size.

use std::{collections::HashMap, time::Instant};

/// CPU seconds (user + system) used so far by process `pid` (`self` for this one).
pub fn cpu_seconds(pid: &str) -> f64 {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
	// Fields after the command name (which is in parentheses): utime is the 12th, stime 13th.
	let rest = stat.rsplit_once(')').map(|r| r.1).unwrap_or("");
	let f: Vec<f64> = rest.split_whitespace().map(|v| v.parse().unwrap_or(0.0)).collect();
	(f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

/// The node's Prometheus metrics: `name{labels}` -> value.
pub fn scrape(port: u16) -> HashMap<String, f64> {
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
pub struct Snapshot {
	at: Instant,
	node_cpu: f64,
	bench_cpu: f64,
	metrics: HashMap<String, f64>,
}

impl Snapshot {
	pub fn take(pid: u32, prometheus: u16) -> Self {
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
pub fn print_profile(before: &Snapshot, after: &Snapshot, txs: usize) {
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

pub fn rss_kib(pid: u32) -> u64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.ok()
		.and_then(|s| {
			s.lines()
				.find(|l| l.starts_with("VmRSS:"))
				.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
		})
		.unwrap_or(0)
}

pub fn dir_size(path: &std::path::Path) -> u64 {
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

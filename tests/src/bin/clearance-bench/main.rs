//! # clearance-bench
//!
//! Load generator and benchmark of the clearance registry on a fresh `clearance-node --dev`
//! that it starts on loopback ports.
//!
//! - `throughput`: the chain's floor (pre-signed document anchors by enterprise owners, the
//!   cheapest transaction the pool admits) and a realistic clearance mix (submit, take, query,
//!   respond, approve, plus certificate verifications), measured in the same run. The last line
//!   is `clearance actions/s: X; floor transactions/s: Y; ratio: Z`.
//! - `queries`: grows the chain to each `--sizes` checkpoint of applications, generated
//!   through the runtime (signed transactions, as officers and enterprises would send them),
//!   and measures the latency of the `clearance_*` queries over HTTP at each checkpoint.
//!
//! The floor's transactions are signed before the measurement starts; in the mix, each step is
//! signed when the previous one is in a block (it needs the case number). Every transaction is
//! mortal ([`clearance_runtime::signing`]), anchored at the latest finalized block when it is
//! signed and valid for `--mortality` blocks. Transactions are submitted in parallel over several
//! WebSocket connections, and counted as done only when their `ExtrinsicSuccess` event is seen in
//! a block (best, then finalized). Every transaction's fate is accounted for (included, refused,
//! or let go by the pool and sent again or counted dropped), and every phase stops with a
//! diagnosis if it stalls ([`submitter::Watchdog`]).
//!
//! Modules: [`submitter`] (submission and inclusion tracking), [`actors`] (the signers and
//! their setup), [`workloads`] (floor, mix, growth and queries), [`report`] (statistics),
//! [`profile`] (CPU, node counters, memory).

mod actors;
mod profile;
mod report;
mod submitter;
mod workloads;

use clap::{Parser, ValueEnum};
use clearance_e2e::Node;
use clearance_runtime::signing::MORTAL_PERIOD;
use profile::{dir_size, print_profile, rss_kib, Snapshot};
use report::print_phase;
use std::{path::PathBuf, time::Duration};
use submitter::Chain;

/// What to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
	/// The floor and the clearance mix.
	Throughput,
	/// Query latency as the chain grows.
	Queries,
}

/// Load generator and benchmark of the clearance registry, on a fresh dev node.
#[derive(Parser, Debug)]
#[command(name = "clearance-bench")]
struct Args {
	/// What to measure.
	#[arg(value_enum, default_value_t = Mode::Throughput)]
	mode: Mode,
	/// A short run (under a minute for `throughput`): fewer transactions and smaller sizes.
	#[arg(long)]
	quick: bool,
	/// `throughput`: transactions in the floor (default 40,000; 3,000 with `--quick`).
	#[arg(long)]
	floor: Option<usize>,
	/// `throughput`: applications through the mix (default 8,000; 600 with `--quick`).
	#[arg(long)]
	apps: Option<usize>,
	/// `queries`: the checkpoints, in applications (default 10000,100000; 1000,5000 with
	/// `--quick`).
	#[arg(long, value_delimiter = ',')]
	sizes: Option<Vec<usize>>,
	/// `queries`: requests of each method at each checkpoint.
	#[arg(long, default_value_t = 1000)]
	samples: usize,
	/// Keep the node's database in DIR at the end (`clearance-node --dev --base-path DIR`).
	#[arg(long, value_name = "DIR")]
	keep_db: Option<PathBuf>,
	/// Blocks each transaction stays valid after its anchor: a power of two from 4 to 4096. Raise
	/// it if pre-signed batches take longer than that to be included on a slow machine.
	#[arg(long, value_name = "BLOCKS", default_value_t = MORTAL_PERIOD, value_parser = period)]
	mortality: u32,
}

/// A mortal period that anchors exactly: a power of two from 4 to 4096.
fn period(text: &str) -> Result<u32, String> {
	let n: u32 = text.parse().map_err(|e| format!("{e}"))?;
	if n.is_power_of_two() && (4..=4096).contains(&n) {
		Ok(n)
	} else {
		Err(format!("{n} is not a power of two from 4 to 4096"))
	}
}

/// The first line: the machine and the node.
fn print_machine() {
	let cpu = std::fs::read_to_string("/proc/cpuinfo")
		.ok()
		.and_then(|c| {
			c.lines()
				.find(|l| l.starts_with("model name"))
				.map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
		})
		.unwrap_or_default();
	println!(
		"machine: {} cores, {cpu}; node: clearance-node --dev (release), 3 s blocks",
		std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
	);
}

/// The floor, then the mix, each with its profile; ends with the ratio line.
async fn throughput(args: &Args, node: &Node, chain: &Chain) {
	let (floor_n, apps) = if args.quick { (3_000, 600) } else { (40_000, 8_000) };
	let floor_n = args.floor.unwrap_or(floor_n);
	let apps = args.apps.unwrap_or(apps);
	let (pid, port) = (node.pid(), node.prometheus_port);
	let mut actors = actors::setup(chain, 200, 64, 256).await;
	let s0 = Snapshot::take(pid, port);
	let floor = workloads::floor(chain, &mut actors, floor_n).await;
	let s1 = Snapshot::take(pid, port);
	print_phase(&floor);
	print_profile(&s0, &s1, floor.ok);
	let (mix, verified, verify_s) = workloads::mix(chain, &mut actors, apps).await;
	let s2 = Snapshot::take(pid, port);
	print_phase(&mix);
	print_profile(&s1, &s2, mix.ok);
	println!("  certificate verifications: {verified}, mean {:.2} ms over HTTP", verify_s * 1000.0);
	println!("node memory (RSS) at the end: {} MiB", rss_kib(pid) / 1024);
	println!(
		"clearance actions/s: {:.0}; floor transactions/s: {:.0}; ratio: {:.2}",
		mix.included_per_s,
		floor.included_per_s,
		mix.included_per_s / floor.included_per_s
	);
}

/// Grow the chain to each size and measure the queries there.
async fn queries(args: &Args, node: &Node, chain: &Chain) {
	let sizes = args.sizes.clone().unwrap_or_else(|| {
		if args.quick {
			vec![1_000, 5_000]
		} else {
			vec![10_000, 100_000]
		}
	});
	let mut actors = actors::setup(chain, 16, 32, 256).await;
	// A few deemed approvals give certificates to verify.
	let (txs, parcels) = actors.parcels(200, chain.birth());
	chain.run_batch(txs, "parcels").await;
	let birth = chain.birth();
	let apps: Vec<_> =
		parcels.iter().map(|(p, e)| actors.apply(*e, *p, &["DEMO_QUICK_NOC"], birth)).collect();
	let mut have = apps.len();
	chain.run_batch(apps, "quick NOC applications").await;
	let base = dir_size(&node.base_path);
	let mut first: Option<Vec<(String, f64, f64)>> = None;
	for size in sizes {
		workloads::grow_to(chain, &mut actors, size, &mut have).await;
		let bytes = dir_size(&node.base_path);
		println!(
			"{have} applications: database {:.1} MiB, {:.0} bytes per application (including \
			 parcels, trails, blocks)",
			bytes as f64 / 1048576.0,
			(bytes.saturating_sub(base)) as f64 / have as f64
		);
		let figures = workloads::measure_queries(chain, have, args.samples).await;
		for (i, (name, p50, p99)) in figures.iter().enumerate() {
			let ratio = first.as_ref().and_then(|f| f.get(i)).map(|f| p99 / f.2);
			println!(
				"  {name}: median {p50:.2} ms, p99 {p99:.2} ms{}",
				ratio.map(|r| format!(" ({r:.2}x the first size's p99)")).unwrap_or_default()
			);
		}
		first.get_or_insert(figures);
	}
	println!("node memory (RSS) at the end: {} MiB", rss_kib(node.pid()) / 1024);
}

#[tokio::main]
async fn main() {
	let args = Args::parse();
	let node = Node::start_dev().await;
	let chain = Chain::connect(&node.ws_url(), node.http(), args.mortality).await;
	node.wait_finalized(1, Duration::from_secs(60)).await;
	print_machine();
	match args.mode {
		Mode::Throughput => throughput(&args, &node, &chain).await,
		Mode::Queries => queries(&args, &node, &chain).await,
	}
	match &args.keep_db {
		Some(dir) => {
			node.stop_and_keep(dir).await.expect("database moved");
			println!(
				"database kept in {} (clearance-node --dev --base-path {})",
				dir.display(),
				dir.display()
			);
		},
		None => {
			node.stop().await;
		},
	}
}

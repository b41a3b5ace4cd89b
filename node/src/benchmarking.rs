//! `clearance-node benchmark`: runtime benchmarks, in a node built with `runtime-benchmarks`.

use crate::{cli::Cli, service};
use clearance_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;

/// Run a `benchmark` subcommand. `pallet` generates the weights; `machine` and `block` check the
/// hardware and imported blocks. Storage, overhead and extrinsic benchmarks need a balances
/// pallet or extrinsic builders this chain does not have.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Block(cmd) => {
			let sc_service::PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		BenchmarkCmd::Storage(_) | BenchmarkCmd::Overhead(_) | BenchmarkCmd::Extrinsic(_) => {
			Err("this benchmark is not supported by clearance-node; use `benchmark pallet`".into())
		},
	})
}

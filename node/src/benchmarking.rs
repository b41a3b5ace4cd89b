//! `clearance-node benchmark`: runtime benchmarks, in a node built with `runtime-benchmarks`.

use crate::{cli::Cli, service};
use clearance_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;

/// Run a `benchmark` subcommand:
/// - `pallet` generates the weights of a pallet's calls;
/// - `storage` measures the cost of reading and writing a key in this node's database, filled
///   with a chain's state (`--base-path`), and writes the runtime's `DbWeight`;
/// - `overhead` measures the fixed cost of a block and of a transaction (a signed remark from
///   the dev chain's `//Alice`) and writes `BlockExecutionWeight` and `ExtrinsicBaseWeight`;
/// - `machine` and `block` check the hardware and imported blocks.
///
/// `extrinsic` needs transaction builders for calls other than a remark and is not supported.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Storage(cmd) => {
			let sc_service::PartialComponents { client, backend, .. } =
				service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let trie_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, trie_cache)
		},
		BenchmarkCmd::Overhead(cmd) => {
			cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Block(cmd) => {
			let sc_service::PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		BenchmarkCmd::Extrinsic(_) => {
			Err("`benchmark extrinsic` is not supported by clearance-node; use `benchmark pallet`"
				.into())
		},
	})
}

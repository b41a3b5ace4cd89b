//! `clearance-node`: a validator or full node of the Clearance Registry chain.

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error` are large; their APIs return them as they are.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod permissions;
mod rpc;
mod service;
mod well_known;

fn main() -> sc_cli::Result<()> {
	command::run()
}

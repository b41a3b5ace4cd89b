//! # clearctl
//!
//! The clearance registry from the command line, for the four kinds of user:
//!
//! - **officers** register enterprises and parcels, take cases, raise the query, approve with
//!   conditions, reject, revoke certificates and freeze parcels on a court order;
//! - **industrialists** anchor documents, apply, respond to a query, withdraw, and track an
//!   application (`--follow` streams its changes);
//! - **anyone** verifies a certificate;
//! - **auditors** verify a subject's audit trail against a storage proof at a finalized block,
//!   and that block's finality from the chain spec (`--chain-spec`): GRANDPA justifications
//!   following every authority-set change from genesis ([`finality`]).
//!
//! Reads use the node's `clearance_*` JSON-RPC methods through the typed client of
//! `clearance-rpc`; signed submissions use subxt, always mortal (valid for 64 blocks from the
//! latest finalized block). Human output by default, `--json` for scripts. Every failure prints
//! a clear message (a chain error by name with its documentation, a refusal by the pool with the
//! runtime's description of its code) and exits non-zero: 2 bad input, 3 an error from the
//! runtime, 4 a failed audit verification, 1 otherwise.
//!
//! ## Modules
//!
//! [`cli`] (the command line), [`args`] (argument values), [`failure`] (exit codes), [`chain`]
//! (connection, signing, submission), [`rpc`] (typed reads), [`context`], [`commands`] (one
//! module per group), [`show`] (text output), [`audit`] (independent trail verification),
//! [`finality`] (finality proven from the chain spec).
//!
//! ## Terminology
//!
//! - **SURI**: a secret URI: a dev key (`//Alice`), a mnemonic, or a 0x-hex seed. It is read
//!   from `--suri` or `--key-file` (or `CLEARCTL_SURI`) and never printed.
//! - **Document hash**: the SHA-256 of a file, computed locally; only the hash goes on chain.
//!   Texts (a query, conditions, reasons) are hashed the same way.
//! - **Subject**: what an audit trail is about: `department:LAND`, `enterprise:0`,
//!   `parcel:WB19KOL0001234`, `application:0`, `case:1`, `certificate:0`.
//! - **Bundle**: audit evidence saved by `audit verify --export`, verifiable again with
//!   `audit verify --bundle`.

mod args;
mod audit;
mod chain;
mod cli;
mod commands;
mod context;
mod failure;
mod finality;
mod rpc;
mod show;

use clap::Parser;
use cli::{AuditCmd, Cli, Command, DocCmd, FinalityCmd};
use commands::{
	appeals, applications, audit as audit_cmd, certificates, departments, finality as finality_cmd,
	registry,
};
use context::Context;
use failure::{Failure, Result};
use serde_json::{json, Value};
use std::process::ExitCode;

/// Run one command; the JSON it answers is printed with `--json`.
async fn run(cli: Cli) -> Result<Value> {
	let suri = match (&cli.suri, &cli.key_file) {
		(Some(s), _) => Some(s.clone()),
		(None, Some(f)) => Some(
			String::from_utf8(args::read_file(f)?)
				.map_err(|_| Failure::input("the key file is not text"))?,
		),
		(None, None) => None,
	};
	// Commands that need no node.
	if let Command::Doc(DocCmd::Hash { file }) = &cli.command {
		return registry::doc_hash(file, !cli.json);
	}
	let trust = finality::trust(cli.chain_spec.as_deref(), cli.checkpoint.as_deref())?;
	// Saved evidence that holds its finality proof is verified from the chain spec alone.
	if let (Some(trust), Command::Audit(AuditCmd::Verify { bundle: Some(path), .. })) =
		(&trust, &cli.command)
	{
		let saved: Value = serde_json::from_slice(&args::read_file(path)?).unwrap_or_default();
		if !saved["finality"].is_null() {
			return audit_cmd::verify_offline(trust, path.clone(), !cli.json).await;
		}
	}
	let chain = chain::Chain::connect(&cli.url).await?;
	let cx = Context { json: cli.json, finalized: cli.finalized, suri, chain, trust };
	match cli.command {
		Command::Whoami { account } => registry::whoami(&cx, account).await,
		Command::Enterprise(cmd) => registry::enterprise(&cx, cmd).await,
		Command::Parcel(cmd) => registry::parcel(&cx, cmd).await,
		Command::Doc(DocCmd::Anchor { file, kind, uri }) => {
			registry::doc_anchor(&cx, &file, kind, uri).await
		},
		Command::Doc(DocCmd::Hash { .. }) => unreachable!("answered above"),
		Command::Apply(a) => applications::apply(&cx, a).await,
		Command::Withdraw { application } => applications::withdraw(&cx, application).await,
		Command::Track { application, follow, verify } => {
			applications::track(&cx, application, follow, verify).await
		},
		Command::Applications { enterprise, after, limit } => {
			applications::list(&cx, enterprise, after, limit).await
		},
		Command::Case(cmd) => applications::case(&cx, cmd).await,
		Command::Appeal(cmd) => appeals::run(&cx, cmd).await,
		Command::Queue { department, state, after, limit } => {
			departments::queue(&cx, department, state, after, limit).await
		},
		Command::Overdue { department } => departments::overdue(&cx, department).await,
		Command::Dashboard { department } => departments::dashboard(&cx, department).await,
		Command::Cert(cmd) => certificates::run(&cx, cmd).await,
		Command::Audit(cmd) => audit_cmd::run(&cx, cmd).await,
		Command::Finality(FinalityCmd::Checkpoint { out }) => {
			finality_cmd::checkpoint(&cx, &out).await
		},
	}
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(v) => {
			if json {
				println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
			}
			ExitCode::SUCCESS
		},
		Err(f) => {
			if json {
				let e = json!({ "error": { "message": f.message, "name": f.error, "exitCode": f.code } });
				println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
			}
			eprintln!("error: {}", f.message);
			ExitCode::from(f.code)
		},
	}
}

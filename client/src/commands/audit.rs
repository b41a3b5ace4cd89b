//! Audit trails: `audit trail` prints one; `audit verify` checks one against a storage proof at
//! a finalized block ([`crate::audit::verify`]), and that block's finality from the chain spec
//! ([`crate::finality`]), from the node or from saved evidence.

use crate::{
	args,
	audit::{self, Bundle},
	chain::Chain,
	cli::AuditCmd,
	context::Context,
	failure::{Failure, Result},
	finality::{self, Finalized, Trust},
	rpc::{self, ClearanceApiClient, NodeClient, BEST},
	show,
};
use clearance_primitives::Subject;
use serde_json::{json, Value};
use sp_core::{Bytes, H256};
use std::path::PathBuf;

/// `audit trail | verify`.
pub async fn run(cx: &Context, cmd: AuditCmd) -> Result<Value> {
	match cmd {
		AuditCmd::Trail { subject } => {
			Subject::parse(&subject)
				.ok_or_else(|| Failure::input(format!("{subject:?} is not a subject")))?;
			let request = cx.chain.rpc().trail(subject, None, None, BEST);
			let v = rpc::read("clearance_trail", request).await?;
			if cx.human() {
				show::trail(&v);
			}
			Ok(v)
		},
		AuditCmd::Verify { subject, at, export, bundle } => {
			let trust = cx.trust("audit verify")?;
			verify(Some(cx), trust, cx.human(), subject, at, export, bundle).await
		},
	}
}

/// Fetch the evidence for `subject` at `block`: the header, every entry as served, and the
/// storage proof of the head and the entries.
pub async fn fetch(cx: &Context, subject: &str, block: H256) -> Result<Bundle> {
	let parsed = Subject::parse(subject)
		.ok_or_else(|| Failure::input(format!("{subject:?} is not a subject")))?;
	let client = cx.chain.rpc();
	let header = rpc::known_header(client, block).await?;
	let mut entries = Vec::new();
	let mut from = 0u32;
	loop {
		let request = client.trail(subject.into(), Some(from), Some(100), Some(block));
		let page = rpc::read("clearance_trail", request).await?;
		for e in page["entries"].as_array().into_iter().flatten() {
			entries.push(show::text(&e["encoded"]));
		}
		match page["next"].as_u64() {
			Some(n) => from = n as u32,
			None => break,
		}
	}
	let keys: Vec<Bytes> = std::iter::once(audit::head_key(&parsed))
		.chain((0..entries.len() as u32).map(|i| audit::entry_key(&parsed, i)))
		.map(Bytes)
		.collect();
	let proof = rpc::read("state_getReadProof", client.read_proof(keys, Some(block))).await?;
	let proof = proof.proof.iter().map(|node| format!("0x{}", hex::encode(&node.0))).collect();
	let header = serde_json::to_value(&header).map_err(|e| Failure::chain(e.to_string()))?;
	Ok(Bundle { subject: subject.into(), block, header, entries, proof, finality: None })
}

/// Prove `bundle`'s block final from `trust`: from the evidence the bundle holds, or fetched
/// from the node (and kept in the bundle).
pub async fn prove_final(
	chain: Option<&Chain>,
	trust: &Trust,
	bundle: &mut Bundle,
) -> Result<Finalized> {
	let header = audit::header(bundle)?;
	if bundle.finality.is_none() {
		let chain = chain.ok_or_else(|| {
			Failure::input("the evidence holds no finality proof: verify it against a node")
		})?;
		bundle.finality = Some(finality::fetch(chain.rpc(), trust, header.number).await?);
	}
	let evidence = bundle.finality.as_ref().ok_or_else(|| Failure::verify("no finality proof"))?;
	finality::verify(trust, evidence, &header)
}

/// The JSON of a finality proven from `trust`.
pub fn proven(trust: &Trust, f: &Finalized) -> Value {
	json!({
		"trust": trust.source,
		"justified": { "number": f.justified.0, "hash": f.justified.1 },
		"setId": f.set_id,
		"setChanges": f.set_changes,
	})
}

/// `audit verify`: verify the evidence, and the finality of its block from the trusted chain
/// spec (or checkpoint). The node is never asked whether the block is final.
async fn verify(
	cx: Option<&Context>,
	trust: &Trust,
	human: bool,
	subject: Option<String>,
	at: Option<String>,
	export: Option<PathBuf>,
	bundle: Option<PathBuf>,
) -> Result<Value> {
	let mut bundle = match bundle {
		Some(path) => serde_json::from_slice::<Bundle>(&args::read_file(&path)?).map_err(|e| {
			Failure::input(format!("{} is not an evidence bundle: {e}", path.display()))
		})?,
		None => {
			let cx = cx.ok_or_else(|| Failure::input("give --bundle to verify offline"))?;
			let subject = subject.ok_or_else(|| Failure::input("give a SUBJECT or --bundle"))?;
			let client = cx.chain.rpc();
			let block = match at {
				Some(h) => args::hash(&h)?,
				None => rpc::read("chain_getFinalizedHead", client.finalized_head()).await?,
			};
			fetch(cx, &subject, block).await?
		},
	};
	// The storage proof against the header's state root, then the header's finality.
	let verified = audit::verify(&bundle)?;
	let finality = {
		let f = prove_final(cx.map(|c| &c.chain), trust, &mut bundle).await?;
		proven(trust, &f)
	};
	if let Some(path) = &export {
		let text = serde_json::to_vec_pretty(&bundle).map_err(|e| Failure::chain(e.to_string()))?;
		std::fs::write(path, text)
			.map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?;
	}
	if human {
		println!(
			"OK: the trail of {} ({} entries) chains to head {:?}, proven against the state root \
			 {:?} of finalized block #{} {:?}",
			bundle.subject,
			verified.len,
			verified.head,
			verified.state_root,
			verified.number,
			bundle.block
		);
		println!(
			"   finality proven from {}: justification of block #{} by authority set {} ({} set \
			 changes followed)",
			finality["trust"].as_str().unwrap_or(""),
			finality["justified"]["number"],
			finality["setId"],
			finality["setChanges"]
		);
	}
	Ok(json!({
		"ok": true,
		"subject": bundle.subject,
		"entries": verified.len,
		"head": verified.head,
		"block": bundle.block,
		"number": verified.number,
		"stateRoot": verified.state_root,
		"finality": finality,
	}))
}

/// `audit verify --bundle` with a trusted chain spec: no node needed when the bundle holds its
/// finality proof.
pub async fn verify_offline(trust: &Trust, bundle: PathBuf, human: bool) -> Result<Value> {
	verify(None, trust, human, None, None, None, Some(bundle)).await
}

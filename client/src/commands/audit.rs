//! Audit trails: `audit trail` prints one; `audit verify` checks one against a storage proof at
//! a finalized block ([`crate::audit::verify`]), from the node or from saved evidence.

use crate::{
	args,
	audit::{self, Bundle},
	cli::AuditCmd,
	context::Context,
	failure::{Failure, Result},
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
			verify(cx, subject, at, export, bundle).await
		},
	}
}

/// Fetch the evidence for `subject` at `block`: the header, every entry as served, and the
/// storage proof of the head and the entries.
async fn fetch(cx: &Context, subject: &str, block: H256) -> Result<Bundle> {
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
	Ok(Bundle { subject: subject.into(), block, header, entries, proof })
}

/// `audit verify`: verify the evidence, then ask the node whether its block is final in its
/// chain.
async fn verify(
	cx: &Context,
	subject: Option<String>,
	at: Option<String>,
	export: Option<PathBuf>,
	bundle: Option<PathBuf>,
) -> Result<Value> {
	let client = cx.chain.rpc();
	let bundle = match bundle {
		Some(path) => serde_json::from_slice::<Bundle>(&args::read_file(&path)?).map_err(|e| {
			Failure::input(format!("{} is not an evidence bundle: {e}", path.display()))
		})?,
		None => {
			let subject = subject.ok_or_else(|| Failure::input("give a SUBJECT or --bundle"))?;
			let block = match at {
				Some(h) => args::hash(&h)?,
				None => rpc::read("chain_getFinalizedHead", client.finalized_head()).await?,
			};
			fetch(cx, &subject, block).await?
		},
	};
	if let Some(path) = &export {
		let text = serde_json::to_vec_pretty(&bundle).map_err(|e| Failure::chain(e.to_string()))?;
		std::fs::write(path, text)
			.map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?;
	}
	let verified = audit::verify(&bundle)?;
	// The evidence is self-consistent; the node confirms the block is final in its chain.
	let canonical =
		rpc::read("chain_getBlockHash", client.block_hash(Some(verified.number))).await?;
	let finalized = rpc::read("chain_getFinalizedHead", client.finalized_head()).await?;
	let final_number = rpc::known_header(client, finalized).await?.number;
	if canonical != Some(bundle.block) || final_number < verified.number {
		return Err(Failure::verify(format!(
			"block #{} {:?} is not in the node's finalized chain",
			verified.number, bundle.block
		)));
	}
	if cx.human() {
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
	}
	Ok(json!({
		"ok": true,
		"subject": bundle.subject,
		"entries": verified.len,
		"head": verified.head,
		"block": bundle.block,
		"number": verified.number,
		"stateRoot": verified.state_root,
	}))
}

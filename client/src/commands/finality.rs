//! `finality checkpoint`: prove the latest finalized block from the chain spec and save the
//! authority set there, so that later proofs follow only the set changes after it.

use crate::{
	context::Context,
	failure::{Failure, Result},
	finality,
};
use serde_json::{json, Value};
use std::path::Path;

/// `finality checkpoint --out FILE`.
pub async fn checkpoint(cx: &Context, out: &Path) -> Result<Value> {
	let trust = cx.trust("finality checkpoint")?;
	let warp = finality::fetch_warp(cx.chain.rpc(), trust).await?;
	let size: usize = warp.iter().map(Vec::len).sum();
	let sets = finality::follow_encoded(trust, &warp)?;
	let checkpoint = trust
		.checkpoint(&sets)
		.ok_or_else(|| Failure::verify("the warp proof proves no finalized block"))?;
	let text = serde_json::to_vec_pretty(&checkpoint).map_err(|e| Failure::chain(e.to_string()))?;
	std::fs::write(out, text)
		.map_err(|e| Failure::input(format!("cannot write {}: {e}", out.display())))?;
	let (number, hash) = checkpoint.after.unwrap_or_default();
	if cx.human() {
		println!(
			"Checkpoint {}: authority set {} at finalized block #{number} {hash:?}, proven from \
			 {} ({} set changes, warp proof {size} bytes)",
			out.display(),
			checkpoint.set_id,
			trust.source,
			sets.spans.len().saturating_sub(1)
		);
	}
	Ok(json!({
		"checkpoint": out.display().to_string(),
		"setId": checkpoint.set_id,
		"number": number,
		"hash": hash,
		"setChanges": sets.spans.len().saturating_sub(1),
		"warpProofBytes": size,
	}))
}

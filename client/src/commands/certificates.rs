//! Certificates: `cert verify [--proof]` (anyone), `cert revoke` and `cert renew` (approving
//! authorities).

use crate::{
	args, audit,
	cli::CertCmd,
	commands::audit as audit_cmd,
	context::Context,
	failure::{Failure, Result},
	rpc::{self, ClearanceApiClient, NodeClient, BEST},
	show,
};
use clearance_primitives::Action;
use clearance_runtime::RuntimeCall::Clearances;
use pallet_clearances::Call as C;
use serde_json::Value;

/// `cert verify | revoke | renew`.
pub async fn run(cx: &Context, cmd: CertCmd) -> Result<Value> {
	match cmd {
		CertCmd::Verify { number, as_of, proof } => {
			let as_of = as_of.as_deref().map(args::moment).transpose()?;
			if proof {
				return verify_proven(cx, number, as_of).await;
			}
			let request = cx.chain.rpc().certificate(number, as_of, BEST);
			let v = rpc::read("clearance_certificate", request).await?;
			if cx.human() {
				show::certificate(&v);
			}
			Ok(v)
		},
		CertCmd::Revoke { number, reason, reasoning } => {
			let call = Clearances(C::revoke_certificate {
				certificate: number,
				reason,
				reasoning: reasoning.hash()?,
			});
			cx.act(call, "Certificate revoked").await
		},
		CertCmd::Renew { number, conditions } => {
			let call = Clearances(C::renew_certificate {
				certificate: number,
				conditions: conditions.hash()?,
			});
			cx.act(call, "Certificate renewed").await
		},
	}
}

/// What the proven trail of a certificate says of it: revoked, suspended now.
fn trail_status(entries: &[audit::Entry]) -> (bool, bool) {
	let revoked = entries.iter().any(|e| e.action == Action::CertificateRevoked);
	let suspended = entries
		.iter()
		.rev()
		.find_map(|e| match e.action {
			Action::CertificateSuspended => Some(true),
			Action::CertificateRestored => Some(false),
			_ => None,
		})
		.unwrap_or(false);
	(revoked, suspended)
}

/// `cert verify --proof`: the certificate at the latest finalized block, its trail proven there
/// against the block's state root, the block proven final from the chain spec, and the status
/// the node reports checked against the proven trail (revoked, suspended).
async fn verify_proven(cx: &Context, number: u32, as_of: Option<u64>) -> Result<Value> {
	let trust = cx.trust("cert verify --proof")?;
	let client = cx.chain.rpc();
	let block = rpc::read("chain_getFinalizedHead", client.finalized_head()).await?;
	let request = client.certificate(number, as_of, Some(block));
	let mut v = rpc::read("clearance_certificate", request).await?;
	let mut bundle = audit_cmd::fetch(cx, &format!("certificate:{number}"), block).await?;
	let verified = audit::verify(&bundle)?;
	let finalized = audit_cmd::prove_final(Some(&cx.chain), trust, &mut bundle).await?;
	let status = v["status"].as_str().unwrap_or_default().to_string();
	if as_of.is_none() {
		let (revoked, suspended) = trail_status(&verified.entries);
		// Expiry is a matter of time, not of the trail: an expired certificate may be either.
		let (expected, consistent) = match (revoked, suspended) {
			(true, _) => (Some("Revoked"), status == "Revoked"),
			(false, true) => (Some("Suspended"), status == "Suspended" || status == "Expired"),
			(false, false) => (None, status == "Valid" || status == "Expired"),
		};
		if !consistent {
			return Err(Failure::verify(format!(
				"the node says certificate {number} is {status}, but its trail proven at block \
				 #{} records it {}",
				verified.number,
				expected.unwrap_or("neither revoked nor suspended")
			)));
		}
	}
	v["proof"] = serde_json::json!({
		"block": bundle.block,
		"number": verified.number,
		"stateRoot": verified.state_root,
		"trailEntries": verified.len,
		"trailHead": verified.head,
		"finality": audit_cmd::proven(trust, &finalized),
	});
	if cx.human() {
		show::certificate(&v);
		println!(
			"  proven: its trail ({} entries) at finalized block #{} {:?}; finality from {} \
			 (justification of #{} by authority set {}, {} set changes followed)",
			verified.len,
			verified.number,
			bundle.block,
			trust.source,
			finalized.justified.0,
			finalized.set_id,
			finalized.set_changes
		);
	}
	Ok(v)
}

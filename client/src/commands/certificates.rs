//! Certificates: `cert verify` (anyone), `cert revoke` and `cert renew` (approving authorities).

use crate::{
	args,
	cli::CertCmd,
	context::Context,
	failure::Result,
	rpc::{self, ClearanceApiClient, BEST},
	show,
};
use clearance_runtime::RuntimeCall::Clearances;
use pallet_clearances::Call as C;
use serde_json::Value;

/// `cert verify | revoke | renew`.
pub async fn run(cx: &Context, cmd: CertCmd) -> Result<Value> {
	match cmd {
		CertCmd::Verify { number, as_of } => {
			let as_of = as_of.as_deref().map(args::moment).transpose()?;
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

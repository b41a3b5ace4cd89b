//! What every command works with: the connection, the signing key, and the output mode.

use crate::{
	chain::{self, Chain, Receipt},
	failure::{Failure, Result},
	finality::Trust,
};
use clearance_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::{json, Value};
use subxt_signer::sr25519::Keypair;

/// The connection, the key and the output mode of one run.
pub struct Context {
	/// Print JSON (at the end) instead of text.
	pub json: bool,
	/// Wait for finality, not just a best block.
	pub finalized: bool,
	/// The secret URI of the signing key, if given.
	pub suri: Option<String>,
	/// The node.
	pub chain: Chain,
	/// What finality proofs are verified from (`--chain-spec`, `--checkpoint`).
	pub trust: Option<Trust>,
}

impl Context {
	/// Whether to print text.
	pub fn human(&self) -> bool {
		!self.json
	}

	/// The signing key.
	pub fn key(&self) -> Result<Keypair> {
		let suri = self.suri.as_deref().ok_or_else(|| {
			Failure::input(
				"this command signs a transaction: give --suri, --key-file or CLEARCTL_SURI",
			)
		})?;
		chain::keypair(suri)
	}

	/// The trust a proving command needs.
	pub fn trust(&self, command: &str) -> Result<&Trust> {
		self.trust.as_ref().ok_or_else(|| {
			Failure::input(format!(
				"{command} proves finality from the chain spec: give --chain-spec FILE (the raw \
				 spec the nodes run; `clearance-node build-spec --chain <spec> --raw`) or \
				 --checkpoint FILE"
			))
		})
	}

	/// Sign and submit `call`.
	pub async fn submit(&self, call: RuntimeCall) -> Result<Receipt> {
		let key = self.key()?;
		self.chain.submit(&key, call, self.finalized).await
	}

	/// Submit and print the events (all but `System`'s).
	pub async fn act(&self, call: RuntimeCall, done: &str) -> Result<Value> {
		let receipt = self.submit(call).await?;
		let ours: Vec<Value> =
			receipt.events_json.iter().filter(|e| e["pallet"] != "System").cloned().collect();
		if self.human() {
			println!("{done} (block {:?})", receipt.block);
			for e in receipt.events.iter().filter(|e| !matches!(e, RuntimeEvent::System(_))) {
				println!("  {e:?}");
			}
		}
		Ok(json!({ "block": receipt.block, "events": ours }))
	}
}

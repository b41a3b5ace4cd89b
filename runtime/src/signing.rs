//! Signing transactions for this chain off chain, for Rust clients of the runtime (the end-to-end
//! tests, the load generator, the runtime's own tests): one function builds a signed, mortal
//! [`UncheckedExtrinsic`] exactly as a wallet does. `clearctl` signs through subxt with the same
//! [`MORTAL_PERIOD`] and the same choice of anchor ([`Anchor::choose`]).
//!
//! ## Terminology
//!
//! - **Anchor**: the block a mortal transaction is born at. Its hash is part of the signed
//!   payload, so the transaction is valid only on the chain that has this block, and only from it
//!   until [`Anchor::period`] blocks later.
//! - **Refusal code**: the `InvalidTransaction::Custom` code of a transaction the pool refuses
//!   ([`crate::extensions::codes`]).

use crate::{
	extensions::{CheckMortalEra, CheckSigner},
	Address, BlockNumber, Hash, Nonce, RuntimeCall, Signature, SignedPayload, TxExtension,
	UncheckedExtrinsic, VERSION,
};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

/// How many blocks a transaction of ours stays valid after its anchor (a power of two; about
/// three minutes at 3 s blocks).
pub const MORTAL_PERIOD: BlockNumber = 64;

/// How far the finalized block may lag behind the best block and still be the anchor; beyond, a
/// transaction is anchored at the best block (anchored at an old finalized block it would expire
/// before it could be included).
pub const MAX_FINALITY_LAG: BlockNumber = 16;

/// The block a mortal transaction is anchored to, and for how many blocks it is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
	/// The anchor block's number.
	pub number: BlockNumber,
	/// The anchor block's hash.
	pub hash: Hash,
	/// Blocks of validity from the anchor: a power of two from 4 to 4096 (exact anchoring).
	pub period: BlockNumber,
}

impl Anchor {
	/// Anchored at block `number` with `hash`, valid for [`MORTAL_PERIOD`] blocks.
	pub fn new(number: BlockNumber, hash: Hash) -> Self {
		Self { number, hash, period: MORTAL_PERIOD }
	}

	/// The anchor a client should use: the latest finalized block, unless it lags more than
	/// [`MAX_FINALITY_LAG`] behind the best block, then the best block. Each is `(number, hash)`.
	pub fn choose(best: (BlockNumber, Hash), finalized: (BlockNumber, Hash)) -> Self {
		let (number, hash) =
			if best.0.saturating_sub(finalized.0) > MAX_FINALITY_LAG { best } else { finalized };
		Self::new(number, hash)
	}

	/// The era encoded in the transaction.
	pub fn era(&self) -> Era {
		Era::mortal(self.period.into(), self.number.into())
	}
}

/// The transaction extensions of a transaction with `nonce` and `era`, as a client builds them.
pub fn extension(nonce: Nonce, era: Era) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		CheckMortalEra::from(era),
		CheckSigner::from(nonce),
		frame_system::CheckWeight::new(),
	)
}

/// `call` signed by `signer` with `nonce`, mortal: valid from `anchor` for `anchor.period`
/// blocks, on the chain whose genesis hash is `genesis`, for this runtime's spec and transaction
/// versions ([`VERSION`]).
///
/// # Panics
///
/// If `anchor.period` is not a power of two from 4 to 4096: the era would then start before the
/// anchor and the signature would not verify.
pub fn signed_extrinsic(
	signer: &sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	genesis: Hash,
	anchor: Anchor,
) -> UncheckedExtrinsic {
	signed_extrinsic_for(VERSION.spec_version, signer, call, nonce, genesis, anchor)
}

/// [`signed_extrinsic`] for a chain that runs `spec_version` (as `state_getRuntimeVersion`
/// reports it): after a runtime upgrade that kept the calls and the transaction version, a
/// client signs for the new spec, or the chain refuses the signature.
///
/// # Panics
///
/// As [`signed_extrinsic`].
pub fn signed_extrinsic_for(
	spec_version: u32,
	signer: &sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	genesis: Hash,
	anchor: Anchor,
) -> UncheckedExtrinsic {
	let era = anchor.era();
	assert_eq!(
		era.birth(anchor.number.into()),
		u64::from(anchor.number),
		"a mortal period of {} blocks cannot be anchored exactly; use a power of two up to 4096",
		anchor.period
	);
	let extension = extension(nonce, era);
	let implicit = ((), spec_version, VERSION.transaction_version, genesis, anchor.hash, (), ());
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer.public().into()),
		Signature::Sr25519(signature),
		extension,
	)
}

/// The refusal code in the node's answer to a transaction it refused, read exactly: the data
/// `Custom error: N` of the JSON-RPC error `1010: Invalid Transaction` (`author_submitExtrinsic`,
/// `author_submitAndWatchExtrinsic`), or the `Invalid transaction with custom error: N` of a
/// `transactionWatch_v1` event. `None` for any other text (`Custom error: 12` is 12, not 1).
pub fn refusal_code(text: &str) -> Option<u8> {
	let number = text
		.strip_prefix("Custom error: ")
		.or_else(|| text.strip_prefix("Invalid transaction with custom error: "))?;
	if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
		return None;
	}
	number.parse().ok()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn refusal_codes_are_read_exactly() {
		assert_eq!(refusal_code("Custom error: 1"), Some(1));
		assert_eq!(refusal_code("Custom error: 12"), Some(12));
		assert_eq!(refusal_code("Invalid transaction with custom error: 2"), Some(2));
		for other in ["Custom error: ", "Custom error: 1x", "Custom error: +1", "Custom error: 300"]
		{
			assert_eq!(refusal_code(other), None, "{other}");
		}
		assert_eq!(refusal_code("Transaction is outdated"), None);
	}

	#[test]
	fn the_anchor_is_the_finalized_block_unless_finality_lags() {
		let (best, finalized) = ((100, Hash::repeat_byte(1)), (90, Hash::repeat_byte(2)));
		assert_eq!(Anchor::choose(best, finalized), Anchor::new(90, Hash::repeat_byte(2)));
		let stalled = (100 - MAX_FINALITY_LAG - 1, Hash::repeat_byte(3));
		assert_eq!(Anchor::choose(best, stalled), Anchor::new(100, Hash::repeat_byte(1)));
	}

	#[test]
	fn a_signed_extrinsic_is_mortal_from_its_anchor() {
		let signer = sp_keyring::Sr25519Keyring::Eve.pair();
		let call = RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() });
		let anchor = Anchor::new(1000, Hash::repeat_byte(9));
		let xt = signed_extrinsic(&signer, call, 3, Hash::repeat_byte(8), anchor);
		let extension = match xt.preamble {
			sp_runtime::generic::Preamble::Signed(_, _, extension) => extension,
			_ => panic!("a signed transaction"),
		};
		assert_eq!(extension.4, CheckMortalEra::from(Era::mortal(64, 1000)));
		assert_eq!(Era::mortal(64, 1000).birth(1000), 1000);
		assert_eq!(Era::mortal(64, 1000).death(1000), 1064);
	}
}

//! Transaction extensions of the runtime.

use crate::{AccountId, Nonce, Runtime, RuntimeCall, RuntimeOrigin};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::Contains};
use frame_system::CheckNonce;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchResult, Weight,
};

/// The accounts allowed to sign transactions: department heads and officers, and the owners and
/// agents of registered enterprises.
pub type AllowedSigners =
	(pallet_departments::RoleHolders<Runtime>, pallet_enterprises::EnterpriseMembers<Runtime>);

/// How far ahead of its account nonce a signer may submit: at most this many transactions of one
/// signer wait in the pool at a time.
pub const MAX_PENDING_PER_SIGNER: Nonce = 64;

/// `InvalidTransaction::Custom` codes of [`CheckSigner`], for clients to show.
pub mod codes {
	/// The signer holds no role on chain (not a department head or officer, not acting for a
	/// registered enterprise).
	pub const NOT_REGISTERED: u8 = 1;
	/// The signer already has [`super::MAX_PENDING_PER_SIGNER`] transactions pending.
	pub const TOO_MANY_PENDING: u8 = 2;

	/// A readable explanation of a code, or `None` for codes this extension does not use.
	pub fn describe(code: u8) -> Option<&'static str> {
		match code {
			NOT_REGISTERED => Some("the signer holds no role on chain"),
			TOO_MANY_PENDING => Some("the signer has too many transactions pending"),
			_ => None,
		}
	}
}

/// Admits only allowed signers, bounds each signer's pending transactions, and does the work of
/// `frame_system::CheckNonce` (replay protection) in one step.
///
/// It wraps `CheckNonce` because the bound is a bound on the nonce: a transaction whose nonce is
/// more than [`MAX_PENDING_PER_SIGNER`] ahead of the account's is refused, so one account can
/// never hold more than that many slots of the pool. It keeps `CheckNonce`'s identifier and
/// encoding (the compact nonce), so every client that signs for a FRAME chain signs for this one
/// unchanged.
///
/// Refusals, at the pool and again at inclusion:
/// - [`InvalidTransaction::Custom`]`(`[`codes::NOT_REGISTERED`]`)`: the signer holds no role;
/// - [`InvalidTransaction::Custom`]`(`[`codes::TOO_MANY_PENDING`]`)`: too many pending;
/// - `CheckNonce`'s own: `Stale` (nonce already used), `Future` at inclusion.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct CheckSigner(pub CheckNonce<Runtime>);

impl CheckSigner {
	/// The extension for a transaction with `nonce`.
	pub fn from(nonce: Nonce) -> Self {
		Self(CheckNonce::from(nonce))
	}

	/// Whether `who` may submit a transaction with `nonce` now.
	pub fn check(who: &AccountId, nonce: Nonce) -> Result<(), TransactionValidityError> {
		if !AllowedSigners::contains(who) {
			return Err(InvalidTransaction::Custom(codes::NOT_REGISTERED).into());
		}
		let current = frame_system::Pallet::<Runtime>::account_nonce(who);
		if nonce > current.saturating_add(MAX_PENDING_PER_SIGNER.saturating_sub(1)) {
			return Err(InvalidTransaction::Custom(codes::TOO_MANY_PENDING).into());
		}
		Ok(())
	}
}

/// The transaction extensions of an immortal transaction with `nonce`, as a client builds them.
pub fn immortal(nonce: Nonce) -> crate::TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
		CheckSigner::from(nonce),
		frame_system::CheckWeight::new(),
	)
}

impl core::fmt::Debug for CheckSigner {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckSigner({:?})", self.0)
	}
}

impl TransactionExtension<RuntimeCall> for CheckSigner {
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = <CheckNonce<Runtime> as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <CheckNonce<Runtime> as TransactionExtension<RuntimeCall>>::Pre;

	fn weight(&self, call: &RuntimeCall) -> Weight {
		// The role check reads at most two storage items (head, officer).
		self.0
			.weight(call)
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(2))
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			Self::check(who, self.0 .0)?;
		}
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfo,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		<CheckNonce<Runtime> as TransactionExtension<RuntimeCall>>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
	}
}

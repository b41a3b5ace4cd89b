//! Transaction extensions of the runtime: who may transact, what, how much, and for how long.
//!
//! - [`CheckSigner`] (in place of `frame_system::CheckNonce`): the signer holds a role or acts
//!   for an active enterprise, may ever dispatch the call ([`gate`]), sends at most
//!   [`MAX_LEN`] bytes (council proposals excepted), has at most [`MAX_PENDING_PER_SIGNER`]
//!   transactions pending; priority by role; an enterprise's block budget at inclusion.
//! - [`CheckMortalEra`] (in place of `frame_system::CheckMortality`): only mortal transactions,
//!   so a signed transaction can never be included after its era, whatever happens to nonces.
//!
//! Both keep the identifier and encoding of the extension they replace, so every client that
//! signs for a FRAME chain signs for this one unchanged.

pub mod gate;

use crate::{AccountId, Nonce, Runtime, RuntimeCall, RuntimeOrigin};
use clearance_primitives::{CallSigner, SignerKind};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::Contains};
use frame_system::{CheckMortality, CheckNonce};
use scale_info::TypeInfo;
use sp_runtime::{
	generic::Era,
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionPriority, TransactionValidityError, ValidTransaction,
	},
	DispatchResult, Weight,
};

/// The accounts allowed to sign transactions: department heads and officers, and the owners and
/// agents of registered enterprises (whether their enterprise is active is checked apart).
pub type AllowedSigners =
	(pallet_departments::RoleHolders<Runtime>, pallet_enterprises::EnterpriseMembers<Runtime>);

/// How far ahead of its account nonce a signer may submit: at most this many transactions of one
/// signer wait in the pool at a time.
pub const MAX_PENDING_PER_SIGNER: Nonce = 64;

/// Longest transaction, in bytes, but for council proposals (which may carry a runtime upgrade
/// and are bounded by the block length only). The largest call a role needs (an application
/// with every parcel, type and document) is well under 2 KiB.
pub const MAX_LEN: usize = 16 * 1024;

/// Priority of a department head's transactions (council business first).
pub const HEAD_PRIORITY: TransactionPriority = 3_000_000;
/// Priority of an officer's transactions: decisions never wait behind applicants.
pub const OFFICER_PRIORITY: TransactionPriority = 2_000_000;
/// Priority of an applicant's transactions.
pub const APPLICANT_PRIORITY: TransactionPriority = 1_000_000;

/// `InvalidTransaction::Custom` codes of [`CheckSigner`] and [`CheckMortalEra`], for clients to
/// show. The runtime API `ClearanceApi::refusal_reason` serves the same texts to any client.
pub mod codes {
	/// The signer holds no role on chain (not a department head or officer, not acting for a
	/// registered enterprise).
	pub const NOT_REGISTERED: u8 = 1;
	/// The signer already has [`super::MAX_PENDING_PER_SIGNER`] transactions pending.
	pub const TOO_MANY_PENDING: u8 = 2;
	/// The signer's role can never dispatch this call (an applicant calling `approve`, anyone
	/// sending `System.remark`, a council motion's call signed directly).
	pub const CALL_NOT_ALLOWED: u8 = 3;
	/// The transaction is longer than [`super::MAX_LEN`] bytes.
	pub const TOO_LONG: u8 = 4;
	/// The transaction is immortal; only mortal transactions are accepted.
	pub const IMMORTAL: u8 = 5;
	/// The signer's enterprise is suspended or deregistered.
	pub const ENTERPRISE_NOT_ACTIVE: u8 = 6;

	/// Every code, in order.
	pub const ALL: [u8; 6] = [
		NOT_REGISTERED,
		TOO_MANY_PENDING,
		CALL_NOT_ALLOWED,
		TOO_LONG,
		IMMORTAL,
		ENTERPRISE_NOT_ACTIVE,
	];

	/// A readable explanation of a code, or `None` for codes this runtime does not use.
	pub fn describe(code: u8) -> Option<&'static str> {
		match code {
			NOT_REGISTERED => Some("the signer holds no role on chain"),
			TOO_MANY_PENDING => Some("the signer has too many transactions pending"),
			CALL_NOT_ALLOWED => Some("the signer's role can never make this call"),
			TOO_LONG => Some("the transaction is too long"),
			IMMORTAL => Some("the transaction is immortal: sign it with a mortal era"),
			ENTERPRISE_NOT_ACTIVE => Some("the signer's enterprise is suspended or deregistered"),
			_ => None,
		}
	}
}

/// What `who` is as a signer, if anything: a head, an officer, or a member of an active
/// enterprise. A member of a suspended or deregistered enterprise is refused with its own code.
pub fn signer_kind(who: &AccountId) -> Result<SignerKind, TransactionValidityError> {
	if let Some(kind) = pallet_departments::Pallet::<Runtime>::signer_kind(who) {
		return Ok(kind);
	}
	if let Some((enterprise, owner)) = pallet_enterprises::Pallet::<Runtime>::active_member(who) {
		return Ok(SignerKind::Applicant { enterprise, owner });
	}
	if AllowedSigners::contains(who) {
		return Err(InvalidTransaction::Custom(codes::ENTERPRISE_NOT_ACTIVE).into());
	}
	Err(InvalidTransaction::Custom(codes::NOT_REGISTERED).into())
}

/// The priority of a signer's transactions.
pub fn priority_of(kind: &SignerKind) -> TransactionPriority {
	match kind {
		SignerKind::Head(_) => HEAD_PRIORITY,
		SignerKind::Officer(..) => OFFICER_PRIORITY,
		SignerKind::Applicant { .. } => APPLICANT_PRIORITY,
	}
}

/// Admits only allowed signers, and only for calls they could ever dispatch and of a bounded
/// length; bounds each signer's pending transactions; orders transactions by the signer's role;
/// keeps each enterprise within its block budget; and does the work of
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
/// - [`InvalidTransaction::Custom`]`(`[`codes::ENTERPRISE_NOT_ACTIVE`]`)`: its enterprise is
///   suspended or deregistered;
/// - [`InvalidTransaction::Custom`]`(`[`codes::CALL_NOT_ALLOWED`]`)`: its role can never make
///   the call ([`gate::signer_of`]);
/// - [`InvalidTransaction::Custom`]`(`[`codes::TOO_LONG`]`)`: longer than [`MAX_LEN`];
/// - [`InvalidTransaction::Custom`]`(`[`codes::TOO_MANY_PENDING`]`)`: too many pending;
/// - `CheckNonce`'s own: `Stale` (nonce already used), `Future` at inclusion.
///
/// At inclusion only: `ExhaustsResources` once the signer's enterprise has had
/// `Enterprises::MaxTransactionsPerBlock` transactions in this block (the transaction stays in
/// the pool for a later block).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct CheckSigner(pub CheckNonce<Runtime>);

impl CheckSigner {
	/// The extension for a transaction with `nonce`.
	pub fn from(nonce: Nonce) -> Self {
		Self(CheckNonce::from(nonce))
	}

	/// Whether `who` may submit `call` of `len` bytes with `nonce` now; the signer's kind if so.
	pub fn check(
		who: &AccountId,
		call: &RuntimeCall,
		len: usize,
		nonce: Nonce,
	) -> Result<SignerKind, TransactionValidityError> {
		let kind = signer_kind(who)?;
		let needed = gate::signer_of(call);
		if !kind.may_sign(needed) {
			return Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into());
		}
		let council_proposal =
			needed == CallSigner::CouncilMember && gate::is_council_proposal(call);
		if len > MAX_LEN && !council_proposal {
			return Err(InvalidTransaction::Custom(codes::TOO_LONG).into());
		}
		let current = frame_system::Pallet::<Runtime>::account_nonce(who);
		if nonce > current.saturating_add(MAX_PENDING_PER_SIGNER.saturating_sub(1)) {
			return Err(InvalidTransaction::Custom(codes::TOO_MANY_PENDING).into());
		}
		Ok(kind)
	}
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
		// The role check reads at most five items (head, officer, member, standing, enterprise);
		// an applicant's budget one more, written once.
		self.0
			.weight(call)
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(6, 1))
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
		let kind = match origin.as_system_origin_signer() {
			Some(who) => Some(Self::check(who, call, len, self.0 .0)?),
			None => None,
		};
		let (valid, val, origin) = self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)?;
		let priority = kind.as_ref().map(priority_of).unwrap_or_default();
		Ok((valid.combine_with(ValidTransaction { priority, ..Default::default() }), val, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some(who) = origin.as_system_origin_signer() {
			if let Some((enterprise, _)) = pallet_enterprises::Pallet::<Runtime>::active_member(who)
			{
				if !pallet_enterprises::Pallet::<Runtime>::has_block_budget(enterprise) {
					return Err(InvalidTransaction::ExhaustsResources.into());
				}
				pallet_enterprises::Pallet::<Runtime>::note_transaction(enterprise);
			}
		}
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

/// Refuses immortal transactions, then does the work of `frame_system::CheckMortality`.
///
/// A mortal transaction names the block it was born at and is valid for a bounded number of
/// blocks after it; together with nonces that are never reset, no signed transaction can be
/// included twice. Refusal: [`InvalidTransaction::Custom`]`(`[`codes::IMMORTAL`]`)` for a signed
/// immortal transaction, at the pool and at inclusion; `CheckMortality`'s own otherwise.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct CheckMortalEra(pub CheckMortality<Runtime>);

impl CheckMortalEra {
	/// The extension for a transaction of `era`.
	pub fn from(era: Era) -> Self {
		Self(CheckMortality::from(era))
	}
}

impl core::fmt::Debug for CheckMortalEra {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckMortalEra({:?})", self.0 .0)
	}
}

impl TransactionExtension<RuntimeCall> for CheckMortalEra {
	const IDENTIFIER: &'static str = "CheckMortality";
	type Implicit = <CheckMortality<Runtime> as TransactionExtension<RuntimeCall>>::Implicit;
	type Val = <CheckMortality<Runtime> as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <CheckMortality<Runtime> as TransactionExtension<RuntimeCall>>::Pre;

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
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
		if origin.as_system_origin_signer().is_some() && self.0 .0 == Era::Immortal {
			return Err(InvalidTransaction::Custom(codes::IMMORTAL).into());
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
		<CheckMortality<Runtime> as TransactionExtension<RuntimeCall>>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
	}
}

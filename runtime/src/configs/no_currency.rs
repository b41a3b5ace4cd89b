//! A currency for a chain without a token.
//!
//! `pallet-session` demands a currency able to hold a deposit for session keys. This chain has
//! no token and sets the deposit to zero, so the session pallet never asks for a hold; this
//! adapter answers every balance query with zero and refuses any non-zero hold or mint with
//! [`TokenError::Unsupported`].

use crate::{AccountId, RuntimeHoldReason};
use frame_support::traits::tokens::{
	fungible, DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
};
use sp_runtime::{DispatchError, DispatchResult, TokenError};

/// The currency of a chain without a token: every balance is zero.
pub struct NoCurrency;

impl fungible::Inspect<AccountId> for NoCurrency {
	type Balance = u32;

	fn total_issuance() -> u32 {
		0
	}
	fn minimum_balance() -> u32 {
		0
	}
	fn total_balance(_: &AccountId) -> u32 {
		0
	}
	fn balance(_: &AccountId) -> u32 {
		0
	}
	fn reducible_balance(_: &AccountId, _: Preservation, _: Fortitude) -> u32 {
		0
	}
	fn can_deposit(_: &AccountId, _: u32, _: Provenance) -> DepositConsequence {
		DepositConsequence::UnknownAsset
	}
	fn can_withdraw(_: &AccountId, amount: u32) -> WithdrawConsequence<u32> {
		if amount == 0 {
			WithdrawConsequence::Success
		} else {
			WithdrawConsequence::BalanceLow
		}
	}
}

impl fungible::Unbalanced<AccountId> for NoCurrency {
	fn handle_dust(_: fungible::Dust<AccountId, Self>) {}
	fn write_balance(_: &AccountId, amount: u32) -> Result<Option<u32>, DispatchError> {
		if amount == 0 {
			Ok(None)
		} else {
			Err(TokenError::Unsupported.into())
		}
	}
	fn set_total_issuance(_: u32) {}
}

impl fungible::Mutate<AccountId> for NoCurrency {}

impl fungible::hold::Inspect<AccountId> for NoCurrency {
	type Reason = RuntimeHoldReason;

	fn total_balance_on_hold(_: &AccountId) -> u32 {
		0
	}
	fn balance_on_hold(_: &Self::Reason, _: &AccountId) -> u32 {
		0
	}
}

impl fungible::hold::Unbalanced<AccountId> for NoCurrency {
	fn set_balance_on_hold(_: &Self::Reason, _: &AccountId, amount: u32) -> DispatchResult {
		if amount == 0 {
			Ok(())
		} else {
			Err(TokenError::Unsupported.into())
		}
	}
}

impl fungible::hold::Mutate<AccountId> for NoCurrency {}

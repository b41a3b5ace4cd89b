//! Tests of the land records: every call's success (through its event) and every refusal
//! (`assert_noop!`), with the invariants checked after every test (`run`). One file per
//! concern; the helpers they share are here.

// Tests may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

mod consents;
mod orders;
mod random;
mod records;

use crate::{mock::*, *};
use clearance_primitives::{testing::code, Action, Authority, LandRegistry, Role, Subject};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type E = Error<Test>;

/// A second parcel.
const PARCEL2: Ulpin = *b"WB19KOL0005678";
/// A well-formed ULPIN no parcel has.
const UNKNOWN: Ulpin = *b"WB19KOL0009999";

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A text field from bytes that fit.
fn text<N: Get<u32>>(bytes: &[u8]) -> Field<N> {
	bytes.to_vec().try_into().unwrap()
}

/// Register `parcel` (agricultural, 20,000 m²) held by `holder`, signed by `by`.
fn register_held(by: u64, parcel: Ulpin, holder: Holder) -> sp_runtime::DispatchResult {
	LandParcels::register_parcel(
		signed(by),
		parcel,
		text(b"Kolkata"),
		text(b"Rajarhat"),
		text(b"1234/5"),
		20_000,
		LandUse::Agricultural,
		holder,
	)
}

/// Register `parcel` held privately, signed by `by`.
fn register(by: u64, parcel: Ulpin) -> sp_runtime::DispatchResult {
	register_held(by, parcel, Holder::Private(H256::repeat_byte(9)))
}

fn mortgage() -> Encumbrance {
	Encumbrance {
		kind: EncumbranceKind::Mortgage,
		holder_hash: H256::repeat_byte(1),
		deed_hash: H256::repeat_byte(2),
	}
}

/// The trail of `parcel`.
fn trail(parcel: Ulpin) -> Vec<pallet_audit::EntryOf<Test>> {
	pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(parcel)).0
}

/// The details hash a trail entry carries for `details`.
fn details_hash(details: impl codec::Encode) -> H256 {
	use sp_runtime::traits::Hash;
	sp_runtime::traits::BlakeTwo256::hash_of(&details)
}

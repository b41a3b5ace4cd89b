//! The land record's types and the bounds of its fields.
//!
//! Each bound is a type alias here, used both by the call parameters (so an over-long value is
//! refused when the call is decoded) and by the stored record, and exposed to clients as a
//! constant of the same name in the metadata (the pallet's `extra_constants`).

use clearance_primitives::EnterpriseId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_core::H256;

/// Longest district name, in bytes.
pub type MaxDistrictLen = ConstU32<32>;
/// Longest village (mouza) name, in bytes.
pub type MaxVillageLen = ConstU32<32>;
/// Longest plot (dag) number, in bytes.
pub type MaxPlotLen = ConstU32<16>;
/// Most encumbrances recorded on one parcel.
pub type MaxEncumbrances = ConstU32<8>;
/// Most enterprises that hold a consent to use one parcel at a time.
pub type MaxConsentsPerParcel = ConstU32<8>;

/// Short text fields of a land record.
pub type Field<N> = BoundedVec<u8, N>;

/// Who holds a parcel.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Holder {
	/// A registered enterprise.
	Enterprise(EnterpriseId),
	/// A private holder, by a salted commitment to their identity record: SHA-256 over a
	/// random 32-byte salt (kept off chain with the deed) followed by the identity record. See
	/// the crate's "Personal data" section.
	Private(H256),
}

/// Kind of charge on the land.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum EncumbranceKind {
	/// A mortgage.
	Mortgage,
	/// A lease.
	Lease,
	/// A lien or attachment.
	Lien,
	/// Any other charge.
	Other,
}

/// A charge on the land.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Encumbrance {
	/// Kind of charge.
	pub kind: EncumbranceKind,
	/// Salted commitment to the chargeholder's identity record, made as for
	/// [`Holder::Private`].
	pub holder_hash: H256,
	/// Hash of the deed.
	pub deed_hash: H256,
}

/// A court order freezing a parcel.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Freeze<BlockNumber> {
	/// Hash of the court order.
	pub order_hash: H256,
	/// Block since which the parcel is frozen.
	pub since: BlockNumber,
}

/// A land parcel's record.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Parcel<BlockNumber> {
	/// District.
	pub district: Field<MaxDistrictLen>,
	/// Village or mouza.
	pub village: Field<MaxVillageLen>,
	/// Plot (dag) number.
	pub plot: Field<MaxPlotLen>,
	/// Area in square metres.
	pub area_sqm: u64,
	/// Land-use class.
	pub land_use: clearance_primitives::LandUse,
	/// Holder.
	pub holder: Holder,
	/// Charges on the land.
	pub encumbrances: BoundedVec<Encumbrance, MaxEncumbrances>,
	/// The court order freezing it, if any.
	pub frozen: Option<Freeze<BlockNumber>>,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// How a parcel's holder consented to an enterprise using it.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum ConsentBy<AccountId> {
	/// The holding enterprise's owner signed the consent.
	Holder,
	/// A Land record keeper recorded a private holder's consent after verifying it off chain.
	RecordedByOfficer {
		/// The record keeper.
		officer: AccountId,
		/// Salted hash of the signed consent document, made as for [`Holder::Private`] (the
		/// document names the holder).
		evidence_hash: H256,
	},
}

/// A holder's consent that an enterprise may apply for clearances concerning the parcel.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Consent<AccountId, BlockNumber> {
	/// Who consented, and how.
	pub by: ConsentBy<AccountId>,
	/// Block in which the consent was put on record.
	pub at: BlockNumber,
}

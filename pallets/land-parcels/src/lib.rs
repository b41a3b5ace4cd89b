//! # Land parcels pallet
//!
//! The land records the clearance workflow relies on, kept by Land department officers, and the
//! holders' consents that let an enterprise apply for clearances on land it does not hold.
//!
//! ## Terminology
//!
//! - **Parcel**: a piece of land identified by a 14-character ULPIN-style id ([`Ulpin`]), with
//!   district, village (mouza), plot (dag) number, area in square metres, land-use class,
//!   holder and encumbrances ([`Parcel`]).
//! - **Holder**: a registered enterprise, or a salted commitment to a private holder's identity
//!   ([`Holder`]; see [Personal data](#personal-data)).
//! - **Encumbrance**: a charge on the land (mortgage, lease, lien), recorded by hashes.
//! - **Freeze**: a court order (injunction) that stops every change to the parcel and suspends
//!   every in-flight case and valid certificate concerning it until it is lifted
//!   ([`Config::OnFreeze`]).
//! - **Consent**: the holder's permission, on record, for another enterprise to apply for
//!   clearances concerning the parcel ([`Consent`]). The holding enterprise's owner signs it
//!   ([`Pallet::consent_to_use`]); for a private holder a Land record keeper records the
//!   consent verified off chain ([`Pallet::record_consent`]). A change of holder ends every
//!   consent of the previous holder.
//! - **Land-use order**: a reasoned order of a Land approving authority or head correcting a
//!   parcel's land-use class ([`Pallet::correct_land_use`]); otherwise the class changes only by
//!   an approved land-use conversion clearance ([`LandRegistry::convert_land_use`]).
//!
//! ## Who may do what
//!
//! - Land record keepers, that is scrutiny officers and department admins (and the head)
//!   ([`RECORD_ROLES`]): [`Pallet::register_parcel`], [`Pallet::update_parcel`] (area and
//!   holder), [`Pallet::add_encumbrance`], [`Pallet::remove_encumbrance`], and the consents of
//!   private holders ([`Pallet::record_consent`], [`Pallet::withdraw_consent`]).
//! - Approving authorities, department admins and the head carry out court orders
//!   ([`ORDER_ROLES`]: [`Pallet::freeze_parcel`], [`Pallet::unfreeze_parcel`]).
//! - Approving authorities and the head correct the land use by order ([`CORRECTION_ROLES`]:
//!   [`Pallet::correct_land_use`]).
//! - The owner (not an agent) of the enterprise holding a parcel gives and withdraws consents
//!   for it ([`Pallet::consent_to_use`], [`Pallet::withdraw_consent`]).
//! - The clearance workflow converts the land use after an approved conversion
//!   ([`LandRegistry::convert_land_use`]) and asks whether an enterprise may apply for a parcel
//!   ([`LandRegistry::may_apply`]).
//!
//! Every change appends to the parcel's audit trail.
//!
//! ## Design
//!
//! **Primary storage**: [`Parcels`] (the land record) and [`Consents`] (one entry per parcel and
//! consenting-to enterprise, with who consented and how).
//!
//! **Derived storage**: [`ConsentCount`], the number of [`Consents`] entries under each parcel
//! (absent for none). It is written only next to [`Consents`] (`insert_consent`,
//! `remove_consent`, `clear_consents` in `src/features/consents.rs`) and lets a grant check the
//! bound [`MaxConsentsPerParcel`] in one read, and a change of holder remove all of a parcel's
//! consents with one prefix removal limited to that bound: the count never exceeds it, so the
//! limited removal always removes every entry. [`Pallet::do_try_state`] checks that the count
//! agrees with the entries, and that every consent concerns an existing parcel and a registered
//! enterprise other than its holder, and was given the way its holder gives consent (an
//! enterprise's owner, or a record keeper for a private holder). It runs after every unit test.
//!
//! **Checks, then writes.** Each `do_*` helper (one per call, crate-private, in
//! `src/features/{records,orders,consents}.rs`) checks everything before its first write; the
//! audit trail is written first, so a full trail refuses the call with nothing changed.
//!
//! **Hashers.**
//! - `Blake2_128Concat` on ULPINs ([`Parcels`], the first key of [`Consents`],
//!   [`ConsentCount`]): officers type them in from outside the chain, so a hash that no one can
//!   steer keeps the trie balanced, and the key can be read back.
//! - `Twox64Concat` on enterprise ids (second key of [`Consents`]): the enterprise registry
//!   assigns them from a counter, so no caller chooses them, and the cheaper hash is safe.
//!
//! ## Limits
//!
//! Every bound a client can run into is a constant of this pallet in the metadata:
//! `MaxDistrictLen`, `MaxVillageLen`, `MaxPlotLen` (text fields, refused when the call is
//! decoded if longer), `MaxEncumbrances` and `MaxConsentsPerParcel`; the errors name them.
//!
//! ## Personal data
//!
//! India's Digital Personal Data Protection Act, 2023 applies to the records, and a ledger
//! cannot erase. Nothing on chain names a private person in clear: a private holder
//! ([`Holder::Private`]), a chargeholder ([`Encumbrance::holder_hash`]) and a private holder's
//! consent document ([`ConsentBy::RecordedByOfficer`]'s `evidence_hash`) appear only as
//! **salted commitments**, made by the officer as follows:
//!
//! 1. Draw a fresh salt of 32 random bytes from a cryptographic random source, one per record
//!    (never reused across parcels, encumbrances or consents).
//! 2. Commit: `SHA-256(salt ‖ identity record)`, the identity record being the holder's identity
//!    document as the department's register keeps it (for a consent: the signed consent
//!    document).
//! 3. Keep the salt off chain with the deed (or the consent document), never on chain and never
//!    in a transaction.
//!
//! Without the salt, a guessable identity (a name, an Aadhaar or PAN number) cannot be
//! confirmed against the chain by hashing candidates; with the salt and the record, anyone
//! entitled to them can verify the commitment. Erasing the salt and the off-chain record leaves
//! an on-chain hash that no longer relates to anyone. Operating steps are in
//! `docs/operating.md`, "Personal data on chain".

#![cfg_attr(not(feature = "std"), no_std)]
// Tests may unwrap, index and count freely; runtime code may not (workspace lints).
#![cfg_attr(
	test,
	allow(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

use clearance_primitives::{
	Action, AuditTrail, Authority, DepartmentAuthority, DepartmentKind, EnterpriseAuthority,
	EnterpriseId, LandRegistry, ParcelFreezeHandler, Role, Subject,
};
pub use clearance_primitives::{LandUse, Ulpin};
use codec::Encode;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use sp_core::H256;

/// Roles that keep land records (the head holds every role).
pub const RECORD_ROLES: [Role; 2] = [Role::ScrutinyOfficer, Role::DepartmentAdmin];
/// Roles that carry out court orders.
pub const ORDER_ROLES: [Role; 2] = [Role::ApprovingAuthority, Role::DepartmentAdmin];
/// Roles that correct a parcel's land use by a reasoned order.
pub const CORRECTION_ROLES: [Role; 1] = [Role::ApprovingAuthority];

/// The parcel record as stored for runtime `T`.
pub type ParcelOf<T> = Parcel<BlockNumberFor<T>>;
/// A consent as stored for runtime `T`.
pub type ConsentOf<T> = Consent<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Creates accounts with Land department roles and enterprises, for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An account that may keep land records, carry out court orders and correct land use (a
	/// Land head).
	fn land_officer() -> AccountId;

	/// The owner of a registered, active enterprise, and the enterprise's id: a different
	/// enterprise for each `index` (the benchmarks use 0 and 1).
	fn enterprise(index: u32) -> (AccountId, EnterpriseId);
}

// `register_parcel` takes the whole land record as its parameters. FRAME's generated code for
// the pallet, storage and errors calls `expect`; only declarations and thin calls are written
// here, and the code they call is in other modules, where the lint holds.
#[allow(clippy::too_many_arguments, clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The department registry: who is a Land officer.
		type Departments: DepartmentAuthority<Self::AccountId>;

		/// The enterprise registry: enterprises that hold parcels or are given consent, and
		/// their owners.
		type Enterprises: EnterpriseAuthority<Self::AccountId>;

		/// Suspends and restores the cases and certificates of a parcel when it is frozen and
		/// released.
		type OnFreeze: ParcelFreezeHandler;

		/// The audit trail.
		type Trail: AuditTrail<Self::AccountId>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Parcels by ULPIN.
	#[pallet::storage]
	pub type Parcels<T: Config> = StorageMap<_, Blake2_128Concat, Ulpin, ParcelOf<T>>;

	/// Consents on record: the enterprises a parcel's holder lets apply for clearances
	/// concerning it, with who consented and how. At most [`MaxConsentsPerParcel`] per parcel.
	#[pallet::storage]
	pub type Consents<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Ulpin, Twox64Concat, EnterpriseId, ConsentOf<T>>;

	/// How many [`Consents`] each parcel has (derived; absent for none).
	#[pallet::storage]
	pub type ConsentCount<T: Config> = StorageMap<_, Blake2_128Concat, Ulpin, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A Land officer registered a parcel.
		ParcelRegistered { parcel: Ulpin, land_use: LandUse, officer: T::AccountId },
		/// A Land officer changed a parcel's record (area, holder or encumbrances).
		ParcelUpdated { parcel: Ulpin, officer: T::AccountId },
		/// A court order froze a parcel: its cases and certificates are suspended.
		ParcelFrozen { parcel: Ulpin, order_hash: H256, officer: T::AccountId },
		/// A parcel's freeze was lifted: its cases and certificates are restored.
		ParcelUnfrozen { parcel: Ulpin, order_hash: H256, officer: T::AccountId },
		/// An approved land-use conversion changed a parcel's class.
		LandUseConverted { parcel: Ulpin, from: LandUse, to: LandUse },
		/// A Land approving authority or head corrected a parcel's land use by a reasoned
		/// order.
		LandUseCorrected {
			parcel: Ulpin,
			from: LandUse,
			to: LandUse,
			order_hash: H256,
			officer: T::AccountId,
		},
		/// The owner of the enterprise holding a parcel consented that `enterprise` may apply
		/// for clearances concerning it.
		ConsentGiven { parcel: Ulpin, enterprise: EnterpriseId, owner: T::AccountId },
		/// A Land record keeper recorded a private holder's consent that `enterprise` may apply
		/// for clearances concerning the parcel.
		ConsentRecorded {
			parcel: Ulpin,
			enterprise: EnterpriseId,
			evidence_hash: H256,
			officer: T::AccountId,
		},
		/// A consent was withdrawn, by the holding enterprise's owner or a Land record keeper.
		ConsentWithdrawn { parcel: Ulpin, enterprise: EnterpriseId, by: T::AccountId },
		/// The parcel changed holder: the previous holder's `count` consents ended.
		ConsentsLapsed { parcel: Ulpin, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not a Land department officer with a role allowed to do this.
		NotAuthorized,
		/// The ULPIN is not 14 characters of `A-Z` and `0-9`.
		BadUlpin,
		/// A parcel with this ULPIN is already registered.
		AlreadyExists,
		/// No parcel has this ULPIN.
		NotFound,
		/// A court order freezes the parcel: it cannot change.
		ParcelFrozen,
		/// The parcel is already frozen.
		AlreadyFrozen,
		/// The parcel is not frozen.
		NotFrozen,
		/// A text field (district, village, plot) is empty. (Longer than `MaxDistrictLen`,
		/// `MaxVillageLen` or `MaxPlotLen` is refused when the call is decoded.)
		EmptyField,
		/// The area is zero.
		ZeroArea,
		/// An enterprise the call names (the holder, or the enterprise given consent) is not
		/// registered.
		UnknownEnterprise,
		/// The parcel already carries `MaxEncumbrances` encumbrances.
		TooManyEncumbrances,
		/// The parcel has no encumbrance at this index.
		NoSuchEncumbrance,
		/// The update changes nothing.
		NothingToUpdate,
		/// The signer is not the owner of the enterprise holding the parcel (an agent is not
		/// enough).
		NotHolder,
		/// The parcel is held privately: a Land record keeper records its holder's consent
		/// ([`Pallet::record_consent`]).
		HeldPrivately,
		/// The parcel is held by an enterprise: its owner gives consent
		/// ([`Pallet::consent_to_use`]).
		HeldByEnterprise,
		/// A consent for this enterprise on this parcel is already on record.
		ConsentExists,
		/// No consent for this enterprise on this parcel is on record.
		NoConsent,
		/// The enterprise holds the parcel: it needs no consent from itself.
		OwnConsent,
		/// The parcel already has `MaxConsentsPerParcel` consents on record.
		TooManyConsents,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	// The bounds of this pallet's types, for clients: each returns the alias of the same name
	// in `types.rs`, the single source of the bound.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest district name, in bytes; `register_parcel` with a longer one does not
		/// decode.
		#[pallet::constant_name(MaxDistrictLen)]
		fn max_district_len() -> u32 {
			<MaxDistrictLen as Get<u32>>::get()
		}

		/// Longest village (mouza) name, in bytes; `register_parcel` with a longer one does not
		/// decode.
		#[pallet::constant_name(MaxVillageLen)]
		fn max_village_len() -> u32 {
			<MaxVillageLen as Get<u32>>::get()
		}

		/// Longest plot (dag) number, in bytes; `register_parcel` with a longer one does not
		/// decode.
		#[pallet::constant_name(MaxPlotLen)]
		fn max_plot_len() -> u32 {
			<MaxPlotLen as Get<u32>>::get()
		}

		/// Most encumbrances recorded on one parcel ([`Error::TooManyEncumbrances`]).
		#[pallet::constant_name(MaxEncumbrances)]
		fn max_encumbrances() -> u32 {
			<MaxEncumbrances as Get<u32>>::get()
		}

		/// Most consents on record for one parcel ([`Error::TooManyConsents`]).
		#[pallet::constant_name(MaxConsentsPerParcel)]
		fn max_consents_per_parcel() -> u32 {
			<MaxConsentsPerParcel as Get<u32>>::get()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a parcel.
		///
		/// Origin: a Land department record keeper: scrutiny officer, department admin or head
		/// ([`Error::NotAuthorized`]).
		/// Checks: the ULPIN is well formed ([`Error::BadUlpin`]) and new
		/// ([`Error::AlreadyExists`]); no text field is empty ([`Error::EmptyField`]; longer
		/// than `MaxDistrictLen`, `MaxVillageLen`, `MaxPlotLen` does not decode); the area is
		/// positive ([`Error::ZeroArea`]); an enterprise holder is registered
		/// ([`Error::UnknownEnterprise`]). Emits [`Event::ParcelRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_parcel())]
		pub fn register_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			district: Field<MaxDistrictLen>,
			village: Field<MaxVillageLen>,
			plot: Field<MaxPlotLen>,
			area_sqm: u64,
			land_use: LandUse,
			holder: Holder,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, parcel, district, village, plot, area_sqm, land_use, holder)
		}

		/// Update a parcel's area or holder (a mutation after transfer). The land use changes
		/// only by order ([`Pallet::correct_land_use`]) or by an approved conversion.
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the values are valid
		/// ([`Error::ZeroArea`], [`Error::UnknownEnterprise`]); the parcel exists
		/// ([`Error::NotFound`]) and is not frozen ([`Error::ParcelFrozen`]); something changes
		/// ([`Error::NothingToUpdate`]). Emits [`Event::ParcelUpdated`]; when the holder
		/// changes, every consent of the previous holder ends ([`Event::ConsentsLapsed`], if
		/// there were any).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_parcel())]
		pub fn update_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			area_sqm: Option<u64>,
			holder: Option<Holder>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update(who, parcel, area_sqm, holder)
		}

		/// Record a charge on a parcel.
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the parcel exists
		/// ([`Error::NotFound`]) and is not frozen ([`Error::ParcelFrozen`]); there is room
		/// ([`Error::TooManyEncumbrances`]). Emits [`Event::ParcelUpdated`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_encumbrance())]
		pub fn add_encumbrance(
			origin: OriginFor<T>,
			parcel: Ulpin,
			encumbrance: Encumbrance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_encumbrance(who, parcel, encumbrance)
		}

		/// Remove the charge at `index` (it was discharged).
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the parcel exists
		/// ([`Error::NotFound`]) and is not frozen ([`Error::ParcelFrozen`]); the index is valid
		/// ([`Error::NoSuchEncumbrance`]). Emits [`Event::ParcelUpdated`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_encumbrance())]
		pub fn remove_encumbrance(
			origin: OriginFor<T>,
			parcel: Ulpin,
			index: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_encumbrance(who, parcel, index)
		}

		/// Carry out a court order freezing a parcel: nothing about it may change, and every
		/// in-flight case and valid certificate concerning it is suspended.
		///
		/// Origin: a Land department approving authority, department admin or head
		/// ([`Error::NotAuthorized`]). Checks: the parcel exists ([`Error::NotFound`]) and is
		/// not frozen yet ([`Error::AlreadyFrozen`]). Emits [`Event::ParcelFrozen`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::freeze_parcel().saturating_add(T::OnFreeze::max_weight()))]
		pub fn freeze_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			order_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_freeze(who, parcel, order_hash)
		}

		/// Lift a freeze: the parcel's cases and certificates are restored.
		///
		/// Origin: as [`Pallet::freeze_parcel`]. Checks: the parcel exists
		/// ([`Error::NotFound`]) and is frozen ([`Error::NotFrozen`]). Emits
		/// [`Event::ParcelUnfrozen`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unfreeze_parcel().saturating_add(T::OnFreeze::max_weight()))]
		pub fn unfreeze_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			order_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unfreeze(who, parcel, order_hash)
		}

		/// Correct a parcel's land-use class by a reasoned order (for example an error in the
		/// record). `order_hash` is the hash of the order; it goes into the parcel's trail. A
		/// change of use for a project goes through the land-use conversion clearance instead.
		///
		/// Origin: a Land department approving authority or head ([`Error::NotAuthorized`]).
		/// Checks: the parcel exists ([`Error::NotFound`]) and is not frozen
		/// ([`Error::ParcelFrozen`]); the class changes ([`Error::NothingToUpdate`]). Emits
		/// [`Event::LandUseCorrected`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::correct_land_use())]
		pub fn correct_land_use(
			origin: OriginFor<T>,
			parcel: Ulpin,
			land_use: LandUse,
			order_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_correct_land_use(who, parcel, land_use, order_hash)
		}

		/// Consent, as the holder, that `enterprise` may apply for clearances concerning a
		/// parcel the signer's enterprise holds.
		///
		/// Origin: the owner (not an agent) of the enterprise holding the parcel. Checks: the
		/// parcel exists ([`Error::NotFound`]) and is held by an enterprise
		/// ([`Error::HeldPrivately`]) that the signer owns ([`Error::NotHolder`]); `enterprise`
		/// is another one ([`Error::OwnConsent`]); no court order freezes the parcel
		/// ([`Error::ParcelFrozen`]); `enterprise` is registered
		/// ([`Error::UnknownEnterprise`]) and has no consent yet ([`Error::ConsentExists`]);
		/// there is room ([`Error::TooManyConsents`]). Emits [`Event::ConsentGiven`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::consent_to_use())]
		pub fn consent_to_use(
			origin: OriginFor<T>,
			parcel: Ulpin,
			enterprise: EnterpriseId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_consent_to_use(who, parcel, enterprise)
		}

		/// Record a private holder's consent that `enterprise` may apply for clearances
		/// concerning the parcel, after verifying it off chain. `evidence_hash` is the salted
		/// hash of the signed consent document (see the crate's "Personal data" section).
		///
		/// Origin: a Land department record keeper ([`Error::NotAuthorized`]). Checks: the
		/// parcel exists ([`Error::NotFound`]) and is held privately
		/// ([`Error::HeldByEnterprise`]); no court order freezes it ([`Error::ParcelFrozen`]);
		/// `enterprise` is registered ([`Error::UnknownEnterprise`]) and has no consent yet
		/// ([`Error::ConsentExists`]); there is room ([`Error::TooManyConsents`]). Emits
		/// [`Event::ConsentRecorded`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::record_consent())]
		pub fn record_consent(
			origin: OriginFor<T>,
			parcel: Ulpin,
			enterprise: EnterpriseId,
			evidence_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_consent(who, parcel, enterprise, evidence_hash)
		}

		/// Withdraw the consent for `enterprise` on a parcel. Allowed while the parcel is
		/// frozen: withdrawing creates no interest in the land. Cases already submitted are not
		/// affected.
		///
		/// Origin: whoever may give the parcel's consents: the owner of the enterprise holding
		/// it ([`Error::NotHolder`]), or for a privately held parcel a Land department record
		/// keeper ([`Error::NotAuthorized`]). Checks: the parcel exists ([`Error::NotFound`]);
		/// the consent is on record ([`Error::NoConsent`]). Emits [`Event::ConsentWithdrawn`].
		#[pallet::call_index(9)]
		#[pallet::weight(
			T::WeightInfo::withdraw_consent_by_holder()
				.max(T::WeightInfo::withdraw_consent_by_officer())
		)]
		pub fn withdraw_consent(
			origin: OriginFor<T>,
			parcel: Ulpin,
			enterprise: EnterpriseId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_consent(who, parcel, enterprise)
		}
	}
}

impl<T: Config> LandRegistry<T::AccountId> for Pallet<T> {
	fn is_frozen(parcel: &Ulpin) -> Option<bool> {
		Parcels::<T>::get(parcel).map(|p| p.frozen.is_some())
	}

	fn convert_land_use(
		parcel: &Ulpin,
		to: LandUse,
		signer: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
	) -> DispatchResult {
		Self::do_convert_land_use(parcel, to, signer, authority)
	}

	fn may_apply(parcel: &Ulpin, enterprise: EnterpriseId) -> bool {
		Self::holds_or_has_consent(parcel, enterprise)
	}
}

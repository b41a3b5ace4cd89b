//! # Land parcels pallet
//!
//! The land records the clearance workflow relies on, kept by Land department officers.
//!
//! ## Terminology
//!
//! - **Parcel**: a piece of land identified by a 14-character ULPIN-style id ([`Ulpin`]), with
//!   district, village (mouza), plot (dag) number, area in square metres, land-use class,
//!   holder and encumbrances.
//! - **Holder**: a registered enterprise, or the hash of a private holder's identity (no
//!   personal data on chain).
//! - **Encumbrance**: a charge on the land (mortgage, lease, lien), recorded by hashes.
//! - **Freeze**: a court order (injunction) that stops every change to the parcel and suspends
//!   every in-flight case and valid certificate concerning it until it is lifted
//!   ([`Config::OnFreeze`]).
//!
//! ## Who may do what
//!
//! Officers of a Land department: scrutiny officers and department admins (and the head) keep
//! the records ([`Pallet::register_parcel`], [`Pallet::update_parcel`],
//! [`Pallet::add_encumbrance`], [`Pallet::remove_encumbrance`]); approving authorities, department
//! admins and the head carry out court orders ([`Pallet::freeze_parcel`],
//! [`Pallet::unfreeze_parcel`]). Land-use conversion follows an approved clearance
//! ([`LandRegistry::convert_land_use`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use clearance_primitives::{
	Action, AuditTrail, Authority, DepartmentAuthority, DepartmentKind, EnterpriseAuthority,
	EnterpriseId, LandRegistry, ParcelFreezeHandler, Role, Subject,
};
pub use clearance_primitives::{LandUse, Ulpin};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_core::H256;

/// Roles that keep land records.
pub const RECORD_ROLES: [Role; 2] = [Role::ScrutinyOfficer, Role::DepartmentAdmin];
/// Roles that carry out court orders.
pub const ORDER_ROLES: [Role; 2] = [Role::ApprovingAuthority, Role::DepartmentAdmin];

/// Who holds a parcel.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Holder {
	/// A registered enterprise.
	Enterprise(EnterpriseId),
	/// A private holder, by the hash of their identity record.
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
	/// Hash of the chargeholder's identity.
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

/// Short text fields of a land record.
pub type Field<N> = BoundedVec<u8, N>;
/// Most encumbrances recorded on one parcel.
pub type MaxEncumbrances = ConstU32<8>;

/// A land parcel's record.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Parcel<BlockNumber> {
	/// District.
	pub district: Field<ConstU32<32>>,
	/// Village or mouza.
	pub village: Field<ConstU32<32>>,
	/// Plot (dag) number.
	pub plot: Field<ConstU32<16>>,
	/// Area in square metres.
	pub area_sqm: u64,
	/// Land-use class.
	pub land_use: LandUse,
	/// Holder.
	pub holder: Holder,
	/// Charges on the land.
	pub encumbrances: BoundedVec<Encumbrance, MaxEncumbrances>,
	/// The court order freezing it, if any.
	pub frozen: Option<Freeze<BlockNumber>>,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// The parcel record as stored for runtime `T`.
pub type ParcelOf<T> = Parcel<BlockNumberFor<T>>;

/// Creates accounts with Land department roles, for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An account that may keep land records and carry out court orders (a Land head).
	fn land_officer() -> AccountId;
}

// `register_parcel` takes the whole land record as its parameters.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The department registry: who is a Land officer.
		type Departments: DepartmentAuthority<Self::AccountId>;

		/// The enterprise registry, for parcels held by enterprises.
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

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A Land officer registered a parcel.
		ParcelRegistered { parcel: Ulpin, land_use: LandUse, officer: T::AccountId },
		/// A Land officer changed a parcel's record (area, holder, land use or encumbrances).
		ParcelUpdated { parcel: Ulpin, officer: T::AccountId },
		/// A court order froze a parcel: its cases and certificates are suspended.
		ParcelFrozen { parcel: Ulpin, order_hash: H256, officer: T::AccountId },
		/// A parcel's freeze was lifted: its cases and certificates are restored.
		ParcelUnfrozen { parcel: Ulpin, order_hash: H256, officer: T::AccountId },
		/// An approved land-use conversion changed a parcel's class.
		LandUseConverted { parcel: Ulpin, from: LandUse, to: LandUse },
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
		/// A text field (district, village, plot) is empty.
		EmptyField,
		/// A text field is longer than allowed (district and village 32 bytes, plot 16).
		FieldTooLong,
		/// The area is zero.
		ZeroArea,
		/// The holder is an enterprise that is not registered.
		UnknownEnterprise,
		/// The parcel already carries the most encumbrances a record holds (8).
		TooManyEncumbrances,
		/// The parcel has no encumbrance at this index.
		NoSuchEncumbrance,
		/// The update changes nothing.
		NothingToUpdate,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a parcel.
		///
		/// Origin: a Land department scrutiny officer, department admin or head
		/// ([`Error::NotAuthorized`]).
		/// Checks: the ULPIN is well formed ([`Error::BadUlpin`]) and new
		/// ([`Error::AlreadyExists`]); text fields fit ([`Error::EmptyField`],
		/// [`Error::FieldTooLong`]); the area is positive ([`Error::ZeroArea`]); an enterprise
		/// holder is registered ([`Error::UnknownEnterprise`]). Emits
		/// [`Event::ParcelRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_parcel())]
		pub fn register_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			district: Vec<u8>,
			village: Vec<u8>,
			plot: Vec<u8>,
			area_sqm: u64,
			land_use: LandUse,
			holder: Holder,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, parcel, district, village, plot, area_sqm, land_use, holder)
		}

		/// Update a parcel's area, holder (a mutation after transfer) or land-use class
		/// (a correction of the record).
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the parcel exists
		/// ([`Error::NotFound`]) and is not frozen ([`Error::ParcelFrozen`]); something changes
		/// ([`Error::NothingToUpdate`]); values are valid ([`Error::ZeroArea`],
		/// [`Error::UnknownEnterprise`]). Emits [`Event::ParcelUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_parcel())]
		pub fn update_parcel(
			origin: OriginFor<T>,
			parcel: Ulpin,
			area_sqm: Option<u64>,
			holder: Option<Holder>,
			land_use: Option<LandUse>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update(who, parcel, area_sqm, holder, land_use)
		}

		/// Record a charge on a parcel.
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the parcel exists and is not frozen;
		/// there is room ([`Error::TooManyEncumbrances`]). Emits [`Event::ParcelUpdated`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_encumbrance())]
		pub fn add_encumbrance(
			origin: OriginFor<T>,
			parcel: Ulpin,
			encumbrance: Encumbrance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_change(who, parcel, |p| {
				p.encumbrances
					.try_push(encumbrance.clone())
					.map_err(|_| Error::<T>::TooManyEncumbrances.into())
			})
		}

		/// Remove the charge at `index` (it was discharged).
		///
		/// Origin: as [`Pallet::register_parcel`]. Checks: the parcel exists and is not frozen;
		/// the index is valid ([`Error::NoSuchEncumbrance`]). Emits [`Event::ParcelUpdated`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_encumbrance())]
		pub fn remove_encumbrance(
			origin: OriginFor<T>,
			parcel: Ulpin,
			index: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_change(who, parcel, |p| {
				ensure!((index as usize) < p.encumbrances.len(), Error::<T>::NoSuchEncumbrance);
				p.encumbrances.remove(index as usize);
				Ok(())
			})
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
		/// Origin: as [`Pallet::freeze_parcel`]. Checks: the parcel exists and is frozen
		/// ([`Error::NotFrozen`]). Emits [`Event::ParcelUnfrozen`].
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
	}
}

impl<T: Config> Pallet<T> {
	/// Validate a ULPIN: 14 characters of `A-Z` and `0-9`.
	pub fn check_ulpin(parcel: &Ulpin) -> Result<(), Error<T>> {
		ensure!(
			parcel.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
			Error::<T>::BadUlpin
		);
		Ok(())
	}

	fn authority(who: &T::AccountId, roles: &[Role]) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_of_kind(who, DepartmentKind::Land, roles)
			.ok_or(Error::<T>::NotAuthorized)
	}

	fn field<N: Get<u32>>(v: Vec<u8>) -> Result<Field<N>, Error<T>> {
		ensure!(!v.is_empty(), Error::<T>::EmptyField);
		v.try_into().map_err(|_| Error::<T>::FieldTooLong)
	}

	fn check_holder(holder: &Holder) -> Result<(), Error<T>> {
		if let Holder::Enterprise(id) = holder {
			ensure!(T::Enterprises::exists(*id), Error::<T>::UnknownEnterprise);
		}
		Ok(())
	}

	fn record(
		parcel: &Ulpin,
		who: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(Subject::Parcel(*parcel), who, authority, action, details)
	}

	/// See [`Pallet::register_parcel`].
	#[allow(clippy::too_many_arguments)]
	pub fn do_register(
		who: T::AccountId,
		parcel: Ulpin,
		district: Vec<u8>,
		village: Vec<u8>,
		plot: Vec<u8>,
		area_sqm: u64,
		land_use: LandUse,
		holder: Holder,
	) -> DispatchResult {
		let authority = Self::authority(&who, &RECORD_ROLES)?;
		Self::check_ulpin(&parcel)?;
		ensure!(!Parcels::<T>::contains_key(parcel), Error::<T>::AlreadyExists);
		let record = Parcel {
			district: Self::field(district)?,
			village: Self::field(village)?,
			plot: Self::field(plot)?,
			area_sqm,
			land_use,
			holder,
			encumbrances: BoundedVec::new(),
			frozen: None,
			registered_at: frame_system::Pallet::<T>::block_number(),
		};
		ensure!(area_sqm > 0, Error::<T>::ZeroArea);
		Self::check_holder(&record.holder)?;

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelRegistered, &record)?;
		Parcels::<T>::insert(parcel, record);
		Self::deposit_event(Event::ParcelRegistered { parcel, land_use, officer: who });
		Ok(())
	}

	/// Apply `change` to an unfrozen parcel as a record keeper; see [`Pallet::update_parcel`].
	fn do_change(
		who: T::AccountId,
		parcel: Ulpin,
		change: impl FnOnce(&mut ParcelOf<T>) -> DispatchResult,
	) -> DispatchResult {
		let authority = Self::authority(&who, &RECORD_ROLES)?;
		let mut p = Parcels::<T>::get(parcel).ok_or(Error::<T>::NotFound)?;
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		let before = p.clone();
		change(&mut p)?;
		ensure!(p != before, Error::<T>::NothingToUpdate);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelUpdated, &p)?;
		Parcels::<T>::insert(parcel, p);
		Self::deposit_event(Event::ParcelUpdated { parcel, officer: who });
		Ok(())
	}

	/// See [`Pallet::update_parcel`].
	pub fn do_update(
		who: T::AccountId,
		parcel: Ulpin,
		area_sqm: Option<u64>,
		holder: Option<Holder>,
		land_use: Option<LandUse>,
	) -> DispatchResult {
		ensure!(area_sqm != Some(0), Error::<T>::ZeroArea);
		if let Some(h) = &holder {
			Self::check_holder(h)?;
		}
		Self::do_change(who, parcel, |p| {
			if let Some(a) = area_sqm {
				p.area_sqm = a;
			}
			if let Some(h) = holder {
				p.holder = h;
			}
			if let Some(u) = land_use {
				p.land_use = u;
			}
			Ok(())
		})
	}

	/// See [`Pallet::freeze_parcel`].
	pub fn do_freeze(who: T::AccountId, parcel: Ulpin, order_hash: H256) -> DispatchResult {
		let authority = Self::authority(&who, &ORDER_ROLES)?;
		let mut p = Parcels::<T>::get(parcel).ok_or(Error::<T>::NotFound)?;
		ensure!(p.frozen.is_none(), Error::<T>::AlreadyFrozen);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelFrozen, order_hash)?;
		p.frozen = Some(Freeze { order_hash, since: frame_system::Pallet::<T>::block_number() });
		Parcels::<T>::insert(parcel, p);
		T::OnFreeze::on_freeze(&parcel);
		Self::deposit_event(Event::ParcelFrozen { parcel, order_hash, officer: who });
		Ok(())
	}

	/// See [`Pallet::unfreeze_parcel`].
	pub fn do_unfreeze(who: T::AccountId, parcel: Ulpin, order_hash: H256) -> DispatchResult {
		let authority = Self::authority(&who, &ORDER_ROLES)?;
		let mut p = Parcels::<T>::get(parcel).ok_or(Error::<T>::NotFound)?;
		ensure!(p.frozen.is_some(), Error::<T>::NotFrozen);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelUnfrozen, order_hash)?;
		p.frozen = None;
		Parcels::<T>::insert(parcel, p);
		T::OnFreeze::on_unfreeze(&parcel);
		Self::deposit_event(Event::ParcelUnfrozen { parcel, order_hash, officer: who });
		Ok(())
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
		let mut p = Parcels::<T>::get(parcel).ok_or(Error::<T>::NotFound)?;
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		let from = core::mem::replace(&mut p.land_use, to);
		Self::record(parcel, signer, authority, Action::ParcelUpdated, (from, to))?;
		Parcels::<T>::insert(parcel, p);
		Self::deposit_event(Event::LandUseConverted { parcel: *parcel, from, to });
		Ok(())
	}
}

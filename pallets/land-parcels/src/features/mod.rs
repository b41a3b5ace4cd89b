//! What each call does, by concern: one `do_*` helper per call and the steps they share. Each
//! helper checks before it writes (see the crate's Design notes).
//!
//! - `records`: registration, area and holder, encumbrances;
//! - `orders`: court freezes and land-use changes (by order or by an approved conversion);
//! - `consents`: holders' consents to other enterprises applying for clearances.

mod consents;
mod orders;
mod records;

use crate::*;

impl<T: Config> Pallet<T> {
	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The authority under which `who` acts as a Land officer holding one of `roles`.
	pub(crate) fn authority(
		who: &T::AccountId,
		roles: &[Role],
	) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_of_kind(who, DepartmentKind::Land, roles)
			.ok_or(Error::<T>::NotAuthorized)
	}

	/// The record of `parcel`.
	pub(crate) fn parcel(parcel: &Ulpin) -> Result<ParcelOf<T>, Error<T>> {
		Parcels::<T>::get(parcel).ok_or(Error::<T>::NotFound)
	}

	/// Append to `parcel`'s audit trail.
	pub(crate) fn record(
		parcel: &Ulpin,
		who: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(Subject::Parcel(*parcel), who, authority, action, details)
	}
}

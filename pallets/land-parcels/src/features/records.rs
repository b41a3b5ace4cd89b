//! The land record itself: registration, area and holder, encumbrances.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Validate a ULPIN: 14 characters of `A-Z` and `0-9`.
	pub fn check_ulpin(parcel: &Ulpin) -> Result<(), Error<T>> {
		ensure!(
			parcel.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
			Error::<T>::BadUlpin
		);
		Ok(())
	}

	/// An enterprise holder must be registered.
	fn check_holder(holder: &Holder) -> Result<(), Error<T>> {
		if let Holder::Enterprise(id) = holder {
			ensure!(T::Enterprises::exists(*id), Error::<T>::UnknownEnterprise);
		}
		Ok(())
	}

	/// See [`Pallet::register_parcel`].
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_register(
		who: T::AccountId,
		parcel: Ulpin,
		district: Field<MaxDistrictLen>,
		village: Field<MaxVillageLen>,
		plot: Field<MaxPlotLen>,
		area_sqm: u64,
		land_use: LandUse,
		holder: Holder,
	) -> DispatchResult {
		let authority = Self::authority(&who, &RECORD_ROLES)?;
		Self::check_ulpin(&parcel)?;
		ensure!(!Parcels::<T>::contains_key(parcel), Error::<T>::AlreadyExists);
		ensure!(
			!district.is_empty() && !village.is_empty() && !plot.is_empty(),
			Error::<T>::EmptyField
		);
		ensure!(area_sqm > 0, Error::<T>::ZeroArea);
		Self::check_holder(&holder)?;
		let record = Parcel {
			district,
			village,
			plot,
			area_sqm,
			land_use,
			holder,
			encumbrances: BoundedVec::new(),
			frozen: None,
			registered_at: Self::now(),
		};

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelRegistered, &record)?;
		Parcels::<T>::insert(parcel, record);
		Self::deposit_event(Event::ParcelRegistered { parcel, land_use, officer: who });
		Ok(())
	}

	/// Apply `change` to an unfrozen parcel as a record keeper; returns the record as it was
	/// before. The trail entry's details are the new record.
	fn do_change(
		who: T::AccountId,
		parcel: Ulpin,
		change: impl FnOnce(&mut ParcelOf<T>) -> DispatchResult,
	) -> Result<ParcelOf<T>, DispatchError> {
		let authority = Self::authority(&who, &RECORD_ROLES)?;
		let mut p = Self::parcel(&parcel)?;
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		let before = p.clone();
		change(&mut p)?;
		ensure!(p != before, Error::<T>::NothingToUpdate);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelUpdated, &p)?;
		Parcels::<T>::insert(parcel, p);
		Self::deposit_event(Event::ParcelUpdated { parcel, officer: who });
		Ok(before)
	}

	/// See [`Pallet::update_parcel`].
	pub(crate) fn do_update(
		who: T::AccountId,
		parcel: Ulpin,
		area_sqm: Option<u64>,
		holder: Option<Holder>,
	) -> DispatchResult {
		ensure!(area_sqm != Some(0), Error::<T>::ZeroArea);
		if let Some(h) = &holder {
			Self::check_holder(h)?;
		}
		let new_holder = holder.clone();
		let before = Self::do_change(who, parcel, |p| {
			if let Some(a) = area_sqm {
				p.area_sqm = a;
			}
			if let Some(h) = holder {
				p.holder = h;
			}
			Ok(())
		})?;
		if new_holder.is_some_and(|h| h != before.holder) {
			Self::clear_consents(&parcel);
		}
		Ok(())
	}

	/// See [`Pallet::add_encumbrance`].
	pub(crate) fn do_add_encumbrance(
		who: T::AccountId,
		parcel: Ulpin,
		encumbrance: Encumbrance,
	) -> DispatchResult {
		Self::do_change(who, parcel, |p| {
			p.encumbrances.try_push(encumbrance).map_err(|_| Error::<T>::TooManyEncumbrances.into())
		})
		.map(|_| ())
	}

	/// See [`Pallet::remove_encumbrance`].
	pub(crate) fn do_remove_encumbrance(
		who: T::AccountId,
		parcel: Ulpin,
		index: u32,
	) -> DispatchResult {
		Self::do_change(who, parcel, |p| {
			let index = usize::try_from(index).map_err(|_| Error::<T>::NoSuchEncumbrance)?;
			ensure!(index < p.encumbrances.len(), Error::<T>::NoSuchEncumbrance);
			p.encumbrances.remove(index);
			Ok(())
		})
		.map(|_| ())
	}
}

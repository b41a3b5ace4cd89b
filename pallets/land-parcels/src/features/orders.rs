//! Orders: court freezes, and the two ways a parcel's land use changes (a reasoned order of the
//! Land department, or an approved land-use conversion clearance).

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::freeze_parcel`].
	pub(crate) fn do_freeze(who: T::AccountId, parcel: Ulpin, order_hash: H256) -> DispatchResult {
		let authority = Self::authority(&who, &ORDER_ROLES)?;
		let mut p = Self::parcel(&parcel)?;
		ensure!(p.frozen.is_none(), Error::<T>::AlreadyFrozen);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelFrozen, order_hash)?;
		p.frozen = Some(Freeze { order_hash, since: Self::now() });
		Parcels::<T>::insert(parcel, p);
		T::OnFreeze::on_freeze(&parcel);
		Self::deposit_event(Event::ParcelFrozen { parcel, order_hash, officer: who });
		Ok(())
	}

	/// See [`Pallet::unfreeze_parcel`].
	pub(crate) fn do_unfreeze(
		who: T::AccountId,
		parcel: Ulpin,
		order_hash: H256,
	) -> DispatchResult {
		let authority = Self::authority(&who, &ORDER_ROLES)?;
		let mut p = Self::parcel(&parcel)?;
		ensure!(p.frozen.is_some(), Error::<T>::NotFrozen);

		Self::record(&parcel, Some(who.clone()), authority, Action::ParcelUnfrozen, order_hash)?;
		p.frozen = None;
		Parcels::<T>::insert(parcel, p);
		T::OnFreeze::on_unfreeze(&parcel);
		Self::deposit_event(Event::ParcelUnfrozen { parcel, order_hash, officer: who });
		Ok(())
	}

	/// See [`Pallet::correct_land_use`]. The trail entry's details are
	/// `(from, to, order_hash)`.
	pub(crate) fn do_correct_land_use(
		who: T::AccountId,
		parcel: Ulpin,
		to: LandUse,
		order_hash: H256,
	) -> DispatchResult {
		let authority = Self::authority(&who, &CORRECTION_ROLES)?;
		let mut p = Self::parcel(&parcel)?;
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		let from = p.land_use;
		ensure!(from != to, Error::<T>::NothingToUpdate);

		let details = (from, to, order_hash);
		Self::record(&parcel, Some(who.clone()), authority, Action::LandUseCorrected, details)?;
		p.land_use = to;
		Parcels::<T>::insert(parcel, p);
		Self::deposit_event(Event::LandUseCorrected { parcel, from, to, order_hash, officer: who });
		Ok(())
	}

	/// See [`LandRegistry::convert_land_use`]. The trail entry's details are `(from, to)`.
	pub(crate) fn do_convert_land_use(
		parcel: &Ulpin,
		to: LandUse,
		signer: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
	) -> DispatchResult {
		let mut p = Self::parcel(parcel)?;
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		let from = core::mem::replace(&mut p.land_use, to);
		Self::record(parcel, signer, authority, Action::ParcelUpdated, (from, to))?;
		Parcels::<T>::insert(parcel, p);
		Self::deposit_event(Event::LandUseConverted { parcel: *parcel, from, to });
		Ok(())
	}
}

//! Holders' consents: which other enterprises may apply for clearances concerning a parcel.
//!
//! [`Consents`] and its count [`ConsentCount`] are written only here: `insert_consent`,
//! `remove_consent` and `clear_consents` keep them in step. Each trail entry's details are
//! `(enterprise, Option<consent>)`: the consent on record for that enterprise after the change.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Whether `enterprise` holds `parcel` or has its holder's consent on record; see
	/// [`LandRegistry::may_apply`].
	pub(crate) fn holds_or_has_consent(parcel: &Ulpin, enterprise: EnterpriseId) -> bool {
		Parcels::<T>::get(parcel).is_some_and(|p| {
			p.holder == Holder::Enterprise(enterprise)
				|| Consents::<T>::contains_key(parcel, enterprise)
		})
	}

	/// The enterprise holding `p` and the signer's authority, if `who` is its owner.
	fn holding_owner(
		who: &T::AccountId,
		p: &ParcelOf<T>,
	) -> Result<(EnterpriseId, Authority<T::AccountId>), Error<T>> {
		let Holder::Enterprise(holder) = p.holder else {
			return Err(Error::<T>::HeldPrivately);
		};
		match T::Enterprises::acting_for(who) {
			Some((id, authority @ Authority::Owner { .. })) if id == holder => Ok((id, authority)),
			_ => Err(Error::<T>::NotHolder),
		}
	}

	/// Checks for a new consent for `enterprise` on `parcel` (record `p`), whoever gives it;
	/// returns the parcel's consent count with it.
	fn ensure_can_consent(
		parcel: &Ulpin,
		p: &ParcelOf<T>,
		enterprise: EnterpriseId,
	) -> Result<u32, Error<T>> {
		ensure!(p.frozen.is_none(), Error::<T>::ParcelFrozen);
		ensure!(T::Enterprises::exists(enterprise), Error::<T>::UnknownEnterprise);
		ensure!(!Consents::<T>::contains_key(parcel, enterprise), Error::<T>::ConsentExists);
		let count = ConsentCount::<T>::get(parcel);
		ensure!(count < <MaxConsentsPerParcel as Get<u32>>::get(), Error::<T>::TooManyConsents);
		count.checked_add(1).ok_or(Error::<T>::TooManyConsents)
	}

	/// Put a checked consent on record (trail first), with the parcel's new `count`.
	fn insert_consent(
		parcel: &Ulpin,
		enterprise: EnterpriseId,
		consent: ConsentOf<T>,
		count: u32,
		who: T::AccountId,
		authority: Authority<T::AccountId>,
	) -> DispatchResult {
		let details = (enterprise, Some(&consent));
		Self::record(parcel, Some(who), authority, Action::ConsentGiven, details)?;
		Consents::<T>::insert(parcel, enterprise, consent);
		ConsentCount::<T>::insert(parcel, count);
		Ok(())
	}

	/// Take a consent off record (trail first).
	fn remove_consent(
		parcel: &Ulpin,
		enterprise: EnterpriseId,
		who: T::AccountId,
		authority: Authority<T::AccountId>,
	) -> DispatchResult {
		let details = (enterprise, None::<ConsentOf<T>>);
		Self::record(parcel, Some(who), authority, Action::ConsentWithdrawn, details)?;
		Consents::<T>::remove(parcel, enterprise);
		let count = ConsentCount::<T>::get(parcel).saturating_sub(1);
		if count == 0 {
			ConsentCount::<T>::remove(parcel);
		} else {
			ConsentCount::<T>::insert(parcel, count);
		}
		Ok(())
	}

	/// End every consent on `parcel` (its holder changed); returns how many there were.
	///
	/// One prefix removal limited to [`MaxConsentsPerParcel`]: the count, checked on every
	/// grant, never exceeds it, so the removal takes every entry and leaves no cursor.
	pub(crate) fn clear_consents(parcel: &Ulpin) -> u32 {
		let count = ConsentCount::<T>::take(parcel);
		if count == 0 {
			return 0;
		}
		let _ =
			Consents::<T>::clear_prefix(parcel, <MaxConsentsPerParcel as Get<u32>>::get(), None);
		Self::deposit_event(Event::ConsentsLapsed { parcel: *parcel, count });
		count
	}

	/// See [`Pallet::consent_to_use`].
	pub(crate) fn do_consent_to_use(
		who: T::AccountId,
		parcel: Ulpin,
		enterprise: EnterpriseId,
	) -> DispatchResult {
		let p = Self::parcel(&parcel)?;
		let (holder, authority) = Self::holding_owner(&who, &p)?;
		ensure!(enterprise != holder, Error::<T>::OwnConsent);
		let count = Self::ensure_can_consent(&parcel, &p, enterprise)?;

		let consent = Consent { by: ConsentBy::Holder, at: Self::now() };
		Self::insert_consent(&parcel, enterprise, consent, count, who.clone(), authority)?;
		Self::deposit_event(Event::ConsentGiven { parcel, enterprise, owner: who });
		Ok(())
	}

	/// See [`Pallet::record_consent`].
	pub(crate) fn do_record_consent(
		who: T::AccountId,
		parcel: Ulpin,
		enterprise: EnterpriseId,
		evidence_hash: H256,
	) -> DispatchResult {
		let authority = Self::authority(&who, &RECORD_ROLES)?;
		let p = Self::parcel(&parcel)?;
		ensure!(matches!(p.holder, Holder::Private(_)), Error::<T>::HeldByEnterprise);
		let count = Self::ensure_can_consent(&parcel, &p, enterprise)?;

		let by = ConsentBy::RecordedByOfficer { officer: who.clone(), evidence_hash };
		let consent = Consent { by, at: Self::now() };
		Self::insert_consent(&parcel, enterprise, consent, count, who.clone(), authority)?;
		Self::deposit_event(Event::ConsentRecorded {
			parcel,
			enterprise,
			evidence_hash,
			officer: who,
		});
		Ok(())
	}

	/// See [`Pallet::withdraw_consent`].
	pub(crate) fn do_withdraw_consent(
		who: T::AccountId,
		parcel: Ulpin,
		enterprise: EnterpriseId,
	) -> DispatchResult {
		let p = Self::parcel(&parcel)?;
		let authority = match p.holder {
			Holder::Enterprise(_) => Self::holding_owner(&who, &p)?.1,
			Holder::Private(_) => Self::authority(&who, &RECORD_ROLES)?,
		};
		ensure!(Consents::<T>::contains_key(parcel, enterprise), Error::<T>::NoConsent);

		Self::remove_consent(&parcel, enterprise, who.clone(), authority)?;
		Self::deposit_event(Event::ConsentWithdrawn { parcel, enterprise, by: who });
		Ok(())
	}
}

//! The pallet's invariants, checked by `try-runtime` and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// Invariants:
	/// - every parcel has a well-formed ULPIN, non-empty text fields and a positive area;
	/// - every consent concerns an existing parcel and a registered enterprise other than the
	///   parcel's holder, and was given the way its holder gives consent (by the owner for an
	///   enterprise holder, recorded by an officer for a private holder);
	/// - [`ConsentCount`] equals the number of consents of each parcel, is never stored as 0
	///   and never exceeds [`MaxConsentsPerParcel`].
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (id, p) in Parcels::<T>::iter() {
			ensure!(Self::check_ulpin(&id).is_ok(), "parcel with a malformed ULPIN");
			ensure!(
				!p.district.is_empty() && !p.village.is_empty() && !p.plot.is_empty(),
				"parcel with an empty text field"
			);
			ensure!(p.area_sqm > 0, "parcel with zero area");
		}

		let mut counted: BTreeMap<Ulpin, u32> = BTreeMap::new();
		for (parcel, enterprise, consent) in Consents::<T>::iter() {
			let p = Parcels::<T>::get(parcel).ok_or("consent on an unknown parcel")?;
			ensure!(T::Enterprises::exists(enterprise), "consent for an unknown enterprise");
			ensure!(p.holder != Holder::Enterprise(enterprise), "consent for the holder itself");
			let matches_holder = matches!(
				(&p.holder, &consent.by),
				(Holder::Enterprise(_), ConsentBy::Holder)
					| (Holder::Private(_), ConsentBy::RecordedByOfficer { .. })
			);
			ensure!(matches_holder, "consent given the wrong way for its holder");
			counted.entry(parcel).or_default().saturating_inc();
		}

		let max = <MaxConsentsPerParcel as Get<u32>>::get();
		let mut stored = 0usize;
		for (parcel, count) in ConsentCount::<T>::iter() {
			stored.saturating_inc();
			ensure!(count > 0, "zero consent count stored");
			ensure!(count <= max, "more consents than MaxConsentsPerParcel");
			ensure!(counted.get(&parcel) == Some(&count), "consent count differs from consents");
		}
		ensure!(stored == counted.len(), "consents without a count");
		Ok(())
	}
}

//! Benchmarks of the land records (v2 syntax). Each sets up its call's worst case: a parcel
//! record of the largest size (longest fields, every encumbrance) and, for the consents, a
//! parcel with as many consents as the bound allows.

// Benchmark setup may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const PARCEL: Ulpin = *b"BENCH000000001";

fn officer<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::land_officer()
}

fn full_text<N: Get<u32>>() -> Field<N> {
	alloc::vec![b'x'; N::get() as usize].try_into().expect("N bytes fit")
}

/// Register the largest parcel record, held by `holder`, with every encumbrance.
fn registered<T: Config>(holder: Holder) {
	Pallet::<T>::do_register(
		officer::<T>(),
		PARCEL,
		full_text(),
		full_text(),
		full_text(),
		10_000,
		LandUse::Agricultural,
		holder,
	)
	.expect("the helper's officer keeps land records");
	encumbered::<T>(<MaxEncumbrances as Get<u32>>::get());
}

fn encumbrance() -> Encumbrance {
	Encumbrance {
		kind: EncumbranceKind::Mortgage,
		holder_hash: H256::zero(),
		deed_hash: H256::zero(),
	}
}

/// Fill the parcel's encumbrances up to `n`.
fn encumbered<T: Config>(n: u32) {
	Parcels::<T>::mutate(PARCEL, |p| {
		if let Some(p) = p {
			while (p.encumbrances.len() as u32) < n {
				let _ = p.encumbrances.try_push(encumbrance());
			}
		}
	});
}

/// Put `n` consents of the way `by` on record for the parcel, for enterprise ids from
/// `u32::MAX` down (ids no benchmark uses otherwise; only the count and the entries matter).
fn consents<T: Config>(n: u32, by: ConsentBy<T::AccountId>) {
	for i in 0..n {
		let consent = Consent { by: by.clone(), at: frame_system::Pallet::<T>::block_number() };
		Consents::<T>::insert(PARCEL, u32::MAX - i, consent);
	}
	ConsentCount::<T>::insert(PARCEL, n);
}

fn recorded_by<T: Config>() -> ConsentBy<T::AccountId> {
	ConsentBy::RecordedByOfficer { officer: officer::<T>(), evidence_hash: H256::zero() }
}

fn max_consents() -> u32 {
	<MaxConsentsPerParcel as Get<u32>>::get()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_parcel() {
		#[extrinsic_call]
		_(
			RawOrigin::Signed(officer::<T>()),
			PARCEL,
			full_text(),
			full_text(),
			full_text(),
			10_000,
			LandUse::Agricultural,
			Holder::Private(H256::zero()),
		);

		assert!(Parcels::<T>::contains_key(PARCEL));
	}

	/// A change of holder ending the most consents a parcel can have.
	#[benchmark]
	fn update_parcel() {
		registered::<T>(Holder::Private(H256::zero()));
		consents::<T>(max_consents(), recorded_by::<T>());
		let (_, enterprise) = T::BenchmarkHelper::enterprise(0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(officer::<T>()),
			PARCEL,
			Some(20_000),
			Some(Holder::Enterprise(enterprise)),
		);

		assert_eq!(Parcels::<T>::get(PARCEL).unwrap().holder, Holder::Enterprise(enterprise));
		assert_eq!(Consents::<T>::iter_prefix(PARCEL).count(), 0);
		assert_eq!(ConsentCount::<T>::get(PARCEL), 0);
	}

	#[benchmark]
	fn add_encumbrance() {
		registered::<T>(Holder::Private(H256::zero()));
		Parcels::<T>::mutate(PARCEL, |p| p.as_mut().map(|p| p.encumbrances.pop()));

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, encumbrance());

		assert_eq!(
			Parcels::<T>::get(PARCEL).unwrap().encumbrances.len() as u32,
			<MaxEncumbrances as Get<u32>>::get()
		);
	}

	#[benchmark]
	fn remove_encumbrance() {
		registered::<T>(Holder::Private(H256::zero()));

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, 0);

		assert_eq!(
			Parcels::<T>::get(PARCEL).unwrap().encumbrances.len() as u32,
			<MaxEncumbrances as Get<u32>>::get() - 1
		);
	}

	#[benchmark]
	fn freeze_parcel() {
		registered::<T>(Holder::Private(H256::zero()));

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, H256::zero());

		assert!(Parcels::<T>::get(PARCEL).unwrap().frozen.is_some());
	}

	#[benchmark]
	fn unfreeze_parcel() {
		registered::<T>(Holder::Private(H256::zero()));
		Pallet::<T>::do_freeze(officer::<T>(), PARCEL, H256::zero()).expect("registered");

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, H256::zero());

		assert!(Parcels::<T>::get(PARCEL).unwrap().frozen.is_none());
	}

	#[benchmark]
	fn correct_land_use() {
		registered::<T>(Holder::Private(H256::zero()));

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, LandUse::Industrial, H256::zero());

		assert_eq!(Parcels::<T>::get(PARCEL).unwrap().land_use, LandUse::Industrial);
	}

	/// The last consent the bound allows.
	#[benchmark]
	fn consent_to_use() {
		let (owner, holder) = T::BenchmarkHelper::enterprise(0);
		let (_, other) = T::BenchmarkHelper::enterprise(1);
		registered::<T>(Holder::Enterprise(holder));
		consents::<T>(max_consents() - 1, ConsentBy::Holder);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), PARCEL, other);

		assert!(Consents::<T>::contains_key(PARCEL, other));
		assert_eq!(ConsentCount::<T>::get(PARCEL), max_consents());
	}

	/// The last consent the bound allows.
	#[benchmark]
	fn record_consent() {
		let (_, enterprise) = T::BenchmarkHelper::enterprise(0);
		registered::<T>(Holder::Private(H256::zero()));
		consents::<T>(max_consents() - 1, recorded_by::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, enterprise, H256::zero());

		assert!(Consents::<T>::contains_key(PARCEL, enterprise));
		assert_eq!(ConsentCount::<T>::get(PARCEL), max_consents());
	}

	/// `withdraw_consent` by the owner of the holding enterprise.
	#[benchmark]
	fn withdraw_consent_by_holder() {
		let (owner, holder) = T::BenchmarkHelper::enterprise(0);
		let (_, other) = T::BenchmarkHelper::enterprise(1);
		registered::<T>(Holder::Enterprise(holder));
		consents::<T>(max_consents() - 1, ConsentBy::Holder);
		Pallet::<T>::do_consent_to_use(owner.clone(), PARCEL, other).expect("room for one");

		#[extrinsic_call]
		withdraw_consent(RawOrigin::Signed(owner), PARCEL, other);

		assert!(!Consents::<T>::contains_key(PARCEL, other));
		assert_eq!(ConsentCount::<T>::get(PARCEL), max_consents() - 1);
	}

	/// `withdraw_consent` by a Land record keeper, for a private holder.
	#[benchmark]
	fn withdraw_consent_by_officer() {
		let (_, enterprise) = T::BenchmarkHelper::enterprise(0);
		registered::<T>(Holder::Private(H256::zero()));
		consents::<T>(max_consents() - 1, recorded_by::<T>());
		Pallet::<T>::do_record_consent(officer::<T>(), PARCEL, enterprise, H256::zero())
			.expect("room for one");

		#[extrinsic_call]
		withdraw_consent(RawOrigin::Signed(officer::<T>()), PARCEL, enterprise);

		assert!(!Consents::<T>::contains_key(PARCEL, enterprise));
		assert_eq!(ConsentCount::<T>::get(PARCEL), max_consents() - 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

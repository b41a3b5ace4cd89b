//! Benchmarks of the land records (v2 syntax).

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const PARCEL: Ulpin = *b"BENCH000000001";

fn officer<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::land_officer()
}

fn full_text(n: usize) -> Vec<u8> {
	alloc::vec![b'x'; n]
}

fn registered<T: Config>() {
	Pallet::<T>::do_register(
		officer::<T>(),
		PARCEL,
		full_text(32),
		full_text(32),
		full_text(16),
		10_000,
		LandUse::Agricultural,
		Holder::Private(H256::zero()),
	)
	.expect("the helper's officer keeps land records");
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

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_parcel() {
		#[extrinsic_call]
		_(
			RawOrigin::Signed(officer::<T>()),
			PARCEL,
			full_text(32),
			full_text(32),
			full_text(16),
			10_000,
			LandUse::Agricultural,
			Holder::Private(H256::zero()),
		);

		assert!(Parcels::<T>::contains_key(PARCEL));
	}

	#[benchmark]
	fn update_parcel() {
		registered::<T>();
		encumbered::<T>(<MaxEncumbrances as Get<u32>>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, Some(20_000), None, Some(LandUse::Industrial));

		assert_eq!(Parcels::<T>::get(PARCEL).unwrap().area_sqm, 20_000);
	}

	#[benchmark]
	fn add_encumbrance() {
		registered::<T>();
		encumbered::<T>(<MaxEncumbrances as Get<u32>>::get() - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, encumbrance());

		assert_eq!(
			Parcels::<T>::get(PARCEL).unwrap().encumbrances.len() as u32,
			<MaxEncumbrances as Get<u32>>::get()
		);
	}

	#[benchmark]
	fn remove_encumbrance() {
		registered::<T>();
		encumbered::<T>(<MaxEncumbrances as Get<u32>>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, 0);

		assert_eq!(
			Parcels::<T>::get(PARCEL).unwrap().encumbrances.len() as u32,
			<MaxEncumbrances as Get<u32>>::get() - 1
		);
	}

	#[benchmark]
	fn freeze_parcel() {
		registered::<T>();
		encumbered::<T>(<MaxEncumbrances as Get<u32>>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, H256::zero());

		assert!(Parcels::<T>::get(PARCEL).unwrap().frozen.is_some());
	}

	#[benchmark]
	fn unfreeze_parcel() {
		registered::<T>();
		encumbered::<T>(<MaxEncumbrances as Get<u32>>::get());
		Pallet::<T>::do_freeze(officer::<T>(), PARCEL, H256::zero()).expect("registered");

		#[extrinsic_call]
		_(RawOrigin::Signed(officer::<T>()), PARCEL, H256::zero());

		assert!(Parcels::<T>::get(PARCEL).unwrap().frozen.is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

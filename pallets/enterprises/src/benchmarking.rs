//! Benchmarks of the enterprise registry (v2 syntax).

#![allow(clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn registered<T: Config>() -> (EnterpriseId, T::AccountId) {
	let owner: T::AccountId = account("owner", 0, SEED);
	let id = NextEnterpriseId::<T>::get();
	Pallet::<T>::do_register(
		T::BenchmarkHelper::registrar(),
		BoundedVec::truncate_from(b"Bench Enterprise".to_vec()),
		H256::zero(),
		owner.clone(),
	)
	.expect("the helper's registrar may register");
	(id, owner)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_enterprise() {
		let registrar = T::BenchmarkHelper::registrar();
		let owner: T::AccountId = account("owner", 0, SEED);
		let name = BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLen::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), name, H256::repeat_byte(1), owner.clone());

		assert!(Members::<T>::contains_key(&owner));
	}

	#[benchmark]
	fn add_agent() {
		let (id, owner) = registered::<T>();
		// Worst case: the list is one short of full.
		for i in 1..T::MaxAgents::get() {
			Pallet::<T>::do_add_agent(owner.clone(), account("agent", i, SEED)).expect("room");
		}
		let agent: T::AccountId = account("agent", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), agent.clone());

		assert_eq!(Members::<T>::get(&agent), Some(id));
	}

	#[benchmark]
	fn remove_agent() {
		let (_, owner) = registered::<T>();
		for i in 0..T::MaxAgents::get() {
			Pallet::<T>::do_add_agent(owner.clone(), account("agent", i, SEED)).expect("room");
		}
		// Worst case: the last one in the list.
		let agent: T::AccountId = account("agent", T::MaxAgents::get() - 1, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), agent.clone());

		assert!(!Members::<T>::contains_key(&agent));
	}

	#[benchmark]
	fn suspend_enterprise() {
		let (id, _) = registered::<T>();
		let suspender = T::BenchmarkHelper::suspender();

		#[extrinsic_call]
		_(RawOrigin::Signed(suspender), id, H256::repeat_byte(2));

		assert!(Standings::<T>::contains_key(id));
	}

	#[benchmark]
	fn restore_enterprise() {
		let (id, _) = registered::<T>();
		let suspender = T::BenchmarkHelper::suspender();
		Pallet::<T>::do_suspend(suspender.clone(), id, H256::zero()).expect("suspends");

		#[extrinsic_call]
		_(RawOrigin::Signed(suspender), id);

		assert!(!Standings::<T>::contains_key(id));
	}

	/// Worst case: every agent slot filled, each member removed.
	#[benchmark]
	fn deregister_enterprise(a: Linear<0, { T::MaxAgents::get() }>) {
		let (id, owner) = registered::<T>();
		for i in 0..a {
			Pallet::<T>::do_add_agent(owner.clone(), account("agent", i, SEED)).expect("room");
		}
		let origin =
			T::CouncilOrigin::try_successful_origin().expect("council origin in benchmarks");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Members::<T>::contains_key(&owner));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

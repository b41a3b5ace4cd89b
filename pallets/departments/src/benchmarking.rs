//! Benchmarks of the department registry (v2 syntax). Each measures the worst case of its call:
//! the council recomputed over `d` departments, replaced validators' keys purged, an officer
//! created or removed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::format;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::TrailingZeroInput;

const SEED: u32 = 0;

fn council<T: Config>() -> T::RuntimeOrigin {
	T::CouncilOrigin::try_successful_origin().expect("council origin is available in benchmarks")
}

fn bench_code(i: u32) -> DepartmentCode {
	BoundedVec::truncate_from(format!("BENCH{i}").into_bytes())
}

fn bench_name<T: Config>(name: &str) -> BoundedVec<u8, T::MaxNameLen> {
	BoundedVec::truncate_from(name.as_bytes().to_vec())
}

/// A well-formed ed25519 peer id whose key is filled with `fill`.
fn peer_id(fill: u8) -> PeerIdBytes {
	let mut id = alloc::vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	id.extend([fill; 32]);
	BoundedVec::truncate_from(id)
}

/// Session keys unique to `seed` (every key of the set is filled from it).
fn keys<T: Config>(seed: u32) -> KeysOf<T> {
	let entropy = [seed.to_le_bytes(); 64].concat();
	KeysOf::<T>::decode(&mut TrailingZeroInput::new(&entropy)).expect("keys decode from any input")
}

/// Fill the registry up to `total` departments, returning the codes and heads of those added.
fn departments<T: Config>(
	total: u32,
	with_validators: bool,
) -> Vec<(DepartmentCode, T::AccountId)> {
	let mut added = Vec::new();
	let mut i = 0;
	while Departments::<T>::count() < total {
		let head: T::AccountId = account("head", i, SEED);
		let raw = bench_code(i);
		Pallet::<T>::do_add_department(
			raw.clone(),
			bench_name::<T>("Benchmark department"),
			DepartmentKind::Other,
			head.clone(),
		)
		.expect("room for the department");
		let code = Pallet::<T>::parse_code(&raw).expect("well-formed code");
		if with_validators {
			let v: T::AccountId = account("validator", i, SEED);
			Pallet::<T>::do_set_validator(code.clone(), v, keys::<T>(i)).expect("fresh keys");
		}
		added.push((code, head));
		i += 1;
	}
	added
}

/// Add one more department (code `TARGET`), optionally with a validator, and return its code
/// and head.
fn target<T: Config>(with_validator: bool) -> (DepartmentCode, T::AccountId) {
	let head: T::AccountId = account("target-head", 0, SEED);
	Pallet::<T>::do_add_department(
		BoundedVec::truncate_from(b"TARGET".to_vec()),
		bench_name::<T>("Target department"),
		DepartmentKind::Other,
		head.clone(),
	)
	.expect("room for the target department");
	let code = Pallet::<T>::parse_code(b"TARGET").expect("well-formed code");
	if with_validator {
		let v: T::AccountId = account("target-validator", 0, SEED);
		Pallet::<T>::do_set_validator(code.clone(), v, keys::<T>(u32::MAX - 1))
			.expect("fresh keys");
	}
	(code, head)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_department(d: Linear<1, { T::MaxDepartments::get() - 1 }>) {
		departments::<T>(d, false);
		let head: T::AccountId = account("new-head", 0, SEED);
		let origin = council::<T>();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			BoundedVec::truncate_from(b"NEWDEPT".to_vec()),
			bench_name::<T>("New department"),
			DepartmentKind::Fire,
			head.clone(),
		);

		assert_eq!(HeadOf::<T>::get(&head), Some(Pallet::<T>::parse_code(b"NEWDEPT").unwrap()));
	}

	#[benchmark]
	fn remove_department(d: Linear<2, { T::MaxDepartments::get() }>) {
		departments::<T>(d - 1, false);
		let (code, head) = target::<T>(false);
		let origin = council::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone());

		assert!(!Departments::<T>::contains_key(&code));
		assert!(!HeadOf::<T>::contains_key(&head));
	}

	#[benchmark]
	fn change_head(d: Linear<1, { T::MaxDepartments::get() }>) {
		departments::<T>(d - 1, false);
		let (code, _) = target::<T>(false);
		let new_head: T::AccountId = account("new-head", 0, SEED);
		let origin = council::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), new_head.clone());

		assert_eq!(HeadOf::<T>::get(&new_head), Some(code));
	}

	#[benchmark]
	fn set_validator() {
		// Worst case: the department already has a validator, whose keys are purged.
		let (code, _) = target::<T>(true);
		let validator: T::AccountId = account("replacement", 0, SEED);
		let new_keys = keys::<T>(u32::MAX);
		let origin = council::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), validator.clone(), new_keys);

		assert_eq!(ValidatorOf::<T>::get(&validator), Some(code));
	}

	#[benchmark]
	fn remove_validator(d: Linear<2, { T::MaxDepartments::get() }>) {
		// Every department runs a validator, so the remaining set is as large as it gets.
		departments::<T>(d - 1, true);
		let (code, _) = target::<T>(true);
		let origin = council::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone());

		assert!(Departments::<T>::get(&code).unwrap().validator.is_none());
	}

	#[benchmark]
	fn grant_role() {
		departments::<T>(Departments::<T>::count() + 1, false);
		let head: T::AccountId = account("head", 0, SEED);
		let officer: T::AccountId = account("officer", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(head), officer.clone(), Role::ApprovingAuthority);

		assert!(Officers::<T>::contains_key(&officer));
	}

	#[benchmark]
	fn revoke_role() -> Result<(), BenchmarkError> {
		departments::<T>(Departments::<T>::count() + 1, false);
		let head: T::AccountId = account("head", 0, SEED);
		let officer: T::AccountId = account("officer", 0, SEED);
		Pallet::<T>::do_grant_role(head.clone(), officer.clone(), Role::ApprovingAuthority)
			.map_err(|_| BenchmarkError::Stop("officer cannot be appointed"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(head), officer.clone(), Role::ApprovingAuthority);

		assert!(!Officers::<T>::contains_key(&officer));
		Ok(())
	}

	/// An enactable call (an upgrade authorisation, cheap itself) recorded in the trail.
	#[benchmark]
	fn enact() {
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::authorize_upgrade { code_hash: Default::default() }.into();
		let origin = council::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, alloc::boxed::Box::new(call));
	}

	/// A full list of nodes replacing another.
	#[benchmark]
	fn set_nodes(n: Linear<0, 8>) {
		let (code, head) = target::<T>(false);
		let old = BoundedVec::truncate_from((0..8u8).map(peer_id).collect::<Vec<_>>());
		Pallet::<T>::do_set_nodes(head.clone(), old).expect("the head sets nodes");
		let nodes =
			BoundedVec::truncate_from((0..n as u8).map(|i| peer_id(100 + i)).collect::<Vec<_>>());

		#[extrinsic_call]
		_(RawOrigin::Signed(head), nodes);

		assert_eq!(Nodes::<T>::get(&code).len() as u32, n);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}

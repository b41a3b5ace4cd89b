//! The pallets benchmarked by `clearance-node benchmark pallet`, and the set-up our pallets'
//! benchmarks need from this runtime (accounts of the `development` genesis).

#![allow(clippy::expect_used)]

use crate::{AccountId, Runtime, RuntimeOrigin};
use clearance_primitives::{DepartmentCode, EnterpriseId, LandUse, Role, Ulpin};
use frame_support::BoundedVec;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_departments, Departments]
	[pallet_enterprises, Enterprises]
	[pallet_land_parcels, LandParcels]
	[pallet_clearances, Clearances]
);

/// Benchmark set-up on the `development` genesis.
pub struct Helper;

impl pallet_enterprises::BenchmarkHelper<AccountId> for Helper {
	fn registrar() -> AccountId {
		// Industries scrutiny officer in the development genesis.
		Sr25519Keyring::CharlieStash.to_account_id()
	}

	fn suspender() -> AccountId {
		// Head of the Industries department in the development genesis.
		Sr25519Keyring::Charlie.to_account_id()
	}
}

/// The owner and id of benchmark enterprise `index`, registered by the Industries scrutiny
/// officer of the development genesis on first use.
fn bench_enterprise(index: u32) -> (AccountId, EnterpriseId) {
	let owner: AccountId = frame_benchmarking::account("bench-owner", index, 0);
	if let Some(id) = pallet_enterprises::Members::<Runtime>::get(&owner) {
		return (owner, id);
	}
	let id = pallet_enterprises::NextEnterpriseId::<Runtime>::get();
	pallet_enterprises::Pallet::<Runtime>::register_enterprise(
		RuntimeOrigin::signed(Sr25519Keyring::CharlieStash.to_account_id()),
		BoundedVec::truncate_from(b"Benchmark Enterprise".to_vec()),
		H256::zero(),
		owner.clone(),
	)
	.expect("the Industries officer registers");
	(owner, id)
}

impl pallet_land_parcels::BenchmarkHelper<AccountId> for Helper {
	fn land_officer() -> AccountId {
		// Head of the Land department.
		Sr25519Keyring::Alice.to_account_id()
	}

	fn enterprise(index: u32) -> (AccountId, EnterpriseId) {
		bench_enterprise(index)
	}
}

impl pallet_clearances::BenchmarkHelper<AccountId> for Helper {
	fn applicant() -> (AccountId, EnterpriseId) {
		bench_enterprise(0)
	}

	fn department() -> (DepartmentCode, AccountId) {
		(b"IND".to_vec().try_into().expect("short"), Sr25519Keyring::Charlie.to_account_id())
	}

	fn parcel(id: Ulpin, holder: EnterpriseId) {
		pallet_land_parcels::Pallet::<Runtime>::register_parcel(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			id,
			BoundedVec::truncate_from(b"Benchmark district".to_vec()),
			BoundedVec::truncate_from(b"Benchmark village".to_vec()),
			BoundedVec::truncate_from(b"1/1".to_vec()),
			10_000,
			LandUse::Agricultural,
			pallet_land_parcels::Holder::Enterprise(holder),
		)
		.expect("the Land head registers");
	}

	fn officer(role: Role) -> AccountId {
		// An Industries officer holding only `role`, granted by the head (Charlie) on first use:
		// the head itself may not hear appeals.
		let officer: AccountId = frame_benchmarking::account("bench-officer", role as u32, 0);
		if !pallet_departments::Officers::<Runtime>::contains_key(&officer) {
			pallet_departments::Pallet::<Runtime>::grant_role(
				RuntimeOrigin::signed(Sr25519Keyring::Charlie.to_account_id()),
				officer.clone(),
				role,
			)
			.expect("the Industries head grants the role");
		}
		officer
	}
}

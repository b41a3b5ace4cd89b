//! Mock runtime for the enterprise registry's tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_enterprises};
use clearance_primitives::{
	testing::{FixedTime, MockDepartments},
	DepartmentKind, Role,
};
use frame_support::{derive_impl, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Enterprises = pallet_enterprises;

	#[runtime::pallet_index(2)]
	pub type Audit = pallet_audit;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_audit::Config for Test {
	type UnixTime = FixedTime;
}

/// Head of the Industries department `IND`.
pub const IND_HEAD: u64 = 1;
/// Scrutiny officer of `IND`.
pub const IND_OFFICER: u64 = 2;
/// Approving authority of `IND` (not a registrar role).
pub const IND_APPROVER: u64 = 3;
/// Scrutiny officer of the Land department.
pub const LAND_OFFICER: u64 = 4;
/// Owner of the enterprise the tests usually register.
pub const OWNER: u64 = 10;
/// A consultant.
pub const AGENT: u64 = 11;

#[cfg(feature = "runtime-benchmarks")]
#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for Helper {
	fn registrar() -> u64 {
		IND_OFFICER
	}
	fn suspender() -> u64 {
		IND_HEAD
	}
}

impl pallet_enterprises::Config for Test {
	type Departments = MockDepartments;
	type Trail = Audit;
	type MaxNameLen = ConstU32<32>;
	type MaxAgents = ConstU32<2>;
	type MaxTransactionsPerBlock = ConstU32<3>;
	type CouncilOrigin = frame_system::EnsureRoot<u64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

/// Test externalities.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockDepartments::reset();
	MockDepartments::add_head(IND_HEAD, "IND", DepartmentKind::Industries);
	MockDepartments::add_officer(
		IND_OFFICER,
		"IND",
		DepartmentKind::Industries,
		Role::ScrutinyOfficer,
	);
	MockDepartments::add_officer(
		IND_APPROVER,
		"IND",
		DepartmentKind::Industries,
		Role::ApprovingAuthority,
	);
	MockDepartments::add_officer(LAND_OFFICER, "LAND", DepartmentKind::Land, Role::ScrutinyOfficer);
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test`, then check the invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("invariants hold");
		pallet_audit::Pallet::<Test>::do_try_state().expect("trails hold");
	})
}

/// The last event deposited.
pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

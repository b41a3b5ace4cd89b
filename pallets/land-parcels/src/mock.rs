//! Mock runtime for the land records' tests.

// Test setup may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use crate::{self as pallet_land_parcels};
use clearance_primitives::{
	testing::{FixedTime, MockDepartments, MockEnterprises},
	DepartmentKind, ParcelFreezeHandler, Role, Ulpin,
};
use core::cell::RefCell;
use frame_support::derive_impl;
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
	pub type LandParcels = pallet_land_parcels;

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

thread_local! {
	/// Freeze notifications received: (parcel, frozen?).
	pub static FREEZES: RefCell<Vec<(Ulpin, bool)>> = const { RefCell::new(Vec::new()) };
}

/// Records the freeze notifications the pallet sends.
pub struct RecordFreezes;
impl ParcelFreezeHandler for RecordFreezes {
	fn on_freeze(parcel: &Ulpin) {
		FREEZES.with(|f| f.borrow_mut().push((*parcel, true)));
	}
	fn on_unfreeze(parcel: &Ulpin) {
		FREEZES.with(|f| f.borrow_mut().push((*parcel, false)));
	}
	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// The Land head.
pub const LAND_HEAD: u64 = 1;
/// A Land record keeper (scrutiny officer).
pub const CLERK: u64 = 2;
/// A Land approving authority (carries out court orders).
pub const AUTHORITY: u64 = 3;
/// A Fire officer.
pub const FIRE_OFFICER: u64 = 4;
/// A Land department admin (keeps records, carries out court orders, does not correct land
/// use).
pub const LAND_ADMIN: u64 = 5;
/// Owner of enterprise 0.
pub const OWNER: u64 = 10;
/// An agent of enterprise 0.
pub const AGENT: u64 = 11;
/// Owner of enterprise 1.
pub const OTHER_OWNER: u64 = 12;
/// Owner of enterprise 2.
pub const THIRD_OWNER: u64 = 13;

/// A valid ULPIN.
pub const PARCEL: Ulpin = *b"WB19KOL0001234";

#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for Helper {
	fn land_officer() -> u64 {
		LAND_HEAD
	}
	fn enterprise(index: u32) -> (u64, u32) {
		match index {
			0 => (OWNER, 0),
			1 => (OTHER_OWNER, 1),
			_ => (THIRD_OWNER, 2),
		}
	}
}

impl pallet_land_parcels::Config for Test {
	type Departments = MockDepartments;
	type Enterprises = MockEnterprises;
	type OnFreeze = RecordFreezes;
	type Trail = Audit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

/// Test externalities with the Land department and enterprises 0 (with an agent), 1 and 2.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockDepartments::reset();
	MockDepartments::add_head(LAND_HEAD, "LAND", DepartmentKind::Land);
	MockDepartments::add_officer(CLERK, "LAND", DepartmentKind::Land, Role::ScrutinyOfficer);
	MockDepartments::add_officer(AUTHORITY, "LAND", DepartmentKind::Land, Role::ApprovingAuthority);
	MockDepartments::add_officer(LAND_ADMIN, "LAND", DepartmentKind::Land, Role::DepartmentAdmin);
	MockDepartments::add_officer(FIRE_OFFICER, "FIRE", DepartmentKind::Fire, Role::DepartmentAdmin);
	MockEnterprises::reset();
	MockEnterprises::add(0, OWNER, &[AGENT]);
	MockEnterprises::add(1, OTHER_OWNER, &[]);
	MockEnterprises::add(2, THIRD_OWNER, &[]);
	FREEZES.with(|f| f.borrow_mut().clear());
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test`, then check the invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	})
}

/// Check the invariants of the land records and the trails.
pub fn check_invariants() {
	crate::Pallet::<Test>::do_try_state().expect("land record invariants hold");
	pallet_audit::Pallet::<Test>::do_try_state().expect("trails hold");
}

/// The last event deposited.
pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Freeze notifications so far.
pub fn freezes() -> Vec<(Ulpin, bool)> {
	FREEZES.with(|f| f.borrow().clone())
}

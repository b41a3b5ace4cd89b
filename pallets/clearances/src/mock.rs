//! Mock runtime for the clearance workflow's tests: real land records and audit trail, table
//! registries of departments and enterprises, a block clock of 3 s per block.

// Test and benchmark setup may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use crate::{
	self as pallet_clearances, GenesisClearanceType, InvestmentClass, OnSilence, Project, TypeCode,
};
use clearance_primitives::{
	testing::{MockDepartments, MockEnterprises},
	DepartmentKind, LandUse, Role, Ulpin,
};
use frame_support::{
	derive_impl,
	traits::{ConstU32, Hooks},
};
use frame_system::EnsureRoot;
use sp_core::H256;
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
	pub type Audit = pallet_audit;

	#[runtime::pallet_index(2)]
	pub type LandParcels = pallet_land_parcels;

	#[runtime::pallet_index(3)]
	pub type Clearances = pallet_clearances;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Milliseconds per block of the mock chain.
pub const BLOCK_MS: u64 = 3_000;
/// Time of block 0.
pub const GENESIS_MS: u64 = 1_798_761_600_000;

/// Wall-clock time that advances 3 s per block.
pub struct BlockTime;
impl frame_support::traits::UnixTime for BlockTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(GENESIS_MS + BLOCK_MS * System::block_number())
	}
}

impl pallet_audit::Config for Test {
	type UnixTime = BlockTime;
}

impl pallet_land_parcels::Config for Test {
	type Departments = MockDepartments;
	type Enterprises = MockEnterprises;
	type OnFreeze = Clearances;
	type Trail = Audit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

impl pallet_clearances::Config for Test {
	type CouncilOrigin = EnsureRoot<u64>;
	type Departments = MockDepartments;
	type Enterprises = MockEnterprises;
	type Land = LandParcels;
	type Trail = Audit;
	type UnixTime = BlockTime;
	type MaxDeadlineWork = ConstU32<4>;
	type DayLength = frame_support::traits::ConstU64<10>;
	type MaxHolidays = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

// Officials: head, scrutiny officer, approving authority of each department.
pub const LAND_HEAD: u64 = 1;
pub const LAND_CLERK: u64 = 11;
pub const LAND_APPROVER: u64 = 12;
pub const ENV_HEAD: u64 = 2;
pub const ENV_CLERK: u64 = 21;
pub const ENV_APPROVER: u64 = 22;
pub const IND_HEAD: u64 = 3;
pub const IND_CLERK: u64 = 31;
pub const IND_APPROVER: u64 = 32;
pub const FIRE_HEAD: u64 = 4;
pub const FIRE_CLERK: u64 = 41;
pub const FIRE_APPROVER: u64 = 42;
// Appellate and Reviewing Officers of Land and Industries.
pub const LAND_APPELLATE: u64 = 13;
pub const LAND_REVIEWER: u64 = 14;
pub const IND_APPELLATE: u64 = 33;
pub const IND_REVIEWER: u64 = 34;
// Applicants.
pub const OWNER: u64 = 100;
pub const AGENT: u64 = 101;
pub const OTHER_OWNER: u64 = 200;

/// Parcels in the land records.
pub const PARCEL: Ulpin = *b"WB19KOL0001234";
pub const PARCEL2: Ulpin = *b"WB19KOL0005678";
pub const OTHER_PARCEL: Ulpin = *b"WB19HWH0000001";
/// A parcel nobody registered.
pub const UNKNOWN_PARCEL: Ulpin = *b"WB19HWH9999999";

/// Catalogue codes.
pub const LUC: &str = "LAND_USE_CONVERSION";
pub const CTE: &str = "CONSENT_TO_ESTABLISH";
pub const BP: &str = "BUILDING_PLAN";
pub const FIRE_NOC: &str = "FIRE_NOC";
pub const TRADE: &str = "TRADE_LICENCE";

/// Validity of one year, in milliseconds.
pub const YEAR_MS: u64 = 365 * 24 * 3600 * 1000;

#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_land_parcels::BenchmarkHelper<u64> for Helper {
	fn land_officer() -> u64 {
		LAND_HEAD
	}
	fn enterprise(index: u32) -> (u64, u32) {
		if index == 0 {
			(OWNER, 0)
		} else {
			(OTHER_OWNER, 1)
		}
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for Helper {
	fn applicant() -> (u64, u32) {
		(OWNER, 0)
	}
	fn department() -> (clearance_primitives::DepartmentCode, u64) {
		(clearance_primitives::testing::code("IND"), IND_HEAD)
	}
	fn parcel(id: Ulpin, holder: u32) {
		register_parcel_held_by(id, pallet_land_parcels::Holder::Enterprise(holder));
	}
	fn officer(role: Role) -> u64 {
		match role {
			Role::AppellateOfficer => IND_APPELLATE,
			Role::ReviewingOfficer => IND_REVIEWER,
			Role::ScrutinyOfficer => IND_CLERK,
			_ => IND_APPROVER,
		}
	}
}

/// A type code.
pub fn tc(s: &str) -> TypeCode {
	s.as_bytes().to_vec().try_into().unwrap()
}

#[allow(clippy::too_many_arguments)]
fn ty(
	code: &str,
	department: &str,
	time_limit: u32,
	on_silence: OnSilence,
	validity_ms: Option<u64>,
	prerequisites: &[&str],
	documents: &[&str],
	converts_to: Option<LandUse>,
) -> GenesisClearanceType {
	GenesisClearanceType {
		code: code.into(),
		department: department.into(),
		time_limit,
		response_limit: 20,
		on_silence,
		validity_ms,
		prerequisites: prerequisites.iter().map(|s| s.to_string()).collect(),
		required_documents: documents.iter().map(|s| s.to_string()).collect(),
		converts_to,
	}
}

/// The demo catalogue, with limits in blocks.
pub fn catalogue() -> Vec<GenesisClearanceType> {
	use OnSilence::*;
	vec![
		ty(LUC, "LAND", 30, Escalation, None, &[], &["SALE_DEED"], Some(LandUse::Industrial)),
		ty(CTE, "ENV", 30, Escalation, Some(5 * YEAR_MS), &[LUC], &["PROJECT_REPORT"], None),
		ty(BP, "IND", 21, DeemedApproval, Some(3 * YEAR_MS), &[LUC], &["SITE_PLAN"], None),
		ty(FIRE_NOC, "FIRE", 15, DeemedApproval, Some(YEAR_MS), &[BP], &[], None),
		ty(TRADE, "IND", 7, DeemedApproval, Some(YEAR_MS), &[], &[], None),
	]
}

fn officials() {
	MockDepartments::reset();
	for (head, clerk, approver, code, kind) in [
		(LAND_HEAD, LAND_CLERK, LAND_APPROVER, "LAND", DepartmentKind::Land),
		(ENV_HEAD, ENV_CLERK, ENV_APPROVER, "ENV", DepartmentKind::Environment),
		(IND_HEAD, IND_CLERK, IND_APPROVER, "IND", DepartmentKind::Industries),
		(FIRE_HEAD, FIRE_CLERK, FIRE_APPROVER, "FIRE", DepartmentKind::Fire),
	] {
		MockDepartments::add_head(head, code, kind);
		MockDepartments::add_officer(clerk, code, kind, Role::ScrutinyOfficer);
		MockDepartments::add_officer(approver, code, kind, Role::ApprovingAuthority);
	}
	for (appellate, reviewer, code, kind) in [
		(LAND_APPELLATE, LAND_REVIEWER, "LAND", DepartmentKind::Land),
		(IND_APPELLATE, IND_REVIEWER, "IND", DepartmentKind::Industries),
	] {
		MockDepartments::add_officer(appellate, code, kind, Role::AppellateOfficer);
		MockDepartments::add_officer(reviewer, code, kind, Role::ReviewingOfficer);
	}
	MockEnterprises::reset();
	MockEnterprises::add(0, OWNER, &[AGENT]);
	MockEnterprises::add(1, OTHER_OWNER, &[]);
}

/// Register `parcel` in the land records, agricultural, held by enterprise 0 (whose owner and
/// agent apply in most tests).
pub fn register_parcel(parcel: Ulpin) {
	register_parcel_held_by(parcel, pallet_land_parcels::Holder::Enterprise(0));
}

/// Register `parcel` in the land records, agricultural, held by `holder`.
pub fn register_parcel_held_by(parcel: Ulpin, holder: pallet_land_parcels::Holder) {
	LandParcels::register_parcel(
		RuntimeOrigin::signed(LAND_CLERK),
		parcel,
		b"Kolkata".to_vec().try_into().unwrap(),
		b"Rajarhat".to_vec().try_into().unwrap(),
		b"12/3".to_vec().try_into().unwrap(),
		10_000,
		LandUse::Agricultural,
		holder,
	)
	.expect("parcel registers");
}

/// Test externalities: officials, enterprises 0 and 1, three parcels held by enterprise 0, the
/// demo catalogue.
pub fn new_test_ext() -> sp_io::TestExternalities {
	officials();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		clearances: pallet_clearances::GenesisConfig {
			catalogue: catalogue(),
			..Default::default()
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for p in [PARCEL, PARCEL2, OTHER_PARCEL] {
			register_parcel(p);
		}
	});
	ext
}

/// Run `test`, then check every pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	})
}

/// Check the invariants of the workflow and the trails.
pub fn check_invariants() {
	crate::Pallet::<Test>::do_try_state().expect("workflow invariants hold");
	pallet_audit::Pallet::<Test>::do_try_state().expect("trails hold");
}

/// Advance to block `n`, running the deadline hook of each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Clearances::on_initialize(next);
	}
}

/// A demo project.
pub fn project() -> Project {
	Project {
		name: b"Rajarhat Steel Works".to_vec().try_into().unwrap(),
		sector: b"Steel".to_vec().try_into().unwrap(),
		investment: InvestmentClass::Medium,
	}
}

/// Anchor a document of `kind` for enterprise 0 (by its owner); returns its hash.
pub fn anchor(kind: &str) -> H256 {
	anchor_as(OWNER, kind)
}

/// Anchor a document of `kind` as `who`; returns its hash.
pub fn anchor_as(who: u64, kind: &str) -> H256 {
	let hash = H256::from(sp_io::hashing::blake2_256(&codec::Encode::encode(&(who, kind))));
	anchor_hash(who, kind, hash);
	hash
}

/// Anchor the document `hash` of `kind` as `who`, unless `who`'s enterprise already did.
pub fn anchor_hash(who: u64, kind: &str, hash: H256) {
	use clearance_primitives::EnterpriseAuthority;
	let (enterprise, _) = MockEnterprises::acting_for(&who).expect("an applicant");
	if !crate::Documents::<Test>::contains_key(enterprise, hash) {
		let kind = kind.as_bytes().to_vec().try_into().expect("short kind");
		crate::Pallet::<Test>::do_anchor(who, hash, kind, 1024, None).expect("anchors");
	}
}

/// A bounded list from a slice, for call arguments.
pub fn bounded<X: Clone, N: frame_support::traits::Get<u32>>(
	items: &[X],
) -> frame_support::BoundedVec<X, N> {
	assert!(items.len() <= N::get() as usize, "within the bound");
	frame_support::BoundedVec::truncate_from(items.to_vec())
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Clearances(e) = r.event { Some(e) } else { None })
		.collect()
}

/// The last event deposited.
pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

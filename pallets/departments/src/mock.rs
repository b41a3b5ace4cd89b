//! Mock runtime for the department registry's tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_departments, GenesisDepartment, Role, ValidatorKeys};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ChangeMembers, Contains},
};
use frame_system::EnsureRootWithSuccess;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Departments = pallet_departments;

	#[runtime::pallet_index(2)]
	pub type Audit = pallet_audit;
}

impl pallet_audit::Config for Test {
	type UnixTime = clearance_primitives::testing::FixedTime;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	/// The council's members, as the pallet last set them.
	pub static COUNCIL: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
	/// Session keys by validator.
	pub static KEYS: RefCell<BTreeMap<u64, u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// Records the council membership the pallet hands over.
pub struct MockCouncil;
impl ChangeMembers<u64> for MockCouncil {
	fn change_members_sorted(_incoming: &[u64], _outgoing: &[u64], sorted_new: &[u64]) {
		COUNCIL.with(|c| *c.borrow_mut() = sorted_new.to_vec());
	}
}

/// Keeps session keys like the session pallet: one owner per key.
pub struct MockKeys;
impl ValidatorKeys<u64> for MockKeys {
	type Keys = u64;
	fn set_keys(validator: &u64, keys: u64) -> DispatchResult {
		KEYS.with(|k| {
			let mut k = k.borrow_mut();
			if k.iter().any(|(v, key)| *key == keys && v != validator) {
				return Err(DispatchError::Other("DuplicatedKey"));
			}
			k.insert(*validator, keys);
			Ok(())
		})
	}
	fn purge_keys(validator: &u64) -> DispatchResult {
		KEYS.with(|k| k.borrow_mut().remove(validator))
			.map(|_| ())
			.ok_or(DispatchError::Other("NoKeys"))
	}
}

parameter_types! {
	/// The votes a root origin stands for in tests: a unanimous council of two.
	pub const UnanimousVotes: (u32, u32) = (2, 2);
}

thread_local! {
	static APPLICANTS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Accounts acting for an enterprise, as the enterprise registry would report them.
pub struct MockApplicants;
impl Contains<u64> for MockApplicants {
	fn contains(who: &u64) -> bool {
		APPLICANTS.with(|a| a.borrow().contains(who))
	}
}

thread_local! {
	static BUSY: RefCell<Vec<crate::DepartmentCode>> = const { RefCell::new(Vec::new()) };
}

/// Departments with live cases or valid certificates, as the clearance workflow would report.
pub struct MockWork;
impl clearance_primitives::DepartmentWork for MockWork {
	fn has_live_work(department: &crate::DepartmentCode) -> bool {
		BUSY.with(|b| b.borrow().contains(department))
	}
}

/// Give `department` live work.
pub fn make_busy(department: &str) {
	BUSY.with(|b| b.borrow_mut().push(code(department)));
}

/// Make `who` act for an enterprise.
pub fn make_applicant(who: u64) {
	APPLICANTS.with(|a| a.borrow_mut().push(who));
}

/// What the tests' council may enact: an upgrade authorisation, and (to see a failing call
/// reported) a role grant.
pub struct MockEnactable;
impl Contains<RuntimeCall> for MockEnactable {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(frame_system::Call::authorize_upgrade { .. })
				| RuntimeCall::Departments(pallet_departments::Call::grant_role { .. })
		)
	}
}

impl pallet_departments::Config for Test {
	type CouncilOrigin = EnsureRootWithSuccess<u64, UnanimousVotes>;
	type EnactableCalls = MockEnactable;
	type Applicants = MockApplicants;
	type Work = MockWork;
	type Council = MockCouncil;
	type ValidatorKeys = MockKeys;
	type Trail = Audit;
	type MaxDepartments = frame_support::traits::ConstU32<5>;
	type MaxOfficersPerDepartment = frame_support::traits::ConstU32<3>;
	type MaxNameLen = frame_support::traits::ConstU32<32>;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = ();
}

/// Heads of the genesis departments.
pub const LAND_HEAD: u64 = 1;
pub const ENV_HEAD: u64 = 2;
/// Officers of the genesis Land department.
pub const LAND_SCRUTINY: u64 = 11;
pub const LAND_APPROVER: u64 = 12;
/// Genesis validators.
pub const LAND_VALIDATOR: u64 = 101;
pub const ENV_VALIDATOR: u64 = 102;
/// An account with no position.
pub const NOBODY: u64 = 99;

/// Builds test externalities: by default two departments (`LAND` with two officers and `ENV`),
/// each with a validator.
pub struct ExtBuilder {
	departments: Vec<GenesisDepartment<u64>>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			departments: vec![
				GenesisDepartment {
					code: "LAND".into(),
					name: "Land & Land Reforms".into(),
					kind: crate::DepartmentKind::Land,
					head: LAND_HEAD,
					validator: Some(LAND_VALIDATOR),
					officers: vec![
						(LAND_SCRUTINY, vec![Role::ScrutinyOfficer]),
						(LAND_APPROVER, vec![Role::ApprovingAuthority, Role::ScrutinyOfficer]),
					],
					nodes: vec![],
				},
				GenesisDepartment {
					code: "ENV".into(),
					name: "Environment".into(),
					kind: crate::DepartmentKind::Environment,
					head: ENV_HEAD,
					validator: Some(ENV_VALIDATOR),
					officers: vec![],
					nodes: vec![],
				},
			],
		}
	}
}

impl ExtBuilder {
	/// Start with no departments at all.
	pub fn empty() -> Self {
		Self { departments: vec![] }
	}

	/// Add a department to the genesis.
	pub fn with_department(mut self, d: GenesisDepartment<u64>) -> Self {
		self.departments.push(d);
		self
	}

	/// Drop the validator of the genesis department `code`.
	pub fn without_validator(mut self, code: &str) -> Self {
		self.departments.iter_mut().filter(|d| d.code == code).for_each(|d| d.validator = None);
		self
	}

	/// Build the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		COUNCIL.with(|c| c.borrow_mut().clear());
		APPLICANTS.with(|a| a.borrow_mut().clear());
		BUSY.with(|b| b.borrow_mut().clear());
		KEYS.with(|k| {
			let mut k = k.borrow_mut();
			k.clear();
			// Genesis validators' keys, as the session pallet's genesis would set them.
			for v in self.departments.iter().filter_map(|d| d.validator) {
				k.insert(v, v * 1000);
			}
		});
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			departments: pallet_departments::GenesisConfig { departments: self.departments },
		}
		.build_storage()
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Build, run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			crate::Pallet::<Test>::do_try_state().expect("invariants hold");
			pallet_audit::Pallet::<Test>::do_try_state().expect("trails hold");
		})
	}
}

/// The council membership last handed over by the pallet.
pub fn council() -> Vec<u64> {
	COUNCIL.with(|c| c.borrow().clone())
}

/// The session keys registered for `validator`.
pub fn keys_of(validator: u64) -> Option<u64> {
	KEYS.with(|k| k.borrow().get(&validator).copied())
}

/// The last event deposited.
pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was deposited").event
}

/// A department code from a string.
pub fn code(s: &str) -> crate::DepartmentCode {
	s.as_bytes().to_vec().try_into().unwrap()
}

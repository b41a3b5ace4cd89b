//! Configuration of each pallet of the runtime.

mod council;
mod no_currency;

pub use council::{AbstentionsAreNays, CouncilCollective, CouncilTwoThirds, EnactableCalls};
pub use no_currency::NoCurrency;

use crate::{
	weights, AccountId, Audit, Aura, Block, BlockNumber, Clearances, Council, Departments,
	Enterprises, Hash, LandParcels, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, Session, SessionKeys, DAYS, SLOT_DURATION, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_session::SessionInterface;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::ConvertInto, DispatchResult, Perbill};
use sp_version::RuntimeVersion;
use weights::{
	block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
	paritydb_weights::constants::ParityDbWeight,
};

/// Share of a block available to ordinary transactions; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute per block: one second of the 3-second slot, so that a block built at the end of its
/// author's proposal time is still imported by the next author before its own slot.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// `ratio` of `weight`, in both dimensions, rounded down.
fn share(ratio: Perbill, weight: Weight) -> Weight {
	Weight::from_parts(ratio.mul_floor(weight.ref_time()), ratio.mul_floor(weight.proof_size()))
}

/// Blocks per session. Validator changes decided by the council apply at the next session.
pub const SESSION_PERIOD: BlockNumber = 20;

/// Most departments (and so council members and validators).
pub const MAX_DEPARTMENTS: u32 = 32;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// One second of compute in a 3-second block, with the block and transaction overheads
	/// measured on the reference machine.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |w| w.base_extrinsic = ExtrinsicBaseWeight::get())
		.for_class(DispatchClass::Normal, |w| {
			w.max_total = Some(share(NORMAL_DISPATCH_RATIO, MAXIMUM_BLOCK_WEIGHT));
		})
		.for_class(DispatchClass::Operational, |w| {
			w.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions (council business) may use the whole block.
			w.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT.saturating_sub(share(NORMAL_DISPATCH_RATIO, MAXIMUM_BLOCK_WEIGHT)),
			);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// 5 MiB blocks, of which ordinary transactions may fill the normal share.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	/// Generic Substrate SS58 prefix.
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB; a read and a write as measured on the reference
	/// machine.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	/// No balances: accounts exist because the registry gives them a role.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_DEPARTMENTS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_DEPARTMENTS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<ConstU32<SESSION_PERIOD>, ConstU32<0>>;
	type NextSessionRotation =
		pallet_session::PeriodicSessions<ConstU32<SESSION_PERIOD>, ConstU32<0>>;
	/// The department registry decides the validator set.
	type SessionManager = Departments;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	/// No token: keys carry no deposit.
	type Currency = NoCurrency;
	type KeyDeposit = ConstU32<0>;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = UnitIdentification;
}

/// Validators carry no economic identity (no stake).
pub struct UnitIdentification;
impl sp_runtime::traits::Convert<AccountId, Option<()>> for UnitIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub CouncilMaxProposalWeight: Weight =
		share(Perbill::from_percent(50), RuntimeBlockWeights::get().max_block);
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<MAX_DEPARTMENTS>;
	/// Members who did not vote count as nays: a motion needs two thirds of the seats voting aye.
	type DefaultVote = AbstentionsAreNays;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Membership follows the department registry only.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = CouncilMaxProposalWeight;
	type DisapproveOrigin = CouncilTwoThirds;
	type KillOrigin = CouncilTwoThirds;
	type Consideration = ();
}

/// Keeps validators' session keys in `pallet-session`, set by council motion.
pub struct SessionKeyStore;
impl pallet_departments::ValidatorKeys<AccountId> for SessionKeyStore {
	type Keys = SessionKeys;

	fn set_keys(validator: &AccountId, keys: SessionKeys) -> DispatchResult {
		<Session as SessionInterface>::set_keys(validator, keys)
	}

	fn purge_keys(validator: &AccountId) -> DispatchResult {
		<Session as SessionInterface>::purge_keys(validator)
	}
}

impl pallet_departments::Config for Runtime {
	type CouncilOrigin = CouncilTwoThirds;
	type Council = Council;
	type ValidatorKeys = SessionKeyStore;
	type Trail = Audit;
	type MaxDepartments = ConstU32<MAX_DEPARTMENTS>;
	type MaxOfficersPerDepartment = ConstU32<1000>;
	type MaxNameLen = ConstU32<64>;
	type RuntimeCall = RuntimeCall;
	type EnactableCalls = EnactableCalls;
	/// Enterprise owners and agents never hold a position.
	type Applicants = pallet_enterprises::EnterpriseMembers<Runtime>;
	/// A department with live cases or valid certificates cannot be removed.
	type Work = DepartmentWorkload;
	type WeightInfo = weights::pallet_departments::WeightInfo<Runtime>;
}

/// What the clearance workflow still needs of a department.
pub struct DepartmentWorkload;
impl clearance_primitives::DepartmentWork for DepartmentWorkload {
	fn has_live_work(department: &clearance_primitives::DepartmentCode) -> bool {
		pallet_clearances::Pallet::<Runtime>::department_has_live_work(department)
	}
}

impl pallet_audit::Config for Runtime {
	type UnixTime = crate::Timestamp;
}

impl pallet_enterprises::Config for Runtime {
	type Departments = Departments;
	type Trail = Audit;
	type MaxNameLen = ConstU32<128>;
	type MaxAgents = ConstU32<8>;
	/// About 1% of a block's normal weight for one enterprise's members together.
	type MaxTransactionsPerBlock = ConstU32<16>;
	type CouncilOrigin = CouncilTwoThirds;
	type WeightInfo = weights::pallet_enterprises::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Helper;
}

impl pallet_land_parcels::Config for Runtime {
	type Departments = Departments;
	type Enterprises = Enterprises;
	/// A court freeze suspends the parcel's cases and certificates.
	type OnFreeze = Clearances;
	type Trail = Audit;
	type WeightInfo = weights::pallet_land_parcels::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Helper;
}

impl pallet_clearances::Config for Runtime {
	type CouncilOrigin = CouncilTwoThirds;
	type Departments = Departments;
	type Enterprises = Enterprises;
	type Land = LandParcels;
	type Trail = Audit;
	type UnixTime = crate::Timestamp;
	/// Deadlines processed per block; a backlog carries over to the next block.
	type MaxDeadlineWork = ConstU32<128>;
	/// A day of the holiday calendar: the blocks of 24 hours at the target block time.
	type DayLength = ConstU32<{ crate::DAYS }>;
	/// About twelve years of a state's public holidays (20 or so a year).
	type MaxHolidays = ConstU32<256>;
	type WeightInfo = weights::pallet_clearances::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Helper;
}

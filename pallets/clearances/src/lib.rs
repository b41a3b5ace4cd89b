#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
// Tests may unwrap, index and count freely; runtime code may not (workspace lints).
#![cfg_attr(
	test,
	allow(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

pub use appeal_types::*;
pub use calendar::*;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod access;
pub mod appeal_types;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod calendar;
mod calls;
mod features;
mod index;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

use alloc::vec::Vec;
use clearance_primitives::{
	Action, ApplicationId, AuditTrail, Authority, CaseId, CertificateId, DepartmentAuthority,
	DepartmentCode, EnterpriseAuthority, EnterpriseId, LandRegistry, ParcelFreezeHandler, Role,
	Subject, Ulpin,
};
use codec::Encode;
use frame_support::{pallet_macros::import_section, pallet_prelude::*, traits::UnixTime};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedDiv, One, Saturating, UniqueSaturatedInto, Zero},
	DispatchError,
};

/// A clearance type as stored for runtime `T`.
pub type ClearanceTypeOf<T> = ClearanceType<BlockNumberFor<T>>;
/// An application as stored for runtime `T`.
pub type ApplicationOf<T> = Application<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A case as stored for runtime `T`.
pub type CaseOf<T> = Case<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A document as stored for runtime `T`.
pub type DocumentOf<T> = Document<BlockNumberFor<T>>;
/// An appeal as stored for runtime `T`.
pub type AppealOf<T> = Appeal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// The appeal terms of a clearance type for runtime `T`.
pub type AppealTermsOf<T> = AppealTerms<BlockNumberFor<T>>;

/// Reason code recorded when a waiting case can never open because a prerequisite was refused.
pub const REASON_PREREQUISITE_REFUSED: u16 = 1;

/// Sets up what benchmarks need.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An enterprise member (owner), and the enterprise id.
	fn applicant() -> (AccountId, EnterpriseId);
	/// The head of a department of the given code (a department that exists).
	fn department() -> (clearance_primitives::DepartmentCode, AccountId);
	/// Register a parcel `id` held by enterprise `holder` (so that `holder` may apply for it).
	fn parcel(id: Ulpin, holder: EnterpriseId);
	/// An officer (not the head) holding `role` in [`BenchmarkHelper::department`], for the
	/// appeal benchmarks. The default, the head, cannot hear appeals: runtimes override it.
	fn officer(_role: Role) -> AccountId {
		Self::department().1
	}
}

// FRAME's generated code for the pallet, storage and errors calls `expect`. Only declarations
// and thin calls are written here; the code they call is in other modules, where the lint holds.
#[allow(clippy::expect_used)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version: 1 added the work queue and dashboard counters
	/// ([`migrations::v1`]); 2 keyed documents by enterprise, kept live cases only in
	/// [`CaseOfParcel`] and added [`CertificateOfParcel`], [`TypeUsage`] and
	/// [`DepartmentCertificates`] ([`migrations::v2`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Origin of council motions: manages the catalogue.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The department registry.
		type Departments: DepartmentAuthority<Self::AccountId>;

		/// The enterprise registry.
		type Enterprises: EnterpriseAuthority<Self::AccountId>;

		/// The land records.
		type Land: LandRegistry<Self::AccountId>;

		/// The audit trail.
		type Trail: AuditTrail<Self::AccountId>;

		/// Wall-clock time of the block (the timestamp pallet).
		type UnixTime: UnixTime;

		/// Most deadlines processed in one block; the rest wait for the next block.
		#[pallet::constant]
		type MaxDeadlineWork: Get<u32>;

		/// Blocks per day: the days of the holiday calendar ([`Holidays`]), and what turns
		/// clocks into days for dashboards and trackers.
		#[pallet::constant]
		type DayLength: Get<BlockNumberFor<Self>>;

		/// Most days on the holiday calendar ([`Holidays`]), past ones included: every clock
		/// reads the whole calendar once.
		#[pallet::constant]
		type MaxHolidays: Get<u32>;

		/// Weights of this pallet's calls and deadline work, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The catalogue of clearance types. Keyed by council-chosen codes: `Blake2_128Concat`.
	#[pallet::storage]
	pub type ClearanceTypes<T: Config> =
		StorageMap<_, Blake2_128Concat, TypeCode, ClearanceTypeOf<T>>;

	/// Anchored documents by anchoring enterprise and SHA-256 hash: each enterprise anchors in
	/// its own namespace. Enterprise ids come from the registry: `Twox64Concat`; the hash is
	/// chosen by the applicant: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Documents<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EnterpriseId, Blake2_128Concat, H256, DocumentOf<T>>;

	/// The id the next application receives.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> = StorageValue<_, ApplicationId, ValueQuery>;

	/// Applications by id. Ids come from [`NextApplicationId`]: `Twox64Concat`.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, ApplicationId, ApplicationOf<T>>;

	/// Index of each enterprise's applications (derived: written on submission). Enterprise ids
	/// come from the registry and application ids from a counter: `Twox64Concat`.
	#[pallet::storage]
	pub type ApplicationsOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EnterpriseId, Twox64Concat, ApplicationId, ()>;

	/// The id the next case receives.
	#[pallet::storage]
	pub type NextCaseId<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// Cases by id. Ids come from [`NextCaseId`]: `Twox64Concat`. Written only through
	/// `store_case`, which keeps [`WorkQueue`], [`Stats`] and [`DecisionDays`] in step.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, CaseOf<T>>;

	/// The live (undecided) case of each (parcel, clearance type): a second application for the
	/// same parcel and type is refused while it is there. Derived: filled on submission, emptied
	/// by `close_case`. ULPINs and codes come from outside the pallet: `Blake2_128Concat`.
	#[pallet::storage]
	pub type CaseOfParcel<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Ulpin, Blake2_128Concat, TypeCode, CaseId>;

	/// Live (undecided) cases concerning each parcel, suspended when it is frozen. Derived:
	/// filled on submission, emptied by `close_case`. `Blake2_128Concat` on the ULPIN.
	#[pallet::storage]
	pub type LiveCasesOf<T: Config> =
		StorageMap<_, Blake2_128Concat, Ulpin, BoundedVec<CaseId, MaxCasesPerParcel>, ValueQuery>;

	/// Deadlines by the working position they fall due at (the block number, on a chain without
	/// holidays: see [`Calendar`]). Positions are the chain's: `Twox64Concat`. An entry of kind
	/// [`Deadline::Appeal`] names an appeal, the others a case.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(CaseId, Deadline), MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// The first working position whose deadlines are not all processed yet.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The holiday calendar, governed by the council: days (numbered from genesis, see
	/// [`Calendar`]) on which statutory clocks do not run, sorted, each once. One read gives
	/// every clock its working time.
	#[pallet::storage]
	pub type Holidays<T: Config> =
		StorageValue<_, BoundedVec<DayIndex, T::MaxHolidays>, ValueQuery>;

	/// The appeal terms of each clearance type, governed by the council; a type without terms
	/// cannot be appealed. Beside the catalogue, so that its entries keep their encoding.
	/// `Blake2_128Concat` on the council-chosen code.
	#[pallet::storage]
	pub type AppealTermsOfType<T: Config> =
		StorageMap<_, Blake2_128Concat, TypeCode, AppealTermsOf<T>>;

	/// The range of penalties a Reviewing Officer may record, governed by the council; none
	/// may be recorded before it is set.
	#[pallet::storage]
	pub type PenaltyLimits<T: Config> = StorageValue<_, PenaltyRange>;

	/// The id the next appeal receives.
	#[pallet::storage]
	pub type NextAppealId<T: Config> = StorageValue<_, AppealId, ValueQuery>;

	/// Appeals by id. Ids come from [`NextAppealId`]: `Twox64Concat`.
	#[pallet::storage]
	pub type Appeals<T: Config> = StorageMap<_, Twox64Concat, AppealId, AppealOf<T>>;

	/// The appeals of each case, oldest first (derived: written when an appeal is filed).
	/// Case ids come from a counter: `Twox64Concat`.
	#[pallet::storage]
	pub type CaseAppeals<T: Config> =
		StorageMap<_, Twox64Concat, CaseId, BoundedVec<AppealId, MaxAppealsPerCase>, ValueQuery>;

	/// The number the next certificate receives.
	#[pallet::storage]
	pub type NextCertificateId<T: Config> = StorageValue<_, CertificateId, ValueQuery>;

	/// Certificates by number. Numbers come from [`NextCertificateId`]: `Twox64Concat`.
	#[pallet::storage]
	pub type Certificates<T: Config> = StorageMap<_, Twox64Concat, CertificateId, Certificate>;

	/// Unrevoked, unrenewed certificates concerning each parcel, suspended when it is frozen.
	/// Derived: written on issue, renewal and revocation. `Blake2_128Concat` on the ULPIN.
	#[pallet::storage]
	pub type CertificatesOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		Ulpin,
		BoundedVec<CertificateId, MaxCertificatesPerParcel>,
		ValueQuery,
	>;

	/// The certificate holding the clearance of each type for each parcel: the last issued, or
	/// its renewal; the entry goes when it is revoked. An expired certificate keeps its entry
	/// until the clearance is granted again, but holds nothing: see
	/// `Pallet::holds_clearance`. Derived: written on issue, renewal and revocation.
	/// `Blake2_128Concat` on the ULPIN and the type code.
	#[pallet::storage]
	pub type CertificateOfParcel<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Ulpin, Blake2_128Concat, TypeCode, CertificateId>;

	/// How each clearance type is in use by cases ([`TypeUse`]); absent when unused. Derived:
	/// kept by `store_case` and, for `waited_on`, by catalogue changes. `Blake2_128Concat` on
	/// the type code.
	#[pallet::storage]
	pub type TypeUsage<T: Config> = StorageMap<_, Blake2_128Concat, TypeCode, TypeUse>;

	/// How long each department's certificates may still be in force ([`CertificateHorizon`]).
	/// Derived: written on issue, renewal and revocation. `Blake2_128Concat` on the code.
	#[pallet::storage]
	pub type DepartmentCertificates<T: Config> =
		StorageMap<_, Blake2_128Concat, DepartmentCode, CertificateHorizon, ValueQuery>;

	/// Each department's live cases by state, ordered by due block: the work queue. Kept in
	/// step with [`Cases`] by every change of a case (`store_case`).
	///
	/// `Identity` on the [`QueueKey`] (due block then case id, big-endian): the runtime builds
	/// it, no caller chooses it, and its byte order is the due order, so the queue iterates
	/// earliest due first without sorting.
	#[pallet::storage]
	pub type WorkQueue<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, (DepartmentCode, CaseState), Identity, QueueKey, ()>;

	/// Counters behind each department's dashboard, kept in step with [`Cases`] by
	/// `store_case`. `Blake2_128Concat` on the department code.
	#[pallet::storage]
	pub type Stats<T: Config> =
		StorageMap<_, Blake2_128Concat, DepartmentCode, DepartmentStats, ValueQuery>;

	/// Each department's decisions by the whole days they took from opening, up to
	/// [`MAX_DECISION_DAYS`]: the distribution behind the median on its dashboard. Kept by
	/// `store_case`; the day bucket is computed by the runtime: `Twox64Concat`.
	#[pallet::storage]
	pub type DecisionDays<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DepartmentCode, Twox64Concat, u16, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The catalogue the chain starts with, prerequisites listed before the types needing
		/// them.
		pub catalogue: Vec<GenesisClearanceType>,
		/// The holiday calendar the chain starts with (days from genesis).
		#[serde(default)]
		pub holidays: Vec<DayIndex>,
		/// Appeal terms of types of the catalogue.
		#[serde(default)]
		pub appeal_terms: Vec<GenesisAppealTerms>,
		/// The range of penalties, if set.
		#[serde(default)]
		pub penalty_range: Option<PenaltyRange>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A chain must not start with a catalogue it would refuse later: stop here.
			for t in &self.catalogue {
				let (code, clearance) = t
					.to_clearance_type()
					.unwrap_or_else(|e| panic!("genesis clearance type {:?}: {e}", t.code));
				Pallet::<T>::do_set_type(code, clearance)
					.unwrap_or_else(|e| panic!("genesis clearance type {:?}: {:?}", t.code, e));
			}
			for day in &self.holidays {
				Pallet::<T>::insert_holiday(*day)
					.unwrap_or_else(|e| panic!("genesis holiday {day}: {e:?}"));
			}
			for t in &self.appeal_terms {
				let code: TypeCode = t.code.as_bytes().to_vec().try_into().unwrap_or_default();
				let w = |n: u32| BlockNumberFor::<T>::from(n);
				let x = t.terms;
				let terms = AppealTerms {
					window: w(x.window),
					first_limit: w(x.first_limit),
					second_window: w(x.second_window),
					second_limit: w(x.second_limit),
				};
				Pallet::<T>::do_set_appeal_terms(code, Some(terms))
					.unwrap_or_else(|e| panic!("genesis appeal terms {:?}: {e:?}", t.code));
			}
			if let Some(range) = self.penalty_range {
				Pallet::<T>::do_set_penalty_range(range)
					.unwrap_or_else(|e| panic!("genesis penalty range: {e:?}"));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council added or changed a clearance type.
		ClearanceTypeSet { clearance: TypeCode },
		/// The council removed a clearance type.
		ClearanceTypeRemoved { clearance: TypeCode },
		/// An enterprise anchored a document.
		DocumentAnchored { document: H256, enterprise: EnterpriseId },
		/// An enterprise submitted a common application.
		ApplicationSubmitted {
			application: ApplicationId,
			enterprise: EnterpriseId,
			by: T::AccountId,
		},
		/// The applicant withdrew an application.
		ApplicationWithdrawn { application: ApplicationId, by: T::AccountId },
		/// A case opened at its department; its clock started.
		CaseOpened { case: CaseId, application: ApplicationId, due: BlockNumberFor<T> },
		/// A case waits for prerequisite clearances.
		CaseWaiting { case: CaseId, application: ApplicationId },
		/// An officer took a case for scrutiny.
		CaseTaken { case: CaseId, officer: T::AccountId },
		/// The department raised its query; the applicant must respond by `respond_by`.
		QueryRaised { case: CaseId, officer: T::AccountId, respond_by: BlockNumberFor<T> },
		/// The applicant responded; the department clock runs again.
		QueryResponded { case: CaseId, by: T::AccountId },
		/// The department approved a case.
		CaseApproved { case: CaseId, by: T::AccountId, certificate: CertificateId },
		/// The department rejected a case.
		CaseRejected { case: CaseId, by: Option<T::AccountId>, reason: u16 },
		/// The time limit passed; the clearance is deemed approved.
		CaseDeemedApproved { case: CaseId, certificate: CertificateId },
		/// The time limit passed; the case went to the department head.
		CaseEscalated { case: CaseId },
		/// The applicant did not respond in time; the case lapsed.
		CaseLapsed { case: CaseId },
		/// A court freeze suspended a case.
		CaseSuspended { case: CaseId },
		/// A suspended case runs again.
		CaseResumed { case: CaseId },
		/// A certificate was issued.
		CertificateIssued { certificate: CertificateId, case: CaseId, expires_at: Option<u64> },
		/// A certificate was renewed by a new one.
		CertificateRenewed { old: CertificateId, new: CertificateId, expires_at: Option<u64> },
		/// A certificate was revoked.
		CertificateRevoked { certificate: CertificateId, by: T::AccountId, reason: u16 },
		/// A court freeze suspended a certificate.
		CertificateSuspended { certificate: CertificateId },
		/// A suspended certificate is valid again.
		CertificateRestored { certificate: CertificateId },
		/// A statutory deadline's action failed and changed nothing; the failure is on the
		/// case's trail and a fallback follows ([`Event::CaseEscalated`] or
		/// [`Event::DeadlineRescheduled`]).
		DeadlineFailed { case: CaseId, kind: Deadline, error: DispatchError },
		/// A deadline whose action and fallback both failed is tried again at block `at`.
		DeadlineRescheduled { case: CaseId, kind: Deadline, at: BlockNumberFor<T> },
		/// A freeze of `parcel` could not suspend `subject` (a case or a certificate), which
		/// is unchanged.
		SuspensionFailed { parcel: Ulpin, subject: Subject, error: DispatchError },
		/// Lifting a freeze of `parcel` could not restore `subject` (a case or a certificate).
		/// A case whose clock cannot run again goes to the department head
		/// ([`Event::CaseEscalated`]) if it can; otherwise it stays suspended.
		ResumptionFailed { parcel: Ulpin, subject: Subject, error: DispatchError },
		/// The council declared a holiday.
		HolidayAdded { day: DayIndex },
		/// The council took a day off the holiday calendar.
		HolidayRemoved { day: DayIndex },
		/// The council set a clearance type's appeal terms.
		AppealTermsSet { clearance: TypeCode },
		/// The council removed a clearance type's appeal terms.
		AppealTermsRemoved { clearance: TypeCode },
		/// The council set the range of penalties, in rupees.
		PenaltyRangeSet { min: u32, max: u32 },
		/// The applicant appealed a case; the appellate authority must decide by `due`.
		AppealFiled {
			appeal: AppealId,
			case: CaseId,
			level: AppealLevel,
			by: T::AccountId,
			due: BlockNumberFor<T>,
		},
		/// An appellate authority decided an appeal.
		AppealDecided {
			appeal: AppealId,
			case: CaseId,
			outcome: AppealOutcome<BlockNumberFor<T>>,
			by: T::AccountId,
		},
		/// An appellate authority's limit passed without a decision.
		AppealTimedOut { appeal: AppealId, case: CaseId },
		/// An appeal's decision sent a case back to its department, due at `due`.
		CaseReopened { case: CaseId, appeal: AppealId, due: BlockNumberFor<T> },
		/// A Reviewing Officer recorded a penalty against the officer who held a case.
		PenaltyRecorded {
			appeal: AppealId,
			case: CaseId,
			officer: T::AccountId,
			amount: u32,
			by: T::AccountId,
		},
		/// Timing out an appeal failed and changed nothing; it is tried again at block `at` (or,
		/// if the deadline queue has no room, `None`: the appeal stays pending).
		AppealDeadlineFailed {
			appeal: AppealId,
			error: DispatchError,
			at: Option<BlockNumberFor<T>>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer may not do this (wrong department, role, or not acting for the applicant).
		NotAuthorized,
		/// The code is not 2 to `MaxTypeCodeLen` (types) or `MaxDocKindLen` (document kinds)
		/// characters of `A-Z`, `0-9`, `_`, starting with a letter.
		BadCode,
		/// The issuing department does not exist.
		UnknownDepartment,
		/// The time limit is zero.
		ZeroTimeLimit,
		/// A prerequisite type is not in the catalogue.
		UnknownPrerequisite,
		/// A clearance type names itself as a prerequisite.
		SelfPrerequisite,
		/// Cases of the type are undecided, or cases wait for it as a prerequisite: it cannot
		/// be removed from the catalogue yet.
		TypeInUse,
		/// No clearance type has this code.
		UnknownType,
		/// The enterprise already anchored a document with this hash.
		AlreadyAnchored,
		/// The enterprise anchored no document with this hash.
		UnknownDocument,
		/// The project name is empty (it may not be longer than `MaxText` bytes).
		NoProjectName,
		/// The project's sector is empty (it may not be longer than `MaxText` bytes).
		NoSector,
		/// The application names no parcel.
		NoParcels,
		/// The application asks for no clearance type.
		NoTypes,
		/// The documents already attached and those a query response adds are more than
		/// `MaxDocuments`.
		TooManyDocuments,
		/// A parcel is not in the land records.
		UnknownParcel,
		/// A parcel is neither held by the applying enterprise nor has its holder's consent on
		/// record for it.
		NoHolderConsent,
		/// A court order freezes a parcel of the application.
		ParcelFrozen,
		/// A document kind a requested type requires is missing.
		MissingDocument,
		/// A prerequisite is neither requested in the application nor already approved.
		MissingPrerequisite,
		/// The application names the same parcel twice.
		DuplicateParcel,
		/// The application asks for the same clearance type twice.
		DuplicateType,
		/// A live case already exists for a parcel and clearance type of the application.
		AlreadyApplied,
		/// A parcel of the application already holds a clearance of a requested type, by a
		/// certificate neither revoked nor expired.
		AlreadyApproved,
		/// A parcel would have more live cases than `MaxCasesPerParcel`.
		TooManyCases,
		/// A parcel already has `MaxCertificatesPerParcel` certificates.
		TooManyCertificates,
		/// No application has this id.
		UnknownApplication,
		/// No case has this id.
		UnknownCase,
		/// The case is not in a state that allows this.
		InvalidState,
		/// The department already raised its query on this case.
		QueryAlreadyRaised,
		/// The first third of the time limit has passed: objections are locked.
		ObjectionsLocked,
		/// The case is suspended by a court freeze of one of its parcels.
		Suspended,
		/// No certificate has this number.
		UnknownCertificate,
		/// The certificate is revoked.
		Revoked,
		/// The certificate was already renewed.
		AlreadyRenewed,
		/// The certificate is permanent and needs no renewal.
		Permanent,
		/// The certificate expired and a later certificate of the same type holds one of its
		/// parcels: it can no longer be renewed.
		Superseded,
		/// Each of the `DeadlineWindow` blocks from the due block on already holds
		/// `MaxDeadlinesPerBlock` deadlines; try again in a later block.
		DeadlineQueueFull,
		/// An identifier space is exhausted.
		IdsExhausted,
		/// The holiday calendar already has `MaxHolidays` days.
		TooManyHolidays,
		/// The day is already a holiday.
		AlreadyHoliday,
		/// The day is not a holiday.
		NotHoliday,
		/// The day has begun (or passed): only later days can be added or removed, so that no
		/// running clock's elapsed time changes.
		DayStarted,
		/// No appeal has this id.
		UnknownAppeal,
		/// The case's clearance type has no appeal terms: it cannot be appealed.
		NoAppealTerms,
		/// The case was neither rejected, lapsed, escalated nor decided late.
		NotAppealable,
		/// The window to appeal has closed.
		AppealWindowClosed,
		/// An appeal on the case is pending.
		AppealPending,
		/// The case's current decision was already appealed at this level.
		AlreadyAppealed,
		/// The case has no first appeal to take further.
		NoFirstAppeal,
		/// The first appeal sent the case back to its department: nothing to take further.
		FirstAppealGranted,
		/// The case already has `MaxAppealsPerCase` appeals.
		TooManyAppeals,
		/// The appeal is no longer pending.
		AppealClosed,
		/// The outcome does not fit the case: an order needs an escalated case and a positive
		/// limit, a set-aside a rejected or lapsed case.
		InvalidOutcome,
		/// The signer held or decided the case (or is the officer to be penalised).
		OwnCase,
		/// The application was withdrawn.
		ApplicationClosed,
		/// Penalties are recorded on second appeals only.
		NotSecondAppeal,
		/// The appeal already carries a penalty.
		PenaltyAlreadyRecorded,
		/// The officer neither held the case nor, if no officer took it, heads its department.
		NotCaseOfficer,
		/// The council has not set a range of penalties.
		NoPenaltyRange,
		/// The amount is outside the council's range of penalties.
		PenaltyOutOfRange,
		/// A range of penalties needs `0 < min <= max`.
		BadPenaltyRange,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_deadlines(now)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	// The bounds of this pallet's types, for clients: each returns the alias of the same name
	// in `types.rs` (or `DEADLINE_WINDOW`), the single source of the bound.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest clearance type code, in bytes (codes have at least 2).
		#[pallet::constant_name(MaxTypeCodeLen)]
		fn max_type_code_len() -> u32 {
			<MaxTypeCodeLen as Get<u32>>::get()
		}

		/// Longest document kind, in bytes (kinds have at least 2).
		#[pallet::constant_name(MaxDocKindLen)]
		fn max_doc_kind_len() -> u32 {
			<MaxDocKindLen as Get<u32>>::get()
		}

		/// Most prerequisite types of a clearance type.
		#[pallet::constant_name(MaxPrerequisites)]
		fn max_prerequisites() -> u32 {
			<MaxPrerequisites as Get<u32>>::get()
		}

		/// Most document kinds a clearance type requires.
		#[pallet::constant_name(MaxRequiredDocuments)]
		fn max_required_documents() -> u32 {
			<MaxRequiredDocuments as Get<u32>>::get()
		}

		/// Most parcels one application concerns.
		#[pallet::constant_name(MaxParcels)]
		fn max_parcels() -> u32 {
			<MaxParcels as Get<u32>>::get()
		}

		/// Most documents attached to one application, including those added with query
		/// responses.
		#[pallet::constant_name(MaxDocuments)]
		fn max_documents() -> u32 {
			<MaxDocuments as Get<u32>>::get()
		}

		/// Most clearance types one application asks for (and so cases it opens).
		#[pallet::constant_name(MaxTypes)]
		fn max_types() -> u32 {
			<MaxTypes as Get<u32>>::get()
		}

		/// Longest project name and sector, in bytes.
		#[pallet::constant_name(MaxText)]
		fn max_text() -> u32 {
			<MaxText as Get<u32>>::get()
		}

		/// Longest document URI, in bytes.
		#[pallet::constant_name(MaxUri)]
		fn max_uri() -> u32 {
			<MaxUri as Get<u32>>::get()
		}

		/// Most live cases concerning one parcel.
		#[pallet::constant_name(MaxCasesPerParcel)]
		fn max_cases_per_parcel() -> u32 {
			<MaxCasesPerParcel as Get<u32>>::get()
		}

		/// Most certificates recorded against one parcel.
		#[pallet::constant_name(MaxCertificatesPerParcel)]
		fn max_certificates_per_parcel() -> u32 {
			<MaxCertificatesPerParcel as Get<u32>>::get()
		}

		/// Most deadlines due in one block.
		#[pallet::constant_name(MaxDeadlinesPerBlock)]
		fn max_deadlines_per_block() -> u32 {
			<MaxDeadlinesPerBlock as Get<u32>>::get()
		}

		/// How many blocks past its due block a deadline may be put when the queue is full
		/// there; past that, the call that sets the deadline fails.
		#[pallet::constant_name(DeadlineWindow)]
		fn deadline_window() -> u32 {
			DEADLINE_WINDOW
		}

		/// Most appeals on one case (first and second, over every time it reopens).
		#[pallet::constant_name(MaxAppealsPerCase)]
		fn max_appeals_per_case() -> u32 {
			<MaxAppealsPerCase as Get<u32>>::get()
		}
	}
}

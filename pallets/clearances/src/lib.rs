//! # Clearances pallet
//!
//! The common application, its cases at each department, statutory clocks the runtime enforces,
//! and the certificates that result.
//!
//! ## Terminology
//!
//! - **Clearance type**: an entry of the catalogue ([`ClearanceType`]), governed by the council:
//!   issuing department, time limit, what silence means, certificate validity, prerequisite
//!   types, required documents.
//! - **Document**: a file anchored once by its SHA-256 hash ([`Document`]), reusable by every
//!   later application of the same enterprise and visible to every department.
//! - **Common application**: one submission by an enterprise naming the project, parcels,
//!   clearance types and documents ([`Application`]). It opens one **case** per type.
//! - **Case**: one clearance type of an application at its department ([`Case`]). A case whose
//!   prerequisites are not yet approved waits and opens when they are.
//! - **Department clock / response clock**: the department's time limit counts only while the
//!   case is with the department; it stops while a query waits on the applicant, whose own
//!   limit runs instead ([`Clock`]). A query may be raised once, within the first third of the
//!   time limit; after that objections are locked.
//! - **Deadline queue**: deadlines are kept by due block ([`Deadlines`]). Each block the runtime
//!   processes due deadlines in order, at most [`Config::MaxDeadlineWork`] of them, carrying any
//!   backlog over to the next block, so no deadline is skipped and no block does unbounded work.
//!   When department time runs out the case is deemed approved or escalated to the head,
//!   depending on its type; when response time runs out it lapses.
//! - **Certificate**: issued on approval ([`Certificate`]), with a unique number; it can be
//!   renewed, is suspended while a court freezes one of its parcels, can be revoked by its
//!   department, and expires on its own. Its status at any past time is answerable
//!   ([`Pallet::certificate_status`]).
//! - **Suspension**: a court freeze of a parcel suspends every live case (its clocks stop) and
//!   every certificate concerning it; lifting the last freeze restores them.
//!
//! Every change appends to the audit trail of its subject (application, case, certificate).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

use alloc::vec::Vec;
use clearance_primitives::{
	Action, ApplicationId, AuditTrail, Authority, CaseId, CertificateId, DepartmentAuthority,
	DepartmentCode, EnterpriseAuthority, EnterpriseId, LandRegistry, ParcelFreezeHandler, Role,
	Subject, Ulpin,
};
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::UnixTime};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating, UniqueSaturatedInto, Zero},
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

/// How many blocks from its due block a deadline may be put off when the queue is full there.
pub const DEADLINE_WINDOW: u32 = 64;

/// Reason code recorded when a waiting case can never open because a prerequisite was refused.
pub const REASON_PREREQUISITE_REFUSED: u16 = 1;

/// Sets up what benchmarks need.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An enterprise member (owner), and the enterprise id.
	fn applicant() -> (AccountId, EnterpriseId);
	/// The head of a department of the given code (a department that exists).
	fn department() -> (clearance_primitives::DepartmentCode, AccountId);
	/// Register a parcel `id` that the workflow may use.
	fn parcel(id: Ulpin);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version: 1 added the work queue and dashboard counters
	/// ([`migrations::v1`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// Blocks per day: turns clocks into days for dashboards and trackers.
		#[pallet::constant]
		type DayLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and deadline work, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The catalogue of clearance types.
	#[pallet::storage]
	pub type ClearanceTypes<T: Config> =
		StorageMap<_, Blake2_128Concat, TypeCode, ClearanceTypeOf<T>>;

	/// Anchored documents by SHA-256 hash.
	#[pallet::storage]
	pub type Documents<T: Config> = StorageMap<_, Identity, H256, DocumentOf<T>>;

	/// The id the next application receives.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> = StorageValue<_, ApplicationId, ValueQuery>;

	/// Applications by id.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, ApplicationId, ApplicationOf<T>>;

	/// Index of each enterprise's applications.
	#[pallet::storage]
	pub type ApplicationsOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EnterpriseId, Twox64Concat, ApplicationId, ()>;

	/// The id the next case receives.
	#[pallet::storage]
	pub type NextCaseId<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// Cases by id.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, CaseOf<T>>;

	/// The case holding each (parcel, clearance type): live or approved. A second application
	/// for the same parcel and type is refused while it is there.
	#[pallet::storage]
	pub type CaseOfParcel<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Ulpin, Blake2_128Concat, TypeCode, CaseId>;

	/// Live (undecided) cases concerning each parcel, suspended when it is frozen.
	#[pallet::storage]
	pub type LiveCasesOf<T: Config> =
		StorageMap<_, Blake2_128Concat, Ulpin, BoundedVec<CaseId, MaxCasesPerParcel>, ValueQuery>;

	/// Deadlines by the block they fall due in.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(CaseId, Deadline), MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// The first block whose deadlines are not all processed yet.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The number the next certificate receives.
	#[pallet::storage]
	pub type NextCertificateId<T: Config> = StorageValue<_, CertificateId, ValueQuery>;

	/// Certificates by number.
	#[pallet::storage]
	pub type Certificates<T: Config> = StorageMap<_, Twox64Concat, CertificateId, Certificate>;

	/// Unrevoked, unrenewed certificates concerning each parcel, suspended when it is frozen.
	#[pallet::storage]
	pub type CertificatesOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		Ulpin,
		BoundedVec<CertificateId, MaxCertificatesPerParcel>,
		ValueQuery,
	>;

	/// Each department's live cases by state, ordered by due block: the work queue. Kept in
	/// step with [`Cases`] by every change of a case.
	#[pallet::storage]
	pub type WorkQueue<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, (DepartmentCode, CaseState), Identity, QueueKey, ()>;

	/// Counters behind each department's dashboard.
	#[pallet::storage]
	pub type Stats<T: Config> =
		StorageMap<_, Blake2_128Concat, DepartmentCode, DepartmentStats, ValueQuery>;

	/// Each department's decisions by the whole days they took from opening, up to
	/// [`MAX_DECISION_DAYS`]: the distribution behind the median on its dashboard.
	#[pallet::storage]
	pub type DecisionDays<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DepartmentCode, Twox64Concat, u16, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The catalogue the chain starts with, prerequisites listed before the types needing
		/// them.
		pub catalogue: Vec<GenesisClearanceType>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let code = |s: &str| -> BoundedVec<u8, ConstU32<32>> {
				s.as_bytes().to_vec().try_into().unwrap_or_else(|_| panic!("code {s:?} too long"))
			};
			for t in &self.catalogue {
				let clearance = ClearanceType {
					department: t
						.department
						.as_bytes()
						.to_vec()
						.try_into()
						.expect("department code"),
					time_limit: t.time_limit.into(),
					response_limit: t.response_limit.into(),
					on_silence: t.on_silence,
					validity_ms: t.validity_ms,
					prerequisites: t
						.prerequisites
						.iter()
						.map(|p| code(p))
						.collect::<Vec<_>>()
						.try_into()
						.expect("at most 4 prerequisites"),
					required_documents: t
						.required_documents
						.iter()
						.map(|d| d.as_bytes().to_vec().try_into().expect("document kind"))
						.collect::<Vec<_>>()
						.try_into()
						.expect("at most 8 document kinds"),
					converts_to: t.converts_to,
				};
				Pallet::<T>::do_set_type(code(&t.code), clearance)
					.unwrap_or_else(|e| panic!("genesis clearance type {:?}: {:?}", t.code, e));
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
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer may not do this (wrong department, role, or not acting for the applicant).
		NotAuthorized,
		/// The code is not 2 to 32 (types) or 24 (document kinds) characters of `A-Z`, `0-9`, `_`.
		BadCode,
		/// The issuing department does not exist.
		UnknownDepartment,
		/// The time limit is zero.
		ZeroTimeLimit,
		/// A prerequisite type is not in the catalogue (or is the type itself).
		UnknownPrerequisite,
		/// No clearance type has this code.
		UnknownType,
		/// The document is already anchored.
		AlreadyAnchored,
		/// No document has this hash.
		UnknownDocument,
		/// The document belongs to another enterprise.
		ForeignDocument,
		/// The URI is longer than 128 bytes.
		UriTooLong,
		/// The project name or sector is empty or longer than 64 bytes.
		BadProject,
		/// The application names no parcel, no type, or too many (4 parcels, 8 types,
		/// 16 documents).
		BadApplication,
		/// A parcel is not in the land records.
		UnknownParcel,
		/// A court order freezes a parcel of the application.
		ParcelFrozen,
		/// A document kind a requested type requires is missing.
		MissingDocument,
		/// A prerequisite is neither requested in the application nor already approved.
		MissingPrerequisite,
		/// The same type is requested twice, or a live or approved case exists for a parcel and
		/// type of the application.
		Duplicate,
		/// A parcel already has the most live cases it may have (32).
		TooManyCases,
		/// A parcel already has the most certificates it may have (32).
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
		/// Too many deadlines fall due around this block; try again in a later block.
		DeadlineQueueFull,
		/// An identifier space is exhausted.
		IdsExhausted,
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

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a clearance type to the catalogue, or change it. Cases already open keep the
		/// time limit they opened with.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the code is well formed
		/// ([`Error::BadCode`]), the department exists ([`Error::UnknownDepartment`]), the time
		/// limit is positive ([`Error::ZeroTimeLimit`]), prerequisites are in the catalogue
		/// ([`Error::UnknownPrerequisite`]), document kinds are well formed.
		/// Emits [`Event::ClearanceTypeSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_clearance_type())]
		pub fn set_clearance_type(
			origin: OriginFor<T>,
			code: TypeCode,
			clearance: ClearanceTypeOf<T>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_type(code, clearance)
		}

		/// Remove a clearance type from the catalogue; cases of it continue.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the type exists ([`Error::UnknownType`]).
		/// Emits [`Event::ClearanceTypeRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_clearance_type())]
		pub fn remove_clearance_type(origin: OriginFor<T>, code: TypeCode) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			ensure!(ClearanceTypes::<T>::contains_key(&code), Error::<T>::UnknownType);
			ClearanceTypes::<T>::remove(&code);
			Self::deposit_event(Event::ClearanceTypeRemoved { clearance: code });
			Ok(())
		}

		/// Anchor a document by the SHA-256 hash of its file, so any later application of the
		/// enterprise can use it and any department can check it. Never personal data: only
		/// the hash, size, kind and an optional URI.
		///
		/// Origin: the owner or an agent of an enterprise ([`Error::NotAuthorized`]).
		/// Checks: the kind is well formed ([`Error::BadCode`]), the URI fits
		/// ([`Error::UriTooLong`]), the hash is new ([`Error::AlreadyAnchored`]).
		/// Emits [`Event::DocumentAnchored`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::anchor_document())]
		pub fn anchor_document(
			origin: OriginFor<T>,
			sha256: H256,
			kind: Vec<u8>,
			size: u64,
			uri: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_anchor(who, sha256, kind, size, uri)
		}

		/// Submit a common application: one case per clearance type, opened at its department
		/// (or waiting for its prerequisites).
		///
		/// Origin: the owner or an agent of an enterprise ([`Error::NotAuthorized`]).
		/// Refuses what can never succeed: a bad project ([`Error::BadProject`]), empty or
		/// oversized lists ([`Error::BadApplication`]), unknown types ([`Error::UnknownType`]),
		/// unknown or frozen parcels ([`Error::UnknownParcel`], [`Error::ParcelFrozen`]),
		/// documents that are unknown or another enterprise's ([`Error::UnknownDocument`],
		/// [`Error::ForeignDocument`]), required documents missing ([`Error::MissingDocument`]),
		/// prerequisites that will never be met ([`Error::MissingPrerequisite`]), duplicates of
		/// a live or approved case for a parcel and type ([`Error::Duplicate`]).
		/// Emits [`Event::ApplicationSubmitted`], then [`Event::CaseOpened`] or
		/// [`Event::CaseWaiting`] per case.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_application(
			types.len() as u32,
			parcels.len() as u32,
			documents.len() as u32,
		))]
		pub fn submit_application(
			origin: OriginFor<T>,
			project: Project,
			parcels: Vec<Ulpin>,
			types: Vec<TypeCode>,
			documents: Vec<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(who, project, parcels, types, documents)
		}

		/// Withdraw an application: every undecided case is withdrawn.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: the application exists and is open ([`Error::UnknownApplication`],
		/// [`Error::InvalidState`]). Emits [`Event::ApplicationWithdrawn`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(4)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::withdraw_application(l.cases, l.parcels)
		})]
		pub fn withdraw_application(
			origin: OriginFor<T>,
			application: ApplicationId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_withdraw(who, application)?;
			Ok(Some(T::WeightInfo::withdraw_application(e.cases, e.parcels)).into())
		}

		/// Take an open case for scrutiny.
		///
		/// Origin: a scrutiny officer (or the head) of the case's department
		/// ([`Error::NotAuthorized`]). Checks: the case is submitted and not yet taken
		/// ([`Error::InvalidState`]), not suspended ([`Error::Suspended`]).
		/// Emits [`Event::CaseTaken`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::take_case())]
		pub fn take_case(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take(who, case)
		}

		/// Raise the department's one query on a case; the department clock stops and the
		/// applicant's response clock starts.
		///
		/// Origin: the officer holding the case, or the head ([`Error::NotAuthorized`]).
		/// Checks: the case is with the department ([`Error::InvalidState`]), not suspended, has
		/// no query yet ([`Error::QueryAlreadyRaised`]), and no more than a third of its time
		/// limit is used ([`Error::ObjectionsLocked`]). Emits [`Event::QueryRaised`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::raise_query())]
		pub fn raise_query(origin: OriginFor<T>, case: CaseId, query: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_raise_query(who, case, query)
		}

		/// Respond to the department's query, optionally attaching more documents; the case
		/// returns to the department and its clock runs again.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: a query waits ([`Error::InvalidState`]), not suspended; documents are the
		/// applicant's ([`Error::UnknownDocument`], [`Error::ForeignDocument`]) and fit
		/// ([`Error::BadApplication`]). Emits [`Event::QueryResponded`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::respond_to_query())]
		pub fn respond_to_query(
			origin: OriginFor<T>,
			case: CaseId,
			response: H256,
			documents: Vec<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_respond(who, case, response, documents)
		}

		/// Approve a case with conditions and issue its certificate. A land-use conversion
		/// changes the parcels' class; cases waiting for this one open.
		///
		/// Origin: an approving authority of the case's department, or its head; only the head
		/// decides an escalated case ([`Error::NotAuthorized`]). Checks: the case is with the
		/// department ([`Error::InvalidState`]) and not suspended ([`Error::Suspended`]).
		/// Emits [`Event::CaseApproved`] and [`Event::CertificateIssued`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(8)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::approve(l.cases, l.parcels)
		})]
		pub fn approve(
			origin: OriginFor<T>,
			case: CaseId,
			conditions: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_approve(who, case, conditions)?;
			Ok(Some(T::WeightInfo::approve(e.cases, e.parcels)).into())
		}

		/// Reject a case with a reason code and the hash of the reasoning. Cases of the same
		/// application waiting for it can never open and are rejected too.
		///
		/// Origin and checks: as [`Pallet::approve`]. Emits [`Event::CaseRejected`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(9)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::reject(l.cases, l.parcels)
		})]
		pub fn reject(
			origin: OriginFor<T>,
			case: CaseId,
			reason: u16,
			reasoning: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_reject(who, case, reason, reasoning)?;
			Ok(Some(T::WeightInfo::reject(e.cases, e.parcels)).into())
		}

		/// Renew a certificate: a new certificate, linked to the old, valid for another
		/// validity period from the old expiry (or from now, if later).
		///
		/// Origin: an approving authority of the issuing department, or its head
		/// ([`Error::NotAuthorized`]). Checks: the certificate exists
		/// ([`Error::UnknownCertificate`]), is not revoked ([`Error::Revoked`]), suspended
		/// ([`Error::Suspended`]), renewed ([`Error::AlreadyRenewed`]) or permanent
		/// ([`Error::Permanent`]). Emits [`Event::CertificateRenewed`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::renew_certificate())]
		pub fn renew_certificate(
			origin: OriginFor<T>,
			certificate: CertificateId,
			conditions: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_renew(who, certificate, conditions)
		}

		/// Revoke a certificate with a reason code and the hash of the reasoning.
		///
		/// Origin: an approving authority of the issuing department, or its head
		/// ([`Error::NotAuthorized`]). Checks: the certificate exists and is not revoked yet
		/// ([`Error::UnknownCertificate`], [`Error::Revoked`]).
		/// Emits [`Event::CertificateRevoked`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_certificate())]
		pub fn revoke_certificate(
			origin: OriginFor<T>,
			certificate: CertificateId,
			reason: u16,
			reasoning: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, certificate, reason, reasoning)
		}
	}
}

/// Validate an upper-case code of 2 to `N` characters.
fn parse_code<N: Get<u32>>(code: &[u8]) -> Option<BoundedVec<u8, N>> {
	clearance_primitives::is_code(code).then(|| code.to_vec().try_into().ok()).flatten()
}

fn bounded<N: Get<u32>, X: Clone>(v: Vec<X>) -> Option<BoundedVec<X, N>> {
	(!v.is_empty()).then_some(())?;
	v.try_into().ok()
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	fn now_ms() -> u64 {
		T::UnixTime::now().as_millis().try_into().unwrap_or(u64::MAX)
	}

	fn record(
		subject: Subject,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(subject, who.cloned(), authority, action, details)
	}

	/// The enterprise `who` acts for, with the authority.
	fn applicant(who: &T::AccountId) -> Result<(EnterpriseId, Authority<T::AccountId>), Error<T>> {
		T::Enterprises::acting_for(who).ok_or(Error::<T>::NotAuthorized)
	}

	/// The authority under which `who` acts in `case`'s department with one of `roles`.
	fn officer(
		who: &T::AccountId,
		case: &CaseOf<T>,
		roles: &[Role],
	) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_in(who, &case.department, roles).ok_or(Error::<T>::NotAuthorized)
	}

	/// Store a case and keep the work queue and the dashboard counters in step with it.
	pub(crate) fn store_case(id: CaseId, case: CaseOf<T>) {
		let old = Cases::<T>::get(id);
		Self::index_case(id, old.as_ref(), &case);
		Cases::<T>::insert(id, case);
	}

	/// Bring the work queue and the dashboard counters from `old` (`None` for a new case) to
	/// `case`.
	pub(crate) fn index_case(id: CaseId, old: Option<&CaseOf<T>>, case: &CaseOf<T>) {
		let old_key = old.and_then(|c| Self::queue_entry(id, c));
		let new_key = Self::queue_entry(id, case);
		if old_key != new_key {
			if let Some((state, key)) = old_key {
				WorkQueue::<T>::remove((case.department.clone(), state), key);
			}
			if let Some((state, key)) = new_key {
				WorkQueue::<T>::insert((case.department.clone(), state), key, ());
			}
		}
		let old_state = old.map(|c| c.state);
		let was_suspended = old.is_some_and(|c| c.suspensions > 0 && !c.state.is_final());
		let suspended = case.suspensions > 0 && !case.state.is_final();
		if old_state != Some(case.state) || was_suspended != suspended {
			Stats::<T>::mutate(&case.department, |s| {
				if let Some(o) = old_state {
					s.by_state[o as usize].saturating_dec();
				}
				s.by_state[case.state as usize].saturating_inc();
				if was_suspended {
					s.suspended.saturating_dec();
				}
				if suspended {
					s.suspended.saturating_inc();
				}
				let newly_decided =
					case.state.is_final() && !old_state.is_some_and(|o| o.is_final());
				let timed = matches!(
					case.state,
					CaseState::Approved | CaseState::Rejected | CaseState::DeemedApproved
				);
				if newly_decided && timed {
					if let (Some(d), Some(opened)) = (case.decision.as_ref(), case.opened_at) {
						if d.in_time {
							s.in_time.saturating_inc();
						} else {
							s.late.saturating_inc();
						}
						let days =
							d.at.saturating_sub(opened) / T::DayLength::get().max(One::one());
						let days: u32 = days.unique_saturated_into();
						let bucket = days.min(MAX_DECISION_DAYS.into()) as u16;
						DecisionDays::<T>::mutate(&case.department, bucket, |n| n.saturating_inc());
					}
				}
			});
		}
	}

	/// The work-queue entry of a case: its state and key ([`Pallet::queue_due`], id), or `None`
	/// once decided.
	fn queue_entry(id: CaseId, case: &CaseOf<T>) -> Option<(CaseState, QueueKey)> {
		if case.state.is_final() {
			return None;
		}
		Some((case.state, queue_key(Self::queue_due(case).unique_saturated_into(), id)))
	}

	/// The block `case` is ordered by in its work queue: when its running clock runs out; while
	/// no clock runs (waiting, suspended, escalated) the end of its statutory time limit counted
	/// from opening, or zero for a case that never opened.
	pub fn queue_due(case: &CaseOf<T>) -> BlockNumberFor<T> {
		Self::due_of(case)
			.or_else(|| case.opened_at.map(|o| o.saturating_add(case.time_limit)))
			.unwrap_or_default()
	}

	/// When the clock that currently runs on `case` runs out.
	fn due_of(case: &CaseOf<T>) -> Option<BlockNumberFor<T>> {
		if case.suspensions > 0 || case.state.is_final() {
			return None;
		}
		if case.state == CaseState::QueryRaised {
			case.response_clock.and_then(|c| c.due())
		} else if case.state.department_clock_runs() {
			case.clock.due()
		} else {
			None
		}
	}

	fn case(id: CaseId) -> Result<CaseOf<T>, Error<T>> {
		Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)
	}

	/// Put a deadline in the queue at `at`, or the first later block with room (within
	/// [`DEADLINE_WINDOW`] blocks: with [`MaxDeadlinesPerBlock`] a block, 65,536 deadlines
	/// falling due together).
	fn schedule(case: CaseId, kind: Deadline, at: BlockNumberFor<T>) -> Result<(), Error<T>> {
		let mut block = at.max(Self::now().saturating_add(One::one()));
		for _ in 0..DEADLINE_WINDOW {
			let added = Deadlines::<T>::mutate(block, |q| q.try_push((case, kind)).is_ok());
			if added {
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::DeadlineQueueFull)
	}

	// ---- catalogue and documents ----

	/// See [`Pallet::set_clearance_type`].
	pub fn do_set_type(code: TypeCode, clearance: ClearanceTypeOf<T>) -> DispatchResult {
		ensure!(parse_code::<ConstU32<32>>(&code).is_some(), Error::<T>::BadCode);
		ensure!(T::Departments::exists(&clearance.department), Error::<T>::UnknownDepartment);
		ensure!(!clearance.time_limit.is_zero(), Error::<T>::ZeroTimeLimit);
		for p in clearance.prerequisites.iter() {
			ensure!(
				p != &code && ClearanceTypes::<T>::contains_key(p),
				Error::<T>::UnknownPrerequisite
			);
		}
		for d in clearance.required_documents.iter() {
			ensure!(parse_code::<ConstU32<24>>(d).is_some(), Error::<T>::BadCode);
		}
		ClearanceTypes::<T>::insert(&code, clearance);
		Self::deposit_event(Event::ClearanceTypeSet { clearance: code });
		Ok(())
	}

	/// See [`Pallet::anchor_document`].
	pub fn do_anchor(
		who: T::AccountId,
		sha256: H256,
		kind: Vec<u8>,
		size: u64,
		uri: Option<Vec<u8>>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		let kind = parse_code::<ConstU32<24>>(&kind).ok_or(Error::<T>::BadCode)?;
		let uri = uri.map(|u| u.try_into().map_err(|_| Error::<T>::UriTooLong)).transpose()?;
		ensure!(!Documents::<T>::contains_key(sha256), Error::<T>::AlreadyAnchored);
		let details = (sha256, &kind, size);
		Self::record(
			Subject::Enterprise(enterprise),
			Some(&who),
			authority,
			Action::DocumentAnchored,
			details,
		)?;
		Documents::<T>::insert(
			sha256,
			Document { enterprise, kind, size, uri, anchored_at: Self::now() },
		);
		Self::deposit_event(Event::DocumentAnchored { document: sha256, enterprise });
		Ok(())
	}

	/// Check that `documents` are anchored by `enterprise`.
	fn check_documents(
		enterprise: EnterpriseId,
		documents: &[H256],
	) -> Result<Vec<DocumentOf<T>>, Error<T>> {
		documents
			.iter()
			.map(|h| {
				let d = Documents::<T>::get(h).ok_or(Error::<T>::UnknownDocument)?;
				ensure!(d.enterprise == enterprise, Error::<T>::ForeignDocument);
				Ok(d)
			})
			.collect()
	}

	// ---- applications ----

	/// See [`Pallet::submit_application`].
	pub fn do_submit(
		who: T::AccountId,
		project: Project,
		parcels: Vec<Ulpin>,
		types: Vec<TypeCode>,
		documents: Vec<H256>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		ensure!(!project.name.is_empty() && !project.sector.is_empty(), Error::<T>::BadProject);
		let parcels: BoundedVec<Ulpin, MaxParcels> =
			bounded(parcels).ok_or(Error::<T>::BadApplication)?;
		let type_list: BoundedVec<TypeCode, MaxTypes> =
			bounded(types).ok_or(Error::<T>::BadApplication)?;
		let documents: BoundedVec<H256, MaxDocuments> =
			documents.try_into().map_err(|_| Error::<T>::BadApplication)?;

		// Parcels: known, not frozen, distinct.
		for (i, p) in parcels.iter().enumerate() {
			let frozen = T::Land::is_frozen(p).ok_or(Error::<T>::UnknownParcel)?;
			ensure!(!frozen, Error::<T>::ParcelFrozen);
			ensure!(!parcels[..i].contains(p), Error::<T>::Duplicate);
		}
		// Documents: the enterprise's own.
		let docs = Self::check_documents(enterprise, &documents)?;
		// Types: known, distinct, documents present, prerequisites reachable, no duplicates.
		let mut catalogue = Vec::with_capacity(type_list.len());
		for (i, code) in type_list.iter().enumerate() {
			ensure!(!type_list[..i].contains(code), Error::<T>::Duplicate);
			let ct = ClearanceTypes::<T>::get(code).ok_or(Error::<T>::UnknownType)?;
			for kind in ct.required_documents.iter() {
				ensure!(docs.iter().any(|d| &d.kind == kind), Error::<T>::MissingDocument);
			}
			for pre in ct.prerequisites.iter() {
				let requested = type_list.contains(pre);
				let approved = parcels.iter().all(|p| Self::approved_for(p, pre));
				ensure!(requested || approved, Error::<T>::MissingPrerequisite);
			}
			for p in parcels.iter() {
				ensure!(!CaseOfParcel::<T>::contains_key(p, code), Error::<T>::Duplicate);
			}
			catalogue.push(ct);
		}
		for p in parcels.iter() {
			let live = LiveCasesOf::<T>::decode_len(p).unwrap_or(0);
			ensure!(
				live.saturating_add(type_list.len())
					<= <MaxCasesPerParcel as Get<u32>>::get() as usize,
				Error::<T>::TooManyCases
			);
		}
		let id = NextApplicationId::<T>::get();
		let next_app = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let first_case = NextCaseId::<T>::get();
		let next_case =
			first_case.checked_add(type_list.len() as u32).ok_or(Error::<T>::IdsExhausted)?;

		// All checks passed: write.
		let now = Self::now();
		NextApplicationId::<T>::put(next_app);
		NextCaseId::<T>::put(next_case);
		let cases: BoundedVec<CaseId, MaxTypes> =
			BoundedVec::truncate_from((first_case..next_case).collect());
		let application = Application {
			enterprise,
			project,
			parcels: parcels.clone(),
			documents,
			cases: cases.clone(),
			open_cases: cases.len() as u32,
			submitted_by: who.clone(),
			submitted_at: now,
			status: ApplicationStatus::Open,
		};
		Self::record(
			Subject::Application(id),
			Some(&who),
			authority,
			Action::ApplicationSubmitted,
			&application,
		)?;
		Applications::<T>::insert(id, application);
		ApplicationsOf::<T>::insert(enterprise, id, ());
		Self::deposit_event(Event::ApplicationSubmitted { application: id, enterprise, by: who });

		for ((case_id, code), ct) in cases.iter().zip(type_list.iter()).zip(catalogue) {
			let case = Case {
				application: id,
				clearance: code.clone(),
				department: ct.department.clone(),
				state: CaseState::Waiting,
				officer: None,
				opened_at: None,
				time_limit: ct.time_limit,
				clock: Clock { remaining: ct.time_limit, running_since: None },
				response_clock: None,
				query: None,
				response: None,
				suspensions: 0,
				decision: None,
			};
			Self::store_case(*case_id, case);
			for p in parcels.iter() {
				CaseOfParcel::<T>::insert(p, code, case_id);
				// Cannot fail: room was checked above.
				LiveCasesOf::<T>::mutate(p, |l| {
					l.try_push(*case_id).map_err(|_| Error::<T>::TooManyCases)
				})?;
			}
			if Self::prerequisites_met(&ct, &parcels) {
				Self::open_case(*case_id)?;
			} else {
				Self::deposit_event(Event::CaseWaiting { case: *case_id, application: id });
			}
		}
		Ok(())
	}

	/// The cases of `app` (other than `except`) waiting for a clearance of type `clearance`.
	/// Bounded by the application's cases ([`MaxTypes`]).
	fn waiting_on(
		app: &ApplicationOf<T>,
		except: CaseId,
		clearance: &TypeCode,
	) -> Vec<(CaseId, CaseOf<T>, ClearanceTypeOf<T>)> {
		app.cases
			.iter()
			.filter(|c| **c != except)
			.filter_map(|c| {
				let case = Cases::<T>::get(c).filter(|case| case.state == CaseState::Waiting)?;
				let t = ClearanceTypes::<T>::get(&case.clearance)
					.filter(|t| t.prerequisites.contains(clearance))?;
				Some((*c, case, t))
			})
			.collect()
	}

	/// Whether every prerequisite of `t` is approved for every one of `parcels`.
	fn prerequisites_met(t: &ClearanceTypeOf<T>, parcels: &[Ulpin]) -> bool {
		t.prerequisites.iter().all(|pre| parcels.iter().all(|p| Self::approved_for(p, pre)))
	}

	/// Whether `parcel` holds an approved clearance of type `code`.
	fn approved_for(parcel: &Ulpin, code: &TypeCode) -> bool {
		CaseOfParcel::<T>::get(parcel, code)
			.and_then(Cases::<T>::get)
			.is_some_and(|c| c.state.is_approved())
	}

	/// Open a waiting case at its department: start its clock.
	fn open_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		let now = Self::now();
		case.state = CaseState::Submitted;
		case.opened_at = Some(now);
		case.clock = Clock::start(case.time_limit, now);
		let due = case.clock.due().unwrap_or(now);
		if case.suspensions > 0 {
			// A freeze of one of its parcels holds the clock until it is lifted.
			case.clock.stop(now);
		} else {
			Self::schedule(id, Deadline::Department, due)?;
		}
		Self::record(
			Subject::Case(id),
			None,
			Authority::Statute,
			Action::CaseOpened,
			(&case.clearance, due),
		)?;
		let application = case.application;
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseOpened { case: id, application, due });
		Ok(())
	}

	/// See [`Pallet::withdraw_application`].
	pub fn do_withdraw(who: T::AccountId, id: ApplicationId) -> Result<Extent, DispatchError> {
		let (enterprise, authority) = Self::applicant(&who)?;
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.enterprise == enterprise, Error::<T>::NotAuthorized);
		ensure!(app.status == ApplicationStatus::Open, Error::<T>::InvalidState);

		Self::record(
			Subject::Application(id),
			Some(&who),
			authority.clone(),
			Action::ApplicationWithdrawn,
			id,
		)?;
		for case_id in app.cases.iter() {
			let mut case = Self::case(*case_id)?;
			if case.state.is_final() {
				continue;
			}
			case.state = CaseState::Withdrawn;
			case.clock.stop(Self::now());
			Self::close_case(*case_id, &case, &app.parcels, false)?;
			Self::record(
				Subject::Case(*case_id),
				Some(&who),
				authority.clone(),
				Action::CaseWithdrawn,
				id,
			)?;
			Self::store_case(*case_id, case);
		}
		app.status = ApplicationStatus::Withdrawn;
		app.open_cases = 0;
		let extent = app.extent();
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationWithdrawn { application: id, by: who });
		Ok(extent)
	}

	/// Take a decided case off its parcels' live lists; unless it was approved, free the
	/// (parcel, type) slot for a new application.
	fn close_case(
		id: CaseId,
		case: &CaseOf<T>,
		parcels: &[Ulpin],
		approved: bool,
	) -> DispatchResult {
		for p in parcels {
			LiveCasesOf::<T>::mutate(p, |l| l.retain(|c| *c != id));
			if !approved && CaseOfParcel::<T>::get(p, &case.clearance) == Some(id) {
				CaseOfParcel::<T>::remove(p, &case.clearance);
			}
		}
		Ok(())
	}

	/// Count a decided case on its application.
	fn decided(application: ApplicationId) {
		Applications::<T>::mutate(application, |a| {
			if let Some(a) = a {
				a.open_cases.saturating_dec();
				if a.open_cases == 0 && a.status == ApplicationStatus::Open {
					a.status = ApplicationStatus::Decided;
				}
			}
		});
	}

	// ---- scrutiny ----

	/// See [`Pallet::take_case`].
	pub fn do_take(who: T::AccountId, id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		let authority = Self::officer(&who, &case, &[Role::ScrutinyOfficer])?;
		ensure!(case.state == CaseState::Submitted, Error::<T>::InvalidState);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);

		Self::record(Subject::Case(id), Some(&who), authority, Action::CaseTaken, id)?;
		case.state = CaseState::UnderScrutiny;
		case.officer = Some(who.clone());
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseTaken { case: id, officer: who });
		Ok(())
	}

	/// See [`Pallet::raise_query`].
	pub fn do_raise_query(who: T::AccountId, id: CaseId, query: H256) -> DispatchResult {
		let mut case = Self::case(id)?;
		let authority = Self::officer(&who, &case, &[Role::ScrutinyOfficer])?;
		let holder_or_head =
			case.officer.as_ref() == Some(&who) || matches!(authority, Authority::Head { .. });
		ensure!(holder_or_head, Error::<T>::NotAuthorized);
		ensure!(
			matches!(case.state, CaseState::UnderScrutiny | CaseState::Responded),
			Error::<T>::InvalidState
		);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		ensure!(case.query.is_none(), Error::<T>::QueryAlreadyRaised);
		let now = Self::now();
		let used = case.time_limit.saturating_sub(case.clock.left(now));
		ensure!(used.saturating_mul(3u32.into()) <= case.time_limit, Error::<T>::ObjectionsLocked);
		let limit = ClearanceTypes::<T>::get(&case.clearance)
			.map(|t| t.response_limit)
			.unwrap_or(case.time_limit);
		let respond_by = now.saturating_add(limit);
		Self::schedule(id, Deadline::Response, respond_by)?;

		Self::record(Subject::Case(id), Some(&who), authority, Action::QueryRaised, query)?;
		case.clock.stop(now);
		case.response_clock = Some(Clock::start(limit, now));
		case.query = Some(query);
		case.state = CaseState::QueryRaised;
		Self::store_case(id, case);
		Self::deposit_event(Event::QueryRaised { case: id, officer: who, respond_by });
		Ok(())
	}

	/// See [`Pallet::respond_to_query`].
	pub fn do_respond(
		who: T::AccountId,
		id: CaseId,
		response: H256,
		documents: Vec<H256>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		let mut case = Self::case(id)?;
		let mut app =
			Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.enterprise == enterprise, Error::<T>::NotAuthorized);
		ensure!(case.state == CaseState::QueryRaised, Error::<T>::InvalidState);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		Self::check_documents(enterprise, &documents)?;
		for d in documents {
			if !app.documents.contains(&d) {
				app.documents.try_push(d).map_err(|_| Error::<T>::BadApplication)?;
			}
		}
		let mut resumed = case.clock;
		let due = resumed.resume(Self::now());
		Self::schedule(id, Deadline::Department, due)?;

		Self::record(Subject::Case(id), Some(&who), authority, Action::QueryResponded, response)?;
		case.clock = resumed;
		case.response_clock = None;
		case.response = Some(response);
		case.state = CaseState::Responded;
		Applications::<T>::insert(case.application, app);
		Self::store_case(id, case);
		Self::deposit_event(Event::QueryResponded { case: id, by: who });
		Ok(())
	}

	// ---- decisions ----

	/// The authority under which `who` may decide `case` now.
	fn decider(
		who: &T::AccountId,
		case: &CaseOf<T>,
	) -> Result<Authority<T::AccountId>, DispatchError> {
		let authority = Self::officer(who, case, &[Role::ApprovingAuthority])?;
		match case.state {
			CaseState::UnderScrutiny | CaseState::Responded => {},
			CaseState::Escalated => {
				ensure!(matches!(authority, Authority::Head { .. }), Error::<T>::NotAuthorized)
			},
			_ => return Err(Error::<T>::InvalidState.into()),
		}
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		Ok(authority)
	}

	/// See [`Pallet::approve`].
	pub fn do_approve(
		who: T::AccountId,
		id: CaseId,
		conditions: H256,
	) -> Result<Extent, DispatchError> {
		let case = Self::case(id)?;
		let authority = Self::decider(&who, &case)?;
		let in_time = case.state != CaseState::Escalated;
		let (certificate, extent) =
			Self::grant(id, case, Some(&who), authority, conditions, in_time, CaseState::Approved)?;
		Self::deposit_event(Event::CaseApproved { case: id, by: who, certificate });
		Ok(extent)
	}

	/// Grant a case (approval or deemed approval): issue its certificate, convert land use,
	/// open the cases waiting for it. Returns the certificate and the application's extent.
	fn grant(
		id: CaseId,
		mut case: CaseOf<T>,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		conditions: H256,
		in_time: bool,
		state: CaseState,
	) -> Result<(CertificateId, Extent), DispatchError> {
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		let ct = ClearanceTypes::<T>::get(&case.clearance);
		for p in app.parcels.iter() {
			ensure!(
				(CertificatesOf::<T>::decode_len(p).unwrap_or(0) as u32)
					< <MaxCertificatesPerParcel as Get<u32>>::get(),
				Error::<T>::TooManyCertificates
			);
		}
		let number = NextCertificateId::<T>::get();
		let next = number.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let action = if state == CaseState::Approved {
			Action::CaseApproved
		} else {
			Action::CaseDeemedApproved
		};
		Self::record(Subject::Case(id), who, authority.clone(), action, conditions)?;
		let now_ms = Self::now_ms();
		let expires_at = ct.as_ref().and_then(|t| t.validity_ms).map(|v| now_ms.saturating_add(v));
		let cert = Certificate {
			clearance: case.clearance.clone(),
			department: case.department.clone(),
			enterprise: app.enterprise,
			case: id,
			parcels: app.parcels.clone(),
			conditions,
			issued_at: now_ms,
			expires_at,
			renews: None,
			renewed_by: None,
			revoked: None,
			suspensions: 0,
		};
		Self::record(
			Subject::Certificate(number),
			who,
			authority.clone(),
			Action::CertificateIssued,
			&cert,
		)?;
		NextCertificateId::<T>::put(next);
		for p in app.parcels.iter() {
			CertificatesOf::<T>::mutate(p, |l| {
				l.try_push(number).map_err(|_| Error::<T>::TooManyCertificates)
			})?;
		}
		Certificates::<T>::insert(number, cert);
		Self::deposit_event(Event::CertificateIssued { certificate: number, case: id, expires_at });

		case.clock.stop(Self::now());
		case.state = state;
		case.decision = Some(Decision {
			by: who.cloned(),
			at: Self::now(),
			document: conditions,
			reason: None,
			certificate: Some(number),
			in_time,
		});
		Self::close_case(id, &case, &app.parcels, true)?;
		let clearance = case.clearance.clone();
		Self::store_case(id, case.clone());
		Self::decided(case.application);

		if let Some(to) = ct.and_then(|t| t.converts_to) {
			for p in app.parcels.iter() {
				T::Land::convert_land_use(p, to, who.cloned(), authority.clone())?;
			}
		}
		// Open the application's cases that were waiting for this one, once all they need is in.
		for (other, _, wt) in Self::waiting_on(&app, id, &clearance) {
			if Self::prerequisites_met(&wt, &app.parcels) {
				Self::open_case(other)?;
			}
		}
		Ok((number, app.extent()))
	}

	/// See [`Pallet::reject`].
	pub fn do_reject(
		who: T::AccountId,
		id: CaseId,
		reason: u16,
		reasoning: H256,
	) -> Result<Extent, DispatchError> {
		let case = Self::case(id)?;
		let authority = Self::decider(&who, &case)?;
		let in_time = case.state != CaseState::Escalated;
		Self::refuse(id, case, Some(&who), authority, reason, reasoning, in_time)
	}

	/// Reject a case, and the cases of the application that were waiting for it. Returns the
	/// application's extent.
	fn refuse(
		id: CaseId,
		mut case: CaseOf<T>,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		reason: u16,
		reasoning: H256,
		in_time: bool,
	) -> Result<Extent, DispatchError> {
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		Self::record(Subject::Case(id), who, authority, Action::CaseRejected, (reason, reasoning))?;
		case.clock.stop(Self::now());
		case.state = CaseState::Rejected;
		case.decision = Some(Decision {
			by: who.cloned(),
			at: Self::now(),
			document: reasoning,
			reason: Some(reason),
			certificate: None,
			in_time,
		});
		Self::close_case(id, &case, &app.parcels, false)?;
		let clearance = case.clearance.clone();
		let application = case.application;
		Self::store_case(id, case);
		Self::decided(application);
		Self::deposit_event(Event::CaseRejected { case: id, by: who.cloned(), reason });

		for (other, waiting, _) in Self::waiting_on(&app, id, &clearance) {
			Self::refuse(
				other,
				waiting,
				None,
				Authority::Statute,
				REASON_PREREQUISITE_REFUSED,
				reasoning,
				true,
			)?;
		}
		Ok(app.extent())
	}

	// ---- certificates ----

	fn certificate_officer(
		who: &T::AccountId,
		cert: &Certificate,
	) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_in(who, &cert.department, &[Role::ApprovingAuthority])
			.ok_or(Error::<T>::NotAuthorized)
	}

	/// See [`Pallet::renew_certificate`].
	pub fn do_renew(who: T::AccountId, id: CertificateId, conditions: H256) -> DispatchResult {
		let mut old = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		let authority = Self::certificate_officer(&who, &old)?;
		ensure!(old.revoked.is_none(), Error::<T>::Revoked);
		ensure!(old.suspensions == 0, Error::<T>::Suspended);
		ensure!(old.renewed_by.is_none(), Error::<T>::AlreadyRenewed);
		let old_expiry = old.expires_at.ok_or(Error::<T>::Permanent)?;
		let validity = ClearanceTypes::<T>::get(&old.clearance)
			.and_then(|t| t.validity_ms)
			.or_else(|| Some(old_expiry.saturating_sub(old.issued_at)))
			.unwrap_or_default();
		let number = NextCertificateId::<T>::get();
		let next = number.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let now_ms = Self::now_ms();
		let expires_at = Some(old_expiry.max(now_ms).saturating_add(validity));
		let new = Certificate {
			conditions,
			issued_at: now_ms,
			expires_at,
			renews: Some(id),
			renewed_by: None,
			revoked: None,
			suspensions: 0,
			..old.clone()
		};
		Self::record(
			Subject::Certificate(number),
			Some(&who),
			authority.clone(),
			Action::CertificateRenewed,
			(&new, id),
		)?;
		Self::record(
			Subject::Certificate(id),
			Some(&who),
			authority,
			Action::CertificateRenewed,
			number,
		)?;
		NextCertificateId::<T>::put(next);
		for p in old.parcels.iter() {
			// The new one takes the old one's place on the parcel.
			CertificatesOf::<T>::mutate(p, |l| {
				for c in l.iter_mut().filter(|c| **c == id) {
					*c = number;
				}
			});
		}
		old.renewed_by = Some(number);
		Certificates::<T>::insert(id, old);
		Certificates::<T>::insert(number, new);
		Self::deposit_event(Event::CertificateRenewed { old: id, new: number, expires_at });
		Ok(())
	}

	/// See [`Pallet::revoke_certificate`].
	pub fn do_revoke(
		who: T::AccountId,
		id: CertificateId,
		reason: u16,
		reasoning: H256,
	) -> DispatchResult {
		let mut cert = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		let authority = Self::certificate_officer(&who, &cert)?;
		ensure!(cert.revoked.is_none(), Error::<T>::Revoked);

		Self::record(
			Subject::Certificate(id),
			Some(&who),
			authority,
			Action::CertificateRevoked,
			(reason, reasoning),
		)?;
		for p in cert.parcels.iter() {
			CertificatesOf::<T>::mutate(p, |l| l.retain(|c| *c != id));
		}
		cert.revoked = Some((Self::now_ms(), reason, reasoning));
		Certificates::<T>::insert(id, cert);
		Self::deposit_event(Event::CertificateRevoked { certificate: id, by: who, reason });
		Ok(())
	}

	/// The status of certificate `id` at `at` (milliseconds), or now. For a past moment the
	/// suspensions are replayed from the certificate's audit trail: for queries, not calls.
	pub fn certificate_status(id: CertificateId, at: Option<u64>) -> Option<CertificateStatus> {
		let cert = Certificates::<T>::get(id)?;
		let Some(at) = at else {
			let now = Self::now_ms();
			return Some(if cert.revoked.is_some() {
				CertificateStatus::Revoked
			} else if cert.expires_at.is_some_and(|e| e <= now) {
				CertificateStatus::Expired
			} else if cert.suspensions > 0 {
				CertificateStatus::Suspended
			} else {
				CertificateStatus::Valid
			});
		};
		if at < cert.issued_at {
			return Some(CertificateStatus::NotYetIssued);
		}
		if cert.revoked.is_some_and(|(when, ..)| when <= at) {
			return Some(CertificateStatus::Revoked);
		}
		if cert.expires_at.is_some_and(|e| e <= at) {
			return Some(CertificateStatus::Expired);
		}
		let mut suspensions = 0u32;
		for (when, action) in T::Trail::actions(&Subject::Certificate(id)) {
			if when > at {
				break;
			}
			match action {
				Action::CertificateSuspended => suspensions = 1,
				Action::CertificateRestored => suspensions = 0,
				_ => {},
			}
		}
		Some(if suspensions > 0 { CertificateStatus::Suspended } else { CertificateStatus::Valid })
	}

	// ---- queries (served by the runtime API; never called by transactions) ----

	/// A case with its clocks evaluated now.
	pub fn case_view(id: CaseId) -> Option<CaseView<T::AccountId, BlockNumberFor<T>>> {
		let case = Cases::<T>::get(id)?;
		let now = Self::now();
		let left = case.clock.left(now);
		let response_left = (case.state == CaseState::QueryRaised)
			.then(|| case.response_clock.map(|c| c.left(now)))
			.flatten();
		Some(CaseView {
			id,
			department_used: case.time_limit.saturating_sub(left),
			department_left: left,
			response_left,
			due: Self::due_of(&case),
			case,
		})
	}

	/// An application with its cases and documents.
	pub fn application_view(
		id: ApplicationId,
	) -> Option<ApplicationView<T::AccountId, BlockNumberFor<T>>> {
		let application = Applications::<T>::get(id)?;
		let cases = application.cases.iter().filter_map(|c| Self::case_view(*c)).collect();
		let documents = application
			.documents
			.iter()
			.filter_map(|h| Documents::<T>::get(h).map(|d| (*h, d)))
			.collect();
		Some(ApplicationView {
			id,
			application,
			cases,
			documents,
			now: Self::now(),
			day_length: T::DayLength::get(),
		})
	}

	/// Up to `limit` applications of `enterprise` after `after`, in storage order (stable
	/// across pages, not by id).
	pub fn applications_page(
		enterprise: EnterpriseId,
		after: Option<ApplicationId>,
		limit: u32,
	) -> Page<(ApplicationId, ApplicationOf<T>), ApplicationId> {
		let mut ids = match after {
			Some(a) => ApplicationsOf::<T>::iter_key_prefix_from(
				enterprise,
				ApplicationsOf::<T>::hashed_key_for(enterprise, a),
			),
			None => ApplicationsOf::<T>::iter_key_prefix(enterprise),
		};
		let mut items = Vec::new();
		let mut next = None;
		for id in ids.by_ref() {
			if items.len() as u32 >= limit {
				next = items.last().map(|(i, _)| *i);
				break;
			}
			if let Some(a) = Applications::<T>::get(id) {
				items.push((id, a));
			}
		}
		Page { items, next }
	}

	/// Up to `limit` cases of `department`'s work queue in the given states, earliest due
	/// first, after the cursor `after` (due block, case id). With `due_by`, only cases due by
	/// that block.
	pub fn work_queue(
		department: &DepartmentCode,
		states: &[CaseState],
		after: Option<(u32, CaseId)>,
		limit: u32,
		due_by: Option<u32>,
	) -> Page<CaseView<T::AccountId, BlockNumberFor<T>>, (u32, CaseId)> {
		// Merge the per-state queues, each already in due order.
		let mut keys: Vec<QueueKey> = Vec::new();
		for state in states {
			let prefix = (department.clone(), *state);
			let iter = match after {
				Some((due, case)) => WorkQueue::<T>::iter_key_prefix_from(
					&prefix,
					WorkQueue::<T>::hashed_key_for(&prefix, queue_key(due, case)),
				),
				None => WorkQueue::<T>::iter_key_prefix(&prefix),
			};
			keys.extend(
				iter.take_while(|k| due_by.is_none_or(|d| parse_queue_key(k).0 <= d))
					.take(limit.saturating_add(1) as usize),
			);
		}
		keys.sort_unstable();
		let more = keys.len() > limit as usize;
		keys.truncate(limit as usize);
		let next = if more { keys.last().map(parse_queue_key) } else { None };
		let items = keys.iter().filter_map(|k| Self::case_view(parse_queue_key(k).1)).collect();
		Page { items, next }
	}

	/// Up to `limit` of `department`'s escalated cases and of its cases whose running clock ran
	/// out by now, each list earliest due first.
	pub fn overdue(
		department: &DepartmentCode,
		limit: u32,
	) -> Vec<CaseView<T::AccountId, BlockNumberFor<T>>> {
		let now: u32 = Self::now().unique_saturated_into();
		let mut cases = Self::work_queue(department, &CLOCKED_STATES, None, limit, Some(now)).items;
		cases
			.extend(Self::work_queue(department, &[CaseState::Escalated], None, limit, None).items);
		cases
	}

	/// A department's dashboard, from its counters.
	pub fn dashboard(department: &DepartmentCode) -> Dashboard {
		let stats = Stats::<T>::get(department);
		// At most `MAX_DECISION_DAYS + 1` buckets.
		let mut days: Vec<(u16, u32)> = DecisionDays::<T>::iter_prefix(department).collect();
		days.sort_unstable();
		let decided = days.iter().fold(0u32, |a, (_, n)| a.saturating_add(*n));
		// The lower median: the day by which half the decisions were made.
		let half = decided.div_ceil(2);
		let mut seen = 0u32;
		let median_days = days.iter().find_map(|(d, n)| {
			seen = seen.saturating_add(*n);
			(decided > 0 && seen >= half).then_some(*d)
		});
		Dashboard { stats, decided, median_days }
	}

	/// A certificate with its status now or at `at` (milliseconds).
	pub fn certificate_view(number: CertificateId, at: Option<u64>) -> Option<CertificateView> {
		let certificate = Certificates::<T>::get(number)?;
		let status = Self::certificate_status(number, at)?;
		Some(CertificateView { number, certificate, status, at: at.unwrap_or_else(Self::now_ms) })
	}

	// ---- deadlines ----

	/// Process due deadlines, oldest first, at most [`Config::MaxDeadlineWork`]; returns the
	/// weight used.
	pub fn process_deadlines(now: BlockNumberFor<T>) -> Weight {
		let budget = T::MaxDeadlineWork::get();
		let mut used = 0u32;
		let mut block = DeadlineCursor::<T>::get();
		if block.is_zero() {
			block = now;
		}
		// Empty blocks cost a read each: visit at most twice the budget of them, so a cursor left
		// behind by a backlog catches up over a few blocks instead of in one.
		let max_visits = budget.saturating_mul(2).max(1);
		let mut buckets = 0u32;
		while block <= now && used < budget && buckets < max_visits {
			buckets.saturating_inc();
			let mut queue = Deadlines::<T>::take(block);
			let take = (budget.saturating_sub(used) as usize).min(queue.len());
			let rest: Vec<_> = queue.drain(take..).collect();
			for (case, kind) in queue.into_iter() {
				used.saturating_inc();
				// A deadline that cannot act (for example a full certificate list) is recorded
				// as a failure of that case only; the queue moves on.
				let _ = frame_support::storage::with_storage_layer(|| {
					Self::on_deadline(case, kind, block)
				});
			}
			if !rest.is_empty() {
				Deadlines::<T>::insert(block, BoundedVec::truncate_from(rest));
				break;
			}
			block = block.saturating_add(One::one());
		}
		DeadlineCursor::<T>::put(block);
		T::WeightInfo::on_initialize_deadlines(used)
			.saturating_add(T::DbWeight::get().reads_writes(buckets.into(), buckets.into()))
	}

	/// A deadline fell due: act if it is still current.
	fn on_deadline(id: CaseId, kind: Deadline, block: BlockNumberFor<T>) -> DispatchResult {
		let case = Self::case(id)?;
		if case.suspensions > 0 {
			return Ok(());
		}
		match kind {
			Deadline::Department => {
				let current = case.state.department_clock_runs()
					&& case.clock.due().is_some_and(|d| d <= block);
				if !current {
					return Ok(());
				}
				let silence = ClearanceTypes::<T>::get(&case.clearance)
					.map(|t| t.on_silence)
					.unwrap_or(OnSilence::Escalation);
				match silence {
					OnSilence::DeemedApproval => {
						let (certificate, _) = Self::grant(
							id,
							case,
							None,
							Authority::Statute,
							H256::zero(),
							false,
							CaseState::DeemedApproved,
						)?;
						Self::deposit_event(Event::CaseDeemedApproved { case: id, certificate });
					},
					OnSilence::Escalation => {
						let mut case = case;
						Self::record(
							Subject::Case(id),
							None,
							Authority::Statute,
							Action::CaseEscalated,
							block,
						)?;
						case.clock.stop(Self::now());
						case.state = CaseState::Escalated;
						Self::store_case(id, case);
						Self::deposit_event(Event::CaseEscalated { case: id });
					},
				}
			},
			Deadline::Response => {
				let current = case.state == CaseState::QueryRaised
					&& case.response_clock.and_then(|c| c.due()).is_some_and(|d| d <= block);
				if !current {
					return Ok(());
				}
				let mut case = case;
				let app = Applications::<T>::get(case.application)
					.ok_or(Error::<T>::UnknownApplication)?;
				Self::record(
					Subject::Case(id),
					None,
					Authority::Statute,
					Action::CaseLapsed,
					block,
				)?;
				case.state = CaseState::Lapsed;
				case.response_clock = None;
				case.decision = Some(Decision {
					by: None,
					at: Self::now(),
					document: H256::zero(),
					reason: None,
					certificate: None,
					in_time: true,
				});
				Self::close_case(id, &case, &app.parcels, false)?;
				let application = case.application;
				Self::store_case(id, case);
				Self::decided(application);
				Self::deposit_event(Event::CaseLapsed { case: id });
			},
		}
		Ok(())
	}

	// ---- freezes ----

	fn suspend_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		case.suspensions = case.suspensions.saturating_add(1);
		if case.suspensions == 1 {
			let now = Self::now();
			case.clock.stop(now);
			if let Some(c) = case.response_clock.as_mut() {
				c.stop(now);
			}
			Self::record(Subject::Case(id), None, Authority::Statute, Action::CaseSuspended, id)?;
			Self::deposit_event(Event::CaseSuspended { case: id });
		}
		Self::store_case(id, case);
		Ok(())
	}

	fn resume_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		case.suspensions = case.suspensions.saturating_sub(1);
		if case.suspensions == 0 {
			let now = Self::now();
			if case.state.department_clock_runs() {
				let due = case.clock.resume(now);
				Self::schedule(id, Deadline::Department, due)?;
			}
			if case.state == CaseState::QueryRaised {
				if let Some(c) = case.response_clock.as_mut() {
					let due = c.resume(now);
					Self::schedule(id, Deadline::Response, due)?;
				}
			}
			Self::record(Subject::Case(id), None, Authority::Statute, Action::CaseResumed, id)?;
			Self::deposit_event(Event::CaseResumed { case: id });
		}
		Self::store_case(id, case);
		Ok(())
	}

	fn suspend_certificate(id: CertificateId, suspend: bool) -> DispatchResult {
		let Some(mut cert) = Certificates::<T>::get(id) else { return Ok(()) };
		if suspend {
			cert.suspensions = cert.suspensions.saturating_add(1);
			if cert.suspensions == 1 {
				Self::record(
					Subject::Certificate(id),
					None,
					Authority::Statute,
					Action::CertificateSuspended,
					id,
				)?;
				Self::deposit_event(Event::CertificateSuspended { certificate: id });
			}
		} else {
			cert.suspensions = cert.suspensions.saturating_sub(1);
			if cert.suspensions == 0 {
				Self::record(
					Subject::Certificate(id),
					None,
					Authority::Statute,
					Action::CertificateRestored,
					id,
				)?;
				Self::deposit_event(Event::CertificateRestored { certificate: id });
			}
		}
		Certificates::<T>::insert(id, cert);
		Ok(())
	}

	/// Invariants:
	/// - every case belongs to an existing application that lists it;
	/// - no certificate without an approved (or deemed approved) case that names it;
	/// - each application's `open_cases` equals its undecided cases (0 once withdrawn);
	/// - live-case lists hold exactly undecided cases; id counters are above every id;
	/// - the work queue holds exactly the undecided cases, each under its state and due block;
	/// - the dashboard counters equal the number of cases in each state.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_case = NextCaseId::<T>::get();
		let mut counted: alloc::collections::BTreeMap<DepartmentCode, DepartmentStats> =
			Default::default();
		let mut live = 0usize;
		for (id, case) in Cases::<T>::iter() {
			let s = counted.entry(case.department.clone()).or_default();
			s.by_state[case.state as usize].saturating_inc();
			if case.suspensions > 0 && !case.state.is_final() {
				s.suspended.saturating_inc();
			}
			if let Some((state, key)) = Self::queue_entry(id, &case) {
				live.saturating_inc();
				ensure!(
					WorkQueue::<T>::contains_key((case.department.clone(), state), key),
					"live case missing from the work queue"
				);
			}
			ensure!(id < next_case, "case id beyond the counter");
			let app =
				Applications::<T>::get(case.application).ok_or("case of a missing application")?;
			ensure!(app.cases.contains(&id), "application does not list its case");
			for p in app.parcels.iter() {
				let live = LiveCasesOf::<T>::get(p).contains(&id);
				let undecided = !case.state.is_final();
				ensure!(live == undecided, "live-case list out of step");
			}
			if let Some(n) = case.decision.as_ref().and_then(|d| d.certificate) {
				ensure!(
					Certificates::<T>::get(n).is_some_and(|c| c.case == id),
					"decision names a wrong certificate"
				);
			}
		}
		ensure!(WorkQueue::<T>::iter_keys().count() == live, "stale entries in the work queue");
		for (department, c) in counted {
			let s = Stats::<T>::get(&department);
			ensure!(
				s.by_state == c.by_state && s.suspended == c.suspended,
				"dashboard counters out of step"
			);
		}
		let next_app = NextApplicationId::<T>::get();
		for (id, app) in Applications::<T>::iter() {
			ensure!(id < next_app, "application id beyond the counter");
			let undecided = app
				.cases
				.iter()
				.filter(|c| Cases::<T>::get(*c).is_some_and(|c| !c.state.is_final()))
				.count() as u32;
			ensure!(app.open_cases == undecided, "open-case counter out of step");
			ensure!(
				ApplicationsOf::<T>::contains_key(app.enterprise, id),
				"application not indexed"
			);
		}
		let next_cert = NextCertificateId::<T>::get();
		for (n, cert) in Certificates::<T>::iter() {
			ensure!(n < next_cert, "certificate number beyond the counter");
			let case = Cases::<T>::get(cert.case).ok_or("certificate without a case")?;
			ensure!(case.state.is_approved(), "certificate of a case not approved");
		}
		Ok(())
	}
}

impl<T: Config> ParcelFreezeHandler for Pallet<T> {
	// Suspending and resuming only fail if a trail is full (`u32::MAX` entries) or the deadline
	// queue has no room within 256 blocks; neither can undo a court order, so the freeze
	// stands and the case keeps its state.
	fn on_freeze(parcel: &Ulpin) {
		for case in LiveCasesOf::<T>::get(parcel) {
			let _ = Self::suspend_case(case);
		}
		for cert in CertificatesOf::<T>::get(parcel) {
			let _ = Self::suspend_certificate(cert, true);
		}
	}

	fn on_unfreeze(parcel: &Ulpin) {
		for case in LiveCasesOf::<T>::get(parcel) {
			let _ = Self::resume_case(case);
		}
		for cert in CertificatesOf::<T>::get(parcel) {
			let _ = Self::suspend_certificate(cert, false);
		}
	}

	fn max_weight() -> Weight {
		T::WeightInfo::on_freeze(
			<MaxCasesPerParcel as Get<u32>>::get(),
			<MaxCertificatesPerParcel as Get<u32>>::get(),
		)
	}
}

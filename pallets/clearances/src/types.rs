//! Types of the clearance workflow.

use clearance_primitives::{
	ApplicationId, CaseId, CertificateId, DepartmentCode, EnterpriseId, LandUse, Ulpin,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

// The limits below are the single source of each bound: storage types use them, and the
// pallet lists each in its metadata (`#[pallet::extra_constants]` in `lib.rs`).

/// Longest clearance type code, in bytes.
pub type MaxTypeCodeLen = ConstU32<32>;
/// Longest document kind, in bytes.
pub type MaxDocKindLen = ConstU32<24>;
/// Code of a clearance type, such as `FIRE_NOC`: 2 to [`MaxTypeCodeLen`] characters of `A-Z`,
/// `0-9`, `_`, starting with a letter.
pub type TypeCode = BoundedVec<u8, MaxTypeCodeLen>;
/// Kind of a document, such as `SITE_PLAN`: 2 to [`MaxDocKindLen`] characters of `A-Z`, `0-9`,
/// `_`, starting with a letter.
pub type DocKind = BoundedVec<u8, MaxDocKindLen>;
/// Most prerequisite types of a clearance type.
pub type MaxPrerequisites = ConstU32<4>;
/// Most document kinds a clearance type requires.
pub type MaxRequiredDocuments = ConstU32<8>;
/// Most parcels one application concerns.
pub type MaxParcels = ConstU32<4>;
/// Most documents attached to one application (including those added with a query response).
pub type MaxDocuments = ConstU32<16>;
/// Most clearance types one application asks for.
pub type MaxTypes = ConstU32<8>;
/// Longest project name and sector, in bytes.
pub type MaxText = ConstU32<64>;
/// Longest document URI, in bytes.
pub type MaxUri = ConstU32<128>;
/// Most live cases concerning one parcel.
pub type MaxCasesPerParcel = ConstU32<32>;
/// Most certificates recorded against one parcel.
pub type MaxCertificatesPerParcel = ConstU32<32>;
/// Most deadlines due in one block. With the [`DEADLINE_WINDOW`]-block search window of the
/// deadline queue, `DEADLINE_WINDOW × MaxDeadlinesPerBlock` deadlines falling due in the same
/// block all find a slot.
pub type MaxDeadlinesPerBlock = ConstU32<1024>;
/// How many blocks past its due block a deadline may be put when the queue is full there.
pub const DEADLINE_WINDOW: u32 = 64;

/// What the runtime does when the department's time runs out.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OnSilence {
	/// The clearance is deemed approved and its certificate issued.
	DeemedApproval,
	/// The case goes to the department head, who must decide.
	Escalation,
}

/// A type of clearance in the catalogue, governed by the council.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ClearanceType<BlockNumber> {
	/// The issuing department.
	pub department: DepartmentCode,
	/// The department's time limit, in blocks, not counting time the applicant holds the case.
	pub time_limit: BlockNumber,
	/// The applicant's time to respond to a query, in blocks; past it the case lapses.
	pub response_limit: BlockNumber,
	/// What silence means.
	pub on_silence: OnSilence,
	/// How long a certificate stays valid, in milliseconds; `None` for permanent.
	pub validity_ms: Option<u64>,
	/// Types that must be approved before a case of this type opens.
	pub prerequisites: BoundedVec<TypeCode, MaxPrerequisites>,
	/// Document kinds an application must carry for this type.
	pub required_documents: BoundedVec<DocKind, MaxRequiredDocuments>,
	/// The land-use class the parcels take when this clearance is approved (land-use
	/// conversion), if any.
	pub converts_to: Option<LandUse>,
}

/// A document anchored by its hash.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Document<BlockNumber> {
	/// The enterprise that anchored it; only its applications may use it.
	pub enterprise: EnterpriseId,
	/// What it is.
	pub kind: DocKind,
	/// Size of the file in bytes.
	pub size: u64,
	/// Where the file can be fetched, if published.
	pub uri: Option<BoundedVec<u8, MaxUri>>,
	/// Block of anchoring.
	pub anchored_at: BlockNumber,
}

/// Size class of the project by investment (MSME classes).
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum InvestmentClass {
	/// Micro enterprise.
	Micro,
	/// Small enterprise.
	Small,
	/// Medium enterprise.
	Medium,
	/// Beyond medium.
	Large,
}

/// The project an application is for.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Project {
	/// Project name.
	pub name: BoundedVec<u8, MaxText>,
	/// Industrial sector.
	pub sector: BoundedVec<u8, MaxText>,
	/// Investment class.
	pub investment: InvestmentClass,
}

/// Where an application stands.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ApplicationStatus {
	/// At least one case is still open or waiting.
	Open,
	/// Every case reached a decision.
	Decided,
	/// The applicant withdrew it.
	Withdrawn,
}

/// A common application: one submission, one case per clearance type.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Application<AccountId, BlockNumber> {
	/// The applicant.
	pub enterprise: EnterpriseId,
	/// The project.
	pub project: Project,
	/// Parcels concerned.
	pub parcels: BoundedVec<Ulpin, MaxParcels>,
	/// Documents attached (hashes of anchored documents).
	pub documents: BoundedVec<H256, MaxDocuments>,
	/// Its cases, one per clearance type.
	pub cases: BoundedVec<CaseId, MaxTypes>,
	/// Cases not decided yet.
	pub open_cases: u32,
	/// Who submitted it (the owner or an agent).
	pub submitted_by: AccountId,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// Status.
	pub status: ApplicationStatus,
}

/// The size of an application in what the weight of deciding or withdrawing one of its cases
/// grows with: the calls are charged for the largest application and refund the difference.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub struct Extent {
	/// Cases of the application (each may be opened, refused or withdrawn with it).
	pub cases: u32,
	/// Parcels of the application (each has its live list, certificates and land use).
	pub parcels: u32,
}

impl Extent {
	/// The largest application, which decisions and withdrawals are charged for before their
	/// refund.
	pub fn largest() -> Self {
		Self { cases: <MaxTypes as Get<u32>>::get(), parcels: <MaxParcels as Get<u32>>::get() }
	}
}

impl<AccountId, BlockNumber> Application<AccountId, BlockNumber> {
	/// This application's [`Extent`].
	pub fn extent(&self) -> Extent {
		Extent { cases: self.cases.len() as u32, parcels: self.parcels.len() as u32 }
	}
}

/// The state of a case.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum CaseState {
	/// Waiting for prerequisite clearances; the clock has not started.
	Waiting,
	/// Open at the department, not yet taken by an officer.
	Submitted,
	/// An officer is scrutinising it.
	UnderScrutiny,
	/// The department's query waits on the applicant; the department clock is stopped.
	QueryRaised,
	/// The applicant responded; back with the department.
	Responded,
	/// Approved with conditions; a certificate was issued.
	Approved,
	/// Rejected.
	Rejected,
	/// Withdrawn by the applicant.
	Withdrawn,
	/// The time limit passed in silence and the type allows deemed approval.
	DeemedApproved,
	/// The time limit passed in silence; the department head must decide.
	Escalated,
	/// The applicant did not respond to the query in time.
	Lapsed,
}

impl CaseState {
	/// Whether the case is decided for good.
	pub fn is_final(self) -> bool {
		matches!(
			self,
			Self::Approved | Self::Rejected | Self::Withdrawn | Self::DeemedApproved | Self::Lapsed
		)
	}

	/// Whether the clearance was granted.
	pub fn is_approved(self) -> bool {
		matches!(self, Self::Approved | Self::DeemedApproved)
	}

	/// Whether the department clock runs in this state.
	pub fn department_clock_runs(self) -> bool {
		matches!(self, Self::Submitted | Self::UnderScrutiny | Self::Responded)
	}
}

/// A clock counting down a time limit, which can stop and resume.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Clock<BlockNumber> {
	/// Time left when the clock last stopped (or started).
	pub remaining: BlockNumber,
	/// The block since which the clock runs, `None` while it is stopped.
	pub running_since: Option<BlockNumber>,
}

// The clock's methods count working time: see `calendar.rs`.

/// The department's decision on a case.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Decision<AccountId, BlockNumber> {
	/// Who decided; `None` when the runtime did (deemed approval, lapse).
	pub by: Option<AccountId>,
	/// When.
	pub at: BlockNumber,
	/// Hash of the conditions (approval) or of the reasoning (rejection).
	pub document: H256,
	/// Reason code of a rejection.
	pub reason: Option<u16>,
	/// The certificate issued, if approved.
	pub certificate: Option<CertificateId>,
	/// Whether it came within the time limit.
	pub in_time: bool,
}

/// One clearance type of one application, at its department.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Case<AccountId, BlockNumber> {
	/// The application.
	pub application: ApplicationId,
	/// The clearance type.
	pub clearance: TypeCode,
	/// The department deciding it.
	pub department: DepartmentCode,
	/// State.
	pub state: CaseState,
	/// The officer holding it (after it is taken).
	pub officer: Option<AccountId>,
	/// Block it opened at its department (`None` while waiting).
	pub opened_at: Option<BlockNumber>,
	/// The department's time limit, fixed when the case opened.
	pub time_limit: BlockNumber,
	/// The department clock.
	pub clock: Clock<BlockNumber>,
	/// The applicant's clock while a query waits on them.
	pub response_clock: Option<Clock<BlockNumber>>,
	/// Hash of the query, once raised (only one per case).
	pub query: Option<H256>,
	/// Hash of the applicant's response.
	pub response: Option<H256>,
	/// Number of court freezes of its parcels in force; its clocks stop while above zero.
	pub suspensions: u8,
	/// The decision, once made.
	pub decision: Option<Decision<AccountId, BlockNumber>>,
}

/// Which clock a deadline belongs to.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Deadline {
	/// The department's time limit.
	Department,
	/// The applicant's time to respond to a query.
	Response,
	/// An appellate authority's time to decide an appeal; the queue entry names the appeal,
	/// not a case.
	Appeal,
}

/// A certificate of clearance.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Certificate {
	/// The clearance type.
	pub clearance: TypeCode,
	/// The issuing department.
	pub department: DepartmentCode,
	/// The holder.
	pub enterprise: EnterpriseId,
	/// The case it was issued on.
	pub case: CaseId,
	/// The parcels it concerns.
	pub parcels: BoundedVec<Ulpin, MaxParcels>,
	/// Hash of the conditions attached.
	pub conditions: H256,
	/// Issue time, milliseconds since the Unix epoch.
	pub issued_at: u64,
	/// Expiry time; `None` for permanent.
	pub expires_at: Option<u64>,
	/// The certificate this one renews.
	pub renews: Option<CertificateId>,
	/// The certificate that renewed this one.
	pub renewed_by: Option<CertificateId>,
	/// Revocation: time, reason code, hash of the reasoning.
	pub revoked: Option<(u64, u16, H256)>,
	/// Number of court freezes of its parcels in force; suspended while above zero.
	pub suspensions: u8,
}

impl Certificate {
	/// Its status now, `now` being the time in milliseconds: revoked, expired, suspended by a
	/// freeze in force, or valid.
	pub fn status_now(&self, now: u64) -> CertificateStatus {
		if self.revoked.is_some() {
			CertificateStatus::Revoked
		} else if self.expires_at.is_some_and(|e| e <= now) {
			CertificateStatus::Expired
		} else if self.suspensions > 0 {
			CertificateStatus::Suspended
		} else {
			CertificateStatus::Valid
		}
	}
}

/// What a certificate is worth at some moment.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum CertificateStatus {
	/// Not issued yet at that moment.
	NotYetIssued,
	/// Valid.
	Valid,
	/// Suspended by a court freeze of one of its parcels.
	Suspended,
	/// Revoked by the issuing department.
	Revoked,
	/// Past its expiry.
	Expired,
}

/// A clearance type in the genesis configuration (codes as text, limits in blocks).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisClearanceType {
	/// Type code, such as `FIRE_NOC`.
	pub code: alloc::string::String,
	/// Issuing department code.
	pub department: alloc::string::String,
	/// Department time limit, in blocks.
	pub time_limit: u32,
	/// Applicant's response limit, in blocks.
	pub response_limit: u32,
	/// What silence means.
	pub on_silence: OnSilence,
	/// Certificate validity in milliseconds; `None` for permanent.
	#[serde(default)]
	pub validity_ms: Option<u64>,
	/// Prerequisite type codes (listed earlier in the catalogue).
	#[serde(default)]
	pub prerequisites: alloc::vec::Vec<alloc::string::String>,
	/// Required document kinds.
	#[serde(default)]
	pub required_documents: alloc::vec::Vec<alloc::string::String>,
	/// Land-use class after approval, for conversions.
	#[serde(default)]
	pub converts_to: Option<LandUse>,
}

impl GenesisClearanceType {
	/// The code and the catalogue entry this describes, or which of its texts or lists does not
	/// fit its bound. The entry is checked like any other when it is set.
	pub(crate) fn to_clearance_type<B: From<u32>>(
		&self,
	) -> Result<(TypeCode, ClearanceType<B>), &'static str> {
		fn bounded<N: Get<u32>>(s: &str) -> Option<BoundedVec<u8, N>> {
			s.as_bytes().to_vec().try_into().ok()
		}
		let code = bounded(&self.code).ok_or("type code longer than MaxTypeCodeLen")?;
		let department = bounded(&self.department).ok_or("department code too long")?;
		let prerequisites = self
			.prerequisites
			.iter()
			.map(|p| bounded(p).ok_or("prerequisite code longer than MaxTypeCodeLen"))
			.collect::<Result<alloc::vec::Vec<TypeCode>, _>>()?
			.try_into()
			.map_err(|_| "more prerequisites than MaxPrerequisites")?;
		let required_documents = self
			.required_documents
			.iter()
			.map(|d| bounded(d).ok_or("document kind longer than MaxDocKindLen"))
			.collect::<Result<alloc::vec::Vec<DocKind>, _>>()?
			.try_into()
			.map_err(|_| "more document kinds than MaxRequiredDocuments")?;
		let clearance = ClearanceType {
			department,
			time_limit: self.time_limit.into(),
			response_limit: self.response_limit.into(),
			on_silence: self.on_silence,
			validity_ms: self.validity_ms,
			prerequisites,
			required_documents,
			converts_to: self.converts_to,
		};
		Ok((code, clearance))
	}
}

/// Key of a case in a department's work queue: the due block then the case id, both
/// big-endian, so that the queue iterates in due order (earliest first) and, within a block,
/// by case id.
pub type QueueKey = [u8; 8];

/// The work-queue key of a case due at `due`.
pub fn queue_key(due: u32, case: CaseId) -> QueueKey {
	let [d0, d1, d2, d3] = due.to_be_bytes();
	let [c0, c1, c2, c3] = case.to_be_bytes();
	[d0, d1, d2, d3, c0, c1, c2, c3]
}

/// The due block and case id of a work-queue key.
pub fn parse_queue_key(k: &QueueKey) -> (u32, CaseId) {
	let [d0, d1, d2, d3, c0, c1, c2, c3] = *k;
	(u32::from_be_bytes([d0, d1, d2, d3]), u32::from_be_bytes([c0, c1, c2, c3]))
}

/// States in which a case is in a department's work queue.
pub const QUEUED_STATES: [CaseState; 6] = [
	CaseState::Waiting,
	CaseState::Submitted,
	CaseState::UnderScrutiny,
	CaseState::QueryRaised,
	CaseState::Responded,
	CaseState::Escalated,
];

/// States in which a clock runs: the department's, or the applicant's while a query waits.
pub const CLOCKED_STATES: [CaseState; 4] =
	[CaseState::Submitted, CaseState::UnderScrutiny, CaseState::Responded, CaseState::QueryRaised];

/// Number of [`CaseState`] variants.
pub const CASE_STATES: usize = 11;

clearance_primitives::text_forms!(CaseState {
	Waiting,
	Submitted,
	UnderScrutiny,
	QueryRaised,
	Responded,
	Approved,
	Rejected,
	Withdrawn,
	DeemedApproved,
	Escalated,
	Lapsed,
});

clearance_primitives::text_forms!(InvestmentClass { Micro, Small, Medium, Large });

// The dashboard's counters have one slot per state, in the order of `CaseState::ALL`.
const _: () = assert!(CaseState::ALL.len() == CASE_STATES);

/// Longest decision time counted day by day in [`crate::DecisionDays`]; longer decisions
/// count in this last bucket.
pub const MAX_DECISION_DAYS: u16 = 365;

/// Counters behind a department's dashboard, kept up to date on every change of a case so that
/// the dashboard never scans cases.
#[derive(
	Clone,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct DepartmentStats {
	/// Cases currently in each state, indexed by the [`CaseState`] discriminant. For final
	/// states this is the number of cases ever decided that way.
	pub by_state: [u32; CASE_STATES],
	/// Decisions (approvals and rejections by an officer) made within the time limit.
	pub in_time: u32,
	/// Decisions made after the time limit: deemed approvals and decisions on escalated cases.
	pub late: u32,
	/// Live cases currently suspended by a court freeze.
	pub suspended: u32,
}

/// How a clearance type is in use by cases: what keeps the council from removing it
/// ([`crate::TypeUsage`]).
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct TypeUse {
	/// Undecided cases of this type (waiting ones included).
	pub live: u32,
	/// Cases of this type waiting for their prerequisites.
	pub waiting: u32,
	/// Waiting cases of the types that list this one as a prerequisite: the sum of their
	/// `waiting`, by the catalogue as it is now.
	pub waited_on: u32,
}

impl TypeUse {
	/// Whether nothing uses the type (its entry can go).
	pub fn is_unused(&self) -> bool {
		self.live == 0 && self.waiting == 0 && self.waited_on == 0
	}
}

/// How long a department's certificates may still be in force, without reading them
/// ([`crate::DepartmentCertificates`]).
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct CertificateHorizon {
	/// Permanent certificates not revoked.
	pub permanent: u32,
	/// The latest expiry (milliseconds) of any certificate issued or renewed by the
	/// department. Revocation does not lower it: the horizon may be later than the last
	/// certificate in force, never earlier.
	pub latest_expiry: u64,
}

/// A case with its clocks evaluated at the block of the query.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CaseView<AccountId, BlockNumber> {
	/// Case id.
	pub id: CaseId,
	/// The case as stored.
	pub case: Case<AccountId, BlockNumber>,
	/// Department time used so far.
	pub department_used: BlockNumber,
	/// Department time left.
	pub department_left: BlockNumber,
	/// Applicant time left to answer the query, while one waits.
	pub response_left: Option<BlockNumber>,
	/// The block at which the running clock (department's, or applicant's while a query
	/// waits) runs out; `None` while no clock runs.
	pub due: Option<BlockNumber>,
}

/// An application with its cases and documents, as of the block of the query.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ApplicationView<AccountId, BlockNumber> {
	/// Application id.
	pub id: ApplicationId,
	/// The application as stored.
	pub application: Application<AccountId, BlockNumber>,
	/// Its cases.
	pub cases: alloc::vec::Vec<CaseView<AccountId, BlockNumber>>,
	/// Its documents, with their anchoring records.
	pub documents: alloc::vec::Vec<(H256, Document<BlockNumber>)>,
	/// The block of the query.
	pub now: BlockNumber,
	/// Blocks per day, to turn clocks into days.
	pub day_length: BlockNumber,
}

/// One page of a listing, with the cursor of the next page if there is one.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Page<Item, Cursor> {
	/// The items.
	pub items: alloc::vec::Vec<Item>,
	/// Pass this to get the next page; `None` on the last page.
	pub next: Option<Cursor>,
}

/// A certificate with its status at some moment.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CertificateView {
	/// Certificate number.
	pub number: CertificateId,
	/// The certificate as stored.
	pub certificate: Certificate,
	/// Its status at `at`.
	pub status: CertificateStatus,
	/// The moment of the status, milliseconds since the Unix epoch.
	pub at: u64,
}

/// A department's dashboard.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Dashboard {
	/// The counters.
	pub stats: DepartmentStats,
	/// Number of decisions with a known duration (approvals, rejections, deemed approvals of
	/// opened cases).
	pub decided: u32,
	/// Median days from opening to decision; `None` before the first decision.
	pub median_days: Option<u16>,
}

//! # Clearance primitives
//!
//! One vocabulary for every pallet of the Clearance Registry.
//!
//! ## Terminology
//!
//! - **Subject**: anything with an audit trail: a department, an enterprise, a land parcel, an
//!   application, a case or a certificate ([`Subject`]).
//! - **Authority**: the capacity in which a signer acted: as the council, as a department's
//!   head, as an officer holding a role, as an enterprise's owner or agent, or the runtime
//!   itself acting on a statutory deadline ([`Authority`]).
//! - **Action**: what was done ([`Action`]).
//! - **Trail**: the hash-linked list of entries of one subject; see [`AuditTrail`].

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

pub mod signers;
pub use signers::{keep_account, CallSigner, SignerKind};

use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::DispatchResult;

/// The one text form of a fieldless enum: `ALL` (every value, in declaration order),
/// `as_str` (the value's name) and `parse` (a name, in any case). Clients, the RPC and JSON use
/// these; nothing parses `Debug` output. A variant missing from the list does not compile.
#[macro_export]
macro_rules! text_forms {
	($ty:ident { $($variant:ident),+ $(,)? }) => {
		impl $ty {
			/// Every value, in declaration order.
			pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

			/// The value's text form: its name.
			pub const fn as_str(&self) -> &'static str {
				match self {
					$($ty::$variant => stringify!($variant)),+
				}
			}

			/// The value whose text form is `text`, in any case.
			pub fn parse(text: &str) -> Option<Self> {
				Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text))
			}
		}
	};
}

/// Longest department code, in bytes.
pub const MAX_CODE_LEN: u32 = 12;

/// Short, stable code of a department, such as `LAND` or `FIRE`: 2 to 12 characters from
/// `A-Z`, `0-9` and `_`, starting with a letter.
pub type DepartmentCode = BoundedVec<u8, ConstU32<MAX_CODE_LEN>>;

/// Whether `code` is a well-formed code (department, clearance type, document kind): at least
/// two characters of `A-Z`, `0-9` and `_`, starting with a letter. Length limits are the
/// caller's bounded type.
pub fn is_code(code: &[u8]) -> bool {
	code.len() >= 2
		&& code.first().is_some_and(|c| c.is_ascii_uppercase())
		&& code.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
}

/// Identifier of an enterprise (an applicant).
pub type EnterpriseId = u32;
/// Identifier of a common application.
pub type ApplicationId = u32;
/// Identifier of a case: one clearance type of one application, at its department.
pub type CaseId = u32;
/// Number of a certificate.
pub type CertificateId = u32;
/// A ULPIN-style land parcel identifier: 14 characters, `A-Z` and `0-9`.
pub type Ulpin = [u8; 14];

/// What a department does. Pallets use the kind to route work: only a
/// [`DepartmentKind::Industries`] officer registers enterprises (the single-window nodal role),
/// only a [`DepartmentKind::Land`] officer keeps land records.
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
pub enum DepartmentKind {
	/// Land & Land Reforms (revenue): land records, land-use conversion.
	Land,
	/// Environment / State Pollution Control Board: consents to establish and operate.
	Environment,
	/// Industries: the single-window nodal agency, building plans in industrial areas.
	Industries,
	/// Fire & Emergency Services: fire safety NOCs.
	Fire,
	/// Urban development / municipal bodies: building plans, trade licences.
	UrbanDevelopment,
	/// Labour: factory licences.
	Labour,
	/// Any other department.
	Other,
}

/// A role an officer can hold in their department. The department head implicitly holds every
/// role of their own department.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Takes cases, scrutinises them and may raise a query.
	ScrutinyOfficer,
	/// Approves (with conditions) or rejects cases, revokes certificates.
	ApprovingAuthority,
	/// Runs the department's own administration: land records for the Land department,
	/// enterprise registration for the Industries department, the department's nodes.
	DepartmentAdmin,
	/// Hears first appeals against the department's decisions, escalations and delays (the
	/// Appellate Officer of the Right to Public Services acts).
	AppellateOfficer,
	/// Hears second appeals and may record a penalty against the officer at fault (the
	/// Reviewing Officer of the Right to Public Services acts).
	ReviewingOfficer,
}

/// Anything that keeps an audit trail.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Subject {
	/// A department: its roles and governance.
	Department(DepartmentCode),
	/// An enterprise and its agents.
	Enterprise(EnterpriseId),
	/// A land parcel.
	Parcel(Ulpin),
	/// A common application.
	Application(ApplicationId),
	/// A case.
	Case(CaseId),
	/// A certificate.
	Certificate(CertificateId),
	/// The council of department heads: what it enacted with root authority.
	Council,
}

impl Subject {
	/// Parse the text form `kind:id` used by clients: `department:LAND`, `enterprise:3`,
	/// `parcel:WB19KOL0001234`, `application:5`, `case:7`, `certificate:9`.
	pub fn parse(text: &str) -> Option<Self> {
		let (kind, id) = text.split_once(':')?;
		let number = || id.parse::<u32>().ok();
		Some(match kind {
			"department" => {
				let code: DepartmentCode = id.as_bytes().to_vec().try_into().ok()?;
				is_code(&code).then_some(Self::Department(code))?
			},
			"enterprise" => Self::Enterprise(number()?),
			"parcel" => Self::Parcel(id.as_bytes().try_into().ok()?),
			"application" => Self::Application(number()?),
			"case" => Self::Case(number()?),
			"certificate" => Self::Certificate(number()?),
			"council" if id.is_empty() || id == "heads" => Self::Council,
			_ => return None,
		})
	}

	/// The text form accepted by [`Subject::parse`].
	pub fn label(&self) -> alloc::string::String {
		use alloc::format;
		let text = |b: &[u8]| alloc::string::String::from_utf8_lossy(b).into_owned();
		match self {
			Self::Department(c) => format!("department:{}", text(c)),
			Self::Enterprise(n) => format!("enterprise:{n}"),
			Self::Parcel(u) => format!("parcel:{}", text(u)),
			Self::Application(n) => format!("application:{n}"),
			Self::Case(n) => format!("case:{n}"),
			Self::Certificate(n) => format!("certificate:{n}"),
			Self::Council => "council:heads".into(),
		}
	}
}

/// The capacity in which a signer acted: the authority an auditor follows back to its source.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Authority<AccountId> {
	/// A council motion (two thirds of the department heads).
	Council,
	/// The head of a department.
	Head { department: DepartmentCode },
	/// An officer, under a role granted in a department.
	Officer { department: DepartmentCode, role: Role },
	/// The owner of an enterprise.
	Owner { enterprise: EnterpriseId },
	/// An authorised agent of an enterprise (for example a consultant).
	Agent { enterprise: EnterpriseId, agent: AccountId },
	/// The runtime itself, enforcing a statutory time limit.
	Statute,
}

/// What was done to a subject.
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
pub enum Action {
	/// A department was added.
	DepartmentAdded,
	/// A department was removed.
	DepartmentRemoved,
	/// A department got a new head.
	HeadChanged,
	/// A department's validator was set.
	ValidatorSet,
	/// A department's validator was removed.
	ValidatorRemoved,
	/// A role was granted.
	RoleGranted,
	/// A role was revoked.
	RoleRevoked,
	/// An enterprise was registered.
	EnterpriseRegistered,
	/// An agent was authorised for an enterprise.
	AgentAdded,
	/// An agent's authorisation was withdrawn.
	AgentRemoved,
	/// A land parcel was registered.
	ParcelRegistered,
	/// A land parcel's record changed.
	ParcelUpdated,
	/// A court order froze a parcel.
	ParcelFrozen,
	/// A parcel's freeze was lifted.
	ParcelUnfrozen,
	/// A document was anchored.
	DocumentAnchored,
	/// A common application was submitted.
	ApplicationSubmitted,
	/// The applicant withdrew an application.
	ApplicationWithdrawn,
	/// A case opened at its department.
	CaseOpened,
	/// An officer took a case for scrutiny.
	CaseTaken,
	/// The department raised its query.
	QueryRaised,
	/// The applicant responded to the query.
	QueryResponded,
	/// The department approved the case.
	CaseApproved,
	/// The department rejected the case.
	CaseRejected,
	/// The time limit passed and the clearance is deemed approved.
	CaseDeemedApproved,
	/// The time limit passed and the case went to the department head.
	CaseEscalated,
	/// The applicant did not respond in time.
	CaseLapsed,
	/// The case was withdrawn with its application.
	CaseWithdrawn,
	/// A court freeze of one of its parcels suspended the case (its clocks stop).
	CaseSuspended,
	/// The last freeze concerning the case was lifted; its clocks run again.
	CaseResumed,
	/// A certificate was issued.
	CertificateIssued,
	/// A certificate was renewed (this is the new one).
	CertificateRenewed,
	/// A certificate was revoked.
	CertificateRevoked,
	/// A court freeze of one of its parcels suspended the certificate.
	CertificateSuspended,
	/// The last freeze concerning the certificate was lifted.
	CertificateRestored,
	/// A clearance type was added or changed in the catalogue.
	CatalogueChanged,
	/// A department changed the list of its network nodes.
	NodesSet,
	/// The council enacted a call with root authority (the call's hash and the motion's votes
	/// are the entry's details).
	Enacted,
	/// The Industries department suspended an enterprise: its owner and agents cannot sign.
	EnterpriseSuspended,
	/// The Industries department restored a suspended enterprise.
	EnterpriseRestored,
	/// The council deregistered an enterprise.
	EnterpriseDeregistered,
	/// An approving authority corrected a parcel's land use by a recorded order.
	LandUseCorrected,
	/// A parcel's holder consented to an enterprise applying on it (or a Land officer recorded
	/// a private holder's verified consent).
	ConsentGiven,
	/// A holder's consent was withdrawn or lapsed.
	ConsentWithdrawn,
	/// A statutory deadline's action (deemed approval, escalation, lapse, or restarting a
	/// case's clock after a freeze) could not be carried out; the entry's details are the
	/// deadline's kind and the error. A fallback follows on the same trail (an escalation).
	DeadlineFailed,
	/// The applicant appealed the case (first or second appeal); the details are the appeal's
	/// id, level and grounds.
	AppealFiled,
	/// An appellate authority decided an appeal on the case; the details are the appeal's id,
	/// outcome and reasoned order.
	AppealDecided,
	/// An appellate authority's limit passed without a decision on an appeal on the case.
	AppealTimedOut,
	/// An appeal's decision sent the case back to its department with a fresh clock.
	CaseReopened,
	/// A Reviewing Officer recorded a penalty against the officer who held the case.
	PenaltyRecorded,
}

/// Who may act for a department: implemented by the department registry.
pub trait DepartmentAuthority<AccountId> {
	/// The authority under which `who` may act in `department` with one of `roles`: the head
	/// (who holds every role of their department) or an officer holding one of them.
	fn authority_in(
		who: &AccountId,
		department: &DepartmentCode,
		roles: &[Role],
	) -> Option<Authority<AccountId>>;

	/// The authority under which `who` may act for a department of `kind` with one of `roles`.
	fn authority_of_kind(
		who: &AccountId,
		kind: DepartmentKind,
		roles: &[Role],
	) -> Option<Authority<AccountId>>;

	/// Whether `who` holds a position in any department (and so cannot act for an applicant).
	fn is_official(who: &AccountId) -> bool;

	/// The head of `department`.
	fn head_of(department: &DepartmentCode) -> Option<AccountId>;

	/// Whether `department` exists.
	fn exists(department: &DepartmentCode) -> bool {
		Self::kind_of(department).is_some()
	}

	/// The kind of `department`.
	fn kind_of(department: &DepartmentCode) -> Option<DepartmentKind>;
}

/// Whether a department still has work that needs it: implemented by the clearance workflow.
pub trait DepartmentWork {
	/// Whether `department` has live cases or valid certificates (which only it can decide,
	/// renew or revoke). Reads bounded indexes only.
	fn has_live_work(department: &DepartmentCode) -> bool;
}

impl DepartmentWork for () {
	fn has_live_work(_: &DepartmentCode) -> bool {
		false
	}
}

/// Who may act for an applicant: implemented by the enterprise registry.
pub trait EnterpriseAuthority<AccountId> {
	/// The enterprise `who` acts for, and in which capacity (owner or agent).
	fn acting_for(who: &AccountId) -> Option<(EnterpriseId, Authority<AccountId>)>;

	/// Whether `enterprise` is registered.
	fn exists(enterprise: EnterpriseId) -> bool;
}

/// Land-use class of a parcel.
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
pub enum LandUse {
	/// Farmland.
	Agricultural,
	/// Industrial use (after conversion).
	Industrial,
	/// Shops and offices.
	Commercial,
	/// Housing.
	Residential,
	/// Forest land.
	Forest,
	/// Schools, hospitals, government use.
	Institutional,
	/// Anything else.
	Other,
}

text_forms!(LandUse {
	Agricultural,
	Industrial,
	Commercial,
	Residential,
	Forest,
	Institutional,
	Other,
});

/// What the clearance workflow needs from the land records.
pub trait LandRegistry<AccountId> {
	/// Whether the parcel exists and, if so, whether a court order freezes it.
	fn is_frozen(parcel: &Ulpin) -> Option<bool>;

	/// Change the parcel's land-use class after an approved land-use conversion, recording who
	/// approved it and under what authority. Fails if the parcel is unknown or frozen.
	fn convert_land_use(
		parcel: &Ulpin,
		to: LandUse,
		signer: Option<AccountId>,
		authority: Authority<AccountId>,
	) -> DispatchResult;

	/// Whether `enterprise` may apply for clearances concerning `parcel`: the parcel is held by
	/// that enterprise, or its holder's consent for that enterprise is on record. False for an
	/// unknown parcel. Reads the parcel and at most one consent.
	fn may_apply(parcel: &Ulpin, enterprise: EnterpriseId) -> bool;
}

/// Told by the land records when a court order freezes or releases a parcel, so that every
/// in-flight case and valid certificate concerning it is suspended or restored. Implementations
/// do a bounded amount of work.
pub trait ParcelFreezeHandler {
	/// `parcel` was frozen.
	fn on_freeze(parcel: &Ulpin);
	/// `parcel`'s freeze was lifted.
	fn on_unfreeze(parcel: &Ulpin);
	/// The most either notification can cost.
	fn max_weight() -> frame_support::weights::Weight;
}

impl ParcelFreezeHandler for () {
	fn on_freeze(_: &Ulpin) {}
	fn on_unfreeze(_: &Ulpin) {}
	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Appends entries to subjects' audit trails. Entries are never changed or removed.
pub trait AuditTrail<AccountId> {
	/// Append an entry to `subject`'s trail. Fails only if the trail is full, in which case the
	/// whole call is refused (and changes nothing).
	fn record(
		subject: Subject,
		signer: Option<AccountId>,
		authority: Authority<AccountId>,
		action: Action,
		details: H256,
	) -> DispatchResult;

	/// Append an entry whose details are `details`, SCALE-encoded and hashed with BLAKE2-256.
	fn record_details(
		subject: Subject,
		signer: Option<AccountId>,
		authority: Authority<AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		use sp_runtime::traits::Hash;
		let hash = sp_runtime::traits::BlakeTwo256::hash_of(&details);
		Self::record(subject, signer, authority, action, hash)
	}

	/// The time (milliseconds) and action of every entry of `subject`'s trail, oldest first.
	/// Reads the whole trail: for queries, never for calls.
	fn actions(subject: &Subject) -> Vec<(u64, Action)>;
}

/// No trail, for the unit tests of pallets that use one.
impl<AccountId> AuditTrail<AccountId> for () {
	fn record(
		_: Subject,
		_: Option<AccountId>,
		_: Authority<AccountId>,
		_: Action,
		_: H256,
	) -> DispatchResult {
		Ok(())
	}

	fn actions(_: &Subject) -> Vec<(u64, Action)> {
		Vec::new()
	}
}

/// One entry of a subject's audit trail.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct TrailEntry<AccountId, BlockNumber> {
	/// Chain-wide sequence number: entries of all subjects are numbered in the order recorded.
	#[codec(compact)]
	pub seq: u64,
	/// Block in which the action happened.
	pub block: BlockNumber,
	/// Time of that block, in milliseconds since the Unix epoch.
	#[codec(compact)]
	pub timestamp: u64,
	/// The account that signed the transaction, or `None` when the runtime acted by itself.
	pub signer: Option<AccountId>,
	/// The capacity in which the signer acted.
	pub authority: Authority<AccountId>,
	/// What was done.
	pub action: Action,
	/// Hash of the action's details (SCALE-encoded parameters), so the entry stays small.
	pub details: H256,
}

impl<AccountId: Encode, BlockNumber: Encode> TrailEntry<AccountId, BlockNumber> {
	/// The link hash of this entry: BLAKE2-256 of the previous entry's link hash (zero for the
	/// first entry) followed by this entry's SCALE encoding. The last link is the subject's
	/// head; the links themselves are not stored, since every verifier recomputes them.
	pub fn link(&self, prev: H256) -> H256 {
		use sp_runtime::traits::Hash;
		sp_runtime::traits::BlakeTwo256::hash(&(prev, self).encode())
	}
}

/// Where a trail fails verification.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum TrailError {
	/// Entry `index` is out of order (its sequence number is not above its predecessor's):
	/// entries were reordered or one was replaced.
	OutOfOrder { index: usize },
	/// The recomputed chain does not end at the head recorded on chain: an entry was altered,
	/// removed or added. Comparing [`verify_trail_links`] with links recorded earlier locates
	/// the first altered entry.
	HeadMismatch,
}

/// Check that `entries` (a whole trail, oldest first) chain up to `head`.
pub fn verify_trail<AccountId: Encode, BlockNumber: Encode>(
	entries: &[TrailEntry<AccountId, BlockNumber>],
	head: H256,
) -> Result<(), TrailError> {
	let mut prev = H256::zero();
	let mut last_seq = None;
	for (index, entry) in entries.iter().enumerate() {
		if last_seq.is_some_and(|last| entry.seq <= last) {
			return Err(TrailError::OutOfOrder { index });
		}
		last_seq = Some(entry.seq);
		prev = entry.link(prev);
	}
	if prev != head {
		return Err(TrailError::HeadMismatch);
	}
	Ok(())
}

/// The link hash after each entry, for locating the first altered entry against links an
/// auditor recorded earlier.
pub fn verify_trail_links<AccountId: Encode, BlockNumber: Encode>(
	entries: &[TrailEntry<AccountId, BlockNumber>],
) -> Vec<H256> {
	let mut prev = H256::zero();
	entries
		.iter()
		.map(|e| {
			prev = e.link(prev);
			prev
		})
		.collect()
}

/// Test doubles shared by the pallets' mock runtimes (accounts are `u64`).
#[cfg(feature = "std")]
#[allow(clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]
pub mod testing {
	use super::*;
	use std::cell::RefCell;

	/// A clock at a fixed time: 1 January 2027, 00:00 UTC.
	pub struct FixedTime;

	/// The time [`FixedTime`] reports, in milliseconds.
	pub const FIXED_TIME_MS: u64 = 1_798_761_600_000;

	impl frame_support::traits::UnixTime for FixedTime {
		fn now() -> core::time::Duration {
			core::time::Duration::from_millis(FIXED_TIME_MS)
		}
	}

	/// An official in the table: account, department, kind, role (`None` for the head).
	type Official = (u64, DepartmentCode, DepartmentKind, Option<Role>);

	thread_local! {
		static OFFICIALS: RefCell<Vec<Official>> = const { RefCell::new(Vec::new()) };
	}

	/// A department code from a string.
	pub fn code(s: &str) -> DepartmentCode {
		s.as_bytes().to_vec().try_into().expect("short code")
	}

	/// A department registry kept in a table, filled by each test's setup.
	pub struct MockDepartments;

	impl MockDepartments {
		/// Forget everyone.
		pub fn reset() {
			OFFICIALS.with(|o| o.borrow_mut().clear());
		}

		/// Make `who` the head of `department`.
		pub fn add_head(who: u64, department: &str, kind: DepartmentKind) {
			OFFICIALS.with(|o| o.borrow_mut().push((who, code(department), kind, None)));
		}

		/// Grant `who` `role` in `department`.
		pub fn add_officer(who: u64, department: &str, kind: DepartmentKind, role: Role) {
			OFFICIALS.with(|o| o.borrow_mut().push((who, code(department), kind, Some(role))));
		}

		fn find(
			who: &u64,
			matches: impl Fn(&DepartmentCode, DepartmentKind) -> bool,
			roles: &[Role],
		) -> Option<Authority<u64>> {
			OFFICIALS.with(|o| {
				o.borrow().iter().filter(|(w, d, k, _)| w == who && matches(d, *k)).find_map(
					|(_, d, _, role)| match role {
						None => Some(Authority::Head { department: d.clone() }),
						Some(r) if roles.contains(r) => {
							Some(Authority::Officer { department: d.clone(), role: *r })
						},
						_ => None,
					},
				)
			})
		}
	}

	impl DepartmentAuthority<u64> for MockDepartments {
		fn authority_in(
			who: &u64,
			department: &DepartmentCode,
			roles: &[Role],
		) -> Option<Authority<u64>> {
			Self::find(who, |d, _| d == department, roles)
		}
		fn authority_of_kind(
			who: &u64,
			kind: DepartmentKind,
			roles: &[Role],
		) -> Option<Authority<u64>> {
			Self::find(who, |_, k| k == kind, roles)
		}
		fn is_official(who: &u64) -> bool {
			OFFICIALS.with(|o| o.borrow().iter().any(|(w, ..)| w == who))
		}
		fn head_of(department: &DepartmentCode) -> Option<u64> {
			OFFICIALS.with(|o| {
				o.borrow()
					.iter()
					.find(|(_, d, _, r)| d == department && r.is_none())
					.map(|(w, ..)| *w)
			})
		}
		fn kind_of(department: &DepartmentCode) -> Option<DepartmentKind> {
			OFFICIALS.with(|o| {
				o.borrow().iter().find(|(_, d, ..)| d == department).map(|(_, _, k, _)| *k)
			})
		}
	}

	thread_local! {
		/// (enterprise, owner, agents)
		static ENTERPRISES: RefCell<Vec<(EnterpriseId, u64, Vec<u64>)>> = const { RefCell::new(Vec::new()) };
	}

	/// An enterprise registry kept in a table, filled by each test's setup.
	pub struct MockEnterprises;

	impl MockEnterprises {
		/// Forget every enterprise.
		pub fn reset() {
			ENTERPRISES.with(|e| e.borrow_mut().clear());
		}

		/// Register `enterprise` with `owner` and `agents`.
		pub fn add(enterprise: EnterpriseId, owner: u64, agents: &[u64]) {
			ENTERPRISES.with(|e| e.borrow_mut().push((enterprise, owner, agents.to_vec())));
		}
	}

	impl EnterpriseAuthority<u64> for MockEnterprises {
		fn acting_for(who: &u64) -> Option<(EnterpriseId, Authority<u64>)> {
			ENTERPRISES.with(|e| {
				e.borrow().iter().find_map(|(id, owner, agents)| {
					if owner == who {
						Some((*id, Authority::Owner { enterprise: *id }))
					} else if agents.contains(who) {
						Some((*id, Authority::Agent { enterprise: *id, agent: *who }))
					} else {
						None
					}
				})
			})
		}
		fn exists(enterprise: EnterpriseId) -> bool {
			ENTERPRISES.with(|e| e.borrow().iter().any(|(id, ..)| *id == enterprise))
		}
	}
}

#[cfg(test)]
mod subject_tests {
	use super::*;

	#[test]
	fn subjects_round_trip_through_their_text_form() {
		for text in [
			"department:LAND",
			"enterprise:3",
			"parcel:WB19KOL0001234",
			"application:5",
			"case:7",
			"certificate:9",
		] {
			let subject = Subject::parse(text).expect(text);
			assert_eq!(subject.label(), text);
		}
		for bad in ["case", "case:x", "parcel:SHORT", "department:land", "ledger:1", "case:-1"] {
			assert_eq!(Subject::parse(bad), None, "{bad}");
		}
	}
}

//! # Clearance registry runtime API
//!
//! What departments, applicants and auditors read, answered by the runtime at any block, so
//! that every reader sees exactly what the chain holds. The node's `clearance_*` JSON-RPC
//! methods (`clearance-rpc`) only convert these answers to JSON.
//!
//! ## Terminology
//!
//! - **View**: a stored record together with what follows from it at the block of the query
//!   (the clocks of a case, the status of a certificate).
//! - **Page**: part of a long listing, with the cursor of the next part. Pages never hold more
//!   than [`MAX_PAGE`] items.
//! - **Work queue**: a department's live cases by state, earliest due first.
//! - **Trail**: the audit trail of a subject, with its on-chain head hash.
//!
//! Every method is a read: nothing here changes state.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use clearance_primitives::{
	ApplicationId, CaseId, CertificateId, DepartmentCode, EnterpriseId, Role, Subject, TrailEntry,
	Ulpin,
};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

pub use pallet_clearances::{
	Appeal, AppealDecision, AppealId, AppealLevel, AppealOutcome, AppealStatus, Application,
	ApplicationView, CaseState, CaseView, CertificateStatus, CertificateView, Dashboard,
	DepartmentStats, Page,
};
pub use pallet_land_parcels::Parcel;

/// A page of an enterprise's applications, with the cursor of the next page.
pub type ApplicationPage<AccountId, BlockNumber> =
	Page<(ApplicationId, Application<AccountId, BlockNumber>), ApplicationId>;

/// An appeal with its appellate authority's clock evaluated at the block of the query.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct AppealView<AccountId, BlockNumber> {
	/// Appeal id.
	pub id: AppealId,
	/// The appeal as stored: case, level, status, grounds, decision, penalty.
	pub appeal: Appeal<AccountId, BlockNumber>,
	/// Working blocks the appellate authority has left (0 once closed or out of time).
	pub left: BlockNumber,
	/// Block the appellate authority's time runs out at, while the appeal is pending.
	pub due: Option<BlockNumber>,
}

/// The appeals of an application's cases, by case, oldest first: at most `MaxAppealsPerCase` per
/// case.
pub type ApplicationAppeals<AccountId, BlockNumber> = Vec<AppealView<AccountId, BlockNumber>>;

/// Most items one page holds; larger requests are refused by the RPC and clamped here.
pub const MAX_PAGE: u32 = 100;

/// A page of a subject's audit trail.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct TrailPage<AccountId, BlockNumber> {
	/// Number of entries in the whole trail.
	pub len: u32,
	/// The head hash on chain: the last link of the whole trail.
	pub head: H256,
	/// Position of the first entry of this page.
	pub from: u32,
	/// The entries `from ..` (at most the page size).
	pub entries: Vec<TrailEntry<AccountId, BlockNumber>>,
}

/// A land parcel with the cases and certificates concerning it, and its history.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ParcelView<AccountId, BlockNumber> {
	/// The land record.
	pub parcel: Parcel<BlockNumber>,
	/// Undecided cases concerning it.
	pub live_cases: Vec<CaseId>,
	/// Certificates in force concerning it (not revoked or renewed).
	pub certificates: Vec<CertificateId>,
	/// A page of its audit trail: registration, updates, conversions, freezes.
	pub history: TrailPage<AccountId, BlockNumber>,
}

/// A certificate as a verifier sees it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CertificateInfo {
	/// The certificate and its status.
	pub view: CertificateView,
	/// The holder's registered name.
	pub holder: Vec<u8>,
}

/// Everything an account may do on the chain.
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct AccountInfo {
	/// The department it heads.
	pub head_of: Option<DepartmentCode>,
	/// The department it is an officer of, and its roles there.
	pub officer_of: Option<(DepartmentCode, Vec<Role>)>,
	/// The enterprise it acts for, and whether as owner (else as agent).
	pub enterprise: Option<(EnterpriseId, bool)>,
	/// The department whose validator it is.
	pub validator_of: Option<DepartmentCode>,
}

sp_api::decl_runtime_apis! {
	/// Reads of the clearance registry.
	///
	/// Version 2 added [`refusal_reason`](ClearanceApi::refusal_reason); version 3 added
	/// [`application_appeals`](ClearanceApi::application_appeals), which the RPC shows beside
	/// the application view. Callers check the version before calling a newer method.
	#[api_version(3)]
	pub trait ClearanceApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// An application with its cases (and their clocks) and documents.
		fn application(id: ApplicationId) -> Option<ApplicationView<AccountId, BlockNumber>>;

		/// A case with its clocks.
		fn case(id: CaseId) -> Option<CaseView<AccountId, BlockNumber>>;

		/// Up to `limit` applications of an enterprise after `after`, in a stable order;
		/// `None` if the enterprise does not exist.
		fn applications_of(
			enterprise: EnterpriseId,
			after: Option<ApplicationId>,
			limit: u32,
		) -> Option<ApplicationPage<AccountId, BlockNumber>>;

		/// Up to `limit` cases of a department's work queue in `states` (all live states if
		/// empty), earliest due first, after the cursor (due block, case); `None` if the
		/// department does not exist.
		fn work_queue(
			department: DepartmentCode,
			states: Vec<CaseState>,
			after: Option<(u32, CaseId)>,
			limit: u32,
		) -> Option<Page<CaseView<AccountId, BlockNumber>, (u32, CaseId)>>;

		/// Escalated cases and cases past their due block, of one department or all, earliest
		/// due first, at most `limit`; `None` if the department does not exist.
		fn overdue(
			department: Option<DepartmentCode>,
			limit: u32,
		) -> Option<Vec<CaseView<AccountId, BlockNumber>>>;

		/// A parcel with its cases, certificates and a page of its history.
		fn parcel(ulpin: Ulpin, from: u32, limit: u32) -> Option<ParcelView<AccountId, BlockNumber>>;

		/// A certificate with its status now, or at `at` (milliseconds since the Unix epoch).
		fn certificate(number: CertificateId, at: Option<u64>) -> Option<CertificateInfo>;

		/// A page of the audit trail of a subject; `None` if it has no trail.
		fn trail(subject: Subject, from: u32, limit: u32) -> Option<TrailPage<AccountId, BlockNumber>>;

		/// A department's dashboard; `None` if the department does not exist.
		fn dashboard(department: DepartmentCode) -> Option<Dashboard>;

		/// What an account may do.
		fn account(who: AccountId) -> AccountInfo;

		/// The text of a transaction-pool refusal code (`InvalidTransaction::Custom(code)`, shown
		/// by nodes as `1010: Invalid Transaction: Custom error: N`), as UTF-8; `None` for a code
		/// this runtime does not use. Since version 2.
		fn refusal_reason(code: u8) -> Option<Vec<u8>>;

		/// The appeals (first and second, with decisions and penalties) of every case of an
		/// application, by case, oldest first; `None` if the application does not exist.
		#[api_version(3)]
		fn application_appeals(id: ApplicationId) -> Option<ApplicationAppeals<AccountId, BlockNumber>>;
	}
}

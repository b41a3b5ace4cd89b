//! Types of appeals under the Right to Public Services acts: the terms of each clearance type,
//! appeals and their decisions, and the penalty range.

use crate::Clock;
use clearance_primitives::CaseId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of an appeal.
pub type AppealId = u32;

/// Most appeals on one case (first and second, over every time it reopens).
pub type MaxAppealsPerCase = frame_support::pallet_prelude::ConstU32<8>;

/// The appeal terms of a clearance type, set by the council; limits and windows in working
/// blocks.
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
#[serde(rename_all = "camelCase")]
pub struct AppealTerms<BlockNumber> {
	/// Time to file a first appeal after the decision appealed against.
	pub window: BlockNumber,
	/// The Appellate Officer's time to decide a first appeal.
	pub first_limit: BlockNumber,
	/// Time to file a second appeal after the first appeal was decided or timed out.
	pub second_window: BlockNumber,
	/// The Reviewing Officer's time to decide a second appeal.
	pub second_limit: BlockNumber,
}

/// Which appellate authority hears an appeal.
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
pub enum AppealLevel {
	/// To the department's Appellate Officer.
	First,
	/// To the department's Reviewing Officer, after the first appeal.
	Second,
}

/// What an appellate authority decided.
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
pub enum AppealOutcome<BlockNumber> {
	/// The decision (or the escalation) stands.
	Upheld,
	/// The department must decide the escalated case within `within` working blocks: the case
	/// returns to it with a clock of that length.
	DecisionOrdered {
		/// The department's new limit, in working blocks.
		within: BlockNumber,
	},
	/// The rejection (or lapse) is set aside: the case reopens at its department with a fresh
	/// clock of its time limit (or waits, if a prerequisite is no longer in force).
	SetAside,
}

clearance_primitives::text_forms!(AppealLevel { First, Second });

impl<B> AppealOutcome<B> {
	/// Whether the outcome sends the case back to its department.
	pub fn reopens(&self) -> bool {
		!matches!(self, Self::Upheld)
	}
}

/// Where an appeal stands.
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
pub enum AppealStatus {
	/// Before its appellate authority, whose clock runs.
	Pending,
	/// Decided.
	Decided,
	/// The appellate authority's limit passed without a decision: a first appeal may be taken
	/// to the second level, a second appeal is closed as overdue.
	TimedOut,
}

clearance_primitives::text_forms!(AppealStatus { Pending, Decided, TimedOut });

/// An appellate authority's decision.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct AppealDecision<AccountId, BlockNumber> {
	/// Who decided.
	pub by: AccountId,
	/// The outcome.
	pub outcome: AppealOutcome<BlockNumber>,
	/// Hash of the reasoned order.
	pub document: H256,
	/// Whether it came within the appellate authority's limit.
	pub in_time: bool,
}

/// A penalty the Reviewing Officer recorded against the officer who held the case.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Penalty<AccountId> {
	/// The officer penalised.
	pub officer: AccountId,
	/// The amount, in rupees, within the [`PenaltyRange`] in force when recorded.
	pub amount: u32,
	/// The Reviewing Officer who recorded it.
	pub by: AccountId,
}

/// An appeal against a case's decision, escalation, lapse or delay.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Appeal<AccountId, BlockNumber> {
	/// The case appealed.
	pub case: CaseId,
	/// The level.
	pub level: AppealLevel,
	/// Who filed it (the owner or an agent of the applicant); for a second appeal, the filer.
	pub filed_by: AccountId,
	/// Block of filing.
	pub filed_at: BlockNumber,
	/// Hash of the grounds.
	pub grounds: H256,
	/// The appellate authority's clock.
	pub clock: Clock<BlockNumber>,
	/// Status.
	pub status: AppealStatus,
	/// Block it was decided or timed out at.
	pub closed_at: Option<BlockNumber>,
	/// The decision, once made.
	pub decision: Option<AppealDecision<AccountId, BlockNumber>>,
	/// The penalty recorded on a second appeal.
	pub penalty: Option<Penalty<AccountId>>,
}

/// The range within which a Reviewing Officer may fine an officer, in rupees, set by the
/// council.
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
pub struct PenaltyRange {
	/// Least amount.
	pub min: u32,
	/// Greatest amount.
	pub max: u32,
}

/// The appeal terms of a clearance type in the genesis configuration (limits in blocks).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisAppealTerms {
	/// Type code, such as `FIRE_NOC` (in the genesis catalogue).
	pub code: alloc::string::String,
	/// The terms.
	pub terms: AppealTerms<u32>,
}

//! Tests of the clearance workflow: every call's success (through its events and storage) and
//! every refusal (`assert_noop!`), the statutory clocks, freezes, certificates, and a long
//! randomised run with the invariants checked after every step. One file per concern; the
//! helpers they share are here.

// Tests may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

mod appeals;
mod calendar;
mod catalogue;
mod certificates;
mod clocks;
mod decisions;
mod documents;
mod freezes;
mod limits;
mod migration;
mod queries;
mod random;
mod scrutiny;
mod storage_size;
mod submission;
mod weights;

use crate::{mock::*, *};
use clearance_primitives::{testing::code, Action, Authority, LandRegistry, LandUse, Subject};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type E = Error<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Submit an application of enterprise 0 for `types` on `parcels` with the documents the demo
/// catalogue requires; returns the application id.
fn submit(types: &[&str], parcels: &[Ulpin]) -> ApplicationId {
	let docs = vec![anchor("SALE_DEED"), anchor("PROJECT_REPORT"), anchor("SITE_PLAN")];
	let id = NextApplicationId::<Test>::get();
	assert_ok!(Clearances::submit_application(
		signed(AGENT),
		project(),
		bounded(parcels),
		types_of(types),
		bounded(&docs),
	));
	id
}

/// The type codes of `types`, as a call argument.
fn types_of(types: &[&str]) -> BoundedVec<TypeCode, MaxTypes> {
	bounded(&types.iter().map(|t| tc(t)).collect::<Vec<_>>())
}

/// No documents, as a call argument.
fn no_docs() -> BoundedVec<H256, MaxDocuments> {
	BoundedVec::new()
}

fn case_of(app: ApplicationId, ty: &str) -> CaseId {
	let a = Applications::<Test>::get(app).unwrap();
	*a.cases.iter().find(|c| Cases::<Test>::get(*c).unwrap().clearance == tc(ty)).unwrap()
}

fn state(case: CaseId) -> CaseState {
	Cases::<Test>::get(case).unwrap().state
}

/// Make `subject`'s audit trail full (every further entry refused); returns a guard value to
/// restore it with [`restore_trail`].
fn fill_trail(subject: Subject) -> pallet_audit::TrailHead {
	let head = pallet_audit::Heads::<Test>::get(&subject).unwrap_or_default();
	let full = pallet_audit::TrailHead { len: u32::MAX, ..head };
	pallet_audit::Heads::<Test>::insert(&subject, full);
	head
}

/// Undo [`fill_trail`].
fn restore_trail(subject: Subject, head: pallet_audit::TrailHead) {
	pallet_audit::Heads::<Test>::insert(&subject, head);
}

/// Fill every block of the deadline queue's window from `from` on.
fn fill_deadlines(from: u64) {
	let per_block = <MaxDeadlinesPerBlock as Get<u32>>::get() as usize;
	let full: BoundedVec<(CaseId, Deadline), MaxDeadlinesPerBlock> =
		BoundedVec::truncate_from(vec![(999, Deadline::Department); per_block]);
	for b in from..from + DEADLINE_WINDOW as u64 {
		Deadlines::<Test>::insert(b, full.clone());
	}
}

/// The actions on `subject`'s trail, oldest first.
fn actions(subject: Subject) -> Vec<Action> {
	pallet_audit::Pallet::<Test>::trail(&subject).0.iter().map(|e| e.action).collect()
}

/// Take and approve `case` by its department's officers.
fn approve_case(case: CaseId, clerk: u64, approver: u64) -> CertificateId {
	assert_ok!(Clearances::take_case(signed(clerk), case));
	assert_ok!(Clearances::approve(signed(approver), case, H256::repeat_byte(3)));
	Cases::<Test>::get(case).unwrap().decision.unwrap().certificate.unwrap()
}

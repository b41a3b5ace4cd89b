//! Appeals: filing (first and second), deciding (upheld, decision ordered, set aside with the
//! case reopened), the appellate clocks and their time-outs, penalties; every refusal.

use super::*;

const ROOT: fn() -> RuntimeOrigin = RuntimeOrigin::root;

/// Appeal window 20, Appellate Officer 10, second window 20, Reviewing Officer 10 (blocks).
fn terms() -> AppealTermsOf<Test> {
	AppealTerms { window: 20, first_limit: 10, second_window: 20, second_limit: 10 }
}

/// Appeal terms for `types` and a penalty range of 250 to 1,000.
fn with_terms(types: &[&str]) {
	for t in types {
		assert_ok!(Clearances::set_appeal_terms(ROOT(), tc(t), Some(terms())));
	}
	assert_ok!(Clearances::set_penalty_range(ROOT(), PenaltyRange { min: 250, max: 1000 }));
}

/// A land-use conversion taken by the Land clerk and rejected by the Land approver, with
/// appeal terms; returns the case.
fn rejected() -> CaseId {
	with_terms(&[LUC, TRADE]);
	let app = submit(&[LUC], &[PARCEL]);
	let case = case_of(app, LUC);
	assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
	assert_ok!(Clearances::reject(signed(LAND_APPROVER), case, 7, H256::zero()));
	case
}

/// A land-use conversion nobody took, escalated at 31.
fn escalated() -> CaseId {
	with_terms(&[LUC]);
	let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
	run_to(31);
	assert_eq!(state(case), CaseState::Escalated);
	case
}

/// File a first appeal on `case` as the applicant's agent; returns its id.
fn appeal(case: CaseId) -> AppealId {
	let id = NextAppealId::<Test>::get();
	assert_ok!(Clearances::file_appeal(signed(AGENT), case, H256::repeat_byte(1)));
	id
}

/// Let a pending appeal time out and file the second appeal; returns its id.
fn second_appeal(case: CaseId, first: AppealId) -> AppealId {
	let end = Appeals::<Test>::get(first).unwrap().clock.due(&Clearances::calendar()).unwrap();
	run_to(end);
	assert_eq!(Appeals::<Test>::get(first).unwrap().status, AppealStatus::TimedOut);
	let id = NextAppealId::<Test>::get();
	assert_ok!(Clearances::file_second_appeal(signed(OWNER), case, H256::repeat_byte(2)));
	id
}

fn decide(who: u64, appeal: AppealId, outcome: AppealOutcome<u64>) -> DispatchResult {
	Clearances::decide_appeal(signed(who), appeal, outcome, H256::repeat_byte(9))
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn the_council_sets_appeal_terms_and_the_penalty_range() {
	run(|| {
		assert_ok!(Clearances::set_appeal_terms(ROOT(), tc(LUC), Some(terms())));
		assert_eq!(AppealTermsOfType::<Test>::get(tc(LUC)), Some(terms()));
		assert_eq!(
			last_event(),
			RuntimeEvent::Clearances(Event::AppealTermsSet { clearance: tc(LUC) })
		);
		assert_ok!(Clearances::set_appeal_terms(ROOT(), tc(LUC), None));
		assert!(events().contains(&Event::AppealTermsRemoved { clearance: tc(LUC) }));
		assert_ok!(Clearances::set_penalty_range(ROOT(), PenaltyRange { min: 250, max: 1000 }));
		assert!(events().contains(&Event::PenaltyRangeSet { min: 250, max: 1000 }));
		// Removing a type removes its terms.
		assert_ok!(Clearances::set_appeal_terms(ROOT(), tc(TRADE), Some(terms())));
		assert_ok!(Clearances::remove_clearance_type(ROOT(), tc(TRADE)));
		assert!(!AppealTermsOfType::<Test>::contains_key(tc(TRADE)));
	});
}

#[test]
fn bad_terms_and_ranges_are_refused() {
	run(|| {
		let t = Some(terms());
		assert_noop!(Clearances::set_appeal_terms(signed(1), tc(LUC), t), DispatchError::BadOrigin);
		assert_noop!(Clearances::set_appeal_terms(ROOT(), tc("NO_SUCH"), t), E::UnknownType);
		let zero = Some(AppealTerms { second_limit: 0, ..terms() });
		assert_noop!(Clearances::set_appeal_terms(ROOT(), tc(LUC), zero), E::ZeroTimeLimit);
		assert_noop!(Clearances::set_appeal_terms(ROOT(), tc(LUC), None), E::NoAppealTerms);
		let range = |min, max| PenaltyRange { min, max };
		assert_noop!(
			Clearances::set_penalty_range(signed(1), range(1, 2)),
			DispatchError::BadOrigin
		);
		assert_noop!(Clearances::set_penalty_range(ROOT(), range(0, 2)), E::BadPenaltyRange);
		assert_noop!(Clearances::set_penalty_range(ROOT(), range(3, 2)), E::BadPenaltyRange);
	});
}

#[test]
fn an_applicant_appeals_a_rejection_and_the_appellate_officer_sets_it_aside() {
	run(|| {
		let case = rejected();
		let app = Cases::<Test>::get(case).unwrap().application;
		assert_eq!(Applications::<Test>::get(app).unwrap().status, ApplicationStatus::Decided);
		let a = appeal(case);
		assert!(events().contains(&Event::AppealFiled {
			appeal: a,
			case,
			level: AppealLevel::First,
			by: AGENT,
			due: 11
		}));
		assert_eq!(CaseAppeals::<Test>::get(case).into_inner(), vec![a]);
		run_to(4);
		assert_ok!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside));
		assert!(events().contains(&Event::AppealDecided {
			appeal: a,
			case,
			outcome: AppealOutcome::SetAside,
			by: LAND_APPELLATE
		}));
		assert_eq!(
			last_event(),
			RuntimeEvent::Clearances(Event::CaseReopened { case, appeal: a, due: 34 })
		);
		let c = Cases::<Test>::get(case).unwrap();
		assert_eq!((c.state, c.officer, c.decision), (CaseState::Submitted, None, None));
		let d = Appeals::<Test>::get(a).unwrap();
		assert_eq!(
			(d.status, d.closed_at, d.decision.unwrap().in_time),
			(AppealStatus::Decided, Some(4), true)
		);
		// Live again everywhere: its application, its parcel, the work queue.
		let application = Applications::<Test>::get(app).unwrap();
		assert_eq!((application.open_cases, application.status), (1, ApplicationStatus::Open));
		assert_eq!(CaseOfParcel::<Test>::get(PARCEL, tc(LUC)), Some(case));
		assert!(LiveCasesOf::<Test>::get(PARCEL).contains(&case));
		let trail = actions(Subject::Case(case));
		assert_eq!(
			trail[trail.len() - 3..],
			[Action::AppealFiled, Action::AppealDecided, Action::CaseReopened]
		);
		// The department decides afresh; its fresh clock escalates on silence.
		run_to(34);
		assert_eq!(state(case), CaseState::Escalated);
		assert_ok!(Clearances::approve(signed(LAND_HEAD), case, H256::zero()));
		assert_eq!(Applications::<Test>::get(app).unwrap().status, ApplicationStatus::Decided);
	});
}

#[test]
fn an_escalated_case_is_ordered_decided_within_a_limit() {
	run(|| {
		let case = escalated();
		let a = appeal(case);
		assert_ok!(decide(LAND_APPELLATE, a, AppealOutcome::DecisionOrdered { within: 5 }));
		assert_eq!(
			last_event(),
			RuntimeEvent::Clearances(Event::CaseReopened { case, appeal: a, due: 36 })
		);
		assert_eq!(state(case), CaseState::Submitted);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		assert_ok!(Clearances::approve(signed(LAND_APPROVER), case, H256::zero()));
		assert!(Cases::<Test>::get(case).unwrap().decision.unwrap().in_time);
	});
}

#[test]
fn an_upheld_appeal_leaves_the_case_and_a_deemed_approval_is_appealable_for_delay() {
	run(|| {
		with_terms(&[TRADE]);
		let case = case_of(submit(&[TRADE], &[PARCEL]), TRADE);
		run_to(8);
		assert_eq!(state(case), CaseState::DeemedApproved);
		let a = appeal(case);
		assert_eq!(
			decide(IND_APPELLATE, a, AppealOutcome::SetAside),
			Err(E::InvalidOutcome.into())
		);
		assert_ok!(decide(IND_APPELLATE, a, AppealOutcome::Upheld));
		assert_eq!(state(case), CaseState::DeemedApproved);
		assert!(!events().iter().any(|e| matches!(e, Event::CaseReopened { .. })));
	});
}

#[test]
fn an_appeal_times_out_and_goes_to_the_reviewing_officer_who_may_fine_the_officer() {
	run(|| {
		let case = rejected();
		let a = appeal(case);
		run_to(10);
		assert_eq!(Appeals::<Test>::get(a).unwrap().status, AppealStatus::Pending);
		run_to(11);
		assert!(events().contains(&Event::AppealTimedOut { appeal: a, case }));
		assert_eq!(Appeals::<Test>::get(a).unwrap().closed_at, Some(11));
		assert_eq!(actions(Subject::Case(case)).last(), Some(&Action::AppealTimedOut));
		// Too late for the Appellate Officer.
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::Upheld), E::AppealClosed);
		let s = NextAppealId::<Test>::get();
		assert_ok!(Clearances::file_second_appeal(signed(OWNER), case, H256::repeat_byte(2)));
		assert_eq!(Appeals::<Test>::get(s).unwrap().level, AppealLevel::Second);
		assert_noop!(decide(LAND_APPELLATE, s, AppealOutcome::Upheld), E::NotAuthorized);
		assert_ok!(Clearances::record_penalty(signed(LAND_REVIEWER), s, LAND_CLERK, 500));
		assert_eq!(
			last_event(),
			RuntimeEvent::Clearances(Event::PenaltyRecorded {
				appeal: s,
				case,
				officer: LAND_CLERK,
				amount: 500,
				by: LAND_REVIEWER
			})
		);
		assert_eq!(actions(Subject::Case(case)).last(), Some(&Action::PenaltyRecorded));
		assert_ok!(decide(LAND_REVIEWER, s, AppealOutcome::SetAside));
		assert_eq!(state(case), CaseState::Submitted);
	});
}

#[test]
fn an_appellate_clock_skips_holidays() {
	run(|| {
		let case = rejected();
		assert_ok!(Clearances::add_holiday(ROOT(), 1));
		let a = appeal(case);
		assert!(events().contains(&Event::AppealFiled {
			appeal: a,
			case,
			level: AppealLevel::First,
			by: AGENT,
			due: 21
		}));
		run_to(20);
		assert_eq!(Appeals::<Test>::get(a).unwrap().status, AppealStatus::Pending);
		run_to(21);
		assert_eq!(Appeals::<Test>::get(a).unwrap().status, AppealStatus::TimedOut);
	});
}

#[test]
fn filing_a_first_appeal_is_refused_when_it_cannot_be_heard() {
	run(|| {
		with_terms(&[LUC]);
		let app = submit(&[LUC, TRADE], &[PARCEL]);
		let (luc, trade) = (case_of(app, LUC), case_of(app, TRADE));
		let file = |who, case| Clearances::file_appeal(signed(who), case, H256::zero());
		assert_noop!(file(AGENT, 99), E::UnknownCase);
		assert_noop!(file(OTHER_OWNER, luc), E::NotAuthorized);
		assert_noop!(file(LAND_CLERK, luc), E::NotAuthorized);
		assert_noop!(file(AGENT, trade), E::NoAppealTerms);
		assert_noop!(file(AGENT, luc), E::NotAppealable);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), luc, 7, H256::zero()));
		// Withdrawn (while its trade licence runs): nothing left to appeal.
		assert_ok!(Clearances::withdraw_application(signed(OWNER), app));
		assert_noop!(file(AGENT, luc), E::ApplicationClosed);
	});
	run(|| {
		let case = rejected();
		// The window is 20 blocks from the rejection at 1.
		run_to(21);
		assert_ok!(Clearances::file_appeal(signed(AGENT), case, H256::zero()));
	});
	run(|| {
		let case = rejected();
		run_to(22);
		assert_noop!(
			Clearances::file_appeal(signed(AGENT), case, H256::zero()),
			E::AppealWindowClosed
		);
	});
}

#[test]
fn a_decision_is_appealed_once_at_each_level() {
	run(|| {
		let case = rejected();
		let file = || Clearances::file_appeal(signed(AGENT), case, H256::zero());
		let second = || Clearances::file_second_appeal(signed(AGENT), case, H256::zero());
		assert_noop!(second(), E::NoFirstAppeal);
		let a = appeal(case);
		assert_noop!(file(), E::AppealPending);
		assert_noop!(second(), E::AppealPending);
		assert_ok!(decide(LAND_APPELLATE, a, AppealOutcome::Upheld));
		assert_noop!(file(), E::AlreadyAppealed);
		// The second window is 20 blocks from the first appeal's decision at 1.
		run_to(22);
		assert_noop!(second(), E::AppealWindowClosed);
	});
}

#[test]
fn a_second_appeal_needs_a_first_that_neither_reopened_the_case_nor_was_appealed() {
	run(|| {
		let case = rejected();
		let a = appeal(case);
		let s = second_appeal(case, a);
		let second = || Clearances::file_second_appeal(signed(AGENT), case, H256::zero());
		assert_ok!(decide(LAND_REVIEWER, s, AppealOutcome::Upheld));
		assert_noop!(second(), E::AlreadyAppealed);
	});
	run(|| {
		let case = rejected();
		let a = appeal(case);
		assert_ok!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside));
		assert_noop!(
			Clearances::file_second_appeal(signed(AGENT), case, H256::zero()),
			E::FirstAppealGranted
		);
		// Rejected again after reopening: a new decision, open to a first appeal.
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		run_to(3);
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), case, 7, H256::zero()));
		appeal(case);
	});
}

#[test]
fn an_appeal_needs_room_on_its_case_and_in_the_deadline_queue() {
	run(|| {
		let case = rejected();
		CaseAppeals::<Test>::insert(case, BoundedVec::truncate_from(vec![90; 8]));
		assert_noop!(Clearances::file_appeal(signed(AGENT), case, H256::zero()), E::TooManyAppeals);
		CaseAppeals::<Test>::remove(case);
		fill_deadlines(11);
		assert_noop!(
			Clearances::file_appeal(signed(AGENT), case, H256::zero()),
			E::DeadlineQueueFull
		);
		let _ = Deadlines::<Test>::clear(u32::MAX, None);
	});
}

#[test]
fn only_an_uninvolved_appellate_authority_of_the_department_decides() {
	run(|| {
		let case = rejected();
		let a = appeal(case);
		let upheld = AppealOutcome::Upheld;
		assert_noop!(decide(LAND_APPELLATE, 99, upheld), E::UnknownAppeal);
		assert_noop!(decide(LAND_HEAD, a, upheld), E::NotAuthorized);
		assert_noop!(decide(LAND_CLERK, a, upheld), E::NotAuthorized);
		assert_noop!(decide(LAND_REVIEWER, a, upheld), E::NotAuthorized);
		assert_noop!(decide(IND_APPELLATE, a, upheld), E::NotAuthorized);
		// An Appellate Officer who also approves and decided the case may not hear it.
		clearance_primitives::testing::MockDepartments::add_officer(
			LAND_APPROVER,
			"LAND",
			clearance_primitives::DepartmentKind::Land,
			Role::AppellateOfficer,
		);
		assert_noop!(decide(LAND_APPROVER, a, upheld), E::OwnCase);
		assert_ok!(decide(LAND_APPELLATE, a, upheld));
		assert_noop!(decide(LAND_APPELLATE, a, upheld), E::AppealClosed);
	});
}

#[test]
fn an_outcome_must_fit_the_case() {
	run(|| {
		let case = escalated();
		let a = appeal(case);
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::InvalidOutcome);
		let none = AppealOutcome::DecisionOrdered { within: 0 };
		assert_noop!(decide(LAND_APPELLATE, a, none), E::InvalidOutcome);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let five = AppealOutcome::DecisionOrdered { within: 5 };
		assert_noop!(decide(LAND_APPELLATE, a, five), E::Suspended);
	});
	run(|| {
		let case = rejected();
		let a = appeal(case);
		let five = AppealOutcome::DecisionOrdered { within: 5 };
		assert_noop!(decide(LAND_APPELLATE, a, five), E::InvalidOutcome);
	});
}

#[test]
fn a_set_aside_is_refused_when_the_case_cannot_go_back() {
	// Frozen parcel; a later application holds the (parcel, type); room on the parcel; the
	// deadline queue.
	run(|| {
		let case = rejected();
		let a = appeal(case);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::ParcelFrozen);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let again = case_of(submit(&[LUC], &[PARCEL]), LUC);
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::AlreadyApplied);
		approve_case(again, LAND_CLERK, LAND_APPROVER);
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::AlreadyApproved);
	});
	run(|| {
		let case = rejected();
		let a = appeal(case);
		LiveCasesOf::<Test>::insert(PARCEL, BoundedVec::truncate_from(vec![90; 32]));
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::TooManyCases);
		LiveCasesOf::<Test>::remove(PARCEL);
		// Reopened at 1 with 30 blocks: due at 31.
		fill_deadlines(31);
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::DeadlineQueueFull);
		let _ = Deadlines::<Test>::clear(u32::MAX, None);
		assert_ok!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside));
	});
}

#[test]
fn a_set_aside_needs_the_type_its_prerequisites_and_an_open_application() {
	run(|| {
		with_terms(&[LUC, BP, TRADE]);
		// The building plan is rejected, then the land-use conversion it needs is revoked.
		let app = submit(&[LUC, BP], &[PARCEL]);
		let cert = approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		let bp = case_of(app, BP);
		assert_ok!(Clearances::take_case(signed(IND_CLERK), bp));
		assert_ok!(Clearances::reject(signed(IND_APPROVER), bp, 7, H256::zero()));
		let a = appeal(bp);
		assert_ok!(Clearances::revoke_certificate(signed(LAND_APPROVER), cert, 1, H256::zero()));
		assert_noop!(decide(IND_APPELLATE, a, AppealOutcome::SetAside), E::MissingPrerequisite);
		// A type gone from the catalogue.
		let trade = case_of(submit(&[TRADE], &[PARCEL2]), TRADE);
		assert_ok!(Clearances::take_case(signed(IND_CLERK), trade));
		assert_ok!(Clearances::reject(signed(IND_APPROVER), trade, 7, H256::zero()));
		let t = appeal(trade);
		assert_ok!(Clearances::remove_clearance_type(ROOT(), tc(TRADE)));
		assert_noop!(decide(IND_APPELLATE, t, AppealOutcome::SetAside), E::UnknownType);
	});
	run(|| {
		with_terms(&[LUC]);
		let app = submit(&[LUC, TRADE], &[PARCEL]);
		let luc = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), luc, 7, H256::zero()));
		let a = appeal(luc);
		assert_ok!(Clearances::withdraw_application(signed(OWNER), app));
		assert_noop!(decide(LAND_APPELLATE, a, AppealOutcome::SetAside), E::ApplicationClosed);
	});
}

#[test]
fn penalties_are_refused_outside_the_second_appeal_and_the_council_range() {
	run(|| {
		let case = rejected();
		let a = appeal(case);
		let fine = |who, appeal, officer, amount| {
			Clearances::record_penalty(signed(who), appeal, officer, amount)
		};
		assert_noop!(fine(LAND_REVIEWER, 99, LAND_CLERK, 500), E::UnknownAppeal);
		assert_noop!(fine(LAND_APPELLATE, a, LAND_CLERK, 500), E::NotAuthorized);
		assert_noop!(fine(LAND_HEAD, a, LAND_CLERK, 500), E::NotAuthorized);
		assert_noop!(fine(LAND_REVIEWER, a, LAND_CLERK, 500), E::NotSecondAppeal);
		let s = second_appeal(case, a);
		assert_noop!(fine(LAND_REVIEWER, s, LAND_APPROVER, 500), E::NotCaseOfficer);
		assert_noop!(fine(LAND_REVIEWER, s, LAND_CLERK, 249), E::PenaltyOutOfRange);
		assert_noop!(fine(LAND_REVIEWER, s, LAND_CLERK, 1001), E::PenaltyOutOfRange);
		PenaltyLimits::<Test>::kill();
		assert_noop!(fine(LAND_REVIEWER, s, LAND_CLERK, 500), E::NoPenaltyRange);
		assert_ok!(Clearances::set_penalty_range(ROOT(), PenaltyRange { min: 250, max: 1000 }));
		assert_ok!(fine(LAND_REVIEWER, s, LAND_CLERK, 1000));
		assert_noop!(fine(LAND_REVIEWER, s, LAND_CLERK, 500), E::PenaltyAlreadyRecorded);
	});
}

#[test]
fn a_case_nobody_took_is_the_heads_and_a_reviewer_does_not_fine_themself() {
	run(|| {
		let case = escalated();
		let a = appeal(case);
		let s = second_appeal(case, a);
		assert_noop!(
			Clearances::record_penalty(signed(LAND_REVIEWER), s, LAND_CLERK, 500),
			E::NotCaseOfficer
		);
		assert_ok!(Clearances::record_penalty(signed(LAND_REVIEWER), s, LAND_HEAD, 250));
	});
	run(|| {
		with_terms(&[LUC]);
		clearance_primitives::testing::MockDepartments::add_officer(
			LAND_REVIEWER,
			"LAND",
			clearance_primitives::DepartmentKind::Land,
			Role::ScrutinyOfficer,
		);
		let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
		assert_ok!(Clearances::take_case(signed(LAND_REVIEWER), case));
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), case, 7, H256::zero()));
		let a = appeal(case);
		let s = second_appeal(case, a);
		assert_noop!(
			Clearances::record_penalty(signed(LAND_REVIEWER), s, LAND_REVIEWER, 500),
			E::OwnCase
		);
	});
}

#[test]
fn an_appeal_time_out_that_cannot_be_recorded_is_tried_again() {
	run(|| {
		let case = rejected();
		let a = appeal(case);
		let head = fill_trail(Subject::Case(case));
		run_to(11);
		assert_eq!(Appeals::<Test>::get(a).unwrap().status, AppealStatus::Pending);
		assert!(events().contains(&Event::AppealDeadlineFailed {
			appeal: a,
			error: pallet_audit::Error::<Test>::TrailFull.into(),
			at: Some(12)
		}));
		restore_trail(Subject::Case(case), head);
		run_to(12);
		assert_eq!(Appeals::<Test>::get(a).unwrap().status, AppealStatus::TimedOut);
	});
}

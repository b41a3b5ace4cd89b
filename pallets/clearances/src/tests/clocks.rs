//! Statutory clocks: deemed approval, escalation, lapse, and the deadline queue's bounds.

use super::*;

#[test]
fn silence_means_deemed_approval_where_the_type_allows_it() {
	run(|| {
		let app = submit(&[TRADE], &[PARCEL]);
		let case = case_of(app, TRADE);
		run_to(7);
		assert_eq!(state(case), CaseState::Submitted);
		run_to(8);
		assert_eq!(state(case), CaseState::DeemedApproved);
		let d = Cases::<Test>::get(case).unwrap().decision.unwrap();
		assert_eq!((d.by, d.in_time), (None, false));
		let cert = d.certificate.unwrap();
		assert!(events().contains(&Event::CaseDeemedApproved { case, certificate: cert }));
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Case(case));
		assert_eq!(entries.last().unwrap().authority, Authority::Statute);
		assert_eq!(Applications::<Test>::get(app).unwrap().status, ApplicationStatus::Decided);
	});
}

#[test]
fn silence_escalates_to_the_head_otherwise() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		run_to(31);
		assert_eq!(state(case), CaseState::Escalated);
		assert!(events().contains(&Event::CaseEscalated { case }));
		// Only the head decides now, and the decision is late.
		assert_noop!(
			Clearances::approve(signed(LAND_APPROVER), case, H256::zero()),
			E::NotAuthorized
		);
		assert_ok!(Clearances::approve(signed(LAND_HEAD), case, H256::zero()));
		assert!(!Cases::<Test>::get(case).unwrap().decision.unwrap().in_time);
	});
}

#[test]
fn an_unanswered_query_lapses_the_case() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()));
		// The department deadline (31) passes while the applicant holds the case.
		run_to(20);
		assert_eq!(state(case), CaseState::QueryRaised);
		run_to(21);
		assert_eq!(state(case), CaseState::Lapsed);
		assert!(events().contains(&Event::CaseLapsed { case }));
		run_to(40);
		assert_eq!(state(case), CaseState::Lapsed);
	});
}

#[test]
fn a_full_deadline_queue_refuses_new_cases() {
	run(|| {
		// Every block from the trade licence's due block on, the whole window, is full.
		fill_deadlines(8);
		assert_noop!(
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(&[PARCEL]),
				types_of(&[TRADE]),
				no_docs()
			),
			E::DeadlineQueueFull
		);
		let _ = Deadlines::<Test>::clear(u32::MAX, None);
	});
}

#[test]
fn deadlines_beyond_the_per_block_budget_carry_over_and_none_is_skipped() {
	run(|| {
		// Ten trade licences due in the same block; the mock processes 4 a block.
		let mut cases = vec![];
		for i in 0..10u8 {
			let parcel = *b"WB19KOL00100AA";
			let mut p = parcel;
			p[13] = b'A' + i;
			register_parcel(p);
			let app = submit(&[TRADE], &[p]);
			cases.push(case_of(app, TRADE));
		}
		run_to(8);
		let deemed =
			|cs: &[CaseId]| cs.iter().filter(|c| state(**c) == CaseState::DeemedApproved).count();
		assert_eq!(deemed(&cases), 4);
		run_to(9);
		assert_eq!(deemed(&cases), 8);
		run_to(10);
		assert_eq!(deemed(&cases), 10);
		assert!(Deadlines::<Test>::iter().all(|(_, q)| q.is_empty()));
		assert_eq!(DeadlineCursor::<Test>::get(), 11);
	});
}

#[test]
fn a_deemed_approval_that_fails_goes_to_the_head() {
	run(|| {
		let app = submit(&[TRADE], &[PARCEL]);
		let case = case_of(app, TRADE);
		// The parcel has no room for another certificate when the licence falls due.
		CertificatesOf::<Test>::mutate(PARCEL, |l| while l.try_push(999).is_ok() {});
		run_to(8);
		assert_eq!(state(case), CaseState::Escalated);
		let error = E::TooManyCertificates.into();
		assert!(events().contains(&Event::DeadlineFailed {
			case,
			kind: Deadline::Department,
			error
		}));
		assert!(events().contains(&Event::CaseEscalated { case }));
		assert_eq!(NextCertificateId::<Test>::get(), 0, "the failed approval changed nothing");
		let trail = actions(Subject::Case(case));
		assert_eq!(trail[trail.len() - 2..], [Action::DeadlineFailed, Action::CaseEscalated]);
		// The head sees it in the work queue and decides it.
		let queue = Clearances::work_queue(&code("IND"), &[CaseState::Escalated], None, 10, None);
		assert_eq!(queue.items[0].id, case);
		CertificatesOf::<Test>::remove(PARCEL);
		assert_ok!(Clearances::approve(signed(IND_HEAD), case, H256::zero()));
		assert_eq!(state(case), CaseState::Approved);
	});
}

#[test]
fn a_deemed_approval_whose_waiting_case_finds_no_deadline_goes_to_the_head() {
	run(|| {
		// The building plan opens at 1 (due 22); the fire NOC waits for it.
		let app = submit(&[LUC, BP, FIRE_NOC], &[PARCEL]);
		approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		let (bp, noc) = (case_of(app, BP), case_of(app, FIRE_NOC));
		assert_eq!(Cases::<Test>::get(bp).unwrap().clock.due(&Clearances::calendar()), Some(22));
		// At 22 the NOC would be due at 37: the whole window from there is full.
		fill_deadlines(37);
		run_to(22);
		assert!(events().contains(&Event::DeadlineFailed {
			case: bp,
			kind: Deadline::Department,
			error: E::DeadlineQueueFull.into()
		}));
		assert_eq!((state(bp), state(noc)), (CaseState::Escalated, CaseState::Waiting));
		let _ = Deadlines::<Test>::clear(u32::MAX, None);
		assert_ok!(Clearances::approve(signed(IND_HEAD), bp, H256::zero()));
		assert_eq!(state(noc), CaseState::Submitted);
	});
}

#[test]
fn a_deadline_whose_fallback_fails_too_is_tried_again() {
	run(|| {
		let app = submit(&[TRADE], &[PARCEL]);
		let case = case_of(app, TRADE);
		// Nothing can be recorded on the case: neither the approval nor the escalation.
		let head = fill_trail(Subject::Case(case));
		run_to(8);
		assert_eq!(state(case), CaseState::Submitted);
		let error = pallet_audit::Error::<Test>::TrailFull.into();
		assert!(events().contains(&Event::DeadlineFailed {
			case,
			kind: Deadline::Department,
			error
		}));
		assert!(events().contains(&Event::DeadlineRescheduled {
			case,
			kind: Deadline::Department,
			at: 9
		}));
		assert!(Deadlines::<Test>::get(9).contains(&(case, Deadline::Department)));
		// Tried again at 9, now that it can be recorded.
		restore_trail(Subject::Case(case), head);
		run_to(9);
		assert_eq!(state(case), CaseState::DeemedApproved);
	});
}

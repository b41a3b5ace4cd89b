//! Court freezes: clocks stop and certificates are suspended until the freeze is lifted.

use super::*;

#[test]
fn a_freeze_stops_clocks_and_suspends_certificates_until_lifted() {
	run(|| {
		let first = submit(&[TRADE], &[PARCEL]);
		run_to(8);
		let cert = Cases::<Test>::get(case_of(first, TRADE))
			.unwrap()
			.decision
			.unwrap()
			.certificate
			.unwrap();
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		// Due at 39. Frozen at 10 with 29 blocks left.
		run_to(10);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert!(events().contains(&Event::CaseSuspended { case }));
		assert!(events().contains(&Event::CertificateSuspended { certificate: cert }));
		assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Suspended));
		let frozen_at = <BlockTime as frame_support::traits::UnixTime>::now().as_millis() as u64;
		run_to(60);
		assert_eq!(state(case), CaseState::Submitted, "no deadline runs while frozen");
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert!(events().contains(&Event::CaseResumed { case }));
		// Opened at 8 with 30 blocks, frozen at 10 with 28 left: due 28 blocks after 60.
		assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(&Clearances::calendar()), Some(88));
		assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Valid));
		// The status at a past moment replays the trail.
		assert_eq!(
			Clearances::certificate_status(cert, Some(frozen_at + 1)),
			Some(CertificateStatus::Suspended)
		);
		assert_eq!(
			Clearances::certificate_status(cert, Some(frozen_at - 1)),
			Some(CertificateStatus::Valid)
		);
		assert_eq!(
			Clearances::certificate_status(cert, Some(0)),
			Some(CertificateStatus::NotYetIssued)
		);
		run_to(87);
		assert_eq!(state(case), CaseState::Submitted);
		run_to(88);
		assert_eq!(state(case), CaseState::Escalated);
	});
}

#[test]
fn a_case_whose_clock_cannot_run_again_goes_to_the_head() {
	run(|| {
		let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
		// Due at 31; frozen at 10 with 21 left; lifted at 20, it would be due at 41.
		run_to(10);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		run_to(20);
		fill_deadlines(41);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let error: DispatchError = E::DeadlineQueueFull.into();
		assert!(events().contains(&Event::ResumptionFailed {
			parcel: PARCEL,
			subject: Subject::Case(case),
			error
		}));
		assert!(events().contains(&Event::DeadlineFailed {
			case,
			kind: Deadline::Department,
			error
		}));
		assert!(events().contains(&Event::CaseEscalated { case }));
		// Not left suspended: the head decides it.
		let c = Cases::<Test>::get(case).unwrap();
		assert_eq!((c.state, c.suspensions), (CaseState::Escalated, 0));
		let trail = actions(Subject::Case(case));
		assert_eq!(trail[trail.len() - 2..], [Action::DeadlineFailed, Action::CaseEscalated]);
		assert_eq!(Clearances::dashboard(&code("LAND")).stats.suspended, 0);
		let _ = Deadlines::<Test>::clear(u32::MAX, None);
		assert_ok!(Clearances::approve(signed(LAND_HEAD), case, H256::zero()));
	});
}

#[test]
fn a_step_that_fails_is_recorded_and_changes_nothing() {
	run(|| {
		let trade = case_of(submit(&[TRADE], &[PARCEL]), TRADE);
		let cert = approve_case(trade, IND_CLERK, IND_APPROVER);
		let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
		assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(&Clearances::calendar()), Some(31));
		// Nothing can be recorded on the case nor on the certificate: neither is suspended.
		let case_head = fill_trail(Subject::Case(case));
		let cert_head = fill_trail(Subject::Certificate(cert));
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let error: DispatchError = pallet_audit::Error::<Test>::TrailFull.into();
		for subject in [Subject::Case(case), Subject::Certificate(cert)] {
			let failed = Event::SuspensionFailed { parcel: PARCEL, subject, error };
			assert!(events().contains(&failed));
		}
		assert_eq!(Cases::<Test>::get(case).unwrap().suspensions, 0);
		assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Valid));
		restore_trail(Subject::Case(case), case_head);
		restore_trail(Subject::Certificate(cert), cert_head);
		// Lifting the freeze leaves the case's running clock alone.
		run_to(5);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert!(!events().contains(&Event::CaseResumed { case }));
		assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(&Clearances::calendar()), Some(31));
		let queued =
			Deadlines::<Test>::iter().filter(|(_, q)| q.contains(&(case, Deadline::Department)));
		assert_eq!(queued.count(), 1, "one deadline, the original");
	});
}

#[test]
fn a_case_that_cannot_be_resumed_at_all_is_recorded_and_left_whole() {
	run(|| {
		let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let head = fill_trail(Subject::Case(case));
		run_to(5);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		let error: DispatchError = pallet_audit::Error::<Test>::TrailFull.into();
		assert!(events().contains(&Event::ResumptionFailed {
			parcel: PARCEL,
			subject: Subject::Case(case),
			error
		}));
		// Neither resumed nor half-resumed: no new deadline was left in the queue.
		assert_eq!(Cases::<Test>::get(case).unwrap().suspensions, 1);
		let queued =
			Deadlines::<Test>::iter().filter(|(_, q)| q.contains(&(case, Deadline::Department)));
		assert_eq!(queued.count(), 1, "only the deadline from before the freeze");
		restore_trail(Subject::Case(case), head);
	});
}

//! The read side served by the runtime API: views with clocks, the work queue, the dashboard
//! counters, application pages and certificate views.

use super::*;

/// Extra parcels for tests that need more than three.
fn parcel(n: u8) -> Ulpin {
	let mut p = *b"WB19NEW0000000";
	p[13] = b'0' + n;
	p
}

fn ids<A, B>(page: &Page<CaseView<A, B>, (u32, CaseId)>) -> Vec<CaseId> {
	page.items.iter().map(|v| v.id).collect()
}

#[test]
fn the_work_queue_lists_cases_by_due_block_in_pages() {
	run(|| {
		let ind = code("IND");
		let mut cases = Vec::new();
		for n in 0..5u8 {
			register_parcel(parcel(n));
			run_to(1 + n as u64);
			cases.push(case_of(submit(&[TRADE], &[parcel(n)]), TRADE));
		}
		// Submitted at blocks 1..=5 with a 7-block limit: due 8..=12.
		let first = Clearances::work_queue(&ind, &[CaseState::Submitted], None, 2, None);
		assert_eq!(ids(&first), cases[..2]);
		assert_eq!(first.items[0].due, Some(8));
		let cursor = first.next.expect("more pages");
		assert_eq!(cursor, (9, cases[1]));
		let second = Clearances::work_queue(&ind, &[CaseState::Submitted], Some(cursor), 2, None);
		assert_eq!(ids(&second), cases[2..4]);
		let third = Clearances::work_queue(&ind, &[CaseState::Submitted], second.next, 2, None);
		assert_eq!(ids(&third), cases[4..]);
		assert_eq!(third.next, None);

		// Taking a case moves it to the scrutiny queue; the merged queue keeps due order.
		assert_ok!(Clearances::take_case(signed(IND_CLERK), cases[1]));
		let submitted = Clearances::work_queue(&ind, &[CaseState::Submitted], None, 10, None);
		assert!(!ids(&submitted).contains(&cases[1]));
		let scrutiny = Clearances::work_queue(&ind, &[CaseState::UnderScrutiny], None, 10, None);
		assert_eq!(ids(&scrutiny), vec![cases[1]]);
		let all = Clearances::work_queue(&ind, &QUEUED_STATES, None, 10, None);
		assert_eq!(ids(&all), cases);

		// Due by block 9: the two earliest.
		let due = Clearances::work_queue(&ind, &QUEUED_STATES, None, 10, Some(9));
		assert_eq!(ids(&due), cases[..2]);

		// Decided cases leave the queue.
		run_to(8);
		assert_eq!(state(cases[0]), CaseState::DeemedApproved);
		let all = Clearances::work_queue(&ind, &QUEUED_STATES, None, 10, None);
		assert_eq!(ids(&all), cases[1..]);
		// Other departments' queues are their own.
		assert!(Clearances::work_queue(&code("FIRE"), &QUEUED_STATES, None, 10, None)
			.items
			.is_empty());
	});
}

#[test]
fn a_query_moves_the_case_to_the_applicants_clock() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		run_to(5);
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()));
		run_to(9);
		let view = Clearances::application_view(app).expect("application exists");
		assert_eq!((view.now, view.day_length), (9, 10));
		assert_eq!(view.documents.len(), 3);
		let c = &view.cases[0];
		assert_eq!(c.case.state, CaseState::QueryRaised);
		// Four blocks of department time used; the applicant has 20 - 4 left, due at 25.
		assert_eq!((c.department_used, c.department_left), (4, 26));
		assert_eq!((c.response_left, c.due), (Some(16), Some(25)));
		let land = code("LAND");
		let queried = Clearances::work_queue(&land, &[CaseState::QueryRaised], None, 10, None);
		assert_eq!(queried.items[0].id, case);
		assert_eq!(queried.items[0].due, Some(25));

		assert_ok!(Clearances::respond_to_query(signed(OWNER), case, H256::zero(), no_docs()));
		let c = Clearances::case_view(case).unwrap();
		assert_eq!((c.response_left, c.due), (None, Some(9 + 26)));
		assert!(Clearances::application_view(999).is_none());
		assert!(Clearances::case_view(999).is_none());
	});
}

#[test]
fn the_dashboard_counts_states_timeliness_and_median_days() {
	run(|| {
		let land = code("LAND");
		for n in 0..3u8 {
			register_parcel(parcel(n));
		}
		let a = case_of(submit(&[LUC], &[parcel(0)]), LUC);
		let b = case_of(submit(&[LUC], &[parcel(1)]), LUC);
		let c = case_of(submit(&[LUC], &[parcel(2)]), LUC);
		let d = Clearances::dashboard(&land);
		assert_eq!(d.stats.by_state[CaseState::Submitted as usize], 3);
		assert_eq!((d.decided, d.median_days), (0, None));

		// Opened at block 1 (days are 10 blocks): `a` decided on day 0, `b` on day 2, `c`
		// escalates at 31 and the head decides it late on day 4.
		run_to(6);
		approve_case(a, LAND_CLERK, LAND_APPROVER);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), b));
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), c));
		let d = Clearances::dashboard(&land);
		assert_eq!(d.stats.by_state[CaseState::UnderScrutiny as usize], 2);
		assert_eq!(d.stats.by_state[CaseState::Approved as usize], 1);
		run_to(22);
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), b, 7, H256::zero()));
		run_to(41);
		assert_eq!(state(c), CaseState::Escalated);
		assert_eq!(Clearances::dashboard(&land).stats.by_state[CaseState::Escalated as usize], 1);
		assert_ok!(Clearances::approve(signed(LAND_HEAD), c, H256::zero()));

		let d = Clearances::dashboard(&land);
		assert_eq!(d.stats.by_state[CaseState::Approved as usize], 2);
		assert_eq!(d.stats.by_state[CaseState::Rejected as usize], 1);
		assert_eq!(d.stats.by_state[CaseState::Escalated as usize], 0);
		assert_eq!((d.stats.in_time, d.stats.late), (2, 1));
		assert_eq!((d.decided, d.median_days), (3, Some(2)));
		assert_eq!(DecisionDays::<Test>::get(&land, 4), 1);
		// Other departments are untouched.
		assert_eq!(Clearances::dashboard(&code("FIRE")).decided, 0);
	});
}

#[test]
fn suspended_cases_are_counted_and_keep_their_place() {
	run(|| {
		let land = code("LAND");
		let case = case_of(submit(&[LUC], &[PARCEL]), LUC);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_HEAD), PARCEL, H256::zero()));
		assert_eq!(Clearances::dashboard(&land).stats.suspended, 1);
		let v = Clearances::case_view(case).unwrap();
		assert_eq!(v.due, None);
		// Still listed, at the end of its statutory limit.
		let q = Clearances::work_queue(&land, &[CaseState::Submitted], None, 10, None);
		assert_eq!(q.items[0].id, case);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_HEAD), PARCEL, H256::zero()));
		assert_eq!(Clearances::dashboard(&land).stats.suspended, 0);
	});
}

#[test]
fn applications_of_an_enterprise_come_in_pages() {
	run(|| {
		let mut all = Vec::new();
		for n in 0..5u8 {
			register_parcel(parcel(n));
			all.push(submit(&[TRADE], &[parcel(n)]));
		}
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Clearances::applications_page(0, after, 2);
			assert!(page.items.len() <= 2);
			seen.extend(page.items.iter().map(|(id, _)| *id));
			match page.next {
				Some(n) => after = Some(n),
				None => break,
			}
		}
		seen.sort();
		assert_eq!(seen, all);
		assert!(Clearances::applications_page(1, None, 10).items.is_empty());
	});
}

#[test]
fn certificate_views_carry_their_status() {
	run(|| {
		let case = case_of(submit(&[TRADE], &[PARCEL]), TRADE);
		let number = approve_case(case, IND_CLERK, IND_APPROVER);
		let v = Clearances::certificate_view(number, None).unwrap();
		assert_eq!((v.number, v.status), (number, CertificateStatus::Valid));
		assert_eq!(v.certificate.case, case);
		let before = Clearances::certificate_view(number, Some(0)).unwrap();
		assert_eq!(before.status, CertificateStatus::NotYetIssued);
		assert_ok!(Clearances::revoke_certificate(signed(IND_APPROVER), number, 3, H256::zero()));
		assert_eq!(
			Clearances::certificate_view(number, None).unwrap().status,
			CertificateStatus::Revoked
		);
		assert!(Clearances::certificate_view(number + 1, None).is_none());
	});
}

#[test]
fn the_v1_migration_builds_the_indexes_of_an_existing_chain() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let land = code("LAND");
		for n in 0..3u8 {
			register_parcel(parcel(n));
		}
		let a = case_of(submit(&[LUC], &[parcel(0)]), LUC);
		let b = case_of(submit(&[LUC, CTE], &[parcel(1)]), LUC);
		let _c = case_of(submit(&[TRADE], &[parcel(2)]), TRADE);
		run_to(6);
		approve_case(a, LAND_CLERK, LAND_APPROVER);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), b));
		let queue = Clearances::work_queue(&land, &QUEUED_STATES, None, 10, None);
		let dashboard = Clearances::dashboard(&land);
		let env = Clearances::dashboard(&code("ENV"));

		// A chain at version 0 had none of the indexes.
		let _ = WorkQueue::<Test>::clear(u32::MAX, None);
		let _ = Stats::<Test>::clear(u32::MAX, None);
		let _ = DecisionDays::<Test>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Clearances>();
		assert!(Clearances::do_try_state().is_err());

		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Clearances::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(Clearances::work_queue(&land, &QUEUED_STATES, None, 10, None), queue);
		assert_eq!(Clearances::dashboard(&land), dashboard);
		assert_eq!(Clearances::dashboard(&code("ENV")), env);
		// Once at version 1 it does nothing.
		let weight = crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		use frame_support::traits::Get;
		let db = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get();
		assert_eq!(weight, db.reads(1));
	});
}

#[test]
fn a_department_has_live_work_while_cases_or_certificates_may_be_in_force() {
	run(|| {
		let (ind, land) = (code("IND"), code("LAND"));
		assert!(!Clearances::department_has_live_work(&ind));
		// A live case.
		let trade = case_of(submit(&[TRADE], &[PARCEL]), TRADE);
		assert!(Clearances::department_has_live_work(&ind));
		// Decided: its licence, valid a year, is in force.
		let licence = approve_case(trade, IND_CLERK, IND_APPROVER);
		assert!(Clearances::department_has_live_work(&ind));
		// Revoked, its expiry still bounds the answer (the horizon is not lowered)...
		assert_ok!(Clearances::revoke_certificate(signed(IND_APPROVER), licence, 1, H256::zero()));
		assert!(Clearances::department_has_live_work(&ind));
		// ...until it would have expired.
		System::set_block_number(YEAR_MS / BLOCK_MS + 2);
		assert!(!Clearances::department_has_live_work(&ind));
		// A permanent certificate counts until it is revoked.
		let luc = approve_case(case_of(submit(&[LUC], &[PARCEL2]), LUC), LAND_CLERK, LAND_APPROVER);
		assert_eq!(DepartmentCertificates::<Test>::get(&land).permanent, 1);
		assert!(Clearances::department_has_live_work(&land));
		assert_ok!(Clearances::revoke_certificate(signed(LAND_APPROVER), luc, 1, H256::zero()));
		assert!(!Clearances::department_has_live_work(&land));
	});
}

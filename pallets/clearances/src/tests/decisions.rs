//! Decisions: approval with its certificate and land-use conversion, rejection with the cases
//! waiting for it, and their refusals.

use super::*;

#[test]
fn approval_issues_a_certificate_converts_land_and_opens_waiting_cases() {
	run(|| {
		let app = submit(&[LUC, CTE, BP], &[PARCEL]);
		let luc = case_of(app, LUC);
		let cert = approve_case(luc, LAND_CLERK, LAND_APPROVER);
		assert!(events().contains(&Event::CaseApproved {
			case: luc,
			by: LAND_APPROVER,
			certificate: cert
		}));
		assert!(events().contains(&Event::CertificateIssued {
			certificate: cert,
			case: luc,
			expires_at: None
		}));
		let c = Certificates::<Test>::get(cert).unwrap();
		assert_eq!(
			(c.enterprise, c.parcels.to_vec(), c.conditions),
			(0, vec![PARCEL], H256::repeat_byte(3))
		);
		assert_eq!(
			pallet_land_parcels::Parcels::<Test>::get(PARCEL).unwrap().land_use,
			LandUse::Industrial
		);
		assert_eq!(state(case_of(app, CTE)), CaseState::Submitted);
		assert_eq!(state(case_of(app, BP)), CaseState::Submitted);
		let d = Cases::<Test>::get(luc).unwrap().decision.unwrap();
		assert_eq!((d.by, d.in_time), (Some(LAND_APPROVER), true));
		assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Valid));
		// The approval is recorded on the case, the certificate and the parcel.
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Case(luc));
		assert_eq!(entries.last().unwrap().action, Action::CaseApproved);
		let (parcel_trail, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
		assert_eq!(
			parcel_trail.last().unwrap().authority,
			Authority::Officer {
				department: code("LAND"),
				role: clearance_primitives::Role::ApprovingAuthority
			}
		);
		assert_eq!(Applications::<Test>::get(app).unwrap().open_cases, 2);
	});
}

#[test]
fn rejection_also_rejects_cases_waiting_for_it() {
	run(|| {
		let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
		let luc = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), luc, 7, H256::repeat_byte(8)));
		assert!(events().contains(&Event::CaseRejected {
			case: luc,
			by: Some(LAND_APPROVER),
			reason: 7
		}));
		let cte = case_of(app, CTE);
		assert_eq!(state(cte), CaseState::Rejected);
		assert_eq!(
			Cases::<Test>::get(cte).unwrap().decision.unwrap().reason,
			Some(REASON_PREREQUISITE_REFUSED)
		);
		assert_eq!(state(case_of(app, TRADE)), CaseState::Submitted);
		assert_eq!(Applications::<Test>::get(app).unwrap().open_cases, 1);
		// The parcel and type are free for a new application.
		submit(&[LUC], &[PARCEL]);
	});
}

#[test]
fn decision_refusals() {
	run(|| {
		let app = submit(&[LUC, CTE], &[PARCEL]);
		let luc = case_of(app, LUC);
		assert_noop!(
			Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
			E::InvalidState
		);
		assert_noop!(Clearances::approve(signed(LAND_APPROVER), 99, H256::zero()), E::UnknownCase);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_noop!(Clearances::approve(signed(LAND_CLERK), luc, H256::zero()), E::NotAuthorized);
		assert_noop!(
			Clearances::approve(signed(ENV_APPROVER), luc, H256::zero()),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::reject(signed(LAND_CLERK), luc, 1, H256::zero()),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::approve(signed(ENV_APPROVER), case_of(app, CTE), H256::zero()),
			E::InvalidState
		);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_noop!(Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()), E::Suspended);
		assert_noop!(Clearances::reject(signed(LAND_APPROVER), luc, 1, H256::zero()), E::Suspended);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		// A full certificate list on the parcel.
		CertificatesOf::<Test>::mutate(PARCEL, |l| while l.try_push(999).is_ok() {});
		assert_noop!(
			Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
			E::TooManyCertificates
		);
		CertificatesOf::<Test>::remove(PARCEL);
		NextCertificateId::<Test>::put(u32::MAX);
		assert_noop!(
			Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
			E::IdsExhausted
		);
		NextCertificateId::<Test>::put(0);
	});
}

#[test]
fn a_case_reachable_by_two_refused_prerequisites_is_refused_once() {
	run(|| {
		// A factory licence needs both the conversion and the building plan, which itself
		// needs the conversion: refusing the conversion reaches it twice.
		let mut factory = ClearanceTypes::<Test>::get(tc(TRADE)).unwrap();
		factory.prerequisites = BoundedVec::truncate_from(vec![tc(LUC), tc(BP)]);
		assert_ok!(Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FACTORY"), factory));
		let app = submit(&[LUC, BP, "FACTORY", TRADE], &[PARCEL]);
		let (luc, bp, fac) = (case_of(app, LUC), case_of(app, BP), case_of(app, "FACTORY"));
		assert_eq!((state(bp), state(fac)), (CaseState::Waiting, CaseState::Waiting));
		System::reset_events();
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::reject(signed(LAND_APPROVER), luc, 7, H256::zero()));
		for case in [bp, fac] {
			assert_eq!(state(case), CaseState::Rejected);
			let refusals = events()
				.iter()
				.filter(|e| matches!(e, Event::CaseRejected { case: c, .. } if *c == case))
				.count();
			assert_eq!(refusals, 1, "case {case} refused once");
			let (trail, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Case(case));
			let entries = trail.iter().filter(|e| e.action == Action::CaseRejected).count();
			assert_eq!(entries, 1, "case {case} has one refusal on its trail");
		}
		assert!(events().contains(&Event::CaseRejected {
			case: fac,
			by: None,
			reason: REASON_PREREQUISITE_REFUSED
		}));
		// The trade licence is still live: the application stays open.
		let a = Applications::<Test>::get(app).unwrap();
		assert_eq!((a.open_cases, a.status), (1, ApplicationStatus::Open));
		assert_eq!(state(case_of(app, TRADE)), CaseState::Submitted);
	});
}

#[test]
fn a_revoked_prerequisite_no_longer_counts() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let luc = approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		let cte = || {
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(&[PARCEL]),
				types_of(&[CTE]),
				bounded(&[anchor("PROJECT_REPORT")]),
			)
		};
		// While the conversion is in force it meets the consent's prerequisite.
		assert_ok!(cte());
		assert!(events().contains(&Event::CaseOpened { case: 1, application: 1, due: 31 }));
		assert_ok!(Clearances::withdraw_application(signed(OWNER), 1));
		// Revoked, it meets nothing.
		assert_ok!(Clearances::revoke_certificate(signed(LAND_APPROVER), luc, 9, H256::zero()));
		assert_noop!(cte(), E::MissingPrerequisite);
		assert!(!Clearances::approved_for(&PARCEL, &tc(LUC)));
	});
}

#[test]
fn a_suspended_or_expired_prerequisite_no_longer_counts() {
	run(|| {
		// A building plan (valid three years) on two parcels meets the fire NOC's prerequisite.
		let app = submit(&[LUC, BP], &[PARCEL, PARCEL2]);
		approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		approve_case(case_of(app, BP), IND_CLERK, IND_APPROVER);
		let noc = || {
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(&[PARCEL]),
				types_of(&[FIRE_NOC]),
				no_docs(),
			)
		};
		// A freeze of the other parcel suspends the plan: it meets nothing while suspended.
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL2, H256::zero()));
		assert_noop!(noc(), E::MissingPrerequisite);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL2, H256::zero()));
		// Restored, it meets it until it expires.
		System::set_block_number(3 * YEAR_MS / BLOCK_MS - 10);
		assert_ok!(noc());
		assert!(events().contains(&Event::ApplicationSubmitted {
			application: 1,
			enterprise: 0,
			by: OWNER
		}));
		System::set_block_number(3 * YEAR_MS / BLOCK_MS + 2);
		assert_noop!(noc(), E::MissingPrerequisite);
	});
}

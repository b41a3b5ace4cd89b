//! Submission and withdrawal of common applications, and every refusal of a submission.

use super::*;

#[test]
fn one_application_fans_out_into_cases() {
	run(|| {
		let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
		let a = Applications::<Test>::get(app).unwrap();
		assert_eq!(
			(a.enterprise, a.submitted_by, a.open_cases, a.status),
			(0, AGENT, 3, ApplicationStatus::Open)
		);
		// Land-use conversion and trade licence open now; consent to establish waits for
		// the conversion.
		assert_eq!(state(case_of(app, LUC)), CaseState::Submitted);
		assert_eq!(state(case_of(app, TRADE)), CaseState::Submitted);
		assert_eq!(state(case_of(app, CTE)), CaseState::Waiting);
		let ev = events();
		assert!(ev.contains(&Event::ApplicationSubmitted {
			application: app,
			enterprise: 0,
			by: AGENT
		}));
		assert!(ev.contains(&Event::CaseWaiting { case: case_of(app, CTE), application: app }));
		assert!(ev.contains(&Event::CaseOpened {
			case: case_of(app, LUC),
			application: app,
			due: 31
		}));
		// The agent is recorded as acting for the enterprise.
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Application(app));
		assert_eq!(entries[0].authority, Authority::Agent { enterprise: 0, agent: AGENT });
		assert!(ApplicationsOf::<Test>::contains_key(0, app));
	});
}

#[test]
fn refuses_what_can_never_succeed() {
	run(|| {
		let deed = anchor("SALE_DEED");
		let foreign = anchor_as(OTHER_OWNER, "SALE_DEED");
		let sub = |who: u64, parcels: &[Ulpin], types: &[&str], docs: &[H256]| {
			Clearances::submit_application(
				signed(who),
				project(),
				bounded(parcels),
				types_of(types),
				bounded(docs),
			)
		};
		let with_project = |project: Project| {
			Clearances::submit_application(
				signed(OWNER),
				project,
				bounded(&[PARCEL]),
				types_of(&[LUC]),
				bounded(&[deed]),
			)
		};
		assert_noop!(sub(LAND_CLERK, &[PARCEL], &[LUC], &[deed]), E::NotAuthorized);
		assert_noop!(
			with_project(Project { name: BoundedVec::new(), ..project() }),
			E::NoProjectName
		);
		assert_noop!(with_project(Project { sector: BoundedVec::new(), ..project() }), E::NoSector);
		assert_noop!(sub(OWNER, &[], &[LUC], &[deed]), E::NoParcels);
		assert_noop!(sub(OWNER, &[PARCEL], &[], &[deed]), E::NoTypes);
		assert_noop!(sub(OWNER, &[UNKNOWN_PARCEL], &[LUC], &[deed]), E::UnknownParcel);
		assert_noop!(sub(OWNER, &[PARCEL, PARCEL], &[LUC], &[deed]), E::DuplicateParcel);
		assert_noop!(sub(OWNER, &[PARCEL], &["NO_SUCH_TYPE"], &[deed]), E::UnknownType);
		assert_noop!(sub(OWNER, &[PARCEL], &[LUC, LUC], &[deed]), E::DuplicateType);
		assert_noop!(sub(OWNER, &[PARCEL], &[LUC], &[H256::repeat_byte(9)]), E::UnknownDocument);
		// Another enterprise's document is not one the applicant anchored.
		assert_noop!(sub(OWNER, &[PARCEL], &[LUC], &[foreign]), E::UnknownDocument);
		assert_noop!(sub(OWNER, &[PARCEL], &[LUC], &[]), E::MissingDocument);
		assert_noop!(sub(OWNER, &[PARCEL], &[FIRE_NOC], &[]), E::MissingPrerequisite);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL2, H256::zero()));
		assert_noop!(sub(OWNER, &[PARCEL2], &[LUC], &[deed]), E::ParcelFrozen);
		// A live case for the same parcel and type.
		assert_ok!(sub(OWNER, &[PARCEL], &[LUC], &[deed]));
		assert_noop!(sub(OWNER, &[PARCEL], &[LUC], &[deed]), E::AlreadyApplied);
		// The per-parcel bound on live cases.
		LiveCasesOf::<Test>::mutate(OTHER_PARCEL, |l| while l.try_push(999).is_ok() {});
		assert_noop!(sub(OWNER, &[OTHER_PARCEL], &[TRADE], &[]), E::TooManyCases);
		LiveCasesOf::<Test>::remove(OTHER_PARCEL);
		NextApplicationId::<Test>::put(u32::MAX);
		assert_noop!(sub(OWNER, &[OTHER_PARCEL], &[TRADE], &[]), E::IdsExhausted);
		NextApplicationId::<Test>::put(1);
	});
}

/// A parcel held by enterprise 1.
const THEIRS: Ulpin = *b"WB19HWH0000002";
/// A parcel held privately.
const PRIVATE: Ulpin = *b"WB19HWH0000003";

fn submit_trade(who: u64, parcel: Ulpin) -> DispatchResult {
	Clearances::submit_application(
		signed(who),
		project(),
		bounded(&[parcel]),
		types_of(&[TRADE]),
		no_docs(),
	)
}

#[test]
fn an_enterprise_applies_only_for_land_it_holds_or_has_consent_for() {
	run(|| {
		register_parcel_held_by(THEIRS, pallet_land_parcels::Holder::Enterprise(1));
		register_parcel_held_by(PRIVATE, pallet_land_parcels::Holder::Private(H256::zero()));
		// Neither held nor consented: refused, for the owner and the agent alike.
		assert_noop!(submit_trade(OWNER, THEIRS), E::NoHolderConsent);
		assert_noop!(submit_trade(AGENT, PRIVATE), E::NoHolderConsent);
		// One such parcel among others refuses the whole application.
		assert_noop!(
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(&[PARCEL, THEIRS]),
				types_of(&[TRADE]),
				no_docs()
			),
			E::NoHolderConsent
		);
		// The holder applies for its own parcel.
		assert_ok!(submit_trade(OTHER_OWNER, THEIRS));
		assert_eq!(
			last_event(),
			Event::<Test>::CaseOpened { case: 0, application: 0, due: 8 }.into()
		);
		// With the holding enterprise's consent, enterprise 0 may apply too (another type).
		assert_ok!(LandParcels::consent_to_use(signed(OTHER_OWNER), THEIRS, 0));
		assert_ok!(Clearances::submit_application(
			signed(AGENT),
			project(),
			bounded(&[THEIRS]),
			types_of(&[LUC]),
			bounded(&[anchor("SALE_DEED")]),
		));
		assert!(events().contains(&Event::ApplicationSubmitted {
			application: 1,
			enterprise: 0,
			by: AGENT
		}));
		// A private holder's consent, recorded by a Land officer.
		assert_ok!(LandParcels::record_consent(signed(LAND_CLERK), PRIVATE, 0, H256::zero()));
		assert_ok!(submit_trade(OWNER, PRIVATE));
		assert!(events().contains(&Event::ApplicationSubmitted {
			application: 2,
			enterprise: 0,
			by: OWNER
		}));
	});
}

#[test]
fn a_clearance_already_granted_for_a_parcel_is_refused() {
	run(|| {
		let first = submit(&[LUC], &[PARCEL]);
		approve_case(case_of(first, LUC), LAND_CLERK, LAND_APPROVER);
		let deed = anchor("SALE_DEED");
		let again = |parcels: &[Ulpin]| {
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(parcels),
				types_of(&[LUC]),
				bounded(&[deed]),
			)
		};
		assert_noop!(again(&[PARCEL]), E::AlreadyApproved);
		assert_noop!(again(&[PARCEL2, PARCEL]), E::AlreadyApproved);
		// A suspended certificate still holds the clearance.
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		// The same type on another parcel is still open.
		assert_ok!(again(&[PARCEL2]));
	});
}

#[test]
fn a_revoked_clearance_frees_the_parcel_for_its_holder() {
	run(|| {
		// Enterprise 1 applies on enterprise 0's parcel with its consent and is granted.
		assert_ok!(LandParcels::consent_to_use(signed(OWNER), PARCEL, 1));
		assert_ok!(submit_trade(OTHER_OWNER, PARCEL));
		let theirs = approve_case(0, IND_CLERK, IND_APPROVER);
		assert_noop!(submit_trade(OWNER, PARCEL), E::AlreadyApproved);
		// The certificate is revoked: the holder may apply for the clearance again.
		assert_ok!(Clearances::revoke_certificate(signed(IND_APPROVER), theirs, 1, H256::zero()));
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL, tc(TRADE)), None);
		assert_ok!(submit_trade(OWNER, PARCEL));
		assert_eq!(
			last_event(),
			Event::<Test>::CaseOpened { case: 1, application: 1, due: 8 }.into()
		);
		let ours = approve_case(1, IND_CLERK, IND_APPROVER);
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL, tc(TRADE)), Some(ours));
	});
}

#[test]
fn an_expired_clearance_frees_the_parcel() {
	run(|| {
		let app = submit(&[TRADE], &[PARCEL]);
		let old = approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER);
		assert_noop!(submit_trade(OWNER, PARCEL), E::AlreadyApproved);
		// A year and a block later (3 s blocks) the licence has expired.
		System::set_block_number(YEAR_MS / BLOCK_MS + 2);
		assert_eq!(Clearances::certificate_status(old, None), Some(CertificateStatus::Expired));
		assert_ok!(submit_trade(OWNER, PARCEL));
		let again = NextApplicationId::<Test>::get() - 1;
		assert!(events().contains(&Event::ApplicationSubmitted {
			application: again,
			enterprise: 0,
			by: OWNER
		}));
		let new = approve_case(case_of(again, TRADE), IND_CLERK, IND_APPROVER);
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL, tc(TRADE)), Some(new));
	});
}

#[test]
fn an_approved_prerequisite_from_an_earlier_application_counts() {
	run(|| {
		let first = submit(&[LUC], &[PARCEL]);
		approve_case(case_of(first, LUC), LAND_CLERK, LAND_APPROVER);
		let second = submit(&[BP], &[PARCEL]);
		assert_eq!(state(case_of(second, BP)), CaseState::Submitted);
	});
}

#[test]
fn withdrawal_closes_undecided_cases() {
	run(|| {
		let app = submit(&[LUC, CTE], &[PARCEL]);
		assert_noop!(Clearances::withdraw_application(signed(OTHER_OWNER), app), E::NotAuthorized);
		assert_noop!(Clearances::withdraw_application(signed(LAND_CLERK), app), E::NotAuthorized);
		assert_noop!(Clearances::withdraw_application(signed(OWNER), 77), E::UnknownApplication);
		assert_ok!(Clearances::withdraw_application(signed(OWNER), app));
		assert_eq!(
			last_event(),
			Event::<Test>::ApplicationWithdrawn { application: app, by: OWNER }.into()
		);
		assert_eq!(state(case_of(app, LUC)), CaseState::Withdrawn);
		assert_eq!(state(case_of(app, CTE)), CaseState::Withdrawn);
		assert_eq!(Applications::<Test>::get(app).unwrap().status, ApplicationStatus::Withdrawn);
		assert_noop!(Clearances::withdraw_application(signed(OWNER), app), E::InvalidState);
		// The slot is free again.
		submit(&[LUC], &[PARCEL]);
	});
}

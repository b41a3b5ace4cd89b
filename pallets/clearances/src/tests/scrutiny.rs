//! Scrutiny: taking a case, the one query, the response, and their refusals.

use super::*;

#[test]
fn take_query_respond() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		assert_eq!(last_event(), Event::<Test>::CaseTaken { case, officer: LAND_CLERK }.into());
		run_to(5);
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::repeat_byte(4)));
		assert_eq!(
			last_event(),
			Event::<Test>::QueryRaised { case, officer: LAND_CLERK, respond_by: 25 }.into()
		);
		let c = Cases::<Test>::get(case).unwrap();
		assert_eq!(c.clock.running_since, None, "the department clock stops");
		assert_eq!(c.clock.remaining, 26);
		// The applicant takes 10 blocks; the department keeps its 26.
		run_to(15);
		let more = anchor("AFFIDAVIT");
		assert_ok!(Clearances::respond_to_query(
			signed(AGENT),
			case,
			H256::repeat_byte(5),
			bounded(&[more])
		));
		assert_eq!(last_event(), Event::<Test>::QueryResponded { case, by: AGENT }.into());
		assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(&Clearances::calendar()), Some(41));
		assert!(Applications::<Test>::get(app).unwrap().documents.contains(&more));
		assert_eq!(state(case), CaseState::Responded);
		// Only one query.
		assert_noop!(
			Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
			E::QueryAlreadyRaised
		);
	});
}

#[test]
fn take_refusals() {
	run(|| {
		let app = submit(&[LUC, CTE], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_noop!(Clearances::take_case(signed(ENV_CLERK), case), E::NotAuthorized);
		assert_noop!(Clearances::take_case(signed(LAND_APPROVER), case), E::NotAuthorized);
		assert_noop!(Clearances::take_case(signed(LAND_CLERK), 99), E::UnknownCase);
		assert_noop!(Clearances::take_case(signed(ENV_CLERK), case_of(app, CTE)), E::InvalidState);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_noop!(Clearances::take_case(signed(LAND_CLERK), case), E::Suspended);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_ok!(Clearances::take_case(signed(LAND_HEAD), case));
		assert_noop!(Clearances::take_case(signed(LAND_CLERK), case), E::InvalidState);
	});
}

#[test]
fn query_refusals() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_noop!(
			Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
			E::NotAuthorized
		);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		clearance_primitives::testing::MockDepartments::add_officer(
			13,
			"LAND",
			clearance_primitives::DepartmentKind::Land,
			clearance_primitives::Role::ScrutinyOfficer,
		);
		assert_noop!(Clearances::raise_query(signed(13), case, H256::zero()), E::NotAuthorized);
		assert_noop!(
			Clearances::raise_query(signed(ENV_CLERK), case, H256::zero()),
			E::NotAuthorized
		);
		// A third of 30 blocks is 10: at block 12 objections are locked.
		run_to(12);
		assert_noop!(
			Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
			E::ObjectionsLocked
		);
	});
}

#[test]
fn response_refusals() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_noop!(
			Clearances::respond_to_query(signed(OWNER), case, H256::zero(), no_docs()),
			E::InvalidState
		);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		assert_ok!(Clearances::raise_query(signed(LAND_HEAD), case, H256::zero()));
		assert_noop!(
			Clearances::respond_to_query(signed(OTHER_OWNER), case, H256::zero(), no_docs()),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::respond_to_query(signed(LAND_CLERK), case, H256::zero(), no_docs()),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::respond_to_query(
				signed(OWNER),
				case,
				H256::zero(),
				bounded(&[H256::repeat_byte(7)])
			),
			E::UnknownDocument
		);
		// Another enterprise's document is not one the applicant anchored.
		let foreign = anchor_as(OTHER_OWNER, "AFFIDAVIT");
		assert_noop!(
			Clearances::respond_to_query(signed(OWNER), case, H256::zero(), bounded(&[foreign])),
			E::UnknownDocument
		);
		// Three attached and fourteen more are more than `MaxDocuments`.
		let extra: Vec<H256> = (0..14).map(|i| anchor(&format!("EXTRA_{i}"))).collect();
		assert_noop!(
			Clearances::respond_to_query(signed(OWNER), case, H256::zero(), bounded(&extra)),
			E::TooManyDocuments
		);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_noop!(
			Clearances::respond_to_query(signed(OWNER), case, H256::zero(), no_docs()),
			E::Suspended
		);
	});
}

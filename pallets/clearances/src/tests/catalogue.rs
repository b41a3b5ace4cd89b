//! The catalogue: the council sets and removes clearance types; malformed types are refused.

use super::*;

fn fire_type() -> ClearanceTypeOf<Test> {
	ClearanceType {
		department: code("FIRE"),
		time_limit: 10,
		response_limit: 10,
		on_silence: OnSilence::DeemedApproval,
		validity_ms: None,
		prerequisites: BoundedVec::new(),
		required_documents: BoundedVec::new(),
		converts_to: None,
	}
}

#[test]
fn the_council_sets_and_removes_types() {
	run(|| {
		assert_ok!(Clearances::set_clearance_type(
			RuntimeOrigin::root(),
			tc("FIRE_AUDIT"),
			fire_type()
		));
		assert_eq!(
			last_event(),
			Event::<Test>::ClearanceTypeSet { clearance: tc("FIRE_AUDIT") }.into()
		);
		assert!(ClearanceTypes::<Test>::contains_key(tc("FIRE_AUDIT")));
		assert_ok!(Clearances::remove_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT")));
		assert_eq!(
			last_event(),
			Event::<Test>::ClearanceTypeRemoved { clearance: tc("FIRE_AUDIT") }.into()
		);
	});
}

#[test]
fn refusals() {
	run(|| {
		assert_noop!(
			Clearances::set_clearance_type(signed(FIRE_HEAD), tc("X_Y"), fire_type()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("fire"), fire_type()),
			E::BadCode
		);
		let mut t = fire_type();
		t.department = code("NOPE");
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
			E::UnknownDepartment
		);
		let mut t = fire_type();
		t.time_limit = 0;
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
			E::ZeroTimeLimit
		);
		let mut t = fire_type();
		t.prerequisites = BoundedVec::truncate_from(vec![tc("UNKNOWN")]);
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
			E::UnknownPrerequisite
		);
		let mut t = fire_type();
		t.prerequisites = BoundedVec::truncate_from(vec![tc("FIRE_AUDIT")]);
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t.clone()),
			E::SelfPrerequisite
		);
		// Even when the type is already in the catalogue.
		assert_ok!(Clearances::set_clearance_type(
			RuntimeOrigin::root(),
			tc("FIRE_AUDIT"),
			fire_type()
		));
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
			E::SelfPrerequisite
		);
		assert_ok!(Clearances::remove_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT")));
		let mut t = fire_type();
		t.required_documents = BoundedVec::truncate_from(vec![b"x".to_vec().try_into().unwrap()]);
		assert_noop!(
			Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
			E::BadCode
		);
		assert_noop!(
			Clearances::remove_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT")),
			E::UnknownType
		);
		assert_noop!(
			Clearances::remove_clearance_type(signed(1), tc(LUC)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_type_in_use_cannot_be_removed() {
	run(|| {
		let remove = |ty: &str| Clearances::remove_clearance_type(RuntimeOrigin::root(), tc(ty));
		// A building plan waits for the land-use conversion; both are undecided.
		let app = submit(&[LUC, BP], &[PARCEL]);
		assert_noop!(remove(LUC), E::TypeInUse);
		assert_noop!(remove(BP), E::TypeInUse);
		assert_eq!(
			TypeUsage::<Test>::get(tc(LUC)),
			Some(TypeUse { live: 1, waiting: 0, waited_on: 1 })
		);
		// The conversion is granted: the building plan opens, nothing waits on the conversion.
		approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		assert_eq!(TypeUsage::<Test>::get(tc(LUC)), None);
		assert_noop!(remove(BP), E::TypeInUse);
		assert_ok!(remove(LUC));
		assert_eq!(last_event(), Event::<Test>::ClearanceTypeRemoved { clearance: tc(LUC) }.into());
		// Decided, the building plan's type can go too; its certificate stays.
		approve_case(case_of(app, BP), IND_CLERK, IND_APPROVER);
		assert_ok!(remove(BP));
		assert_eq!(last_event(), Event::<Test>::ClearanceTypeRemoved { clearance: tc(BP) }.into());
	});
}

#[test]
fn a_type_that_cases_wait_for_cannot_be_removed() {
	run(|| {
		// A waiting case of a type whose prerequisites the council changes waits for the new
		// ones: it is the new prerequisite that cannot be removed.
		let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
		assert_eq!(state(case_of(app, CTE)), CaseState::Waiting);
		let mut cte = ClearanceTypes::<Test>::get(tc(CTE)).unwrap();
		cte.prerequisites = BoundedVec::truncate_from(vec![tc(LUC), tc(TRADE)]);
		assert_ok!(Clearances::set_clearance_type(RuntimeOrigin::root(), tc(CTE), cte));
		assert_eq!(TypeUsage::<Test>::get(tc(TRADE)).map(|u| u.waited_on), Some(1));
		// The trade licence is decided, yet the consent still waits on it (and on LUC).
		approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER);
		assert_eq!(state(case_of(app, CTE)), CaseState::Waiting);
		assert_noop!(
			Clearances::remove_clearance_type(RuntimeOrigin::root(), tc(TRADE)),
			E::TypeInUse
		);
		// Once the consent opens, nothing waits on the trade licence.
		approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		assert_eq!(state(case_of(app, CTE)), CaseState::Submitted);
		assert_ok!(Clearances::remove_clearance_type(RuntimeOrigin::root(), tc(TRADE)));
		assert_eq!(
			last_event(),
			Event::<Test>::ClearanceTypeRemoved { clearance: tc(TRADE) }.into()
		);
	});
}

//! Accounts: nobody sits on both sides of the desk, and no account that once signed is ever
//! reaped (so its old extrinsics can never be replayed).

use super::*;

#[test]
fn an_applicant_never_gets_a_position() {
	ExtBuilder::default().build_and_execute(|| {
		make_applicant(50);
		assert_noop!(
			Departments::grant_role(signed(LAND_HEAD), 50, Role::ApprovingAuthority),
			Error::IsApplicant
		);
		assert_noop!(Departments::change_head(root(), code("LAND"), 50), Error::IsApplicant);
		assert_noop!(add("FIRE", 50), Error::IsApplicant);
	});
}

#[test]
fn a_revoked_officer_keeps_its_account_and_nonce() {
	ExtBuilder::default().build_and_execute(|| {
		// The officer has signed three transactions.
		for _ in 0..3 {
			System::inc_account_nonce(LAND_SCRUTINY);
		}
		assert_ok!(Departments::revoke_role(
			signed(LAND_HEAD),
			LAND_SCRUTINY,
			Role::ScrutinyOfficer
		));
		assert!(!RoleHolders::<Test>::contains(&LAND_SCRUTINY));
		assert!(System::account_exists(&LAND_SCRUTINY));
		assert_eq!(System::account_nonce(LAND_SCRUTINY), 3);

		// Granted again: the nonce goes on from 3, so transactions signed with 0..3 stay stale.
		assert_ok!(Departments::grant_role(
			signed(LAND_HEAD),
			LAND_SCRUTINY,
			Role::ScrutinyOfficer
		));
		assert_eq!(System::account_nonce(LAND_SCRUTINY), 3);
		assert_eq!(System::sufficients(&LAND_SCRUTINY), 1);
	});
}

#[test]
fn a_replaced_head_keeps_its_account_and_nonce() {
	ExtBuilder::default().build_and_execute(|| {
		System::inc_account_nonce(LAND_HEAD);
		assert_ok!(Departments::change_head(root(), code("LAND"), 5));
		assert!(System::account_exists(&LAND_HEAD));
		assert_eq!(System::account_nonce(LAND_HEAD), 1);
		assert_ok!(Departments::change_head(root(), code("LAND"), LAND_HEAD));
		assert_eq!(System::account_nonce(LAND_HEAD), 1);
		assert_eq!(System::sufficients(&LAND_HEAD), 1);
	});
}

#[test]
fn a_department_with_live_work_stays() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add("FIRE", 3));
		make_busy("FIRE");
		assert_noop!(Departments::remove_department(root(), code("FIRE")), Error::HasLiveWork);
	});
}

#[test]
fn a_removed_code_is_never_given_again() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add("FIRE", 3));
		assert_ok!(Departments::remove_department(root(), code("FIRE")));
		assert!(crate::RetiredCodes::<Test>::contains_key(code("FIRE")));
		assert_noop!(add("FIRE", 4), Error::CodeRetired);
	});
}

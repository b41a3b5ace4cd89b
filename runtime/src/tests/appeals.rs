//! Holidays and appeals at the runtime level: the dev chain's calendar and appeal terms, the
//! pool gate's rows for the new calls, and an appeal through council-governed terms.

use super::*;
use pallet_clearances::{AppealOutcome, AppealTermsOfType, Holidays, PenaltyLimits};
use sp_core::H256;
use Sr25519Keyring::*;

/// Register an enterprise owned by `One` (as the Industries scrutiny officer).
fn register_one() {
	assert_ok!(Enterprises::register_enterprise(
		RuntimeOrigin::signed(CharlieStash.to_account_id()),
		b"Acme Steel".to_vec().try_into().unwrap(),
		H256::repeat_byte(1),
		One.to_account_id(),
	));
}

fn clearances(call: pallet_clearances::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Clearances(call)
}

#[test]
fn the_presets_carry_a_holiday_calendar_appeal_terms_and_a_penalty_range() {
	for config in [development_config_genesis(), local_config_genesis()] {
		ext(config).execute_with(|| {
			let days = Holidays::<Runtime>::get();
			assert_eq!(days.len(), 52);
			assert_eq!(days.first(), Some(&6));
			for code in ["LAND_USE_CONVERSION", "FIRE_NOC", "TRADE_LICENCE"] {
				let code: pallet_clearances::TypeCode =
					code.as_bytes().to_vec().try_into().unwrap();
				let terms = AppealTermsOfType::<Runtime>::get(&code).expect("terms");
				assert_eq!(terms.window, 30 * DAYS);
			}
			let range = PenaltyLimits::<Runtime>::get().unwrap();
			assert_eq!((range.min, range.max), (250, 1000));
			assert_ok!(pallet_clearances::Pallet::<Runtime>::do_try_state());
		});
	}
	ext(development_config_genesis()).execute_with(|| {
		let code: pallet_clearances::TypeCode = b"DEMO_QUICK_NOC".to_vec().try_into().unwrap();
		assert_eq!(AppealTermsOfType::<Runtime>::get(&code).unwrap().first_limit, 2 * MINUTES);
	});
}

#[test]
fn the_pool_lets_only_applicants_appeal_and_only_appellate_authorities_decide() {
	ext(development_config_genesis()).execute_with(|| {
		register_one();
		let file =
			clearances(pallet_clearances::Call::file_appeal { case: 0, grounds: H256::zero() });
		let second = clearances(pallet_clearances::Call::file_second_appeal {
			case: 0,
			grounds: H256::zero(),
		});
		let decide = clearances(pallet_clearances::Call::decide_appeal {
			appeal: 0,
			outcome: AppealOutcome::Upheld,
			document: H256::zero(),
		});
		let fine = clearances(pallet_clearances::Call::record_penalty {
			appeal: 0,
			officer: Eve.to_account_id(),
			amount: 500,
		});
		// An applicant files; officers do not.
		assert_ok!(validate(signed(One, file.clone(), 0)));
		assert_ok!(validate(signed(One, second.clone(), 0)));
		for call in [file, second] {
			assert_eq!(validate(signed(Eve, call, 0)), refused(codes::CALL_NOT_ALLOWED));
		}
		// Neither an applicant nor a scrutiny officer or approver decides or fines.
		for call in [decide.clone(), fine.clone()] {
			for who in [One, Eve, AliceStash] {
				assert_eq!(
					validate(signed(who, call.clone(), 0)),
					refused(codes::CALL_NOT_ALLOWED)
				);
			}
		}
		// An officer granted the roles passes the pool (the dispatch checks the department).
		let land_head = RuntimeOrigin::signed(Alice.to_account_id());
		assert_ok!(Departments::grant_role(
			land_head.clone(),
			Two.to_account_id(),
			pallet_departments::Role::ReviewingOfficer
		));
		assert_ok!(validate(signed(Two, decide, 0)));
		assert_ok!(validate(signed(Two, fine, 0)));
		// Calendar, terms and penalties are council business: nobody signs them.
		let day = clearances(pallet_clearances::Call::add_holiday { day: 400 });
		let undo = clearances(pallet_clearances::Call::remove_holiday { day: 6 });
		let range = clearances(pallet_clearances::Call::set_penalty_range {
			range: pallet_clearances::PenaltyRange { min: 1, max: 2 },
		});
		let terms = clearances(pallet_clearances::Call::set_appeal_terms {
			code: b"FIRE_NOC".to_vec().try_into().unwrap(),
			terms: None,
		});
		for call in [day, undo, range, terms] {
			for who in [Alice, Eve, One] {
				assert_eq!(
					validate(signed(who, call.clone(), 0)),
					refused(codes::CALL_NOT_ALLOWED)
				);
			}
		}
	});
}

#[test]
fn a_new_role_holder_signs_and_the_registry_reports_the_roles() {
	ext(development_config_genesis()).execute_with(|| {
		let head = RuntimeOrigin::signed(Charlie.to_account_id());
		for role in
			[pallet_departments::Role::AppellateOfficer, pallet_departments::Role::ReviewingOfficer]
		{
			assert_ok!(Departments::grant_role(head.clone(), Two.to_account_id(), role));
		}
		let kind = Departments::signer_kind(&Two.to_account_id()).unwrap();
		let clearance_primitives::SignerKind::Officer(_, held) = kind else { panic!("an officer") };
		assert_eq!(held, [false, false, false, true, true]);
		assert_ok!(pallet_departments::Pallet::<Runtime>::do_try_state());
	});
}

//! Attacks on the transaction path, performed at the runtime's own entry points
//! (`validate_transaction` for the pool, `apply_extrinsic` for inclusion): each is refused with
//! its named code and changes nothing.

use super::*;
use clearance_primitives::CallSigner;
use extensions::{gate, APPLICANT_PRIORITY, HEAD_PRIORITY, MAX_LEN, OFFICER_PRIORITY};
use sp_runtime::generic::Era;
use Sr25519Keyring::*;

fn start_block(n: BlockNumber) {
	frame_system::Pallet::<Runtime>::initialize(
		&n,
		&BlakeTwo256::hash(b"parent"),
		&Default::default(),
	);
}

/// Register an enterprise owned by `One` (as the Industries scrutiny officer).
fn register_one() {
	assert_ok!(Enterprises::register_enterprise(
		RuntimeOrigin::signed(CharlieStash.to_account_id()),
		b"Acme Steel".to_vec().try_into().unwrap(),
		sp_core::H256::repeat_byte(1),
		One.to_account_id(),
	));
}

fn remark(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![0; len] })
}

#[test]
fn immortal_transactions_are_refused() {
	ext(development_config_genesis()).execute_with(|| {
		start_block(1);
		let immortal = signed_in_era(Eve, take_case(), 0, Era::Immortal);
		assert_eq!(validate(immortal.clone()), refused(codes::IMMORTAL));
		assert_eq!(
			Executive::apply_extrinsic(immortal),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(codes::IMMORTAL)))
		);
	});
}

#[test]
fn an_old_transaction_is_never_replayed_after_revoke_and_regrant() {
	ext(development_config_genesis()).execute_with(|| {
		start_block(1);
		let old = signed_take(Eve, 0);
		assert!(Executive::apply_extrinsic(old.clone()).is_ok());
		let eve = Eve.to_account_id();
		let land_head = RuntimeOrigin::signed(Alice.to_account_id());
		assert_ok!(Departments::revoke_role(
			land_head.clone(),
			eve.clone(),
			pallet_departments::Role::ScrutinyOfficer
		));
		// The account stays, nonce and all.
		assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&eve), 1);
		assert_ok!(Departments::grant_role(
			land_head,
			eve.clone(),
			pallet_departments::Role::ScrutinyOfficer
		));
		assert_eq!(validate(old.clone()), Err(InvalidTransaction::Stale.into()));
		assert_eq!(Executive::apply_extrinsic(old), Err(InvalidTransaction::Stale.into()));
	});
}

#[test]
fn calls_outside_the_signers_role_are_refused_at_the_pool() {
	ext(development_config_genesis()).execute_with(|| {
		register_one();
		let approve = RuntimeCall::Clearances(pallet_clearances::Call::approve {
			case: 0,
			conditions: sp_core::H256::zero(),
		});
		// An applicant approving; a scrutiny officer approving; an officer filing as applicant.
		assert_eq!(validate(signed(One, approve.clone(), 0)), refused(codes::CALL_NOT_ALLOWED));
		assert_eq!(validate(signed(Eve, approve.clone(), 0)), refused(codes::CALL_NOT_ALLOWED));
		assert_eq!(validate(signed(Eve, withdraw(), 0)), refused(codes::CALL_NOT_ALLOWED));
		// The approving authority may.
		assert_ok!(validate(signed(AliceStash, approve, 0)));
		// Nobody signs remarks, council business outside a motion, or a head's call as officer.
		for who in [Alice, Eve, One] {
			assert_eq!(validate(signed(who, remark(8), 0)), refused(codes::CALL_NOT_ALLOWED));
		}
		let add = RuntimeCall::Departments(pallet_departments::Call::remove_department {
			code: b"FIRE".to_vec().try_into().unwrap(),
		});
		assert_eq!(validate(signed(Alice, add, 0)), refused(codes::CALL_NOT_ALLOWED));
		let grant = RuntimeCall::Departments(pallet_departments::Call::grant_role {
			officer: Two.to_account_id(),
			role: pallet_departments::Role::ScrutinyOfficer,
		});
		assert_eq!(validate(signed(Eve, grant.clone(), 0)), refused(codes::CALL_NOT_ALLOWED));
		assert_ok!(validate(signed(Alice, grant, 0)));
		// And they are never included either.
		start_block(1);
		assert_eq!(
			Executive::apply_extrinsic(signed(One, remark(8), 0)),
			Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into())
		);
	});
}

#[test]
fn oversized_transactions_are_refused_before_any_work() {
	ext(development_config_genesis()).execute_with(|| {
		// A 3.5 MiB remark from a head: refused as a call no role makes (and as too long).
		assert_eq!(
			validate(signed(Alice, remark(3 * 1024 * 1024 + 512 * 1024), 0)),
			refused(codes::CALL_NOT_ALLOWED)
		);
		// Every argument is bounded, so a permitted call cannot be made long; the length cap
		// is checked on the transaction's length all the same.
		let len = MAX_LEN + 1;
		assert_eq!(
			extensions::CheckSigner::check(&Alice.to_account_id(), &take_case(), len, 0),
			Err(InvalidTransaction::Custom(codes::TOO_LONG).into())
		);
		// A council proposal may be long: it may carry a runtime upgrade.
		let propose = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 3,
			proposal: Box::new(remark(MAX_LEN)),
			length_bound: MAX_LEN as u32 + 16,
		});
		assert!(extensions::CheckSigner::check(&Alice.to_account_id(), &propose, len, 0).is_ok());
	});
}

#[test]
fn decisions_go_before_applicants_and_council_business_first() {
	ext(development_config_genesis()).execute_with(|| {
		register_one();
		let of = |xt| validate(xt).expect("valid").priority;
		assert_eq!(of(signed(One, withdraw(), 0)), APPLICANT_PRIORITY);
		assert_eq!(of(signed(Eve, take_case(), 0)), OFFICER_PRIORITY);
		assert_eq!(of(signed(Alice, take_case(), 0)), HEAD_PRIORITY);
	});
}

#[test]
fn a_suspended_enterprise_cannot_sign() {
	ext(development_config_genesis()).execute_with(|| {
		register_one();
		assert_ok!(validate(signed(One, withdraw(), 0)));
		// Charlie heads Industries.
		assert_ok!(Enterprises::suspend_enterprise(
			RuntimeOrigin::signed(Charlie.to_account_id()),
			0,
			sp_core::H256::repeat_byte(3)
		));
		assert_eq!(validate(signed(One, withdraw(), 0)), refused(codes::ENTERPRISE_NOT_ACTIVE));
		assert_ok!(Enterprises::restore_enterprise(
			RuntimeOrigin::signed(Charlie.to_account_id()),
			0
		));
		assert_ok!(validate(signed(One, withdraw(), 0)));
	});
}

#[test]
fn one_enterprise_cannot_fill_a_block() {
	ext(development_config_genesis()).execute_with(|| {
		register_one();
		start_block(1);
		let budget: u32 = <<Runtime as pallet_enterprises::Config>::MaxTransactionsPerBlock as frame_support::traits::Get<u32>>::get();
		for nonce in 0..budget {
			// Failing dispatches (no application 0) count too.
			assert!(Executive::apply_extrinsic(signed(One, withdraw(), nonce)).is_ok());
		}
		let next = signed(One, withdraw(), budget);
		// Still valid for the pool (it waits there), but not in this block.
		assert_ok!(validate(next.clone()));
		assert_eq!(
			Executive::apply_extrinsic(next.clone()),
			Err(InvalidTransaction::ExhaustsResources.into())
		);
		// An officer is not held back.
		assert!(Executive::apply_extrinsic(signed(Eve, take_case(), 0)).is_ok());
		// The next block takes it.
		start_block(2);
		assert!(Executive::apply_extrinsic(next).is_ok());
	});
}

#[test]
fn the_gate_never_admits_a_signer_for_council_only_calls() {
	let motion_only = [
		RuntimeCall::Departments(pallet_departments::Call::enact { call: Box::new(remark(0)) }),
		RuntimeCall::Enterprises(pallet_enterprises::Call::deregister_enterprise { enterprise: 0 }),
		RuntimeCall::System(frame_system::Call::set_code { code: vec![] }),
	];
	for call in motion_only {
		assert_eq!(gate::signer_of(&call), CallSigner::Nobody);
	}
}

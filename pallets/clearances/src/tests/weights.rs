//! Weights: decisions, withdrawals and submissions are charged for their own application.

use super::*;
use crate::weights::WeightInfo;
use frame_support::dispatch::GetDispatchInfo;

type W = <Test as Config>::WeightInfo;

fn largest() -> (u32, u32) {
	(Extent::largest().cases, Extent::largest().parcels)
}

#[test]
fn an_approval_is_charged_for_its_own_application() {
	run(|| {
		let app = submit(&[TRADE], &[PARCEL]);
		let case = case_of(app, TRADE);
		assert_ok!(Clearances::take_case(signed(IND_CLERK), case));
		let declared = Call::<Test>::approve { case, conditions: H256::zero() }.get_dispatch_info();
		assert_eq!(declared.call_weight, W::approve(largest().0, largest().1));
		let post = Clearances::approve(signed(IND_APPROVER), case, H256::zero()).unwrap();
		assert_eq!(post.actual_weight, Some(W::approve(1, 1)));
		assert!(W::approve(1, 1).all_lt(declared.call_weight));
	});
}

#[test]
fn a_rejection_and_a_withdrawal_are_charged_for_their_own_application() {
	run(|| {
		let app = submit(&[LUC, BP], &[PARCEL, OTHER_PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		let post = Clearances::reject(signed(LAND_APPROVER), case, 1, H256::zero()).unwrap();
		assert_eq!(post.actual_weight, Some(W::reject(2, 2)));
		assert!(W::reject(2, 2).all_lt(W::reject(largest().0, largest().1)));

		let app = submit(&[TRADE], &[PARCEL]);
		let post = Clearances::withdraw_application(signed(AGENT), app).unwrap();
		assert_eq!(post.actual_weight, Some(W::withdraw_application(1, 1)));
		assert!(
			W::withdraw_application(1, 1).all_lt(W::withdraw_application(largest().0, largest().1))
		);
	});
}

#[test]
fn a_submission_is_charged_for_its_types_parcels_and_documents() {
	let call = |types: usize, parcels: usize, docs: usize| Call::<Test>::submit_application {
		project: project(),
		parcels: bounded(&vec![PARCEL; parcels]),
		types: bounded(&vec![tc(TRADE); types]),
		documents: bounded(&vec![H256::zero(); docs]),
	};
	assert_eq!(call(1, 1, 2).get_dispatch_info().call_weight, W::submit_application(1, 1, 2));
	assert!(W::submit_application(1, 1, 2).all_lt(W::submit_application(8, 4, 16)));
}

#[test]
fn a_response_is_charged_for_its_documents() {
	let call = |docs: usize| Call::<Test>::respond_to_query {
		case: 0,
		response: H256::zero(),
		documents: bounded(&vec![H256::zero(); docs]),
	};
	assert_eq!(call(3).get_dispatch_info().call_weight, W::respond_to_query(3));
	assert!(W::respond_to_query(0).all_lt(W::respond_to_query(16)));
}

/// The weight the deadline hook returns at block `n`, after running the blocks before it.
fn hook_weight_at(n: u64) -> frame_support::weights::Weight {
	use frame_support::traits::Hooks;
	run_to(n - 1);
	System::set_block_number(n);
	Clearances::on_initialize(n)
}

fn one_bucket() -> frame_support::weights::Weight {
	<<Test as frame_system::Config>::DbWeight as Get<frame_support::weights::RuntimeDbWeight>>::get(
	)
	.reads_writes(1, 1)
}

#[test]
fn a_deemed_approval_is_charged_for_its_parcels_and_the_cases_it_opens() {
	run(|| {
		// The building plan on two parcels falls due at 22 and opens the fire NOC.
		let app = submit(&[LUC, BP, FIRE_NOC], &[PARCEL, PARCEL2]);
		approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		let weight = hook_weight_at(22);
		assert_eq!(state(case_of(app, BP)), CaseState::DeemedApproved);
		assert_eq!(weight, W::on_initialize_deadlines(1) + W::deemed_approval(3, 2) + one_bucket());
		assert!(W::deemed_approval(1, 1).all_lt(W::deemed_approval(3, 2)));
		assert!(W::deemed_approval(3, 2).all_lt(W::deemed_approval(largest().0, largest().1)));
	});
}

#[test]
fn escalations_lapses_and_stale_deadlines_are_charged_for_what_they_do() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL, PARCEL2]);
		let luc = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), luc, H256::zero()));
		// The response was due at 21: the case lapses on its two parcels.
		assert_eq!(hook_weight_at(21), W::on_initialize_deadlines(1) + W::lapse(2) + one_bucket());
		// Its department deadline (31) is no longer current: only its own cost.
		assert_eq!(hook_weight_at(31), W::on_initialize_deadlines(1) + one_bucket());
		let other = case_of(submit(&[LUC], &[OTHER_PARCEL]), LUC);
		assert_eq!(
			hook_weight_at(61),
			W::on_initialize_deadlines(1) + W::escalation() + one_bucket()
		);
		assert_eq!(state(other), CaseState::Escalated);
	});
}

#[test]
fn a_failed_deadline_is_charged_as_the_costliest_action_and_its_fallback() {
	run(|| {
		let case = case_of(submit(&[TRADE], &[PARCEL]), TRADE);
		CertificatesOf::<Test>::mutate(PARCEL, |l| while l.try_push(999).is_ok() {});
		let weight = hook_weight_at(8);
		assert_eq!(state(case), CaseState::Escalated);
		let failed = W::deemed_approval(largest().0, largest().1) + W::deadline_failed();
		assert_eq!(weight, W::on_initialize_deadlines(1) + failed + one_bucket());
		CertificatesOf::<Test>::remove(PARCEL);
	});
}

#[test]
fn lifting_a_freeze_is_charged_the_costlier_notification() {
	use clearance_primitives::ParcelFreezeHandler;
	let (c, k) =
		(<MaxCasesPerParcel as Get<u32>>::get(), <MaxCertificatesPerParcel as Get<u32>>::get());
	let (freeze, unfreeze) =
		(<W as WeightInfo>::on_freeze(c, k), <W as WeightInfo>::on_unfreeze(c, k));
	assert_eq!(<Clearances as ParcelFreezeHandler>::max_weight(), freeze.max(unfreeze));
	assert!(freeze.all_lt(<Clearances as ParcelFreezeHandler>::max_weight()));
}

//! Suspension, restoration and deregistration of enterprises, and the per-block budget.

use super::*;
use crate::{BlockUsage, Standing, Standings};

fn suspend(by: u64) -> sp_runtime::DispatchResult {
	Enterprises::suspend_enterprise(RuntimeOrigin::signed(by), 0, H256::repeat_byte(9))
}

#[test]
fn the_industries_head_suspends_and_restores_an_enterprise() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_ok!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), AGENT));
		assert_ok!(suspend(IND_HEAD));
		assert_eq!(
			last_event(),
			Event::<Test>::EnterpriseSuspended {
				enterprise: 0,
				by: IND_HEAD,
				reason: H256::repeat_byte(9)
			}
			.into()
		);
		// Members no longer act for it (nor sign), but stay on the applicants' side.
		assert_eq!(Enterprises::acting_for(&OWNER), None);
		assert_eq!(Enterprises::active_member(&AGENT), None);
		assert!(EnterpriseMembers::<Test>::contains(&OWNER));
		assert_noop!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), 12), E::NotActive);

		assert_ok!(Enterprises::restore_enterprise(RuntimeOrigin::signed(IND_HEAD), 0));
		assert_eq!(
			last_event(),
			Event::<Test>::EnterpriseRestored { enterprise: 0, by: IND_HEAD }.into()
		);
		assert_eq!(Enterprises::active_member(&OWNER), Some((0, true)));
		assert_eq!(Enterprises::active_member(&AGENT), Some((0, false)));
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Enterprise(0));
		let actions: Vec<_> = entries.iter().map(|e| e.action).collect();
		assert_eq!(&actions[2..], &[Action::EnterpriseSuspended, Action::EnterpriseRestored]);
	});
}

#[test]
fn suspension_refusals() {
	run(|| {
		assert_noop!(suspend(IND_HEAD), E::NotFound);
		assert_ok!(register(IND_OFFICER, OWNER));
		// A scrutiny officer registers but does not suspend; other departments never do.
		assert_noop!(suspend(IND_OFFICER), E::NotSuspender);
		assert_noop!(suspend(LAND_OFFICER), E::NotSuspender);
		assert_noop!(suspend(OWNER), E::NotSuspender);
		assert_noop!(
			Enterprises::restore_enterprise(RuntimeOrigin::signed(IND_HEAD), 0),
			E::NotSuspended
		);
		assert_ok!(suspend(IND_HEAD));
		assert_noop!(suspend(IND_HEAD), E::AlreadySuspended);
		assert_noop!(
			Enterprises::restore_enterprise(RuntimeOrigin::signed(IND_OFFICER), 0),
			E::NotSuspender
		);
	});
}

#[test]
fn the_council_deregisters_an_enterprise() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_ok!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), AGENT));
		assert_noop!(
			Enterprises::deregister_enterprise(RuntimeOrigin::signed(IND_HEAD), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(Enterprises::deregister_enterprise(RuntimeOrigin::root(), 5), E::NotFound);
		assert_ok!(Enterprises::deregister_enterprise(RuntimeOrigin::root(), 0));
		assert_eq!(last_event(), Event::<Test>::EnterpriseDeregistered { enterprise: 0 }.into());
		assert!(matches!(Standings::<Test>::get(0), Some(Standing::Deregistered { .. })));
		assert!(!EnterpriseMembers::<Test>::contains(&OWNER));
		assert!(!EnterpriseMembers::<Test>::contains(&AGENT));
		// Their accounts (and nonces) stay.
		assert!(System::account_exists(&OWNER) && System::account_exists(&AGENT));
		// The record stays; nothing more changes it.
		assert!(crate::Enterprises::<Test>::contains_key(0));
		assert_noop!(Enterprises::deregister_enterprise(RuntimeOrigin::root(), 0), E::Deregistered);
		assert_noop!(suspend(IND_HEAD), E::Deregistered);
	});
}

#[test]
fn an_enterprise_gets_a_bounded_number_of_transactions_per_block() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		// `MaxTransactionsPerBlock` is 3 in the mock.
		for _ in 0..3 {
			assert!(Enterprises::has_block_budget(0));
			Enterprises::note_transaction(0);
		}
		assert!(!Enterprises::has_block_budget(0));
		assert_eq!(BlockUsage::<Test>::get(0), (1, 3));
		// Another enterprise is not affected; the next block starts afresh.
		assert!(Enterprises::has_block_budget(1));
		System::set_block_number(2);
		assert!(Enterprises::has_block_budget(0));
		Enterprises::note_transaction(0);
		assert_eq!(BlockUsage::<Test>::get(0), (2, 1));
	});
}

//! Tests of the enterprise registry: every call's success and every refusal.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::{mock::*, EnterpriseMembers, Error, Event, Members};
use clearance_primitives::{Action, Authority, DepartmentCode, EnterpriseAuthority, Role, Subject};
use frame_support::{assert_noop, assert_ok, traits::Contains};
use sp_core::H256;
use sp_runtime::DispatchError;

type E = Error<Test>;

fn register(by: u64, owner: u64) -> sp_runtime::DispatchResult {
	Enterprises::register_enterprise(
		RuntimeOrigin::signed(by),
		name("Acme Steel"),
		H256::repeat_byte(7),
		owner,
	)
}

fn name(s: &str) -> frame_support::BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn ind() -> DepartmentCode {
	b"IND".to_vec().try_into().unwrap()
}

#[test]
fn an_industries_officer_registers_an_enterprise() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_eq!(
			last_event(),
			Event::<Test>::EnterpriseRegistered {
				enterprise: 0,
				owner: OWNER,
				registered_by: IND_OFFICER
			}
			.into()
		);
		let e = crate::Enterprises::<Test>::get(0).unwrap();
		assert_eq!(
			(e.owner, e.registered_by, e.identity_hash),
			(OWNER, IND_OFFICER, H256::repeat_byte(7))
		);
		assert_eq!(System::sufficients(&OWNER), 1);
		assert!(EnterpriseMembers::<Test>::contains(&OWNER));
		assert_eq!(Enterprises::acting_for(&OWNER), Some((0, Authority::Owner { enterprise: 0 })));
		// The trail names the officer and the role they acted under.
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Enterprise(0));
		assert_eq!(
			entries[0].authority,
			Authority::Officer { department: ind(), role: Role::ScrutinyOfficer }
		);
		assert_eq!(entries[0].action, Action::EnterpriseRegistered);
		// The head may register too; ids increase.
		assert_ok!(register(IND_HEAD, 20));
		assert!(Enterprises::exists(1));
	});
}

#[test]
fn registration_refusals() {
	run(|| {
		assert_noop!(
			Enterprises::register_enterprise(RuntimeOrigin::root(), name("X"), H256::zero(), OWNER),
			DispatchError::BadOrigin
		);
		assert_noop!(register(LAND_OFFICER, OWNER), E::NotAuthorized);
		assert_noop!(register(IND_APPROVER, OWNER), E::NotAuthorized);
		assert_noop!(register(99, OWNER), E::NotAuthorized);
		assert_noop!(
			Enterprises::register_enterprise(
				RuntimeOrigin::signed(IND_OFFICER),
				name(""),
				H256::zero(),
				OWNER
			),
			E::EmptyName
		);
		// A name over `MaxNameLen` (32 in the mock) is refused when the call is decoded.
		let long = (vec![b'a'; 33], H256::zero(), OWNER);
		assert!(<crate::Call<Test> as codec::Decode>::decode(
			&mut &[&[0u8][..], &codec::Encode::encode(&long)].concat()[..]
		)
		.is_err());
		assert_noop!(register(IND_OFFICER, LAND_OFFICER), E::AccountInUse);
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_noop!(register(IND_OFFICER, OWNER), E::AccountInUse);
		crate::NextEnterpriseId::<Test>::put(u32::MAX);
		assert_noop!(register(IND_OFFICER, 30), E::IdsExhausted);
		crate::NextEnterpriseId::<Test>::put(1);
	});
}

#[test]
fn the_owner_manages_agents() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_ok!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), AGENT));
		assert_eq!(last_event(), Event::<Test>::AgentAdded { enterprise: 0, agent: AGENT }.into());
		assert_eq!(
			Enterprises::acting_for(&AGENT),
			Some((0, Authority::Agent { enterprise: 0, agent: AGENT }))
		);
		assert_eq!(System::sufficients(&AGENT), 1);

		assert_ok!(Enterprises::remove_agent(RuntimeOrigin::signed(OWNER), AGENT));
		assert_eq!(
			last_event(),
			Event::<Test>::AgentRemoved { enterprise: 0, agent: AGENT }.into()
		);
		assert_eq!(Members::<Test>::get(AGENT), None);
		// The agent's account stays, with its nonce: nothing it signed can be replayed.
		assert_eq!(System::sufficients(&AGENT), 1);
		assert!(System::account_exists(&AGENT));
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Enterprise(0));
		assert_eq!(entries.len(), 3);
		assert_eq!(entries[2].authority, Authority::Owner { enterprise: 0 });
	});
}

#[test]
fn agent_refusals() {
	run(|| {
		assert_ok!(register(IND_OFFICER, OWNER));
		assert_noop!(Enterprises::add_agent(RuntimeOrigin::signed(99), AGENT), E::NotOwner);
		assert_ok!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), AGENT));
		// An agent is not the owner.
		assert_noop!(Enterprises::add_agent(RuntimeOrigin::signed(AGENT), 12), E::NotOwner);
		assert_noop!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), AGENT), E::AccountInUse);
		assert_noop!(
			Enterprises::add_agent(RuntimeOrigin::signed(OWNER), IND_OFFICER),
			E::AccountInUse
		);
		assert_ok!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), 12));
		assert_noop!(Enterprises::add_agent(RuntimeOrigin::signed(OWNER), 13), E::TooManyAgents);
		assert_noop!(Enterprises::remove_agent(RuntimeOrigin::signed(OWNER), 13), E::NotAgent);
		assert_noop!(Enterprises::remove_agent(RuntimeOrigin::signed(AGENT), 12), E::NotOwner);
		assert_noop!(
			Enterprises::remove_agent(RuntimeOrigin::none(), 12),
			DispatchError::BadOrigin
		);
	});
}

mod standing;

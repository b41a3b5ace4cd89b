//! Unit tests of the department registry: every call's success (checked through its event and
//! storage) and every refusal (with `assert_noop!`), with the invariants checked after each test.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use crate::{
	mock::*, DepartmentKind, DepartmentOfficers, GenesisDepartment, HeadOf, MaxNodesPerDepartment,
	Officers, Pallet, PeerIdBytes, Role, RoleGrant, RoleHolders, ValidatorOf,
};
use clearance_primitives::{Action, Authority, DepartmentAuthority, Subject};
use frame_support::{assert_noop, assert_ok, traits::Contains};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

type Error = crate::Error<Test>;
type Ev = crate::Event<Test>;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn add(code_: &str, head: u64) -> sp_runtime::DispatchResult {
	Departments::add_department(
		root(),
		bytes(code_),
		name("Fire & Emergency"),
		DepartmentKind::Fire,
		head,
	)
}

/// A bounded code argument, whatever its content (the pallet checks it).
fn bytes(s: &str) -> crate::DepartmentCode {
	frame_support::BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn name(s: &str) -> frame_support::BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	frame_support::BoundedVec::truncate_from(s.as_bytes().to_vec())
}

mod genesis {
	use super::*;

	#[test]
	fn builds_registry_council_and_accounts() {
		ExtBuilder::default().build_and_execute(|| {
			let land = crate::Departments::<Test>::get(code("LAND")).unwrap();
			assert_eq!(land.head, LAND_HEAD);
			assert_eq!(land.officers, 2);
			assert_eq!(land.validator, Some(LAND_VALIDATOR));
			assert_eq!(crate::Departments::<Test>::count(), 2);
			assert_eq!(council(), vec![LAND_HEAD, ENV_HEAD]);
			let approver = Officers::<Test>::get(LAND_APPROVER).unwrap();
			assert_eq!(approver.grant(Role::ApprovingAuthority).unwrap().granted_by, LAND_HEAD);
			// Positions make accounts exist, so they can sign without a balance.
			for who in [LAND_HEAD, ENV_HEAD, LAND_SCRUTINY, LAND_APPROVER] {
				assert_eq!(System::sufficients(&who), 1);
			}
			assert_eq!(System::sufficients(&NOBODY), 0);
			assert_eq!(Pallet::<Test>::validators(), vec![ENV_VALIDATOR, LAND_VALIDATOR]);
		});
	}

	#[test]
	fn authority_lookups() {
		ExtBuilder::default().build_and_execute(|| {
			let land = code("LAND");
			type D = Departments;
			assert_eq!(
				D::authority_in(&LAND_HEAD, &land, &[Role::ScrutinyOfficer]),
				Some(Authority::Head { department: land.clone() })
			);
			assert_eq!(
				D::authority_in(
					&LAND_APPROVER,
					&land,
					&[Role::DepartmentAdmin, Role::ApprovingAuthority]
				),
				Some(Authority::Officer {
					department: land.clone(),
					role: Role::ApprovingAuthority
				})
			);
			assert_eq!(D::authority_in(&LAND_SCRUTINY, &land, &[Role::ApprovingAuthority]), None);
			assert_eq!(D::authority_in(&ENV_HEAD, &land, &[Role::ScrutinyOfficer]), None);
			assert!(D::authority_of_kind(
				&LAND_SCRUTINY,
				DepartmentKind::Land,
				&[Role::ScrutinyOfficer]
			)
			.is_some());
			assert!(D::authority_of_kind(
				&LAND_SCRUTINY,
				DepartmentKind::Fire,
				&[Role::ScrutinyOfficer]
			)
			.is_none());
			assert!(D::is_official(&LAND_SCRUTINY) && !D::is_official(&NOBODY));
			assert_eq!(D::head_of(&land), Some(LAND_HEAD));
			assert_eq!(D::kind_of(&land), Some(DepartmentKind::Land));
			assert!(!<D as DepartmentAuthority<u64>>::exists(&code("NOPE")));
		});
	}

	#[test]
	fn role_holders_and_has_role() {
		ExtBuilder::default().build_and_execute(|| {
			assert!(RoleHolders::<Test>::contains(&LAND_HEAD));
			assert!(RoleHolders::<Test>::contains(&LAND_SCRUTINY));
			assert!(!RoleHolders::<Test>::contains(&NOBODY));
			assert!(!RoleHolders::<Test>::contains(&LAND_VALIDATOR));
			let land = code("LAND");
			assert!(Pallet::<Test>::has_role(&LAND_HEAD, &land, Role::ApprovingAuthority));
			assert!(Pallet::<Test>::has_role(&LAND_SCRUTINY, &land, Role::ScrutinyOfficer));
			assert!(!Pallet::<Test>::has_role(&LAND_SCRUTINY, &land, Role::ApprovingAuthority));
			assert!(!Pallet::<Test>::has_role(&ENV_HEAD, &land, Role::ScrutinyOfficer));
		});
	}

	#[test]
	#[should_panic(expected = "genesis department code")]
	fn rejects_a_bad_code() {
		ExtBuilder::empty()
			.with_department(GenesisDepartment {
				code: "land".into(),
				name: "Land".into(),
				kind: DepartmentKind::Land,
				head: 1,
				validator: None,
				officers: vec![],
				nodes: vec![],
			})
			.build();
	}
}

mod add_department {
	use super::*;

	#[test]
	fn works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(add("FIRE", 3));
			assert_eq!(
				last_event(),
				Ev::DepartmentAdded {
					department: code("FIRE"),
					kind: DepartmentKind::Fire,
					head: 3
				}
				.into()
			);
			assert_eq!(HeadOf::<Test>::get(3), Some(code("FIRE")));
			let (entries, _) =
				pallet_audit::Pallet::<Test>::trail(&Subject::Department(code("FIRE")));
			assert_eq!(
				(entries[0].action, entries[0].authority.clone()),
				(Action::DepartmentAdded, Authority::Council)
			);
			assert_eq!(council(), vec![1, 2, 3]);
			assert_eq!(System::sufficients(&3), 1);
			assert!(RoleHolders::<Test>::contains(&3));
		});
	}

	#[test]
	fn needs_the_council() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::add_department(
					signed(LAND_HEAD),
					bytes("FIRE"),
					name("Fire"),
					DepartmentKind::Fire,
					3
				),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn refuses_bad_codes() {
		ExtBuilder::default().build_and_execute(|| {
			for bad in ["", "F", "fire", "1FIRE", "FI-RE"] {
				assert_noop!(add(bad, 3), Error::BadCode);
			}
			// A code longer than `MaxCodeLen` cannot even be decoded as the call's argument.
			let long = (b"ABCDEFGHIJKLM".to_vec(), b"Fire".to_vec(), DepartmentKind::Fire, 3u64);
			assert!(<crate::Call<Test> as codec::Decode>::decode(
				&mut &[&[0u8][..], &codec::Encode::encode(&long)].concat()[..]
			)
			.is_err());
		});
	}

	#[test]
	fn refuses_bad_names() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::add_department(
					root(),
					bytes("FIRE"),
					name(""),
					DepartmentKind::Fire,
					3
				),
				Error::EmptyName
			);
			// A name longer than `MaxNameLen` (32 in the mock) is refused at decoding.
			let long = (b"FIRE".to_vec(), vec![b'x'; 33], DepartmentKind::Fire, 3u64);
			assert!(<crate::Call<Test> as codec::Decode>::decode(
				&mut &[&[0u8][..], &codec::Encode::encode(&long)].concat()[..]
			)
			.is_err());
		});
	}

	#[test]
	fn refuses_duplicates_and_assigned_heads() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(add("LAND", 3), Error::AlreadyExists);
			assert_noop!(add("FIRE", ENV_HEAD), Error::AlreadyAssigned);
			assert_noop!(add("FIRE", LAND_SCRUTINY), Error::AlreadyAssigned);
		});
	}

	#[test]
	fn refuses_beyond_the_limit() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(add("FIRE", 3));
			assert_ok!(add("IND", 4));
			assert_ok!(add("URBAN", 5));
			assert_noop!(add("LABOUR", 6), Error::TooManyDepartments);
		});
	}
}

mod remove_department {
	use super::*;

	#[test]
	fn works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(add("FIRE", 3));
			assert_ok!(Departments::remove_department(root(), code("FIRE")));
			assert_eq!(
				last_event(),
				Ev::DepartmentRemoved { department: code("FIRE"), head: 3 }.into()
			);
			assert!(!crate::Departments::<Test>::contains_key(code("FIRE")));
			assert_eq!(council(), vec![1, 2]);
			// The account stays, with its nonce: nothing it signed can be replayed.
			assert_eq!(System::sufficients(&3), 1);
			assert!(!RoleHolders::<Test>::contains(&3));
		});
	}

	#[test]
	fn refusals() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::remove_department(signed(1), code("ENV")),
				DispatchError::BadOrigin
			);
			assert_noop!(Departments::remove_department(root(), code("FIRE")), Error::NotFound);
			assert_noop!(Departments::remove_department(root(), code("LAND")), Error::HasOfficers);
			assert_noop!(Departments::remove_department(root(), code("ENV")), Error::HasValidator);
		});
	}

	#[test]
	fn keeps_the_last_department() {
		ExtBuilder::empty()
			.with_department(GenesisDepartment {
				code: "LAND".into(),
				name: "Land".into(),
				kind: DepartmentKind::Land,
				head: 1,
				validator: None,
				officers: vec![],
				nodes: vec![],
			})
			.build_and_execute(|| {
				assert_noop!(
					Departments::remove_department(root(), code("LAND")),
					Error::LastDepartment
				);
			});
	}
}

mod change_head {
	use super::*;

	#[test]
	fn works_and_keeps_grants() {
		ExtBuilder::default().build_and_execute(|| {
			System::set_block_number(7);
			assert_ok!(Departments::change_head(root(), code("LAND"), 5));
			assert_eq!(
				last_event(),
				Ev::HeadChanged { department: code("LAND"), old_head: LAND_HEAD, new_head: 5 }
					.into()
			);
			let land = crate::Departments::<Test>::get(code("LAND")).unwrap();
			assert_eq!((land.head, land.head_since), (5, 7));
			assert_eq!(council(), vec![2, 5]);
			// The old head keeps its account (and nonce) without a position.
			assert_eq!(System::sufficients(&LAND_HEAD), 1);
			assert!(!RoleHolders::<Test>::contains(&LAND_HEAD));
			assert_eq!(System::sufficients(&5), 1);
			// Grants made by the old head still name the old head.
			let o = Officers::<Test>::get(LAND_SCRUTINY).unwrap();
			assert_eq!(o.grant(Role::ScrutinyOfficer).unwrap().granted_by, LAND_HEAD);
			// The old head lost their powers; the new head has them.
			assert_noop!(
				Departments::grant_role(signed(LAND_HEAD), 20, Role::ScrutinyOfficer),
				Error::NotHead
			);
			assert_ok!(Departments::grant_role(signed(5), 20, Role::ScrutinyOfficer));
		});
	}

	#[test]
	fn refusals() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::change_head(signed(1), code("LAND"), 5),
				DispatchError::BadOrigin
			);
			assert_noop!(Departments::change_head(root(), code("FIRE"), 5), Error::NotFound);
			assert_noop!(
				Departments::change_head(root(), code("LAND"), LAND_HEAD),
				Error::SameHead
			);
			assert_noop!(
				Departments::change_head(root(), code("LAND"), ENV_HEAD),
				Error::AlreadyAssigned
			);
			assert_noop!(
				Departments::change_head(root(), code("LAND"), LAND_SCRUTINY),
				Error::AlreadyAssigned
			);
		});
	}
}

mod validators {
	use super::*;

	#[test]
	fn set_validator_works_and_rotates_at_next_session() {
		ExtBuilder::default().without_validator("ENV").build_and_execute(|| {
			assert_eq!(Departments::new_session(1), None);
			assert_ok!(Departments::set_validator(root(), code("ENV"), 202, 7));
			assert_eq!(
				last_event(),
				Ev::ValidatorSet { department: code("ENV"), validator: 202 }.into()
			);
			assert_eq!(keys_of(202), Some(7));
			assert_eq!(ValidatorOf::<Test>::get(202), Some(code("ENV")));
			assert_eq!(Departments::new_session(2), Some(vec![202, LAND_VALIDATOR]));
			// Applied once.
			assert_eq!(Departments::new_session(3), None);
		});
	}

	#[test]
	fn replacing_a_validator_purges_the_old_keys() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Departments::set_validator(root(), code("ENV"), 202, 7));
			assert_eq!(keys_of(ENV_VALIDATOR), None);
			assert_eq!(ValidatorOf::<Test>::get(ENV_VALIDATOR), None);
			// Rotating keys of the same validator keeps it.
			assert_ok!(Departments::set_validator(root(), code("ENV"), 202, 8));
			assert_eq!(keys_of(202), Some(8));
		});
	}

	#[test]
	fn set_validator_refusals() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::set_validator(signed(1), code("ENV"), 202, 7),
				DispatchError::BadOrigin
			);
			assert_noop!(Departments::set_validator(root(), code("FIRE"), 202, 7), Error::NotFound);
			assert_noop!(
				Departments::set_validator(root(), code("ENV"), LAND_VALIDATOR, 7),
				Error::ValidatorInUse
			);
			// Keys owned by another validator: the key store's error, nothing changed.
			assert_noop!(
				Departments::set_validator(root(), code("ENV"), 202, LAND_VALIDATOR * 1000),
				DispatchError::Other("DuplicatedKey")
			);
		});
	}

	#[test]
	fn remove_validator_works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Departments::remove_validator(root(), code("ENV")));
			assert_eq!(
				last_event(),
				Ev::ValidatorRemoved { department: code("ENV"), validator: ENV_VALIDATOR }.into()
			);
			assert_eq!(keys_of(ENV_VALIDATOR), None);
			assert_eq!(Departments::new_session(1), Some(vec![LAND_VALIDATOR]));
			// Now the department can go.
			assert_ok!(Departments::remove_department(root(), code("ENV")));
		});
	}

	#[test]
	fn remove_validator_refusals() {
		ExtBuilder::default().without_validator("ENV").build_and_execute(|| {
			assert_noop!(
				Departments::remove_validator(signed(1), code("LAND")),
				DispatchError::BadOrigin
			);
			assert_noop!(Departments::remove_validator(root(), code("FIRE")), Error::NotFound);
			assert_noop!(Departments::remove_validator(root(), code("ENV")), Error::NoValidator);
			assert_noop!(Departments::remove_validator(root(), code("LAND")), Error::LastValidator);
		});
	}
}

mod roles {
	use super::*;

	#[test]
	fn grant_role_works() {
		ExtBuilder::default().build_and_execute(|| {
			System::set_block_number(9);
			assert_ok!(Departments::grant_role(signed(ENV_HEAD), 21, Role::ScrutinyOfficer));
			assert_eq!(
				last_event(),
				Ev::RoleGranted {
					department: code("ENV"),
					officer: 21,
					role: Role::ScrutinyOfficer,
					granted_by: ENV_HEAD
				}
				.into()
			);
			assert_ok!(Departments::grant_role(signed(ENV_HEAD), 21, Role::ApprovingAuthority));
			let o = Officers::<Test>::get(21).unwrap();
			assert_eq!(o.department, code("ENV"));
			assert_eq!(
				o.grant(Role::ApprovingAuthority),
				Some(&RoleGrant {
					role: Role::ApprovingAuthority,
					granted_by: ENV_HEAD,
					granted_at: 9
				})
			);
			assert_eq!(crate::Departments::<Test>::get(code("ENV")).unwrap().officers, 1);
			assert_eq!(System::sufficients(&21), 1);
			// The grant is on the department's trail, under the head's authority.
			let (entries, _) =
				pallet_audit::Pallet::<Test>::trail(&Subject::Department(code("ENV")));
			let last = entries.last().unwrap();
			assert_eq!((last.action, last.signer), (Action::RoleGranted, Some(ENV_HEAD)));
			assert_eq!(last.authority, Authority::Head { department: code("ENV") });
			assert!(DepartmentOfficers::<Test>::contains_key(code("ENV"), 21));
		});
	}

	#[test]
	fn grant_role_refusals() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::grant_role(root(), 21, Role::ScrutinyOfficer),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Departments::grant_role(signed(NOBODY), 21, Role::ScrutinyOfficer),
				Error::NotHead
			);
			assert_noop!(
				Departments::grant_role(signed(LAND_SCRUTINY), 21, Role::ScrutinyOfficer),
				Error::NotHead
			);
			assert_noop!(
				Departments::grant_role(signed(ENV_HEAD), LAND_HEAD, Role::ScrutinyOfficer),
				Error::AlreadyAssigned
			);
			assert_noop!(
				Departments::grant_role(signed(ENV_HEAD), LAND_SCRUTINY, Role::ScrutinyOfficer),
				Error::AlreadyAssigned
			);
			assert_noop!(
				Departments::grant_role(signed(LAND_HEAD), LAND_SCRUTINY, Role::ScrutinyOfficer),
				Error::RoleAlreadyHeld
			);
			assert_ok!(Departments::grant_role(signed(LAND_HEAD), 13, Role::DepartmentAdmin));
			assert_noop!(
				Departments::grant_role(signed(LAND_HEAD), 14, Role::ScrutinyOfficer),
				Error::TooManyOfficers
			);
			// An existing officer can still gain roles when the department is full.
			assert_ok!(Departments::grant_role(signed(LAND_HEAD), 13, Role::ScrutinyOfficer));
		});
	}

	#[test]
	fn revoke_role_works_and_last_role_ends_the_position() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Departments::revoke_role(
				signed(LAND_HEAD),
				LAND_APPROVER,
				Role::ApprovingAuthority
			));
			assert_eq!(
				last_event(),
				Ev::RoleRevoked {
					department: code("LAND"),
					officer: LAND_APPROVER,
					role: Role::ApprovingAuthority,
					revoked_by: LAND_HEAD
				}
				.into()
			);
			assert!(Officers::<Test>::get(LAND_APPROVER)
				.unwrap()
				.grant(Role::ScrutinyOfficer)
				.is_some());
			assert_ok!(Departments::revoke_role(
				signed(LAND_HEAD),
				LAND_APPROVER,
				Role::ScrutinyOfficer
			));
			assert!(Officers::<Test>::get(LAND_APPROVER).is_none());
			assert!(!RoleHolders::<Test>::contains(&LAND_APPROVER));
			assert_eq!(System::sufficients(&LAND_APPROVER), 1);
			assert_eq!(crate::Departments::<Test>::get(code("LAND")).unwrap().officers, 1);
		});
	}

	#[test]
	fn revoke_role_refusals() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::revoke_role(root(), LAND_SCRUTINY, Role::ScrutinyOfficer),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Departments::revoke_role(signed(NOBODY), LAND_SCRUTINY, Role::ScrutinyOfficer),
				Error::NotHead
			);
			assert_noop!(
				Departments::revoke_role(signed(ENV_HEAD), LAND_SCRUTINY, Role::ScrutinyOfficer),
				Error::NotOfficer
			);
			assert_noop!(
				Departments::revoke_role(signed(LAND_HEAD), NOBODY, Role::ScrutinyOfficer),
				Error::NotOfficer
			);
			assert_noop!(
				Departments::revoke_role(
					signed(LAND_HEAD),
					LAND_SCRUTINY,
					Role::ApprovingAuthority
				),
				Error::RoleNotHeld
			);
		});
	}
}

mod enact {
	use super::*;
	use sp_runtime::traits::Hash;

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: b"upgrade".to_vec() })
	}

	#[test]
	fn the_council_enacts_calls_with_root_authority() {
		ExtBuilder::default().build_and_execute(|| {
			// Authorising an upgrade needs root.
			let code_hash = sp_core::H256::repeat_byte(7);
			let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
			let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
			assert_ok!(Departments::enact(root(), Box::new(call)));
			assert_eq!(
				last_event(),
				Ev::Enacted { call_hash, ayes: 2, seats: 2, result: Ok(()) }.into()
			);
			assert!(System::authorized_upgrade().is_some());
			// The council's trail records the enactment with the motion's votes.
			let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Council);
			assert_eq!(entries.len(), 1);
			assert_eq!(
				(entries[0].action, entries[0].authority.clone()),
				(Action::Enacted, Authority::Council)
			);
			assert_eq!(
				entries[0].details,
				<Test as frame_system::Config>::Hashing::hash_of(&(call_hash, 2u32, 2u32))
			);
		});
	}

	#[test]
	fn calls_outside_the_allow_list_are_not_enacted() {
		ExtBuilder::default().build_and_execute(|| {
			// Raw storage writes are never enactable.
			let call = RuntimeCall::System(frame_system::Call::set_storage {
				items: vec![(b":test".to_vec(), b"1".to_vec())],
			});
			assert_noop!(Departments::enact(root(), Box::new(call)), Error::NotEnactable);
			assert_noop!(Departments::enact(root(), Box::new(remark())), Error::NotEnactable);
			assert!(pallet_audit::Pallet::<Test>::trail(&Subject::Council).0.is_empty());
		});
	}

	#[test]
	fn an_enacted_call_that_fails_is_reported_not_undone() {
		ExtBuilder::default().build_and_execute(|| {
			// Granting a role needs a head, not root: the enacted call fails with BadOrigin.
			let call = RuntimeCall::Departments(crate::Call::grant_role {
				officer: 77,
				role: Role::ScrutinyOfficer,
			});
			let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
			assert_ok!(Departments::enact(root(), Box::new(call)));
			assert_eq!(
				last_event(),
				Ev::Enacted { call_hash, ayes: 2, seats: 2, result: Err(DispatchError::BadOrigin) }
					.into()
			);
			assert!(Officers::<Test>::get(77).is_none());
		});
	}

	#[test]
	fn only_the_council_enacts() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::enact(signed(1), Box::new(remark())),
				DispatchError::BadOrigin
			);
		});
	}
}

mod nodes {
	use super::*;
	use crate::Nodes;

	/// A well-formed ed25519 peer id.
	fn peer(i: u8) -> PeerIdBytes {
		let mut id = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
		id.extend([i; 32]);
		id.try_into().unwrap()
	}

	fn list(
		ids: Vec<PeerIdBytes>,
	) -> frame_support::BoundedVec<PeerIdBytes, MaxNodesPerDepartment> {
		ids.try_into().unwrap()
	}

	#[test]
	fn the_head_or_an_admin_sets_the_department_nodes() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Departments::set_nodes(signed(LAND_HEAD), list(vec![peer(1), peer(2)])));
			assert_eq!(last_event(), Ev::NodesSet { department: code("LAND"), nodes: 2 }.into());
			assert_eq!(Nodes::<Test>::get(code("LAND")).len(), 2);
			assert_eq!(Departments::authorized_nodes(), vec![peer(1).to_vec(), peer(2).to_vec()]);
			let (entries, _) =
				pallet_audit::Pallet::<Test>::trail(&Subject::Department(code("LAND")));
			assert_eq!(entries.last().unwrap().action, Action::NodesSet);

			// An administrator of the department replaces the list.
			assert_ok!(Departments::grant_role(signed(LAND_HEAD), 77, Role::DepartmentAdmin));
			assert_ok!(Departments::set_nodes(signed(77), list(vec![peer(3)])));
			assert_eq!(Departments::authorized_nodes(), vec![peer(3).to_vec()]);
			assert_eq!(
				entries_authority(),
				Authority::Officer { department: code("LAND"), role: Role::DepartmentAdmin }
			);
		});
	}

	fn entries_authority() -> Authority<u64> {
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Department(code("LAND")));
		entries.last().unwrap().authority.clone()
	}

	#[test]
	fn bad_node_lists_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Departments::set_nodes(signed(LAND_SCRUTINY), list(vec![peer(1)])),
				Error::NotNodeManager
			);
			assert_noop!(
				Departments::set_nodes(signed(99), list(vec![peer(1)])),
				Error::NotNodeManager
			);
			for malformed in [vec![], vec![1; 38], vec![0x00, 0x05, 1, 2], vec![0x12, 0x20, 1]] {
				assert_noop!(
					Departments::set_nodes(
						signed(LAND_HEAD),
						list(vec![malformed.try_into().unwrap()])
					),
					Error::BadPeerId
				);
			}
			assert_noop!(
				Departments::set_nodes(signed(LAND_HEAD), list(vec![peer(1), peer(1)])),
				Error::DuplicatePeerId
			);
			// More than `MaxNodesPerDepartment` ids, or an id over `MaxPeerIdLen` bytes, cannot be
			// decoded as the call's argument.
			let decode = |nodes: Vec<Vec<u8>>| {
				<crate::Call<Test> as codec::Decode>::decode(
					&mut &[&[8u8][..], &codec::Encode::encode(&nodes)].concat()[..],
				)
			};
			assert!(decode((0..8).map(|i| peer(i).to_vec()).collect()).is_ok());
			assert!(decode((0..9).map(|i| peer(i).to_vec()).collect()).is_err());
			assert!(decode(vec![vec![0; 65]]).is_err());
		});
	}

	#[test]
	fn removing_a_department_removes_its_nodes() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(add("FIRE", 3));
			assert_ok!(Departments::set_nodes(signed(3), list(vec![peer(9)])));
			assert_ok!(Departments::remove_department(root(), code("FIRE")));
			assert!(!Nodes::<Test>::contains_key(code("FIRE")));
			assert!(Departments::authorized_nodes().is_empty());
		});
	}
}

mod accounts;

//! Holders' consents: given by the holding enterprise's owner, recorded for a private holder,
//! withdrawn, ended by a change of holder; and what the clearance workflow asks
//! ([`LandRegistry::may_apply`]).

use super::*;
use clearance_primitives::testing::MockEnterprises;

const EVIDENCE: H256 = H256::repeat_byte(0xe);

fn consent(who: u64, parcel: Ulpin, enterprise: u32) -> sp_runtime::DispatchResult {
	LandParcels::consent_to_use(signed(who), parcel, enterprise)
}

fn record(who: u64, parcel: Ulpin, enterprise: u32) -> sp_runtime::DispatchResult {
	LandParcels::record_consent(signed(who), parcel, enterprise, EVIDENCE)
}

fn withdraw(who: u64, parcel: Ulpin, enterprise: u32) -> sp_runtime::DispatchResult {
	LandParcels::withdraw_consent(signed(who), parcel, enterprise)
}

/// Register `MaxConsentsPerParcel` more enterprises, 100, 101, ...
fn many_enterprises() -> Vec<u32> {
	(0..<MaxConsentsPerParcel as Get<u32>>::get())
		.map(|i| {
			MockEnterprises::add(100 + i, 1_000 + u64::from(i), &[]);
			100 + i
		})
		.collect()
}

#[test]
fn the_holding_owner_consents_and_withdraws() {
	run(|| {
		assert_ok!(register_held(CLERK, PARCEL, Holder::Enterprise(0)));
		assert!(LandParcels::may_apply(&PARCEL, 0), "the holder may apply");
		assert!(!LandParcels::may_apply(&PARCEL, 1));

		assert_ok!(consent(OWNER, PARCEL, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::ConsentGiven { parcel: PARCEL, enterprise: 1, owner: OWNER }.into()
		);
		let given = Consent { by: ConsentBy::Holder, at: 1 };
		assert_eq!(Consents::<Test>::get(PARCEL, 1), Some(given.clone()));
		assert_eq!(ConsentCount::<Test>::get(PARCEL), 1);
		assert!(LandParcels::may_apply(&PARCEL, 1));
		assert!(!LandParcels::may_apply(&PARCEL, 2));
		assert!(!LandParcels::may_apply(&UNKNOWN, 1));
		let entry = trail(PARCEL).pop().unwrap();
		assert_eq!(
			(entry.action, entry.signer, entry.authority, entry.details),
			(
				Action::ConsentGiven,
				Some(OWNER),
				Authority::Owner { enterprise: 0 },
				details_hash((1u32, Some(&given)))
			)
		);

		System::set_block_number(5);
		assert_ok!(consent(OWNER, PARCEL, 2));
		assert_eq!(Consents::<Test>::get(PARCEL, 2).unwrap().at, 5);
		assert_eq!(ConsentCount::<Test>::get(PARCEL), 2);

		assert_ok!(withdraw(OWNER, PARCEL, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::ConsentWithdrawn { parcel: PARCEL, enterprise: 1, by: OWNER }.into()
		);
		assert!(!LandParcels::may_apply(&PARCEL, 1));
		assert!(LandParcels::may_apply(&PARCEL, 2));
		assert_eq!(ConsentCount::<Test>::get(PARCEL), 1);
		let entry = trail(PARCEL).pop().unwrap();
		assert_eq!(entry.details, details_hash((1u32, None::<ConsentOf<Test>>)));

		assert_ok!(withdraw(OWNER, PARCEL, 2));
		assert!(!ConsentCount::<Test>::contains_key(PARCEL));
		assert_eq!(Consents::<Test>::iter_prefix(PARCEL).count(), 0);
	});
}

#[test]
fn consent_refusals() {
	run(|| {
		assert_noop!(consent(OWNER, UNKNOWN, 1), E::NotFound);
		assert_ok!(register(CLERK, PARCEL2));
		assert_noop!(consent(OWNER, PARCEL2, 1), E::HeldPrivately);

		assert_ok!(register_held(CLERK, PARCEL, Holder::Enterprise(0)));
		// Only the owner of the holding enterprise: not its agent, another owner, an officer.
		assert_noop!(consent(AGENT, PARCEL, 1), E::NotHolder);
		assert_noop!(consent(OTHER_OWNER, PARCEL, 2), E::NotHolder);
		assert_noop!(consent(CLERK, PARCEL, 1), E::NotHolder);
		assert_noop!(consent(LAND_HEAD, PARCEL, 1), E::NotHolder);
		assert_noop!(consent(OWNER, PARCEL, 0), E::OwnConsent);
		assert_noop!(consent(OWNER, PARCEL, 7), E::UnknownEnterprise);
		assert_ok!(consent(OWNER, PARCEL, 1));
		assert_noop!(consent(OWNER, PARCEL, 1), E::ConsentExists);

		assert_ok!(LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, H256::zero()));
		assert_noop!(consent(OWNER, PARCEL, 2), E::ParcelFrozen);
		assert_ok!(LandParcels::unfreeze_parcel(signed(AUTHORITY), PARCEL, H256::zero()));

		let others = many_enterprises();
		let room = <MaxConsentsPerParcel as Get<u32>>::get() as usize - 1;
		for e in &others[..room] {
			assert_ok!(consent(OWNER, PARCEL, *e));
		}
		assert_eq!(ConsentCount::<Test>::get(PARCEL), <MaxConsentsPerParcel as Get<u32>>::get());
		assert_noop!(consent(OWNER, PARCEL, others[room]), E::TooManyConsents);
		assert_noop!(
			LandParcels::consent_to_use(RuntimeOrigin::none(), PARCEL, 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_record_keeper_records_a_private_holders_consent() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		assert!(!LandParcels::may_apply(&PARCEL, 0), "no enterprise holds it");

		assert_ok!(record(CLERK, PARCEL, 0));
		assert_eq!(
			last_event(),
			Event::<Test>::ConsentRecorded {
				parcel: PARCEL,
				enterprise: 0,
				evidence_hash: EVIDENCE,
				officer: CLERK
			}
			.into()
		);
		let recorded = Consent {
			by: ConsentBy::RecordedByOfficer { officer: CLERK, evidence_hash: EVIDENCE },
			at: 1,
		};
		assert_eq!(Consents::<Test>::get(PARCEL, 0), Some(recorded.clone()));
		assert!(LandParcels::may_apply(&PARCEL, 0));
		let entry = trail(PARCEL).pop().unwrap();
		assert_eq!(
			(entry.signer, entry.authority, entry.details),
			(
				Some(CLERK),
				Authority::Officer { department: code("LAND"), role: Role::ScrutinyOfficer },
				details_hash((0u32, Some(&recorded)))
			)
		);

		// Any record keeper withdraws it: here a department admin.
		assert_ok!(withdraw(LAND_ADMIN, PARCEL, 0));
		assert_eq!(
			last_event(),
			Event::<Test>::ConsentWithdrawn { parcel: PARCEL, enterprise: 0, by: LAND_ADMIN }
				.into()
		);
		assert!(!LandParcels::may_apply(&PARCEL, 0));
	});
}

#[test]
fn record_consent_refusals() {
	run(|| {
		assert_noop!(record(CLERK, UNKNOWN, 0), E::NotFound);
		assert_ok!(register_held(CLERK, PARCEL2, Holder::Enterprise(0)));
		assert_noop!(record(CLERK, PARCEL2, 1), E::HeldByEnterprise);

		assert_ok!(register(CLERK, PARCEL));
		assert_noop!(record(AUTHORITY, PARCEL, 0), E::NotAuthorized);
		assert_noop!(record(FIRE_OFFICER, PARCEL, 0), E::NotAuthorized);
		assert_noop!(record(OWNER, PARCEL, 0), E::NotAuthorized);
		assert_noop!(record(CLERK, PARCEL, 7), E::UnknownEnterprise);
		assert_ok!(record(CLERK, PARCEL, 0));
		assert_noop!(record(LAND_HEAD, PARCEL, 0), E::ConsentExists);

		assert_ok!(LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, H256::zero()));
		assert_noop!(record(CLERK, PARCEL, 1), E::ParcelFrozen);
		assert_ok!(LandParcels::unfreeze_parcel(signed(AUTHORITY), PARCEL, H256::zero()));

		let others = many_enterprises();
		let room = <MaxConsentsPerParcel as Get<u32>>::get() as usize - 1;
		for e in &others[..room] {
			assert_ok!(record(CLERK, PARCEL, *e));
		}
		assert_noop!(record(CLERK, PARCEL, others[room]), E::TooManyConsents);
		assert_noop!(
			LandParcels::record_consent(RuntimeOrigin::none(), PARCEL, 1, EVIDENCE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn withdrawal_refusals_and_withdrawal_while_frozen() {
	run(|| {
		assert_noop!(withdraw(OWNER, UNKNOWN, 1), E::NotFound);

		assert_ok!(register_held(CLERK, PARCEL, Holder::Enterprise(0)));
		assert_noop!(withdraw(OWNER, PARCEL, 1), E::NoConsent);
		assert_ok!(consent(OWNER, PARCEL, 1));
		// For an enterprise's parcel, its owner only.
		assert_noop!(withdraw(CLERK, PARCEL, 1), E::NotHolder);
		assert_noop!(withdraw(AGENT, PARCEL, 1), E::NotHolder);
		assert_noop!(withdraw(OTHER_OWNER, PARCEL, 1), E::NotHolder);

		assert_ok!(register(CLERK, PARCEL2));
		assert_noop!(withdraw(CLERK, PARCEL2, 1), E::NoConsent);
		assert_ok!(record(CLERK, PARCEL2, 1));
		// For a private holder's parcel, a record keeper only.
		assert_noop!(withdraw(OWNER, PARCEL2, 1), E::NotAuthorized);
		assert_noop!(withdraw(OTHER_OWNER, PARCEL2, 1), E::NotAuthorized);
		assert_noop!(withdraw(AUTHORITY, PARCEL2, 1), E::NotAuthorized);
		assert_noop!(
			LandParcels::withdraw_consent(RuntimeOrigin::none(), PARCEL2, 1),
			DispatchError::BadOrigin
		);

		// A freeze does not keep a holder bound to a consent.
		assert_ok!(LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, H256::zero()));
		assert_ok!(withdraw(OWNER, PARCEL, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::ConsentWithdrawn { parcel: PARCEL, enterprise: 1, by: OWNER }.into()
		);
	});
}

#[test]
fn a_change_of_holder_ends_the_consents() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		let others = many_enterprises();
		for e in &others {
			assert_ok!(record(CLERK, PARCEL, *e));
		}
		assert_eq!(ConsentCount::<Test>::get(PARCEL), <MaxConsentsPerParcel as Get<u32>>::get());
		// Another parcel's consent is untouched.
		assert_ok!(register(CLERK, PARCEL2));
		assert_ok!(record(CLERK, PARCEL2, 1));

		// An area change keeps them.
		assert_ok!(LandParcels::update_parcel(signed(CLERK), PARCEL, Some(30_000), None));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: CLERK }.into()
		);
		assert!(LandParcels::may_apply(&PARCEL, others[0]));

		// A new holder: every consent of the previous one ends, in one bounded removal.
		System::reset_events();
		assert_ok!(LandParcels::update_parcel(
			signed(CLERK),
			PARCEL,
			None,
			Some(Holder::Enterprise(others[0]))
		));
		let events: Vec<_> = System::events().into_iter().map(|r| r.event).collect();
		assert_eq!(
			events,
			vec![
				Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: CLERK }.into(),
				Event::<Test>::ConsentsLapsed {
					parcel: PARCEL,
					count: <MaxConsentsPerParcel as Get<u32>>::get()
				}
				.into(),
			]
		);
		assert_eq!(Consents::<Test>::iter_prefix(PARCEL).count(), 0);
		assert!(!ConsentCount::<Test>::contains_key(PARCEL));
		assert!(LandParcels::may_apply(&PARCEL, others[0]), "now the holder");
		assert!(!LandParcels::may_apply(&PARCEL, others[1]));
		assert!(LandParcels::may_apply(&PARCEL2, 1));

		// A change of holder with no consents emits no lapse.
		System::reset_events();
		assert_ok!(LandParcels::update_parcel(
			signed(CLERK),
			PARCEL,
			None,
			Some(Holder::Enterprise(0))
		));
		assert_eq!(System::events().len(), 1);
	});
}

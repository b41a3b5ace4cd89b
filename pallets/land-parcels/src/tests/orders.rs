//! Court freezes, land-use correction by order, land-use conversion by clearance.

use super::*;

#[test]
fn a_court_freeze_stops_changes_and_notifies() {
	run(|| {
		assert_ok!(register_held(CLERK, PARCEL, Holder::Enterprise(0)));
		let order = H256::repeat_byte(5);
		assert_ok!(LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, order));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelFrozen { parcel: PARCEL, order_hash: order, officer: AUTHORITY }
				.into()
		);
		assert_eq!(freezes(), vec![(PARCEL, true)]);
		assert_eq!(LandParcels::is_frozen(&PARCEL), Some(true));
		assert_noop!(
			LandParcels::update_parcel(signed(CLERK), PARCEL, Some(1), None),
			E::ParcelFrozen
		);
		assert_noop!(
			LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()),
			E::ParcelFrozen
		);
		assert_noop!(LandParcels::remove_encumbrance(signed(CLERK), PARCEL, 0), E::ParcelFrozen);
		assert_noop!(
			LandParcels::convert_land_use(&PARCEL, LandUse::Industrial, None, Authority::Statute),
			E::ParcelFrozen
		);
		assert_noop!(
			LandParcels::correct_land_use(signed(AUTHORITY), PARCEL, LandUse::Industrial, order),
			E::ParcelFrozen
		);
		assert_noop!(
			LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, order),
			E::AlreadyFrozen
		);

		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_HEAD), PARCEL, order));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUnfrozen { parcel: PARCEL, order_hash: order, officer: LAND_HEAD }
				.into()
		);
		assert_eq!(freezes(), vec![(PARCEL, true), (PARCEL, false)]);
		assert_noop!(LandParcels::unfreeze_parcel(signed(AUTHORITY), PARCEL, order), E::NotFrozen);
		assert_eq!(
			trail(PARCEL).iter().map(|e| e.action).collect::<Vec<_>>(),
			vec![Action::ParcelRegistered, Action::ParcelFrozen, Action::ParcelUnfrozen]
		);
	});
}

#[test]
fn freeze_refusals() {
	run(|| {
		let order = H256::zero();
		assert_noop!(LandParcels::freeze_parcel(signed(AUTHORITY), PARCEL, order), E::NotFound);
		assert_ok!(register(CLERK, PARCEL));
		assert_noop!(LandParcels::freeze_parcel(signed(CLERK), PARCEL, order), E::NotAuthorized);
		assert_noop!(
			LandParcels::unfreeze_parcel(signed(FIRE_OFFICER), PARCEL, order),
			E::NotAuthorized
		);
		assert_noop!(LandParcels::unfreeze_parcel(signed(AUTHORITY), UNKNOWN, order), E::NotFound);
		assert_noop!(
			LandParcels::freeze_parcel(RuntimeOrigin::none(), PARCEL, order),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_order_corrects_the_land_use() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		let order = H256::repeat_byte(7);
		assert_ok!(LandParcels::correct_land_use(
			signed(AUTHORITY),
			PARCEL,
			LandUse::Residential,
			order
		));
		assert_eq!(
			last_event(),
			Event::<Test>::LandUseCorrected {
				parcel: PARCEL,
				from: LandUse::Agricultural,
				to: LandUse::Residential,
				order_hash: order,
				officer: AUTHORITY,
			}
			.into()
		);
		assert_eq!(Parcels::<Test>::get(PARCEL).unwrap().land_use, LandUse::Residential);
		let entry = trail(PARCEL).pop().unwrap();
		assert_eq!(
			(entry.action, entry.signer, entry.authority),
			(
				Action::LandUseCorrected,
				Some(AUTHORITY),
				Authority::Officer { department: code("LAND"), role: Role::ApprovingAuthority }
			)
		);
		// The order is on the trail.
		assert_eq!(
			entry.details,
			details_hash((LandUse::Agricultural, LandUse::Residential, order))
		);

		// The head holds every role.
		let order2 = H256::repeat_byte(8);
		assert_ok!(LandParcels::correct_land_use(
			signed(LAND_HEAD),
			PARCEL,
			LandUse::Agricultural,
			order2
		));
		assert_eq!(
			last_event(),
			Event::<Test>::LandUseCorrected {
				parcel: PARCEL,
				from: LandUse::Residential,
				to: LandUse::Agricultural,
				order_hash: order2,
				officer: LAND_HEAD,
			}
			.into()
		);
		assert_eq!(
			trail(PARCEL).pop().unwrap().authority,
			Authority::Head { department: code("LAND") }
		);
	});
}

#[test]
fn land_use_correction_refusals() {
	run(|| {
		let correct = |who, parcel, to| {
			LandParcels::correct_land_use(signed(who), parcel, to, H256::repeat_byte(7))
		};
		assert_noop!(correct(AUTHORITY, UNKNOWN, LandUse::Industrial), E::NotFound);
		assert_ok!(register(CLERK, PARCEL));
		// Record keepers (scrutiny officers, department admins) keep the record but do not
		// change the land use.
		assert_noop!(correct(CLERK, PARCEL, LandUse::Industrial), E::NotAuthorized);
		assert_noop!(correct(LAND_ADMIN, PARCEL, LandUse::Industrial), E::NotAuthorized);
		assert_noop!(correct(FIRE_OFFICER, PARCEL, LandUse::Industrial), E::NotAuthorized);
		assert_noop!(correct(OWNER, PARCEL, LandUse::Industrial), E::NotAuthorized);
		assert_noop!(correct(AUTHORITY, PARCEL, LandUse::Agricultural), E::NothingToUpdate);
		assert_noop!(
			LandParcels::correct_land_use(
				RuntimeOrigin::none(),
				PARCEL,
				LandUse::Industrial,
				H256::zero()
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_approved_conversion_changes_the_land_use() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		let authority =
			Authority::Officer { department: code("LAND"), role: Role::ApprovingAuthority };
		assert_ok!(LandParcels::convert_land_use(
			&PARCEL,
			LandUse::Industrial,
			Some(AUTHORITY),
			authority.clone()
		));
		assert_eq!(
			last_event(),
			Event::<Test>::LandUseConverted {
				parcel: PARCEL,
				from: LandUse::Agricultural,
				to: LandUse::Industrial
			}
			.into()
		);
		assert_eq!(Parcels::<Test>::get(PARCEL).unwrap().land_use, LandUse::Industrial);
		let entries = trail(PARCEL);
		assert_eq!(entries[1].authority, authority);
		assert_eq!(entries[1].details, details_hash((LandUse::Agricultural, LandUse::Industrial)));
		assert_noop!(
			LandParcels::convert_land_use(&UNKNOWN, LandUse::Industrial, None, Authority::Statute),
			E::NotFound
		);
	});
}

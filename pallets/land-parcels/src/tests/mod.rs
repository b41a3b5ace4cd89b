//! Tests of the land records: every call's success and every refusal.

use crate::{mock::*, Encumbrance, EncumbranceKind, Error, Event, Holder, LandUse, Parcels};
use clearance_primitives::{testing::code, Action, Authority, LandRegistry, Role, Subject};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError;

type E = Error<Test>;

fn register(by: u64, parcel: crate::Ulpin) -> sp_runtime::DispatchResult {
	LandParcels::register_parcel(
		RuntimeOrigin::signed(by),
		parcel,
		b"Kolkata".to_vec(),
		b"Rajarhat".to_vec(),
		b"1234/5".to_vec(),
		20_000,
		LandUse::Agricultural,
		Holder::Private(H256::repeat_byte(9)),
	)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn mortgage() -> Encumbrance {
	Encumbrance {
		kind: EncumbranceKind::Mortgage,
		holder_hash: H256::repeat_byte(1),
		deed_hash: H256::repeat_byte(2),
	}
}

#[test]
fn a_land_officer_registers_a_parcel() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelRegistered {
				parcel: PARCEL,
				land_use: LandUse::Agricultural,
				officer: CLERK
			}
			.into()
		);
		let p = Parcels::<Test>::get(PARCEL).unwrap();
		assert_eq!((p.area_sqm, p.land_use, p.frozen), (20_000, LandUse::Agricultural, None));
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
		assert_eq!(
			entries[0].authority,
			Authority::Officer { department: code("LAND"), role: Role::ScrutinyOfficer }
		);
		assert_eq!(LandParcels::is_frozen(&PARCEL), Some(false));
		assert_eq!(LandParcels::is_frozen(b"WB19KOL0009999"), None);
	});
}

#[test]
fn registration_refusals() {
	run(|| {
		assert_noop!(register(FIRE_OFFICER, PARCEL), E::NotAuthorized);
		assert_noop!(register(AUTHORITY, PARCEL), E::NotAuthorized);
		assert_noop!(register(CLERK, *b"wb19kol0001234"), E::BadUlpin);
		let reg = |district: &[u8], plot: &[u8], area, holder| {
			LandParcels::register_parcel(
				signed(CLERK),
				PARCEL,
				district.to_vec(),
				b"V".to_vec(),
				plot.to_vec(),
				area,
				LandUse::Industrial,
				holder,
			)
		};
		assert_noop!(reg(b"", b"1", 1, Holder::Enterprise(0)), E::EmptyField);
		assert_noop!(reg(&[b'd'; 33], b"1", 1, Holder::Enterprise(0)), E::FieldTooLong);
		assert_noop!(reg(b"D", &[b'p'; 17], 1, Holder::Enterprise(0)), E::FieldTooLong);
		assert_noop!(reg(b"D", b"1", 0, Holder::Enterprise(0)), E::ZeroArea);
		assert_noop!(reg(b"D", b"1", 1, Holder::Enterprise(7)), E::UnknownEnterprise);
		assert_ok!(reg(b"D", b"1", 1, Holder::Enterprise(0)));
		assert_noop!(register(CLERK, PARCEL), E::AlreadyExists);
		assert_noop!(
			LandParcels::register_parcel(
				RuntimeOrigin::none(),
				PARCEL,
				vec![],
				vec![],
				vec![],
				1,
				LandUse::Other,
				Holder::Enterprise(0)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn updates_and_encumbrances() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
		assert_ok!(LandParcels::update_parcel(
			signed(LAND_HEAD),
			PARCEL,
			Some(25_000),
			Some(Holder::Enterprise(0)),
			None
		));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: LAND_HEAD }.into()
		);
		let p = Parcels::<Test>::get(PARCEL).unwrap();
		assert_eq!((p.area_sqm, p.holder), (25_000, Holder::Enterprise(0)));

		assert_ok!(LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()));
		assert_eq!(Parcels::<Test>::get(PARCEL).unwrap().encumbrances.len(), 1);
		assert_ok!(LandParcels::remove_encumbrance(signed(CLERK), PARCEL, 0));
		assert!(Parcels::<Test>::get(PARCEL).unwrap().encumbrances.is_empty());
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
		assert_eq!(entries.len(), 4);
		assert_eq!(entries[1].authority, Authority::Head { department: code("LAND") });
	});
}

#[test]
fn update_refusals() {
	run(|| {
		assert_noop!(
			LandParcels::update_parcel(signed(CLERK), PARCEL, Some(1), None, None),
			E::NotFound
		);
		assert_ok!(register(CLERK, PARCEL));
		assert_noop!(
			LandParcels::update_parcel(signed(FIRE_OFFICER), PARCEL, Some(1), None, None),
			E::NotAuthorized
		);
		assert_noop!(
			LandParcels::update_parcel(signed(CLERK), PARCEL, Some(0), None, None),
			E::ZeroArea
		);
		assert_noop!(
			LandParcels::update_parcel(
				signed(CLERK),
				PARCEL,
				None,
				Some(Holder::Enterprise(5)),
				None
			),
			E::UnknownEnterprise
		);
		assert_noop!(
			LandParcels::update_parcel(signed(CLERK), PARCEL, None, None, None),
			E::NothingToUpdate
		);
		assert_noop!(
			LandParcels::update_parcel(signed(CLERK), PARCEL, Some(20_000), None, None),
			E::NothingToUpdate
		);
		assert_noop!(
			LandParcels::remove_encumbrance(signed(CLERK), PARCEL, 0),
			E::NoSuchEncumbrance
		);
		for _ in 0..8 {
			assert_ok!(LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()));
		}
		assert_noop!(
			LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()),
			E::TooManyEncumbrances
		);
	});
}

#[test]
fn a_court_freeze_stops_changes_and_notifies() {
	run(|| {
		assert_ok!(register(CLERK, PARCEL));
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
			LandParcels::update_parcel(signed(CLERK), PARCEL, Some(1), None, None),
			E::ParcelFrozen
		);
		assert_noop!(
			LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()),
			E::ParcelFrozen
		);
		assert_noop!(
			LandParcels::convert_land_use(&PARCEL, LandUse::Industrial, None, Authority::Statute),
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
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
		assert_eq!(
			entries.iter().map(|e| e.action).collect::<Vec<_>>(),
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
		assert_noop!(
			LandParcels::unfreeze_parcel(signed(AUTHORITY), *b"WB19KOL0009999", order),
			E::NotFound
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
		let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
		assert_eq!(entries[1].authority, authority);
		assert_noop!(
			LandParcels::convert_land_use(
				b"WB19KOL0009999",
				LandUse::Industrial,
				None,
				Authority::Statute
			),
			E::NotFound
		);
	});
}

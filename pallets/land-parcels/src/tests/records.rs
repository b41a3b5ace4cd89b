//! Registration, bounded input, area and holder updates, encumbrances.

use super::*;
use codec::{Decode, Encode};

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
		assert_eq!(
			trail(PARCEL)[0].authority,
			Authority::Officer { department: code("LAND"), role: Role::ScrutinyOfficer }
		);
		assert_eq!(LandParcels::is_frozen(&PARCEL), Some(false));
		assert_eq!(LandParcels::is_frozen(&UNKNOWN), None);
	});
}

#[test]
fn registration_refusals() {
	run(|| {
		assert_noop!(register(FIRE_OFFICER, PARCEL), E::NotAuthorized);
		assert_noop!(register(AUTHORITY, PARCEL), E::NotAuthorized);
		assert_noop!(register(CLERK, *b"wb19kol0001234"), E::BadUlpin);
		let reg = |district: &[u8], village: &[u8], plot: &[u8], area, holder| {
			LandParcels::register_parcel(
				signed(CLERK),
				PARCEL,
				text(district),
				text(village),
				text(plot),
				area,
				LandUse::Industrial,
				holder,
			)
		};
		assert_noop!(reg(b"", b"V", b"1", 1, Holder::Enterprise(0)), E::EmptyField);
		assert_noop!(reg(b"D", b"", b"1", 1, Holder::Enterprise(0)), E::EmptyField);
		assert_noop!(reg(b"D", b"V", b"", 1, Holder::Enterprise(0)), E::EmptyField);
		assert_noop!(reg(b"D", b"V", b"1", 0, Holder::Enterprise(0)), E::ZeroArea);
		assert_noop!(reg(b"D", b"V", b"1", 1, Holder::Enterprise(7)), E::UnknownEnterprise);
		// The longest fields are accepted.
		assert_ok!(reg(&[b'd'; 32], &[b'v'; 32], &[b'p'; 16], 1, Holder::Enterprise(0)));
		assert_noop!(register(CLERK, PARCEL), E::AlreadyExists);
		assert_noop!(
			LandParcels::register_parcel(
				RuntimeOrigin::none(),
				PARCEL2,
				text(b"D"),
				text(b"V"),
				text(b"1"),
				1,
				LandUse::Other,
				Holder::Enterprise(0)
			),
			DispatchError::BadOrigin
		);
	});
}

/// `register_parcel` as a client encodes it: pallet index, call index, then the parameters,
/// each text field a plain byte vector.
fn register_call_bytes(district: &[u8], village: &[u8], plot: &[u8]) -> Vec<u8> {
	let pallet_index = 1u8; // `LandParcels` in the mock runtime
	let call_index = 0u8;
	(pallet_index, call_index, PARCEL, district.to_vec(), village.to_vec(), plot.to_vec())
		.encode()
		.into_iter()
		.chain((1u64, LandUse::Industrial, Holder::Enterprise(0)).encode())
		.collect()
}

#[test]
fn over_long_text_fields_are_refused_when_the_call_is_decoded() {
	run(|| {
		let decode = |bytes: Vec<u8>| RuntimeCall::decode(&mut &bytes[..]);
		let longest = decode(register_call_bytes(&[b'd'; 32], &[b'v'; 32], &[b'p'; 16]));
		assert_eq!(
			longest.unwrap(),
			RuntimeCall::LandParcels(crate::Call::register_parcel {
				parcel: PARCEL,
				district: text(&[b'd'; 32]),
				village: text(&[b'v'; 32]),
				plot: text(&[b'p'; 16]),
				area_sqm: 1,
				land_use: LandUse::Industrial,
				holder: Holder::Enterprise(0),
			})
		);
		assert!(decode(register_call_bytes(&[b'd'; 33], b"V", b"1")).is_err());
		assert!(decode(register_call_bytes(b"D", &[b'v'; 33], b"1")).is_err());
		assert!(decode(register_call_bytes(b"D", b"V", &[b'p'; 17])).is_err());
		// A field that claims a huge length is refused.
		let mut huge = register_call_bytes(b"D", b"V", b"1");
		let district_at = 2 + PARCEL.len();
		huge.splice(district_at..district_at + 2, codec::Compact(u32::MAX).encode());
		assert!(decode(huge).is_err());
	});
}

#[test]
fn every_limit_is_in_the_metadata() {
	run(|| {
		let constants = LandParcels::pallet_constants_metadata();
		let value = |name: &str| {
			let c = constants.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name}"));
			assert!(!c.docs.is_empty(), "{name} is documented");
			u32::decode(&mut &c.value[..]).unwrap()
		};
		assert_eq!(value("MaxDistrictLen"), 32);
		assert_eq!(value("MaxVillageLen"), 32);
		assert_eq!(value("MaxPlotLen"), 16);
		assert_eq!(value("MaxEncumbrances"), 8);
		assert_eq!(value("MaxConsentsPerParcel"), 8);
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
		));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: LAND_HEAD }.into()
		);
		let p = Parcels::<Test>::get(PARCEL).unwrap();
		assert_eq!((p.area_sqm, &p.holder), (25_000, &Holder::Enterprise(0)));

		assert_ok!(LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: CLERK }.into()
		);
		assert_eq!(Parcels::<Test>::get(PARCEL).unwrap().encumbrances.len(), 1);
		assert_ok!(LandParcels::remove_encumbrance(signed(LAND_ADMIN), PARCEL, 0));
		assert_eq!(
			last_event(),
			Event::<Test>::ParcelUpdated { parcel: PARCEL, officer: LAND_ADMIN }.into()
		);
		assert!(Parcels::<Test>::get(PARCEL).unwrap().encumbrances.is_empty());
		let entries = trail(PARCEL);
		assert_eq!(entries.len(), 4);
		assert_eq!(entries[1].authority, Authority::Head { department: code("LAND") });
		assert_eq!(entries[1].details, details_hash(&p));
	});
}

#[test]
fn update_refusals() {
	run(|| {
		let update =
			|who, area, holder| LandParcels::update_parcel(signed(who), PARCEL, area, holder);
		assert_noop!(update(CLERK, Some(1), None), E::NotFound);
		assert_ok!(register(CLERK, PARCEL));
		assert_noop!(update(FIRE_OFFICER, Some(1), None), E::NotAuthorized);
		assert_noop!(update(AUTHORITY, Some(1), None), E::NotAuthorized);
		assert_noop!(update(OWNER, Some(1), None), E::NotAuthorized);
		assert_noop!(update(CLERK, Some(0), None), E::ZeroArea);
		assert_noop!(update(CLERK, None, Some(Holder::Enterprise(5))), E::UnknownEnterprise);
		assert_noop!(update(CLERK, None, None), E::NothingToUpdate);
		assert_noop!(update(CLERK, Some(20_000), None), E::NothingToUpdate);
		assert_noop!(
			update(CLERK, None, Some(Holder::Private(H256::repeat_byte(9)))),
			E::NothingToUpdate
		);
		assert_noop!(
			LandParcels::update_parcel(RuntimeOrigin::none(), PARCEL, Some(1), None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn encumbrance_refusals() {
	run(|| {
		assert_noop!(LandParcels::add_encumbrance(signed(CLERK), UNKNOWN, mortgage()), E::NotFound);
		assert_ok!(register(CLERK, PARCEL));
		assert_noop!(
			LandParcels::add_encumbrance(signed(AUTHORITY), PARCEL, mortgage()),
			E::NotAuthorized
		);
		assert_noop!(
			LandParcels::remove_encumbrance(signed(CLERK), PARCEL, 0),
			E::NoSuchEncumbrance
		);
		assert_noop!(
			LandParcels::remove_encumbrance(signed(CLERK), PARCEL, u32::MAX),
			E::NoSuchEncumbrance
		);
		for _ in 0..<MaxEncumbrances as Get<u32>>::get() {
			assert_ok!(LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()));
		}
		assert_noop!(
			LandParcels::add_encumbrance(signed(CLERK), PARCEL, mortgage()),
			E::TooManyEncumbrances
		);
	});
}

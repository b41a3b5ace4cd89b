//! Certificates: renewal, revocation, expiry, and their refusals.

use super::*;

fn issued() -> CertificateId {
	let app = submit(&[TRADE], &[PARCEL]);
	approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER)
}

#[test]
fn renewal_links_old_and_new() {
	run(|| {
		let old = issued();
		let old_expiry = Certificates::<Test>::get(old).unwrap().expires_at.unwrap();
		assert_ok!(Clearances::renew_certificate(signed(IND_APPROVER), old, H256::repeat_byte(6)));
		let new = old + 1;
		assert_eq!(
			last_event(),
			Event::<Test>::CertificateRenewed { old, new, expires_at: Some(old_expiry + YEAR_MS) }
				.into()
		);
		assert_eq!(Certificates::<Test>::get(old).unwrap().renewed_by, Some(new));
		assert_eq!(Certificates::<Test>::get(new).unwrap().renews, Some(old));
		assert_eq!(CertificatesOf::<Test>::get(PARCEL).to_vec(), vec![new]);
		assert_noop!(
			Clearances::renew_certificate(signed(IND_APPROVER), old, H256::zero()),
			E::AlreadyRenewed
		);
	});
}

#[test]
fn revocation_and_expiry() {
	run(|| {
		let cert = issued();
		let issued_at = Certificates::<Test>::get(cert).unwrap().issued_at;
		run_to(5);
		assert_ok!(Clearances::revoke_certificate(
			signed(IND_APPROVER),
			cert,
			4,
			H256::repeat_byte(2)
		));
		assert_eq!(
			last_event(),
			Event::<Test>::CertificateRevoked { certificate: cert, by: IND_APPROVER, reason: 4 }
				.into()
		);
		assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Revoked));
		assert_eq!(
			Clearances::certificate_status(cert, Some(issued_at)),
			Some(CertificateStatus::Valid)
		);
		assert_eq!(
			Clearances::certificate_status(cert, Some(issued_at + 2 * YEAR_MS)),
			Some(CertificateStatus::Revoked)
		);
		assert_noop!(
			Clearances::revoke_certificate(signed(IND_APPROVER), cert, 4, H256::zero()),
			E::Revoked
		);
		assert_noop!(
			Clearances::renew_certificate(signed(IND_APPROVER), cert, H256::zero()),
			E::Revoked
		);
		// Expiry of another certificate, judged at a later moment.
		let other = {
			let app = submit(&[TRADE], &[PARCEL2]);
			approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER)
		};
		let exp = Certificates::<Test>::get(other).unwrap().expires_at.unwrap();
		assert_eq!(
			Clearances::certificate_status(other, Some(exp)),
			Some(CertificateStatus::Expired)
		);
		assert_eq!(Clearances::certificate_status(77, None), None);
	});
}

#[test]
fn refusals() {
	run(|| {
		assert_noop!(
			Clearances::revoke_certificate(signed(IND_APPROVER), 5, 1, H256::zero()),
			E::UnknownCertificate
		);
		assert_noop!(
			Clearances::renew_certificate(signed(IND_APPROVER), 5, H256::zero()),
			E::UnknownCertificate
		);
		let cert = issued();
		assert_noop!(
			Clearances::revoke_certificate(signed(IND_CLERK), cert, 1, H256::zero()),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::renew_certificate(signed(LAND_APPROVER), cert, H256::zero()),
			E::NotAuthorized
		);
		assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		assert_noop!(
			Clearances::renew_certificate(signed(IND_APPROVER), cert, H256::zero()),
			E::Suspended
		);
		assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
		// A permanent certificate (land-use conversion) needs no renewal.
		let app = submit(&[LUC], &[PARCEL2]);
		let luc = approve_case(case_of(app, LUC), LAND_CLERK, LAND_APPROVER);
		assert_noop!(
			Clearances::renew_certificate(signed(LAND_APPROVER), luc, H256::zero()),
			E::Permanent
		);
	});
}

#[test]
fn an_expired_certificate_replaced_on_its_parcel_cannot_be_renewed() {
	run(|| {
		let old = issued();
		// Expired, and the parcel granted the licence again.
		System::set_block_number(YEAR_MS / BLOCK_MS + 2);
		let app = submit(&[TRADE], &[PARCEL]);
		let new = approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER);
		// Renewing the old one would make two licences for the parcel.
		assert_noop!(
			Clearances::renew_certificate(signed(IND_APPROVER), old, H256::zero()),
			E::Superseded
		);
		// The new one renews as usual, and takes its place.
		assert_ok!(Clearances::renew_certificate(signed(IND_APPROVER), new, H256::zero()));
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::CertificateRenewed { old: o, .. } if *o == new)));
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL, tc(TRADE)), Some(new + 1));
	});
}

#[test]
fn an_expired_certificate_still_holding_its_parcel_renews() {
	run(|| {
		let old = issued();
		System::set_block_number(YEAR_MS / BLOCK_MS + 2);
		assert_ok!(Clearances::renew_certificate(signed(IND_APPROVER), old, H256::zero()));
		assert!(events().contains(&Event::CertificateRenewed {
			old,
			new: old + 1,
			expires_at: Certificates::<Test>::get(old + 1).unwrap().expires_at
		}));
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL, tc(TRADE)), Some(old + 1));
	});
}

//! The v2 migration: documents re-keyed under their enterprise, the per-parcel case index
//! emptied of decided cases, and the new indexes built, on a chain laid out as at version 1.

use super::*;
use frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	StoragePrefixedMap,
};

/// Every document, by enterprise and hash.
type AllDocuments = Vec<(EnterpriseId, H256, DocumentOf<Test>)>;
/// The rebuilt indexes: clearances held, type use, department horizons.
type Indexes = (
	Vec<(Ulpin, TypeCode, CertificateId)>,
	Vec<(TypeCode, TypeUse)>,
	Vec<(DepartmentCode, CertificateHorizon)>,
);

fn documents() -> AllDocuments {
	let mut d: AllDocuments = Documents::<Test>::iter().collect();
	d.sort_by_key(|(e, h, _)| (*e, *h));
	d
}

fn derived() -> Indexes {
	let mut held: Vec<_> = CertificateOfParcel::<Test>::iter().collect();
	held.sort();
	let mut usage: Vec<_> = TypeUsage::<Test>::iter().collect();
	usage.sort_by(|a, b| a.0.cmp(&b.0));
	let mut horizons: Vec<_> = DepartmentCertificates::<Test>::iter().collect();
	horizons.sort_by(|a, b| a.0.cmp(&b.0));
	(held, usage, horizons)
}

/// Put the pallet's storage back in its version-1 layout.
fn to_v1() {
	for (enterprise, hash, doc) in documents() {
		Documents::<Test>::remove(enterprise, hash);
		let key = [&Documents::<Test>::final_prefix()[..], hash.as_bytes()].concat();
		unhashed::put(&key, &doc);
	}
	// Version 1 kept approved cases in the per-parcel index.
	for (id, case) in Cases::<Test>::iter().filter(|(_, c)| c.state.is_approved()) {
		for p in Applications::<Test>::get(case.application).unwrap().parcels {
			CaseOfParcel::<Test>::insert(p, &case.clearance, id);
		}
	}
	let _ = CertificateOfParcel::<Test>::clear(u32::MAX, None);
	let _ = TypeUsage::<Test>::clear(u32::MAX, None);
	let _ = DepartmentCertificates::<Test>::clear(u32::MAX, None);
	StorageVersion::new(1).put::<Clearances>();
}

#[test]
fn the_v2_migration_keys_documents_by_enterprise_and_rebuilds_the_indexes() {
	run(|| {
		// Enterprise 0: a conversion and a trade licence under way (the consent waits), a trade
		// licence granted on the second parcel; enterprise 1: a document of its own.
		let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
		let granted = submit(&[TRADE], &[PARCEL2]);
		let cert = approve_case(case_of(granted, TRADE), IND_CLERK, IND_APPROVER);
		let revoked = approve_case(case_of(app, TRADE), IND_CLERK, IND_APPROVER);
		assert_ok!(Clearances::revoke_certificate(signed(IND_APPROVER), revoked, 1, H256::zero()));
		anchor_as(OTHER_OWNER, "AFFIDAVIT");
		let docs = documents();
		let indexes = derived();
		assert_eq!(docs.len(), 4);

		to_v1();
		assert!(documents().is_empty(), "version-1 keys do not decode as version 2");
		assert!(Clearances::do_try_state().is_err());
		crate::migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Clearances::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(documents(), docs);
		assert_eq!(derived(), indexes);
		assert_eq!(CaseOfParcel::<Test>::get(PARCEL2, tc(TRADE)), None);
		assert_eq!(CertificateOfParcel::<Test>::get(PARCEL2, tc(TRADE)), Some(cert));
		Clearances::do_try_state().expect("consistent after the migration");

		// Run again, the migration does nothing: the version guards it, and its body finds no
		// old keys and rebuilds the same indexes.
		let db = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get();
		assert_eq!(crate::migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade(), db.reads(1));
		use frame_support::traits::UncheckedOnRuntimeUpgrade;
		crate::migrations::v2::KeyDocumentsByEnterprise::<Test>::on_runtime_upgrade();
		assert_eq!((documents(), derived()), (docs, indexes));

		// The holder applies again where the licence was revoked, and is refused where it holds.
		assert_ok!(Clearances::submit_application(
			signed(OWNER),
			project(),
			bounded(&[PARCEL]),
			types_of(&[TRADE]),
			no_docs()
		));
		assert_noop!(
			Clearances::submit_application(
				signed(OWNER),
				project(),
				bounded(&[PARCEL2]),
				types_of(&[TRADE]),
				no_docs()
			),
			E::AlreadyApproved
		);
	});
}

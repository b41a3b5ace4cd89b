//! The on-chain size of one typical application.

use super::*;

/// Bytes of storage keys and values by item (first 32 bytes of the key).
fn by_item() -> std::collections::BTreeMap<Vec<u8>, usize> {
	let mut m = std::collections::BTreeMap::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		let n = next.len() + sp_io::storage::get(&next).map(|v| v.len()).unwrap_or(0);
		*m.entry(next[..32.min(next.len())].to_vec()).or_default() += n;
		key = next;
	}
	m
}

/// Bytes of all storage keys and values.
fn state_bytes() -> usize {
	let mut total = 0;
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		total += next.len() + sp_io::storage::get(&next).map(|v| v.len()).unwrap_or(0);
		key = next;
	}
	total
}

/// On-chain bytes of one application with three clearance types, five documents and twenty
/// trail entries (target: under 4 KiB).
#[test]
fn one_application_with_three_types_five_documents_and_twenty_trail_entries() {
	run(|| {
		let seq_before = pallet_audit::NextSeq::<Test>::get();
		System::reset_events();
		let before = state_bytes();
		let docs: Vec<H256> =
			["SALE_DEED", "PROJECT_REPORT", "SITE_PLAN", "AFFIDAVIT", "NOC_PANCHAYAT"]
				.iter()
				.map(|k| anchor(k))
				.collect();
		assert_ok!(Clearances::submit_application(
			signed(AGENT),
			project(),
			bounded(&[PARCEL]),
			types_of(&[LUC, CTE, BP]),
			bounded(&docs),
		));
		let app = NextApplicationId::<Test>::get() - 1;
		// Drive it to twenty trail entries: 5 documents, the submission, 3 cases opened,
		// the conversion's query, response and approval (with its certificate and the
		// parcel's land-use change), the consent approved, the building plan rejected.
		let luc = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), luc, H256::zero()));
		assert_ok!(Clearances::respond_to_query(signed(AGENT), luc, H256::zero(), no_docs()));
		assert_ok!(Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()));
		let cte = case_of(app, CTE);
		let bp = case_of(app, BP);
		assert_ok!(Clearances::take_case(signed(ENV_CLERK), cte));
		assert_ok!(Clearances::approve(signed(ENV_APPROVER), cte, H256::zero()));
		assert_ok!(Clearances::take_case(signed(IND_CLERK), bp));
		assert_ok!(Clearances::reject(signed(IND_APPROVER), bp, 2, H256::zero()));
		let entries = pallet_audit::NextSeq::<Test>::get() - seq_before;
		System::reset_events();
		let after = state_bytes();
		let names = [
			("Audit", "Trails"),
			("Audit", "Heads"),
			("Audit", "NextSeq"),
			("Clearances", "Applications"),
			("Clearances", "Cases"),
			("Clearances", "Certificates"),
			("Clearances", "Documents"),
			("Clearances", "CaseOfParcel"),
			("Clearances", "LiveCasesOf"),
			("Clearances", "CertificatesOf"),
			("Clearances", "Deadlines"),
			("Clearances", "ApplicationsOf"),
			("LandParcels", "Parcels"),
		];
		for (pallet, item) in names {
			let k = [
				sp_io::hashing::twox_128(pallet.as_bytes()),
				sp_io::hashing::twox_128(item.as_bytes()),
			]
			.concat();
			println!("{pallet}.{item}: {}", by_item().get(&k).copied().unwrap_or(0));
		}
		println!(
			"one application (3 types, 5 documents, {entries} trail entries): {} bytes",
			after - before
		);
		assert_eq!(entries, 20);
		// Regression bound; the figure itself is reported (see the closing notes).
		assert!(after - before < 6 * 1024, "{} bytes", after - before);
	});
}

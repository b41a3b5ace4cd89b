//! The limits a client can run into are in the metadata, each equal to its type alias, and an
//! argument beyond its limit does not decode.

use super::*;
use codec::Decode;

#[test]
fn every_limit_is_a_constant_in_the_metadata() {
	let constants: std::collections::BTreeMap<String, Vec<u8>> =
		Clearances::pallet_constants_metadata()
			.into_iter()
			.map(|c| {
				assert!(!c.docs.is_empty(), "{} has no docs", c.name);
				(c.name.to_string(), c.value)
			})
			.collect();
	let expected = [
		("MaxTypeCodeLen", <MaxTypeCodeLen as Get<u32>>::get()),
		("MaxDocKindLen", <MaxDocKindLen as Get<u32>>::get()),
		("MaxPrerequisites", <MaxPrerequisites as Get<u32>>::get()),
		("MaxRequiredDocuments", <MaxRequiredDocuments as Get<u32>>::get()),
		("MaxParcels", <MaxParcels as Get<u32>>::get()),
		("MaxDocuments", <MaxDocuments as Get<u32>>::get()),
		("MaxTypes", <MaxTypes as Get<u32>>::get()),
		("MaxText", <MaxText as Get<u32>>::get()),
		("MaxUri", <MaxUri as Get<u32>>::get()),
		("MaxCasesPerParcel", <MaxCasesPerParcel as Get<u32>>::get()),
		("MaxCertificatesPerParcel", <MaxCertificatesPerParcel as Get<u32>>::get()),
		("MaxDeadlinesPerBlock", <MaxDeadlinesPerBlock as Get<u32>>::get()),
		("DeadlineWindow", DEADLINE_WINDOW),
		("MaxDeadlineWork", <<Test as Config>::MaxDeadlineWork as Get<u32>>::get()),
	];
	for (name, value) in expected {
		let bytes = constants.get(name).unwrap_or_else(|| panic!("{name} missing"));
		assert_eq!(u32::decode(&mut &bytes[..]).ok(), Some(value), "{name}");
		assert_eq!(bytes.len(), 4, "{name} is a u32");
	}
}

/// The SCALE bytes of a call to `index` whose arguments are `args`, encoded as they come: how a
/// client could send a list longer than the call's bound.
fn call_bytes(index: u8, args: impl codec::Encode) -> Vec<u8> {
	let mut bytes = vec![index];
	args.encode_to(&mut bytes);
	bytes
}

fn decodes(bytes: &[u8]) -> bool {
	<Call<Test> as Decode>::decode(&mut &bytes[..]).is_ok()
}

#[test]
fn an_oversized_argument_does_not_decode() {
	let max = |n: u32| n as usize;
	let hashes = |n: usize| vec![H256::repeat_byte(7); n];
	// `respond_to_query(case, response, documents)`, index 7: the 100,001 hashes of the issue.
	let respond = |n: usize| call_bytes(7, (0u32, H256::zero(), hashes(n)));
	assert!(decodes(&respond(max(<MaxDocuments as Get<u32>>::get()))));
	assert!(!decodes(&respond(max(<MaxDocuments as Get<u32>>::get()) + 1)));
	assert!(!decodes(&respond(100_001)));

	// `submit_application(project, parcels, types, documents)`, index 3.
	let parcel = *b"WB19KOL0001234";
	let submit = |parcels: usize, types: usize, docs: usize| {
		let types: Vec<TypeCode> = vec![tc("TRADE_LICENCE"); types];
		call_bytes(3, (project(), vec![parcel; parcels], types, hashes(docs)))
	};
	let (p, t, d) = (
		max(<MaxParcels as Get<u32>>::get()),
		max(<MaxTypes as Get<u32>>::get()),
		max(<MaxDocuments as Get<u32>>::get()),
	);
	assert!(decodes(&submit(p, t, d)));
	assert!(!decodes(&submit(p + 1, t, d)));
	assert!(!decodes(&submit(p, t + 1, d)));
	assert!(!decodes(&submit(p, t, d + 1)));

	// `anchor_document(sha256, kind, size, uri)`, index 2: a 3 MiB URI, a kind too long.
	let anchor = |kind: usize, uri: usize| {
		call_bytes(2, (H256::zero(), vec![b'K'; kind], 1u64, Some(vec![b'u'; uri])))
	};
	let (k, u) = (max(<MaxDocKindLen as Get<u32>>::get()), max(<MaxUri as Get<u32>>::get()));
	assert!(decodes(&anchor(k, u)));
	assert!(!decodes(&anchor(k, u + 1)));
	assert!(!decodes(&anchor(k, 3 * 1024 * 1024)));
	assert!(!decodes(&anchor(k + 1, u)));
}

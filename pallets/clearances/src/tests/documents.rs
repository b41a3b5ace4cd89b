//! Documents: anchored by hash once per enterprise, by an applicant, with a well-formed kind;
//! each enterprise in its own namespace.

use super::*;

fn kind(s: &str) -> DocKind {
	s.as_bytes().to_vec().try_into().unwrap()
}

#[test]
fn an_applicant_anchors_a_document_once() {
	run(|| {
		let h = H256::repeat_byte(1);
		assert_ok!(Clearances::anchor_document(
			signed(AGENT),
			h,
			kind("SITE_PLAN"),
			2048,
			Some(bounded(b"ipfs://x"))
		));
		assert_eq!(
			last_event(),
			Event::<Test>::DocumentAnchored { document: h, enterprise: 0 }.into()
		);
		let d = Documents::<Test>::get(0, h).unwrap();
		assert_eq!((d.enterprise, d.size), (0, 2048));
		assert_noop!(
			Clearances::anchor_document(signed(OWNER), h, kind("SITE_PLAN"), 1, None),
			E::AlreadyAnchored
		);
	});
}

#[test]
fn each_enterprise_anchors_in_its_own_namespace() {
	run(|| {
		// Enterprise 1 anchors the hash of enterprise 0's sale deed first.
		let deed = H256::repeat_byte(0xde);
		assert_ok!(Clearances::anchor_document(
			signed(OTHER_OWNER),
			deed,
			kind("SALE_DEED"),
			1,
			None
		));
		// Enterprise 0 anchors its own deed all the same, and applies with it.
		assert_ok!(Clearances::anchor_document(signed(AGENT), deed, kind("SALE_DEED"), 1, None));
		assert_eq!(
			last_event(),
			Event::<Test>::DocumentAnchored { document: deed, enterprise: 0 }.into()
		);
		assert_eq!(Documents::<Test>::get(0, deed).unwrap().enterprise, 0);
		assert_eq!(Documents::<Test>::get(1, deed).unwrap().enterprise, 1);
		assert_ok!(Clearances::submit_application(
			signed(AGENT),
			project(),
			bounded(&[PARCEL]),
			types_of(&[LUC]),
			bounded(&[deed]),
		));
		assert!(events().contains(&Event::ApplicationSubmitted {
			application: 0,
			enterprise: 0,
			by: AGENT
		}));
		// The application's view shows enterprise 0's record of the document.
		let view = Clearances::application_view(0).unwrap();
		assert_eq!(view.documents.len(), 1);
		assert_eq!(view.documents[0].1.enterprise, 0);
	});
}

#[test]
fn refusals() {
	run(|| {
		let h = H256::repeat_byte(1);
		assert_noop!(
			Clearances::anchor_document(signed(LAND_CLERK), h, kind("SITE_PLAN"), 1, None),
			E::NotAuthorized
		);
		assert_noop!(
			Clearances::anchor_document(signed(OWNER), h, kind("site"), 1, None),
			E::BadCode
		);
		assert_noop!(
			Clearances::anchor_document(RuntimeOrigin::none(), h, kind("SITE_PLAN"), 1, None),
			DispatchError::BadOrigin
		);
	});
}

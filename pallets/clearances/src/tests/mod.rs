//! Tests of the clearance workflow: every call's success (through its events and storage) and
//! every refusal (`assert_noop!`), the statutory clocks, freezes, certificates, and a long
//! randomised run with the invariants checked after every step.

mod queries;
mod random;

use crate::{mock::*, *};
use clearance_primitives::{testing::code, Action, Authority, LandRegistry, LandUse, Subject};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type E = Error<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Submit an application of enterprise 0 for `types` on `parcels` with the documents the demo
/// catalogue requires; returns the application id.
fn submit(types: &[&str], parcels: &[Ulpin]) -> ApplicationId {
	let docs = vec![anchor("SALE_DEED"), anchor("PROJECT_REPORT"), anchor("SITE_PLAN")];
	let id = NextApplicationId::<Test>::get();
	assert_ok!(Clearances::submit_application(
		signed(AGENT),
		project(),
		parcels.to_vec(),
		types.iter().map(|t| tc(t)).collect(),
		docs,
	));
	id
}

fn case_of(app: ApplicationId, ty: &str) -> CaseId {
	let a = Applications::<Test>::get(app).unwrap();
	*a.cases.iter().find(|c| Cases::<Test>::get(*c).unwrap().clearance == tc(ty)).unwrap()
}

fn state(case: CaseId) -> CaseState {
	Cases::<Test>::get(case).unwrap().state
}

/// Take and approve `case` by its department's officers.
fn approve_case(case: CaseId, clerk: u64, approver: u64) -> CertificateId {
	assert_ok!(Clearances::take_case(signed(clerk), case));
	assert_ok!(Clearances::approve(signed(approver), case, H256::repeat_byte(3)));
	Cases::<Test>::get(case).unwrap().decision.unwrap().certificate.unwrap()
}

mod catalogue {
	use super::*;

	fn fire_type() -> ClearanceTypeOf<Test> {
		ClearanceType {
			department: code("FIRE"),
			time_limit: 10,
			response_limit: 10,
			on_silence: OnSilence::DeemedApproval,
			validity_ms: None,
			prerequisites: BoundedVec::new(),
			required_documents: BoundedVec::new(),
			converts_to: None,
		}
	}

	#[test]
	fn the_council_sets_and_removes_types() {
		run(|| {
			assert_ok!(Clearances::set_clearance_type(
				RuntimeOrigin::root(),
				tc("FIRE_AUDIT"),
				fire_type()
			));
			assert_eq!(
				last_event(),
				Event::<Test>::ClearanceTypeSet { clearance: tc("FIRE_AUDIT") }.into()
			);
			assert!(ClearanceTypes::<Test>::contains_key(tc("FIRE_AUDIT")));
			assert_ok!(Clearances::remove_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT")));
			assert_eq!(
				last_event(),
				Event::<Test>::ClearanceTypeRemoved { clearance: tc("FIRE_AUDIT") }.into()
			);
		});
	}

	#[test]
	fn refusals() {
		run(|| {
			assert_noop!(
				Clearances::set_clearance_type(signed(FIRE_HEAD), tc("X_Y"), fire_type()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("fire"), fire_type()),
				E::BadCode
			);
			let mut t = fire_type();
			t.department = code("NOPE");
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
				E::UnknownDepartment
			);
			let mut t = fire_type();
			t.time_limit = 0;
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
				E::ZeroTimeLimit
			);
			let mut t = fire_type();
			t.prerequisites = BoundedVec::truncate_from(vec![tc("UNKNOWN")]);
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
				E::UnknownPrerequisite
			);
			let mut t = fire_type();
			t.prerequisites = BoundedVec::truncate_from(vec![tc("FIRE_AUDIT")]);
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
				E::UnknownPrerequisite
			);
			let mut t = fire_type();
			t.required_documents =
				BoundedVec::truncate_from(vec![b"x".to_vec().try_into().unwrap()]);
			assert_noop!(
				Clearances::set_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT"), t),
				E::BadCode
			);
			assert_noop!(
				Clearances::remove_clearance_type(RuntimeOrigin::root(), tc("FIRE_AUDIT")),
				E::UnknownType
			);
			assert_noop!(
				Clearances::remove_clearance_type(signed(1), tc(LUC)),
				DispatchError::BadOrigin
			);
		});
	}
}

mod documents {
	use super::*;

	#[test]
	fn an_applicant_anchors_a_document_once() {
		run(|| {
			let h = H256::repeat_byte(1);
			assert_ok!(Clearances::anchor_document(
				signed(AGENT),
				h,
				b"SITE_PLAN".to_vec(),
				2048,
				Some(b"ipfs://x".to_vec())
			));
			assert_eq!(
				last_event(),
				Event::<Test>::DocumentAnchored { document: h, enterprise: 0 }.into()
			);
			let d = Documents::<Test>::get(h).unwrap();
			assert_eq!((d.enterprise, d.size), (0, 2048));
			assert_noop!(
				Clearances::anchor_document(signed(OWNER), h, b"SITE_PLAN".to_vec(), 1, None),
				E::AlreadyAnchored
			);
		});
	}

	#[test]
	fn refusals() {
		run(|| {
			let h = H256::repeat_byte(1);
			assert_noop!(
				Clearances::anchor_document(signed(LAND_CLERK), h, b"SITE_PLAN".to_vec(), 1, None),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::anchor_document(signed(OWNER), h, b"site".to_vec(), 1, None),
				E::BadCode
			);
			assert_noop!(
				Clearances::anchor_document(
					signed(OWNER),
					h,
					b"SITE_PLAN".to_vec(),
					1,
					Some(vec![0; 129])
				),
				E::UriTooLong
			);
			assert_noop!(
				Clearances::anchor_document(
					RuntimeOrigin::none(),
					h,
					b"SITE_PLAN".to_vec(),
					1,
					None
				),
				DispatchError::BadOrigin
			);
		});
	}
}

mod submission {
	use super::*;

	#[test]
	fn one_application_fans_out_into_cases() {
		run(|| {
			let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
			let a = Applications::<Test>::get(app).unwrap();
			assert_eq!(
				(a.enterprise, a.submitted_by, a.open_cases, a.status),
				(0, AGENT, 3, ApplicationStatus::Open)
			);
			// Land-use conversion and trade licence open now; consent to establish waits for
			// the conversion.
			assert_eq!(state(case_of(app, LUC)), CaseState::Submitted);
			assert_eq!(state(case_of(app, TRADE)), CaseState::Submitted);
			assert_eq!(state(case_of(app, CTE)), CaseState::Waiting);
			let ev = events();
			assert!(ev.contains(&Event::ApplicationSubmitted {
				application: app,
				enterprise: 0,
				by: AGENT
			}));
			assert!(ev.contains(&Event::CaseWaiting { case: case_of(app, CTE), application: app }));
			assert!(ev.contains(&Event::CaseOpened {
				case: case_of(app, LUC),
				application: app,
				due: 31
			}));
			// The agent is recorded as acting for the enterprise.
			let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Application(app));
			assert_eq!(entries[0].authority, Authority::Agent { enterprise: 0, agent: AGENT });
			assert!(ApplicationsOf::<Test>::contains_key(0, app));
		});
	}

	#[test]
	fn refuses_what_can_never_succeed() {
		run(|| {
			let deed = anchor("SALE_DEED");
			let foreign = anchor_as(OTHER_OWNER, "SALE_DEED");
			let sub = |who: u64, parcels: Vec<Ulpin>, types: Vec<&str>, docs: Vec<H256>| {
				Clearances::submit_application(
					signed(who),
					project(),
					parcels,
					types.iter().map(|t| tc(t)).collect(),
					docs,
				)
			};
			assert_noop!(sub(LAND_CLERK, vec![PARCEL], vec![LUC], vec![deed]), E::NotAuthorized);
			assert_noop!(
				Clearances::submit_application(
					signed(OWNER),
					Project { name: BoundedVec::new(), ..project() },
					vec![PARCEL],
					vec![tc(LUC)],
					vec![deed]
				),
				E::BadProject
			);
			assert_noop!(sub(OWNER, vec![], vec![LUC], vec![deed]), E::BadApplication);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![], vec![deed]), E::BadApplication);
			assert_noop!(sub(OWNER, vec![PARCEL; 5], vec![LUC], vec![deed]), E::BadApplication);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![LUC], vec![deed; 17]), E::BadApplication);
			assert_noop!(sub(OWNER, vec![UNKNOWN_PARCEL], vec![LUC], vec![deed]), E::UnknownParcel);
			assert_noop!(sub(OWNER, vec![PARCEL, PARCEL], vec![LUC], vec![deed]), E::Duplicate);
			assert_noop!(
				sub(OWNER, vec![PARCEL], vec!["NO_SUCH_TYPE"], vec![deed]),
				E::UnknownType
			);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![LUC, LUC], vec![deed]), E::Duplicate);
			assert_noop!(
				sub(OWNER, vec![PARCEL], vec![LUC], vec![H256::repeat_byte(9)]),
				E::UnknownDocument
			);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![LUC], vec![foreign]), E::ForeignDocument);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![LUC], vec![]), E::MissingDocument);
			assert_noop!(sub(OWNER, vec![PARCEL], vec![FIRE_NOC], vec![]), E::MissingPrerequisite);
			assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL2, H256::zero()));
			assert_noop!(sub(OWNER, vec![PARCEL2], vec![LUC], vec![deed]), E::ParcelFrozen);
			// A live case for the same parcel and type.
			assert_ok!(sub(OWNER, vec![PARCEL], vec![LUC], vec![deed]));
			assert_noop!(sub(OWNER, vec![PARCEL], vec![LUC], vec![deed]), E::Duplicate);
			// The per-parcel bound on live cases.
			LiveCasesOf::<Test>::mutate(OTHER_PARCEL, |l| while l.try_push(999).is_ok() {});
			assert_noop!(sub(OWNER, vec![OTHER_PARCEL], vec![TRADE], vec![]), E::TooManyCases);
			LiveCasesOf::<Test>::remove(OTHER_PARCEL);
			NextApplicationId::<Test>::put(u32::MAX);
			assert_noop!(sub(OWNER, vec![OTHER_PARCEL], vec![TRADE], vec![]), E::IdsExhausted);
			NextApplicationId::<Test>::put(1);
		});
	}

	#[test]
	fn an_approved_prerequisite_from_an_earlier_application_counts() {
		run(|| {
			let first = submit(&[LUC], &[PARCEL]);
			approve_case(case_of(first, LUC), LAND_CLERK, LAND_APPROVER);
			let second = submit(&[BP], &[PARCEL]);
			assert_eq!(state(case_of(second, BP)), CaseState::Submitted);
		});
	}

	#[test]
	fn withdrawal_closes_undecided_cases() {
		run(|| {
			let app = submit(&[LUC, CTE], &[PARCEL]);
			assert_noop!(
				Clearances::withdraw_application(signed(OTHER_OWNER), app),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::withdraw_application(signed(LAND_CLERK), app),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::withdraw_application(signed(OWNER), 77),
				E::UnknownApplication
			);
			assert_ok!(Clearances::withdraw_application(signed(OWNER), app));
			assert_eq!(
				last_event(),
				Event::<Test>::ApplicationWithdrawn { application: app, by: OWNER }.into()
			);
			assert_eq!(state(case_of(app, LUC)), CaseState::Withdrawn);
			assert_eq!(state(case_of(app, CTE)), CaseState::Withdrawn);
			assert_eq!(
				Applications::<Test>::get(app).unwrap().status,
				ApplicationStatus::Withdrawn
			);
			assert_noop!(Clearances::withdraw_application(signed(OWNER), app), E::InvalidState);
			// The slot is free again.
			submit(&[LUC], &[PARCEL]);
		});
	}
}

mod scrutiny {
	use super::*;

	#[test]
	fn take_query_respond() {
		run(|| {
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			assert_eq!(last_event(), Event::<Test>::CaseTaken { case, officer: LAND_CLERK }.into());
			run_to(5);
			assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::repeat_byte(4)));
			assert_eq!(
				last_event(),
				Event::<Test>::QueryRaised { case, officer: LAND_CLERK, respond_by: 25 }.into()
			);
			let c = Cases::<Test>::get(case).unwrap();
			assert_eq!(c.clock.running_since, None, "the department clock stops");
			assert_eq!(c.clock.remaining, 26);
			// The applicant takes 10 blocks; the department keeps its 26.
			run_to(15);
			let more = anchor("AFFIDAVIT");
			assert_ok!(Clearances::respond_to_query(
				signed(AGENT),
				case,
				H256::repeat_byte(5),
				vec![more]
			));
			assert_eq!(last_event(), Event::<Test>::QueryResponded { case, by: AGENT }.into());
			assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(), Some(41));
			assert!(Applications::<Test>::get(app).unwrap().documents.contains(&more));
			assert_eq!(state(case), CaseState::Responded);
			// Only one query.
			assert_noop!(
				Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
				E::QueryAlreadyRaised
			);
		});
	}

	#[test]
	fn take_refusals() {
		run(|| {
			let app = submit(&[LUC, CTE], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_noop!(Clearances::take_case(signed(ENV_CLERK), case), E::NotAuthorized);
			assert_noop!(Clearances::take_case(signed(LAND_APPROVER), case), E::NotAuthorized);
			assert_noop!(Clearances::take_case(signed(LAND_CLERK), 99), E::UnknownCase);
			assert_noop!(
				Clearances::take_case(signed(ENV_CLERK), case_of(app, CTE)),
				E::InvalidState
			);
			assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert_noop!(Clearances::take_case(signed(LAND_CLERK), case), E::Suspended);
			assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert_ok!(Clearances::take_case(signed(LAND_HEAD), case));
			assert_noop!(Clearances::take_case(signed(LAND_CLERK), case), E::InvalidState);
		});
	}

	#[test]
	fn query_refusals() {
		run(|| {
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_noop!(
				Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
				E::NotAuthorized
			);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			clearance_primitives::testing::MockDepartments::add_officer(
				13,
				"LAND",
				clearance_primitives::DepartmentKind::Land,
				clearance_primitives::Role::ScrutinyOfficer,
			);
			assert_noop!(Clearances::raise_query(signed(13), case, H256::zero()), E::NotAuthorized);
			assert_noop!(
				Clearances::raise_query(signed(ENV_CLERK), case, H256::zero()),
				E::NotAuthorized
			);
			// A third of 30 blocks is 10: at block 12 objections are locked.
			run_to(12);
			assert_noop!(
				Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()),
				E::ObjectionsLocked
			);
		});
	}

	#[test]
	fn response_refusals() {
		run(|| {
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_noop!(
				Clearances::respond_to_query(signed(OWNER), case, H256::zero(), vec![]),
				E::InvalidState
			);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			assert_ok!(Clearances::raise_query(signed(LAND_HEAD), case, H256::zero()));
			assert_noop!(
				Clearances::respond_to_query(signed(OTHER_OWNER), case, H256::zero(), vec![]),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::respond_to_query(signed(LAND_CLERK), case, H256::zero(), vec![]),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::respond_to_query(
					signed(OWNER),
					case,
					H256::zero(),
					vec![H256::repeat_byte(7)]
				),
				E::UnknownDocument
			);
			let foreign = anchor_as(OTHER_OWNER, "AFFIDAVIT");
			assert_noop!(
				Clearances::respond_to_query(signed(OWNER), case, H256::zero(), vec![foreign]),
				E::ForeignDocument
			);
			let extra: Vec<H256> = (0..14).map(|i| anchor(&format!("EXTRA_{i}"))).collect();
			assert_noop!(
				Clearances::respond_to_query(signed(OWNER), case, H256::zero(), extra),
				E::BadApplication
			);
			assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert_noop!(
				Clearances::respond_to_query(signed(OWNER), case, H256::zero(), vec![]),
				E::Suspended
			);
		});
	}
}

mod decisions {
	use super::*;

	#[test]
	fn approval_issues_a_certificate_converts_land_and_opens_waiting_cases() {
		run(|| {
			let app = submit(&[LUC, CTE, BP], &[PARCEL]);
			let luc = case_of(app, LUC);
			let cert = approve_case(luc, LAND_CLERK, LAND_APPROVER);
			assert!(events().contains(&Event::CaseApproved {
				case: luc,
				by: LAND_APPROVER,
				certificate: cert
			}));
			assert!(events().contains(&Event::CertificateIssued {
				certificate: cert,
				case: luc,
				expires_at: None
			}));
			let c = Certificates::<Test>::get(cert).unwrap();
			assert_eq!(
				(c.enterprise, c.parcels.to_vec(), c.conditions),
				(0, vec![PARCEL], H256::repeat_byte(3))
			);
			assert_eq!(
				pallet_land_parcels::Parcels::<Test>::get(PARCEL).unwrap().land_use,
				LandUse::Industrial
			);
			assert_eq!(state(case_of(app, CTE)), CaseState::Submitted);
			assert_eq!(state(case_of(app, BP)), CaseState::Submitted);
			let d = Cases::<Test>::get(luc).unwrap().decision.unwrap();
			assert_eq!((d.by, d.in_time), (Some(LAND_APPROVER), true));
			assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Valid));
			// The approval is recorded on the case, the certificate and the parcel.
			let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Case(luc));
			assert_eq!(entries.last().unwrap().action, Action::CaseApproved);
			let (parcel_trail, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Parcel(PARCEL));
			assert_eq!(
				parcel_trail.last().unwrap().authority,
				Authority::Officer {
					department: code("LAND"),
					role: clearance_primitives::Role::ApprovingAuthority
				}
			);
			assert_eq!(Applications::<Test>::get(app).unwrap().open_cases, 2);
		});
	}

	#[test]
	fn rejection_also_rejects_cases_waiting_for_it() {
		run(|| {
			let app = submit(&[LUC, CTE, TRADE], &[PARCEL]);
			let luc = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
			assert_ok!(Clearances::reject(signed(LAND_APPROVER), luc, 7, H256::repeat_byte(8)));
			assert!(events().contains(&Event::CaseRejected {
				case: luc,
				by: Some(LAND_APPROVER),
				reason: 7
			}));
			let cte = case_of(app, CTE);
			assert_eq!(state(cte), CaseState::Rejected);
			assert_eq!(
				Cases::<Test>::get(cte).unwrap().decision.unwrap().reason,
				Some(REASON_PREREQUISITE_REFUSED)
			);
			assert_eq!(state(case_of(app, TRADE)), CaseState::Submitted);
			assert_eq!(Applications::<Test>::get(app).unwrap().open_cases, 1);
			// The parcel and type are free for a new application.
			submit(&[LUC], &[PARCEL]);
		});
	}

	#[test]
	fn decision_refusals() {
		run(|| {
			let app = submit(&[LUC, CTE], &[PARCEL]);
			let luc = case_of(app, LUC);
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
				E::InvalidState
			);
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), 99, H256::zero()),
				E::UnknownCase
			);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
			assert_noop!(
				Clearances::approve(signed(LAND_CLERK), luc, H256::zero()),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::approve(signed(ENV_APPROVER), luc, H256::zero()),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::reject(signed(LAND_CLERK), luc, 1, H256::zero()),
				E::NotAuthorized
			);
			assert_noop!(
				Clearances::approve(signed(ENV_APPROVER), case_of(app, CTE), H256::zero()),
				E::InvalidState
			);
			assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
				E::Suspended
			);
			assert_noop!(
				Clearances::reject(signed(LAND_APPROVER), luc, 1, H256::zero()),
				E::Suspended
			);
			assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			// A full certificate list on the parcel.
			CertificatesOf::<Test>::mutate(PARCEL, |l| while l.try_push(999).is_ok() {});
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
				E::TooManyCertificates
			);
			CertificatesOf::<Test>::remove(PARCEL);
			NextCertificateId::<Test>::put(u32::MAX);
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), luc, H256::zero()),
				E::IdsExhausted
			);
			NextCertificateId::<Test>::put(0);
		});
	}
}

mod clocks {
	use super::*;

	#[test]
	fn silence_means_deemed_approval_where_the_type_allows_it() {
		run(|| {
			let app = submit(&[TRADE], &[PARCEL]);
			let case = case_of(app, TRADE);
			run_to(7);
			assert_eq!(state(case), CaseState::Submitted);
			run_to(8);
			assert_eq!(state(case), CaseState::DeemedApproved);
			let d = Cases::<Test>::get(case).unwrap().decision.unwrap();
			assert_eq!((d.by, d.in_time), (None, false));
			let cert = d.certificate.unwrap();
			assert!(events().contains(&Event::CaseDeemedApproved { case, certificate: cert }));
			let (entries, _) = pallet_audit::Pallet::<Test>::trail(&Subject::Case(case));
			assert_eq!(entries.last().unwrap().authority, Authority::Statute);
			assert_eq!(Applications::<Test>::get(app).unwrap().status, ApplicationStatus::Decided);
		});
	}

	#[test]
	fn silence_escalates_to_the_head_otherwise() {
		run(|| {
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			run_to(31);
			assert_eq!(state(case), CaseState::Escalated);
			assert!(events().contains(&Event::CaseEscalated { case }));
			// Only the head decides now, and the decision is late.
			assert_noop!(
				Clearances::approve(signed(LAND_APPROVER), case, H256::zero()),
				E::NotAuthorized
			);
			assert_ok!(Clearances::approve(signed(LAND_HEAD), case, H256::zero()));
			assert!(!Cases::<Test>::get(case).unwrap().decision.unwrap().in_time);
		});
	}

	#[test]
	fn an_unanswered_query_lapses_the_case() {
		run(|| {
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()));
			// The department deadline (31) passes while the applicant holds the case.
			run_to(20);
			assert_eq!(state(case), CaseState::QueryRaised);
			run_to(21);
			assert_eq!(state(case), CaseState::Lapsed);
			assert!(events().contains(&Event::CaseLapsed { case }));
			run_to(40);
			assert_eq!(state(case), CaseState::Lapsed);
		});
	}

	#[test]
	fn a_full_deadline_queue_refuses_new_cases() {
		run(|| {
			// Every block from the trade licence's due block on, the whole window, is full.
			let per_block = <MaxDeadlinesPerBlock as Get<u32>>::get() as usize;
			let full: BoundedVec<(CaseId, Deadline), MaxDeadlinesPerBlock> =
				BoundedVec::truncate_from(vec![(999, Deadline::Department); per_block]);
			for b in 8..8 + DEADLINE_WINDOW as u64 {
				Deadlines::<Test>::insert(b, full.clone());
			}
			assert_noop!(
				Clearances::submit_application(
					signed(OWNER),
					project(),
					vec![PARCEL],
					vec![tc(TRADE)],
					vec![]
				),
				E::DeadlineQueueFull
			);
			let _ = Deadlines::<Test>::clear(u32::MAX, None);
		});
	}

	#[test]
	fn deadlines_beyond_the_per_block_budget_carry_over_and_none_is_skipped() {
		run(|| {
			// Ten trade licences due in the same block; the mock processes 4 a block.
			let mut cases = vec![];
			for i in 0..10u8 {
				let parcel = *b"WB19KOL00100AA";
				let mut p = parcel;
				p[13] = b'A' + i;
				register_parcel(p);
				let app = submit(&[TRADE], &[p]);
				cases.push(case_of(app, TRADE));
			}
			run_to(8);
			let deemed = |cs: &[CaseId]| {
				cs.iter().filter(|c| state(**c) == CaseState::DeemedApproved).count()
			};
			assert_eq!(deemed(&cases), 4);
			run_to(9);
			assert_eq!(deemed(&cases), 8);
			run_to(10);
			assert_eq!(deemed(&cases), 10);
			assert!(Deadlines::<Test>::iter().all(|(_, q)| q.is_empty()));
			assert_eq!(DeadlineCursor::<Test>::get(), 11);
		});
	}
}

mod freezes {
	use super::*;

	#[test]
	fn a_freeze_stops_clocks_and_suspends_certificates_until_lifted() {
		run(|| {
			let first = submit(&[TRADE], &[PARCEL]);
			run_to(8);
			let cert = Cases::<Test>::get(case_of(first, TRADE))
				.unwrap()
				.decision
				.unwrap()
				.certificate
				.unwrap();
			let app = submit(&[LUC], &[PARCEL]);
			let case = case_of(app, LUC);
			// Due at 39. Frozen at 10 with 29 blocks left.
			run_to(10);
			assert_ok!(LandParcels::freeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert!(events().contains(&Event::CaseSuspended { case }));
			assert!(events().contains(&Event::CertificateSuspended { certificate: cert }));
			assert_eq!(
				Clearances::certificate_status(cert, None),
				Some(CertificateStatus::Suspended)
			);
			let frozen_at =
				<BlockTime as frame_support::traits::UnixTime>::now().as_millis() as u64;
			run_to(60);
			assert_eq!(state(case), CaseState::Submitted, "no deadline runs while frozen");
			assert_ok!(LandParcels::unfreeze_parcel(signed(LAND_APPROVER), PARCEL, H256::zero()));
			assert!(events().contains(&Event::CaseResumed { case }));
			// Opened at 8 with 30 blocks, frozen at 10 with 28 left: due 28 blocks after 60.
			assert_eq!(Cases::<Test>::get(case).unwrap().clock.due(), Some(88));
			assert_eq!(Clearances::certificate_status(cert, None), Some(CertificateStatus::Valid));
			// The status at a past moment replays the trail.
			assert_eq!(
				Clearances::certificate_status(cert, Some(frozen_at + 1)),
				Some(CertificateStatus::Suspended)
			);
			assert_eq!(
				Clearances::certificate_status(cert, Some(frozen_at - 1)),
				Some(CertificateStatus::Valid)
			);
			assert_eq!(
				Clearances::certificate_status(cert, Some(0)),
				Some(CertificateStatus::NotYetIssued)
			);
			run_to(87);
			assert_eq!(state(case), CaseState::Submitted);
			run_to(88);
			assert_eq!(state(case), CaseState::Escalated);
		});
	}
}

mod certificates {
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
			assert_ok!(Clearances::renew_certificate(
				signed(IND_APPROVER),
				old,
				H256::repeat_byte(6)
			));
			let new = old + 1;
			assert_eq!(
				last_event(),
				Event::<Test>::CertificateRenewed {
					old,
					new,
					expires_at: Some(old_expiry + YEAR_MS)
				}
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
				Event::<Test>::CertificateRevoked {
					certificate: cert,
					by: IND_APPROVER,
					reason: 4
				}
				.into()
			);
			assert_eq!(
				Clearances::certificate_status(cert, None),
				Some(CertificateStatus::Revoked)
			);
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
}

mod storage_size {
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
				vec![PARCEL],
				vec![tc(LUC), tc(CTE), tc(BP)],
				docs,
			));
			let app = NextApplicationId::<Test>::get() - 1;
			// Drive it to twenty trail entries: 5 documents, the submission, 3 cases opened,
			// the conversion's query, response and approval (with its certificate and the
			// parcel's land-use change), the consent approved, the building plan rejected.
			let luc = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), luc));
			assert_ok!(Clearances::raise_query(signed(LAND_CLERK), luc, H256::zero()));
			assert_ok!(Clearances::respond_to_query(signed(AGENT), luc, H256::zero(), vec![]));
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
}

mod weights {
	use super::*;
	use crate::weights::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;

	type W = <Test as Config>::WeightInfo;

	fn largest() -> (u32, u32) {
		(Extent::largest().cases, Extent::largest().parcels)
	}

	#[test]
	fn an_approval_is_charged_for_its_own_application() {
		run(|| {
			let app = submit(&[TRADE], &[PARCEL]);
			let case = case_of(app, TRADE);
			assert_ok!(Clearances::take_case(signed(IND_CLERK), case));
			let declared =
				Call::<Test>::approve { case, conditions: H256::zero() }.get_dispatch_info();
			assert_eq!(declared.call_weight, W::approve(largest().0, largest().1));
			let post = Clearances::approve(signed(IND_APPROVER), case, H256::zero()).unwrap();
			assert_eq!(post.actual_weight, Some(W::approve(1, 1)));
			assert!(W::approve(1, 1).all_lt(declared.call_weight));
		});
	}

	#[test]
	fn a_rejection_and_a_withdrawal_are_charged_for_their_own_application() {
		run(|| {
			let app = submit(&[LUC, BP], &[PARCEL, OTHER_PARCEL]);
			let case = case_of(app, LUC);
			assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
			let post = Clearances::reject(signed(LAND_APPROVER), case, 1, H256::zero()).unwrap();
			assert_eq!(post.actual_weight, Some(W::reject(2, 2)));
			assert!(W::reject(2, 2).all_lt(W::reject(largest().0, largest().1)));

			let app = submit(&[TRADE], &[PARCEL]);
			let post = Clearances::withdraw_application(signed(AGENT), app).unwrap();
			assert_eq!(post.actual_weight, Some(W::withdraw_application(1, 1)));
			assert!(W::withdraw_application(1, 1)
				.all_lt(W::withdraw_application(largest().0, largest().1)));
		});
	}

	#[test]
	fn a_submission_is_charged_for_its_types_parcels_and_documents() {
		let call = |types: usize, parcels: usize, docs: usize| Call::<Test>::submit_application {
			project: project(),
			parcels: vec![PARCEL; parcels],
			types: vec![tc(TRADE); types],
			documents: vec![H256::zero(); docs],
		};
		assert_eq!(call(1, 1, 2).get_dispatch_info().call_weight, W::submit_application(1, 1, 2));
		assert!(W::submit_application(1, 1, 2).all_lt(W::submit_application(8, 4, 16)));
	}
}

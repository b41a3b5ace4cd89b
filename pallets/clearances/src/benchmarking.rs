//! Benchmarks of the clearance workflow (v2 syntax), each at its worst case for its components:
//! full lists, land-use conversion on approval, every waiting case opened or refused, and the
//! deadline work of a block. Submissions, decisions and withdrawals are measured against the
//! application's number of types (`t`, `c`), parcels (`p`) and documents (`d`), so that a call
//! is charged for its own application rather than the largest possible one.

use super::*;
use alloc::{format, vec};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

fn code<N: Get<u32>>(s: &str) -> BoundedVec<u8, N> {
	s.as_bytes().to_vec().try_into().expect("short code")
}

/// A distinct document hash for `n`.
fn numbered(n: u64) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[24..].copy_from_slice(&n.to_be_bytes());
	H256(bytes)
}

fn kind(i: u32) -> DocKind {
	code(&format!("KIND_{i}"))
}

/// `n` parcels `BENCHPARCEL000..` registered through the helper.
fn parcels<T: Config>(n: u32) -> Vec<Ulpin> {
	(0..n)
		.map(|i| {
			let mut p = *b"BENCHPARCEL000";
			p[13] = b'0' + i as u8;
			T::BenchmarkHelper::parcel(p);
			p
		})
		.collect()
}

/// `n` clearance types of the helper's department; the first converts land use, the others need
/// it first. Each requires one document, of the first anchored kind.
fn catalogue<T: Config>(n: u32, on_silence: OnSilence) -> Vec<TypeCode> {
	let (department, _) = T::BenchmarkHelper::department();
	(0..n)
		.map(|i| {
			let c: TypeCode = code(&format!("BENCH_TYPE_{i}"));
			let first: TypeCode = code("BENCH_TYPE_0");
			let t = ClearanceType {
				department: department.clone(),
				time_limit: 100u32.into(),
				response_limit: 100u32.into(),
				on_silence,
				validity_ms: Some(1_000_000),
				prerequisites: if i == 0 {
					BoundedVec::new()
				} else {
					BoundedVec::truncate_from(vec![first])
				},
				required_documents: BoundedVec::truncate_from(vec![kind(0)]),
				converts_to: (i == 0).then_some(clearance_primitives::LandUse::Industrial),
			};
			Pallet::<T>::do_set_type(c.clone(), t).expect("valid type");
			c
		})
		.collect()
}

/// Anchor `n` documents for the helper's applicant.
fn documents<T: Config>(n: u32) -> Vec<H256> {
	let (who, _) = T::BenchmarkHelper::applicant();
	(0..n)
		.map(|i| {
			let h = numbered(u64::from(i) + 1);
			Pallet::<T>::do_anchor(who.clone(), h, kind(i % 8).to_vec(), 1, None).expect("anchors");
			h
		})
		.collect()
}

fn project() -> Project {
	Project {
		name: BoundedVec::truncate_from(vec![b'p'; 64]),
		sector: BoundedVec::truncate_from(vec![b's'; 64]),
		investment: InvestmentClass::Large,
	}
}

/// An application for `n` types on `p` bench parcels; returns its id.
fn application<T: Config>(n: u32, p: u32, on_silence: OnSilence) -> ApplicationId {
	let (who, _) = T::BenchmarkHelper::applicant();
	let types = catalogue::<T>(n, on_silence);
	let docs = documents::<T>(8);
	let id = NextApplicationId::<T>::get();
	Pallet::<T>::do_submit(who, project(), parcels::<T>(p), types, docs)
		.expect("valid application");
	id
}

/// The first case of application `app`, taken by the department head.
fn taken<T: Config>(app: ApplicationId) -> (CaseId, T::AccountId) {
	let (_, head) = T::BenchmarkHelper::department();
	let case = Applications::<T>::get(app).expect("exists").cases[0];
	Pallet::<T>::do_take(head.clone(), case).expect("open case");
	(case, head)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_clearance_type() -> Result<(), BenchmarkError> {
		let prereqs = catalogue::<T>(<MaxPrerequisites as Get<u32>>::get(), OnSilence::Escalation);
		let (department, _) = T::BenchmarkHelper::department();
		let t = ClearanceType {
			department,
			time_limit: 10u32.into(),
			response_limit: 10u32.into(),
			on_silence: OnSilence::DeemedApproval,
			validity_ms: None,
			prerequisites: BoundedVec::truncate_from(prereqs),
			required_documents: BoundedVec::truncate_from((0..8).map(kind).collect()),
			converts_to: None,
		};
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code("BENCH_NEW_TYPE"), t);

		assert!(ClearanceTypes::<T>::contains_key(code::<ConstU32<32>>("BENCH_NEW_TYPE")));
		Ok(())
	}

	#[benchmark]
	fn remove_clearance_type() -> Result<(), BenchmarkError> {
		let types = catalogue::<T>(1, OnSilence::Escalation);
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, types[0].clone());

		assert!(!ClearanceTypes::<T>::contains_key(&types[0]));
		Ok(())
	}

	#[benchmark]
	fn anchor_document() {
		let (who, _) = T::BenchmarkHelper::applicant();
		let h = H256::repeat_byte(0xab);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), h, vec![b'K'; 24], 1_000_000, Some(vec![b'u'; 128]));

		assert!(Documents::<T>::contains_key(h));
	}

	#[benchmark]
	fn submit_application(
		t: Linear<1, { <MaxTypes as Get<u32>>::get() }>,
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
		d: Linear<1, { <MaxDocuments as Get<u32>>::get() }>,
	) {
		let (who, _) = T::BenchmarkHelper::applicant();
		let types = catalogue::<T>(t, OnSilence::Escalation);
		let docs = documents::<T>(d);
		let parcels = parcels::<T>(p);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), project(), parcels, types, docs);

		assert_eq!(NextApplicationId::<T>::get(), 1);
	}

	#[benchmark]
	fn withdraw_application(
		c: Linear<1, { <MaxTypes as Get<u32>>::get() }>,
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
	) {
		let app = application::<T>(c, p, OnSilence::Escalation);
		let (who, _) = T::BenchmarkHelper::applicant();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), app);

		assert_eq!(Applications::<T>::get(app).unwrap().status, ApplicationStatus::Withdrawn);
	}

	#[benchmark]
	fn take_case() {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let (_, head) = T::BenchmarkHelper::department();
		let case = Applications::<T>::get(app).unwrap().cases[0];

		#[extrinsic_call]
		_(RawOrigin::Signed(head), case);

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::UnderScrutiny);
	}

	#[benchmark]
	fn raise_query() {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);

		#[extrinsic_call]
		_(RawOrigin::Signed(head), case, H256::zero());

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::QueryRaised);
	}

	#[benchmark]
	fn respond_to_query() {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_raise_query(head, case, H256::zero()).expect("in time");
		let (who, _) = T::BenchmarkHelper::applicant();
		// Attach documents until the application's list is full.
		let extra: Vec<H256> = (8..<MaxDocuments as Get<u32>>::get())
			.map(|i| {
				let h = numbered(1000 + u64::from(i));
				Pallet::<T>::do_anchor(who.clone(), h, b"EXTRA".to_vec(), 1, None)
					.expect("anchors");
				h
			})
			.collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), case, H256::zero(), extra);

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Responded);
	}

	#[benchmark]
	fn approve(
		c: Linear<1, { <MaxTypes as Get<u32>>::get() }>,
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
	) {
		// Land conversion on every parcel, and every other case waiting for this one opens.
		let app = application::<T>(c, p, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);

		#[extrinsic_call]
		_(RawOrigin::Signed(head), case, H256::zero());

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Approved);
	}

	#[benchmark]
	fn reject(
		c: Linear<1, { <MaxTypes as Get<u32>>::get() }>,
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
	) {
		// Every other case was waiting for this one and is refused with it.
		let app = application::<T>(c, p, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);

		#[extrinsic_call]
		_(RawOrigin::Signed(head), case, 1, H256::zero());

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Rejected);
	}

	#[benchmark]
	fn renew_certificate() {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_approve(head.clone(), case, H256::zero()).expect("approves");
		let cert = NextCertificateId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(head), cert, H256::zero());

		assert!(Certificates::<T>::get(cert).unwrap().renewed_by.is_some());
	}

	#[benchmark]
	fn revoke_certificate() {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_approve(head.clone(), case, H256::zero()).expect("approves");
		let cert = NextCertificateId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(head), cert, 1, H256::zero());

		assert!(Certificates::<T>::get(cert).unwrap().revoked.is_some());
	}

	/// `n` deemed approvals (the costliest deadline) in one block.
	#[benchmark]
	fn on_initialize_deadlines(n: Linear<0, { T::MaxDeadlineWork::get() }>) {
		let (who, _) = T::BenchmarkHelper::applicant();
		let types = catalogue::<T>(1, OnSilence::DeemedApproval);
		let docs = documents::<T>(8);
		for i in 0..n {
			let mut p = *b"BENCHDEADLINE0";
			p[12] = b'A' + (i / 10) as u8;
			p[13] = b'0' + (i % 10) as u8;
			T::BenchmarkHelper::parcel(p);
			Pallet::<T>::do_submit(who.clone(), project(), vec![p], types.clone(), docs.clone())
				.expect("valid application");
		}
		let due = frame_system::Pallet::<T>::block_number() + 100u32.into();
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);

		#[block]
		{
			Pallet::<T>::process_deadlines(due);
		}

		assert_eq!(NextCertificateId::<T>::get(), n);
	}

	/// A freeze of a parcel with `c` live cases and `k` certificates.
	#[benchmark]
	fn on_freeze(
		c: Linear<0, { <MaxCasesPerParcel as Get<u32>>::get() }>,
		k: Linear<0, { <MaxCertificatesPerParcel as Get<u32>>::get() }>,
	) {
		let parcel = *b"BENCHFROZEN000";
		T::BenchmarkHelper::parcel(parcel);
		let cases: Vec<CaseId> = (0..c).collect();
		let certs: Vec<CertificateId> = (0..k).collect();
		let app = Application {
			enterprise: 0,
			project: project(),
			parcels: BoundedVec::truncate_from(vec![parcel]),
			documents: BoundedVec::new(),
			cases: BoundedVec::new(),
			open_cases: 0,
			submitted_by: T::BenchmarkHelper::applicant().0,
			submitted_at: Zero::zero(),
			status: ApplicationStatus::Open,
		};
		Applications::<T>::insert(0, app);
		let (department, _) = T::BenchmarkHelper::department();
		for id in &cases {
			let case = Case {
				application: 0,
				clearance: code("BENCH"),
				department: department.clone(),
				state: CaseState::Submitted,
				officer: None,
				opened_at: Some(Zero::zero()),
				time_limit: 100u32.into(),
				clock: Clock::start(100u32.into(), Zero::zero()),
				response_clock: None,
				query: None,
				response: None,
				suspensions: 0,
				decision: None,
			};
			Pallet::<T>::store_case(*id, case);
		}
		for id in &certs {
			let cert = Certificate {
				clearance: code("BENCH"),
				department: department.clone(),
				enterprise: 0,
				case: 0,
				parcels: BoundedVec::truncate_from(vec![parcel]),
				conditions: H256::zero(),
				issued_at: 0,
				expires_at: None,
				renews: None,
				renewed_by: None,
				revoked: None,
				suspensions: 0,
			};
			Certificates::<T>::insert(id, cert);
		}
		LiveCasesOf::<T>::insert(parcel, BoundedVec::truncate_from(cases));
		CertificatesOf::<T>::insert(parcel, BoundedVec::truncate_from(certs));

		#[block]
		{
			<Pallet<T> as ParcelFreezeHandler>::on_freeze(&parcel);
		}

		if c > 0 {
			assert_eq!(Cases::<T>::get(0).unwrap().suspensions, 1);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

//! Benchmarks of the clearance workflow (v2 syntax), each at its worst case for its components:
//! full lists, land-use conversion on approval, every waiting case opened or refused, and the
//! deadline work of a block. Submissions, decisions, withdrawals and each deadline's action are
//! measured against the application's number of types (`t`, `c`), parcels (`p`) and documents
//! (`d`), so that a call or a deadline is charged for its own application rather than the
//! largest possible one.

// Test and benchmark setup may panic and index freely; the runtime code may not.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

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

/// `n` parcels `BENCHPARCEL000..` registered through the helper, held by the applicant.
fn parcels<T: Config>(n: u32) -> BoundedVec<Ulpin, MaxParcels> {
	let (_, enterprise) = T::BenchmarkHelper::applicant();
	let parcels: Vec<Ulpin> = (0..n)
		.map(|i| {
			let mut p = *b"BENCHPARCEL000";
			p[13] = b'0' + i as u8;
			T::BenchmarkHelper::parcel(p, enterprise);
			p
		})
		.collect();
	parcels.try_into().expect("at most MaxParcels")
}

/// `n` clearance types of the helper's department; the first converts land use, the others need
/// it first. Each requires one document, of the first anchored kind.
fn catalogue<T: Config>(n: u32, on_silence: OnSilence) -> BoundedVec<TypeCode, MaxTypes> {
	let (department, _) = T::BenchmarkHelper::department();
	let types: Vec<TypeCode> = (0..n)
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
		.collect();
	BoundedVec::truncate_from(types)
}

/// Anchor `n` documents for the helper's applicant.
fn documents<T: Config>(n: u32) -> BoundedVec<H256, MaxDocuments> {
	let (who, _) = T::BenchmarkHelper::applicant();
	let docs: Vec<H256> = (0..n)
		.map(|i| {
			let h = numbered(u64::from(i) + 1);
			Pallet::<T>::do_anchor(who.clone(), h, kind(i % 8), 1, None).expect("anchors");
			h
		})
		.collect();
	BoundedVec::truncate_from(docs)
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

/// A case of application `app` whose deadline falls due: the block is moved to its due block;
/// returns the working position the deadline is queued at.
fn due<T: Config>(case: CaseId, kind: Deadline) -> BlockNumberFor<T> {
	let c = Cases::<T>::get(case).expect("exists");
	let clock = if kind == Deadline::Response { c.response_clock.expect("query") } else { c.clock };
	let calendar = Pallet::<T>::calendar();
	frame_system::Pallet::<T>::set_block_number(clock.due(&calendar).expect("the clock runs"));
	clock.end(&calendar).expect("the clock runs")
}

/// A full holiday calendar, every day of it after the current block's day and far enough
/// ahead (from day 1000) that clocks of the benchmarks span none: the largest calendar each
/// clock reads, without changing what the benchmark measures.
fn full_calendar<T: Config>() {
	let days: Vec<DayIndex> = (0..T::MaxHolidays::get()).map(|d| 1000 + d).collect();
	Holidays::<T>::put(BoundedVec::truncate_from(days));
}

/// Appeal terms of 100 blocks each for `code`, and a penalty range.
fn appeal_terms<T: Config>(code: &TypeCode) {
	let l: BlockNumberFor<T> = 100u32.into();
	let terms = AppealTerms { window: l, first_limit: l, second_window: l, second_limit: l };
	Pallet::<T>::do_set_appeal_terms(code.clone(), Some(terms)).expect("a known type");
	Pallet::<T>::do_set_penalty_range(PenaltyRange { min: 250, max: 1000 }).expect("valid");
}

/// A rejected case of an application on `p` parcels, with appeal terms for its type; returns
/// the case and its department's head (who rejected it).
fn rejected<T: Config>(p: u32) -> (CaseId, T::AccountId) {
	let app = application::<T>(1, p, OnSilence::Escalation);
	let (case, head) = taken::<T>(app);
	Pallet::<T>::do_reject(head.clone(), case, 1, H256::zero()).expect("rejects");
	appeal_terms::<T>(&Cases::<T>::get(case).unwrap().clearance);
	(case, head)
}

/// The deadline window from `from` on, every block full: nothing can be scheduled there.
fn fill_deadline_window<T: Config>(from: BlockNumberFor<T>) {
	let per_block = <MaxDeadlinesPerBlock as Get<u32>>::get() as usize;
	let full: BoundedVec<(CaseId, Deadline), MaxDeadlinesPerBlock> =
		BoundedVec::truncate_from(vec![(u32::MAX, Deadline::Department); per_block]);
	let mut block = from;
	for _ in 0..DEADLINE_WINDOW {
		Deadlines::<T>::insert(block, full.clone());
		block += One::one();
	}
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

	/// A type with waiting cases whose prerequisites change: each old prerequisite is waited on
	/// less, each new one more.
	#[benchmark]
	fn set_clearance_type() -> Result<(), BenchmarkError> {
		let max = <MaxPrerequisites as Get<u32>>::get();
		let prereqs = catalogue::<T>(max + 1, OnSilence::Escalation);
		let (department, _) = T::BenchmarkHelper::department();
		let t = |prerequisites: &[TypeCode]| ClearanceType {
			department: department.clone(),
			time_limit: 10u32.into(),
			response_limit: 10u32.into(),
			on_silence: OnSilence::DeemedApproval,
			validity_ms: None,
			prerequisites: BoundedVec::truncate_from(prerequisites.to_vec()),
			required_documents: BoundedVec::truncate_from((0..8).map(kind).collect()),
			converts_to: None,
		};
		let (old, new) = (&prereqs[..max as usize], &prereqs[1..]);
		let code: TypeCode = code("BENCH_NEW_TYPE");
		Pallet::<T>::do_set_type(code.clone(), t(old)).expect("valid type");
		Pallet::<T>::mutate_type_use(&code, |u| u.waiting = 1);
		for p in old {
			Pallet::<T>::mutate_type_use(p, |u| u.waited_on = 1);
		}
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), t(new));

		assert_eq!(TypeUsage::<T>::get(&prereqs[max as usize]).map(|u| u.waited_on), Some(1));
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
		let (who, enterprise) = T::BenchmarkHelper::applicant();
		let h = H256::repeat_byte(0xab);
		let uri = BoundedVec::truncate_from(vec![b'u'; <MaxUri as Get<u32>>::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), h, code("KIND_KIND_KIND_KIND_KIND"), 1_000_000, Some(uri));

		assert!(Documents::<T>::contains_key(enterprise, h));
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

	/// A response with `d` documents: the first already attached, the others new.
	#[benchmark]
	fn respond_to_query(d: Linear<0, { <MaxDocuments as Get<u32>>::get() }>) {
		let (who, _) = T::BenchmarkHelper::applicant();
		let types = catalogue::<T>(1, OnSilence::Escalation);
		let attached = documents::<T>(1);
		let app = NextApplicationId::<T>::get();
		Pallet::<T>::do_submit(who.clone(), project(), parcels::<T>(1), types, attached.clone())
			.expect("valid application");
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_raise_query(head, case, H256::zero()).expect("in time");
		let extra: Vec<H256> = (1..d)
			.map(|i| {
				let h = numbered(1000 + u64::from(i));
				Pallet::<T>::do_anchor(who.clone(), h, code("EXTRA"), 1, None).expect("anchors");
				h
			})
			.collect();
		let response: BoundedVec<H256, MaxDocuments> = BoundedVec::truncate_from(
			attached.iter().copied().take(d.min(1) as usize).chain(extra).collect(),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), case, H256::zero(), response);

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

	/// A certificate on `MaxParcels` parcels, each of which it must still hold.
	#[benchmark]
	fn renew_certificate() {
		let app = application::<T>(1, <MaxParcels as Get<u32>>::get(), OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_approve(head.clone(), case, H256::zero()).expect("approves");
		let cert = NextCertificateId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(head), cert, H256::zero());

		assert!(Certificates::<T>::get(cert).unwrap().renewed_by.is_some());
	}

	/// A certificate on `MaxParcels` parcels, each of which it holds.
	#[benchmark]
	fn revoke_certificate() {
		let app = application::<T>(1, <MaxParcels as Get<u32>>::get(), OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_approve(head.clone(), case, H256::zero()).expect("approves");
		let cert = NextCertificateId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(head), cert, 1, H256::zero());

		assert!(Certificates::<T>::get(cert).unwrap().revoked.is_some());
	}

	/// `n` deadlines in one block that are no longer current (their cases were withdrawn): the
	/// cost of each deadline before its action, which is charged by its own function.
	#[benchmark]
	fn on_initialize_deadlines(n: Linear<0, { T::MaxDeadlineWork::get() }>) {
		let (who, _) = T::BenchmarkHelper::applicant();
		let types = catalogue::<T>(1, OnSilence::DeemedApproval);
		let docs = documents::<T>(8);
		let parcels = parcels::<T>(1);
		for _ in 0..n {
			let app = NextApplicationId::<T>::get();
			Pallet::<T>::do_submit(
				who.clone(),
				project(),
				parcels.clone(),
				types.clone(),
				docs.clone(),
			)
			.expect("valid application");
			Pallet::<T>::do_withdraw(who.clone(), app).expect("withdraws");
		}
		let due = frame_system::Pallet::<T>::block_number() + 100u32.into();
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);

		#[block]
		{
			Pallet::<T>::process_deadlines(due);
		}

		assert!(Deadlines::<T>::get(due).is_empty());
		assert_eq!(NextCertificateId::<T>::get(), 0);
	}

	/// A deemed approval on `p` parcels, each converted, opening the `c - 1` other cases of its
	/// application that waited for it.
	#[benchmark]
	fn deemed_approval(
		c: Linear<1, { <MaxTypes as Get<u32>>::get() }>,
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
	) -> Result<(), BenchmarkError> {
		let app = application::<T>(c, p, OnSilence::DeemedApproval);
		let case = Applications::<T>::get(app).unwrap().cases[0];
		let block = due::<T>(case, Deadline::Department);
		let weight;

		#[block]
		{
			weight = Pallet::<T>::on_deadline(
				case,
				Deadline::Department,
				block,
				&Pallet::<T>::calendar(),
			)?;
		}

		assert_eq!(weight, T::WeightInfo::deemed_approval(c, p));
		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::DeemedApproved);
		Ok(())
	}

	/// The department's time ran out; the case goes to the head.
	#[benchmark]
	fn escalation() -> Result<(), BenchmarkError> {
		let app = application::<T>(1, 1, OnSilence::Escalation);
		let case = Applications::<T>::get(app).unwrap().cases[0];
		let block = due::<T>(case, Deadline::Department);

		#[block]
		{
			Pallet::<T>::on_deadline(case, Deadline::Department, block, &Pallet::<T>::calendar())?;
		}

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Escalated);
		Ok(())
	}

	/// The applicant did not answer the query; the case lapses on `p` parcels.
	#[benchmark]
	fn lapse(p: Linear<1, { <MaxParcels as Get<u32>>::get() }>) -> Result<(), BenchmarkError> {
		let app = application::<T>(1, p, OnSilence::Escalation);
		let (case, head) = taken::<T>(app);
		Pallet::<T>::do_raise_query(head, case, H256::zero()).expect("in time");
		let block = due::<T>(case, Deadline::Response);

		#[block]
		{
			Pallet::<T>::on_deadline(case, Deadline::Response, block, &Pallet::<T>::calendar())?;
		}

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Lapsed);
		Ok(())
	}

	/// A deadline whose action failed: the failure recorded, the case escalated instead.
	#[benchmark]
	fn deadline_failed() {
		let app = application::<T>(1, 1, OnSilence::DeemedApproval);
		let case = Applications::<T>::get(app).unwrap().cases[0];
		let block = due::<T>(case, Deadline::Department);
		let error: DispatchError = Error::<T>::TooManyCertificates.into();

		#[block]
		{
			Pallet::<T>::deadline_failed(case, Deadline::Department, block, error);
		}

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Escalated);
	}

	/// A freeze of a parcel with `c` live cases and `k` certificates.
	#[benchmark]
	fn on_freeze(
		c: Linear<0, { <MaxCasesPerParcel as Get<u32>>::get() }>,
		k: Linear<0, { <MaxCertificatesPerParcel as Get<u32>>::get() }>,
	) {
		let parcel = frozen_parcel::<T>(c, k, 0);

		#[block]
		{
			<Pallet<T> as ParcelFreezeHandler>::on_freeze(&parcel);
		}

		if c > 0 {
			assert_eq!(Cases::<T>::get(0).unwrap().suspensions, 1);
		}
	}

	/// The last freeze of a parcel with `c` suspended cases and `k` suspended certificates is
	/// lifted, at its worst: no case's clock finds room in the deadline queue, so each goes to
	/// the head.
	#[benchmark]
	fn on_unfreeze(
		c: Linear<0, { <MaxCasesPerParcel as Get<u32>>::get() }>,
		k: Linear<0, { <MaxCertificatesPerParcel as Get<u32>>::get() }>,
	) {
		let parcel = frozen_parcel::<T>(c, k, 1);
		// Each clock has 100 blocks left: it would be due 100 blocks from now (the block the
		// measurement runs in, which is never 0).
		frame_system::Pallet::<T>::set_block_number(One::one());
		fill_deadline_window::<T>(frame_system::Pallet::<T>::block_number() + 100u32.into());

		#[block]
		{
			<Pallet<T> as ParcelFreezeHandler>::on_unfreeze(&parcel);
		}

		if c > 0 {
			assert_eq!(Cases::<T>::get(0).unwrap().state, CaseState::Escalated);
		}
	}

	/// A holiday added to a calendar with room for one more, before every other day.
	#[benchmark]
	fn add_holiday() -> Result<(), BenchmarkError> {
		let max = T::MaxHolidays::get();
		let days: Vec<DayIndex> = (1..max).map(|d| 1000 + d).collect();
		Holidays::<T>::put(BoundedVec::truncate_from(days));
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1000);

		assert_eq!(Holidays::<T>::get().len() as u32, max);
		Ok(())
	}

	/// The first holiday of a full calendar removed.
	#[benchmark]
	fn remove_holiday() -> Result<(), BenchmarkError> {
		full_calendar::<T>();
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1000);

		assert_eq!(Holidays::<T>::get().len() as u32, T::MaxHolidays::get() - 1);
		Ok(())
	}

	#[benchmark]
	fn set_appeal_terms() -> Result<(), BenchmarkError> {
		let types = catalogue::<T>(1, OnSilence::Escalation);
		let l: BlockNumberFor<T> = 10u32.into();
		let terms = AppealTerms { window: l, first_limit: l, second_window: l, second_limit: l };
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, types[0].clone(), Some(terms));

		assert!(AppealTermsOfType::<T>::contains_key(&types[0]));
		Ok(())
	}

	#[benchmark]
	fn set_penalty_range() -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, PenaltyRange { min: 250, max: 1000 });

		assert!(PenaltyLimits::<T>::get().is_some());
		Ok(())
	}

	/// A first appeal on a rejected case, with a full calendar.
	#[benchmark]
	fn file_appeal() {
		full_calendar::<T>();
		let (case, _) = rejected::<T>(1);
		let (who, _) = T::BenchmarkHelper::applicant();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), case, H256::repeat_byte(1));

		assert_eq!(CaseAppeals::<T>::get(case).len(), 1);
	}

	/// A second appeal after a timed-out first appeal, with a full calendar.
	#[benchmark]
	fn file_second_appeal() -> Result<(), BenchmarkError> {
		full_calendar::<T>();
		let (case, _) = rejected::<T>(1);
		let (who, _) = T::BenchmarkHelper::applicant();
		Pallet::<T>::do_file_appeal(who.clone(), case, H256::zero(), AppealLevel::First)?;
		let first = NextAppealId::<T>::get() - 1;
		let calendar = Pallet::<T>::calendar();
		let end = Appeals::<T>::get(first).unwrap().clock.end(&calendar).unwrap();
		Pallet::<T>::appeal_deadline(first, end, &calendar)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), case, H256::repeat_byte(2));

		assert_eq!(CaseAppeals::<T>::get(case).len(), 2);
		Ok(())
	}

	/// A rejection on `p` parcels set aside: the case reopens on every parcel.
	#[benchmark]
	fn decide_appeal(
		p: Linear<1, { <MaxParcels as Get<u32>>::get() }>,
	) -> Result<(), BenchmarkError> {
		full_calendar::<T>();
		let (case, _) = rejected::<T>(p);
		let (who, _) = T::BenchmarkHelper::applicant();
		Pallet::<T>::do_file_appeal(who, case, H256::zero(), AppealLevel::First)?;
		let appeal = NextAppealId::<T>::get() - 1;
		let officer = T::BenchmarkHelper::officer(Role::AppellateOfficer);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), appeal, AppealOutcome::SetAside, H256::repeat_byte(3));

		assert_eq!(Cases::<T>::get(case).unwrap().state, CaseState::Submitted);
		Ok(())
	}

	/// A penalty on a second appeal against the head who held the case.
	#[benchmark]
	fn record_penalty() -> Result<(), BenchmarkError> {
		let (case, head) = rejected::<T>(1);
		let (who, _) = T::BenchmarkHelper::applicant();
		Pallet::<T>::do_file_appeal(who.clone(), case, H256::zero(), AppealLevel::First)?;
		let first = NextAppealId::<T>::get() - 1;
		let calendar = Pallet::<T>::calendar();
		let end = Appeals::<T>::get(first).unwrap().clock.end(&calendar).unwrap();
		Pallet::<T>::appeal_deadline(first, end, &calendar)?;
		Pallet::<T>::do_file_appeal(who, case, H256::zero(), AppealLevel::Second)?;
		let second = first + 1;
		let reviewer = T::BenchmarkHelper::officer(Role::ReviewingOfficer);

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), second, head, 1000);

		assert!(Appeals::<T>::get(second).unwrap().penalty.is_some());
		Ok(())
	}

	/// An Appellate Officer's time ran out.
	#[benchmark]
	fn appeal_timed_out() -> Result<(), BenchmarkError> {
		let (case, _) = rejected::<T>(1);
		let (who, _) = T::BenchmarkHelper::applicant();
		Pallet::<T>::do_file_appeal(who, case, H256::zero(), AppealLevel::First)?;
		let appeal = NextAppealId::<T>::get() - 1;
		let calendar = Pallet::<T>::calendar();
		let end = Appeals::<T>::get(appeal).unwrap().clock.end(&calendar).unwrap();

		#[block]
		{
			Pallet::<T>::appeal_deadline(appeal, end, &calendar)?;
		}

		assert_eq!(Appeals::<T>::get(appeal).unwrap().status, AppealStatus::TimedOut);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

/// A parcel with `c` live cases and `k` certificates, each suspended `suspensions` times.
fn frozen_parcel<T: Config>(c: u32, k: u32, suspensions: u8) -> Ulpin {
	let parcel = *b"BENCHFROZEN000";
	let (applicant, enterprise) = T::BenchmarkHelper::applicant();
	T::BenchmarkHelper::parcel(parcel, enterprise);
	let cases: Vec<CaseId> = (0..c).collect();
	let certs: Vec<CertificateId> = (0..k).collect();
	let app = Application {
		enterprise,
		project: project(),
		parcels: BoundedVec::truncate_from(vec![parcel]),
		documents: BoundedVec::new(),
		cases: BoundedVec::new(),
		open_cases: 0,
		submitted_by: applicant,
		submitted_at: Zero::zero(),
		status: ApplicationStatus::Open,
	};
	Applications::<T>::insert(0, app);
	let (department, _) = T::BenchmarkHelper::department();
	let mut clock = Clock::start(100u32.into(), Zero::zero());
	if suspensions > 0 {
		clock.stop(Zero::zero(), &Pallet::<T>::calendar());
	}
	for id in &cases {
		let case = Case {
			application: 0,
			clearance: code("BENCH"),
			department: department.clone(),
			state: CaseState::Submitted,
			officer: None,
			opened_at: Some(Zero::zero()),
			time_limit: 100u32.into(),
			clock,
			response_clock: None,
			query: None,
			response: None,
			suspensions,
			decision: None,
		};
		Pallet::<T>::store_case(*id, case);
	}
	for id in &certs {
		let cert = Certificate {
			clearance: code("BENCH"),
			department: department.clone(),
			enterprise,
			case: 0,
			parcels: BoundedVec::truncate_from(vec![parcel]),
			conditions: H256::zero(),
			issued_at: 0,
			expires_at: None,
			renews: None,
			renewed_by: None,
			revoked: None,
			suspensions,
		};
		Certificates::<T>::insert(id, cert);
	}
	LiveCasesOf::<T>::insert(parcel, BoundedVec::truncate_from(cases));
	CertificatesOf::<T>::insert(parcel, BoundedVec::truncate_from(certs));
	parcel
}

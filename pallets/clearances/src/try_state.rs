//! The pallet's invariants, checked by `try-runtime` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Invariants:
	/// - every case belongs to an existing application that lists it;
	/// - no certificate without an approved (or deemed approved) case that names it;
	/// - each application's `open_cases` equals its undecided cases (0 once withdrawn);
	/// - live-case lists hold exactly undecided cases; id counters are above every id;
	/// - [`CaseOfParcel`] holds exactly the undecided cases, under each parcel and their type;
	/// - the work queue holds exactly the undecided cases, each under its state and due block;
	/// - the dashboard counters equal the number of cases in each state;
	/// - [`TypeUsage`] equals the cases' use of each type;
	/// - [`CertificateOfParcel`] names certificates neither revoked nor renewed, of the type and
	///   parcel it is kept under, and every such certificate not expired holds its parcels;
	/// - [`DepartmentCertificates`] counts each department's permanent certificates not revoked,
	///   and its horizon is no earlier than any of its certificates in force expires;
	/// - every document is kept under the enterprise that anchored it;
	/// - the holiday calendar is sorted, each day once;
	/// - the appeal invariants of `try_appeals`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut usage: BTreeMap<TypeCode, TypeUse> = BTreeMap::new();
		let next_case = NextCaseId::<T>::get();
		let mut counted: BTreeMap<DepartmentCode, DepartmentStats> = Default::default();
		let mut live = 0usize;
		for (id, case) in Cases::<T>::iter() {
			let s = counted.entry(case.department.clone()).or_default();
			if let Some(n) = s.by_state.get_mut(case.state as usize) {
				n.saturating_inc();
			}
			if case.suspensions > 0 && !case.state.is_final() {
				s.suspended.saturating_inc();
			}
			if let Some((state, key)) = Self::queue_entry(id, &case) {
				live.saturating_inc();
				ensure!(
					WorkQueue::<T>::contains_key((case.department.clone(), state), key),
					"live case missing from the work queue"
				);
			}
			ensure!(id < next_case, "case id beyond the counter");
			let app =
				Applications::<T>::get(case.application).ok_or("case of a missing application")?;
			ensure!(app.cases.contains(&id), "application does not list its case");
			let undecided = !case.state.is_final();
			for p in app.parcels.iter() {
				let live = LiveCasesOf::<T>::get(p).contains(&id);
				ensure!(live == undecided, "live-case list out of step");
				if undecided {
					let slot = CaseOfParcel::<T>::get(p, &case.clearance);
					ensure!(slot == Some(id), "live case missing from its (parcel, type)");
				}
			}
			if undecided {
				usage.entry(case.clearance.clone()).or_default().live.saturating_inc();
			}
			if case.state == CaseState::Waiting {
				usage.entry(case.clearance.clone()).or_default().waiting.saturating_inc();
				let t = ClearanceTypes::<T>::get(&case.clearance);
				for pre in t.map(|t| t.prerequisites).unwrap_or_default().iter() {
					usage.entry(pre.clone()).or_default().waited_on.saturating_inc();
				}
			}
			if let Some(n) = case.decision.as_ref().and_then(|d| d.certificate) {
				ensure!(
					Certificates::<T>::get(n).is_some_and(|c| c.case == id),
					"decision names a wrong certificate"
				);
			}
		}
		ensure!(WorkQueue::<T>::iter_keys().count() == live, "stale entries in the work queue");
		for (department, c) in counted {
			let s = Stats::<T>::get(&department);
			ensure!(
				s.by_state == c.by_state && s.suspended == c.suspended,
				"dashboard counters out of step"
			);
		}
		let next_app = NextApplicationId::<T>::get();
		for (id, app) in Applications::<T>::iter() {
			ensure!(id < next_app, "application id beyond the counter");
			let undecided = app
				.cases
				.iter()
				.filter(|c| Cases::<T>::get(*c).is_some_and(|c| !c.state.is_final()))
				.count() as u32;
			ensure!(app.open_cases == undecided, "open-case counter out of step");
			ensure!(
				ApplicationsOf::<T>::contains_key(app.enterprise, id),
				"application not indexed"
			);
		}
		for (code, u) in TypeUsage::<T>::iter() {
			ensure!(usage.remove(&code) == Some(u), "type use out of step");
		}
		ensure!(usage.is_empty(), "type use missing");
		for (p, code, id) in CaseOfParcel::<T>::iter() {
			let case = Cases::<T>::get(id).ok_or("(parcel, type) of a missing case")?;
			ensure!(!case.state.is_final(), "(parcel, type) held by a decided case");
			ensure!(case.clearance == code, "(parcel, type) held by a case of another type");
			let app = Applications::<T>::get(case.application).ok_or("case without application")?;
			ensure!(app.parcels.contains(&p), "(parcel, type) held by a case of other parcels");
		}
		Self::try_certificates()?;
		Self::try_appeals()?;
		for (enterprise, _, doc) in Documents::<T>::iter() {
			ensure!(doc.enterprise == enterprise, "document under another enterprise");
		}
		Ok(())
	}

	/// The certificate invariants of [`Pallet::do_try_state`].
	fn try_certificates() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now_ms();
		let mut horizons: alloc::collections::BTreeMap<DepartmentCode, CertificateHorizon> =
			Default::default();
		let next_cert = NextCertificateId::<T>::get();
		for (n, cert) in Certificates::<T>::iter() {
			ensure!(n < next_cert, "certificate number beyond the counter");
			let case = Cases::<T>::get(cert.case).ok_or("certificate without a case")?;
			ensure!(case.state.is_approved(), "certificate of a case not approved");
			if cert.revoked.is_some() || cert.renewed_by.is_some() {
				continue;
			}
			let h = horizons.entry(cert.department.clone()).or_default();
			match cert.expires_at {
				None => h.permanent.saturating_inc(),
				Some(e) => h.latest_expiry = h.latest_expiry.max(e),
			}
			if cert.expires_at.is_none_or(|e| e > now) {
				for p in cert.parcels.iter() {
					let holder = CertificateOfParcel::<T>::get(p, &cert.clearance);
					ensure!(holder == Some(n), "certificate in force not holding its parcel");
				}
			}
		}
		for (p, code, n) in CertificateOfParcel::<T>::iter() {
			let cert =
				Certificates::<T>::get(n).ok_or("(parcel, type) of a missing certificate")?;
			ensure!(
				cert.clearance == code && cert.parcels.contains(&p),
				"(parcel, type) held by a certificate of another type or parcel"
			);
			ensure!(
				cert.revoked.is_none() && cert.renewed_by.is_none(),
				"(parcel, type) held by a revoked or renewed certificate"
			);
		}
		for (department, stored) in DepartmentCertificates::<T>::iter() {
			let permanent = horizons.get(&department).map(|h| h.permanent).unwrap_or_default();
			ensure!(stored.permanent == permanent, "permanent certificates miscounted");
		}
		for (department, h) in horizons {
			let stored = DepartmentCertificates::<T>::get(&department);
			ensure!(stored.permanent == h.permanent, "permanent certificates miscounted");
			ensure!(stored.latest_expiry >= h.latest_expiry, "certificate horizon too early");
		}
		Ok(())
	}

	/// The appeal invariants of [`Pallet::do_try_state`]:
	/// - every appeal has an id below the counter and a case that lists it, once, in filing
	///   order; every listed appeal exists;
	/// - only a case's last appeal may be pending; a pending appeal's clock runs and its
	///   deadline is queued; a closed one's clock is stopped and it has its closing block;
	/// - a decided appeal has a decision, a pending or timed-out one has none;
	/// - a second appeal follows a closed first appeal that did not reopen the case; only second
	///   appeals carry penalties;
	/// - a pending appeal that reopens nothing is consistent with the case indexes checked above
	///   (a reopened case is live again: its slots, lists and application count are checked
	///   with the other cases).
	fn try_appeals() -> Result<(), sp_runtime::TryRuntimeError> {
		let days = Holidays::<T>::get();
		ensure!(days.windows(2).all(|w| w.first() < w.last()), "holidays out of order");
		let next = NextAppealId::<T>::get();
		let mut queued: alloc::collections::BTreeSet<AppealId> = Default::default();
		for (_, q) in Deadlines::<T>::iter() {
			queued.extend(q.iter().filter(|(_, k)| *k == Deadline::Appeal).map(|(id, _)| *id));
		}
		let mut listed = 0usize;
		for (case, list) in CaseAppeals::<T>::iter() {
			ensure!(Cases::<T>::contains_key(case), "appeals of a missing case");
			ensure!(list.windows(2).all(|w| w.first() < w.last()), "appeals out of order");
			let mut previous: Option<AppealOf<T>> = None;
			for (i, id) in list.iter().enumerate() {
				listed.saturating_inc();
				let a = Appeals::<T>::get(id).ok_or("listed appeal missing")?;
				ensure!(a.case == case, "appeal listed under another case");
				let last = i.saturating_add(1) == list.len();
				let pending = a.status == AppealStatus::Pending;
				ensure!(!pending || last, "a pending appeal is not the case's last");
				ensure!(pending == a.clock.running_since.is_some(), "appeal clock out of step");
				ensure!(pending != a.closed_at.is_some(), "appeal closing out of step");
				ensure!(!pending || queued.contains(id), "pending appeal without its deadline");
				let decided = a.status == AppealStatus::Decided;
				ensure!(decided == a.decision.is_some(), "appeal decision out of step");
				if a.level == AppealLevel::Second {
					let first = previous.as_ref().ok_or("second appeal without a first")?;
					ensure!(first.level == AppealLevel::First, "second appeal after a second");
					ensure!(
						first.status != AppealStatus::Pending,
						"second appeal over a pending one"
					);
					let granted = first.decision.as_ref().is_some_and(|d| d.outcome.reopens());
					ensure!(!granted, "second appeal after the case reopened");
				} else {
					ensure!(a.penalty.is_none(), "penalty on a first appeal");
				}
				previous = Some(a);
			}
		}
		for (id, _) in Appeals::<T>::iter() {
			ensure!(id < next, "appeal id beyond the counter");
		}
		ensure!(Appeals::<T>::iter_keys().count() == listed, "appeal not listed under its case");
		Ok(())
	}
}

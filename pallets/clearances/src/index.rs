//! The derived storage kept in step with the cases: the work queue, the dashboard counters and
//! the use of each clearance type (through `store_case`, the only writer of [`Cases`]), the
//! per-parcel case indexes when a case closes, an application's count of open cases, and the
//! per-parcel and per-department certificate indexes.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Store a case and keep the work queue, the dashboard counters and the type's use in step
	/// with it.
	pub(crate) fn store_case(id: CaseId, case: CaseOf<T>) {
		let old = Cases::<T>::get(id);
		Self::index_case(id, old.as_ref(), &case);
		Self::index_type_use(old.as_ref(), &case);
		Cases::<T>::insert(id, case);
	}

	/// Bring [`TypeUsage`] from `old` (`None` for a new case) to `case`: its type's live and
	/// waiting counts, and while it waits, the `waited_on` count of each prerequisite of its
	/// type in the catalogue.
	pub(crate) fn index_type_use(old: Option<&CaseOf<T>>, case: &CaseOf<T>) {
		let was_live = old.is_some_and(|c| !c.state.is_final());
		let live = !case.state.is_final();
		if was_live != live {
			Self::mutate_type_use(&case.clearance, |u| {
				if live {
					u.live.saturating_inc()
				} else {
					u.live.saturating_dec()
				}
			});
		}
		let was_waiting = old.is_some_and(|c| c.state == CaseState::Waiting);
		let waiting = case.state == CaseState::Waiting;
		if was_waiting != waiting {
			let step = |n: &mut u32| if waiting { n.saturating_inc() } else { n.saturating_dec() };
			Self::mutate_type_use(&case.clearance, |u| step(&mut u.waiting));
			let prerequisites = ClearanceTypes::<T>::get(&case.clearance).map(|t| t.prerequisites);
			for p in prerequisites.unwrap_or_default().iter() {
				Self::mutate_type_use(p, |u| step(&mut u.waited_on));
			}
		}
	}

	/// Change the use of type `code`; an unused type has no entry.
	pub(crate) fn mutate_type_use(code: &TypeCode, f: impl FnOnce(&mut TypeUse)) {
		TypeUsage::<T>::mutate_exists(code, |entry| {
			let mut u = entry.unwrap_or_default();
			f(&mut u);
			*entry = (!u.is_unused()).then_some(u);
		});
	}

	/// Bring the work queue and the dashboard counters from `old` (`None` for a new case) to
	/// `case`.
	pub(crate) fn index_case(id: CaseId, old: Option<&CaseOf<T>>, case: &CaseOf<T>) {
		let old_key = old.and_then(|c| Self::queue_entry(id, c));
		let new_key = Self::queue_entry(id, case);
		if old_key != new_key {
			if let Some((state, key)) = old_key {
				WorkQueue::<T>::remove((case.department.clone(), state), key);
			}
			if let Some((state, key)) = new_key {
				WorkQueue::<T>::insert((case.department.clone(), state), key, ());
			}
		}
		let old_state = old.map(|c| c.state);
		let was_suspended = old.is_some_and(|c| c.suspensions > 0 && !c.state.is_final());
		let suspended = case.suspensions > 0 && !case.state.is_final();
		if old_state != Some(case.state) || was_suspended != suspended {
			Stats::<T>::mutate(&case.department, |s| {
				if let Some(o) = old_state {
					if let Some(n) = s.by_state.get_mut(o as usize) {
						n.saturating_dec();
					}
				}
				if let Some(n) = s.by_state.get_mut(case.state as usize) {
					n.saturating_inc();
				}
				if was_suspended {
					s.suspended.saturating_dec();
				}
				if suspended {
					s.suspended.saturating_inc();
				}
				let newly_decided =
					case.state.is_final() && !old_state.is_some_and(|o| o.is_final());
				let timed = matches!(
					case.state,
					CaseState::Approved | CaseState::Rejected | CaseState::DeemedApproved
				);
				if newly_decided && timed {
					if let (Some(d), Some(opened)) = (case.decision.as_ref(), case.opened_at) {
						if d.in_time {
							s.in_time.saturating_inc();
						} else {
							s.late.saturating_inc();
						}
						let days =
							d.at.saturating_sub(opened)
								.checked_div(&T::DayLength::get().max(One::one()))
								.unwrap_or_default();
						let days: u32 = days.unique_saturated_into();
						let bucket = days.min(MAX_DECISION_DAYS.into()) as u16;
						DecisionDays::<T>::mutate(&case.department, bucket, |n| n.saturating_inc());
					}
				}
			});
		}
	}

	/// The work-queue entry of a case: its state and key ([`Pallet::queue_due`], id), or `None`
	/// once decided.
	pub(crate) fn queue_entry(id: CaseId, case: &CaseOf<T>) -> Option<(CaseState, QueueKey)> {
		if case.state.is_final() {
			return None;
		}
		Some((case.state, queue_key(Self::queue_due(case).unique_saturated_into(), id)))
	}

	/// The working position `case` is ordered by in its work queue: where its running clock
	/// runs out (the position its deadline is queued at); while no clock runs (waiting,
	/// suspended, escalated) the end of its statutory time limit counted in working time from
	/// opening, or zero for a case that never opened. Ordering by it is ordering by due block;
	/// on a chain without holidays it is the due block. Adding or removing a holiday that has
	/// not begun does not change it (see `calendar.rs`), so the queue's keys stay valid.
	pub fn queue_due(case: &CaseOf<T>) -> BlockNumberFor<T> {
		let calendar = Self::calendar();
		Self::running_clock(case)
			.and_then(|c| c.end(&calendar))
			.or_else(|| {
				case.opened_at.map(|o| {
					let at: BlockNumberFor<T> =
						calendar.position(o.unique_saturated_into()).unique_saturated_into();
					at.saturating_add(case.time_limit)
				})
			})
			.unwrap_or_default()
	}

	/// The clock that currently runs on `case`: the applicant's while a query waits, else the
	/// department's while the case is with it; none while suspended or decided.
	pub(crate) fn running_clock(case: &CaseOf<T>) -> Option<Clock<BlockNumberFor<T>>> {
		if case.suspensions > 0 || case.state.is_final() {
			return None;
		}
		if case.state == CaseState::QueryRaised {
			case.response_clock
		} else if case.state.department_clock_runs() {
			Some(case.clock)
		} else {
			None
		}
	}

	/// When the clock that currently runs on `case` runs out: its due block.
	pub(crate) fn due_of(case: &CaseOf<T>, calendar: &Calendar) -> Option<BlockNumberFor<T>> {
		Self::running_clock(case).and_then(|c| c.due(calendar))
	}

	/// Take a decided case off its parcels' live lists and free its (parcel, type) slots: an
	/// approved clearance is then held by its certificate ([`CertificateOfParcel`]).
	pub(crate) fn close_case(id: CaseId, case: &CaseOf<T>, parcels: &[Ulpin]) {
		for p in parcels {
			LiveCasesOf::<T>::mutate(p, |l| l.retain(|c| *c != id));
			if CaseOfParcel::<T>::get(p, &case.clearance) == Some(id) {
				CaseOfParcel::<T>::remove(p, &case.clearance);
			}
		}
	}

	/// Index a newly issued (or renewing) certificate `number`: it holds its type on its
	/// parcels (in place of `replaces`, when renewing), and extends its department's horizon.
	pub(crate) fn index_certificate(
		number: CertificateId,
		cert: &Certificate,
		replaces: Option<CertificateId>,
	) {
		for p in cert.parcels.iter() {
			let holder = CertificateOfParcel::<T>::get(p, &cert.clearance);
			if replaces.is_none() || holder == replaces {
				CertificateOfParcel::<T>::insert(p, &cert.clearance, number);
			}
		}
		DepartmentCertificates::<T>::mutate(&cert.department, |h| match cert.expires_at {
			None => h.permanent.saturating_inc(),
			Some(e) => h.latest_expiry = h.latest_expiry.max(e),
		});
	}

	/// Unindex a revoked certificate `number`: it no longer holds its type on its parcels; a
	/// permanent one leaves its department's horizon.
	pub(crate) fn unindex_certificate(number: CertificateId, cert: &Certificate) {
		for p in cert.parcels.iter() {
			if CertificateOfParcel::<T>::get(p, &cert.clearance) == Some(number) {
				CertificateOfParcel::<T>::remove(p, &cert.clearance);
			}
		}
		if cert.expires_at.is_none() {
			DepartmentCertificates::<T>::mutate(&cert.department, |h| h.permanent.saturating_dec());
		}
	}

	/// Whether `department` still has work that its removal would strand: an undecided case
	/// (its dashboard counters, [`Stats`]) or a certificate that may be in force (its horizon,
	/// [`DepartmentCertificates`]: a permanent certificate not revoked, or one that expires
	/// later than now). Two reads, whatever the department's size; for the department registry
	/// to refuse removing it. The horizon is not lowered by revoking a certificate that
	/// expires, so this may answer `true` until the last such certificate would have expired.
	pub fn department_has_live_work(department: &DepartmentCode) -> bool {
		let stats = Stats::<T>::get(department);
		let live =
			QUEUED_STATES.iter().any(|s| stats.by_state.get(*s as usize).is_some_and(|n| *n > 0));
		let horizon = DepartmentCertificates::<T>::get(department);
		live || horizon.permanent > 0 || horizon.latest_expiry > Self::now_ms()
	}

	/// Count a decided case on its application: one open case fewer, and the application is
	/// decided once none is left.
	pub(crate) fn note_case_decided(application: ApplicationId) {
		Applications::<T>::mutate(application, |a| {
			if let Some(a) = a {
				a.open_cases.saturating_dec();
				if a.open_cases == 0 && a.status == ApplicationStatus::Open {
					a.status = ApplicationStatus::Decided;
				}
			}
		});
	}
}

//! What only the runtime API reads: views with clocks evaluated now, pages of applications, the
//! work queue, overdue cases, dashboards, certificates and their status at any moment. No call
//! uses these.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The status of certificate `id` at `at` (milliseconds), or now. For a past moment the
	/// suspensions are replayed from the certificate's audit trail: for queries, not calls.
	pub fn certificate_status(id: CertificateId, at: Option<u64>) -> Option<CertificateStatus> {
		let cert = Certificates::<T>::get(id)?;
		let Some(at) = at else {
			return Some(cert.status_now(Self::now_ms()));
		};
		if at < cert.issued_at {
			return Some(CertificateStatus::NotYetIssued);
		}
		if cert.revoked.is_some_and(|(when, ..)| when <= at) {
			return Some(CertificateStatus::Revoked);
		}
		if cert.expires_at.is_some_and(|e| e <= at) {
			return Some(CertificateStatus::Expired);
		}
		let mut suspensions = 0u32;
		for (when, action) in T::Trail::actions(&Subject::Certificate(id)) {
			if when > at {
				break;
			}
			match action {
				Action::CertificateSuspended => suspensions = 1,
				Action::CertificateRestored => suspensions = 0,
				_ => {},
			}
		}
		Some(if suspensions > 0 { CertificateStatus::Suspended } else { CertificateStatus::Valid })
	}

	/// A case with its clocks evaluated now.
	pub fn case_view(id: CaseId) -> Option<CaseView<T::AccountId, BlockNumberFor<T>>> {
		let case = Cases::<T>::get(id)?;
		let now = Self::now();
		let calendar = Self::calendar();
		let left = case.clock.left(now, &calendar);
		let response_left = (case.state == CaseState::QueryRaised)
			.then(|| case.response_clock.map(|c| c.left(now, &calendar)))
			.flatten();
		Some(CaseView {
			id,
			department_used: case.time_limit.saturating_sub(left),
			department_left: left,
			response_left,
			due: Self::due_of(&case, &calendar),
			case,
		})
	}

	/// An application with its cases and documents.
	pub fn application_view(
		id: ApplicationId,
	) -> Option<ApplicationView<T::AccountId, BlockNumberFor<T>>> {
		let application = Applications::<T>::get(id)?;
		let cases = application.cases.iter().filter_map(|c| Self::case_view(*c)).collect();
		let documents = application
			.documents
			.iter()
			.filter_map(|h| Documents::<T>::get(application.enterprise, h).map(|d| (*h, d)))
			.collect();
		Some(ApplicationView {
			id,
			application,
			cases,
			documents,
			now: Self::now(),
			day_length: T::DayLength::get(),
		})
	}

	/// Up to `limit` applications of `enterprise` after `after`, in storage order (stable
	/// across pages, not by id).
	pub fn applications_page(
		enterprise: EnterpriseId,
		after: Option<ApplicationId>,
		limit: u32,
	) -> Page<(ApplicationId, ApplicationOf<T>), ApplicationId> {
		let mut ids = match after {
			Some(a) => ApplicationsOf::<T>::iter_key_prefix_from(
				enterprise,
				ApplicationsOf::<T>::hashed_key_for(enterprise, a),
			),
			None => ApplicationsOf::<T>::iter_key_prefix(enterprise),
		};
		let mut items = Vec::new();
		let mut next = None;
		for id in ids.by_ref() {
			if items.len() as u32 >= limit {
				next = items.last().map(|(i, _)| *i);
				break;
			}
			if let Some(a) = Applications::<T>::get(id) {
				items.push((id, a));
			}
		}
		Page { items, next }
	}

	/// Up to `limit` cases of `department`'s work queue in the given states, earliest due
	/// first, after the cursor `after` (queue position, case id: see [`Pallet::queue_due`]). With `due_by`, only cases due by
	/// that block.
	pub fn work_queue(
		department: &DepartmentCode,
		states: &[CaseState],
		after: Option<(u32, CaseId)>,
		limit: u32,
		due_by: Option<u32>,
	) -> Page<CaseView<T::AccountId, BlockNumberFor<T>>, (u32, CaseId)> {
		// Keys hold working positions: a case is due by block `d` when its position is at most
		// that of `d` (see `calendar.rs`).
		let due_by = due_by.map(|d| {
			let at: u32 = Self::calendar().position(d.into()).unique_saturated_into();
			at
		});
		// Merge the per-state queues, each already in due order.
		let mut keys: Vec<QueueKey> = Vec::new();
		for state in states {
			let prefix = (department.clone(), *state);
			let iter = match after {
				Some((due, case)) => WorkQueue::<T>::iter_key_prefix_from(
					&prefix,
					WorkQueue::<T>::hashed_key_for(&prefix, queue_key(due, case)),
				),
				None => WorkQueue::<T>::iter_key_prefix(&prefix),
			};
			keys.extend(
				iter.take_while(|k| due_by.is_none_or(|d| parse_queue_key(k).0 <= d))
					.take(limit.saturating_add(1) as usize),
			);
		}
		keys.sort_unstable();
		let more = keys.len() > limit as usize;
		keys.truncate(limit as usize);
		let next = if more { keys.last().map(parse_queue_key) } else { None };
		let items = keys.iter().filter_map(|k| Self::case_view(parse_queue_key(k).1)).collect();
		Page { items, next }
	}

	/// Up to `limit` of `department`'s escalated cases and of its cases whose running clock ran
	/// out by now, each list earliest due first.
	pub fn overdue(
		department: &DepartmentCode,
		limit: u32,
	) -> Vec<CaseView<T::AccountId, BlockNumberFor<T>>> {
		let now: u32 = Self::now().unique_saturated_into();
		let mut cases = Self::work_queue(department, &CLOCKED_STATES, None, limit, Some(now)).items;
		cases
			.extend(Self::work_queue(department, &[CaseState::Escalated], None, limit, None).items);
		cases
	}

	/// A department's dashboard, from its counters.
	pub fn dashboard(department: &DepartmentCode) -> Dashboard {
		let stats = Stats::<T>::get(department);
		// At most `MAX_DECISION_DAYS + 1` buckets.
		let mut days: Vec<(u16, u32)> = DecisionDays::<T>::iter_prefix(department).collect();
		days.sort_unstable();
		let decided = days.iter().fold(0u32, |a, (_, n)| a.saturating_add(*n));
		// The lower median: the day by which half the decisions were made.
		let half = decided.div_ceil(2);
		let mut seen = 0u32;
		let median_days = days.iter().find_map(|(d, n)| {
			seen = seen.saturating_add(*n);
			(decided > 0 && seen >= half).then_some(*d)
		});
		Dashboard { stats, decided, median_days }
	}

	/// A certificate with its status now or at `at` (milliseconds).
	pub fn certificate_view(number: CertificateId, at: Option<u64>) -> Option<CertificateView> {
		let certificate = Certificates::<T>::get(number)?;
		let status = Self::certificate_status(number, at)?;
		Some(CertificateView { number, certificate, status, at: at.unwrap_or_else(Self::now_ms) })
	}

	/// The appeals of case `id`, oldest first (at most `MaxAppealsPerCase`).
	pub fn appeals_of(id: CaseId) -> Vec<(AppealId, AppealOf<T>)> {
		CaseAppeals::<T>::get(id)
			.iter()
			.filter_map(|a| Appeals::<T>::get(a).map(|appeal| (*a, appeal)))
			.collect()
	}

	/// The appeals of every case of application `id`, by case, oldest first: what the
	/// application view shows beside its cases (at most `MaxTypes × MaxAppealsPerCase`).
	pub fn application_appeals(id: ApplicationId) -> Vec<(AppealId, AppealOf<T>)> {
		Applications::<T>::get(id)
			.map(|a| a.cases.iter().flat_map(|c| Self::appeals_of(*c)).collect())
			.unwrap_or_default()
	}
}

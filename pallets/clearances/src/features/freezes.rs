//! Court freezes of parcels: every live case concerning a frozen parcel is suspended (its clocks
//! stop) and every certificate concerning it too, until the last freeze is lifted. Each case and
//! certificate is suspended or restored in its own storage layer, never half-way.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Count one more freeze on case `id`; the first stops its clocks.
	fn suspend_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		case.suspensions = case.suspensions.saturating_add(1);
		if case.suspensions == 1 {
			let now = Self::now();
			let calendar = Self::calendar();
			case.clock.stop(now, &calendar);
			if let Some(c) = case.response_clock.as_mut() {
				c.stop(now, &calendar);
			}
			Self::record(Subject::Case(id), None, Authority::Statute, Action::CaseSuspended, id)?;
			Self::deposit_event(Event::CaseSuspended { case: id });
		}
		Self::store_case(id, case);
		Ok(())
	}

	/// Count one freeze fewer on case `id`; once the last is lifted its clock runs again, with a
	/// new deadline. A case that no freeze suspends (its suspension failed) is left alone.
	fn resume_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		if case.suspensions == 0 {
			return Ok(());
		}
		case.suspensions = case.suspensions.saturating_sub(1);
		if case.suspensions == 0 {
			let now = Self::now();
			let calendar = Self::calendar();
			if case.state.department_clock_runs() {
				case.clock.resume(now, &calendar);
				Self::schedule_clock(id, Deadline::Department, &case.clock, &calendar)?;
			}
			if case.state == CaseState::QueryRaised {
				if let Some(c) = case.response_clock.as_mut() {
					c.resume(now, &calendar);
					Self::schedule_clock(id, Deadline::Response, c, &calendar)?;
				}
			}
			Self::record(Subject::Case(id), None, Authority::Statute, Action::CaseResumed, id)?;
			Self::deposit_event(Event::CaseResumed { case: id });
		}
		Self::store_case(id, case);
		Ok(())
	}

	/// Count one more freeze on certificate `id`; the first suspends it.
	fn suspend_certificate(id: CertificateId) -> DispatchResult {
		let Some(mut cert) = Certificates::<T>::get(id) else { return Ok(()) };
		cert.suspensions = cert.suspensions.saturating_add(1);
		if cert.suspensions == 1 {
			Self::record(
				Subject::Certificate(id),
				None,
				Authority::Statute,
				Action::CertificateSuspended,
				id,
			)?;
			Self::deposit_event(Event::CertificateSuspended { certificate: id });
		}
		Certificates::<T>::insert(id, cert);
		Ok(())
	}

	/// Count one freeze fewer on certificate `id`; once none is left it is valid again. A
	/// certificate that no freeze suspends (its suspension failed) is left alone.
	fn resume_certificate(id: CertificateId) -> DispatchResult {
		let Some(mut cert) = Certificates::<T>::get(id) else { return Ok(()) };
		if cert.suspensions == 0 {
			return Ok(());
		}
		cert.suspensions = cert.suspensions.saturating_sub(1);
		if cert.suspensions == 0 {
			Self::record(
				Subject::Certificate(id),
				None,
				Authority::Statute,
				Action::CertificateRestored,
				id,
			)?;
			Self::deposit_event(Event::CertificateRestored { certificate: id });
		}
		Certificates::<T>::insert(id, cert);
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// The last freeze on case `id` was lifted but its clock could not run again (no room in
	/// the deadline queue, or a full trail): lift the suspension, record the failed deadline
	/// and send the case to the department head, who decides it.
	fn escalate_unresumed(id: CaseId, error: DispatchError) -> DispatchResult {
		let mut case = Self::case(id)?;
		let kind = match case.state {
			CaseState::QueryRaised => Deadline::Response,
			s if s.department_clock_runs() => Deadline::Department,
			_ => return Err(error),
		};
		case.suspensions = 0;
		Self::record(
			Subject::Case(id),
			None,
			Authority::Statute,
			Action::DeadlineFailed,
			(kind, error),
		)?;
		Self::deposit_event(Event::DeadlineFailed { case: id, kind, error });
		Self::escalate(id, case, Self::now())
	}
}

impl<T: Config> ParcelFreezeHandler for Pallet<T> {
	// Each case and certificate is suspended or restored in its own storage layer: a step that
	// fails changes nothing and is recorded by an event; the court order stands either way.
	// Suspending fails only on a full trail (`u32::MAX` entries); restoring a case also when the
	// deadline queue has no room within `DEADLINE_WINDOW` blocks, and then the case goes to its
	// department head rather than stay suspended.
	fn on_freeze(parcel: &Ulpin) {
		use frame_support::storage::with_storage_layer;
		for case in LiveCasesOf::<T>::get(parcel) {
			if let Err(error) = with_storage_layer(|| Self::suspend_case(case)) {
				let subject = Subject::Case(case);
				Self::deposit_event(Event::SuspensionFailed { parcel: *parcel, subject, error });
			}
		}
		for cert in CertificatesOf::<T>::get(parcel) {
			if let Err(error) = with_storage_layer(|| Self::suspend_certificate(cert)) {
				let subject = Subject::Certificate(cert);
				Self::deposit_event(Event::SuspensionFailed { parcel: *parcel, subject, error });
			}
		}
	}

	fn on_unfreeze(parcel: &Ulpin) {
		use frame_support::storage::with_storage_layer;
		for case in LiveCasesOf::<T>::get(parcel) {
			if let Err(error) = with_storage_layer(|| Self::resume_case(case)) {
				let subject = Subject::Case(case);
				Self::deposit_event(Event::ResumptionFailed { parcel: *parcel, subject, error });
				if let Err(e) = with_storage_layer(|| Self::escalate_unresumed(case, error)) {
					log::error!(
						target: "runtime::clearances",
						"case {case} stays suspended: resuming failed ({error:?}), escalating \
						 failed ({e:?})",
					);
				}
			}
		}
		for cert in CertificatesOf::<T>::get(parcel) {
			if let Err(error) = with_storage_layer(|| Self::resume_certificate(cert)) {
				let subject = Subject::Certificate(cert);
				Self::deposit_event(Event::ResumptionFailed { parcel: *parcel, subject, error });
			}
		}
	}

	/// The costlier of the two notifications, each at its largest parcel.
	fn max_weight() -> Weight {
		let cases = <MaxCasesPerParcel as Get<u32>>::get();
		let certificates = <MaxCertificatesPerParcel as Get<u32>>::get();
		T::WeightInfo::on_freeze(cases, certificates)
			.max(T::WeightInfo::on_unfreeze(cases, certificates))
	}
}

//! Decisions: approval (with its certificate, land-use conversion and the cases waiting for it
//! opened) and rejection (with the cases waiting for it refused), by an officer or, on silence,
//! by the statute.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::approve`].
	pub(crate) fn do_approve(
		who: T::AccountId,
		id: CaseId,
		conditions: H256,
	) -> Result<Extent, DispatchError> {
		let case = Self::case(id)?;
		let authority = Self::decider(&who, &case)?;
		let in_time = case.state != CaseState::Escalated;
		let (certificate, extent) =
			Self::grant(id, case, Some(&who), authority, conditions, in_time, CaseState::Approved)?;
		Self::deposit_event(Event::CaseApproved { case: id, by: who, certificate });
		Ok(extent)
	}

	/// Grant a case (approval or deemed approval): issue its certificate, convert land use,
	/// open the cases waiting for it. Returns the certificate and the application's extent.
	pub(crate) fn grant(
		id: CaseId,
		mut case: CaseOf<T>,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		conditions: H256,
		in_time: bool,
		state: CaseState,
	) -> Result<(CertificateId, Extent), DispatchError> {
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		let ct = ClearanceTypes::<T>::get(&case.clearance);
		for p in app.parcels.iter() {
			ensure!(
				(CertificatesOf::<T>::decode_len(p).unwrap_or(0) as u32)
					< <MaxCertificatesPerParcel as Get<u32>>::get(),
				Error::<T>::TooManyCertificates
			);
		}
		let number = NextCertificateId::<T>::get();
		let next = number.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let action = if state == CaseState::Approved {
			Action::CaseApproved
		} else {
			Action::CaseDeemedApproved
		};
		Self::record(Subject::Case(id), who, authority.clone(), action, conditions)?;
		let now_ms = Self::now_ms();
		let expires_at = ct.as_ref().and_then(|t| t.validity_ms).map(|v| now_ms.saturating_add(v));
		let cert = Certificate {
			clearance: case.clearance.clone(),
			department: case.department.clone(),
			enterprise: app.enterprise,
			case: id,
			parcels: app.parcels.clone(),
			conditions,
			issued_at: now_ms,
			expires_at,
			renews: None,
			renewed_by: None,
			revoked: None,
			suspensions: 0,
		};
		Self::record(
			Subject::Certificate(number),
			who,
			authority.clone(),
			Action::CertificateIssued,
			&cert,
		)?;
		NextCertificateId::<T>::put(next);
		for p in app.parcels.iter() {
			CertificatesOf::<T>::mutate(p, |l| {
				l.try_push(number).map_err(|_| Error::<T>::TooManyCertificates)
			})?;
		}
		Self::index_certificate(number, &cert, None);
		Certificates::<T>::insert(number, cert);
		Self::deposit_event(Event::CertificateIssued { certificate: number, case: id, expires_at });

		case.clock.stop(Self::now(), &Self::calendar());
		case.state = state;
		case.decision = Some(Decision {
			by: who.cloned(),
			at: Self::now(),
			document: conditions,
			reason: None,
			certificate: Some(number),
			in_time,
		});
		Self::close_case(id, &case, &app.parcels);
		let clearance = case.clearance.clone();
		Self::store_case(id, case.clone());
		Self::note_case_decided(case.application);

		if let Some(to) = ct.and_then(|t| t.converts_to) {
			for p in app.parcels.iter() {
				T::Land::convert_land_use(p, to, who.cloned(), authority.clone())?;
			}
		}
		// Open the application's cases that were waiting for this one, once all they need is in.
		for (other, _, wt) in Self::waiting_on(&app, id, &clearance) {
			if Self::prerequisites_met(&wt, &app.parcels) {
				Self::open_case(other)?;
			}
		}
		Ok((number, app.extent()))
	}

	/// See [`Pallet::reject`].
	pub(crate) fn do_reject(
		who: T::AccountId,
		id: CaseId,
		reason: u16,
		reasoning: H256,
	) -> Result<Extent, DispatchError> {
		let case = Self::case(id)?;
		let authority = Self::decider(&who, &case)?;
		let in_time = case.state != CaseState::Escalated;
		Self::refuse(id, case, Some(&who), authority, reason, reasoning, in_time)
	}

	/// Reject a case, and the cases of the application that were waiting for it, each once.
	/// Returns the application's extent.
	fn refuse(
		id: CaseId,
		case: CaseOf<T>,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		reason: u16,
		reasoning: H256,
		in_time: bool,
	) -> Result<Extent, DispatchError> {
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		let mut refused: Vec<TypeCode> = Vec::with_capacity(app.cases.len());
		refused.push(case.clearance.clone());
		Self::reject_case(id, case, &app, who, authority, reason, reasoning, in_time)?;
		// A case that can never open is refused, whichever refused prerequisite leads to it.
		// Each pass reads the cases as they are now, so a case refused by an earlier pass (it
		// is no longer waiting) is not refused again. Each pass refuses at least one case or
		// ends the walk: at most `MaxTypes` passes.
		while let Some(clearance) = refused.pop() {
			for (other, waiting, _) in Self::waiting_on(&app, id, &clearance) {
				refused.push(waiting.clearance.clone());
				Self::reject_case(
					other,
					waiting,
					&app,
					None,
					Authority::Statute,
					REASON_PREREQUISITE_REFUSED,
					reasoning,
					true,
				)?;
			}
		}
		Ok(app.extent())
	}

	/// Reject one case of `app`.
	#[allow(clippy::too_many_arguments)]
	fn reject_case(
		id: CaseId,
		mut case: CaseOf<T>,
		app: &ApplicationOf<T>,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		reason: u16,
		reasoning: H256,
		in_time: bool,
	) -> DispatchResult {
		Self::record(Subject::Case(id), who, authority, Action::CaseRejected, (reason, reasoning))?;
		case.clock.stop(Self::now(), &Self::calendar());
		case.state = CaseState::Rejected;
		case.decision = Some(Decision {
			by: who.cloned(),
			at: Self::now(),
			document: reasoning,
			reason: Some(reason),
			certificate: None,
			in_time,
		});
		Self::close_case(id, &case, &app.parcels);
		let application = case.application;
		Self::store_case(id, case);
		Self::note_case_decided(application);
		Self::deposit_event(Event::CaseRejected { case: id, by: who.cloned(), reason });
		Ok(())
	}
}

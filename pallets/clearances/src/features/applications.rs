//! Common applications: submission (one case per clearance type, opened at its department or
//! waiting for its prerequisites), prerequisites, opening a waiting case, and withdrawal.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::submit_application`].
	pub(crate) fn do_submit(
		who: T::AccountId,
		project: Project,
		parcels: BoundedVec<Ulpin, MaxParcels>,
		type_list: BoundedVec<TypeCode, MaxTypes>,
		documents: BoundedVec<H256, MaxDocuments>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		ensure!(!project.name.is_empty(), Error::<T>::NoProjectName);
		ensure!(!project.sector.is_empty(), Error::<T>::NoSector);
		ensure!(!parcels.is_empty(), Error::<T>::NoParcels);
		ensure!(!type_list.is_empty(), Error::<T>::NoTypes);

		// Parcels: known, not frozen, the enterprise's to apply for, distinct.
		for (i, p) in parcels.iter().enumerate() {
			let frozen = T::Land::is_frozen(p).ok_or(Error::<T>::UnknownParcel)?;
			ensure!(!frozen, Error::<T>::ParcelFrozen);
			ensure!(T::Land::may_apply(p, enterprise), Error::<T>::NoHolderConsent);
			ensure!(!parcels.iter().take(i).any(|q| q == p), Error::<T>::DuplicateParcel);
		}
		// Documents: the enterprise's own.
		let docs = Self::check_documents(enterprise, &documents)?;
		// Types: known, distinct, documents present, prerequisites reachable, no duplicates.
		let mut catalogue = Vec::with_capacity(type_list.len());
		for (i, code) in type_list.iter().enumerate() {
			ensure!(!type_list.iter().take(i).any(|c| c == code), Error::<T>::DuplicateType);
			let ct = ClearanceTypes::<T>::get(code).ok_or(Error::<T>::UnknownType)?;
			for kind in ct.required_documents.iter() {
				ensure!(docs.iter().any(|d| &d.kind == kind), Error::<T>::MissingDocument);
			}
			for pre in ct.prerequisites.iter() {
				let requested = type_list.contains(pre);
				let approved = parcels.iter().all(|p| Self::approved_for(p, pre));
				ensure!(requested || approved, Error::<T>::MissingPrerequisite);
			}
			for p in parcels.iter() {
				ensure!(!CaseOfParcel::<T>::contains_key(p, code), Error::<T>::AlreadyApplied);
				ensure!(!Self::holds_clearance(p, code), Error::<T>::AlreadyApproved);
			}
			catalogue.push(ct);
		}
		for p in parcels.iter() {
			let live = LiveCasesOf::<T>::decode_len(p).unwrap_or(0);
			ensure!(
				live.saturating_add(type_list.len())
					<= <MaxCasesPerParcel as Get<u32>>::get() as usize,
				Error::<T>::TooManyCases
			);
		}
		let id = NextApplicationId::<T>::get();
		let next_app = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let first_case = NextCaseId::<T>::get();
		let next_case =
			first_case.checked_add(type_list.len() as u32).ok_or(Error::<T>::IdsExhausted)?;

		// All checks passed: write. What can still fail (a full audit trail, no room in the
		// deadline queue) is undone with every write of the call by transactional dispatch.
		let now = Self::now();
		NextApplicationId::<T>::put(next_app);
		NextCaseId::<T>::put(next_case);
		let cases: BoundedVec<CaseId, MaxTypes> =
			BoundedVec::truncate_from((first_case..next_case).collect());
		let application = Application {
			enterprise,
			project,
			parcels: parcels.clone(),
			documents,
			cases: cases.clone(),
			open_cases: cases.len() as u32,
			submitted_by: who.clone(),
			submitted_at: now,
			status: ApplicationStatus::Open,
		};
		Self::record(
			Subject::Application(id),
			Some(&who),
			authority,
			Action::ApplicationSubmitted,
			&application,
		)?;
		Applications::<T>::insert(id, application);
		ApplicationsOf::<T>::insert(enterprise, id, ());
		Self::deposit_event(Event::ApplicationSubmitted { application: id, enterprise, by: who });

		for ((case_id, code), ct) in cases.iter().zip(type_list.iter()).zip(catalogue) {
			let case = Case {
				application: id,
				clearance: code.clone(),
				department: ct.department.clone(),
				state: CaseState::Waiting,
				officer: None,
				opened_at: None,
				time_limit: ct.time_limit,
				clock: Clock { remaining: ct.time_limit, running_since: None },
				response_clock: None,
				query: None,
				response: None,
				suspensions: 0,
				decision: None,
			};
			Self::store_case(*case_id, case);
			for p in parcels.iter() {
				CaseOfParcel::<T>::insert(p, code, case_id);
				// Cannot fail: room was checked above.
				LiveCasesOf::<T>::mutate(p, |l| {
					l.try_push(*case_id).map_err(|_| Error::<T>::TooManyCases)
				})?;
			}
			if Self::prerequisites_met(&ct, &parcels) {
				Self::open_case(*case_id)?;
			} else {
				Self::deposit_event(Event::CaseWaiting { case: *case_id, application: id });
			}
		}
		Ok(())
	}

	/// The cases of `app` (other than `except`) waiting for a clearance of type `clearance`.
	/// Bounded by the application's cases ([`MaxTypes`]).
	pub(crate) fn waiting_on(
		app: &ApplicationOf<T>,
		except: CaseId,
		clearance: &TypeCode,
	) -> Vec<(CaseId, CaseOf<T>, ClearanceTypeOf<T>)> {
		app.cases
			.iter()
			.filter(|c| **c != except)
			.filter_map(|c| {
				let case = Cases::<T>::get(c).filter(|case| case.state == CaseState::Waiting)?;
				let t = ClearanceTypes::<T>::get(&case.clearance)
					.filter(|t| t.prerequisites.contains(clearance))?;
				Some((*c, case, t))
			})
			.collect()
	}

	/// Whether every prerequisite of `t` is approved for every one of `parcels`.
	pub(crate) fn prerequisites_met(t: &ClearanceTypeOf<T>, parcels: &[Ulpin]) -> bool {
		t.prerequisites.iter().all(|pre| parcels.iter().all(|p| Self::approved_for(p, pre)))
	}

	/// Whether `parcel` has a clearance of type `code` in force now: its certificate is neither
	/// revoked, nor expired, nor suspended. Only such a clearance meets a prerequisite.
	pub(crate) fn approved_for(parcel: &Ulpin, code: &TypeCode) -> bool {
		Self::certificate_of(parcel, code)
			.is_some_and(|c| c.status_now(Self::now_ms()) == CertificateStatus::Valid)
	}

	/// Whether `parcel` holds a clearance of type `code`: by a certificate neither revoked nor
	/// expired (a suspended one still holds it). While it does, the clearance cannot be asked
	/// for again; once it is revoked or expired, the (parcel, type) is free.
	pub(crate) fn holds_clearance(parcel: &Ulpin, code: &TypeCode) -> bool {
		Self::certificate_of(parcel, code).is_some_and(|c| {
			matches!(
				c.status_now(Self::now_ms()),
				CertificateStatus::Valid | CertificateStatus::Suspended
			)
		})
	}

	/// The certificate of `parcel`'s clearance of type `code`, if one was issued and not
	/// revoked.
	fn certificate_of(parcel: &Ulpin, code: &TypeCode) -> Option<Certificate> {
		CertificateOfParcel::<T>::get(parcel, code).and_then(Certificates::<T>::get)
	}

	/// Open a waiting case at its department: start its clock.
	pub(crate) fn open_case(id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		let now = Self::now();
		let calendar = Self::calendar();
		case.state = CaseState::Submitted;
		case.opened_at = Some(now);
		case.clock = Clock::start(case.time_limit, now);
		let due = case.clock.due(&calendar).unwrap_or(now);
		if case.suspensions > 0 {
			// A freeze of one of its parcels holds the clock until it is lifted.
			case.clock.stop(now, &calendar);
		} else {
			Self::schedule_clock(id, Deadline::Department, &case.clock, &calendar)?;
		}
		Self::record(
			Subject::Case(id),
			None,
			Authority::Statute,
			Action::CaseOpened,
			(&case.clearance, due),
		)?;
		let application = case.application;
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseOpened { case: id, application, due });
		Ok(())
	}

	/// See [`Pallet::withdraw_application`].
	pub(crate) fn do_withdraw(
		who: T::AccountId,
		id: ApplicationId,
	) -> Result<Extent, DispatchError> {
		let (enterprise, authority) = Self::applicant(&who)?;
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.enterprise == enterprise, Error::<T>::NotAuthorized);
		ensure!(app.status == ApplicationStatus::Open, Error::<T>::InvalidState);

		Self::record(
			Subject::Application(id),
			Some(&who),
			authority.clone(),
			Action::ApplicationWithdrawn,
			id,
		)?;
		for case_id in app.cases.iter() {
			let mut case = Self::case(*case_id)?;
			if case.state.is_final() {
				continue;
			}
			case.state = CaseState::Withdrawn;
			case.clock.stop(Self::now(), &Self::calendar());
			Self::close_case(*case_id, &case, &app.parcels);
			Self::record(
				Subject::Case(*case_id),
				Some(&who),
				authority.clone(),
				Action::CaseWithdrawn,
				id,
			)?;
			Self::store_case(*case_id, case);
		}
		app.status = ApplicationStatus::Withdrawn;
		app.open_cases = 0;
		let extent = app.extent();
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationWithdrawn { application: id, by: who });
		Ok(extent)
	}
}

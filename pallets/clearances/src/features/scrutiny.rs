//! Scrutiny: an officer takes a case, may raise the department's one query within the first
//! third of the time limit, and the applicant responds.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::take_case`].
	pub(crate) fn do_take(who: T::AccountId, id: CaseId) -> DispatchResult {
		let mut case = Self::case(id)?;
		let authority = Self::officer(&who, &case, &[Role::ScrutinyOfficer])?;
		ensure!(case.state == CaseState::Submitted, Error::<T>::InvalidState);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);

		Self::record(Subject::Case(id), Some(&who), authority, Action::CaseTaken, id)?;
		case.state = CaseState::UnderScrutiny;
		case.officer = Some(who.clone());
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseTaken { case: id, officer: who });
		Ok(())
	}

	/// See [`Pallet::raise_query`].
	pub(crate) fn do_raise_query(who: T::AccountId, id: CaseId, query: H256) -> DispatchResult {
		let mut case = Self::case(id)?;
		let authority = Self::officer(&who, &case, &[Role::ScrutinyOfficer])?;
		let holder_or_head =
			case.officer.as_ref() == Some(&who) || matches!(authority, Authority::Head { .. });
		ensure!(holder_or_head, Error::<T>::NotAuthorized);
		ensure!(
			matches!(case.state, CaseState::UnderScrutiny | CaseState::Responded),
			Error::<T>::InvalidState
		);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		ensure!(case.query.is_none(), Error::<T>::QueryAlreadyRaised);
		let now = Self::now();
		let calendar = Self::calendar();
		let used = case.time_limit.saturating_sub(case.clock.left(now, &calendar));
		ensure!(used.saturating_mul(3u32.into()) <= case.time_limit, Error::<T>::ObjectionsLocked);
		let limit = ClearanceTypes::<T>::get(&case.clearance)
			.map(|t| t.response_limit)
			.unwrap_or(case.time_limit);
		let response_clock = Clock::start(limit, now);
		let respond_by = Self::schedule_clock(id, Deadline::Response, &response_clock, &calendar)?;

		Self::record(Subject::Case(id), Some(&who), authority, Action::QueryRaised, query)?;
		case.clock.stop(now, &calendar);
		case.response_clock = Some(response_clock);
		case.query = Some(query);
		case.state = CaseState::QueryRaised;
		Self::store_case(id, case);
		Self::deposit_event(Event::QueryRaised { case: id, officer: who, respond_by });
		Ok(())
	}

	/// See [`Pallet::respond_to_query`].
	pub(crate) fn do_respond(
		who: T::AccountId,
		id: CaseId,
		response: H256,
		documents: BoundedVec<H256, MaxDocuments>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		let mut case = Self::case(id)?;
		let mut app =
			Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.enterprise == enterprise, Error::<T>::NotAuthorized);
		ensure!(case.state == CaseState::QueryRaised, Error::<T>::InvalidState);
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		Self::check_documents(enterprise, &documents)?;
		for d in documents {
			if !app.documents.contains(&d) {
				app.documents.try_push(d).map_err(|_| Error::<T>::TooManyDocuments)?;
			}
		}
		let calendar = Self::calendar();
		let mut resumed = case.clock;
		resumed.resume(Self::now(), &calendar);
		Self::schedule_clock(id, Deadline::Department, &resumed, &calendar)?;

		Self::record(Subject::Case(id), Some(&who), authority, Action::QueryResponded, response)?;
		case.clock = resumed;
		case.response_clock = None;
		case.response = Some(response);
		case.state = CaseState::Responded;
		Applications::<T>::insert(case.application, app);
		Self::store_case(id, case);
		Self::deposit_event(Event::QueryResponded { case: id, by: who });
		Ok(())
	}
}

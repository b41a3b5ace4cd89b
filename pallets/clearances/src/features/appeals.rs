//! Appeals under the Right to Public Services acts: the applicant appeals a case that was
//! rejected, lapsed, escalated or decided late to the department's Appellate Officer, then to
//! its Reviewing Officer, each with a statutory clock in the deadline queue. An appellate
//! decision upholds, orders a decision within a limit, or sets aside a rejection (the case
//! reopens with a fresh clock); the Reviewing Officer may record a penalty against the officer
//! who held the case. Everything is on the case's trail.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::set_appeal_terms`]; the origin is checked by the call.
	pub(crate) fn do_set_appeal_terms(
		code: TypeCode,
		terms: Option<AppealTermsOf<T>>,
	) -> DispatchResult {
		match terms {
			Some(t) => {
				ensure!(ClearanceTypes::<T>::contains_key(&code), Error::<T>::UnknownType);
				let limits = [t.window, t.first_limit, t.second_window, t.second_limit];
				ensure!(!limits.iter().any(|l| l.is_zero()), Error::<T>::ZeroTimeLimit);
				AppealTermsOfType::<T>::insert(&code, t);
				Self::deposit_event(Event::AppealTermsSet { clearance: code });
			},
			None => {
				ensure!(AppealTermsOfType::<T>::contains_key(&code), Error::<T>::NoAppealTerms);
				AppealTermsOfType::<T>::remove(&code);
				Self::deposit_event(Event::AppealTermsRemoved { clearance: code });
			},
		}
		Ok(())
	}

	/// See [`Pallet::set_penalty_range`]; the origin is checked by the call.
	pub(crate) fn do_set_penalty_range(range: PenaltyRange) -> DispatchResult {
		ensure!(range.min > 0 && range.min <= range.max, Error::<T>::BadPenaltyRange);
		PenaltyLimits::<T>::put(range);
		Self::deposit_event(Event::PenaltyRangeSet { min: range.min, max: range.max });
		Ok(())
	}

	/// The last appeal on case `id`, with its id.
	fn last_appeal(appeals: &[AppealId]) -> Option<(AppealId, AppealOf<T>)> {
		let id = *appeals.last()?;
		Appeals::<T>::get(id).map(|a| (id, a))
	}

	/// See [`Pallet::file_appeal`] and [`Pallet::file_second_appeal`].
	pub(crate) fn do_file_appeal(
		who: T::AccountId,
		id: CaseId,
		grounds: H256,
		level: AppealLevel,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		let case = Self::case(id)?;
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.enterprise == enterprise, Error::<T>::NotAuthorized);
		ensure!(app.status != ApplicationStatus::Withdrawn, Error::<T>::ApplicationClosed);
		let terms =
			AppealTermsOfType::<T>::get(&case.clearance).ok_or(Error::<T>::NoAppealTerms)?;
		let mut appeals = CaseAppeals::<T>::get(id);
		let last = Self::last_appeal(&appeals);
		let now = Self::now();
		let calendar = Self::calendar();
		let within = |since: BlockNumberFor<T>, window: BlockNumberFor<T>| {
			let used = calendar.elapsed(since.unique_saturated_into(), now.unique_saturated_into());
			let window: u64 = window.unique_saturated_into();
			used <= window
		};
		let limit = match level {
			AppealLevel::First => {
				let decided_at = case.decision.as_ref().map(|d| d.at);
				let late = case.decision.as_ref().is_some_and(|d| !d.in_time);
				let appealable = match case.state {
					CaseState::Escalated | CaseState::Rejected | CaseState::Lapsed => true,
					s => s.is_final() && late,
				};
				ensure!(appealable, Error::<T>::NotAppealable);
				if let Some((_, a)) = &last {
					ensure!(a.status != AppealStatus::Pending, Error::<T>::AppealPending);
					// A decision taken after the last appeal (or after it reopened the case) is a
					// new one, open to appeal.
					let reopened = a.decision.as_ref().is_some_and(|d| d.outcome.reopens());
					let newer = decided_at.is_some_and(|at| at > a.filed_at);
					ensure!(reopened || newer, Error::<T>::AlreadyAppealed);
				}
				// An escalated case may be appealed while it stays escalated.
				if let Some(at) = decided_at.filter(|_| case.state != CaseState::Escalated) {
					ensure!(within(at, terms.window), Error::<T>::AppealWindowClosed);
				}
				terms.first_limit
			},
			AppealLevel::Second => {
				let (_, first) = last.ok_or(Error::<T>::NoFirstAppeal)?;
				ensure!(first.level == AppealLevel::First, Error::<T>::AlreadyAppealed);
				ensure!(first.status != AppealStatus::Pending, Error::<T>::AppealPending);
				let granted = first.decision.as_ref().is_some_and(|d| d.outcome.reopens());
				ensure!(!granted, Error::<T>::FirstAppealGranted);
				let closed = first.closed_at.unwrap_or(first.filed_at);
				ensure!(within(closed, terms.second_window), Error::<T>::AppealWindowClosed);
				terms.second_limit
			},
		};
		let appeal = NextAppealId::<T>::get();
		let next = appeal.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		appeals.try_push(appeal).map_err(|_| Error::<T>::TooManyAppeals)?;

		// All checks passed: write. A full deadline queue or trail undoes the call.
		let clock = Clock::start(limit, now);
		let due = Self::schedule_clock(appeal, Deadline::Appeal, &clock, &calendar)?;
		Self::record(
			Subject::Case(id),
			Some(&who),
			authority,
			Action::AppealFiled,
			(appeal, level, grounds),
		)?;
		NextAppealId::<T>::put(next);
		CaseAppeals::<T>::insert(id, appeals);
		Appeals::<T>::insert(
			appeal,
			Appeal {
				case: id,
				level,
				filed_by: who.clone(),
				filed_at: now,
				grounds,
				clock,
				status: AppealStatus::Pending,
				closed_at: None,
				decision: None,
				penalty: None,
			},
		);
		Self::deposit_event(Event::AppealFiled { appeal, case: id, level, by: who, due });
		Ok(())
	}

	/// See [`Pallet::decide_appeal`]. Returns the number of the application's parcels.
	pub(crate) fn do_decide_appeal(
		who: T::AccountId,
		id: AppealId,
		outcome: AppealOutcome<BlockNumberFor<T>>,
		document: H256,
	) -> Result<u32, DispatchError> {
		let mut appeal = Appeals::<T>::get(id).ok_or(Error::<T>::UnknownAppeal)?;
		let case = Self::case(appeal.case)?;
		let role = match appeal.level {
			AppealLevel::First => Role::AppellateOfficer,
			AppealLevel::Second => Role::ReviewingOfficer,
		};
		let authority = Self::appellate(&who, &case, role)?;
		ensure!(appeal.status == AppealStatus::Pending, Error::<T>::AppealClosed);
		let decided_by = case.decision.as_ref().and_then(|d| d.by.as_ref());
		ensure!(
			case.officer.as_ref() != Some(&who) && decided_by != Some(&who),
			Error::<T>::OwnCase
		);
		let app = Applications::<T>::get(case.application).ok_or(Error::<T>::UnknownApplication)?;
		match outcome {
			AppealOutcome::Upheld => {},
			AppealOutcome::DecisionOrdered { within } => {
				let fits = case.state == CaseState::Escalated && !within.is_zero();
				ensure!(fits, Error::<T>::InvalidOutcome);
				ensure!(case.suspensions == 0, Error::<T>::Suspended);
			},
			AppealOutcome::SetAside => {
				let fits = matches!(case.state, CaseState::Rejected | CaseState::Lapsed);
				ensure!(fits, Error::<T>::InvalidOutcome);
				ensure!(app.status != ApplicationStatus::Withdrawn, Error::<T>::ApplicationClosed);
				Self::ensure_can_reopen(&case, &app)?;
			},
		}
		let now = Self::now();
		let calendar = Self::calendar();
		let in_time = !appeal.clock.left(now, &calendar).is_zero();

		Self::record(
			Subject::Case(appeal.case),
			Some(&who),
			authority.clone(),
			Action::AppealDecided,
			(id, outcome, document),
		)?;
		appeal.clock.stop(now, &calendar);
		appeal.status = AppealStatus::Decided;
		appeal.closed_at = Some(now);
		appeal.decision = Some(AppealDecision { by: who.clone(), outcome, document, in_time });
		let case_id = appeal.case;
		Appeals::<T>::insert(id, appeal);
		Self::deposit_event(Event::AppealDecided {
			appeal: id,
			case: case_id,
			outcome,
			by: who.clone(),
		});
		let within = match outcome {
			AppealOutcome::Upheld => None,
			AppealOutcome::DecisionOrdered { within } => Some(within),
			AppealOutcome::SetAside => Some(case.time_limit),
		};
		if let Some(limit) = within {
			Self::reopen(case_id, case, &app, limit, id, &who, authority)?;
		}
		Ok(app.extent().parcels)
	}

	/// Whether a rejected or lapsed `case` of `app` can go back to its department: its type is
	/// in the catalogue, its prerequisites in force, and each parcel known, not frozen, free of
	/// another live case or clearance of the type, with room for one more live case.
	fn ensure_can_reopen(case: &CaseOf<T>, app: &ApplicationOf<T>) -> DispatchResult {
		let ct = ClearanceTypes::<T>::get(&case.clearance).ok_or(Error::<T>::UnknownType)?;
		ensure!(Self::prerequisites_met(&ct, &app.parcels), Error::<T>::MissingPrerequisite);
		for p in app.parcels.iter() {
			let frozen = T::Land::is_frozen(p).ok_or(Error::<T>::UnknownParcel)?;
			ensure!(!frozen, Error::<T>::ParcelFrozen);
			ensure!(
				!CaseOfParcel::<T>::contains_key(p, &case.clearance),
				Error::<T>::AlreadyApplied
			);
			ensure!(!Self::holds_clearance(p, &case.clearance), Error::<T>::AlreadyApproved);
			let live = LiveCasesOf::<T>::decode_len(p).unwrap_or(0) as u32;
			ensure!(live < <MaxCasesPerParcel as Get<u32>>::get(), Error::<T>::TooManyCases);
		}
		Ok(())
	}

	/// Send `case` back to its department with a clock of `limit` working blocks. A decided
	/// case (set aside) becomes live again: it is taken afresh, holds its (parcel, type) slots
	/// and counts as open on its application again.
	#[allow(clippy::too_many_arguments)]
	fn reopen(
		id: CaseId,
		mut case: CaseOf<T>,
		app: &ApplicationOf<T>,
		limit: BlockNumberFor<T>,
		appeal: AppealId,
		who: &T::AccountId,
		authority: Authority<T::AccountId>,
	) -> DispatchResult {
		let now = Self::now();
		let calendar = Self::calendar();
		let was_decided = case.state.is_final();
		if was_decided {
			case.officer = None;
			case.decision = None;
		}
		case.state =
			if case.officer.is_some() { CaseState::UnderScrutiny } else { CaseState::Submitted };
		case.response_clock = None;
		case.clock = Clock::start(limit, now);
		let due = Self::schedule_clock(id, Deadline::Department, &case.clock, &calendar)?;
		Self::record(Subject::Case(id), Some(who), authority, Action::CaseReopened, (appeal, due))?;
		if was_decided {
			for p in app.parcels.iter() {
				CaseOfParcel::<T>::insert(p, &case.clearance, id);
				// Cannot fail: room was checked by `ensure_can_reopen`.
				LiveCasesOf::<T>::mutate(p, |l| {
					l.try_push(id).map_err(|_| Error::<T>::TooManyCases)
				})?;
			}
			Applications::<T>::mutate(case.application, |a| {
				if let Some(a) = a {
					a.open_cases.saturating_inc();
					a.status = ApplicationStatus::Open;
				}
			});
		}
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseReopened { case: id, appeal, due });
		Ok(())
	}

	/// See [`Pallet::record_penalty`].
	pub(crate) fn do_record_penalty(
		who: T::AccountId,
		id: AppealId,
		officer: T::AccountId,
		amount: u32,
	) -> DispatchResult {
		let mut appeal = Appeals::<T>::get(id).ok_or(Error::<T>::UnknownAppeal)?;
		let case = Self::case(appeal.case)?;
		let authority = Self::appellate(&who, &case, Role::ReviewingOfficer)?;
		ensure!(appeal.level == AppealLevel::Second, Error::<T>::NotSecondAppeal);
		ensure!(appeal.penalty.is_none(), Error::<T>::PenaltyAlreadyRecorded);
		let held = match case.officer.as_ref() {
			Some(o) => o == &officer,
			None => T::Departments::head_of(&case.department).as_ref() == Some(&officer),
		};
		ensure!(held, Error::<T>::NotCaseOfficer);
		ensure!(who != officer, Error::<T>::OwnCase);
		let range = PenaltyLimits::<T>::get().ok_or(Error::<T>::NoPenaltyRange)?;
		ensure!(range.min <= amount && amount <= range.max, Error::<T>::PenaltyOutOfRange);

		let case_id = appeal.case;
		Self::record(
			Subject::Case(case_id),
			Some(&who),
			authority,
			Action::PenaltyRecorded,
			(id, &officer, amount),
		)?;
		appeal.penalty = Some(Penalty { officer: officer.clone(), amount, by: who.clone() });
		Appeals::<T>::insert(id, appeal);
		Self::deposit_event(Event::PenaltyRecorded {
			appeal: id,
			case: case_id,
			officer,
			amount,
			by: who,
		});
		Ok(())
	}

	/// An appeal's deadline queued at working position `block` fell due: if the appeal is
	/// still pending and its clock ends there, it times out. Returns the weight of the action.
	pub(crate) fn appeal_deadline(
		id: AppealId,
		block: BlockNumberFor<T>,
		calendar: &Calendar,
	) -> Result<Weight, DispatchError> {
		let Some(mut appeal) = Appeals::<T>::get(id) else { return Ok(Weight::zero()) };
		let current = appeal.status == AppealStatus::Pending
			&& appeal.clock.end(calendar).is_some_and(|e| e <= block);
		if !current {
			return Ok(Weight::zero());
		}
		let now = Self::now();
		Self::record(
			Subject::Case(appeal.case),
			None,
			Authority::Statute,
			Action::AppealTimedOut,
			id,
		)?;
		appeal.clock.stop(now, calendar);
		appeal.status = AppealStatus::TimedOut;
		appeal.closed_at = Some(now);
		let case = appeal.case;
		Appeals::<T>::insert(id, appeal);
		Self::deposit_event(Event::AppealTimedOut { appeal: id, case });
		Ok(T::WeightInfo::appeal_timed_out())
	}

	/// Timing out appeal `id` failed (a full trail) and changed nothing: it is tried again in
	/// the next working block. Returns the weight charged: the time-out and a search of the
	/// whole window.
	pub(crate) fn appeal_deadline_failed(id: AppealId, error: DispatchError) -> Weight {
		let calendar = Self::calendar();
		let retry = Self::position_now(&calendar).saturating_add(One::one());
		let at = match Self::schedule(id, Deadline::Appeal, retry, &calendar) {
			Ok(at) => Some(calendar.block_at(at.unique_saturated_into()).unique_saturated_into()),
			Err(e) => {
				log::error!(
					target: "runtime::clearances",
					"appeal {id} could not time out ({error:?}) nor be rescheduled ({e:?})",
				);
				None
			},
		};
		Self::deposit_event(Event::AppealDeadlineFailed { appeal: id, error, at });
		T::WeightInfo::appeal_timed_out()
			.saturating_add(T::DbWeight::get().reads_writes(DEADLINE_WINDOW.into(), 1))
	}
}

//! The deadline queue: scheduling a clock's end, and the per-block hook that acts on the
//! deadlines that fell due (deemed approval, escalation, lapse, an appeal's time-out), with the
//! fallback that gives every deadline an outcome when its action fails.
//!
//! The queue is kept by working position (`calendar.rs`), not by block: a deadline falls due in
//! the first block whose working position reaches its own. Adding a holiday while a clock runs
//! thus moves its due block later without touching the queue (no deadline fires early), and
//! removing one moves it earlier; the views, the work queue and the queue all read the same
//! calendar.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Queue the end of `clock` (which runs) as the deadline `kind` of `case` (or appeal);
	/// returns the block it falls due in. See [`Pallet::schedule`].
	pub(crate) fn schedule_clock(
		case: CaseId,
		kind: Deadline,
		clock: &Clock<BlockNumberFor<T>>,
		calendar: &Calendar,
	) -> Result<BlockNumberFor<T>, Error<T>> {
		let now = Self::now();
		let end = clock.end(calendar).unwrap_or(now);
		Self::schedule(case, kind, end, calendar)?;
		Ok(clock.due(calendar).unwrap_or(now))
	}

	/// The working position of the current block.
	pub(crate) fn position_now(calendar: &Calendar) -> BlockNumberFor<T> {
		calendar.position(Self::now().unique_saturated_into()).unique_saturated_into()
	}

	/// Put a deadline in the queue at working position `at`, or the first later position with
	/// room within [`DEADLINE_WINDOW`] (so `DEADLINE_WINDOW × MaxDeadlinesPerBlock` deadlines
	/// falling due together all find a place), or fail with [`Error::DeadlineQueueFull`]. Never
	/// at or before the current block's position, whose deadlines were processed. Returns the
	/// position it was put at.
	pub(crate) fn schedule(
		case: CaseId,
		kind: Deadline,
		at: BlockNumberFor<T>,
		calendar: &Calendar,
	) -> Result<BlockNumberFor<T>, Error<T>> {
		let mut block = at.max(Self::position_now(calendar).saturating_add(One::one()));
		for _ in 0..DEADLINE_WINDOW {
			let added = Deadlines::<T>::mutate(block, |q| q.try_push((case, kind)).is_ok());
			if added {
				return Ok(block);
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::DeadlineQueueFull)
	}

	/// Process due deadlines, oldest first, at most [`Config::MaxDeadlineWork`]; returns the
	/// weight used, each deadline charged by what it did and the extent it did it for.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>) -> Weight {
		let budget = T::MaxDeadlineWork::get();
		let mut used = 0u32;
		let mut actions = Weight::zero();
		let calendar = Self::calendar();
		let horizon: BlockNumberFor<T> =
			calendar.position(now.unique_saturated_into()).unique_saturated_into();
		let mut block = DeadlineCursor::<T>::get();
		if block.is_zero() {
			block = horizon;
		}
		// Empty blocks cost a read each: visit at most twice the budget of them, so a cursor left
		// behind by a backlog catches up over a few blocks instead of in one.
		let max_visits = budget.saturating_mul(2).max(1);
		let mut buckets = 0u32;
		while block <= horizon && used < budget && buckets < max_visits {
			buckets.saturating_inc();
			let mut queue = Deadlines::<T>::take(block);
			let take = (budget.saturating_sub(used) as usize).min(queue.len());
			let rest: Vec<_> = queue.drain(take..).collect();
			for (case, kind) in queue.into_iter() {
				used.saturating_inc();
				// Each deadline in its own storage layer: one that cannot act changes nothing,
				// and is then recorded and given a fallback (`deadline_failed`).
				let acted = frame_support::storage::with_storage_layer(|| {
					Self::on_deadline(case, kind, block, &calendar)
				});
				let weight = match (acted, kind) {
					(Ok(weight), _) => weight,
					(Err(error), Deadline::Appeal) => Self::appeal_deadline_failed(case, error),
					(Err(error), _) => Self::deadline_failed(case, kind, block, error),
				};
				actions.saturating_accrue(weight);
			}
			if !rest.is_empty() {
				Deadlines::<T>::insert(block, BoundedVec::truncate_from(rest));
				break;
			}
			block = block.saturating_add(One::one());
		}
		DeadlineCursor::<T>::put(block);
		// The calendar is read once, besides the per-deadline work.
		T::WeightInfo::on_initialize_deadlines(used)
			.saturating_add(actions)
			.saturating_add(T::DbWeight::get().reads_writes(buckets.into(), buckets.into()))
			.saturating_add(T::DbWeight::get().reads(1))
	}

	/// A deadline queued at working position `block` fell due: act if it is still current (the
	/// clock still runs and ends there; a clock stopped and run again has a later deadline).
	/// Returns the weight of the action, on top of the per-deadline weight of
	/// [`WeightInfo::on_initialize_deadlines`].
	pub(crate) fn on_deadline(
		id: CaseId,
		kind: Deadline,
		block: BlockNumberFor<T>,
		calendar: &Calendar,
	) -> Result<Weight, DispatchError> {
		if kind == Deadline::Appeal {
			return Self::appeal_deadline(id, block, calendar);
		}
		let case = Self::case(id)?;
		if case.suspensions > 0 {
			return Ok(Weight::zero());
		}
		match kind {
			Deadline::Department => {
				let current = case.state.department_clock_runs()
					&& case.clock.end(calendar).is_some_and(|d| d <= block);
				if !current {
					return Ok(Weight::zero());
				}
				let silence = ClearanceTypes::<T>::get(&case.clearance)
					.map(|t| t.on_silence)
					.unwrap_or(OnSilence::Escalation);
				match silence {
					OnSilence::DeemedApproval => {
						let (certificate, e) = Self::grant(
							id,
							case,
							None,
							Authority::Statute,
							H256::zero(),
							false,
							CaseState::DeemedApproved,
						)?;
						Self::deposit_event(Event::CaseDeemedApproved { case: id, certificate });
						Ok(T::WeightInfo::deemed_approval(e.cases, e.parcels))
					},
					OnSilence::Escalation => {
						Self::escalate(id, case, block)?;
						Ok(T::WeightInfo::escalation())
					},
				}
			},
			Deadline::Response => {
				let current = case.state == CaseState::QueryRaised
					&& case
						.response_clock
						.and_then(|c| c.end(calendar))
						.is_some_and(|d| d <= block);
				if !current {
					return Ok(Weight::zero());
				}
				let mut case = case;
				let app = Applications::<T>::get(case.application)
					.ok_or(Error::<T>::UnknownApplication)?;
				Self::record(
					Subject::Case(id),
					None,
					Authority::Statute,
					Action::CaseLapsed,
					block,
				)?;
				case.state = CaseState::Lapsed;
				case.response_clock = None;
				case.decision = Some(Decision {
					by: None,
					at: Self::now(),
					document: H256::zero(),
					reason: None,
					certificate: None,
					in_time: true,
				});
				Self::close_case(id, &case, &app.parcels);
				let application = case.application;
				Self::store_case(id, case);
				Self::note_case_decided(application);
				Self::deposit_event(Event::CaseLapsed { case: id });
				Ok(T::WeightInfo::lapse(app.extent().parcels))
			},
			// Handled above.
			Deadline::Appeal => Ok(Weight::zero()),
		}
	}

	/// The time ran out and the department head must decide: stop the case's clocks.
	pub(crate) fn escalate(
		id: CaseId,
		mut case: CaseOf<T>,
		block: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::record(Subject::Case(id), None, Authority::Statute, Action::CaseEscalated, block)?;
		let now = Self::now();
		let calendar = Self::calendar();
		case.clock.stop(now, &calendar);
		if let Some(c) = case.response_clock.as_mut() {
			c.stop(now, &calendar);
		}
		case.state = CaseState::Escalated;
		Self::store_case(id, case);
		Self::deposit_event(Event::CaseEscalated { case: id });
		Ok(())
	}

	/// The action of a deadline failed (and changed nothing): record the failure and give the
	/// case an outcome anyway. It goes to the department head, who decides it; if even that
	/// fails, the deadline is tried again in a later block. Returns the weight charged,
	/// counting the failed action as the costliest one.
	pub(crate) fn deadline_failed(
		id: CaseId,
		kind: Deadline,
		block: BlockNumberFor<T>,
		error: DispatchError,
	) -> Weight {
		let largest = Extent::largest();
		let weight = T::WeightInfo::deemed_approval(largest.cases, largest.parcels)
			.saturating_add(T::WeightInfo::deadline_failed());
		Self::deposit_event(Event::DeadlineFailed { case: id, kind, error });
		let escalated = frame_support::storage::with_storage_layer(|| {
			let case = Self::case(id)?;
			Self::record(
				Subject::Case(id),
				None,
				Authority::Statute,
				Action::DeadlineFailed,
				(kind, error),
			)?;
			Self::escalate(id, case, block)
		});
		let Err(fallback) = escalated else { return weight };
		if Cases::<T>::get(id).is_some_and(|c| !c.state.is_final()) {
			// Not benchmarked (it needs a full trail): charged as the escalation tried again
			// and a search of the whole window.
			let search = T::DbWeight::get().reads_writes(DEADLINE_WINDOW.into(), 1);
			let weight = weight.saturating_add(T::WeightInfo::escalation()).saturating_add(search);
			let calendar = Self::calendar();
			let retry = Self::position_now(&calendar).saturating_add(One::one());
			match Self::schedule(id, kind, retry, &calendar) {
				Ok(at) => {
					let at = calendar.block_at(at.unique_saturated_into()).unique_saturated_into();
					Self::deposit_event(Event::DeadlineRescheduled { case: id, kind, at })
				},
				Err(e) => log::error!(
					target: "runtime::clearances",
					"deadline {kind:?} of case {id} failed ({error:?}), could not escalate \
					 ({fallback:?}) nor be rescheduled ({e:?})",
				),
			}
			return weight;
		}
		weight
	}
}

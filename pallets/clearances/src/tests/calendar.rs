//! The holiday calendar and working-day clocks: the pure helpers, the council's calls, and
//! clocks, views, the work queue and the deadline queue agreeing across holidays.

use super::*;
use sp_runtime::BuildStorage;

const ROOT: fn() -> RuntimeOrigin = RuntimeOrigin::root;

/// Days of 10 blocks with holidays on days 2 and 3 (blocks 20 to 39).
fn two_days_off() -> Calendar {
	Calendar::new(10, vec![2, 3])
}

#[test]
fn positions_skip_holidays() {
	let c = two_days_off();
	assert_eq!(
		[c.position(0), c.position(20), c.position(25), c.position(40), c.position(45)],
		[0, 20, 20, 20, 25]
	);
	assert_eq!([c.block_at(19), c.block_at(20), c.block_at(21), c.block_at(25)], [19, 20, 41, 45]);
	assert!(c.is_holiday(20) && c.is_holiday(39) && !c.is_holiday(40) && !c.is_holiday(19));
	assert_eq!(c.day_of(39), 3);
	// A calendar without holidays is the block count; a zero day length counts as one block.
	let plain = Calendar::new(0, vec![]);
	assert_eq!((plain.position(7), plain.block_at(7), plain.advance(3, 4)), (7, 7, 7));
}

#[test]
fn a_limit_spanning_holidays_ends_later() {
	let c = two_days_off();
	// 10 working blocks from 15: 15..20 and 40..45.
	assert_eq!(c.advance(15, 10), 45);
	assert_eq!(c.elapsed(15, 45), 10);
	// A limit ending where a holiday begins falls due at its first block.
	assert_eq!(c.advance(10, 10), 20);
	// Started on a holiday: counted from the next working day.
	assert_eq!(c.advance(25, 5), 45);
	assert_eq!(c.elapsed(25, 40), 0);
	// Nothing to count: at once.
	assert_eq!(c.advance(25, 0), 25);
	// Holidays before the start do not matter.
	assert_eq!(c.advance(50, 5), 55);
}

#[test]
fn clocks_count_working_time() {
	let c = two_days_off();
	let mut clock = Clock::start(10u64, 15);
	assert_eq!((clock.due(&c), clock.end(&c)), (Some(45), Some(25)));
	assert_eq!(clock.left(30, &c), 5);
	clock.stop(30, &c);
	assert_eq!((clock.remaining, clock.due(&c)), (5, None));
	assert_eq!(clock.resume(50, &c), 55);
}

#[test]
fn the_council_keeps_the_calendar() {
	run(|| {
		assert_ok!(Clearances::add_holiday(ROOT(), 3));
		assert_ok!(Clearances::add_holiday(ROOT(), 1));
		assert_eq!(Holidays::<Test>::get().into_inner(), vec![1, 3]);
		assert_eq!(last_event(), RuntimeEvent::Clearances(Event::HolidayAdded { day: 1 }));
		assert_ok!(Clearances::remove_holiday(ROOT(), 3));
		assert_eq!(last_event(), RuntimeEvent::Clearances(Event::HolidayRemoved { day: 3 }));
		assert_eq!(Holidays::<Test>::get().into_inner(), vec![1]);
	});
}

#[test]
fn calendar_changes_are_refused_when_they_cannot_apply() {
	run(|| {
		assert_noop!(Clearances::add_holiday(signed(LAND_HEAD), 5), DispatchError::BadOrigin);
		assert_noop!(Clearances::remove_holiday(signed(LAND_HEAD), 5), DispatchError::BadOrigin);
		// Block 1 is on day 0: today cannot change, nor the past.
		assert_noop!(Clearances::add_holiday(ROOT(), 0), E::DayStarted);
		assert_ok!(Clearances::add_holiday(ROOT(), 1));
		assert_noop!(Clearances::add_holiday(ROOT(), 1), E::AlreadyHoliday);
		assert_noop!(Clearances::remove_holiday(ROOT(), 2), E::NotHoliday);
		run_to(10);
		assert_noop!(Clearances::remove_holiday(ROOT(), 1), E::DayStarted);
		for day in 2..17 {
			assert_ok!(Clearances::add_holiday(ROOT(), day));
		}
		assert_noop!(Clearances::add_holiday(ROOT(), 40), E::TooManyHolidays);
	});
}

#[test]
fn a_time_limit_spanning_a_holiday_falls_due_a_day_later_everywhere() {
	run(|| {
		assert_ok!(Clearances::add_holiday(ROOT(), 2));
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		// 30 working blocks from 1: day 2 (blocks 20 to 29) does not count.
		assert!(events().contains(&Event::CaseOpened { case, application: app, due: 41 }));
		let view = Clearances::case_view(case).unwrap();
		assert_eq!((view.due, view.department_left), (Some(41), 30));
		// The work queue orders by working position (31) and answers "due by" in blocks.
		let land = code("LAND");
		let queue = |by| Clearances::work_queue(&land, &[CaseState::Submitted], None, 9, Some(by));
		assert!(queue(40).items.is_empty());
		assert_eq!(queue(41).items[0].id, case);
		run_to(25);
		assert_eq!(Clearances::case_view(case).unwrap().department_left, 11);
		run_to(40);
		assert_eq!(state(case), CaseState::Submitted);
		assert!(Clearances::overdue(&land, 9).is_empty());
		run_to(41);
		assert_eq!(state(case), CaseState::Escalated);
	});
}

#[test]
fn a_holiday_added_while_a_case_runs_moves_its_deadline() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_eq!(Clearances::case_view(case).unwrap().due, Some(31));
		run_to(12);
		assert_ok!(Clearances::add_holiday(ROOT(), 2));
		let view = Clearances::case_view(case).unwrap();
		assert_eq!((view.due, view.department_left), (Some(41), 19));
		// The queued deadline has not moved in working time, and does not fire early.
		assert!(Deadlines::<Test>::get(31).contains(&(case, Deadline::Department)));
		run_to(40);
		assert_eq!(state(case), CaseState::Submitted);
		assert!(Deadlines::<Test>::get(31).contains(&(case, Deadline::Department)));
		run_to(41);
		assert_eq!(state(case), CaseState::Escalated);
		assert!(events().contains(&Event::CaseEscalated { case }));
	});
}

#[test]
fn a_holiday_removed_while_a_case_runs_brings_its_deadline_back() {
	run(|| {
		assert_ok!(Clearances::add_holiday(ROOT(), 2));
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		run_to(5);
		assert_ok!(Clearances::remove_holiday(ROOT(), 2));
		assert_eq!(Clearances::case_view(case).unwrap().due, Some(31));
		run_to(30);
		assert_eq!(state(case), CaseState::Submitted);
		run_to(31);
		assert_eq!(state(case), CaseState::Escalated);
	});
}

#[test]
fn a_query_window_across_holidays_gives_the_applicant_working_days() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		assert_ok!(Clearances::add_holiday(ROOT(), 1));
		// The response limit is 20 working blocks from 1: day 1 (10 to 19) does not count.
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()));
		assert!(events().contains(&Event::QueryRaised {
			case,
			officer: LAND_CLERK,
			respond_by: 31
		}));
		assert_eq!(Clearances::case_view(case).unwrap().due, Some(31));
		// A second holiday declared while the query waits moves the window again.
		assert_ok!(Clearances::add_holiday(ROOT(), 3));
		assert_eq!(Clearances::case_view(case).unwrap().due, Some(41));
		run_to(40);
		assert_eq!(state(case), CaseState::QueryRaised);
		assert_eq!(Clearances::case_view(case).unwrap().response_left, Some(1));
		run_to(41);
		assert_eq!(state(case), CaseState::Lapsed);
	});
}

#[test]
fn a_response_resumes_the_department_clock_in_working_time() {
	run(|| {
		let app = submit(&[LUC], &[PARCEL]);
		let case = case_of(app, LUC);
		assert_ok!(Clearances::take_case(signed(LAND_CLERK), case));
		run_to(5);
		assert_ok!(Clearances::raise_query(signed(LAND_CLERK), case, H256::zero()));
		run_to(8);
		assert_ok!(Clearances::add_holiday(ROOT(), 2));
		assert_ok!(Clearances::respond_to_query(signed(OWNER), case, H256::zero(), no_docs()));
		// 26 working blocks left from 8: 8..20 (12), then day 2 off, 30..44 (14).
		assert_eq!(Clearances::case_view(case).unwrap().due, Some(44));
		run_to(43);
		assert_eq!(state(case), CaseState::Responded);
		run_to(44);
		assert_eq!(state(case), CaseState::Escalated);
	});
}

#[test]
fn genesis_sorts_its_holidays() {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		clearances: crate::GenesisConfig { holidays: vec![9, 4, 6], ..Default::default() },
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(Holidays::<Test>::get().into_inner(), vec![4, 6, 9]);
	});
}

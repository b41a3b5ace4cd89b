//! Working time: the holiday calendar and the statutory clocks that count only working days.
//!
//! A **day** is a fixed number of blocks ([`crate::Config::DayLength`]): day `d` is the blocks
//! `d × DayLength` to `(d + 1) × DayLength - 1`, counted from genesis. A **holiday** is a day
//! on the council's calendar ([`crate::Holidays`]); every other day is a working day. The
//! **working position** of a block is the number of working blocks before it: on a chain
//! without holidays, the block number itself. Statutory limits count working blocks only, so a
//! clock's end is a working position ([`Clock::end`]) and its due block is the first block at
//! that position ([`Clock::due`]).
//!
//! Holidays can only be added or removed for days that have not begun, so the working
//! position of every block up to now never changes: a running clock's end (its place in the
//! deadline queue and in the work queue) stays where it is, and only its due block moves.
//!
//! Everything here is pure: no storage access, saturating arithmetic, loops bounded by the
//! calendar's length.

use crate::Clock;
use sp_runtime::{
	traits::{UniqueSaturatedFrom, UniqueSaturatedInto},
	Saturating,
};

/// A day, numbered from genesis: day `d` is the blocks from `d × DayLength` on.
pub type DayIndex = u32;

/// The holiday calendar with the length of a day: what turns blocks into working time.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Calendar {
	/// Blocks per day (at least 1).
	day_length: u64,
	/// Holidays, sorted, each once.
	holidays: alloc::vec::Vec<DayIndex>,
}

impl Calendar {
	/// A calendar of days of `day_length` blocks (0 counts as 1) with `holidays` (sorted, each
	/// once, as [`crate::Holidays`] keeps them).
	pub fn new(day_length: u64, holidays: alloc::vec::Vec<DayIndex>) -> Self {
		Self { day_length: day_length.max(1), holidays }
	}

	/// The day of `block`.
	pub fn day_of(&self, block: u64) -> DayIndex {
		block.checked_div(self.day_length).unwrap_or_default().unique_saturated_into()
	}

	/// The first block of `day`.
	pub fn first_block(&self, day: DayIndex) -> u64 {
		u64::from(day).saturating_mul(self.day_length)
	}

	/// Whether `block` falls on a holiday.
	pub fn is_holiday(&self, block: u64) -> bool {
		self.holidays.binary_search(&self.day_of(block)).is_ok()
	}

	/// The working position of `block`: the working blocks before it.
	pub fn position(&self, block: u64) -> u64 {
		let mut off = 0u64;
		for day in &self.holidays {
			let start = self.first_block(*day);
			if start >= block {
				break;
			}
			off = off.saturating_add(self.day_length.min(block.saturating_sub(start)));
		}
		block.saturating_sub(off)
	}

	/// The first block at working position `position`.
	pub fn block_at(&self, position: u64) -> u64 {
		let mut block = position;
		for day in &self.holidays {
			if self.first_block(*day) >= block {
				break;
			}
			block = block.saturating_add(self.day_length);
		}
		block
	}

	/// Working blocks from `from` (included) to `to` (excluded); zero if `to` is not later.
	pub fn elapsed(&self, from: u64, to: u64) -> u64 {
		self.position(to).saturating_sub(self.position(from))
	}

	/// The block at which `n` working blocks have passed since `from`: the first block at the
	/// working position `n` past `from`'s, and never before `from`.
	pub fn advance(&self, from: u64, n: u64) -> u64 {
		self.block_at(self.position(from).saturating_add(n)).max(from)
	}
}

fn wide<B: UniqueSaturatedInto<u64>>(b: B) -> u64 {
	b.unique_saturated_into()
}

fn narrow<B: UniqueSaturatedFrom<u64>>(n: u64) -> B {
	B::unique_saturated_from(n)
}

impl<B> Clock<B>
where
	B: Copy + Saturating + Ord + Default + UniqueSaturatedInto<u64> + UniqueSaturatedFrom<u64>,
{
	/// A clock with `limit` working blocks left, running from `now`.
	pub fn start(limit: B, now: B) -> Self {
		Self { remaining: limit, running_since: Some(now) }
	}

	/// Working time left at `now`.
	pub fn left(&self, now: B, calendar: &Calendar) -> B {
		match self.running_since {
			Some(since) => {
				self.remaining.saturating_sub(narrow(calendar.elapsed(wide(since), wide(now))))
			},
			None => self.remaining,
		}
	}

	/// The working position at which the time runs out, if the clock runs: where its deadline
	/// is queued. Adding or removing a holiday that has not begun does not move it.
	pub fn end(&self, calendar: &Calendar) -> Option<B> {
		self.running_since.map(|since| {
			narrow(calendar.position(wide(since)).saturating_add(wide(self.remaining)))
		})
	}

	/// The block at which the time runs out, if the clock runs.
	pub fn due(&self, calendar: &Calendar) -> Option<B> {
		self.running_since.map(|since| narrow(calendar.advance(wide(since), wide(self.remaining))))
	}

	/// Stop the clock at `now`.
	pub fn stop(&mut self, now: B, calendar: &Calendar) {
		self.remaining = self.left(now, calendar);
		self.running_since = None;
	}

	/// Run the clock again from `now`; returns the new due block.
	pub fn resume(&mut self, now: B, calendar: &Calendar) -> B {
		self.running_since = Some(now);
		self.due(calendar).unwrap_or(now)
	}
}

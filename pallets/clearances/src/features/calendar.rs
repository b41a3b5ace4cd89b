//! The holiday calendar, governed by the council: the days statutory clocks do not run on.
//! Only days that have not begun can be added or removed (see `calendar.rs`).

use crate::*;

impl<T: Config> Pallet<T> {
	/// The calendar now: the council's holidays and the length of a day. One read.
	pub fn calendar() -> Calendar {
		Calendar::new(
			T::DayLength::get().unique_saturated_into(),
			Holidays::<T>::get().into_inner(),
		)
	}

	/// See [`Pallet::add_holiday`]; the origin is checked by the call.
	pub(crate) fn do_add_holiday(day: DayIndex) -> DispatchResult {
		Self::ensure_not_begun(day)?;
		Self::insert_holiday(day)?;
		Self::deposit_event(Event::HolidayAdded { day });
		Ok(())
	}

	/// See [`Pallet::remove_holiday`]; the origin is checked by the call.
	pub(crate) fn do_remove_holiday(day: DayIndex) -> DispatchResult {
		Self::ensure_not_begun(day)?;
		let mut days = Holidays::<T>::get();
		let at = days.binary_search(&day).map_err(|_| Error::<T>::NotHoliday)?;
		days.remove(at);
		Holidays::<T>::put(days);
		Self::deposit_event(Event::HolidayRemoved { day });
		Ok(())
	}

	/// Refuse a day that has begun: the working time of every block up to now must not change.
	fn ensure_not_begun(day: DayIndex) -> DispatchResult {
		let today = Self::calendar().day_of(Self::now().unique_saturated_into());
		ensure!(day > today, Error::<T>::DayStarted);
		Ok(())
	}

	/// Put `day` on the calendar in its place (also at genesis, where any day may be given).
	pub(crate) fn insert_holiday(day: DayIndex) -> Result<(), Error<T>> {
		let mut days = Holidays::<T>::get();
		let Err(at) = days.binary_search(&day) else { return Err(Error::<T>::AlreadyHoliday) };
		days.try_insert(at, day).map_err(|_| Error::<T>::TooManyHolidays)?;
		Holidays::<T>::put(days);
		Ok(())
	}
}

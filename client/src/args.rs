//! Parsing of argument values: files, hashes, addresses, ULPINs, classes and dates. Every
//! malformed value is a [`Failure::input`] (exit code 2).

use crate::{
	cli::Text,
	failure::{Failure, Result},
	show,
};
use clearance_primitives::{LandUse, Ulpin};
use clearance_runtime::AccountId;
use pallet_clearances::InvestmentClass;
use sp_core::H256;
use sp_io::hashing::sha2_256;
use std::{path::Path, str::FromStr};

/// The bytes of a file.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
	std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))
}

/// The SHA-256 of a file.
pub fn file_hash(path: &Path) -> Result<H256> {
	Ok(H256(sha2_256(&read_file(path)?)))
}

impl Text {
	/// The SHA-256 of the text or the file.
	pub fn hash(&self) -> Result<H256> {
		match (&self.text, &self.file) {
			(Some(t), _) => Ok(H256(sha2_256(t.as_bytes()))),
			(None, Some(f)) => file_hash(f),
			(None, None) => Err(Failure::input("give --text or --file")),
		}
	}
}

/// A 0x-hex 32-byte hash.
pub fn hash(text: &str) -> Result<H256> {
	H256::from_str(text)
		.map_err(|_| Failure::input(format!("{text:?} is not a 0x-hex 32-byte hash")))
}

/// Document hashes, one per argument, at most `N`.
pub fn hashes<N: sp_core::Get<u32>>(texts: &[String]) -> Result<sp_runtime::BoundedVec<H256, N>> {
	list("documents", texts.iter().map(|d| hash(d)).collect::<Result<Vec<_>>>()?)
}

/// An SS58 address.
pub fn account(text: &str) -> Result<AccountId> {
	AccountId::from_str(text)
		.map_err(|_| Failure::input(format!("{text:?} is not an SS58 address")))
}

/// A ULPIN (14 characters).
pub fn ulpin(text: &str) -> Result<Ulpin> {
	text.as_bytes()
		.try_into()
		.map_err(|_| Failure::input(format!("{text:?} is not a ULPIN (14 characters)")))
}

/// A text of at most `N` bytes.
pub fn bounded<N: sp_core::Get<u32>>(
	what: &str,
	text: &str,
) -> Result<sp_runtime::BoundedVec<u8, N>> {
	text.as_bytes()
		.to_vec()
		.try_into()
		.map_err(|_| Failure::input(format!("{what} {text:?} is longer than {} bytes", N::get())))
}

/// At most `N` items of `what`.
pub fn list<T, N: sp_core::Get<u32>>(
	what: &str,
	items: Vec<T>,
) -> Result<sp_runtime::BoundedVec<T, N>> {
	let given = items.len();
	items
		.try_into()
		.map_err(|_| Failure::input(format!("{given} {what} given: at most {}", N::get())))
}

/// A land-use class by name, in any case.
pub fn land_use(text: &str) -> Result<LandUse> {
	LandUse::parse(text).ok_or_else(|| {
		let names: Vec<_> = LandUse::ALL.iter().map(LandUse::as_str).collect();
		Failure::input(format!("{text:?} is not a land-use class; one of {}", names.join(", ")))
	})
}

/// An investment class by name, in any case.
pub fn investment(text: &str) -> Result<InvestmentClass> {
	InvestmentClass::parse(text).ok_or_else(|| {
		let names: Vec<_> = InvestmentClass::ALL.iter().map(InvestmentClass::as_str).collect();
		Failure::input(format!("{text:?} is not an investment class; one of {}", names.join(", ")))
	})
}

/// Milliseconds since the epoch from `ms` or `YYYY-MM-DD` (midnight UTC).
pub fn moment(text: &str) -> Result<u64> {
	if let Ok(ms) = text.parse() {
		return Ok(ms);
	}
	let bad = || Failure::input(format!("{text:?} is neither milliseconds nor YYYY-MM-DD"));
	let mut parts = text.split('-').map(|p| p.parse::<i64>().map_err(|_| bad()));
	let (y, m, d) = (
		parts.next().ok_or_else(bad)??,
		parts.next().ok_or_else(bad)??,
		parts.next().ok_or_else(bad)??,
	);
	if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
		return Err(bad());
	}
	let days = show::days_from_civil(y, m, d);
	u64::try_from(days * 86_400_000).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn moments_are_milliseconds_or_dates() {
		assert_eq!(moment("1234").unwrap(), 1234);
		assert_eq!(moment("1970-01-02").unwrap(), 86_400_000);
		assert_eq!(moment("2027-01-01").unwrap(), 1_798_761_600_000);
		for bad in ["2027-13-01", "2027-01", "yesterday", "2027-01-01-01"] {
			assert_eq!(moment(bad).unwrap_err().code, 2, "{bad}");
		}
	}

	#[test]
	fn classes_are_read_in_any_case() {
		assert_eq!(land_use("industrial").unwrap(), LandUse::Industrial);
		assert_eq!(investment("LARGE").unwrap(), InvestmentClass::Large);
		assert_eq!(land_use("swamp").unwrap_err().code, 2);
		assert_eq!(ulpin("SHORT").unwrap_err().code, 2);
		assert!(ulpin("WB19KOL0004321").is_ok());
	}
}

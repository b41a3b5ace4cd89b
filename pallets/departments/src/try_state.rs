//! Invariants across the registry's storage, checked after every test and by `try-runtime`.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Invariants across this pallet's storage:
	/// - every department's head maps back to it in [`HeadOf`], and [`HeadOf`] has no other
	///   entries;
	/// - every officer's department exists, its grants are non-empty with distinct roles, and it
	///   is indexed in [`DepartmentOfficers`]; each department's `officers` count matches the
	///   index;
	/// - no account is both a head and an officer;
	/// - [`ValidatorOf`] is exactly the inverse of the departments' validators;
	/// - the number of departments is within [`Config::MaxDepartments`];
	/// - every head and officer exists as an account (it can sign), and none acts for an
	///   enterprise ([`Config::Applicants`]);
	/// - every listed node is a well-formed peer id, listed once;
	/// - no department uses a retired code.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let count = Departments::<T>::count();
		ensure!(count <= T::MaxDepartments::get(), "too many departments");
		for code in RetiredCodes::<T>::iter_keys() {
			ensure!(!Departments::<T>::contains_key(&code), "a retired code is in use");
		}
		for (code, nodes) in Nodes::<T>::iter() {
			ensure!(Departments::<T>::contains_key(&code), "nodes of a missing department");
			for (i, id) in nodes.iter().enumerate() {
				ensure!(is_peer_id(id), "malformed peer id listed");
				ensure!(!nodes.iter().take(i).any(|e| e == id), "peer id listed twice");
			}
		}
		ensure!(Departments::<T>::iter().count() as u32 == count, "department counter is off");
		for (code, d) in Departments::<T>::iter() {
			ensure!(HeadOf::<T>::get(&d.head) == Some(code.clone()), "head does not map back");
			ensure!(
				frame_system::Pallet::<T>::account_exists(&d.head),
				"a head's account does not exist"
			);
			ensure!(!T::Applicants::contains(&d.head), "a head acts for an enterprise");
			let indexed = DepartmentOfficers::<T>::iter_prefix(&code).count() as u32;
			ensure!(indexed == d.officers, "officer count does not match the index");
			if let Some(v) = &d.validator {
				ensure!(
					ValidatorOf::<T>::get(v) == Some(code.clone()),
					"validator does not map back"
				);
			}
		}
		ensure!(HeadOf::<T>::iter().count() as u32 == count, "stray head entries");
		for (who, code) in ValidatorOf::<T>::iter() {
			let d = Departments::<T>::get(&code).ok_or("validator of a missing department")?;
			ensure!(d.validator.as_ref() == Some(&who), "stray validator entry");
		}
		for (who, o) in Officers::<T>::iter() {
			ensure!(
				Departments::<T>::contains_key(&o.department),
				"officer of a missing department"
			);
			ensure!(!o.grants.is_empty(), "officer without roles");
			for (i, g) in o.grants.iter().enumerate() {
				ensure!(
					o.grants.iter().skip(i.saturating_add(1)).all(|h| h.role != g.role),
					"role granted twice"
				);
			}
			ensure!(
				DepartmentOfficers::<T>::contains_key(&o.department, &who),
				"officer missing from the index"
			);
			ensure!(!HeadOf::<T>::contains_key(&who), "account is head and officer");
			ensure!(
				frame_system::Pallet::<T>::account_exists(&who),
				"an officer's account does not exist"
			);
			ensure!(!T::Applicants::contains(&who), "an officer acts for an enterprise");
		}
		for (code, who, ()) in DepartmentOfficers::<T>::iter() {
			ensure!(
				Officers::<T>::get(&who).is_some_and(|o| o.department == code),
				"stray index entry"
			);
		}
		Ok(())
	}
}

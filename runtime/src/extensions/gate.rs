//! The pool gate's table: which kind of signer may ever dispatch each call of the runtime.
//!
//! Every call is listed (the `match` has no catch-all for our pallets, so a new call does not
//! compile until it is classified here). Each entry follows the origin check the call's
//! documentation states; the runtime's randomised test checks that nothing the gate admits
//! from a wrong signer succeeds at dispatch.

use crate::RuntimeCall;
use clearance_primitives::{CallSigner, Role};

const SCRUTINY: &[Role] = &[Role::ScrutinyOfficer];
const APPROVING: &[Role] = &[Role::ApprovingAuthority];
/// Registrars of enterprises and keepers of land records (see each pallet's role constants).
const RECORDS: &[Role] = &[Role::ScrutinyOfficer, Role::DepartmentAdmin];
const ORDERS: &[Role] = &[Role::ApprovingAuthority, Role::DepartmentAdmin];
const ADMIN: &[Role] = &[Role::DepartmentAdmin];
/// Appellate authorities: first appeals go to the Appellate Officer, second to the Reviewing
/// Officer (the dispatch checks which the appeal needs).
const APPELLATE: &[Role] = &[Role::AppellateOfficer, Role::ReviewingOfficer];
const REVIEWING: &[Role] = &[Role::ReviewingOfficer];

/// Who may ever sign `call`.
pub fn signer_of(call: &RuntimeCall) -> CallSigner {
	use CallSigner::*;
	match call {
		// Remarks, raw storage and code changes, and inherents: no role needs them signed (a
		// runtime upgrade goes through a council motion and `Departments::enact`).
		RuntimeCall::System(_)
		| RuntimeCall::Timestamp(_)
		| RuntimeCall::Grandpa(_)
		| RuntimeCall::Session(_) => Nobody,
		RuntimeCall::Council(c) => council(c),
		RuntimeCall::Departments(c) => departments(c),
		RuntimeCall::Enterprises(c) => enterprises(c),
		RuntimeCall::LandParcels(c) => land_parcels(c),
		RuntimeCall::Clearances(c) => clearances(c),
		// Pallets without signed calls of their own.
		#[allow(unreachable_patterns)]
		_ => Nobody,
	}
}

fn council(
	call: &pallet_collective::Call<crate::Runtime, pallet_collective::Instance1>,
) -> CallSigner {
	use pallet_collective::Call as C;
	match call {
		C::propose { .. } | C::vote { .. } | C::close { .. } | C::execute { .. } => {
			CallSigner::CouncilMember
		},
		// Membership follows the registry; disapproving and killing need a council motion.
		_ => CallSigner::Nobody,
	}
}

fn departments(call: &pallet_departments::Call<crate::Runtime>) -> CallSigner {
	use pallet_departments::Call as C;
	match call {
		C::grant_role { .. } | C::revoke_role { .. } => CallSigner::Head,
		C::set_nodes { .. } => CallSigner::Official(ADMIN),
		// Council motions only.
		C::add_department { .. }
		| C::remove_department { .. }
		| C::change_head { .. }
		| C::set_validator { .. }
		| C::remove_validator { .. }
		| C::enact { .. } => CallSigner::Nobody,
		C::__Ignore(..) => CallSigner::Nobody,
	}
}

fn enterprises(call: &pallet_enterprises::Call<crate::Runtime>) -> CallSigner {
	use pallet_enterprises::Call as C;
	match call {
		C::register_enterprise { .. } => CallSigner::Official(RECORDS),
		C::add_agent { .. } | C::remove_agent { .. } => CallSigner::Owner,
		C::suspend_enterprise { .. } | C::restore_enterprise { .. } => CallSigner::Official(ADMIN),
		C::deregister_enterprise { .. } => CallSigner::Nobody,
		C::__Ignore(..) => CallSigner::Nobody,
	}
}

fn land_parcels(call: &pallet_land_parcels::Call<crate::Runtime>) -> CallSigner {
	use pallet_land_parcels::Call as C;
	match call {
		C::register_parcel { .. }
		| C::update_parcel { .. }
		| C::add_encumbrance { .. }
		| C::remove_encumbrance { .. } => CallSigner::Official(RECORDS),
		C::freeze_parcel { .. } | C::unfreeze_parcel { .. } => CallSigner::Official(ORDERS),
		C::correct_land_use { .. } => CallSigner::Official(APPROVING),
		C::consent_to_use { .. } => CallSigner::Owner,
		C::record_consent { .. } => CallSigner::Official(RECORDS),
		C::withdraw_consent { .. } => CallSigner::OwnerOrOfficial(RECORDS),
		C::__Ignore(..) => CallSigner::Nobody,
	}
}

fn clearances(call: &pallet_clearances::Call<crate::Runtime>) -> CallSigner {
	use pallet_clearances::Call as C;
	match call {
		// Council motions only: the catalogue, the holiday calendar, appeal terms, penalties.
		C::set_clearance_type { .. }
		| C::remove_clearance_type { .. }
		| C::add_holiday { .. }
		| C::remove_holiday { .. }
		| C::set_appeal_terms { .. }
		| C::set_penalty_range { .. } => CallSigner::Nobody,
		C::anchor_document { .. }
		| C::submit_application { .. }
		| C::withdraw_application { .. }
		| C::respond_to_query { .. }
		| C::file_appeal { .. }
		| C::file_second_appeal { .. } => CallSigner::Applicant,
		C::decide_appeal { .. } => CallSigner::Official(APPELLATE),
		C::record_penalty { .. } => CallSigner::Official(REVIEWING),
		C::take_case { .. } | C::raise_query { .. } => CallSigner::Official(SCRUTINY),
		C::approve { .. }
		| C::reject { .. }
		| C::renew_certificate { .. }
		| C::revoke_certificate { .. } => CallSigner::Official(APPROVING),
		C::__Ignore(..) => CallSigner::Nobody,
	}
}

/// Whether `call` is council business that may carry a runtime upgrade (and so may be as long
/// as a block allows).
pub fn is_council_proposal(call: &RuntimeCall) -> bool {
	use pallet_collective::Call as C;
	matches!(call, RuntimeCall::Council(C::propose { .. } | C::execute { .. }))
}

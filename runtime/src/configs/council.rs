//! The council of department heads: who it is, how it votes, and what it may enact.

use crate::{AccountId, RuntimeCall, RuntimeOrigin};
use frame_support::traits::{Contains, EnsureOrigin};
use pallet_collective::RawOrigin as CollectiveOrigin;

/// The council of department heads.
pub type CouncilCollective = pallet_collective::Instance1;

/// A council motion passed by at least two thirds of the department heads. Succeeds with the
/// motion's votes (ayes, seats), which `Departments::enact` records in the council's trail.
pub struct CouncilTwoThirds;

impl EnsureOrigin<RuntimeOrigin> for CouncilTwoThirds {
	type Success = (u32, u32);

	fn try_origin(o: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		match o.clone().into() {
			Ok(CollectiveOrigin::<AccountId, CouncilCollective>::Members(ayes, seats))
				if u64::from(ayes).saturating_mul(3) >= u64::from(seats).saturating_mul(2) =>
			{
				Ok((ayes, seats))
			},
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::from(CollectiveOrigin::<AccountId, CouncilCollective>::Members(1, 1)))
	}
}

/// Abstentions never count as ayes: a motion passes only on the votes actually cast. (The
/// collective asks this of members who did not vote when a motion's time runs out.)
pub struct AbstentionsAreNays;

impl pallet_collective::DefaultVote for AbstentionsAreNays {
	fn default_vote(_prime: Option<bool>, _yes: u32, _no: u32, _len: u32) -> bool {
		false
	}
}

/// What a council motion may enact with root authority through `Departments::enact`: runtime
/// upgrades (set directly, or authorised for anyone to apply), and nothing else. Raw storage
/// writes, remarks and calls that have an origin of their own are refused (`NotEnactable`).
pub struct EnactableCalls;

impl Contains<RuntimeCall> for EnactableCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use frame_system::Call as S;
		matches!(
			call,
			RuntimeCall::System(
				S::set_code { .. }
					| S::set_code_without_checks { .. }
					| S::authorize_upgrade { .. }
			)
		)
	}
}

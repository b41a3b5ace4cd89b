//! The network nodes each department lists: the peers allowed on the network.

use crate::*;
use clearance_primitives::{Action, Authority};

impl<T: Config> Pallet<T> {
	/// See [`Pallet::set_nodes`].
	pub(crate) fn do_set_nodes(
		who: T::AccountId,
		nodes: BoundedVec<PeerIdBytes, MaxNodesPerDepartment>,
	) -> DispatchResult {
		let (code, authority) = match HeadOf::<T>::get(&who) {
			Some(code) => (code.clone(), Authority::Head { department: code }),
			None => {
				let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotNodeManager)?;
				ensure!(officer.grant(Role::DepartmentAdmin).is_some(), Error::<T>::NotNodeManager);
				let department = officer.department;
				(department.clone(), Authority::Officer { department, role: Role::DepartmentAdmin })
			},
		};
		for (i, id) in nodes.iter().enumerate() {
			ensure!(is_peer_id(id), Error::<T>::BadPeerId);
			ensure!(
				!nodes.iter().take(i).any(|earlier| earlier == id),
				Error::<T>::DuplicatePeerId
			);
		}
		Self::record(&code, Some(who), authority, Action::NodesSet, &nodes)?;
		let count = nodes.len() as u32;
		Nodes::<T>::insert(&code, nodes);
		Self::deposit_event(Event::NodesSet { department: code, nodes: count });
		Ok(())
	}

	/// Every department's nodes: the peers allowed on the network.
	pub fn authorized_nodes() -> Vec<Vec<u8>> {
		Nodes::<T>::iter_values().flat_map(|l| l.into_iter().map(|n| n.into_inner())).collect()
	}
}

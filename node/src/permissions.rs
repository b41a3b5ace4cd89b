//! Permissioned peering: the node accepts only the peers the departments authorise on chain
//! (`Departments::set_nodes`, read through `NodeAuthorizationApi`). The list is applied at
//! start and again whenever a finalized block changes it, through sc-network's reserved peers:
//! with a non-empty list the node is reserved-only, so an unknown key can neither join nor
//! sync. An empty list leaves the network open (the single-node `dev` chain), but only until a
//! list has been seen: once the node has applied a non-empty list it never falls back to open
//! mode (an emptied or unreadable list leaves it accepting nobody new, and says so).

use clearance_runtime::opaque::Block;
use futures::StreamExt;
use pallet_departments_runtime_api::NodeAuthorizationApi;
use sc_client_api::BlockchainEvents;
use sc_network::{service::traits::NetworkService, PeerId};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::{collections::HashSet, sync::Arc};

const LOG: &str = "node-authorization";

fn authorized<C>(
	client: &C,
	at: <Block as sp_runtime::traits::Block>::Hash,
) -> Option<HashSet<PeerId>>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: NodeAuthorizationApi<Block>,
{
	let nodes = client
		.runtime_api()
		.authorized_nodes(at)
		.map_err(|e| log::warn!(target: LOG, "cannot read the authorised nodes: {e}"))
		.ok()?;
	Some(
		nodes
			.iter()
			.filter_map(|bytes| {
				PeerId::from_bytes(bytes)
					.map_err(|_| log::warn!(target: LOG, "ignoring a malformed peer id on chain"))
					.ok()
			})
			.collect(),
	)
}

/// Keep the network's authorised peers equal to the list on chain at the finalized block.
pub async fn follow<C>(client: Arc<C>, network: Arc<dyn NetworkService>)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block> + 'static,
	C::Api: NodeAuthorizationApi<Block>,
{
	let mut current: Option<HashSet<PeerId>> = None;
	let mut seen_a_list = false;
	let mut apply = |peers: HashSet<PeerId>| {
		if current.as_ref() == Some(&peers) {
			return;
		}
		if peers.is_empty() && seen_a_list {
			log::error!(
				target: LOG,
				"the on-chain list of authorised nodes is empty: keeping the network closed"
			);
			network.set_authorized_peers(HashSet::new());
			network.set_authorized_only(true);
		} else if peers.is_empty() {
			log::info!(target: LOG, "no authorised nodes on chain: the network is open");
			network.set_authorized_only(false);
		} else {
			seen_a_list = true;
			log::info!(target: LOG, "{} authorised nodes: accepting only them", peers.len());
			network.set_authorized_peers(peers.clone());
			network.set_authorized_only(true);
		}
		current = Some(peers);
	};
	if let Some(peers) = authorized(&*client, client.info().finalized_hash) {
		apply(peers);
	}
	let mut finalized = client.finality_notification_stream();
	while let Some(n) = finalized.next().await {
		if let Some(peers) = authorized(&*client, n.hash) {
			apply(peers);
		}
	}
}

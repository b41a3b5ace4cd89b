//! The node's own JSON-RPC methods (`system_accountNextIndex`, the `clearance_*` methods of
//! `clearance-rpc`), added to Substrate's standard ones (`system_`, `chain_`,
//! `state_`, `author_`, `chainHead_v1_` ...), which `sc-service` provides.

use clearance_runtime::{opaque::Block, AccountId, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// All the node's RPC extensions.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ sc_client_api::BlockchainEvents<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: clearance_rpc::ClearanceRuntimeApi<Block, AccountId, BlockNumber>,
	P: TransactionPool + 'static,
{
	use clearance_rpc::{Clearance, ClearanceApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Clearance::<C, Block, AccountId, BlockNumber>::new(client).into_rpc())?;
	Ok(module)
}

//! The node's own JSON-RPC methods (`system_accountNextIndex`, the `clearance_*` methods of
//! `clearance-rpc`, GRANDPA's `grandpa_*` methods and `clearance_warpProof`), added to
//! Substrate's standard ones (`system_`, `chain_`, `state_`, `author_`, `chainHead_v1_` ...),
//! which `sc-service` provides.
//!
//! The finality methods serve proofs, not verdicts: `grandpa_proveFinality` (a justification
//! and the headers linking a block to it) and `clearance_warpProof` (the justifications of every
//! authority-set change since a block). A client verifies them against the authority set of
//! the chain spec (`clearctl --chain-spec`), so it need not trust this node.

use clearance_runtime::{opaque::Block, AccountId, BlockNumber, Nonce};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
	RpcModule,
};
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_network_sync::strategy::warp::WarpSyncProvider;
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::{Bytes, H256};
use std::sync::Arc;

/// The backend the node stores blocks, justifications and GRANDPA's data in.
pub type Backend = sc_service::TFullBackend<Block>;

/// What the GRANDPA methods need: the voter's shared state and the stored justifications.
pub struct GrandpaDeps {
	/// The authority set and its history of changes.
	pub shared_authority_set: SharedAuthoritySet<H256, BlockNumber>,
	/// The voter's rounds (`grandpa_roundState`).
	pub shared_voter_state: SharedVoterState,
	/// Justifications as the voter finalizes (`grandpa_subscribeJustifications`).
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// Spawns subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Finality proofs from the backend (`grandpa_proveFinality`).
	pub finality_provider: Arc<FinalityProofProvider<Backend, Block>>,
	/// Warp-sync proofs, the same the node serves its peers (`clearance_warpProof`).
	pub warp_provider: Arc<dyn WarpSyncProvider<Block>>,
}

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// GRANDPA's shared state and proofs.
	pub grandpa: GrandpaDeps,
}

/// Finality evidence for clients that verify it themselves.
#[rpc(server)]
pub trait FinalityProofs {
	/// The SCALE-encoded GRANDPA warp-sync proof (`WarpSyncProof` of `sc-consensus-grandpa`)
	/// from block `from` (a finalized block; the genesis block when omitted): for each
	/// authority-set change after it, the header enacting the change and its justification by
	/// the outgoing set, then a justification of the latest finalized block. Bounded at 8 MiB by
	/// `sc-consensus-grandpa`; a longer history needs a later `from`.
	#[method(name = "clearance_warpProof")]
	fn warp_proof(&self, from: Option<H256>) -> RpcResult<Bytes>;
}

/// Error code of a warp proof the node cannot produce (an unknown or unfinalized `from`).
pub const WARP_PROOF_FAILED: i32 = 4005;

struct Finality<C> {
	client: Arc<C>,
	warp: Arc<dyn WarpSyncProvider<Block>>,
}

impl<C> FinalityProofsServer for Finality<C>
where
	C: HeaderBackend<Block> + Send + Sync + 'static,
{
	fn warp_proof(&self, from: Option<H256>) -> RpcResult<Bytes> {
		let fail = |m: String| -> ErrorObjectOwned {
			ErrorObject::owned(WARP_PROOF_FAILED, m, None::<()>)
		};
		let from = match from {
			Some(h) => h,
			None => self.client.info().genesis_hash,
		};
		let proof = self
			.warp
			.generate(from)
			.map_err(|e| fail(format!("no warp proof from block {from:?}: {e}")))?;
		Ok(Bytes(proof.0))
	}
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
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, grandpa } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Clearance::<C, Block, AccountId, BlockNumber>::new(client.clone()).into_rpc())?;
	let GrandpaDeps {
		shared_authority_set,
		shared_voter_state,
		justification_stream,
		subscription_executor,
		finality_provider,
		warp_provider,
	} = grandpa;
	module.merge(
		Grandpa::new(
			subscription_executor,
			shared_authority_set,
			shared_voter_state,
			justification_stream,
			finality_provider,
		)
		.into_rpc(),
	)?;
	module.merge(Finality { client, warp: warp_provider }.into_rpc())?;
	Ok(module)
}

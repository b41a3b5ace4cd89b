//! Typed reads: the `clearance_*` methods through the client that `clearance-rpc` generates
//! ([`ClearanceApiClient`]), and the few standard methods `clearctl` needs through [`NodeClient`].
//! Every JSON-RPC error becomes a [`Failure`] naming the method, its message and code.

use crate::failure::{Failure, Result};
pub use clearance_rpc::ClearanceApiClient;
use clearance_runtime::{BlockNumber, Header, Nonce};
use jsonrpsee::{core::client::Error as ClientError, proc_macros::rpc};
// `#[rpc(client)]` rewrites the methods' `RpcResult`s into client results.
#[allow(unused_imports)]
use jsonrpsee::core::RpcResult;
use serde::Deserialize;
use sp_core::{Bytes, H256};
use std::future::Future;

/// The best block, as the `at` of a `clearance_*` method.
pub const BEST: Option<H256> = None;

/// The standard methods `clearctl` reads besides `clearance_*`.
#[rpc(client)]
pub trait Node {
	/// The header of block `hash`, or of the best block.
	#[method(name = "chain_getHeader")]
	fn header(&self, hash: Option<H256>) -> RpcResult<Option<Header>>;

	/// The hash of the canonical block `number`, or of the best block.
	#[method(name = "chain_getBlockHash")]
	fn block_hash(&self, number: Option<BlockNumber>) -> RpcResult<Option<H256>>;

	/// The hash of the latest finalized block.
	#[method(name = "chain_getFinalizedHead")]
	fn finalized_head(&self) -> RpcResult<H256>;

	/// A storage read proof of `keys` at block `at`.
	#[method(name = "state_getReadProof")]
	fn read_proof(&self, keys: Vec<Bytes>, at: Option<H256>) -> RpcResult<ReadProof>;

	/// The next nonce of `account`, counting its transactions in the pool.
	#[method(name = "system_accountNextIndex")]
	fn account_next_index(&self, account: String) -> RpcResult<Nonce>;
}

/// The answer of `state_getReadProof`.
#[derive(Debug, Deserialize)]
pub struct ReadProof {
	/// The trie nodes.
	pub proof: Vec<Bytes>,
}

/// Await a request to `method`; a JSON-RPC error becomes a failure with its message and code.
pub async fn read<T>(
	method: &str,
	request: impl Future<Output = std::result::Result<T, ClientError>>,
) -> Result<T> {
	request.await.map_err(|e| failure(method, e))
}

/// A failed request to `method`.
pub fn failure(method: &str, e: ClientError) -> Failure {
	match e {
		ClientError::Call(e) => {
			Failure::chain(format!("{method}: {} (JSON-RPC error {})", e.message(), e.code()))
		},
		other => Failure::chain(format!("{method}: {other}")),
	}
}

/// The header of block `hash`, which the node must know.
pub async fn known_header(client: &(impl NodeClient + Sync), hash: H256) -> Result<Header> {
	read("chain_getHeader", client.header(Some(hash)))
		.await?
		.ok_or_else(|| Failure::chain(format!("block {hash:?} is not known to the node")))
}

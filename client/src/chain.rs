//! The connection to a node: reads through the `clearance_*` JSON-RPC methods, signed
//! submissions through subxt.

use crate::Failure;
use clearance_runtime::{RuntimeCall, RuntimeEvent};
use codec::{Decode, Encode};
use serde_json::{json, Value};
use sp_core::H256;
use std::str::FromStr;
use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	error::{DispatchError, TransactionEventsError},
	ext::scale_encode::{self, EncodeAsFields, FieldIter, TypeResolver},
	rpcs::client::{RpcClient, RpcParams},
	tx::TransactionStatus,
	OnlineClient, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

type Config = SubstrateConfig;

/// A connected node.
pub struct Chain {
	rpc: RpcClient,
	api: OnlineClient<Config>,
}

/// What a submission did.
pub struct Receipt {
	/// The block that included it.
	pub block: H256,
	/// Its events, decoded with the runtime's types.
	pub events: Vec<RuntimeEvent>,
	/// The same events as JSON (`pallet`, `event`, `fields`).
	pub events_json: Vec<Value>,
}

/// Call arguments already SCALE-encoded by the runtime's own `RuntimeCall`.
struct EncodedArgs(Vec<u8>);

impl EncodeAsFields for EncodedArgs {
	fn encode_as_fields_to<R: TypeResolver>(
		&self,
		_fields: &mut dyn FieldIter<'_, R::TypeId>,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

/// The signing key from a secret URI (`//Alice`, a mnemonic, or a 0x-hex seed). The secret is
/// never echoed, not even in errors.
pub fn keypair(suri: &str) -> Result<Keypair, Failure> {
	let uri = SecretUri::from_str(suri.trim()).map_err(|_| {
		Failure::input("the secret key is not a valid secret URI, mnemonic or seed")
	})?;
	Keypair::from_uri(&uri)
		.map_err(|_| Failure::input("the secret key cannot derive an sr25519 key"))
}

/// The SS58 address of a key.
pub fn address(key: &Keypair) -> String {
	key.public_key().to_account_id().to_string()
}

/// Explain the pool's refusals that come from the chain's own permission check.
fn pool_refusal(message: &str) -> String {
	let lower = message.to_lowercase();
	if lower.contains("custom error: 1") {
		format!(
			"the node refused the transaction: the signer holds no role on this chain (not a \
			 department head or officer, nor an enterprise owner or agent) [{message}]"
		)
	} else if lower.contains("custom error: 2") {
		format!("the node refused the transaction: the signer has too many pending transactions [{message}]")
	} else {
		format!("the node refused the transaction: {message}")
	}
}

impl Chain {
	/// Connect over WebSocket.
	pub async fn connect(url: &str) -> Result<Self, Failure> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| Failure::chain(format!("cannot connect to {url}: {e}")))?;
		let api = OnlineClient::<Config>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| Failure::chain(format!("cannot talk to the node at {url}: {e}")))?;
		Ok(Self { rpc, api })
	}

	/// The raw JSON-RPC client.
	pub fn rpc(&self) -> &RpcClient {
		&self.rpc
	}

	/// Call a JSON-RPC method; a JSON-RPC error becomes a failure with its code and message.
	pub async fn read(&self, method: &str, params: RpcParams) -> Result<Value, Failure> {
		self.rpc.request::<Value>(method, params).await.map_err(|e| match e {
			subxt::rpcs::Error::User(u) => {
				Failure::chain(format!("{method}: {} (JSON-RPC error {})", u.message, u.code))
			},
			other => Failure::chain(format!("{method}: {other}")),
		})
	}

	/// Sign `call` with `key`, submit it and wait until it is in a best block (or, with
	/// `finalized`, a finalized one). A dispatch error is returned by name with its
	/// documentation.
	pub async fn submit(
		&self,
		key: &Keypair,
		call: RuntimeCall,
		finalized: bool,
	) -> Result<Receipt, Failure> {
		let chain = |e: &dyn std::fmt::Display| Failure::chain(e.to_string());
		let best: H256 = self
			.read("chain_getBlockHash", RpcParams::new())
			.await
			.and_then(|v| serde_json::from_value(v).map_err(|e| chain(&e)))?;
		let at = self.api.at_block(best).await.map_err(|e| chain(&e))?;
		let encoded = call.encode();
		let metadata = at.metadata_ref();
		let pallet = metadata.pallet_by_call_index(encoded[0]).ok_or_else(|| {
			Failure::chain("the node's runtime lacks this pallet; upgrade clearctl")
		})?;
		let variant = pallet.call_variant_by_index(encoded[1]).ok_or_else(|| {
			Failure::chain("the node's runtime lacks this call; upgrade clearctl")
		})?;
		let payload = subxt::tx::dynamic(
			pallet.name(),
			variant.name.as_str(),
			EncodedArgs(encoded[2..].to_vec()),
		);
		// The next index counts transactions still in the pool, so commands can follow each
		// other without waiting for finality.
		let mut params = RpcParams::new();
		params.push(address(key)).map_err(|e| chain(&e))?;
		let nonce: u64 = self
			.read("system_accountNextIndex", params)
			.await
			.and_then(|v| serde_json::from_value(v).map_err(|e| chain(&e)))?;
		let params = DefaultExtrinsicParamsBuilder::<Config>::new().immortal().nonce(nonce).build();
		let mut progress = at
			.tx()
			.sign_and_submit_then_watch(&payload, key, params)
			.await
			.map_err(|e| Failure::chain(pool_refusal(&e.to_string())))?;
		let in_block = loop {
			let status = progress
				.next()
				.await
				.ok_or_else(|| Failure::chain("the node stopped reporting on the transaction"))?
				.map_err(|e| chain(&e))?;
			match status {
				TransactionStatus::InFinalizedBlock(b) => break b,
				TransactionStatus::InBestBlock(b) if !finalized => break b,
				TransactionStatus::Invalid { message }
				| TransactionStatus::Dropped { message }
				| TransactionStatus::Error { message } => return Err(Failure::chain(pool_refusal(&message))),
				_ => continue,
			}
		};
		let block = in_block.block_hash();
		let events = match in_block.wait_for_success().await {
			Ok(events) => events,
			Err(TransactionEventsError::ExtrinsicFailed(DispatchError::Module(m))) => {
				let d = m.details().map_err(|e| chain(&e))?;
				return Err(Failure::dispatch(
					format!("{}.{}", d.pallet.name(), d.variant.name),
					d.variant.docs.join(" "),
				));
			},
			Err(TransactionEventsError::ExtrinsicFailed(e)) => {
				return Err(Failure::dispatch(format!("{e}"), String::new()))
			},
			Err(e) => return Err(chain(&e)),
		};
		let mut decoded = Vec::new();
		let mut as_json = Vec::new();
		for ev in events.iter() {
			let ev = ev.map_err(|e| chain(&e))?;
			let mut bytes = vec![ev.pallet_index(), ev.event_index()];
			bytes.extend_from_slice(ev.field_bytes());
			if let Ok(e) = RuntimeEvent::decode(&mut &bytes[..]) {
				decoded.push(e);
			}
			let fields = ev
				.decode_fields_unchecked_as::<subxt::ext::scale_value::Composite<()>>()
				.ok()
				.and_then(|c| serde_json::to_value(c).ok())
				.unwrap_or(Value::Null);
			as_json.push(json!({
				"pallet": ev.pallet_name(),
				"event": ev.event_name(),
				"fields": fields,
			}));
		}
		Ok(Receipt { block: H256(block.0), events: decoded, events_json: as_json })
	}
}

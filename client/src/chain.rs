//! The connection to a node: one WebSocket shared by the typed reads ([`crate::rpc`]) and by
//! subxt, which signs and submits. Every transaction is mortal, anchored as
//! [`Anchor::choose`] says (the latest finalized block unless finality lags), valid for
//! [`clearance_runtime::signing::MORTAL_PERIOD`] blocks.

use crate::{
	failure::{Failure, Result},
	rpc::{self, NodeClient},
};
use clearance_runtime::{extensions::codes, signing, signing::Anchor, RuntimeCall, RuntimeEvent};
use codec::{Decode, Encode};
use jsonrpsee::ws_client::{WsClient, WsClientBuilder};
use serde_json::{json, Value};
use sp_core::H256;
use std::{str::FromStr, sync::Arc};
use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	error::{
		BackendError, DispatchError, ExtrinsicError, RpcError, TransactionEventsError,
		TransactionStatusError,
	},
	ext::scale_encode::{self, EncodeAsFields, FieldIter, TypeResolver},
	rpcs::RpcClient,
	tx::TransactionStatus,
	OnlineClient, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

type Config = SubstrateConfig;

/// A connected node.
pub struct Chain {
	ws: Arc<WsClient>,
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
	) -> std::result::Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

/// The signing key from a secret URI (`//Alice`, a mnemonic, or a 0x-hex seed). The secret is
/// never echoed, not even in errors.
pub fn keypair(suri: &str) -> Result<Keypair> {
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

/// The pool's refusal, with the runtime's description of its refusal code. `data` is where the
/// code is: the JSON-RPC error's data (`Custom error: N`) or a transaction event's text.
fn refusal(data: &str, whole: &str) -> Failure {
	let message = match signing::refusal_code(data) {
		Some(code) => match codes::describe(code) {
			Some(meaning) => format!(
				"the node refused the transaction: {meaning} (InvalidTransaction::Custom({code}))"
			),
			None => format!(
				"the node refused the transaction with InvalidTransaction::Custom({code}), a code \
				 this clearctl does not know [{whole}]"
			),
		},
		None => format!("the node refused the transaction: {whole}"),
	};
	Failure::chain(message)
}

/// A failed submission: a JSON-RPC `1010: Invalid Transaction` error (its data holds the code),
/// an `invalid` transaction event, or another error.
fn submit_failure(e: ExtrinsicError) -> Failure {
	match &e {
		ExtrinsicError::ErrorSubmittingTransaction(BackendError::Rpc(RpcError::ClientError(
			subxt::rpcs::Error::User(u),
		))) => {
			let data: String = u
				.data
				.as_ref()
				.and_then(|d| serde_json::from_str(d.get()).ok())
				.unwrap_or_default();
			refusal(&data, &format!("{}: {} {data}", u.code, u.message))
		},
		ExtrinsicError::TransactionStatusError(TransactionStatusError::Invalid(m)) => refusal(m, m),
		_ => refusal("", &e.to_string()),
	}
}

impl Chain {
	/// Connect over WebSocket.
	pub async fn connect(url: &str) -> Result<Self> {
		let ws = WsClientBuilder::default()
			.max_buffer_capacity_per_subscription(4096)
			.build(url)
			.await
			.map_err(|e| Failure::chain(format!("cannot connect to {url}: {e}")))?;
		let ws = Arc::new(ws);
		let api = OnlineClient::<Config>::from_rpc_client(RpcClient::new(ws.clone()))
			.await
			.map_err(|e| Failure::chain(format!("cannot talk to the node at {url}: {e}")))?;
		Ok(Self { ws, api })
	}

	/// The JSON-RPC client, for typed reads ([`rpc::ClearanceApiClient`], [`NodeClient`]).
	pub fn rpc(&self) -> &WsClient {
		&self.ws
	}

	/// The block to anchor a transaction at, and the best block.
	async fn anchor(&self) -> Result<(Anchor, (u64, H256))> {
		let best = rpc::read("chain_getHeader", self.ws.header(None))
			.await?
			.ok_or_else(|| Failure::chain("the node has no best block"))?;
		let finalized = rpc::read("chain_getFinalizedHead", self.ws.finalized_head()).await?;
		let finalized_number = rpc::known_header(&*self.ws, finalized).await?.number;
		let anchor = Anchor::choose((best.number, best.hash()), (finalized_number, finalized));
		Ok((anchor, (best.number.into(), best.hash())))
	}

	/// Sign `call` with `key`, mortal, submit it and wait until it is in a best block (or, with
	/// `finalized`, a finalized one). A dispatch error is returned by name with its
	/// documentation; a refusal by the pool with the runtime's description of its code.
	pub async fn submit(
		&self,
		key: &Keypair,
		call: RuntimeCall,
		finalized: bool,
	) -> Result<Receipt> {
		let chain = |e: &dyn std::fmt::Display| Failure::chain(e.to_string());
		let (anchor, (best_number, best)) = self.anchor().await?;
		// Metadata and versions of the best block; the era from the anchor.
		let at =
			self.api.at_block_hash_and_number(best, best_number).await.map_err(|e| chain(&e))?;
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
		let nonce =
			rpc::read("system_accountNextIndex", self.ws.account_next_index(address(key))).await?;
		let params = DefaultExtrinsicParamsBuilder::<Config>::new()
			.mortal_from_unchecked(anchor.period.into(), anchor.number.into(), anchor.hash)
			.nonce(nonce.into())
			.build();
		let mut progress = at
			.tx()
			.sign_and_submit_then_watch(&payload, key, params)
			.await
			.map_err(submit_failure)?;
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
				| TransactionStatus::Error { message } => return Err(refusal(&message, &message)),
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

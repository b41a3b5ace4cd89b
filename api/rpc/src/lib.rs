//! # `clearance_*` JSON-RPC methods
//!
//! Each method calls the [`ClearanceRuntimeApi`] at a block (the best block unless `at` names
//! one) and converts the answer to JSON; the subscription does so at each new best or finalized
//! block. No method reads storage itself, so every answer is exactly what the runtime holds.
//! Methods, parameters and errors are documented in `docs/rpc.md`.
//!
//! Every method is a *blocking* method: it runs on the RPC server's blocking thread pool, not on
//! the async executor that serves connections, so a slow runtime call cannot stall other
//! clients. Every answer is a bounded page, and the runtime API caps and de-duplicates every
//! list it receives.
//!
//! ## Terminology
//!
//! - **at**: the hash of the block to answer at; `null` for the best block.
//! - **cursor**: `after` / `next` values that page through a listing; pass a page's `next` as
//!   the following request's `after`.
//! - **subject**: what an audit trail is about, in text form (`case:7`, `parcel:WB19…`); see
//!   [`Subject::parse`].
//!
//! ## Errors
//!
//! Every refusal is a JSON-RPC error with a stable code: [`INVALID_PARAMS`] for malformed
//! input, [`NOT_FOUND`], [`PAGE_TOO_LARGE`], [`UNKNOWN_BLOCK`] and [`RUNTIME_ERROR`].
//!
//! ## Features
//!
//! - `server` (default): the methods over a node's client ([`Clearance`]), for the node.
//! - `client`: the typed client `ClearanceApiClient`, implemented for every jsonrpsee client, for
//!   `clearctl` and tests; without `server` it needs neither the node's client crates nor the
//!   jsonrpsee server.

#[cfg(feature = "server")]
mod json;

pub use clearance_runtime_api::ClearanceApi as ClearanceRuntimeApi;
// The client half of `#[rpc]` rewrites the result types, so only the server half names them.
#[cfg_attr(not(feature = "server"), allow(unused_imports))]
use jsonrpsee::{
	core::{RpcResult, SubscriptionResult},
	proc_macros::rpc,
	types::error::INVALID_PARAMS_CODE,
};
use serde_json::Value;
#[cfg(feature = "server")]
use {
	clearance_primitives::{DepartmentCode, Subject, Ulpin},
	clearance_runtime_api::{AppealView, CaseState, MAX_PAGE},
	codec::{Codec, Encode},
	futures::{future, StreamExt},
	jsonrpsee::{
		core::async_trait, types::ErrorObjectOwned, PendingSubscriptionSink, SubscriptionMessage,
	},
	sc_client_api::BlockchainEvents,
	serde_json::json,
	sp_api::{ApiExt, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_runtime::{
		traits::{Block as BlockT, Header as HeaderT},
		SaturatedConversion,
	},
	std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc},
};

/// Malformed input: a bad account, code, ULPIN, subject, state or cursor.
pub const INVALID_PARAMS: i32 = INVALID_PARAMS_CODE;
/// The application, case, enterprise, department, parcel, certificate or trail does not exist.
pub const NOT_FOUND: i32 = 4001;
/// `limit` is above [`MAX_PAGE`].
pub const PAGE_TOO_LARGE: i32 = 4002;
/// `at` names a block this node does not know.
pub const UNKNOWN_BLOCK: i32 = 4003;
/// The runtime could not answer (for example, a runtime without this API at that block).
pub const RUNTIME_ERROR: i32 = 4004;

#[cfg(feature = "server")]
fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

#[cfg(feature = "server")]
fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	error(INVALID_PARAMS, message)
}

#[cfg(feature = "server")]
fn found<T>(what: Option<T>, name: impl FnOnce() -> String) -> RpcResult<T> {
	what.ok_or_else(|| error(NOT_FOUND, format!("{} not found", name())))
}

#[cfg(feature = "server")]
fn department(code: &str) -> RpcResult<DepartmentCode> {
	let c: Option<DepartmentCode> = code.as_bytes().to_vec().try_into().ok();
	c.filter(|c| clearance_primitives::is_code(c)).ok_or_else(|| {
		invalid(format!("{code:?} is not a department code (A-Z, 0-9, _, 2 to 12 characters)"))
	})
}

#[cfg(feature = "server")]
fn ulpin(text: &str) -> RpcResult<Ulpin> {
	text.as_bytes()
		.try_into()
		.map_err(|_| invalid(format!("{text:?} is not a ULPIN (14 characters)")))
}

#[cfg(feature = "server")]
fn state(name: &str) -> RpcResult<CaseState> {
	CaseState::parse(name).ok_or_else(|| {
		invalid(format!(
			"{name:?} is not a case state; one of {}",
			CaseState::ALL.iter().map(CaseState::as_str).collect::<Vec<_>>().join(", ")
		))
	})
}

#[cfg(feature = "server")]
fn limit(limit: Option<u32>) -> RpcResult<u32> {
	match limit {
		None => Ok(MAX_PAGE),
		Some(0) => Err(invalid("limit must be at least 1")),
		Some(n) if n > MAX_PAGE => {
			Err(error(PAGE_TOO_LARGE, format!("limit {n} is above the largest page, {MAX_PAGE}")))
		},
		Some(n) => Ok(n),
	}
}

#[cfg(feature = "server")]
/// A work-queue cursor in its text form `DUE.CASE`.
fn cursor(text: &str) -> RpcResult<(u32, u32)> {
	text.split_once('.')
		.and_then(|(d, c)| Some((d.parse().ok()?, c.parse().ok()?)))
		.ok_or_else(|| invalid(format!("{text:?} is not a work-queue cursor (DUE.CASE)")))
}

/// The `clearance_*` methods.
#[cfg_attr(
	all(feature = "server", feature = "client"),
	rpc(client, server, namespace = "clearance")
)]
#[cfg_attr(all(feature = "server", not(feature = "client")), rpc(server, namespace = "clearance"))]
#[cfg_attr(not(feature = "server"), rpc(client, namespace = "clearance"))]
pub trait ClearanceApi<BlockHash> {
	/// An application with its cases, clocks, documents and appeals.
	#[method(name = "application", blocking)]
	fn application(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A case with its clocks.
	#[method(name = "case", blocking)]
	fn case(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A page of an enterprise's applications.
	#[method(name = "applicationsOf", blocking)]
	fn applications_of(
		&self,
		enterprise: u32,
		after: Option<u32>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// A page of a department's work queue, optionally of one state, earliest due first.
	#[method(name = "workQueue", blocking)]
	fn work_queue(
		&self,
		department: String,
		state: Option<String>,
		after: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// Escalated cases and cases past their due block, of one department or all.
	#[method(name = "overdue", blocking)]
	fn overdue(
		&self,
		department: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// A parcel with its live cases, certificates and a page of its history.
	#[method(name = "parcel", blocking)]
	fn parcel(
		&self,
		ulpin: String,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// Verify a certificate: its record and status now, or as of `as_of` (ms since the epoch).
	#[method(name = "certificate", blocking)]
	fn certificate(
		&self,
		number: u32,
		as_of: Option<u64>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// A page of a subject's audit trail with its on-chain head hash.
	#[method(name = "trail", blocking)]
	fn trail(
		&self,
		subject: String,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;

	/// A department's dashboard.
	#[method(name = "dashboard", blocking)]
	fn dashboard(&self, department: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// What an account may do: head, officer roles, enterprise, validator.
	#[method(name = "account", blocking)]
	fn account(&self, account: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Push the application each time it changes, at best blocks or (with `finalized`) at
	/// finalized blocks. The first message is its state when subscribing.
	#[subscription(
		name = "subscribeApplication" => "applicationChanged",
		unsubscribe = "unsubscribeApplication",
		item = Value
	)]
	async fn subscribe_application(&self, id: u32, finalized: Option<bool>) -> SubscriptionResult;
}

#[cfg(feature = "server")]
/// The block, account and block-number types a [`Clearance`] serves, carried without data.
type Types<Block, AccountId, BlockNumber> = PhantomData<fn() -> (Block, AccountId, BlockNumber)>;

#[cfg(feature = "server")]
/// The `clearance_*` methods over a client.
pub struct Clearance<C, Block, AccountId, BlockNumber> {
	client: Arc<C>,
	_marker: Types<Block, AccountId, BlockNumber>,
}

#[cfg(feature = "server")]
impl<C, Block, AccountId, BlockNumber> Clearance<C, Block, AccountId, BlockNumber> {
	/// The methods over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

#[cfg(feature = "server")]
impl<C, Block, AccountId, BlockNumber> Clearance<C, Block, AccountId, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ClearanceRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Clone + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Copy + Into<u64> + Send + Sync + 'static,
{
	/// The block to answer at: `at` if this node knows it, else the best block.
	fn block(&self, at: Option<Block::Hash>) -> RpcResult<Block::Hash> {
		match at {
			None => Ok(self.client.info().best_hash),
			Some(hash) => match self.client.header(hash) {
				Ok(Some(_)) => Ok(hash),
				_ => Err(error(UNKNOWN_BLOCK, format!("block {hash:?} is not known to this node"))),
			},
		}
	}

	fn call<R>(
		&self,
		at: Option<Block::Hash>,
		f: impl FnOnce(
			&<C as ProvideRuntimeApi<Block>>::Api,
			Block::Hash,
		) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let hash = self.block(at)?;
		f(&self.client.runtime_api(), hash)
			.map_err(|e| error(RUNTIME_ERROR, format!("the runtime could not answer: {e}")))
	}

	/// The appeals of application `id` at `hash`; `None` if the runtime there is older than
	/// version 3 of the API (it has no appeals to tell).
	fn appeals_at(
		&self,
		id: u32,
		hash: Block::Hash,
	) -> RpcResult<Option<Vec<AppealView<AccountId, BlockNumber>>>> {
		let version = self.call(Some(hash), |api, at| {
			api.api_version::<dyn ClearanceRuntimeApi<Block, AccountId, BlockNumber>>(at)
		})?;
		if version.unwrap_or(0) < 3 {
			return Ok(None);
		}
		self.call(Some(hash), |api, at| api.application_appeals(at, id))
	}

	fn application_at(&self, id: u32, hash: Block::Hash) -> RpcResult<(Value, Vec<u8>)> {
		let view = found(self.call(Some(hash), |api, at| api.application(at, id))?, || {
			format!("application {id}")
		})?;
		let appeals = self.appeals_at(id, hash)?;
		// What changes make a new message: the records, not the clocks counting down.
		let fingerprint = (
			&view.application,
			view.cases.iter().map(|c| &c.case).collect::<Vec<_>>(),
			appeals.iter().flatten().map(|a| &a.appeal).collect::<Vec<_>>(),
		)
			.encode();
		Ok((json::application_with_appeals(&view, appeals.as_deref()), fingerprint))
	}
}

#[cfg(feature = "server")]
#[async_trait]
impl<C, Block, AccountId, BlockNumber> ClearanceApiServer<Block::Hash>
	for Clearance<C, Block, AccountId, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ BlockchainEvents<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: ClearanceRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Clone + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Copy + Into<u64> + Send + Sync + 'static,
{
	fn application(&self, id: u32, at: Option<Block::Hash>) -> RpcResult<Value> {
		Ok(self.application_at(id, self.block(at)?)?.0)
	}

	fn case(&self, id: u32, at: Option<Block::Hash>) -> RpcResult<Value> {
		let view = self.call(at, |api, at| api.case(at, id))?;
		Ok(json::case(&found(view, || format!("case {id}"))?))
	}

	fn applications_of(
		&self,
		enterprise: u32,
		after: Option<u32>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let limit = self::limit(limit)?;
		let page = self.call(at, |api, at| api.applications_of(at, enterprise, after, limit))?;
		let page = found(page, || format!("enterprise {enterprise}"))?;
		Ok(json!({
			"items": page.items.iter().map(|(id, a)| json::application_summary(*id, a)).collect::<Vec<_>>(),
			"next": page.next,
		}))
	}

	fn work_queue(
		&self,
		department: String,
		state: Option<String>,
		after: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let code = self::department(&department)?;
		let states = state.as_deref().map(self::state).transpose()?.into_iter().collect::<Vec<_>>();
		let after = after.as_deref().map(cursor).transpose()?;
		let limit = self::limit(limit)?;
		let page = self.call(at, |api, at| api.work_queue(at, code, states, after, limit))?;
		let page = found(page, || format!("department {department}"))?;
		Ok(json!({
			"items": page.items.iter().map(json::case).collect::<Vec<_>>(),
			"next": page.next.map(|(due, case)| format!("{due}.{case}")),
		}))
	}

	fn overdue(
		&self,
		department: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let code = department.as_deref().map(self::department).transpose()?;
		let limit = self::limit(limit)?;
		let cases = self.call(at, |api, at| api.overdue(at, code, limit))?;
		let cases = found(cases, || format!("department {}", department.unwrap_or_default()))?;
		Ok(Value::Array(cases.iter().map(json::case).collect()))
	}

	fn parcel(
		&self,
		ulpin: String,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let id = self::ulpin(&ulpin)?;
		let limit = self::limit(limit)?;
		let view = self.call(at, |api, at| api.parcel(at, id, from.unwrap_or(0), limit))?;
		Ok(json::parcel(&ulpin, &found(view, || format!("parcel {ulpin}"))?))
	}

	fn certificate(
		&self,
		number: u32,
		as_of: Option<u64>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let info = self.call(at, |api, at| api.certificate(at, number, as_of))?;
		Ok(json::certificate(&found(info, || format!("certificate {number}"))?))
	}

	fn trail(
		&self,
		subject: String,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Value> {
		let s = Subject::parse(&subject).ok_or_else(|| {
			invalid(format!(
				"{subject:?} is not a subject; use department:CODE, enterprise:N, parcel:ULPIN, \
				 application:N, case:N or certificate:N"
			))
		})?;
		let limit = self::limit(limit)?;
		let page = self.call(at, |api, at| api.trail(at, s, from.unwrap_or(0), limit))?;
		Ok(json::trail(&subject, &found(page, || format!("trail of {subject}"))?))
	}

	fn dashboard(&self, department: String, at: Option<Block::Hash>) -> RpcResult<Value> {
		let code = self::department(&department)?;
		let d = self.call(at, |api, at| api.dashboard(at, code))?;
		Ok(json::dashboard(&department, &found(d, || format!("department {department}"))?))
	}

	fn account(&self, account: String, at: Option<Block::Hash>) -> RpcResult<Value> {
		let who = AccountId::from_str(&account).map_err(|_| {
			invalid(format!("{account:?} is not an account (SS58 address or 0x-prefixed hex)"))
		})?;
		let info = self.call(at, |api, at| api.account(at, who.clone()))?;
		Ok(json::account_info(&who, &info))
	}

	async fn subscribe_application(
		&self,
		pending: PendingSubscriptionSink,
		id: u32,
		finalized: Option<bool>,
	) -> SubscriptionResult {
		let finalized = finalized.unwrap_or(false);
		let info = self.client.info();
		let start = if finalized { info.finalized_hash } else { info.best_hash };
		let (first, mut last) = match self.application_at(id, start) {
			Ok(v) => v,
			Err(e) => {
				pending.reject(e).await;
				return Ok(());
			},
		};
		let mut blocks = if finalized {
			self.client.finality_notification_stream().map(|n| n.header).boxed()
		} else {
			self.client
				.import_notification_stream()
				.filter(|n| future::ready(n.is_new_best))
				.map(|n| n.header)
				.boxed()
		};
		let sink = pending.accept().await?;
		let message = |header: &Block::Header, application: Value| {
			SubscriptionMessage::from_json(&json!({
				"block": header.hash(),
				"number": (*header.number()).saturated_into::<u64>(),
				"application": application,
			}))
		};
		let Some(start_header) = self.client.header(start).ok().flatten() else { return Ok(()) };
		sink.send(message(&start_header, first)?).await?;
		loop {
			let closed = std::pin::pin!(sink.closed());
			let header = match future::select(closed, blocks.next()).await {
				future::Either::Left(_) | future::Either::Right((None, _)) => break,
				future::Either::Right((Some(header), _)) => header,
			};
			let Ok((value, fingerprint)) = self.application_at(id, header.hash()) else { continue };
			if fingerprint != last {
				last = fingerprint;
				sink.send(message(&header, value)?).await?;
			}
		}
		Ok(())
	}
}

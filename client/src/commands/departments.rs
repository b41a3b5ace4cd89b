//! A department's work: `queue`, `overdue`, `dashboard`.

use crate::{
	context::Context,
	failure::Result,
	rpc::{self, ClearanceApiClient, BEST},
	show,
};
use serde_json::{json, Value};

/// `queue DEPARTMENT [--state S] [--after CURSOR] [--limit N]`: earliest due first.
pub async fn queue(
	cx: &Context,
	department: String,
	state: Option<String>,
	after: Option<String>,
	limit: Option<u32>,
) -> Result<Value> {
	let request = cx.chain.rpc().work_queue(department, state, after, limit, BEST);
	let v = rpc::read("clearance_workQueue", request).await?;
	if cx.human() {
		show::queue(&v);
	}
	Ok(v)
}

/// `overdue [DEPARTMENT]`: escalated and overdue cases.
pub async fn overdue(cx: &Context, department: Option<String>) -> Result<Value> {
	let v = rpc::read("clearance_overdue", cx.chain.rpc().overdue(department, None, BEST)).await?;
	if cx.human() {
		show::queue(&json!({ "items": v, "next": null }));
	}
	Ok(v)
}

/// `dashboard DEPARTMENT`.
pub async fn dashboard(cx: &Context, department: String) -> Result<Value> {
	let v = rpc::read("clearance_dashboard", cx.chain.rpc().dashboard(department, BEST)).await?;
	if cx.human() {
		show::dashboard(&v);
	}
	Ok(v)
}

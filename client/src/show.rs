//! Human output: what each command prints without `--json`.

use serde_json::{json, Value};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
	let y = if m <= 2 { y - 1 } else { y };
	let era = if y >= 0 { y } else { y - 399 } / 400;
	let yoe = y - era * 400;
	let mp = (m + 9) % 12;
	let doy = (153 * mp + 2) / 5 + d - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD HH:MM UTC` of milliseconds since the epoch.
pub fn date(ms: u64) -> String {
	let secs = (ms / 1000) as i64;
	let days = secs.div_euclid(86_400);
	let rem = secs.rem_euclid(86_400);
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
	format!("{y:04}-{m:02}-{d:02} {:02}:{:02} UTC", rem / 3600, rem % 3600 / 60)
}

/// A JSON value as text: a string without quotes, `-` for null.
pub fn text(v: &Value) -> String {
	s(v)
}

fn s(v: &Value) -> String {
	match v {
		Value::String(s) => s.clone(),
		Value::Null => "-".into(),
		other => other.to_string(),
	}
}

fn short(account: &Value) -> String {
	let a = s(account);
	if a.len() > 12 {
		format!("{}…{}", &a[..6], &a[a.len() - 4..])
	} else {
		a
	}
}

fn days(blocks: &Value, day_length: u64) -> String {
	let b = blocks.as_u64().unwrap_or(0);
	if day_length == 0 {
		return format!("{b} blocks");
	}
	format!("{:.1} days ({b} blocks)", b as f64 / day_length as f64)
}

/// Who holds a case now.
fn holder(c: &Value) -> String {
	let dept = s(&c["department"]);
	if c["suspended"] == json!(true) {
		return format!("{dept}: suspended by a court freeze of a parcel");
	}
	match c["state"].as_str().unwrap_or("") {
		"Waiting" => "nobody yet: waiting for prerequisite clearances".into(),
		"Submitted" => format!("{dept}, not yet taken by an officer"),
		"UnderScrutiny" | "Responded" => format!("{dept}, officer {}", short(&c["officer"])),
		"QueryRaised" => "the applicant: a query awaits the response".into(),
		"Escalated" => format!("the head of {dept}: time limit passed, escalated"),
		_ => "decided".into(),
	}
}

/// One case, with its clocks.
pub fn case(c: &Value, day_length: Option<u64>) {
	let dl = day_length.unwrap_or(0);
	println!(
		"  case {} {} at {}: {}",
		c["id"],
		s(&c["clearance"]),
		s(&c["department"]),
		s(&c["state"])
	);
	println!("    held by: {}", holder(c));
	match c["state"].as_str().unwrap_or("") {
		"QueryRaised" => println!(
			"    applicant time left: {}; department time used {}",
			days(&c["responseLeft"], dl),
			days(&c["departmentUsed"], dl)
		),
		"Submitted" | "UnderScrutiny" | "Responded" => println!(
			"    department time left: {} (due at block {})",
			days(&c["departmentLeft"], dl),
			s(&c["due"])
		),
		_ => {},
	}
	if let Some(d) = c["decision"].as_object() {
		println!(
			"    decision at block {} by {}{}{}",
			d["at"],
			if d["by"].is_null() { "the statute (time limit)".into() } else { short(&d["by"]) },
			if d["inTime"] == json!(true) { ", in time" } else { ", late" },
			d["certificate"].as_u64().map(|n| format!("; certificate {n}")).unwrap_or_default()
		);
	}
}

/// ` (5F…abcd)` for an entry signed by an account, nothing for one the runtime made.
fn signer(entry: &Value) -> String {
	if entry["signer"].is_null() {
		String::new()
	} else {
		format!(" ({})", short(&entry["signer"]))
	}
}

fn authority(a: &Value) -> String {
	match a["kind"].as_str().unwrap_or("") {
		"Head" => format!("head of {}", s(&a["department"])),
		"Officer" => format!("{} of {}", s(&a["role"]), s(&a["department"])),
		"Owner" => format!("owner of enterprise {}", a["enterprise"]),
		"Agent" => format!("agent of enterprise {}", a["enterprise"]),
		"Statute" => "statute (runtime)".into(),
		other => other.to_string(),
	}
}

/// The tracker: status, each case with who holds it, the timeline.
pub fn track(app: &Value, timeline: &[Value]) {
	let dl = app["dayLength"].as_u64();
	println!(
		"Application {}: {} ({}) by enterprise {} - {}",
		app["id"],
		s(&app["project"]["name"]),
		s(&app["project"]["sector"]),
		app["enterprise"],
		s(&app["status"])
	);
	println!("  parcels: {}", app["parcels"]);
	for c in app["cases"].as_array().into_iter().flatten() {
		case(c, dl);
	}
	println!("Timeline:");
	for e in timeline {
		println!(
			"  {}  {:<16} {:<22} {}{}",
			date(e["timestamp"].as_u64().unwrap_or(0)),
			s(&e["subject"]),
			s(&e["action"]),
			authority(&e["authority"]),
			signer(e)
		);
	}
}

/// One message of `track --follow`: each case's state and holder.
pub fn update(msg: &Value) {
	println!("-- block #{} --", msg["number"]);
	for c in msg["application"]["cases"].as_array().into_iter().flatten() {
		println!(
			"  case {} {}: {} (held by {})",
			c["id"],
			s(&c["clearance"]),
			s(&c["state"]),
			holder(c)
		);
	}
}

pub fn account(v: &Value) {
	println!("Account {}", s(&v["account"]));
	let mut any = false;
	if !v["headOf"].is_null() {
		println!("  head of department {}", s(&v["headOf"]));
		any = true;
	}
	if let Some(o) = v["officerOf"].as_object() {
		println!("  officer of {}: {}", s(&o["department"]), o["roles"]);
		any = true;
	}
	if let Some(e) = v["enterprise"].as_object() {
		let role = if e["owner"] == json!(true) { "owner" } else { "agent" };
		println!("  {role} of enterprise {}", e["id"]);
		any = true;
	}
	if !v["validatorOf"].is_null() {
		println!("  validator of department {}", s(&v["validatorOf"]));
		any = true;
	}
	if !any {
		println!("  no role: the chain refuses this account's transactions");
	}
}

pub fn parcel(v: &Value) {
	println!(
		"Parcel {}: {}, {}, plot {}; {} m2; {}; holder {}",
		s(&v["ulpin"]),
		s(&v["district"]),
		s(&v["village"]),
		s(&v["plot"]),
		v["areaSqm"],
		s(&v["landUse"]),
		s(&v["holder"])
	);
	if let Some(f) = v["frozen"].as_object() {
		println!("  FROZEN by court order {} since block {}", s(&f["order"]), f["since"]);
	}
	println!("  live cases {}; certificates {}", v["liveCases"], v["certificates"]);
	trail(&v["history"]);
}

pub fn applications(v: &Value) {
	for a in v["items"].as_array().into_iter().flatten() {
		println!(
			"Application {}: {} - {} ({} open cases of {})",
			a["id"],
			s(&a["project"]["name"]),
			s(&a["status"]),
			a["openCases"],
			a["cases"].as_array().map(|c| c.len()).unwrap_or(0)
		);
	}
	if !v["next"].is_null() {
		println!("More: --after {}", v["next"]);
	}
}

pub fn queue(v: &Value) {
	let items = v["items"].as_array().cloned().unwrap_or_default();
	if items.is_empty() {
		println!("No cases.");
	}
	for c in &items {
		println!(
			"case {:>6}  {:<24} {:<14} due {:>8}  application {}{}",
			c["id"],
			s(&c["clearance"]),
			s(&c["state"]),
			s(&c["due"]),
			c["application"],
			if c["suspended"] == json!(true) { "  (suspended)" } else { "" }
		);
	}
	if !v["next"].is_null() {
		println!("More: --after {}", s(&v["next"]));
	}
}

pub fn dashboard(v: &Value) {
	println!("Department {}", s(&v["department"]));
	println!("  pending:  {}", v["pending"]);
	println!("  decided:  {}", v["decided"]);
	println!(
		"  in time {}, late {}; median {} days to decision ({} timed decisions); {} suspended",
		v["inTime"],
		v["late"],
		s(&v["medianDays"]),
		v["timedDecisions"],
		v["suspended"]
	);
}

pub fn certificate(v: &Value) {
	let status = s(&v["status"]).to_uppercase();
	println!(
		"Certificate {}: {} as of {}",
		v["number"],
		status,
		date(v["asOf"].as_u64().unwrap_or(0))
	);
	println!(
		"  {} issued by {} to {} (enterprise {}) for case {}",
		s(&v["clearance"]),
		s(&v["department"]),
		s(&v["holder"]),
		v["enterprise"],
		v["case"]
	);
	println!("  parcels {}", v["parcels"]);
	println!("  issued {}", date(v["issuedAt"].as_u64().unwrap_or(0)));
	match v["expiresAt"].as_u64() {
		Some(e) => println!("  expires {}", date(e)),
		None => println!("  permanent"),
	}
	if let Some(r) = v["revoked"].as_object() {
		println!("  revoked {} (reason {})", date(r["at"].as_u64().unwrap_or(0)), r["reason"]);
	}
	if let Some(n) = v["renewedBy"].as_u64() {
		println!("  renewed by certificate {n}");
	}
}

pub fn trail(v: &Value) {
	println!("Trail of {}: {} entries, head {}", s(&v["subject"]), v["len"], s(&v["head"]));
	for e in v["entries"].as_array().into_iter().flatten() {
		println!(
			"  #{:<4} {}  {:<22} {}{}",
			e["index"],
			date(e["timestamp"].as_u64().unwrap_or(0)),
			s(&e["action"]),
			authority(&e["authority"]),
			signer(e)
		);
	}
	if !v["next"].is_null() {
		println!("  … more from {}", v["next"]);
	}
}

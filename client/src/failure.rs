//! Why a command failed, and the exit code it gives: 2 bad input, 3 an error from the runtime
//! (a dispatch error), 4 a failed audit verification, 1 otherwise (the node unreachable, a
//! refusal by its pool, a JSON-RPC error).

/// Why a command failed, and the exit code it gives.
#[derive(Debug)]
pub struct Failure {
	/// What went wrong, for people.
	pub message: String,
	/// The chain error's name (`Clearances.InvalidState`), for a dispatch error.
	pub error: Option<String>,
	/// The exit code: 2 bad input, 3 refused by the runtime, 4 verification failed, 1 otherwise.
	pub code: u8,
}

impl Failure {
	/// Bad input from the user.
	pub fn input(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 2 }
	}
	/// The node could not be reached or refused the request.
	pub fn chain(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 1 }
	}
	/// The runtime refused the call.
	pub fn dispatch(name: String, docs: String) -> Self {
		let message = if docs.is_empty() { name.clone() } else { format!("{name}: {docs}") };
		Self { message, error: Some(name), code: 3 }
	}
	/// An audit verification failed.
	pub fn verify(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 4 }
	}
}

/// The result of a command step.
pub type Result<T> = std::result::Result<T, Failure>;

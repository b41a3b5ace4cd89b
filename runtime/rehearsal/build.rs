fn main() {
	#[cfg(feature = "std")]
	{
		// As in the runtime's build script: the shared target dir lives outside the repository.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
			if let Some(workspace) = manifest.parent().and_then(|runtime| runtime.parent()) {
				std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
			}
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}

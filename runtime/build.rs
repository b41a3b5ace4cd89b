fn main() {
	#[cfg(feature = "std")]
	{
		// The target dir is shared with CI and lives outside the repository, so the wasm builder
		// cannot find our Cargo.lock by walking up from it: tell it where the workspace is. Set
		// here, not in `.cargo/config.toml`, so other crates' wasm builds are not misled.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
			if let Some(workspace) = manifest.parent() {
				std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
			}
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}

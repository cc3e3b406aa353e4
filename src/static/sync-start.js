// Starts the team sync page's wasm (built by Trunk as a plain script, `claimmark-sync.js`,
// which defines `wasm_bindgen`). A file of its own: the page's policy allows no inline script.
wasm_bindgen({ module_or_path: "claimmark-sync_bg.wasm" });

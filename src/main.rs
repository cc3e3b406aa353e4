// The page's allocator: talc, 0.7 KB gzip smaller than dlmalloc (README, "Size"). The page
// has one thread (no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    claimmark::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimmark runs in the browser: build it with `trunk build --release` (see README).");
}

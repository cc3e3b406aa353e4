#[cfg(target_arch = "wasm32")]
fn main() {
    claimmark::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimmark runs in the browser: build it with `trunk build --release` (see README).");
}

//! The team sync page (`sync.html`): a third wasm module, fetched only when that page is opened,
//! never in the first load of the app. It keeps this browser's library in step with a CouchDB
//! database while it is open (see `claimmark::ui::team`).

#[cfg(target_arch = "wasm32")]
fn main() {
    claimmark::ui::team::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "claimmark-sync runs in the browser: open sync.html of a built claimmark (see README)."
    );
}

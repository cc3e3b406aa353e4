//! claimmark: annotate claims in news articles as sourced or unsourced, in the browser.
//!
//! - [`domain`]: pure Rust, no web types; tested natively.
//! - `browser`: thin glue between the DOM and the domain (wasm only).
//! - `ui`: Leptos components (wasm only).

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, written into exported files.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

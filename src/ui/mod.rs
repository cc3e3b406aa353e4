//! Leptos components. They hold signals of domain types and call domain functions; every rule
//! lives in `crate::domain`.

mod article_head;
mod article_text;
mod assistant_bar;
mod boot;
mod claims;
mod editor;
mod incoming;
mod library;
mod notice;
mod open;
mod rating;
pub mod reader;
mod report;
mod saving;
mod search;
mod settings;
mod state;
pub mod team;
mod texts;
mod transfer;

use leptos::prelude::*;

use crate::browser::classes::Flag;

pub use state::{use_app, AppState, Notice, Undo};

/// Keeps `flag` on exactly the elements under `root` that `which` selects (a CSS selector, or
/// none), as what it reads changes: a class on the one claim being edited, say, without a
/// closure on every claim's element reading the same signal.
fn flag_follows(
    root: impl Fn() -> Option<web_sys::Element> + 'static,
    flag: Flag,
    which: Box<dyn Fn() -> Option<String>>,
) {
    let root: Box<dyn Fn() -> Option<web_sys::Element>> = Box::new(root);
    Effect::new(move |_| {
        let which = which();
        if let Some(root) = root() {
            crate::browser::classes::only(&root, flag, which);
        }
    });
}

/// Starts the app in `<body>`.
pub fn mount() {
    crate::browser::crash::install();
    // The library is read first (IndexedDB answers later), then the app is shown.
    wasm_bindgen_futures::spawn_local(async {
        let boot = boot::boot().await;
        leptos::mount::mount_to_body(move || view! { <App boot/> });
    });
}

#[component]
pub fn App(boot: boot::Boot) -> impl IntoView {
    let app = boot::start(boot);
    provide_context(app);
    crate::browser::offline::register(move || app.update_ready.set(true));
    incoming::take_capture(app);
    view! {
        <header class="topbar">
            <div class="brand">
                <h1>"claimmark"</h1>
                <p class="tagline">"Mark each claim: does the article say who says so?"</p>
            </div>
            <transfer::Transfer/>
            <settings::SettingsPanel/>
        </header>
        <notice::Notices/>
        <main class="layout" class:hidden=move || app.report.get()>
            <library::LibraryPanel/>
            <reader::Reader/>
            <claims::ClaimsPanel/>
        </main>
        {move || app.report.get().then(|| view! { <report::ReportView/> })}
    }
}

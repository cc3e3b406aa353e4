//! When claimmark panics anyway: a plain message instead of a dead page, and no write to storage
//! after it.
//!
//! The release build aborts on a panic (`panic = "abort"`): the panic hook runs, then the wasm
//! traps. The page's event listeners still call into the module afterwards, with its state left
//! as the panic found it (a change half made). So the hook first stops every write to storage
//! ([`crashed`], checked by the storage glue), then covers the page with a message that needs no
//! Rust to work: its Reload is a plain link, its error text a read-only text area to copy from.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

static CRASHED: AtomicBool = AtomicBool::new(false);

/// Whether claimmark has panicked in this page: nothing may be written any more.
pub fn crashed() -> bool {
    CRASHED.load(Ordering::SeqCst)
}

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        CRASHED.store(true, Ordering::SeqCst);
        let text = format!("claimmark: {info}");
        web_sys::console::error_1(&text.into());
        // Must not panic itself: every step may fail quietly.
        let _ = show(&format!("claimmark {}: {info}", crate::VERSION));
    }));
}

fn show(error: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    // The page behind stops taking input: its handlers would run on a state left half-changed.
    let children = body.children();
    for i in 0..children.length() {
        let _ = children.item(i)?.set_attribute("inert", "");
    }
    let el = |tag: &str, parent: &web_sys::Element| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        parent.append_child(&e).ok()?;
        Some(e)
    };
    let panel = document.create_element("section").ok()?;
    panel.set_class_name("crash");
    panel.set_attribute("role", "alertdialog").ok()?;
    panel.set_attribute("aria-modal", "true").ok()?;
    panel.set_attribute("aria-labelledby", "crash-title").ok()?;
    panel.set_attribute("aria-describedby", "crash-what").ok()?;
    let title = el("h2", &panel)?;
    title.set_id("crash-title");
    title.set_text_content(Some("claimmark stopped because of an error"));
    let what = el("p", &panel)?;
    what.set_id("crash-what");
    what.set_text_content(Some(
        "Reload the page; your saved work is safe. The change you were making when it stopped was not saved.",
    ));
    let label = el("label", &panel)?;
    label.set_attribute("for", "crash-details").ok()?;
    label.set_text_content(Some("The error, to copy into a report:"));
    let details = el("textarea", &panel)?;
    details.set_id("crash-details");
    details.set_attribute("readonly", "").ok()?;
    details.set_attribute("rows", "4").ok()?;
    // Text, never markup: the message may quote a file's contents.
    details
        .dyn_ref::<web_sys::HtmlTextAreaElement>()?
        .set_value(error);
    let reload = el("a", &panel)?;
    reload.set_class_name("button");
    // The page's own address (without a fragment, which would only scroll): following the
    // link loads the page again, with no script.
    let href = web_sys::window()?.location().href().ok()?;
    let href = href.split('#').next().unwrap_or_default();
    reload.set_attribute("href", href).ok()?;
    reload.set_text_content(Some("Reload"));
    body.append_child(&panel).ok()?;
    reload.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()
}

/// For the end-to-end test that proves a panic half-way through a change writes nothing: the
/// action named in this tab's `sessionStorage` under `claimmark.test.panic` panics half-way.
/// Only this page's own script can set it (the page's security policy runs no other).
pub fn injected(action: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item("claimmark.test.panic").ok().flatten())
        .is_some_and(|a| a == action)
}

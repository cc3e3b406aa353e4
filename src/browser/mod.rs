//! Thin glue between the browser and the domain: DOM positions to code-point offsets,
//! `localStorage` and IndexedDB, files in and out. No business rules live here.

pub mod capture;
pub mod classes;
pub mod crash;
pub mod fetch;
pub mod files;
mod js;
pub mod offline;
pub mod offsets;
pub mod records;
pub mod replica;
pub mod storage;
pub mod worker;

use crate::domain::annotation::uuid_urn;

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A fresh `urn:uuid:` from the browser's cryptographic random source (available on plain
/// http too, unlike `crypto.randomUUID`).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_urn(bytes)
}

/// Syncs with the team's server while this tab is open, when the user asked the team sync page
/// to stay connected: that page in a frame (`sync.html?background`, a line in the corner that
/// says the sync's state), added once.
pub fn sync_in_background() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("team-sync").is_some() {
        return;
    }
    if let (Ok(frame), Some(body)) = (doc.create_element("iframe"), doc.body()) {
        for (name, value) in [
            ("id", "team-sync"),
            ("src", "sync.html?background"),
            ("title", "Team sync"),
            ("class", "team-sync"),
        ] {
            let _ = frame.set_attribute(name, value);
        }
        let _ = body.append_child(&frame);
    }
}

/// Moves the keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A moment (ms since the epoch) as the time of day, in the browser's locale and time zone.
pub fn time_of_day(ms: i64) -> String {
    local_time(ms, "toLocaleTimeString")
}

/// A moment (ms since the epoch) as date and time, in the browser's locale and time zone.
pub fn date_and_time(ms: i64) -> String {
    local_time(ms, "toLocaleString")
}

fn local_time(ms: i64, how: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    js::call(&date, how, &[])
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// Calls `f` in `ms` milliseconds. (One timer for every caller: each closure type given to a
/// timer makes its own copy of the glue in the wasm.)
pub fn later(ms: u32, f: Box<dyn FnOnce()>) {
    gloo_timers::callback::Timeout::new(ms, f).forget();
}

/// Waits `ms` milliseconds (a timer of the page or worker).
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = js::call(
            &js_sys::global(),
            "setTimeout",
            &[resolve.into(), ms.into()],
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The element an event happened in or under that matches `selector` (the one listener of a
/// list hearing clicks on all its entries).
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector).ok().flatten()
}

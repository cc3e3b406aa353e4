//! The extraction worker: a second, small wasm module that reduces saved pages to their
//! article off the page's main thread (so the page stays responsive while a large page is
//! read) and off the first load (it is fetched the first time a page is opened).
//!
//! It answers each message `{id, bytes: Uint8Array, url: string | null}` with an object
//! `{id, ms, text, url, headline, site, author, published, language}` (`ms`: how long the
//! extraction took in the worker), and says `"ready"` once it can take messages.

#[cfg(target_arch = "wasm32")]
fn main() {
    use claimmark::domain::extract::extract_bytes;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let get = |k: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::NULL)
            };
            let id = get("id").as_f64().unwrap_or(0.0) as u32;
            let bytes = get("bytes")
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            let url = get("url").as_string();
            let clock = || js_sys::Date::now();
            let started = clock();
            let page = extract_bytes(&bytes, url.as_deref());
            let ms = clock() - started;
            // A plain object: the page reads it field by field, with no JSON decoder for it.
            let reply = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = js_sys::Reflect::set(&reply, &JsValue::from_str(k), &v);
            };
            let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            set("id", JsValue::from(id));
            set("ms", JsValue::from(ms));
            set("text", JsValue::from_str(&page.text));
            let m = &page.meta;
            set("url", text(&m.url));
            set("headline", text(&m.headline));
            set("site", text(&m.site));
            set("author", text(&m.author));
            set("published", text(&m.published));
            set("language", text(&m.language));
            let _ = reply_to.post_message(&reply);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimmark-worker runs in the browser, started by claimmark (see README).");
}

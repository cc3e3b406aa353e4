//! The worker: a second wasm module, off the page's main thread (so the page stays responsive
//! while a large page or article is read) and off the first load (it is fetched the first time
//! a saved page is opened, the assistant suggests claims, or a file is made or read).
//!
//! It answers each message by its `job`:
//! - `"extract"`, `{id, bytes: Uint8Array, url: string | null}`: the saved page reduced to its
//!   article, `{id, ms, text, url, headline, site, author, published, language}`;
//! - `"analyse"`, `{id, text: string, outlet: string | null}`: the assistant's reading of an
//!   article, `{id, ms, numbers: Uint32Array, sources: string[]}` (see
//!   `claimmark::domain::assistant::wire`);
//! - `"export"`, `{id, format, doc, claim, library, now, organisation, scale}`: a file of the
//!   library (stored JSON), `{id, ms, file}` or `{id, ms, error}` (see
//!   `claimmark::domain::exchange`);
//! - `"import"`, `{id, file, library, now}`: what a file brings, `{id, ms, contents, note}` or
//!   `{id, ms, error}`.
//!
//! `ms` is how long the work took in the worker. It says `"ready"` once it can take messages.

#[cfg(target_arch = "wasm32")]
fn main() {
    use claimmark::domain::assistant::{classify::analyse_with, wire};
    use claimmark::domain::exchange;
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
            let clock = || js_sys::Date::now();
            let started = clock();
            // A plain object: the page reads it field by field, with no JSON decoder for it.
            let reply = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = js_sys::Reflect::set(&reply, &JsValue::from_str(k), &v);
            };
            let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            let job = get("job").as_string().unwrap_or_default();
            let string = |k: &str| get(k).as_string().unwrap_or_default();
            if job == "export" {
                let format = exchange::Format::parse(&string("format"));
                let request = exchange::Request {
                    doc: get("doc").as_string(),
                    claim: get("claim").as_string(),
                    now: get("now").as_f64().unwrap_or_default() as i64,
                    version: claimmark::VERSION.to_owned(),
                    organisation: string("organisation"),
                    scale: string("scale"),
                };
                let made = format
                    .ok_or_else(|| "no such format".to_owned())
                    .and_then(|f| exchange::export(&string("library"), f, &request));
                match made {
                    Ok(file) => set("file", JsValue::from_str(&file)),
                    Err(e) => set("error", JsValue::from_str(&e)),
                }
            } else if job == "import" {
                let read = exchange::import(
                    &string("library"),
                    &string("file"),
                    get("now").as_f64().unwrap_or_default() as i64,
                );
                match read {
                    Ok(i) => {
                        set("contents", JsValue::from_str(&i.contents));
                        set("note", text(&i.note));
                    }
                    Err(e) => set("error", JsValue::from_str(&e)),
                }
            } else if job == "analyse" {
                let article = get("text").as_string().unwrap_or_default();
                let outlet = get("outlet").as_string();
                let readings = analyse_with(&article, outlet.as_deref());
                let (numbers, sources) = wire::pack(&readings);
                set("numbers", js_sys::Uint32Array::from(&numbers[..]).into());
                let names = js_sys::Array::new();
                for s in &sources {
                    names.push(&JsValue::from_str(s));
                }
                set("sources", names.into());
            } else {
                let bytes = get("bytes")
                    .dyn_into::<js_sys::Uint8Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default();
                let url = get("url").as_string();
                let page = extract_bytes(&bytes, url.as_deref());
                set("text", JsValue::from_str(&page.text));
                let m = &page.meta;
                set("url", text(&m.url));
                set("headline", text(&m.headline));
                set("site", text(&m.site));
                set("author", text(&m.author));
                set("published", text(&m.published));
                set("language", text(&m.language));
            }
            set("id", JsValue::from(id));
            set("ms", JsValue::from(clock() - started));
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

//! Plain JavaScript properties and calls, for the browser APIs spoken to without web-sys
//! bindings (the service worker, IndexedDB, storage estimates): each binding would add to the
//! first load.

use wasm_bindgen::{JsCast, JsValue};

pub fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

pub fn set(o: &JsValue, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
}

/// Calls `o[name](...args)`; a throw is the error's description.
pub fn call(o: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f = get(o, name)
        .dyn_into::<js_sys::Function>()
        .map_err(|_| format!("no {name}"))?;
    f.apply(o, &args.iter().collect::<js_sys::Array>())
        .map_err(|e| describe(&e))
}

/// An exception in words: "name: message".
pub fn describe(e: &JsValue) -> String {
    let (name, message) = (get(e, "name").as_string(), get(e, "message").as_string());
    match (name, message) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (n, m) => n
            .or(m)
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into()),
    }
}

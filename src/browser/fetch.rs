//! The sync engine's [`Http`] in a browser: each request sent with `fetch`, with the user's
//! credentials (basic authentication, held in memory only), and cut short on demand (the
//! changes feed waits for the server's next change: a change here, or disconnecting, stops
//! the wait). Spoken to through plain JavaScript properties, as IndexedDB is.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::js::{call, describe, get, set};
use crate::domain::sync::{Http, Request, Response, Unreachable};

pub struct Fetch {
    /// The server's address, without a trailing slash.
    url: String,
    /// `Authorization` header, if the user gave a name.
    authorization: Option<String>,
    /// Aborts the requests under way (an `AbortController`), replaced after each abort.
    abort: RefCell<JsValue>,
}

fn controller() -> JsValue {
    let class = get(&js_sys::global(), "AbortController");
    js_sys::Reflect::construct(&class.into(), &js_sys::Array::new()).unwrap_or(JsValue::NULL)
}

impl Fetch {
    pub fn new(url: &str, authorization: Option<String>) -> Fetch {
        Fetch {
            url: url.to_owned(),
            authorization,
            abort: RefCell::new(controller()),
        }
    }

    /// Stops every request under way: each fails as unreachable.
    pub fn abort(&self) {
        let old = self.abort.replace(controller());
        let _ = call(&old, "abort", &[]);
    }
}

impl Http for Fetch {
    async fn send(&self, request: Request) -> Result<Response, Unreachable> {
        let failed = |e: &JsValue| Unreachable(describe(e));
        let init = js_sys::Object::new();
        set(&init, "method", &request.method.as_str().into());
        let headers = js_sys::Object::new();
        set(&headers, "Accept", &"application/json".into());
        if let Some(body) = &request.body {
            set(&headers, "Content-Type", &"application/json".into());
            set(&init, "body", &body.as_str().into());
        }
        if let Some(a) = &self.authorization {
            set(&headers, "Authorization", &a.as_str().into());
        }
        set(&init, "headers", &headers);
        // Never the browser's cached answer: the changes feed must be read afresh.
        set(&init, "cache", &"no-store".into());
        set(&init, "signal", &get(&self.abort.borrow(), "signal"));
        let url = format!("{}/{}", self.url, request.path);
        let promise =
            call(&js_sys::global(), "fetch", &[url.into(), init.into()]).map_err(Unreachable)?;
        let response = JsFuture::from(js_sys::Promise::from(promise))
            .await
            .map_err(|e| failed(&e))?;
        let status = get(&response, "status").as_f64().unwrap_or(0.0) as u16;
        let text = call(&response, "text", &[]).map_err(Unreachable)?;
        let body = JsFuture::from(js_sys::Promise::from(text))
            .await
            .map_err(|e| failed(&e))?
            .as_string()
            .unwrap_or_default();
        Ok(Response { status, body })
    }
}

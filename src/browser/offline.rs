//! The service worker (`src/static/sw.js`): registered at start, relative to the page (so it
//! works under a sub-path); tells the app when a new version is installed and waiting, and
//! hands over to it when the user chooses to reload. Spoken to through plain JavaScript
//! properties: no more web-sys bindings in the first load than needed.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::js::get;

fn call(o: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    super::js::call(o, name, args).ok()
}

/// Listens for `event` on `target` for as long as the page lives.
fn on(target: &JsValue, event: &str, f: impl FnMut() + 'static) {
    let c = Closure::<dyn FnMut()>::new(f);
    call(
        target,
        "addEventListener",
        &[event.into(), c.as_ref().clone()],
    );
    c.forget();
}

fn container() -> Option<JsValue> {
    let w = web_sys::window()?;
    let c = get(&get(&w, "navigator"), "serviceWorker");
    (!c.is_undefined() && !c.is_null()).then_some(c)
}

/// Registers the service worker; `ready` is called when a new version waits to take over (not
/// for the first install: that one just starts keeping the files).
pub fn register(ready: impl Fn() + Clone + 'static) {
    let Some(sw) = container() else {
        return;
    };
    let Some(promise) = call(&sw, "register", &["sw.js".into()]) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(js_sys::Promise::from(promise)).await else {
            return;
        };
        let controlled = {
            let sw = sw.clone();
            move || !get(&sw, "controller").is_null()
        };
        if !get(&reg, "waiting").is_null() && controlled() {
            ready();
        }
        let found = reg.clone();
        on(&reg, "updatefound", move || {
            let installing = get(&found, "installing");
            let watched = installing.clone();
            let (ready, controlled) = (ready.clone(), controlled.clone());
            on(&installing, "statechange", move || {
                if get(&watched, "state").as_string().as_deref() == Some("installed")
                    && controlled()
                {
                    ready();
                }
            });
        });
    });
}

/// Lets the waiting version take over, then reloads the page onto it.
pub fn apply_update() {
    let Some(sw) = container() else {
        return;
    };
    on(&sw, "controllerchange", || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let Some(promise) = call(&sw, "getRegistration", &[]) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(reg) = JsFuture::from(js_sys::Promise::from(promise)).await {
            let waiting = get(&reg, "waiting");
            if !waiting.is_null() && !waiting.is_undefined() {
                call(&waiting, "postMessage", &["skip-waiting".into()]);
            }
        }
    });
}

/// Asks the browser to keep the site's storage under pressure (`navigator.storage.persist()`),
/// then how much it holds and may hold (`estimate()`): `done` gets (kept, usage, quota), each
/// `None` where the browser cannot say.
pub fn keep_storage(done: impl FnOnce(Option<bool>, Option<f64>, Option<f64>) + 'static) {
    let Some(w) = web_sys::window() else {
        return done(None, None, None);
    };
    let storage = get(&get(&w, "navigator"), "storage");
    wasm_bindgen_futures::spawn_local(async move {
        let ask = |name: &str| call(&storage, name, &[]).map(js_sys::Promise::from);
        let kept = match ask("persist") {
            Some(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
            None => None,
        };
        let estimate = match ask("estimate") {
            Some(p) => JsFuture::from(p).await.ok(),
            None => None,
        };
        let field = |k: &str| estimate.as_ref().and_then(|e| get(e, k).as_f64());
        done(kept, field("usage"), field("quota"));
    });
}

/// The text at `url` (relative to the page), or why there is none.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let ask = |o: &JsValue, name: &str, arg: Option<&str>| {
        let args: Vec<JsValue> = arg.into_iter().map(JsValue::from_str).collect();
        call(o, name, &args).map(js_sys::Promise::from)
    };
    let w: JsValue = web_sys::window().ok_or("no window")?.into();
    let response = match ask(&w, "fetch", Some(url)) {
        Some(p) => JsFuture::from(p).await.ok(),
        None => None,
    };
    let response = response.filter(|r| get(r, "ok").as_bool() == Some(true));
    let text = match response.as_ref().and_then(|r| ask(r, "text", None)) {
        Some(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        None => None,
    };
    text.ok_or_else(|| format!("{url} could not be fetched"))
}

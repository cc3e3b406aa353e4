//! Talking to the extraction worker (`src/bin/claimmark-worker.rs`): started the first time a
//! page is opened, asked one page at a time by id, restarted if it fails or stops answering.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::extract::{Meta, Page};

/// Where Trunk puts the worker's loader (`data-loader-shim`), relative to the page.
const LOADER: &str = "claimmark-worker_loader.js";
/// A page the worker has not answered in this long is given up (and the worker restarted).
const PATIENCE_MS: u32 = 30_000;

type Done = Box<dyn FnOnce(Result<Extracted, String>)>;

/// What the worker answered: the page, and how long it took there.
pub struct Extracted {
    pub page: Page,
    pub ms: f64,
}

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    /// Asked before the worker was ready.
    queue: Vec<js_sys::Object>,
    waiting: BTreeMap<u32, Done>,
    next: u32,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Rc<RefCell<Running>>>> = const { RefCell::new(None) };
}

/// Stops the worker and tells everyone still waiting why.
fn fail_all(why: &str) {
    let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) else {
        return;
    };
    running.borrow().worker.terminate();
    let waiting = std::mem::take(&mut running.borrow_mut().waiting);
    for (_, done) in waiting {
        done(Err(why.to_owned()));
    }
}

fn start() -> Result<Rc<RefCell<Running>>, String> {
    let worker = web_sys::Worker::new(LOADER).map_err(|e| {
        format!(
            "the page reader could not start ({})",
            e.as_string()
                .unwrap_or_else(|| "blocked by the browser".into())
        )
    })?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
            let Some(running) = RUNNING.with(|r| r.borrow().clone()) else {
                return;
            };
            let data = ev.data();
            if data.as_string().as_deref() == Some("ready") {
                let queue = {
                    let mut r = running.borrow_mut();
                    r.ready = true;
                    std::mem::take(&mut r.queue)
                };
                for msg in queue {
                    let _ = running.borrow().worker.post_message(&msg);
                }
                return;
            }
            let get = |k: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::NULL)
            };
            let Some(id) = get("id").as_f64() else {
                return fail_all("the page reader answered something it should not");
            };
            let text = |k: &str| get(k).as_string();
            let page = Page {
                text: text("text").unwrap_or_default(),
                meta: Meta {
                    url: text("url"),
                    headline: text("headline"),
                    site: text("site"),
                    author: text("author"),
                    published: text("published"),
                    language: text("language"),
                },
            };
            let done = running.borrow_mut().waiting.remove(&(id as u32));
            if let Some(done) = done {
                done(Ok(Extracted {
                    page,
                    ms: get("ms").as_f64().unwrap_or_default(),
                }));
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        ev.prevent_default();
        fail_all(&format!("the page reader stopped ({})", ev.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Rc::new(RefCell::new(Running {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: BTreeMap::new(),
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })))
}

/// Reduces a saved page (its bytes: HTML in any common encoding, or MHTML) to its article in
/// the worker; `done` gets the page or why it could not be read.
pub fn extract(
    bytes: &[u8],
    url: Option<&str>,
    done: impl FnOnce(Result<Extracted, String>) + 'static,
) {
    let running = match RUNNING.with(|r| r.borrow().clone()) {
        Some(r) => r,
        None => match start() {
            Ok(r) => {
                RUNNING.with(|slot| *slot.borrow_mut() = Some(r.clone()));
                r
            }
            Err(why) => return done(Err(why)),
        },
    };
    let msg = js_sys::Object::new();
    let id = {
        let mut r = running.borrow_mut();
        r.next += 1;
        r.next
    };
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
    };
    set("id", &JsValue::from(id));
    set("bytes", &js_sys::Uint8Array::from(bytes).into());
    set("url", &url.map_or(JsValue::NULL, JsValue::from_str));
    {
        let mut r = running.borrow_mut();
        r.waiting.insert(id, Box::new(done));
        if r.ready {
            let _ = r.worker.post_message(&msg);
        } else {
            r.queue.push(msg);
        }
    }
    gloo_timers::callback::Timeout::new(PATIENCE_MS, move || {
        let still_waiting = RUNNING.with(|r| {
            r.borrow()
                .as_ref()
                .is_some_and(|run| run.borrow().waiting.contains_key(&id))
        });
        if still_waiting {
            fail_all("the page took too long to read");
        }
    })
    .forget();
}

//! Talking to the worker (`src/bin/claimmark-worker.rs`): started the first time a saved page
//! is opened or the assistant reads an article, asked one job at a time by id, restarted if it
//! fails or stops answering.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::assistant::classify::Reading;
use crate::domain::assistant::wire;
use crate::domain::exchange::{Format, Request};
use crate::domain::extract::{Meta, Page};

/// Where Trunk puts the worker's loader (`data-loader-shim`), relative to the page.
const LOADER: &str = "claimmark-worker_loader.js";
/// A page the worker has not answered in this long is given up (and the worker restarted).
const PATIENCE_MS: u32 = 30_000;

/// What to do with the worker's reply (the reply object, or why there is none).
type Done = Box<dyn FnOnce(Result<JsValue, String>)>;

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
    /// Jobs asked and not answered yet (few at a time: a list).
    waiting: Vec<(u32, Done)>,
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
            "the background reader could not start ({})",
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
                return fail_all("the background reader answered something it should not");
            };
            let done = {
                let mut r = running.borrow_mut();
                let at = r.waiting.iter().position(|(k, _)| *k == id as u32);
                at.map(|i| r.waiting.remove(i).1)
            };
            if let Some(done) = done {
                done(Ok(data));
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        ev.prevent_default();
        fail_all(&format!("the background reader stopped ({})", ev.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Rc::new(RefCell::new(Running {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: Vec::new(),
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })))
}

fn field(data: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(k)).unwrap_or(JsValue::NULL)
}

/// Reduces a saved page (its bytes: HTML in any common encoding, or MHTML) to its article in
/// the worker; `done` gets the page or why it could not be read.
pub fn extract(
    bytes: &[u8],
    url: Option<&str>,
    done: impl FnOnce(Result<Extracted, String>) + 'static,
) {
    let done: Box<dyn FnOnce(Result<Extracted, String>)> = Box::new(done);
    let msg = js_sys::Object::new();
    set(&msg, "job", &JsValue::from_str("extract"));
    set(&msg, "bytes", &js_sys::Uint8Array::from(bytes).into());
    set(&msg, "url", &url.map_or(JsValue::NULL, JsValue::from_str));
    ask(
        msg,
        "the page took too long to read",
        Box::new(move |reply| {
            done(reply.map(|data| {
                let text = |k: &str| field(&data, k).as_string();
                Extracted {
                    page: Page {
                        text: text("text").unwrap_or_default(),
                        meta: Meta {
                            url: text("url"),
                            headline: text("headline"),
                            site: text("site"),
                            author: text("author"),
                            published: text("published"),
                            language: text("language"),
                        },
                    },
                    ms: field(&data, "ms").as_f64().unwrap_or_default(),
                }
            }))
        }),
    );
}

/// The assistant's reading of an article (`outlet`: the article's own outlet, if known), made
/// in the worker; `done` gets the readings or why there are none.
pub fn analyse(
    text: &str,
    outlet: Option<&str>,
    done: impl FnOnce(Result<Vec<Reading>, String>) + 'static,
) {
    let done: Box<dyn FnOnce(Result<Vec<Reading>, String>)> = Box::new(done);
    let msg = js_sys::Object::new();
    set(&msg, "job", &JsValue::from_str("analyse"));
    set(&msg, "text", &JsValue::from_str(text));
    set(
        &msg,
        "outlet",
        &outlet.map_or(JsValue::NULL, JsValue::from_str),
    );
    ask(
        msg,
        "the assistant took too long to read the article",
        Box::new(move |reply| {
            done(reply.and_then(|data| {
                let numbers = field(&data, "numbers")
                    .dyn_into::<js_sys::Uint32Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default();
                let sources: Vec<String> = field(&data, "sources")
                    .dyn_into::<js_sys::Array>()
                    .map(|a| a.iter().filter_map(|s| s.as_string()).collect())
                    .unwrap_or_default();
                wire::unpack(&numbers, &sources)
                    .ok_or_else(|| "the assistant answered something it should not".to_owned())
            }))
        }),
    );
}

/// A file of the library (`stored`: its storage JSON) in `format`, as `request` asks; `done`
/// gets the file's text or why there is none.
pub fn export(
    stored: String,
    format: Format,
    request: &Request,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let done: Box<dyn FnOnce(Result<String, String>)> = Box::new(done);
    let msg = js_sys::Object::new();
    let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    set(&msg, "job", &JsValue::from_str("export"));
    set(&msg, "format", &JsValue::from_str(format.as_str()));
    set(&msg, "doc", &text(&request.doc));
    set(&msg, "claim", &text(&request.claim));
    set(
        &msg,
        "organisation",
        &JsValue::from_str(&request.organisation),
    );
    set(&msg, "scale", &JsValue::from_str(&request.scale));
    set(&msg, "library", &JsValue::from_str(&stored));
    set(&msg, "now", &JsValue::from(request.now as f64));
    ask(
        msg,
        "the file took too long to make",
        Box::new(move |reply| done(reply.and_then(|data| answer(&data, "file")))),
    );
}

/// What a file brings: the contents to merge (stored JSON) and a note, or why there are none.
pub type Imported = Result<(String, Option<String>), String>;

/// What a file brings to the library (`stored`: its storage JSON): the contents to merge
/// (stored JSON) and a note for the user, or why the file cannot be loaded.
pub fn import(stored: String, file: &str, now: i64, done: impl FnOnce(Imported) + 'static) {
    let done: Box<dyn FnOnce(Imported)> = Box::new(done);
    let msg = js_sys::Object::new();
    set(&msg, "job", &JsValue::from_str("import"));
    set(&msg, "file", &JsValue::from_str(file));
    set(&msg, "library", &JsValue::from_str(&stored));
    set(&msg, "now", &JsValue::from(now as f64));
    ask(
        msg,
        "the file took too long to read",
        Box::new(move |reply| {
            done(reply.and_then(|data| {
                let contents = answer(&data, "contents")?;
                Ok((contents, field(&data, "note").as_string()))
            }))
        }),
    );
}

/// A reply's `key`, or the error it carries instead.
fn answer(data: &JsValue, key: &str) -> Result<String, String> {
    if let Some(e) = field(data, "error").as_string() {
        return Err(e);
    }
    field(data, key)
        .as_string()
        .ok_or_else(|| "the background reader answered something it should not".to_owned())
}

fn set(msg: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(msg, &JsValue::from_str(k), v);
}

/// Sends one job to the worker (starting it if need be); `done` gets the reply, or why there
/// is none (the worker could not start, stopped, or took longer than [`PATIENCE_MS`]).
fn ask(
    msg: js_sys::Object,
    too_long: &'static str,
    done: Box<dyn FnOnce(Result<JsValue, String>)>,
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
    let id = {
        let mut r = running.borrow_mut();
        r.next += 1;
        r.next
    };
    set(&msg, "id", &JsValue::from(id));
    {
        let mut r = running.borrow_mut();
        r.waiting.push((id, done));
        if r.ready {
            let _ = r.worker.post_message(&msg);
        } else {
            r.queue.push(msg);
        }
    }
    super::later(
        PATIENCE_MS,
        Box::new(move || {
            let still_waiting = RUNNING.with(|r| {
                r.borrow()
                    .as_ref()
                    .is_some_and(|run| run.borrow().waiting.iter().any(|(k, _)| *k == id))
            });
            if still_waiting {
                fail_all(too_long);
            }
        }),
    );
}

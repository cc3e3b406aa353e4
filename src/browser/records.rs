//! IndexedDB, the browser's side of the domain's `RecordStore`: one database `claimmark`, one
//! object store `records` of string values keyed by the domain's record keys. And the channel
//! on which tabs tell each other the records they wrote. Spoken to through plain JavaScript properties (as
//! `offline` does): no IndexedDB bindings added to the first load.

use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::js::{call, describe, get, set};
use crate::domain::records::{text_key, Write, LISTING, TEXT_PREFIX};
use crate::domain::storage::StoreError;

const DATABASE: &str = "claimmark";
const STORE: &str = "records";
const CHANNEL: &str = "claimmark.records";

fn failure(e: &JsValue) -> StoreError {
    if get(e, "name").as_string().as_deref() == Some("QuotaExceededError") {
        StoreError::Full
    } else {
        StoreError::Failed(describe(e))
    }
}

/// Settles when `target`'s `ok` handler runs (with `target[result]`) or its `bad` one (with
/// `target.error`). Each handler runs once: a transaction that fails fires `abort` (after any
/// `error`), so `onabort` alone is its failure.
fn settled(
    target: &JsValue,
    ok: &str,
    result: &'static str,
    bad: &str,
) -> impl Future<Output = Result<JsValue, StoreError>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let t = target.clone();
        let done = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &get(&t, result));
        });
        set(target, ok, &done);
        let t = target.clone();
        let failed = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &get(&t, "error"));
        });
        set(target, bad, &failed);
    });
    async move { JsFuture::from(promise).await.map_err(|e| failure(&e)) }
}

fn request(req: &JsValue) -> impl Future<Output = Result<JsValue, StoreError>> {
    settled(req, "onsuccess", "result", "onerror")
}

/// The database, opened.
pub struct Records {
    db: JsValue,
}

/// Opens the database, creating its store the first time.
pub async fn open() -> Result<Records, StoreError> {
    open_database(DATABASE).await
}

/// Opens another database of the same shape (one store of string values): the team sync
/// page keeps what it knows of the server in one of its own, `claimmark-sync`, so that the
/// library's database stays as the app made it.
pub async fn open_database(name: &str) -> Result<Records, StoreError> {
    let unavailable = |why: String| StoreError::Unavailable(why);
    let window = web_sys::window().ok_or_else(|| unavailable("no window".into()))?;
    let factory = get(&window, "indexedDB");
    if factory.is_undefined() || factory.is_null() {
        return Err(unavailable("this browser has no IndexedDB".into()));
    }
    let req = call(&factory, "open", &[name.into(), 1.into()]).map_err(unavailable)?;
    let r = req.clone();
    let upgrade = Closure::once_into_js(move || {
        let _ = call(&get(&r, "result"), "createObjectStore", &[STORE.into()]);
    });
    set(&req, "onupgradeneeded", &upgrade);
    let db = request(&req).await.map_err(|e| match e {
        StoreError::Failed(why) => StoreError::Unavailable(why),
        e => e,
    })?;
    Ok(Records { db })
}

impl Records {
    /// A transaction on the store, and the store in it.
    fn store(&self, mode: &str) -> Result<(JsValue, JsValue), StoreError> {
        let tx = call(&self.db, "transaction", &[STORE.into(), mode.into()])
            .map_err(StoreError::Failed)?;
        let store = call(&tx, "objectStore", &[STORE.into()]).map_err(StoreError::Failed)?;
        Ok((tx, store))
    }

    /// The records in `range` (an `IDBKeyRange`), in one pass.
    async fn read_range(&self, range: JsValue) -> Result<Vec<(String, String)>, StoreError> {
        let (_, store) = self.store("readonly")?;
        let keys = call(&store, "getAllKeys", std::slice::from_ref(&range));
        let values = call(&store, "getAll", &[range]);
        let (keys, values) = (
            keys.map_err(StoreError::Failed)?,
            values.map_err(StoreError::Failed)?,
        );
        let (keys, values) = (request(&keys).await?, request(&values).await?);
        Ok(pairs(keys.into(), values.into()))
    }

    /// What start-up reads: every record but the articles' texts (their keys sort last).
    pub async fn read_all(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.read_range(key_range("upperBound", &[TEXT_PREFIX.into(), true.into()])?)
            .await
    }

    /// What start-up reads first: the articles' details and the schema version (the domain's
    /// `LISTING`; no claim, no text).
    pub async fn read_listing(&self) -> Result<Vec<(String, String)>, StoreError> {
        let (from, to) = LISTING;
        let args = [from.into(), to.into(), false.into(), true.into()];
        self.read_range(key_range("bound", &args)?).await
    }

    /// Every article's text, as records.
    pub async fn read_texts(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.read_range(key_range("lowerBound", &[TEXT_PREFIX.into()])?)
            .await
    }

    /// One article's text, as a record (none if it is not stored).
    pub async fn read_text(&self, doc: &str) -> Result<Vec<(String, String)>, StoreError> {
        let key = text_key(doc);
        self.read_range(key_range("only", &[key.as_str().into()])?)
            .await
    }

    /// The records with these keys that are stored, in one pass.
    pub async fn read_keys(&self, keys: &[String]) -> Result<Vec<(String, String)>, StoreError> {
        let (_, store) = self.store("readonly")?;
        let asked: Vec<JsValue> = (keys.iter())
            .map(|k| call(&store, "get", &[k.as_str().into()]))
            .collect::<Result<_, _>>()
            .map_err(StoreError::Failed)?;
        let mut found = Vec::new();
        for (key, req) in keys.iter().zip(&asked) {
            if let Some(value) = request(req).await?.as_string() {
                found.push((key.clone(), value));
            }
        }
        Ok(found)
    }

    /// The records whose keys begin with `prefix`, in one pass.
    pub async fn read_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        let end = format!("{prefix}\u{ffff}");
        let args = [prefix.into(), end.as_str().into()];
        self.read_range(key_range("bound", &args)?).await
    }

    pub async fn write(&self, writes: &[Write]) -> Result<(), StoreError> {
        if super::crash::crashed() {
            // What is in memory may be a change half made: storage keeps the last good state.
            return Err(StoreError::Failed(
                "claimmark stopped after an error".into(),
            ));
        }
        let (tx, store) = self.store("readwrite")?;
        for w in writes {
            let done = match w {
                Write::Put(k, v) => call(&store, "put", &[v.as_str().into(), k.as_str().into()]),
                Write::Delete(k) => call(&store, "delete", &[k.as_str().into()]),
            };
            if let Err(why) = done {
                let _ = call(&tx, "abort", &[]);
                return Err(StoreError::Failed(why));
            }
        }
        settled(&tx, "oncomplete", "db", "onabort")
            .await
            .map(|_| ())
    }
}

/// `IDBKeyRange[how](...args)`.
fn key_range(how: &str, args: &[JsValue]) -> Result<JsValue, StoreError> {
    call(&get(&js_sys::global(), "IDBKeyRange"), how, args).map_err(StoreError::Failed)
}

/// Keys and values of two parallel arrays, where both are strings.
fn pairs(keys: js_sys::Array, values: js_sys::Array) -> Vec<(String, String)> {
    (keys.iter().zip(values.iter()))
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect()
}

/// The channel between this origin's tabs: a tab tells the others the records it wrote.
pub struct Channel(JsValue);

impl Channel {
    /// Listens for other tabs' news; `None` where the browser has no BroadcastChannel.
    pub fn open(heard: impl Fn(Vec<(String, String)>) + 'static) -> Option<Channel> {
        let class = get(&js_sys::global(), "BroadcastChannel")
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let args: js_sys::Array = [JsValue::from_str(CHANNEL)].iter().collect();
        let channel = js_sys::Reflect::construct(&class, &args).ok()?;
        let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let data = get(&event, "data");
            let list = |i| {
                get(&data, i)
                    .dyn_into::<js_sys::Array>()
                    .unwrap_or_default()
            };
            heard(pairs(list("0"), list("1")));
        });
        set(&channel, "onmessage", listener.as_ref());
        // The channel lives as long as the page.
        listener.forget();
        Some(Channel(channel))
    }

    /// Stops listening (and telling).
    pub fn close(&self) {
        let _ = call(&self.0, "close", &[]);
    }

    /// Tells the other tabs the records written (a deletion goes with its deletion record), as
    /// `[keys, values]`.
    pub fn tell(&self, writes: &[Write]) {
        let (keys, values) = (js_sys::Array::new(), js_sys::Array::new());
        for w in writes {
            if let Write::Put(k, v) = w {
                keys.push(&JsValue::from_str(k));
                values.push(&JsValue::from_str(v));
            }
        }
        let message: js_sys::Array = [keys, values].iter().collect();
        let _ = call(&self.0, "postMessage", &[message.into()]);
    }
}

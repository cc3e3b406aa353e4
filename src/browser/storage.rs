//! `localStorage` behind the domain's [`KeyValueStore`].

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::storage::{KeyValueStore, StoreError};

pub struct LocalStore(web_sys::Storage);

use super::js::describe;

fn is_quota(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        d.name() == "QuotaExceededError" || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

/// The window's `localStorage`, if the browser lets this page use it.
pub fn local_store() -> Result<LocalStore, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(LocalStore(s)),
        Ok(None) => Err(StoreError::Unavailable(
            "this browser has no localStorage".into(),
        )),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if super::crash::crashed() {
            // What is in memory may be a change half made: storage keeps the last good state.
            return Err(StoreError::Failed(
                "claimmark stopped after an error".into(),
            ));
        }
        self.0.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StoreError::Full
            } else {
                StoreError::Failed(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0
            .remove_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }
}

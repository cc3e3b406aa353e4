//! Articles' texts, read from browser storage only when needed: start-up reads none (at 3,000
//! articles they are two thirds of the library), opening an article reads its own, and what
//! hands the whole library on (a download, loading a file) first reads them all.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::state::AppState;
use crate::browser::records::Records;
use crate::domain::library::Library;
use crate::domain::records::fill_texts;
use crate::domain::storage::StoreError;

thread_local! {
    /// The store the texts are read from (none where the browser has no IndexedDB: then every
    /// text is in memory).
    static STORE: RefCell<Option<Rc<Records>>> = const { RefCell::new(None) };
}

fn store() -> Option<Rc<Records>> {
    STORE.with(|s| s.borrow().clone())
}

/// Reads the open article's text whenever it is a stored article read without it: when it is
/// opened, and when another tab's newer text replaces it.
pub fn read_open(
    library: RwSignal<Library>,
    open: RwSignal<Option<String>>,
    records: Option<Rc<Records>>,
    failed: impl Fn(String) + 'static,
) {
    STORE.with(|s| *s.borrow_mut() = records);
    // The article, and the hash of the text it waits for.
    let unread = Memo::new(move |_| {
        let id = open.get()?;
        library.with(|l| {
            (l.document(&id))
                .filter(|d| d.unread())
                .map(|d| (id, d.text_hash.clone()))
        })
    });
    let failed = Rc::new(failed);
    Effect::new(move |_| {
        let (Some((id, _)), Some(records)) = (unread.get(), store()) else {
            return;
        };
        let failed = Rc::clone(&failed);
        wasm_bindgen_futures::spawn_local(async move {
            match records.read_text(&id).await {
                Ok(found) if !found.is_empty() => library.update(|l| {
                    fill_texts(l, found);
                }),
                Ok(_) => failed(missing(&library, &id)),
                Err(e) => failed(format!("This article's text could not be read: {e}.")),
            }
        });
    });
}

pub(super) fn missing(library: &RwSignal<Library>, id: &str) -> String {
    let title = library.with_untracked(|l| l.document(id).map(|d| d.title.clone()));
    format!(
        "The text of “{}” is missing from browser storage: its claims are kept; paste or open \
         the article again under “Replace this article's text”.",
        title.unwrap_or_default()
    )
}

/// Runs `then` once every article's text is read. If a text is missing from storage: with
/// `partly`, runs it all the same (a download leaves that article out and says so); without,
/// says so and runs nothing.
pub fn with_all(app: AppState, partly: bool, then: Box<dyn FnOnce()>) {
    let unread = app.library.with_untracked(|l| l.unread().is_some());
    let Some(records) = store().filter(|_| unread) else {
        return then();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let read: Result<_, StoreError> = records.read_texts().await;
        match read {
            Ok(found) => {
                app.library.update(|l| {
                    fill_texts(l, found);
                });
                match app.library.with_untracked(|l| l.unread().map(str::to_owned)) {
                    Some(id) if !partly => {
                        app.error(missing(&app.library, &id) + " Nothing was changed.")
                    }
                    _ => then(),
                }
            }
            Err(e) => app.error(format!(
                "The articles' texts could not be read from browser storage ({e}). Nothing was changed."
            )),
        }
    });
}

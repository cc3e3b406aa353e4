//! Start-up: what is read from the browser's storage before anything is shown (the library
//! list's articles, the open article's text), the app's state built from it, and the
//! claims read and taken in once the list is shown.

use std::rc::Rc;

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::browser::records::Records;
use crate::browser::worker;
use crate::browser::{self, storage::local_store};
use crate::domain::document::{seed_stubs, Document, SEED_DETAILS};
use crate::domain::records::{fill_texts, listing, open, Listing};
use crate::domain::storage::{
    KeyValueStore, LoadProblem, NoStore, Prefs, StoreError, View, PERSON_KEY,
};
use crate::domain::sync::{TeamSettings, SETTINGS_KEY};

/// What start-up read, before anything is shown.
pub struct Boot {
    /// The stored articles' details: the claims are read next.
    listing: Listing,
    /// The sample articles, without their texts (fetched after start).
    seeds: Vec<Document>,
    /// The library's store; `None` where the browser has none (the library then lives in
    /// this tab only, and the user is told).
    records: Option<Rc<Records>>,
    /// `localStorage`: the view and settings, and where the old store kept the library.
    old: Rc<dyn KeyValueStore>,
    /// The view kept from the last visit (read first: its article's text is read at start).
    view: View,
    unavailable: Option<String>,
}

/// Opens the browser's storage and reads what the library list shows (the articles' details;
/// no claim, no text) and the text of the article to open. The claims are read once the list
/// is shown ([`read_claims`]).
pub async fn boot() -> Boot {
    // Without localStorage only the view and settings are not kept (and there is no old
    // library to move over); the library's own store decides whether work is kept.
    let old: Rc<dyn KeyValueStore> = match local_store() {
        Ok(s) => Rc::new(s),
        Err(_) => Rc::new(NoStore),
    };
    let mut unavailable = None;
    type Found = (Records, Vec<(String, String)>, Vec<(String, String)>);
    async fn read(open: Option<String>) -> Result<Found, StoreError> {
        let r = browser::records::open().await?;
        let found = r.read_listing().await?;
        let text = match open {
            Some(id) => r.read_text(&id).await?,
            None => Vec::new(),
        };
        Ok((r, found, text))
    }
    let view = Prefs::new(old.clone(), false).load_view();
    let (records, found, text) = match read(view.open.clone()).await {
        Ok((r, found, text)) => (Some(Rc::new(r)), found, text),
        Err(e) => {
            unavailable = Some(e.to_string());
            (None, Vec::new(), Vec::new())
        }
    };
    let seeds = seed_stubs();
    let mut listing = listing(seeds.clone(), found);
    fill_texts(&mut listing.library, text);
    Boot {
        listing,
        seeds,
        records,
        old,
        view,
        unavailable,
    }
}

/// Reads every stored record but the texts (moving over a library of the old single-value
/// store, and setting aside what cannot be read) and takes the claims into the library shown:
/// a change made meanwhile is kept, and written then. `unavailable`: why the browser's store
/// could not be opened (the library then lives in this tab only).
fn read_claims(
    state: AppState,
    (records, mut unavailable): (Option<Rc<Records>>, Option<String>),
    seeds: Vec<Document>,
    old: Rc<dyn KeyValueStore>,
    saving: super::saving::Saving,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let found = match &records {
            Some(r) => r.read_all().await.map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        };
        // What cannot be read whole is not taken in: the list stays as it was read, and
        // nothing is written.
        let mut opened = found
            .map_err(|e| unavailable = Some(e))
            .ok()
            .map(|found| open(seeds, found, &old, browser::now_ms()));
        let problem = match unavailable {
            Some(reason) => Some(LoadProblem::Unavailable { reason }),
            None => opened.as_mut().and_then(|o| o.problem.take()),
        };
        if let Some(p) = &problem {
            state.storage_problem.set(Some(p.message()));
        }
        let Some(opened) = opened else {
            return;
        };
        let old = opened.remove_old.then_some(old);
        saving.claims_read(opened.writes, old, problem.is_some());
        state.library.update(|l| l.claims_read(opened.library));
    });
}

/// Builds the app's state from what start-up read, and sets up the persisting effect and the
/// channel on which other tabs' writes arrive.
pub fn start(boot: Boot) -> AppState {
    let Boot {
        listing,
        seeds,
        records,
        old,
        view,
        unavailable,
    } = boot;
    // The view and settings are kept unless the library is of a newer claimmark.
    let writable = listing.writable && records.is_some();
    let prefs = Rc::new(Prefs::new(old.clone(), writable));
    let mut library = listing.library;
    if let Ok(Some(name)) = old.get(PERSON_KEY) {
        library.set_person(&name);
    }
    if let Ok(Some(team)) = old.get(SETTINGS_KEY) {
        if TeamSettings::keeps_connection(&team) {
            crate::browser::sync_in_background();
        }
    }
    let settings = RwSignal::new(prefs.load_settings());
    let open = view
        .open
        .filter(|id| library.document(id).is_some())
        .or_else(|| library.documents().first().map(|d| d.id.clone()));
    let library = RwSignal::new(library);
    let open = RwSignal::new(open);
    let suggest = RwSignal::new(view.suggest);
    let notice = RwSignal::new(None);
    let reading = RwSignal::new(false);
    let shown = RwSignal::new(view.shown);
    // The open article's page: its text, worked out once per text and shared by every panel.
    let page = super::open::page(library, open);
    let failed = move |e| notice.set(Some(Notice::Error(e)));
    super::texts::read_open(library, open, records.clone(), failed);
    // The assistant reads an article again only when its text changes (the page's document and
    // revision); which suggestions remain (not marked, not dismissed) is worked out on every
    // change. A sample article's text arrives after it is first opened: until then there is
    // nothing to read.
    let open_revision = Memo::new(move |_| {
        page.with(|p| {
            p.as_ref()
                .filter(|p| !p.text.is_empty())
                .map(|p| (p.doc.clone(), p.revised()))
        })
    });
    // The sample articles' texts: the open one first (part of the first load), then the others
    // (after start, as the service worker's copies are).
    let mut order: Vec<String> = SEED_DETAILS
        .iter()
        .map(|(id, _, _)| (*id).to_owned())
        .collect();
    if let Some(i) = open
        .get_untracked()
        .and_then(|o| order.iter().position(|id| *id == o))
    {
        let first = order.remove(i);
        order.insert(0, first);
    }
    wasm_bindgen_futures::spawn_local(async move {
        for id in order {
            match browser::offline::fetch_text(&format!("seeds/{id}.txt")).await {
                Ok(raw) => library.update(|l| {
                    l.fill_seed(&id, &raw);
                }),
                Err(e) => {
                    notice.set(Some(Notice::Error(format!(
                        "A sample article could not be loaded ({e}): reload when online."
                    ))));
                    return;
                }
            }
        }
    });
    // The assistant reads in the worker (loaded the first time it is switched on); the
    // readings are kept with the (document, revision) they are of.
    let readings: RwSignal<super::open::Readings> = RwSignal::new((None, Vec::new()));
    Effect::new(move |_| {
        if !suggest.get() {
            return;
        }
        let Some(key) = open_revision.get() else {
            return;
        };
        if readings.with_untracked(|(of, _)| of.as_ref() == Some(&key)) {
            return;
        }
        let Some((text, outlet)) = library
            .with_untracked(|l| l.document(&key.0).map(|d| (d.text.clone(), d.site.clone())))
        else {
            return;
        };
        reading.set(true);
        worker::analyse(&text, outlet.as_deref(), move |result| match result {
            // Only if the reader still shows what was read.
            Ok(r) if open_revision.get_untracked().as_ref() == Some(&key) => {
                readings.set((Some(key), r));
                reading.set(false);
            }
            Ok(_) => {}
            Err(e) => {
                reading.set(false);
                notice.set(Some(Notice::Error(format!(
                    "The assistant could not read this article: {e}."
                ))));
            }
        });
    });
    let claims = super::open::claims_of(library, page);
    let suggestions = super::open::suggestions(library, page, claims, readings, suggest, shown);
    let state = AppState {
        library,
        open,
        page,
        claims,
        suggest,
        shown,
        suggestions,
        chosen: RwSignal::new(None),
        reading,
        settings,
        report: RwSignal::new(false),
        update_ready: RwSignal::new(false),
        kept: RwSignal::new(None),
        backup: RwSignal::new(prefs.load_backup()),
        selected: RwSignal::new(None),
        pending: RwSignal::new(None),
        notice,
        storage_problem: RwSignal::new(None),
        flash: RwSignal::new(None),
    };
    let saving = super::saving::persist(state, records.clone(), writable);
    read_claims(state, (records, unavailable), seeds, old, saving);

    let p = Rc::clone(&prefs);
    Effect::new(move |_| {
        let _ = state.settings.with(|s| p.save_settings(s));
    });

    let p = Rc::clone(&prefs);
    Effect::new(move |_| {
        let _ = p.save_backup(&state.backup.get());
    });

    let p = Rc::clone(&prefs);
    Effect::new(move |_| {
        let view = View {
            open: state.open.get(),
            suggest: state.suggest.get(),
            shown: state.shown.get(),
        };
        let _ = p.save_view(&view);
    });

    state
}

//! The app's state: one signal of the domain's [`Library`], the UI's own signals, and what
//! start-up reads.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::records::Records;
use crate::browser::worker;
use crate::browser::{self, storage::local_store};
use crate::domain::annotation::{Annotation, Verdict};
use crate::domain::assistant::suggest::{next_by_worth, Shown, Suggestion};
use crate::domain::document::{seed_stubs, SEED_DETAILS};
use crate::domain::layout::{Claim, Page};
use crate::domain::library::Library;
use crate::domain::records::{fill_texts, open, Opened};
use crate::domain::storage::{
    Backup, KeyValueStore, LoadProblem, NoStore, Prefs, Settings, StoreError, View, PERSON_KEY,
};
use crate::domain::sync::{TeamSettings, SETTINGS_KEY};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
    /// Something done that can be taken back: the message, and what its Undo does.
    Undoable(String, Undo),
    /// A page whose address is in the library already, with another text: replace that
    /// article's text, or add this one as a new article?
    SamePage {
        message: String,
        page: Box<crate::domain::document::Document>,
        existing: String,
    },
}

/// What an Undo takes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// A deleted claim, as it was.
    Delete(Annotation),
    /// A dismissed suggestion.
    Dismiss { doc: String, exact: String },
}

/// Everything the components share, as `Copy` signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub library: RwSignal<Library>,
    /// The open document's id.
    pub open: RwSignal<Option<String>>,
    /// The open article's text, indexed and cut into paragraphs.
    pub page: Memo<Option<Arc<Page>>>,
    /// The open article's claims, placed in its text, in text order.
    pub claims: Memo<Vec<Claim>>,
    /// The claim being edited.
    pub selected: RwSignal<Option<String>>,
    /// The text selected in the article right now, as code-point offsets.
    pub pending: RwSignal<Option<(usize, usize)>>,
    /// The latest message for the user.
    pub notice: RwSignal<Option<Notice>>,
    /// A lasting problem with storage, shown until it is solved.
    pub storage_problem: RwSignal<Option<String>>,
    /// The claim whose highlight flashes now.
    pub flash: RwSignal<Option<String>>,
    /// Whether the assistant's suggestions are shown in the reader.
    pub suggest: RwSignal<bool>,
    /// How many suggestions the reader shows (the most check-worthy first).
    pub shown: RwSignal<Shown>,
    /// The open article's suggestions shown, in text order (empty while the switch is off).
    pub suggestions: Memo<Vec<Suggestion>>,
    /// The suggestion under review, by its span.
    pub chosen: RwSignal<Option<(usize, usize)>>,
    /// The assistant is reading the open article (in the worker).
    pub reading: RwSignal<bool>,
    /// The fact-checker's organisation and rating scale.
    pub settings: RwSignal<Settings>,
    /// The open article's report is shown (in place of the reader).
    pub report: RwSignal<bool>,
    /// A new version of claimmark is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// What the browser does with the library, in words (asked at the first save: whether it
    /// keeps it under pressure, and how much is stored).
    pub kept: RwSignal<Option<String>>,
    /// Changes since the whole library was last downloaded, for the reminder to keep a backup.
    pub backup: RwSignal<Backup>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn info(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    pub fn error(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Tags the pending selection of the open article.
    pub fn tag_pending(&self, verdict: Verdict) {
        let (Some(span), Some(doc)) = (self.pending.get_untracked(), self.open.get_untracked())
        else {
            self.info("Select a claim in the article first, then tag it.");
            return;
        };
        let id = browser::new_id();
        let mut result = Ok(());
        let page = self.page.get_untracked();
        self.library.update(|l| {
            result = l
                .annotate_in(
                    page.as_deref(),
                    &doc,
                    span,
                    verdict,
                    id.clone(),
                    browser::now_ms(),
                )
                .map(|_| ());
            if browser::crash::injected("tag") {
                panic!("injected by a test, half-way through tagging a claim");
            }
        });
        match result {
            Ok(()) => {
                browser::offsets::clear_selection();
                self.pending.set(None);
                self.selected.set(Some(id));
                self.info(format!("Tagged as {}.", verdict.as_str()));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The suggestion at `span`, if it is still suggested.
    pub fn suggestion(&self, span: (usize, usize)) -> Option<Suggestion> {
        self.suggestions
            .with_untracked(|v| v.iter().find(|s| (s.start, s.end) == span).cloned())
    }

    /// Accepts suggestions (with their verdicts) as claims of the open article.
    pub fn accept(&self, accepted: &[(Suggestion, Verdict)]) {
        let Some(doc) = self.open.get_untracked() else {
            return;
        };
        let mut n = 0;
        let page = self.page.get_untracked();
        self.library.update(|l| {
            for (s, v) in accepted {
                let id = browser::new_id();
                if l.accept(
                    page.as_deref(),
                    &doc,
                    (s.start, s.end),
                    *v,
                    s.source.as_deref(),
                    id,
                    browser::now_ms(),
                )
                .is_ok()
                {
                    n += 1;
                }
            }
        });
        self.chosen.set(None);
        self.info(match accepted {
            [(s, v)] => format!(
                "Accepted as {}{}.",
                v.as_str(),
                s.source
                    .as_deref()
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default()
            ),
            _ => format!("Accepted {n} suggested claims."),
        });
    }

    /// Reviews the next suggestion in order of check-worthiness (the most check-worthy when
    /// none is under review), and scrolls to it.
    pub fn next_suggestion(&self) {
        let current = self.chosen.get_untracked();
        let next = self
            .suggestions
            .with_untracked(|v| next_by_worth(v, current));
        match next {
            Some(span) => {
                self.selected.set(None);
                self.chosen.set(Some(span));
                browser::offsets::scroll_to_offset(span.0);
            }
            None => self.info("No suggestions left in this article."),
        }
    }

    pub fn dismiss(&self, span: (usize, usize)) {
        let (Some(doc), Some(s)) = (self.open.get_untracked(), self.suggestion(span)) else {
            return;
        };
        self.library
            .update(|l| l.dismiss(&doc, &s.exact, browser::now_ms()));
        self.chosen.set(None);
        let undo = Undo::Dismiss {
            doc,
            exact: s.exact,
        };
        self.notice
            .set(Some(Notice::Undoable("Suggestion dismissed.".into(), undo)));
    }

    pub fn open_document(&self, id: String) {
        if self.open.get_untracked().as_deref() != Some(id.as_str()) {
            self.chosen.set(None);
            self.selected.set(None);
            self.pending.set(None);
            self.open.set(Some(id));
        }
    }
}

/// What start-up read, before anything is shown.
pub struct Boot {
    opened: Opened,
    /// The library's store; `None` where the browser has none (the library then lives in
    /// this tab only, and the user is told).
    records: Option<Rc<Records>>,
    /// `localStorage`: the view and settings, and where the old store kept the library.
    old: Rc<dyn KeyValueStore>,
    /// The view kept from the last visit (read first: its article's text is read at start).
    view: View,
    unavailable: Option<String>,
}

/// Opens the browser's storage and reads the library in one pass (moving over a library of
/// the old single-value store, and setting aside what cannot be read).
pub async fn boot() -> Boot {
    let now = browser::now_ms();
    // Without localStorage only the view and settings are not kept (and there is no old
    // library to move over); the library's own store decides whether work is kept.
    let old: Rc<dyn KeyValueStore> = match local_store() {
        Ok(s) => Rc::new(s),
        Err(_) => Rc::new(NoStore),
    };
    let mut unavailable = None;
    // Every record but the articles' texts, and the text of the article to open.
    type Found = (Records, Vec<(String, String)>, Vec<(String, String)>);
    async fn read(open: Option<String>) -> Result<Found, StoreError> {
        let r = browser::records::open().await?;
        let found = r.read_all().await?;
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
    let mut opened = open(seed_stubs(), found, &old, now);
    fill_texts(&mut opened.library, text);
    Boot {
        opened,
        records,
        old,
        view,
        unavailable,
    }
}

/// Builds the app's state from what start-up read, and sets up the persisting effect and the
/// channel on which other tabs' writes arrive.
pub fn start(boot: Boot) -> AppState {
    let Boot {
        opened,
        records,
        old,
        view,
        unavailable,
    } = boot;
    let problem = match unavailable {
        Some(reason) => Some(LoadProblem::Unavailable { reason }),
        None => opened.problem.clone(),
    };
    let writable = opened.writable && records.is_some();
    let prefs = Rc::new(Prefs::new(old.clone(), writable));
    let mut library = opened.library;
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
        storage_problem: RwSignal::new(problem.as_ref().map(LoadProblem::message)),
        flash: RwSignal::new(None),
    };
    super::saving::persist(
        state,
        records,
        writable,
        problem.is_some(),
        opened.writes,
        opened.remove_old.then(|| old.clone()),
    );

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

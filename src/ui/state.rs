//! The app's state: one signal of the domain's [`Library`], the UI's own signals, and the
//! actions that change them (start-up is `boot`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::domain::annotation::{Annotation, Verdict};
use crate::domain::assistant::suggest::{next_by_worth, Shown, Suggestion};
use crate::domain::layout::{Claim, Page};
use crate::domain::library::Library;
use crate::domain::storage::{Backup, Settings};

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
    /// Whether start-up is still reading the library's claims (it shows the list before: a
    /// library of years holds tens of thousands). Tracked.
    pub fn busy(&self) -> bool {
        self.library.with(Library::claims_unread)
    }

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

//! The open article, worked out once per change of the library and shared: the reader, the
//! claims list, the editor and the suggestions all read these memos, and each stops a change
//! that does not concern what depends on it (a note changes the claims list, not the page or
//! where the highlights sit).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::domain::assistant::classify::Reading;
use crate::domain::assistant::suggest::{most_check_worthy, suggestions_among, Shown, Suggestion};
use crate::domain::layout::{claims_since, Claim, Page};
use crate::domain::library::Library;

/// The open article's text, indexed and cut into paragraphs: worked out again only when another
/// article opens or its text changes.
pub fn page(library: RwSignal<Library>, open: RwSignal<Option<String>>) -> Memo<Option<Arc<Page>>> {
    Memo::new(move |prev: Option<&Option<Arc<Page>>>| {
        let id = open.get()?;
        library.with(|l| {
            let doc = l.document(&id)?;
            match prev {
                Some(Some(p)) if p.is_of(doc) => Some(Arc::clone(p)),
                _ => Some(Arc::new(Page::new(doc))),
            }
        })
    })
}

/// The open article's claims, placed in its text, in text order.
/// (What a change left alone is shared with the claims before it, not copied; after a keystroke
/// in a note they are not placed again: the page and the library's revision they were placed
/// at are kept with them.)
pub fn claims_of(library: RwSignal<Library>, page: Memo<Option<Arc<Page>>>) -> Memo<Vec<Claim>> {
    let placed_at = Arc::new(Mutex::new(None::<(Arc<Page>, u64)>));
    Memo::new(move |before: Option<&Vec<Claim>>| {
        let mut at = placed_at.lock().unwrap_or_else(|e| e.into_inner());
        let Some(p) = page.get() else {
            *at = None;
            return Vec::new();
        };
        library.with(|l| {
            let since = (at.as_ref())
                .filter(|(was, _)| Arc::ptr_eq(was, &p))
                .map(|&(_, r)| r);
            let now = claims_since(&p, l, before.map_or(&[], Vec::as_slice), since);
            *at = Some((p, l.revision()));
            now
        })
    })
}

/// The assistant's readings of an article's text, with the (document, revision) they are of.
pub type Readings = (Option<(String, i64)>, Vec<Reading>);

/// What the assistant suggests in the open article now: its readings of the text (`readings`,
/// with the document they are of) less what the user marked or dismissed, the most
/// check-worthy as many as `shown` asks; nothing while the switch is off.
pub fn suggestions(
    library: RwSignal<Library>,
    page: Memo<Option<Arc<Page>>>,
    claims: Memo<Vec<Claim>>,
    readings: RwSignal<Readings>,
    suggest: RwSignal<bool>,
    shown: RwSignal<Shown>,
) -> Memo<Vec<Suggestion>> {
    Memo::new(move |_| {
        if !suggest.get() {
            return Vec::new();
        }
        let Some(page) = page.get() else {
            return Vec::new();
        };
        readings.with(|(of, r)| {
            if r.is_empty() || of.as_ref().map(|(d, _)| d) != Some(&page.doc) {
                return Vec::new();
            }
            let marked: Vec<(usize, usize)> =
                claims.with(|c| c.iter().filter_map(|c| c.span).collect());
            let all = library.with(|l| suggestions_among(r, &page.text, &page.doc, &marked, l));
            most_check_worthy(all, shown.get())
        })
    })
}

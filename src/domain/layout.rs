//! What the reader shows: the open article's text cut into paragraphs ([`Page`], worked out once
//! per text), its claims where they sit now ([`claims`], once per change of the library), and
//! the paragraphs cut into segments with the claims and suggestions that cover them
//! ([`layout`], once per change of where a claim sits or what it says; [`relayout`] cuts again
//! only the paragraphs a change reached). Plain data for the view to map to elements, one
//! element per segment; paragraphs a change left alone are shared with the layout before, so
//! the view redraws only the paragraphs it changed.

use super::annotation::{Annotation, Status, Verdict};
use super::assistant::suggest::Suggestion;
use super::document::Document;
use super::library::{at_stored_place, Library, Since};
use super::order;
use super::segment::cut;
use super::text::{paragraphs, IndexedText};
use std::sync::Arc;

/// An article's text as the reader needs it: indexed by code point and cut into paragraphs.
#[derive(Debug)]
pub struct Page {
    pub doc: String,
    revised: i64,
    bytes: usize,
    pub text: IndexedText,
    pub paragraphs: Vec<(usize, usize)>,
}

impl Page {
    pub fn new(doc: &Document) -> Page {
        let text = IndexedText::new(doc.text.as_str());
        Page {
            doc: doc.id.clone(),
            revised: doc.revised,
            bytes: doc.text.len(),
            paragraphs: paragraphs(&text),
            text,
        }
    }

    /// The revision of the document's text this page is of (0: never replaced).
    pub fn revised(&self) -> i64 {
        self.revised
    }

    /// Whether this is still `doc`'s text. A text changes only as a new revision (or as a
    /// sample's text arriving, when its length changes from nothing), so no change of the
    /// library compares or copies the text itself.
    pub fn is_of(&self, doc: &Document) -> bool {
        self.doc == doc.id && self.revised == doc.revised && self.bytes == doc.text.len()
    }
}

/// Pages are the same when they are of the same text (see [`Page::is_of`]).
impl PartialEq for Page {
    fn eq(&self, other: &Self) -> bool {
        (&self.doc, self.revised, self.bytes) == (&other.doc, other.revised, other.bytes)
    }
}

/// A claim as the open article shows it, in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: Arc<str>,
    /// Where its quote sits in the text now; `None` for an orphan.
    pub span: Option<(usize, usize)>,
    pub verdict: Verdict,
    /// [`Status::Orphan`] whenever the quote cannot be placed, whatever is stored.
    pub status: Status,
    pub exact: Arc<str>,
    pub note: Arc<str>,
    /// Who marked it (the name set on the team sync page; empty when none was).
    pub creator: Arc<str>,
}

/// The claims of the article on `page`, each placed in its text now, in text order. None while
/// its text is not here yet (a sample's not fetched, a stored article's not read): every claim
/// would seem lost from it, and be drawn twice.
pub fn claims(page: &Page, library: &Library) -> Vec<Claim> {
    claims_after(page, library, &[])
}

/// [`claims`], sharing the words of `before` (the claims as they were before a change) that
/// the change left alone: at each change of an article of 5,000 claims, its 20,000 strings
/// would otherwise be copied and the old ones freed (5 ms a keystroke in Chromium).
pub fn claims_after(page: &Page, library: &Library, before: &[Claim]) -> Vec<Claim> {
    let Some(doc) = library.document(&page.doc).filter(|_| page.bytes > 0) else {
        return Vec::new();
    };
    let placed = library.placed(doc, &page.text);
    // A claim keeps its place in the list, or moves by one or two when claims are added or
    // deleted before it (one that moved further is made afresh).
    let near = |k: usize, id: &str| {
        (k.saturating_sub(2)..k + 3)
            .filter_map(|j| before.get(j))
            .find(|c| *c.id == *id)
    };
    placed
        .into_iter()
        .enumerate()
        .map(|(k, p)| claim(p.annotation, p.span, near(k, &p.annotation.id)))
        .collect()
}

/// A claim as the lists show it, placed at `span`, sharing the words of `old` (the same claim
/// before a change) that are unchanged.
fn claim(a: &Annotation, span: Option<(usize, usize)>, old: Option<&Claim>) -> Claim {
    let share = |was: Option<&Arc<str>>, now: &str| match was {
        Some(w) if **w == *now => Arc::clone(w),
        _ => Arc::from(now),
    };
    Claim {
        id: share(old.map(|c| &c.id), &a.id),
        span,
        verdict: a.verdict,
        status: match span {
            None => Status::Orphan,
            Some(_) => a.status,
        },
        exact: share(old.map(|c| &c.exact), &a.exact),
        note: share(old.map(|c| &c.note), &a.note),
        creator: share(old.map(|c| &c.creator), &a.creator),
    }
}

/// [`claims_after`], knowing the library's revision (`placed_at`) at which `before` were placed
/// in this same page: after one change of one claim (a keystroke in its note, a tag, a
/// deletion) the claims are `before` with that claim changed, added or taken out, and the
/// article's other claims are not placed again (at 5,000 claims that placing was the largest
/// share of the domain's work in a keystroke and in a tag).
pub fn claims_since(
    page: &Page,
    library: &Library,
    before: &[Claim],
    placed_at: Option<u64>,
) -> Vec<Claim> {
    placed_at
        .and_then(|r| one_change(page, library, before, library.since(r)))
        .unwrap_or_else(|| claims_after(page, library, before))
}

/// `before` with the one change `since` made, or `None` when the claims are to be placed again.
fn one_change(
    page: &Page,
    library: &Library,
    before: &[Claim],
    since: Since,
) -> Option<Vec<Claim>> {
    let (id, added) = match since {
        Since::Nothing => return Some(before.to_vec()),
        Since::Removed(id) => {
            let mut now = before.to_vec();
            now.retain(|c| *c.id != *id);
            return Some(now);
        }
        Since::Fields(id) => (id, false),
        Since::Added(id) => (id, true),
        Since::More => return None,
    };
    let a = library.annotation(&id)?;
    if a.doc != page.doc {
        // A claim of another article.
        return Some(before.to_vec());
    }
    let mut now = before.to_vec();
    if added {
        let span = (a.status != Status::Orphan)
            .then(|| at_stored_place(a, &page.text))
            .flatten()?;
        // Before the first claim that comes after it; one at the same place is ordered by when
        // it was made, which the claims do not carry: placed again then.
        let key = |(s, e): (usize, usize)| (s, std::cmp::Reverse(e));
        let k = before.partition_point(|c| c.span.is_some_and(|x| key(x) < key(span)));
        if before.get(k).and_then(|c| c.span) == Some(span) {
            return None;
        }
        now.insert(k, claim(a, Some(span), None));
    } else {
        let k = before.iter().position(|c| *c.id == *id)?;
        now[k] = claim(a, before[k].span, Some(&before[k]));
    }
    Some(now)
}

/// A claim covering a segment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cover {
    pub id: Arc<str>,
    pub verdict: Verdict,
    /// Re-anchored with changes: waiting for a person to confirm.
    pub moved: bool,
}

/// Where the placed claims sit and how they look: what the layout depends on (a note does not
/// change it).
pub fn covers(claims: &[Claim]) -> Vec<(usize, usize, Cover)> {
    claims
        .iter()
        .filter_map(|c| {
            let (s, e) = c.span?;
            Some((
                s,
                e,
                Cover {
                    id: Arc::clone(&c.id),
                    verdict: c.verdict,
                    moved: c.status == Status::Moved,
                },
            ))
        })
        .collect()
}

/// A suggestion as the reader marks it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hint {
    /// The whole suggestion (a piece may be part of it, where it runs over paragraphs).
    pub span: (usize, usize),
    pub verdict: Verdict,
    pub source: Option<String>,
}

impl Hint {
    pub fn of(s: &Suggestion) -> Hint {
        Hint {
            span: (s.start, s.end),
            verdict: s.verdict,
            source: s.source.clone(),
        }
    }
}

/// A segment of the text and what covers it. Its text is `page.text.slice(start, end)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Outermost first: the last is the innermost claim, the one a click means first.
    pub covers: Vec<Cover>,
    /// The suggestion covering this piece, if any. Suggestions never overlap the user's claims.
    pub suggestion: Option<Hint>,
}

impl Piece {
    /// The verdicts present, for styling: one of them, or both when claims disagree.
    pub fn verdicts(&self) -> (bool, bool) {
        let has = |v| self.covers.iter().any(|c| c.verdict == v);
        (has(Verdict::Sourced), has(Verdict::Unsourced))
    }
}

/// The pieces of each paragraph, each paragraph's shared: a layout made again after a change
/// shares the paragraphs the change left alone with the one before ([`relayout`]), so the
/// view finds what to redraw by comparing pointers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub paragraphs: Vec<Arc<[Piece]>>,
}

impl Layout {
    /// The piece of this layout of `page` that starts at `start`.
    pub fn piece_at(&self, page: &Page, start: usize) -> Option<&Piece> {
        let i = page.paragraphs.partition_point(|&(_, end)| end <= start);
        self.paragraphs.get(i)?.iter().find(|p| p.start == start)
    }
}

/// Where claims sit, as the layout takes them: in text order, as [`covers`] gives them.
pub type Covers = [(usize, usize, Cover)];

/// Cuts the paragraphs of `page` at the claims placed in it (`covers`) and the suggestions
/// (`hints`, a layer of their own), in one sweep: O((pieces + claims) log claims).
pub fn layout(page: &Page, covers: &Covers, hints: &[Hint]) -> Layout {
    let covers: Vec<&(usize, usize, Cover)> = covers.iter().collect();
    let hints: Vec<&Hint> = hints.iter().collect();
    Layout {
        paragraphs: pieces(&page.paragraphs, &covers, &hints),
    }
}

/// [`layout`] again after a change: `before` is the layout of the same page made with `was`
/// (its covers and hints). Only the paragraphs where a claim or suggestion differs are cut
/// again, with the claims and suggestions that reach them; the others are `before`'s, shared.
/// At 5,000 claims a tag cuts one paragraph, not 2,000.
pub fn relayout(
    page: &Page,
    before: &Layout,
    was: (&Covers, &[Hint]),
    covers: &Covers,
    hints: &[Hint],
) -> Layout {
    if before.paragraphs.len() != page.paragraphs.len() {
        return layout(page, covers, hints);
    }
    let mut spans = Vec::new();
    changed(was.0, covers, |c| (c.0, c.1), &mut spans);
    changed(was.1, hints, |h| h.span, &mut spans);
    // The paragraphs the changed spans reach, in text order.
    let mut dirty: Vec<usize> = Vec::new();
    for (s, e) in spans {
        let first = page.paragraphs.partition_point(|&(_, end)| end <= s);
        let reached = page.paragraphs[first..]
            .iter()
            .take_while(|&&(start, _)| start < e);
        dirty.extend((first..).zip(reached).map(|(i, _)| i));
    }
    order::sort(&mut dirty);
    dirty.dedup();
    let (Some(&lo), Some(&hi)) = (dirty.first(), dirty.last()) else {
        return before.clone();
    };
    let (from, to) = (page.paragraphs[lo].0, page.paragraphs[hi].1);
    let covers: Vec<&(usize, usize, Cover)> =
        (covers.iter()).filter(|c| c.0 < to && c.1 > from).collect();
    let hints: Vec<&Hint> = (hints.iter())
        .filter(|h| h.span.0 < to && h.span.1 > from)
        .collect();
    let ranges: Vec<(usize, usize)> = dirty.iter().map(|&i| page.paragraphs[i]).collect();
    let mut paragraphs = before.paragraphs.clone();
    for (i, cut) in dirty.into_iter().zip(pieces(&ranges, &covers, &hints)) {
        // (Cut again as it was, it stays shared: the view redraws nothing for it.)
        if *paragraphs[i] != *cut {
            paragraphs[i] = cut;
        }
    }
    Layout { paragraphs }
}

/// Adds to `out` the span of each item of `old` or `new` that the other does not hold at the
/// same place (both in text order): a superset of where the two differ.
fn changed<T: PartialEq>(
    old: &[T],
    new: &[T],
    span: impl Fn(&T) -> (usize, usize),
    out: &mut Vec<(usize, usize)>,
) {
    let key = |t: &T| {
        let (s, e) = span(t);
        (s, std::cmp::Reverse(e))
    };
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a == b => (i, j) = (i + 1, j + 1),
            (Some(a), Some(b)) if key(a) == key(b) => {
                out.push(span(a));
                (i, j) = (i + 1, j + 1);
            }
            (Some(a), Some(b)) if key(a) < key(b) => {
                out.push(span(a));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(span(b));
                j += 1;
            }
            (Some(a), None) => {
                out.push(span(a));
                i += 1;
            }
            (None, None) => break,
        }
    }
}

/// The pieces of each of `ranges` (paragraphs, in text order) with the claims and suggestions
/// given (in text order) covering them.
fn pieces(
    ranges: &[(usize, usize)],
    covers: &[&(usize, usize, Cover)],
    hints: &[&Hint],
) -> Vec<Arc<[Piece]>> {
    let claims = covers.len();
    let spans: Vec<(usize, usize)> = (covers.iter().map(|(s, e, _)| (*s, *e)))
        .chain(hints.iter().map(|h| h.span))
        .collect();
    cut(ranges, &spans)
        .into_iter()
        .map(|segs| {
            segs.into_iter()
                .map(|seg| Piece {
                    start: seg.start,
                    end: seg.end,
                    covers: (seg.covering.iter())
                        .filter(|&&i| i < claims)
                        .map(|&i| covers[i].2.clone())
                        .collect(),
                    suggestion: (seg.covering.iter())
                        .find(|&&i| i >= claims)
                        .map(|&i| hints[i - claims].clone()),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;

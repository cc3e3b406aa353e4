//! The article text: the open article's paragraphs as elements, one a piece of its layout,
//! with the marks of its claims and suggestions. Which mark is selected, flashing or chosen is
//! set on the marks concerned, and one listener hears clicks on all of them.

use leptos::prelude::*;

use super::flag_follows;
use crate::browser::classes::{self, Flag};
use crate::browser::offsets;
use crate::domain::layout::{Layout, Page, Piece};
use leptos::tachys::renderer::dom::Dom;
use std::sync::Arc;

/// CSS classes of a highlighted segment: its verdict (or `mixed`), and how many claims cover it.
fn mark_class(piece: &Piece) -> String {
    let verdict = match piece.verdicts() {
        (true, true) => "hl-mixed",
        (true, false) => "hl-sourced",
        _ => "hl-unsourced",
    };
    let moved = if piece.covers.iter().any(|c| c.moved) {
        " hl-moved"
    } else {
        ""
    };
    format!("hl {verdict} depth-{}{moved}", piece.covers.len().min(3))
}

fn mark_title(piece: &Piece) -> String {
    let labels: Vec<&str> = piece
        .covers
        .iter()
        .rev()
        .map(|c| c.verdict.label())
        .collect();
    let moved = if piece.covers.iter().any(|c| c.moved) {
        " (moved: please confirm)"
    } else {
        ""
    };
    format!("{} claim{moved} — click to edit", labels.join(" + "))
}

/// A selector of the marks that hold claim `id` (among others or alone).
pub fn marks_of(id: &str) -> String {
    format!("mark[data-ids~={}]", classes::css_string(id))
}

/// One segment: plain text, or a `<mark>` for the claims or the suggestion covering it, as a
/// plain element. Text is always a text node, never HTML. Clicks are heard by the article as a
/// whole, and which mark is selected, flashing or chosen is set by [`ArticleText`] on the marks
/// concerned; a mark made later starts as they are (`now`).
fn piece_element(page: &Page, piece: &Piece, now: &Now) -> web_sys::Element {
    let at = |tag: &str, class: Option<String>| {
        let el = Dom::create_element(tag, None);
        if let Some(class) = class {
            Dom::set_attribute(&el, "class", &class);
        }
        Dom::set_attribute(&el, "data-start", &piece.start.to_string());
        let text = page.text.slice(piece.start, piece.end);
        Dom::insert_node(&el, &Dom::create_text_node(text), None);
        el
    };
    if let (true, Some(hint)) = (piece.covers.is_empty(), piece.suggestion.as_ref()) {
        let title = format!(
            "Suggested claim: {}{} — click to review",
            hint.verdict.label(),
            hint.source
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default()
        );
        let chosen = if now.chosen == Some(hint.span) {
            " chosen"
        } else {
            ""
        };
        let el = at(
            "mark",
            Some(format!("sg sg-{}{chosen}", hint.verdict.as_str())),
        );
        let span = format!("{} {}", hint.span.0, hint.span.1);
        Dom::set_attribute(&el, "data-suggested", &span);
        Dom::set_attribute(&el, "title", &title);
        return el;
    }
    let Some(innermost) = piece.covers.last().map(|c| &*c.id) else {
        return at("span", None);
    };
    // (Its innermost claim is the last of `data-ids`; its title is set when the pointer
    // first goes over it: two attributes fewer on each of thousands of marks.)
    let is = |id: &Option<String>| {
        id.as_ref()
            .is_some_and(|id| piece.covers.iter().any(|c| *c.id == **id))
    };
    let mut class = mark_class(piece);
    if now.selected.as_deref() == Some(innermost) {
        class.push_str(" selected");
    }
    if is(&now.flash) {
        class.push_str(" flash");
    }
    let ids = (piece.covers.iter().map(|c| &*c.id))
        .collect::<Vec<_>>()
        .join(" ");
    let el = at("mark", Some(class));
    Dom::set_attribute(&el, "data-ids", &ids);
    el
}

/// A paragraph's element: one element a piece.
fn paragraph(page: &Page, pieces: &[Piece], now: &Now) -> web_sys::Element {
    let p = Dom::create_element("p", None);
    for piece in pieces {
        Dom::insert_node(&p, &piece_element(page, piece, now), None);
    }
    p
}

/// Paragraphs a run: the article is drawn in runs of paragraphs, each laid out only when in
/// view (`content-visibility`). Chromium checks every such element's place in each frame: one
/// per paragraph of a 1,000,000-character article cost 2 ms a frame.
const RUN: usize = 16;

/// The claim being edited, the claim flashing, the suggestion under review, when a mark is made.
struct Now {
    selected: Option<String>,
    flash: Option<String>,
    chosen: Option<(usize, usize)>,
}

/// What the marks of the article text read and write: the claim being edited, the claim
/// flashing, the suggestion under review.
#[derive(Clone, Copy)]
pub struct MarkSignals {
    pub selected: RwSignal<Option<String>>,
    pub flash: RwSignal<Option<String>>,
    pub chosen: RwSignal<Option<(usize, usize)>>,
}

/// The article as drawn: its page, and each paragraph's pieces with its element.
struct Drawn {
    page: Arc<Page>,
    paragraphs: Vec<(Arc<[Piece]>, web_sys::Element)>,
}

/// Brings the article text `root`, drawn as `drawn`, to `layout` of `page`: the same page's
/// paragraphs whose pieces changed are made anew in their places (a layout made again after a
/// change shares the others, so a pointer comparison finds them); another page is drawn
/// afresh.
fn redraw(
    root: &web_sys::Element,
    drawn: Option<Drawn>,
    page: Option<Arc<Page>>,
    layout: &Layout,
    now: &Now,
) -> Option<Drawn> {
    let page = page?;
    match drawn {
        Some(mut drawn)
            if Arc::ptr_eq(&drawn.page, &page)
                && drawn.paragraphs.len() == layout.paragraphs.len() =>
        {
            for ((was, el), now_laid) in drawn.paragraphs.iter_mut().zip(&layout.paragraphs) {
                if !Arc::ptr_eq(was, now_laid) {
                    let fresh = paragraph(&page, now_laid, now);
                    if let Some(run) = el.parent_node() {
                        let _ = run.replace_child(&fresh, el);
                    }
                    (*was, *el) = (Arc::clone(now_laid), fresh);
                }
            }
            Some(drawn)
        }
        _ => {
            root.set_text_content(None);
            let mut paragraphs = Vec::with_capacity(layout.paragraphs.len());
            for chunk in layout.paragraphs.chunks(RUN) {
                let run = Dom::create_element("div", None);
                Dom::set_attribute(&run, "class", "run");
                for pieces in chunk {
                    let p = paragraph(&page, pieces, now);
                    Dom::insert_node(&run, &p, None);
                    paragraphs.push((Arc::clone(pieces), p));
                }
                Dom::insert_node(root, &run, None);
            }
            Some(Drawn { page, paragraphs })
        }
    }
}

/// The article text: one `<p>` a paragraph of `page`, one element a piece of `layout`, the
/// paragraphs in runs; a change redraws only the paragraphs whose pieces it changed. Its
/// elements carry the code-point offsets that selections map back to.
#[component]
pub fn ArticleText(
    page: Memo<Option<Arc<Page>>>,
    layout: Memo<Layout>,
    node_ref: NodeRef<leptos::html::Div>,
    marks: MarkSignals,
) -> impl IntoView {
    let MarkSignals {
        selected,
        flash,
        chosen,
    } = marks;
    // Which marks are selected, flashing or chosen: set on the marks concerned only.
    let root = move || node_ref.get_untracked().map(Into::into);
    flag_follows(
        root,
        Flag::Class("selected"),
        Box::new(move || {
            // The marks whose innermost claim it is: their `data-ids` end with it.
            let id = selected.get()?;
            Some(format!(
                "mark[data-ids={}]\nmark[data-ids$={}]",
                classes::css_string(&id),
                classes::css_string(&format!(" {id}"))
            ))
        }),
    );
    flag_follows(
        root,
        Flag::Class("flash"),
        Box::new(move || {
            let id = flash.get()?;
            Some(marks_of(&id))
        }),
    );
    flag_follows(
        root,
        Flag::Class("chosen"),
        Box::new(move || {
            let (s, e) = chosen.get()?;
            Some(format!("mark[data-suggested=\"{s} {e}\"]"))
        }),
    );
    // The paragraphs, drawn by hand (see [`redraw`]).
    Effect::new(move |drawn: Option<Option<Drawn>>| {
        let root: web_sys::Element = node_ref.get()?.into();
        let now = Now {
            selected: selected.get_untracked(),
            flash: flash.get_untracked(),
            chosen: chosen.get_untracked(),
        };
        layout.with(|l| redraw(&root, drawn.flatten(), page.get(), l, &now))
    });
    // What the piece drawn as `element` says, by `read`.
    let piece_of = move |element: &web_sys::Element, read: fn(&Piece) -> Option<String>| {
        let start = element.get_attribute(offsets::START_ATTR)?.parse().ok()?;
        page.with_untracked(|page| {
            let page = page.as_deref()?;
            layout.with_untracked(|l| l.piece_at(page, start).and_then(read))
        })
    };
    // One listener for every mark.
    let click = move |ev: leptos::ev::MouseEvent| {
        // A click that ends a drag-selection is selecting, not opening.
        if offsets::has_selection() {
            return;
        }
        let Some(mark) = crate::browser::closest(ev.target(), "mark") else {
            return;
        };
        if let Some(innermost) = piece_of(&mark, |p| p.covers.last().map(|c| c.id.to_string())) {
            selected.set(Some(innermost));
        } else if let Some(span) = offsets::suggested_span(&mark) {
            selected.set(None);
            chosen.set(Some(span));
        }
    };
    // A mark's title (what claims it holds), set when the pointer first goes over it.
    let hover = move |ev: leptos::ev::MouseEvent| {
        let mark = crate::browser::closest(ev.target(), "mark[data-ids]:not([title])");
        if let Some(mark) = mark {
            if let Some(title) = piece_of(&mark, |p| Some(mark_title(p))) {
                Dom::set_attribute(&mark, "title", &title);
            }
        }
    };
    view! {
        <div class="article-text" node_ref=node_ref on:click=click on:mouseover=hover></div>
    }
}

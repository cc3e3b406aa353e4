//! The article text: the open article's paragraphs as elements, one a piece of its layout,
//! with the marks of its claims and suggestions. Which mark is selected, flashing or chosen is
//! set on the marks concerned, and one listener hears clicks on all of them.

use leptos::prelude::*;

use super::flag_follows;
use crate::browser::classes::{self, Flag};
use crate::browser::offsets;
use crate::domain::layout::{Layout, Page, Piece};
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

/// One segment: plain text, or a `<mark>` for the claims or the suggestion covering it. Text is
/// always a text node, never HTML. Clicks are heard by the article as a whole, and which mark
/// is selected, flashing or chosen is set by [`ArticleText`] on the marks concerned; a mark
/// made later starts as they are (`now`).
fn piece_view(page: &Page, piece: Piece, now: &Now) -> AnyView {
    let text = page.text.slice(piece.start, piece.end).to_owned();
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
        return view! {
            <mark
                class=format!("sg sg-{}{chosen}", hint.verdict.as_str())
                data-start=piece.start
                data-end=piece.end
                data-suggested=format!("{} {}", hint.span.0, hint.span.1)
                title=title
            >
                {text}
            </mark>
        }
        .into_any();
    }
    let Some(innermost) = piece.covers.last().map(|c| c.id.to_string()) else {
        return view! {
            <span data-start=piece.start data-end=piece.end>{text}</span>
        }
        .into_any();
    };
    let is = |id: &Option<String>| {
        id.as_ref()
            .is_some_and(|id| piece.covers.iter().any(|c| *c.id == **id))
    };
    let mut class = mark_class(&piece);
    if now.selected.as_deref() == Some(innermost.as_str()) {
        class.push_str(" selected");
    }
    if is(&now.flash) {
        class.push_str(" flash");
    }
    let ids = (piece.covers.iter().map(|c| &*c.id))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <mark
            class=class
            data-start=piece.start
            data-end=piece.end
            data-ids=ids
            data-claim=innermost
            title=mark_title(&piece)
        >
            {text}
        </mark>
    }
    .into_any()
}

/// Paragraphs a run: the article is drawn in runs of paragraphs, each laid out only when in
/// view (`content-visibility`), and redrawn whole when a change touches it. Chromium checks
/// every such element's place in each frame: one per paragraph of a 1,000,000-character
/// article cost 2 ms a frame.
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

/// The article text: one `<p>` a paragraph of `page`, one element a piece of `layout`; the
/// paragraphs in runs keyed by their pieces, so a change redraws only the runs it changed. Its
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
            let id = selected.get()?;
            Some(format!("mark[data-claim={}]", classes::css_string(&id)))
        }),
    );
    flag_follows(
        root,
        Flag::Class("flash"),
        Box::new(move || {
            let id = flash.get()?;
            Some(format!("mark[data-ids~={}]", classes::css_string(&id)))
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
    // One listener for every mark.
    let click = move |ev: leptos::ev::MouseEvent| {
        // A click that ends a drag-selection is selecting, not opening.
        if offsets::has_selection() {
            return;
        }
        let Some(mark) = crate::browser::closest(ev.target(), "mark") else {
            return;
        };
        if let Some(innermost) = mark.get_attribute("data-claim") {
            selected.set(Some(innermost));
        } else if let Some(span) = offsets::suggested_span(&mark) {
            selected.set(None);
            chosen.set(Some(span));
        }
    };
    view! {
        <div class="article-text" node_ref=node_ref on:click=click>
            {move || {
                let page = page.get()?;
                // In runs of paragraphs keyed by their place and pieces: a change redraws the
                // runs whose pieces it changed, and only those.
                Some(view! {
                    <For
                        each=move || {
                            layout.with(|l| {
                                l.paragraphs.chunks(RUN).map(<[_]>::to_vec).enumerate().collect::<Vec<_>>()
                            })
                        }
                        key=|run| run.clone()
                        children=move |(_, run)| {
                            let now = Now {
                                selected: selected.get_untracked(),
                                flash: flash.get_untracked(),
                                chosen: chosen.get_untracked(),
                            };
                            let paragraphs = run.into_iter().map(|pieces| {
                                let pieces = pieces.into_iter().map(|p| piece_view(&page, p, &now));
                                view! { <p>{pieces.collect_view()}</p> }
                            });
                            view! { <div class="run">{paragraphs.collect_view()}</div> }
                        }
                    />
                })
            }}
        </div>
    }
}

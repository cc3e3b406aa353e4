//! The reader: the open article as paragraphs of segments, highlights, the legend, and the
//! toolbar that tags the selected text.

use leptos::prelude::*;

use super::state::use_app;
use crate::browser::classes::{self, Flag};
use crate::browser::offsets;
use crate::domain::annotation::Verdict;
use crate::domain::assistant::sentences::sentences;
use crate::domain::layout::{covers, layout, Hint, Layout, Page, Piece};
use crate::domain::select::{step, Step};
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
    let Some(innermost) = piece.covers.last().map(|c| c.id.clone()) else {
        return view! {
            <span data-start=piece.start data-end=piece.end>{text}</span>
        }
        .into_any();
    };
    let is = |id: &Option<String>| {
        id.as_ref()
            .is_some_and(|id| piece.covers.iter().any(|c| c.id == *id))
    };
    let mut class = mark_class(&piece);
    if now.selected.as_deref() == Some(innermost.as_str()) {
        class.push_str(" selected");
    }
    if is(&now.flash) {
        class.push_str(" flash");
    }
    let ids = (piece.covers.iter().map(|c| c.id.as_str()))
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

/// The article text: one `<p>` a paragraph of `page`, one element a piece of `layout`, each
/// keyed by its piece, so a change redraws only the pieces it changed. Its elements carry the
/// code-point offsets that selections map back to.
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
    super::flag_follows(
        root,
        Flag::Class("selected"),
        Box::new(move || {
            let id = selected.get()?;
            Some(format!("mark[data-claim={}]", classes::css_string(&id)))
        }),
    );
    super::flag_follows(
        root,
        Flag::Class("flash"),
        Box::new(move || {
            let id = flash.get()?;
            Some(format!("mark[data-ids~={}]", classes::css_string(&id)))
        }),
    );
    super::flag_follows(
        root,
        Flag::Class("chosen"),
        Box::new(move || {
            let (s, e) = chosen.get()?;
            Some(format!("mark[data-suggested=\"{s} {e}\"]"))
        }),
    );
    // One listener for every mark.
    let click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        // A click that ends a drag-selection is selecting, not opening.
        if offsets::has_selection() {
            return;
        }
        let Some(mark) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("mark").ok().flatten())
        else {
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
                // Keyed by paragraph and pieces: a change redraws the paragraphs whose pieces
                // it changed, and only those.
                Some(view! {
                    <For
                        each=move || {
                            layout.with(|l| l.paragraphs.iter().cloned().enumerate().collect::<Vec<_>>())
                        }
                        key=|paragraph| paragraph.clone()
                        children=move |(_, pieces)| {
                            let now = Now {
                                selected: selected.get_untracked(),
                                flash: flash.get_untracked(),
                                chosen: chosen.get_untracked(),
                            };
                            let pieces = pieces.into_iter().map(|p| piece_view(&page, p, &now));
                            view! { <p>{pieces.collect_view()}</p> }
                        }
                    />
                })
            }}
        </div>
    }
}

/// "<kbd>a</kbd> and <kbd>b</kbd>", for the hints.
fn key_pair(a: &'static str, b: &'static str) -> impl IntoView {
    view! { <kbd>{a}</kbd> " and " <kbd>{b}</kbd> }
}

fn legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Legend">
            <li>
                <mark class="hl hl-sourced depth-1">"Sourced"</mark>
                " the article says who says so"
            </li>
            <li>
                <mark class="hl hl-unsourced depth-1">"Unsourced"</mark>
                " asserted with no attribution"
            </li>
            <li>
                <mark class="hl hl-mixed depth-2">"Both"</mark>
                " overlapping claims"
            </li>
        </ul>
    }
}

#[component]
pub fn Reader() -> impl IntoView {
    let app = use_app();
    let root = NodeRef::<leptos::html::Div>::new();
    let toolbar_at = RwSignal::new(None::<(f64, f64)>);

    // The open article's sentences, for selecting by sentence from the keyboard. Read only on a
    // key press, so only worked out then (memos are lazy).
    let sentence_spans = Memo::new(move |_| {
        app.page.with(|p| {
            p.as_ref()
                .map(|p| {
                    sentences(p.text.as_str())
                        .iter()
                        .map(|s| (s.start, s.end))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Where keyboard steps go on from: the latest selection in this article, kept after it is
    // tagged (tagging clears the selection).
    let cursor = StoredValue::new(None::<(String, (usize, usize))>);
    // Where the claims sit: unchanged by a note, so a keystroke lays nothing out again.
    let covers = Memo::new(move |_| app.claims.with(|c| covers(c)));
    let laid = Memo::new(move |_| {
        let hints: Vec<Hint> = app.suggestions.with(|v| v.iter().map(Hint::of).collect());
        app.page.with(|p| {
            p.as_ref()
                .map(|p| covers.with(|c| layout(p, c, &hints)))
                .unwrap_or_default()
        })
    });

    // Track the selection: whatever makes it (mouse, keyboard, touch), it ends up here.
    let document = leptos::prelude::document();
    let listener = gloo_events::EventListener::new(&document, "selectionchange", move |_| {
        let span = root
            .get_untracked()
            .and_then(|el| offsets::selection_offsets(&el));
        if let (Some(span), Some(doc)) = (span, app.open.get_untracked()) {
            cursor.set_value(Some((doc, span)));
        }
        app.pending.set(span);
        toolbar_at.set(span.and_then(|_| offsets::selection_anchor_point()));
    });
    // Removed with the component (dropping the listener detaches it).
    StoredValue::new_local(listener);

    // Keyboard: s / u tag the selection, Escape closes the editor.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| match el.tag_name().as_str() {
                "TEXTAREA" | "SELECT" => true,
                // A switch, radio or button takes no letters: the shortcuts stay on.
                "INPUT" => !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("checkbox" | "radio" | "button" | "submit" | "reset" | "file")
                ),
                _ => el.closest("[contenteditable]").ok().flatten().is_some(),
            });
        if typing {
            return;
        }
        let key = ev.key();
        if let Some(how) = Step::from_key(&key) {
            ev.prevent_default();
            let open = app.open.get_untracked();
            let from = app.pending.get_untracked().or_else(|| {
                cursor
                    .get_value()
                    .filter(|(doc, _)| Some(doc) == open.as_ref())
                    .map(|(_, span)| span)
            });
            let to = sentence_spans.with_untracked(|v| step(v, from, how));
            let selected = to
                .zip(root.get_untracked())
                .filter(|((start, end), el)| offsets::select_offsets(el, *start, *end));
            match (selected, open) {
                // Recorded now, not when `selectionchange` arrives (later, as a task of its
                // own): the next key press may come first.
                (Some((span, _)), Some(doc)) => {
                    cursor.set_value(Some((doc, span)));
                    app.pending.set(Some(span));
                    toolbar_at.set(offsets::selection_anchor_point());
                }
                (None, Some(_)) => app.info("No further sentence that way."),
                _ => {}
            }
            return;
        }
        match key.as_str() {
            "s" | "S" if app.pending.get_untracked().is_some() => {
                ev.prevent_default();
                app.tag_pending(Verdict::Sourced);
            }
            "u" | "U" if app.pending.get_untracked().is_some() => {
                ev.prevent_default();
                app.tag_pending(Verdict::Unsourced);
            }
            "a" | "A" if app.chosen.get_untracked().is_some() => {
                ev.prevent_default();
                if let Some(span) = app.chosen.get_untracked() {
                    if let Some(s) = app.suggestion(span) {
                        let v = s.verdict;
                        app.accept(&[(s, v)]);
                    }
                }
            }
            "n" | "N" if app.suggest.get_untracked() => {
                ev.prevent_default();
                app.next_suggestion();
            }
            "d" | "D" if app.chosen.get_untracked().is_some() => {
                ev.prevent_default();
                if let Some(span) = app.chosen.get_untracked() {
                    app.dismiss(span);
                }
            }
            "/" => {
                ev.prevent_default();
                crate::browser::focus("search-text");
            }
            "Escape" => {
                app.selected.set(None);
                app.chosen.set(None);
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <article class="panel reader" aria-labelledby="article-title">
            <super::article_head::ArticleHead/>
            {legend()}
            <super::assistant_bar::AssistantBar root=root/>
            <p class="hint">
                "Select a claim, then choose Sourced or Unsourced (keys "
                {key_pair("s", "u")}
                "). From the keyboard, "
                {key_pair("]", "[")}
                " select the next and previous sentence; "
                {key_pair("}", "{")}
                " extend the selection. Click a highlight to edit it."
            </p>
            <ArticleText
                page=app.page
                layout=laid
                node_ref=root
                marks=MarkSignals {
                    selected: app.selected,
                    flash: app.flash,
                    chosen: app.chosen,
                }
            />
            <SelectionToolbar at=toolbar_at/>
        </article>
    }
}

#[component]
fn SelectionToolbar(at: RwSignal<Option<(f64, f64)>>) -> impl IntoView {
    let app = use_app();
    let shown = move || app.pending.get().is_some();
    let button = move |verdict: Verdict, key: &'static str| {
        view! {
            <button
                type="button"
                class=format!("tag tag-{}", verdict.as_str())
                aria-keyshortcuts=key
                // Keep the text selected while pressing the button.
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| app.tag_pending(verdict)
            >
                {verdict.label()}
                <kbd aria-hidden="true">{key}</kbd>
            </button>
        }
    };
    view! {
        <div
            class="selection-toolbar"
            class:floating=move || at.get().is_some()
            role="toolbar"
            aria-label="Tag the selected text"
            hidden=move || !shown()
            style:left=move || at.get().map(|(x, _)| format!("{}px", x.max(8.0) as i64))
            style:top=move || at.get().map(|(_, y)| format!("{}px", y as i64 + 8))
        >
            {button(Verdict::Sourced, "s")}
            {button(Verdict::Unsourced, "u")}
        </div>
    }
}

/// Scrolls the first highlight of claim `id` into view.
pub fn scroll_to_claim(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(list) = leptos::prelude::document()
        .query_selector_all(".article-text mark[data-ids]")
        .ok()
    else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let ids = el.get_attribute("data-ids").unwrap_or_default();
        if ids.split(' ').any(|x| x == id) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            return;
        }
    }
}

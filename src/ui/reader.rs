//! The reader: the open article as paragraphs of segments, highlights, the legend, and the
//! toolbar that tags the selected text.

use leptos::prelude::*;

use super::state::use_app;
use crate::browser::offsets;
use crate::domain::annotation::Verdict;
use crate::domain::assistant::sentences::sentences;
use crate::domain::assistant::suggest::Suggestion;
use crate::domain::layout::{layout, Layout, Piece};
use crate::domain::select::{step, Step};

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

/// One segment: plain text, or a `<mark>` for the claims covering it. Text is always a text
/// node, never HTML.
fn piece_view(piece: Piece, marks: MarkSignals) -> AnyView {
    if let (true, Some(i)) = (piece.covers.is_empty(), piece.suggestion) {
        let Some(s) = marks.suggestions.with_untracked(|v| v.get(i).cloned()) else {
            return view! { <span data-start=piece.start data-end=piece.end>{piece.text}</span> }
                .into_any();
        };
        let span = (s.start, s.end);
        let title = format!(
            "Suggested claim: {}{} — click to review",
            s.verdict.label(),
            s.source
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default()
        );
        return view! {
            <mark
                class=format!("sg sg-{}", s.verdict.as_str())
                class:chosen=move || marks.chosen.get() == Some(span)
                data-start=piece.start
                data-end=piece.end
                data-suggestion=i
                title=title
                on:click=move |_| {
                    if !offsets::has_selection() {
                        marks.selected.set(None);
                        marks.chosen.set(Some(span));
                    }
                }
            >
                {piece.text}
            </mark>
        }
        .into_any();
    }
    if piece.covers.is_empty() {
        return view! {
            <span data-start=piece.start data-end=piece.end>{piece.text}</span>
        }
        .into_any();
    }
    let ids: Vec<String> = piece.covers.iter().map(|c| c.id.clone()).collect();
    let innermost = ids.last().cloned().unwrap_or_default();
    let flash_ids = ids.clone();
    let (class, title) = (mark_class(&piece), mark_title(&piece));
    view! {
        <mark
            class=class
            class:flash=move || marks.flash.get().is_some_and(|f| flash_ids.contains(&f))
            class:selected=move || marks.selected.get().as_deref() == Some(innermost.as_str())
            data-start=piece.start
            data-end=piece.end
            data-ids=ids.join(" ")
            title=title
            on:click={
                let innermost = piece.covers.last().map(|c| c.id.clone()).unwrap_or_default();
                move |_| {
                    // A click that ends a drag-selection is selecting, not opening.
                    if !offsets::has_selection() {
                        marks.selected.set(Some(innermost.clone()));
                    }
                }
            }
        >
            {piece.text}
        </mark>
    }
    .into_any()
}

/// What highlights read and write: the claim being edited, the claim flashing.
#[derive(Clone, Copy)]
pub struct MarkSignals {
    pub selected: RwSignal<Option<String>>,
    pub flash: RwSignal<Option<String>>,
    /// The suggestion under review.
    pub chosen: RwSignal<Option<(usize, usize)>>,
    /// The suggestions laid out (pieces refer to them by index).
    pub suggestions: Signal<Vec<Suggestion>>,
}

/// The article text. Its elements carry the code-point offsets that selections map back to.
#[component]
pub fn ArticleText(
    layout: Signal<Layout>,
    node_ref: NodeRef<leptos::html::Div>,
    marks: MarkSignals,
) -> impl IntoView {
    view! {
        <div class="article-text" node_ref=node_ref>
            {move || {
                layout
                    .get()
                    .paragraphs
                    .into_iter()
                    .map(|p| {
                        view! { <p>{p.into_iter().map(|x| piece_view(x, marks)).collect_view()}</p> }
                    })
                    .collect_view()
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

    // Recomputed on every change of the library, but the article re-renders only when its
    // layout (text, spans, verdicts) changes: editing a note does not touch it.
    let article = Memo::new(move |_| {
        let id = app.open.get();
        app.library.with(|l| {
            let spans: Vec<(usize, usize)> = app
                .suggestions
                .with(|v| v.iter().map(|s| (s.start, s.end)).collect());
            id.and_then(|id| l.document(&id).map(|d| layout(d, l, &spans)))
                .unwrap_or_default()
        })
    });

    // The open article's sentences, for selecting by sentence from the keyboard. Read only on a
    // key press, so only worked out then (memos are lazy).
    let sentence_spans = Memo::new(move |_| {
        let id = app.open.get();
        app.library.with(|l| {
            id.and_then(|id| l.document(&id))
                .map(|d| {
                    sentences(&d.text)
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
                layout=article.into()
                node_ref=root
                marks=MarkSignals {
                    selected: app.selected,
                    flash: app.flash,
                    chosen: app.chosen,
                    suggestions: app.suggestions.into(),
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

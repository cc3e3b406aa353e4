//! The reader: the open article's head, the legend, the assistant's bar, the text (in
//! `article_text`), the keys, and the toolbar that tags the selected text.

use leptos::prelude::*;

pub use super::article_text::{ArticleText, MarkSignals};
use super::state::use_app;
use crate::browser::offsets;
use crate::domain::annotation::Verdict;
use crate::domain::assistant::sentences::sentences;
use crate::domain::layout::{covers, layout, relayout, Cover, Hint, Layout, Page};
use crate::domain::select::{step, Step};
use std::sync::Arc;

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
    let covers = Memo::new(move |_| app.claims.with(|c| Arc::new(covers(c))));
    // The layout, made again after a change from the one before (only the paragraphs the
    // change reached are cut again): what it was made of is kept here.
    let made_of = StoredValue::new(None::<(Arc<Page>, Arc<Vec<(usize, usize, Cover)>>, Vec<Hint>)>);
    let laid = Memo::new(move |before: Option<&Layout>| {
        let hints: Vec<Hint> = app.suggestions.with(|v| v.iter().map(Hint::of).collect());
        let Some(page) = app.page.get() else {
            made_of.set_value(None);
            return Layout::default();
        };
        let covers = covers.get();
        let again = made_of.with_value(|was| match (before, was) {
            (Some(before), Some((p, c, h))) if Arc::ptr_eq(p, &page) => {
                Some(relayout(&page, before, (c, h), &covers, &hints))
            }
            _ => None,
        });
        let laid = again.unwrap_or_else(|| layout(&page, &covers, &hints));
        made_of.set_value(Some((page, covers, hints)));
        laid
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
    // (One query: asking each of thousands of marks for its ids took a call out of the wasm
    // each.)
    let selector = format!(".article-text {}", super::article_text::marks_of(id));
    if let Ok(Some(el)) = leptos::prelude::document().query_selector(&selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

//! The assistant's bar above the article: the switch, how many suggestions to show (the most
//! check-worthy first), and going through them.

use leptos::prelude::*;

use super::state::use_app;
use crate::browser::offsets;
use crate::domain::annotation::Verdict;
use crate::domain::assistant::suggest::{Shown, Suggestion};

/// The choices of how many suggestions to show, as (value, label).
const SHOWN: [(&str, &str); 4] = [
    ("5", "5 most check-worthy"),
    ("10", "10 most check-worthy"),
    ("20", "20 most check-worthy"),
    ("all", "All"),
];

fn shown_value(shown: Shown) -> String {
    match shown {
        Shown::Top(n) => n.to_string(),
        Shown::All => "all".to_owned(),
    }
}

fn parse_shown(value: &str) -> Shown {
    value.parse().map_or(Shown::All, Shown::Top)
}

#[component]
pub fn AssistantBar(root: NodeRef<leptos::html::Div>) -> impl IntoView {
    let app = use_app();
    let accept_in_view = move |_| {
        let in_view = root
            .get_untracked()
            .map(|r| offsets::visible_suggestions(&r))
            .unwrap_or_default();
        let picked: Vec<(Suggestion, Verdict)> = app.suggestions.with_untracked(|v| {
            v.iter()
                .filter(|s| in_view.contains(&(s.start, s.end)))
                .cloned()
                .map(|s| {
                    let verdict = s.verdict;
                    (s, verdict)
                })
                .collect()
        });
        if picked.is_empty() {
            app.info("No suggestions in view: scroll to some first.");
        } else {
            app.accept(&picked);
        }
    };
    view! {
        <div class="assistant-bar">
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    prop:checked=move || app.suggest.get()
                    on:change=move |ev| {
                        app.suggest.set(event_target_checked(&ev));
                        app.chosen.set(None);
                    }
                />
                "Suggest claims"
            </label>
            {move || {
                app.suggest
                    .get()
                    .then(|| {
                        let n = app.suggestions.with(Vec::len);
                        view! {
                            <label class="shown" for="shown">"Show"</label>
                            <select
                                id="shown"
                                prop:value=move || shown_value(app.shown.get())
                                on:change=move |ev| {
                                    app.shown.set(parse_shown(&event_target_value(&ev)));
                                    app.chosen.set(None);
                                }
                            >
                                {SHOWN
                                    .iter()
                                    .map(|&(value, label)| {
                                        view! {
                                            <option
                                                value=value
                                                selected=move || shown_value(app.shown.get()) == value
                                            >
                                                {label}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <span class="hint" role="status">
                                {move || match (app.reading.get(), n) {
                                    (true, 0) => "Reading the article…".to_owned(),
                                    (_, 1) => "1 suggestion".to_owned(),
                                    (_, n) => format!("{n} suggestions"),
                                }}
                            </span>
                            <button
                                type="button"
                                aria-keyshortcuts="n"
                                title="The most check-worthy first"
                                disabled=n == 0
                                on:click=move |_| app.next_suggestion()
                            >
                                "Next suggestion"
                                <kbd aria-hidden="true">"n"</kbd>
                            </button>
                            <button type="button" disabled=n == 0 on:click=accept_in_view>
                                "Accept all in view"
                            </button>
                        }
                    })
            }}
        </div>
    }
}

//! A claim's fact-check fields: who the article attributes it to, the rating chosen from the
//! fact-checker's scale (Settings), and its ClaimReview draft.

use leptos::prelude::*;

use super::state::use_app;
use crate::browser;
use crate::domain::exchange::Format;

/// The rating of claim `id`: "Not rated" or a label of the scale; a rating given on another
/// scale stays, marked as not on this one.
#[component]
pub fn FactCheckFields(
    id: String,
    rating: Signal<String>,
    source: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let choices = move || {
        let current = rating.get();
        app.settings.with(|s| {
            let mut labels: Vec<String> = s.scale.labels().map(str::to_owned).collect();
            if !current.is_empty() && !labels.iter().any(|l| l == &current) {
                labels.push(current.clone());
            }
            labels
        })
    };
    let source_id = id.clone();
    let review_id = id.clone();
    view! {
        <label for="claim-source">"Attributed to"</label>
        <input
            id="claim-source"
            type="text"
            placeholder="who the article says says so"
            prop:value=move || source.get()
            on:input=move |ev| {
                let value = event_target_value(&ev);
                let id = source_id.clone();
                app.library
                    .update(|l| {
                        l.set_source(&id, &value, browser::now_ms());
                    });
            }
        />
        <label for="claim-rating">"Rating"</label>
        <select
            id="claim-rating"
            prop:value=move || rating.get()
            on:change=move |ev| {
                let value = event_target_value(&ev);
                let id = id.clone();
                app.library
                    .update(|l| {
                        l.set_rating(&id, &value, browser::now_ms());
                    });
            }
        >
            <option value="" selected=move || rating.get().is_empty()>
                "Not rated"
            </option>
            {move || {
                let current = rating.get();
                let on_scale = app.settings.with(|s| s.scale.labels().any(|l| l == current));
                choices()
                    .into_iter()
                    .map(|label| {
                        let chosen = label == current;
                        let text = if chosen && !on_scale {
                            format!("{label} (not on your scale)")
                        } else {
                            label.clone()
                        };
                        view! {
                            <option value=label selected=chosen>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
        <button
            type="button"
            class="quiet"
            disabled=move || rating.get().is_empty()
            title="A schema.org ClaimReview of this claim, to finish and publish"
            on:click=move |_| {
                super::transfer::download_file(
                    app,
                    Format::ClaimReview,
                    app.open.get_untracked(),
                    Some(review_id.clone()),
                );
            }
        >
            "Download ClaimReview draft"
        </button>
    }
}

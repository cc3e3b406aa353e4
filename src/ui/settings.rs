//! The fact-checker's settings: their organisation (the author of ClaimReview drafts) and
//! their rating scale.

use leptos::prelude::*;

use super::state::use_app;
use crate::domain::rating::{Scale, DEFAULT};

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let app = use_app();
    // The scale as typed; it replaces the settings' scale only when it reads.
    let typed = RwSignal::new(app.settings.with_untracked(|s| s.scale.to_text()));
    let problem = Memo::new(move |_| Scale::parse(&typed.get()).err());
    view! {
        <details class="settings">
            <summary>"Settings"</summary>
            <label for="settings-organisation">"Your organisation (author of ClaimReview drafts)"</label>
            <input
                id="settings-organisation"
                type="text"
                autocomplete="organization"
                prop:value=move || app.settings.with(|s| s.organisation.clone())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    app.settings.update(|s| s.organisation = value.clone());
                }
            />
            <label for="settings-scale">"Rating scale"</label>
            <textarea
                id="settings-scale"
                rows="3"
                aria-describedby="settings-scale-help"
                prop:value=move || typed.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    if let Ok(scale) = Scale::parse(&value) {
                        app.settings.update(|s| s.scale = scale);
                    }
                    typed.set(value);
                }
            ></textarea>
            <p id="settings-scale-help" class="hint">
                {format!(
                    "Labels from best to worst, separated by commas; after a “|”, labels outside the order. Default: {DEFAULT}."
                )}
            </p>
            {move || problem.get().map(|p| view! { <p class="field-problem" role="alert">{p}</p> })}
            <p class="hint" id="storage-line">{move || app.kept.get()}</p>
            <a href="sync.html" target="_blank">"Team sync"</a>
        </details>
    }
}

//! Download and upload of annotation files.

use leptos::prelude::*;

use super::state::use_app;
use crate::browser::{self, files};
use crate::domain::document::slug;
use crate::domain::time::compact_date;
use crate::domain::w3c::{self, Scope};

#[component]
pub fn Transfer() -> impl IntoView {
    let app = use_app();

    let download = move |scope_all: bool| {
        let now = browser::now_ms();
        let open = app.open.get_untracked();
        let (json, name) = app.library.with_untracked(|l| {
            if scope_all {
                let json = w3c::export(l, Scope::All, now, crate::VERSION);
                (json, format!("claimmark-all-{}.json", compact_date(now)))
            } else {
                let id = open.as_deref().unwrap_or_default();
                let title = l.document(id).map(|d| d.title.clone()).unwrap_or_default();
                let json = w3c::export(l, Scope::Document(id), now, crate::VERSION);
                (
                    json,
                    format!("claimmark-{}-{}.json", slug(&title), compact_date(now)),
                )
            }
        });
        match files::download(&name, &json, "application/ld+json") {
            Ok(()) => app.info(format!("Downloaded {name}.")),
            Err(e) => app.error(format!("The download failed: {e}.")),
        }
    };

    let on_upload = move |ev: leptos::ev::Event| {
        files::read_chosen(&ev, move |name, text| {
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    app.error(format!("{name}: {e}. Nothing was changed."));
                    return;
                }
            };
            let parsed = app
                .library
                .with_untracked(|l| w3c::import(&text, l, browser::now_ms()));
            match parsed {
                Err(e) => app.error(format!("{name} was not loaded. {e}. Nothing was changed.")),
                Ok(import) => {
                    let note = import.anchoring_note();
                    let mut report = Default::default();
                    app.library.update(|l| report = l.merge(import.contents));
                    let mut summary = report.summary(&name);
                    if let Some(note) = note {
                        summary.push(' ');
                        summary.push_str(&note);
                    }
                    app.info(summary);
                }
            }
        });
    };

    view! {
        <div class="transfer" role="group" aria-label="Files">
            <button
                type="button"
                on:click=move |_| download(false)
                disabled=move || app.open.get().is_none()
            >
                "Download article"
            </button>
            <button type="button" on:click=move |_| download(true)>
                "Download all"
            </button>
            <label class="button file-button">
                "Load annotations"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,.jsonld,application/json,application/ld+json"
                    on:change=on_upload
                />
            </label>
        </div>
    }
}

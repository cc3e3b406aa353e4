//! Download and upload of annotation files.

use leptos::prelude::*;

use super::state::{use_app, AppState};
use crate::browser::{self, files, worker};
use crate::domain::document::slug;
use crate::domain::exchange::{Format, Request};
use crate::domain::library::Library;
use crate::domain::records::one_value;
use crate::domain::storage::decode;
use crate::domain::time::compact_date;

#[component]
pub fn Transfer() -> impl IntoView {
    let app = use_app();
    // Drawn again only when its words change (at a hundred changes), not at each keystroke.
    let reminder = Memo::new(move |_| app.backup.with(|b| b.reminder()));

    // Files are made and read in the worker (off the first load): it gets the library as
    // stored, and answers with the file, or with what a loaded file adds.
    let format = RwSignal::new(Format::W3c);
    let download = move |scope_all: bool| {
        let doc = if scope_all {
            None
        } else {
            app.open.get_untracked()
        };
        download_file(app, format.get_untracked(), doc, None);
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
            // Loading a file anchors its claims in the articles' texts, and merges by them.
            super::texts::with_all(app, false, Box::new(move || import(app, name, text)));
        });
    };

    view! {
        <div class="transfer" role="group" aria-label="Files">
            <label for="download-format">"Download as"</label>
            <select
                id="download-format"
                on:change=move |ev| {
                    format.set(Format::parse(&event_target_value(&ev)).unwrap_or(Format::W3c));
                }
            >
                <option value="w3c">"W3C annotations (JSON)"</option>
                <option value="csv">"CSV (spreadsheet)"</option>
                <option value="claimreview">"ClaimReview drafts (rated claims)"</option>
            </select>
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
            {move || {
                reminder.get().map(|text| {
                    view! {
                        <p class="backup-reminder" role="status">
                            {text}
                            " "
                            <button
                                type="button"
                                class="quiet"
                                on:click=move |_| app.backup.update(|b| b.put_off = b.changes)
                            >
                                "Not now"
                            </button>
                        </p>
                    }
                })
            }}
        </div>
    }
}

/// Files are made from, and read against, the whole library: not while start-up is still
/// reading its claims (a backup without them would pass for a whole one). Says so.
fn reading_claims(app: AppState) -> bool {
    let busy = app.library.with_untracked(Library::claims_unread);
    if busy {
        app.error("The library's claims are still being read: try again in a moment.");
    }
    busy
}

/// Downloads a file of the library made in the worker: `format`, for article `doc` (`None`:
/// all) or only claim `claim`.
pub fn download_file(app: AppState, format: Format, doc: Option<String>, claim: Option<String>) {
    if reading_claims(app) {
        return;
    }
    super::texts::with_all(
        app,
        true,
        Box::new(move || make_file(app, format, doc, claim)),
    );
}

fn make_file(app: AppState, format: Format, doc: Option<String>, claim: Option<String>) {
    let now = browser::now_ms();
    let doc_is_all = doc.is_none() && claim.is_none();
    let (stored, name, left_out) = app.library.with_untracked(|l| {
        let what = match (&doc, &claim) {
            (None, _) => "all".to_owned(),
            (Some(id), c) => {
                let title = l.document(id).map(|d| d.title.clone()).unwrap_or_default();
                let claim_part = if c.is_some() { "-claim" } else { "" };
                format!("{}{claim_part}", slug(&title))
            }
        };
        let name = format!(
            "claimmark-{what}-{}.{}",
            compact_date(now),
            format.extension()
        );
        // An article whose text is missing from storage is left out (a file holds claims by
        // their article, so its claims are not written): the rest is still handed on, in a
        // file that loads again.
        let mut contents = l.contents();
        contents.documents.retain(|d| !d.unread());
        (one_value(&contents), name, l.unread().map(str::to_owned))
    });
    let left_out = left_out.map(|id| {
        (
            doc.as_ref() == Some(&id),
            super::texts::missing(&app.library, &id),
        )
    });
    if let Some((true, said)) = &left_out {
        return app.error(format!("{said} Nothing was downloaded."));
    }
    let request = app.settings.with_untracked(|s| Request {
        doc,
        claim,
        now,
        version: crate::VERSION.to_owned(),
        organisation: s.organisation.clone(),
        scale: s.scale.to_text(),
    });
    worker::export(stored, format, &request, move |made| {
        match made {
            Ok(file) => match files::download(&name, &file, format.media_type()) {
                Ok(()) if doc_is_all && left_out.is_some() => {
                    let (_, said) = left_out.as_ref().expect("some");
                    app.error(format!("{said} Downloaded {name} without it."))
                }
                Ok(()) => {
                    // A whole library as W3C annotations loads again: that is a backup.
                    if doc_is_all && format == Format::W3c {
                        app.backup.set(Default::default());
                    }
                    app.info(format!("Downloaded {name}."))
                }
                Err(e) => app.error(format!("The download failed: {e}.")),
            },
            Err(e) => app.error(format!("{name} could not be made: {e}.")),
        }
    });
}

/// Merges in the file `name` (its contents `text`), read in the worker against the library as
/// stored.
fn import(app: AppState, name: String, text: String) {
    if reading_claims(app) {
        return;
    }
    let stored = app.library.with_untracked(|l| one_value(&l.contents()));
    worker::import(stored, &text, browser::now_ms(), move |read| {
        let contents = read.and_then(|(contents, note)| {
            decode(&contents)
                .map(|c| (c, note))
                .map_err(|e| e.to_string())
        });
        match contents {
            Err(e) => app.error(format!("{name} was not loaded. {e}. Nothing was changed.")),
            Ok((contents, note)) => {
                let mut report = Default::default();
                app.library.update(|l| report = l.merge(contents));
                let mut summary = report.summary(&name);
                if let Some(note) = note {
                    summary.push(' ');
                    summary.push_str(&note);
                }
                app.info(summary);
            }
        }
    });
}

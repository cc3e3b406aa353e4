//! The library: the list of articles, and adding one.

use leptos::prelude::*;

use super::state::{use_app, AppState};
use crate::browser::{self, files};
use crate::domain::document::{document_from_text, extract_text, Origin, TextFormat};
use crate::domain::library::AddOutcome;

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let app = use_app();
    // Only what the list shows, so typing a note does not rebuild the list.
    let entries = Memo::new(move |_| {
        app.library.with(|l| {
            l.documents()
                .iter()
                .map(|d| {
                    let c = l.counts(&d.id);
                    (
                        d.id.clone(),
                        d.title.clone(),
                        d.date.clone(),
                        c.sourced,
                        c.unsourced,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <nav class="panel library" aria-labelledby="library-heading">
            <h2 id="library-heading">"Library"</h2>
            <ul class="doc-list">
                <For
                    each=move || entries.get()
                    key=|e| e.clone()
                    children=move |(id, title, date, sourced, unsourced)| {
                        let current = {
                            let id = id.clone();
                            move || app.open.get().as_deref() == Some(id.as_str())
                        };
                        let open_id = id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="doc-entry"
                                    class:current=current.clone()
                                    aria-current=move || current().then_some("true")
                                    on:click=move |_| app.open_document(open_id.clone())
                                >
                                    <span class="doc-title">{title}</span>
                                    <span class="doc-meta">
                                        {date.map(|d| { let shown = d.clone(); view! { <time datetime=d>{shown}</time> } })}
                                        <span class="count count-sourced">
                                            {format!("{sourced} sourced")}
                                        </span>
                                        <span class="count count-unsourced">
                                            {format!("{unsourced} unsourced")}
                                        </span>
                                    </span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <AddDocument/>
        </nav>
    }
}

fn add(app: AppState, text: &str, title: Option<&str>) -> bool {
    if text.trim().is_empty() {
        app.error("There is no text to add: paste an article or open a file.");
        return false;
    }
    let id = format!("user-{}", browser::new_id().trim_start_matches("urn:uuid:"));
    let doc = document_from_text(id, text, title, Origin::User, browser::now_ms());
    let title = doc.title.clone();
    let mut outcome = AddOutcome::Added(String::new());
    app.library.update(|l| outcome = l.add_document(doc));
    match outcome {
        AddOutcome::Added(id) => {
            app.open_document(id);
            app.info(format!("Added “{title}” to the library."));
        }
        AddOutcome::AlreadyPresent(id) => {
            app.open_document(id);
            app.info("That text is already in the library: it is open now.");
        }
    }
    true
}

/// Reads a chosen `.txt`, `.md` or `.html` file as article text (HTML reduced to text); `done`
/// gets the text and a title (the file's own, else its name).
pub(super) fn read_article_file(
    app: AppState,
    ev: &leptos::ev::Event,
    done: impl FnOnce(String, String) + 'static,
) {
    files::read_chosen(ev, move |name, contents| {
        let Some(format) = TextFormat::from_file_name(&name) else {
            app.error(format!(
                "{name} was not used: claimmark opens .txt, .md and .html files."
            ));
            return;
        };
        match contents {
            Ok(contents) => {
                let extracted = extract_text(format, &contents);
                let stem = name
                    .rsplit_once('.')
                    .map_or(name.as_str(), |(stem, _)| stem);
                let title = extracted.title.unwrap_or_else(|| stem.to_owned());
                done(extracted.text, title);
            }
            Err(e) => app.error(format!("{name} could not be read: {e}.")),
        }
    });
}

/// A labelled text area whose text is `text`.
pub(super) fn text_area(
    id: &'static str,
    label: &'static str,
    rows: u32,
    text: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <textarea
            id=id
            rows=rows
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
    }
}

/// A button-styled file picker for article files; `on_file` gets its change event.
pub(super) fn article_file_input(
    label: &'static str,
    on_file: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <label class="button file-button">
            {label}
            <input
                type="file"
                class="visually-hidden"
                accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
                on:change=on_file
            />
        </label>
    }
}

#[component]
fn AddDocument() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());

    let on_file = move |ev: leptos::ev::Event| {
        read_article_file(app, &ev, move |text, title| {
            add(app, &text, Some(title.as_str()));
        });
    };

    view! {
        <details class="add-document">
            <summary>"Add an article"</summary>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let t = title.get_untracked();
                if add(app, &text.get_untracked(), Some(t.as_str())) {
                    text.set(String::new());
                    title.set(String::new());
                }
            }>
                <label for="new-title">"Title (optional)"</label>
                <input
                    id="new-title"
                    type="text"
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
                {text_area("new-text", "Article text", 6, text)}
                <button type="submit">"Add article"</button>
            </form>
            {article_file_input("Open a .txt, .md or .html file", on_file)}
        </details>
    }
}

//! Articles arriving: from a file (text, Markdown, a saved page in HTML or MHTML), from a paste
//! (a web page's HTML kept in paragraphs), or from the bookmarklet on the page being read.
//! Saved pages are reduced to their article by the extraction worker; then each goes through
//! one door into the library.

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::browser::{self, capture, files, worker};
use crate::domain::document::{extract_text, Document, TextFormat};
use crate::domain::extract::Meta;
use crate::domain::library::AddOutcome;
use crate::domain::provenance::{document_from_page, Details};

/// An article as it arrived: its text and what is known about where it came from.
#[derive(Clone, Debug, Default)]
pub struct Incoming {
    pub text: String,
    pub meta: Meta,
}

/// The file types the article pickers accept.
pub const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,.xhtml,.mhtml,.mht,text/plain,text/markdown,text/html,multipart/related,message/rfc822";

/// Reads the article file chosen in the input that fired `ev`; `done` gets it (a saved page
/// reduced to its article), or the user is told what went wrong.
pub fn read_file(app: AppState, ev: &web_sys::Event, done: impl FnOnce(Incoming) + 'static) {
    let Some(file) = files::chosen(ev) else {
        return;
    };
    let name = file.name();
    let Some(format) = TextFormat::from_file_name(&name) else {
        app.error(format!(
            "{name} was not used: claimmark opens articles as .txt, .md, .html, .htm or .mhtml files."
        ));
        return;
    };
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(s, _)| s)
        .to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match files::read_bytes(&file).await {
            Ok(b) => b,
            Err(e) => return app.error(format!("{name} could not be read: {e}.")),
        };
        if format == TextFormat::Page {
            app.info(format!("Reading {name}…"));
            return from_page_bytes(app, &name, &bytes, None, done);
        }
        let e = extract_text(format, &String::from_utf8_lossy(&bytes));
        done(Incoming {
            text: e.text,
            meta: Meta {
                headline: e.title.or(Some(stem)),
                ..Meta::default()
            },
        });
    });
}

/// Reduces a saved page (bytes) to its article in the worker; `what` names it in messages.
pub fn from_page_bytes(
    app: AppState,
    what: &str,
    bytes: &[u8],
    url: Option<&str>,
    done: impl FnOnce(Incoming) + 'static,
) {
    let what = what.to_owned();
    let size = bytes.len();
    worker::extract(bytes, url, move |result| match result {
        Ok(x) if x.page.text.trim().is_empty() => {
            app.error(format!("No article text was found in {what}."));
        }
        Ok(x) => {
            // For anyone measuring (the extraction benchmark reads it from the console).
            // Whole milliseconds: formatting a float would add its code to the wasm.
            let ms = x.ms.round() as u64;
            let said = format!("claimmark: read a page of {size} bytes in {ms} ms");
            web_sys::console::info_1(&said.into());
            done(Incoming {
                text: x.page.text,
                meta: x.page.meta,
            })
        }
        Err(why) => app.error(format!("{what} could not be read: {why}.")),
    });
}

/// For a paste into an article text area: when the clipboard holds a web page's HTML, the
/// article reduced from it (paragraphs kept, page furniture dropped) goes to `done` instead of
/// the plain text the browser would paste. Plain-text pastes go through as usual.
pub fn on_paste(
    app: AppState,
    ev: &web_sys::ClipboardEvent,
    done: impl FnOnce(Incoming) + 'static,
) {
    let html = ev
        .clipboard_data()
        .and_then(|d| d.get_data("text/html").ok())
        .unwrap_or_default();
    if html.trim().is_empty() {
        return;
    }
    ev.prevent_default();
    from_page_bytes(app, "the pasted page", html.as_bytes(), None, done);
}

/// Adds an article to the library and opens it. `typed` are details the person typed, which
/// win over the page's. A page already there opens; one from the same address with another
/// text asks whether to replace that one's text.
pub fn add(app: AppState, incoming: Incoming, typed: &Details) -> bool {
    if incoming.text.trim().is_empty() {
        app.error("There is no text to add: paste an article or open a file.");
        return false;
    }
    let id = format!("user-{}", browser::new_id().trim_start_matches("urn:uuid:"));
    let doc = document_from_page(id, &incoming.text, &incoming.meta, typed, browser::now_ms());
    if let Some(why) = Details::of(&doc).problem() {
        app.error(why);
        return false;
    }
    let title = doc.title.clone();
    let mut outcome = AddOutcome::Added(String::new());
    let pending = doc.clone();
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
        AddOutcome::SameAddress(id) => {
            let there = app
                .library
                .with_untracked(|l| l.document(&id).map(|d| d.title.clone()))
                .unwrap_or_default();
            app.open_document(id.clone());
            app.notice.set(Some(Notice::SamePage {
                message: format!(
                    "This page is already in the library as “{there}” (open now), with a different text."
                ),
                page: Box::new(pending),
                existing: id,
            }));
        }
    }
    true
}

/// The person's answer to "this page is already in the library with a different text".
pub fn same_page(app: AppState, page: Document, existing: String, replace: bool) {
    let now = browser::now_ms();
    if replace {
        let mut result = None;
        app.library.update(|l| {
            let title = l
                .document(&existing)
                .map(|d| d.title.clone())
                .unwrap_or_default();
            result = Some(
                l.replace_text(&existing, &page.text, now)
                    .map(|r| r.summary(&title)),
            );
        });
        app.open_document(existing);
        match result {
            Some(Ok(summary)) => app.info(summary),
            Some(Err(e)) => app.error(e.to_string()),
            None => {}
        }
    } else {
        let title = page.title.clone();
        let mut outcome = AddOutcome::Added(String::new());
        app.library.update(|l| outcome = l.add_as_new(page));
        if let AddOutcome::Added(id) | AddOutcome::AlreadyPresent(id) = outcome {
            app.open_document(id);
        }
        app.info(format!("Added “{title}” as a new article."));
    }
}

/// When the bookmarklet opened claimmark: takes the page (or the selected text) it hands over
/// and adds it as an article.
pub fn take_capture(app: AppState) {
    if !capture::requested() {
        return;
    }
    let listening = capture::listen(move |c| match (c.selection, c.html) {
        (Some(text), _) => {
            let article = Incoming {
                text: crate::domain::text::normalize_newlines(&text),
                meta: Meta {
                    url: Some(c.url),
                    headline: c.title,
                    ..Meta::default()
                },
            };
            add(app, article, &Details::default());
        }
        (None, Some(html)) => from_page_bytes(
            app,
            "the page",
            html.as_bytes(),
            Some(&c.url),
            move |article| {
                add(app, article, &Details::default());
            },
        ),
        (None, None) => app.error("The page sent nothing to add."),
    });
    match listening {
        Ok(()) => app.info("Receiving the page from the bookmarklet…"),
        Err(why) => app.error(format!(
            "The bookmarklet could not hand the page over: {why}. Select the article on the page, copy it, and paste it into Add an article."
        )),
    }
}

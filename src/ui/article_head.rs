//! The head of the open article: its title and where it came from (outlet, author, date,
//! address), editing those details, and replacing its text with a corrected version.

use leptos::prelude::*;

use super::incoming;
use super::library::{article_file_input, text_area, DetailFields};
use super::state::use_app;
use crate::domain::annotation::safe_link;
use crate::domain::document::Origin;
use crate::domain::provenance::Details;

#[component]
pub fn ArticleHead() -> impl IntoView {
    let app = use_app();
    let head = Memo::new(move |_| {
        let id = app.open.get()?;
        app.library.with(|l| {
            l.document(&id)
                .map(|d| (Details::of(d), d.origin == Origin::User))
        })
    });
    let editing = RwSignal::new(false);
    // A new article closes the form.
    Effect::new(move |_| {
        app.open.track();
        editing.set(false);
    });
    move || {
        match head.get() {
        None => view! {
            <h2 id="article-title">"No article open"</h2>
            <p>"Choose an article in the library, or add one."</p>
        }
        .into_any(),
        Some((d, is_user)) => view! {
            <header class="article-head">
                <h2 id="article-title">{d.title.clone()}</h2>
                {source_line(&d)}
                <button type="button" class="quiet" on:click=move |_| app.report.set(true)>
                    "Report"
                </button>
                {is_user
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="quiet"
                                aria-expanded=move || editing.get().to_string()
                                on:click=move |_| editing.update(|e| *e = !*e)
                            >
                                "Edit details"
                            </button>
                        }
                    })}
            </header>
            {move || editing.get().then(|| view! { <EditDetails details=d.clone() editing=editing/> })}
            {is_user.then(|| view! { <ReplaceText/> })}
        }
        .into_any(),
    }
    }
}

/// "Outlet · Author · date · address": what is known of where the article came from.
fn source_line(d: &Details) -> impl IntoView {
    let host = |u: &str| {
        u.split("://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or(u)
            .trim_start_matches("www.")
            .to_owned()
    };
    let link = safe_link(&d.url).map(|u| {
        view! {
            <a class="article-url" href=u.to_owned() target="_blank" rel="noopener noreferrer" title=u.to_owned()>
                {host(u)}
            </a>
        }
    });
    let parts: Vec<String> = [&d.site, &d.author]
        .into_iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect();
    let empty = parts.is_empty() && d.date.is_empty() && link.is_none();
    (!empty).then(|| {
        let date = (!d.date.is_empty()).then(|| {
            let shown = d.date.clone();
            view! { <time class="article-date" datetime=d.date.clone()>{shown}</time> }
        });
        view! {
            <p class="article-source">
                {(!parts.is_empty()).then(|| view! { <span>{parts.join(" · ")}</span> })}
                {date}
                {link}
            </p>
        }
    })
}

#[component]
fn EditDetails(details: Details, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let fields = DetailFields::new(details);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = app.open.get_untracked() else {
            return;
        };
        let typed = fields.get();
        let mut result = Ok(false);
        app.library
            .update(|l| result = l.set_details(&id, &typed, crate::browser::now_ms()));
        match result {
            Ok(changed) => {
                editing.set(false);
                app.info(if changed {
                    "Details saved."
                } else {
                    "Nothing changed."
                });
            }
            Err(e) => app.error(e.to_string()),
        }
    };
    view! {
        <form class="edit-details" on:submit=save>
            {fields.view(["edit-title", "edit-url", "edit-site", "edit-author", "edit-date"])}
            <button type="submit">"Save details"</button>
            <button type="button" class="quiet" on:click=move |_| editing.set(false)>
                "Cancel"
            </button>
        </form>
    }
}

/// Replaces the open (user) article's text with a corrected version; its claims re-anchor.
#[component]
fn ReplaceText() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let replace = move |new_text: String| {
        let Some(id) = app.open.get_untracked() else {
            return;
        };
        let mut result = None;
        app.library.update(|l| {
            let title = l.document(&id).map(|d| d.title.clone()).unwrap_or_default();
            result = Some(
                l.replace_text(&id, &new_text, crate::browser::now_ms())
                    .map(|r| r.summary(&title)),
            );
        });
        match result {
            Some(Ok(summary)) => {
                text.set(String::new());
                app.info(summary);
            }
            Some(Err(e)) => app.error(e.to_string()),
            None => {}
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        incoming::read_file(app, &ev, move |article| replace(article.text));
    };
    view! {
        <details class="replace-text">
            <summary>"Replace this article’s text (a corrected version)"</summary>
            <p class="hint">
                "Claims follow their words into the new text. Claims whose words changed are marked “moved” for you to confirm; claims whose words are gone are kept as “not found”."
            </p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                replace(text.get_untracked());
            }>
                {text_area("replace-text", "Corrected text", 5, text)}
                <button type="submit">"Replace text"</button>
            </form>
            {article_file_input("Open a corrected page or file", on_file)}
        </details>
    }
}

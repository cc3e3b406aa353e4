//! The library: the list of articles, and adding one.

use leptos::prelude::*;

use super::incoming;
use super::state::use_app;
use crate::browser::classes::{css_string, Flag};
use crate::domain::extract::Meta;
use crate::domain::provenance::Details;

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let app = use_app();
    // Only what the list shows, looked at only when the library says that may have changed:
    // a keystroke in a note costs the list of 3,000 articles nothing.
    let listed = Memo::new(move |_| app.library.with(|l| l.listed()));
    let entries = Memo::new(move |_| {
        // Read, not only tracked: a memo nobody reads is never worked out, so never changes.
        let _ = listed.get();
        app.library.with_untracked(|l| {
            (l.documents().iter().zip(l.all_counts()))
                .map(|(d, c)| {
                    (
                        d.id.clone(),
                        d.title.clone(),
                        (d.site.clone(), d.date.clone()),
                        c.sourced,
                        c.unsourced,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // The open article's entry (`aria-current`): set on the two entries concerned, not asked by
    // each of thousands.
    let list = NodeRef::<leptos::html::Ul>::new();
    super::flag_follows(
        move || list.get_untracked().map(Into::into),
        Flag::Attr("aria-current"),
        Box::new(move || {
            let id = app.open.get()?;
            Some(format!(".doc-entry[data-doc={}]", css_string(&id)))
        }),
    );
    view! {
        // The claims' counts are hidden until start-up has read the claims.
        <nav class="panel library" class:busy=move || app.busy() aria-labelledby="library-heading">
            <super::search::SearchPanel/>
            <h2 id="library-heading">"Library"</h2>
            <ul class="doc-list" node_ref=list>
                <For
                    each=move || entries.get()
                    key=|e| e.clone()
                    children=move |(id, title, (site, date), sourced, unsourced)| {
                        let current = app.open.with_untracked(|o| o.as_ref() == Some(&id));
                        let open_id = id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="doc-entry"
                                    aria-current=current.then_some("true")
                                    data-doc=id.clone()
                                    on:click=move |_| app.open_document(open_id.clone())
                                >
                                    <span class="doc-title">{title}</span>
                                    <span class="doc-meta">
                                        {site.map(|s| view! { <span class="doc-site">{s}</span> })}
                                        {date.map(|d| { let shown = d.clone(); view! { <time datetime=d>{shown}</time> } })}
                                        <span class="count count-sourced">
                                            {format!("{sourced} sourced")}
                                        </span>
                                        <span class="count count-unsourced">
                                            {format!("{unsourced} unsourced")}
                                        </span>
                                        {mini_chart(sourced, unsourced)}
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

/// The article's sourced and unsourced claims as a small bar (the counts beside it say it in
/// words, so it is hidden from screen readers).
fn mini_chart(sourced: usize, unsourced: usize) -> Option<impl IntoView> {
    let total = sourced + unsourced;
    (total > 0).then(|| {
        let w = (sourced * 40 + total / 2) / total;
        view! {
            <svg class="mini-chart" viewBox="0 0 40 6" width="40" height="6" aria-hidden="true">
                <rect class="bar-sourced" x="0" y="0" width=w.to_string() height="6"></rect>
                <rect class="bar-unsourced" x=w.to_string() y="0" width=(40 - w).to_string() height="6"></rect>
            </svg>
        }
    })
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
            <input type="file" class="visually-hidden" accept=incoming::ACCEPT on:change=on_file/>
        </label>
    }
}

/// A labelled one-line field bound to `value`.
pub(super) fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type=kind
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// The details a person can type for an article, as signals.
#[derive(Clone, Copy)]
pub(super) struct DetailFields {
    pub title: RwSignal<String>,
    pub url: RwSignal<String>,
    pub site: RwSignal<String>,
    pub author: RwSignal<String>,
    pub date: RwSignal<String>,
}

impl DetailFields {
    pub fn new(d: Details) -> Self {
        Self {
            title: RwSignal::new(d.title),
            url: RwSignal::new(d.url),
            site: RwSignal::new(d.site),
            author: RwSignal::new(d.author),
            date: RwSignal::new(d.date),
        }
    }

    pub fn get(&self) -> Details {
        Details {
            title: self.title.get_untracked(),
            url: self.url.get_untracked(),
            site: self.site.get_untracked(),
            author: self.author.get_untracked(),
            date: self.date.get_untracked(),
        }
    }

    pub fn set(&self, d: Details) {
        self.title.set(d.title);
        self.url.set(d.url);
        self.site.set(d.site);
        self.author.set(d.author);
        self.date.set(d.date);
    }

    /// The fields, with these element ids (title, address, outlet, author, date), so that two
    /// forms on the page keep theirs apart.
    pub fn view(self, ids: [&'static str; 5]) -> impl IntoView {
        view! {
            <div class="details-fields">
                {field(ids[0], "Title", "text", self.title)}
                {field(ids[1], "Address (URL)", "url", self.url)}
                {field(ids[2], "Outlet", "text", self.site)}
                {field(ids[3], "Author", "text", self.author)}
                {field(ids[4], "Published (YYYY-MM-DD)", "text", self.date)}
            </div>
        }
    }
}

#[component]
fn AddDocument() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let fields = DetailFields::new(Details::default());
    // What a pasted page said about itself, kept for the Add (the text area holds its text).
    let pasted = StoredValue::new(Meta::default());

    let on_file = move |ev: leptos::ev::Event| {
        incoming::read_file(app, &ev, move |article| {
            incoming::add(app, article, &Details::default());
        });
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        incoming::on_paste(app, &ev, move |article| {
            text.set(article.text.clone());
            // Fill what the person has not typed.
            let m = &article.meta;
            for (field, found) in [
                (fields.title, &m.headline),
                (fields.url, &m.url),
                (fields.site, &m.site),
                (fields.author, &m.author),
                (fields.date, &m.published),
            ] {
                if field.get_untracked().trim().is_empty() {
                    field.set(found.clone().unwrap_or_default());
                }
            }
            pasted.set_value(article.meta);
            app.info("The pasted page was reduced to its article: check it, then Add article.");
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let article = incoming::Incoming {
            text: text.get_untracked(),
            meta: pasted.get_value(),
        };
        if incoming::add(app, article, &fields.get()) {
            text.set(String::new());
            fields.set(Details::default());
            pasted.set_value(Meta::default());
        }
    };
    let bookmarklet = crate::browser::capture::app_address()
        .map(|a| crate::browser::capture::bookmarklet(&a))
        .unwrap_or_default();

    view! {
        <details class="add-document">
            <summary>"Add an article"</summary>
            <form on:submit=submit>
                <label for="new-text">"Article text"</label>
                <textarea
                    id="new-text"
                    rows=6
                    aria-describedby="new-text-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:paste=on_paste
                ></textarea>
                <p id="new-text-hint" class="hint">
                    "Paste plain text, or copy a whole web page and paste it: its article is kept, the page’s menus and links are not."
                </p>
                {fields.view(["new-title", "new-url", "new-site", "new-author", "new-date"])}
                <button type="submit">"Add article"</button>
            </form>
            {article_file_input("Open a saved page (.html, .mhtml), .txt or .md", on_file)}
            <div class="bookmarklet">
                <p>
                    "From any web page: drag this link to your bookmarks bar, then click it on a news page. The page (or the text you selected there) opens here as an article."
                </p>
                // Never run here: the page's security policy refuses a javascript: address;
                // it is for the bookmarks bar.
                <a class="button" href=bookmarklet on:click=|ev| ev.prevent_default()>
                    "Send to claimmark"
                </a>
                <p class="hint">
                    "If a site does not allow it, select the article there, copy it, and paste it above."
                </p>
            </div>
        </details>
    }
}

//! Search across the library: words of quotes, notes, sources and titles, with filters; a
//! result opens its article and flashes the claim.

use leptos::prelude::*;

use super::claims::show_claim;
use super::state::use_app;
use crate::domain::annotation::Verdict;
use crate::domain::search::{Index, Query, RatingFilter, StatusFilter};

/// At most this many results are listed (the count says how many match).
const SHOWN: usize = 100;

/// A field of the search form that changed.
enum Field {
    Input(web_sys::HtmlInputElement),
    Select(web_sys::HtmlSelectElement),
}

/// An index as built for the library at hand: each build is new (never equal to the last).
#[derive(Clone)]
struct Built(std::sync::Arc<Index>);

impl PartialEq for Built {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[component]
pub fn SearchPanel() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(Query::default());
    // Folded once per change of the library, and only while something is asked.
    let index = Memo::new(move |_| {
        if query.with(Query::is_empty) {
            return None;
        }
        Some(Built(
            app.library.with(|l| std::sync::Arc::new(Index::new(l))),
        ))
    });
    let results = Memo::new(move |_| {
        let q = query.get();
        let Some(Built(index)) = index.get() else {
            return (Vec::new(), 0);
        };
        app.library.with(|l| index.search(l, &q, SHOWN))
    });
    // One listener for every field: each says by its name what it sets.
    let on_field = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(el) = ev.target().and_then(|t| {
            t.dyn_into::<web_sys::HtmlInputElement>()
                .ok()
                .map(Field::Input)
                .or_else(|| {
                    ev.target()?
                        .dyn_into::<web_sys::HtmlSelectElement>()
                        .ok()
                        .map(Field::Select)
                })
        }) else {
            return;
        };
        let (name, value, checked) = match &el {
            Field::Input(i) => (i.name(), i.value(), i.checked()),
            Field::Select(s) => (s.name(), s.value(), false),
        };
        query.update(|q| match name.as_str() {
            "text" => q.text = value,
            "verdict" => q.verdict = Verdict::parse(&value),
            "rating" => {
                q.rating = match value.as_str() {
                    "" => RatingFilter::Any,
                    "\u{1}rated" => RatingFilter::Rated,
                    "\u{1}unrated" => RatingFilter::Unrated,
                    label => RatingFilter::Is(label.to_owned()),
                }
            }
            "marked" => q.suggested = (!value.is_empty()).then_some(value == "suggested"),
            "place" => {
                q.status = match value.as_str() {
                    "moved" => StatusFilter::Moved,
                    "not found" => StatusFilter::NotFound,
                    _ => StatusFilter::Any,
                }
            }
            "note" => q.has_note = checked,
            "evidence" => q.has_evidence = checked,
            _ => {}
        });
    };
    let rating_options = move || {
        app.settings.with(|s| {
            s.scale
                .labels()
                .map(|l| {
                    let (value, text) = (l.to_owned(), l.to_owned());
                    view! { <option value=value>{text}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="search" aria-labelledby="search-heading" on:input=on_field on:change=on_field>
            <h2 id="search-heading">"Search claims"</h2>
            <input
                id="search-text"
                name="text"
                type="search"
                aria-label="Search all claims"
                aria-keyshortcuts="/"
                placeholder="Words of a quote, note, source or title"
            />
            <details class="filters">
                <summary>"Filters"</summary>
                <label for="filter-verdict">"Verdict"</label>
                <select id="filter-verdict" name="verdict">
                    <option value="">"Any"</option>
                    <option value="sourced">"Sourced"</option>
                    <option value="unsourced">"Unsourced"</option>
                </select>
                <label for="filter-rating">"Rating"</label>
                <select id="filter-rating" name="rating">
                    <option value="">"Any"</option>
                    <option value="\u{1}rated">"Rated"</option>
                    <option value="\u{1}unrated">"Not rated"</option>
                    {rating_options}
                </select>
                <label for="filter-marked">"Marked"</label>
                <select id="filter-marked" name="marked">
                    <option value="">"Any way"</option>
                    <option value="suggested">"Accepted suggestions"</option>
                    <option value="hand">"By hand"</option>
                </select>
                <label for="filter-place">"Place"</label>
                <select id="filter-place" name="place">
                    <option value="">"Anywhere"</option>
                    <option value="moved">"Moved (to confirm)"</option>
                    <option value="not found">"Not found in the text"</option>
                </select>
                <label class="check">
                    <input type="checkbox" name="note"/>
                    "Has a note"
                </label>
                <label class="check">
                    <input type="checkbox" name="evidence"/>
                    "Has evidence"
                </label>
            </details>
            {move || {
                (!query.with(Query::is_empty))
                    .then(|| {
                        let (hits, total) = results.get();
                        let count = match total {
                            0 => "No claim matches.".to_owned(),
                            1 => "1 claim matches.".to_owned(),
                            n if n > hits.len() => format!("{n} claims match; the first {} are listed.", hits.len()),
                            n => format!("{n} claims match."),
                        };
                        view! {
                            <p class="hint" role="status">{count}</p>
                            <ul class="results">
                                {hits
                                    .into_iter()
                                    .map(|h| {
                                        let (doc, id) = (h.doc.clone(), h.annotation.clone());
                                        let label = format!("{} — “{}”", h.title, h.quote);
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class=format!("result result-{}", h.verdict.as_str())
                                                    on:click=move |_| {
                                                        app.open_document(doc.clone());
                                                        let id = id.clone();
                                                        // Once the article is laid out.
                                                        crate::browser::later(
                                                            30,
                                                            Box::new(move || show_claim(app, id)),
                                                        );
                                                    }
                                                >
                                                    {label}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
        </section>
    }
}

//! The claims panel: the open article's claims in text order, the editor of one claim (in
//! `editor`) and the review of one suggestion.

use std::sync::Arc;

use leptos::prelude::*;

use super::reader::scroll_to_claim;
use super::state::{use_app, AppState};
use crate::browser::classes::{self, Flag};
use crate::domain::annotation::{Status, Verdict};
use crate::domain::document::truncate_words;

/// Code points of text a run of the claims list covers.
const RUN: usize = 1_024;

/// Entries a list drawn afresh makes at once, and then a task ([`redraw`]).
const FIRST: usize = 200;
const MORE: usize = 1_000;

/// One row of the list: its words shared with the open article's claims (shortened only when
/// drawn), so that a change copies, compares and frees no row's words it left alone.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    /// Its run: where its claim starts in the text, in [`RUN`]s (0 for claims not found).
    run: usize,
    id: Arc<str>,
    verdict: Verdict,
    quote: Arc<str>,
    note: Arc<str>,
    status: Status,
    /// Who marked it, shown when the article's claims were marked by more than one person.
    by: Option<Arc<str>>,
}

pub(super) fn show_claim(app: AppState, id: String) {
    app.selected.set(Some(id.clone()));
    scroll_to_claim(&id);
    app.flash.set(Some(id.clone()));
    crate::browser::later(
        1_600,
        Box::new(move || {
            if app.flash.get_untracked().as_deref() == Some(id.as_str()) {
                app.flash.set(None);
            }
        }),
    );
}

#[component]
pub fn ClaimsPanel() -> impl IntoView {
    let app = use_app();
    // Who marked the article's claims (an empty name for claims marked with none set): when
    // more than one person did, the list says who marked each and can show one person's.
    let people = move || {
        app.claims.with(|claims| {
            let mut names: Vec<String> = Vec::new();
            for c in claims.iter() {
                if !names.iter().any(|n| **n == *c.creator) {
                    names.push(c.creator.to_string());
                }
            }
            crate::domain::order::sort(&mut names);
            names
        })
    };
    let teamed = move || people().len() > 1;
    let person = RwSignal::new(None::<String>);
    // The person chosen, if one of this article's (the choice outlives a change of article).
    let only = move || person.get().filter(|p| people().contains(p));
    let shown = move |c: &crate::domain::layout::Claim, only: &Option<String>| {
        only.as_ref().is_none_or(|p| **p == *c.creator)
    };
    // From the open article's claims (placed once per change, for every panel), each row only
    // what it shows, the claims placed in the text in runs (see [`RUN`]): the list redraws just
    // the runs that changed. (Nothing compares all the rows with the last ones: at 5,000 rows
    // that cost more than making them.)
    let row = move |c: &crate::domain::layout::Claim, teamed: bool| Row {
        run: c.span.map_or(0, |(start, _)| start / RUN),
        id: Arc::clone(&c.id),
        verdict: c.verdict,
        quote: Arc::clone(&c.exact),
        note: Arc::clone(&c.note),
        status: c.status,
        by: teamed.then(|| Arc::clone(&c.creator)),
    };
    // Said changed at every change without comparing: `redraw` compares each run with the one
    // drawn, and comparing all the rows here as well doubled that work at each keystroke.
    let runs = Memo::new_with_compare(
        move |_| {
            let only = only();
            let teamed = teamed();
            app.claims.with(|claims| {
                let mut runs: Vec<(usize, Vec<Row>)> = Vec::new();
                let placed = (claims.iter())
                    .filter(|c| c.status != Status::Orphan && shown(c, &only))
                    .map(|c| row(c, teamed));
                for row in placed {
                    match runs.last_mut() {
                        Some((at, rows)) if *at == row.run => rows.push(row),
                        _ => runs.push((row.run, vec![row])),
                    }
                }
                runs
            })
        },
        |_, _| true,
    );
    let orphans = Memo::new(move |_| {
        let only = only();
        let teamed = teamed();
        app.claims.with(|claims| {
            (claims.iter())
                .filter(|c| c.status == Status::Orphan && shown(c, &only))
                .map(|c| row(c, teamed))
                .collect::<Vec<Row>>()
        })
    });
    let count = move || app.claims.with(Vec::len);
    let heading = move || match only() {
        None => format!("Claims ({})", count()),
        Some(_) => format!(
            "Claims ({} of {})",
            runs.with(|r| r.iter().map(|(_, rows)| rows.len()).sum::<usize>()),
            count()
        ),
    };
    // The entry of the claim being edited (`aria-current`): set on the two entries concerned,
    // not asked by each.
    let root = NodeRef::<leptos::html::Aside>::new();
    let element = move || root.get_untracked().map(Into::into);
    super::flag_follows(
        element,
        Flag::Attr("aria-current"),
        Box::new(move || {
            let id = app.selected.get()?;
            Some(format!(
                ".claim-entry[data-claim={}]",
                classes::css_string(&id)
            ))
        }),
    );
    // The entries, drawn by hand (see [`entry`]): a run whose entries changed is brought to
    // them entry by entry, one at a new place made anew; the others are kept where they are.
    // A list drawn afresh gets its first entries at once and the rest a thousand a task after
    // (`more`), so that opening an article of thousands of claims shows its text and
    // highlights without waiting for entries out of view.
    let list = NodeRef::<leptos::html::Div>::new();
    let more = RwSignal::new(0u32);
    Effect::new(move |was: Option<(Drawn, u32)>| {
        let (drawn, seen) = was.unwrap_or_default();
        let pass = more.get();
        let Some(list) = list.get() else {
            return (drawn, pass);
        };
        let budget = if pass == seen { FIRST } else { MORE };
        let (drawn, left_out) = runs.with(|runs| redraw(&list, drawn, runs, app, budget));
        if left_out {
            crate::browser::later(0, Box::new(move || more.update(|n| *n += 1)));
        }
        (drawn, pass)
    });
    let orphan_list = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(list) = orphan_list.get() {
            list.set_text_content(None);
            entries(
                &list,
                &orphans.get(),
                app.selected.get_untracked().as_deref(),
            );
        }
    });
    // One listener for every entry.
    let click = move |ev: leptos::ev::MouseEvent| {
        let entry = crate::browser::closest(ev.target(), ".claim-entry");
        if let Some(id) = entry.and_then(|b| b.get_attribute("data-claim")) {
            show_claim(app, id);
        }
    };
    view! {
        <aside class="panel claims" aria-labelledby="claims-heading" node_ref=root on:click=click>
            {move || app.chosen.get().map(|span| view! { <SuggestionPanel span=span/> })}
            {move || app.selected.get().map(|id| view! { <super::editor::Editor id=id/> })}
            <h2 id="claims-heading">{heading}</h2>
            {move || {
                teamed()
                    .then(|| {
                        // "=" and the name: a person (also the empty name, "No name"); "":
                        // everyone.
                        let options = people().into_iter().map(|p| {
                            let label = match p.is_empty() {
                                true => "No name".to_owned(),
                                false => p.clone(),
                            };
                            view! { <option value=format!("={p}")>{label}</option> }
                        });
                        view! {
                            <p class="claims-by">
                                <label for="claims-by">"Marked by"</label>
                                <select
                                    id="claims-by"
                                    prop:value=move || only().map(|p| format!("={p}")).unwrap_or_default()
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        person.set(value.strip_prefix('=').map(str::to_owned));
                                    }
                                >
                                    <option value="">"Everyone"</option>
                                    {options.collect_view()}
                                </select>
                            </p>
                        }
                    })
            }}
            {move || {
                // (Start-up shows the library before its claims are read.)
                let said = match app.busy() {
                    true => "Reading the library's claims…",
                    false => "No claims marked in this article yet. Select text in the article to begin.",
                };
                (count() == 0).then(|| view! { <p class="empty">{said}</p> })
            }}
            // The entries in runs by where their claims sit in the text, each run laid out only
            // when in view; tagging, editing or deleting a claim adds, redraws or removes its
            // entry alone.
            <div class="claim-list" role="list" node_ref=list></div>
            <section
                class="orphans"
                aria-labelledby="orphans-heading"
                hidden=move || orphans.with(Vec::is_empty)
            >
                <h3 id="orphans-heading">
                    {move || format!("Not found in the text ({})", orphans.with(Vec::len))}
                </h3>
                <p class="hint">
                    "Their words are no longer in the article. Open one to attach it to new text, or delete it."
                </p>
                <div class="claim-list" role="list" node_ref=orphan_list></div>
            </section>
        </aside>
    }
}

/// The runs of the claims list as drawn: each run's first place and rows, and its element.
type Drawn = Vec<((usize, Vec<Row>), web_sys::Element)>;

/// Brings `list`, drawn as `drawn`, to `runs` (both in text order): a run whose rows are as
/// drawn keeps its element, in place; one at the same place whose rows changed keeps it too,
/// with only its changed entries made anew ([`patch`]); the others are made anew or removed.
/// The list holds the runs drawn and nothing else, so the runs brought up to date so far are
/// followed by those not yet looked at: a new run goes before the next of those, and a run
/// kept is in its place already. (Walking the list's elements to find places cost two calls
/// out of the wasm a run, 1,500 runs at 5,000 claims, at every change.) New runs are made
/// while `budget` entries last; once it is spent the others are left out, to be
/// made by a later call; says whether any were.
fn redraw(
    list: &web_sys::Element,
    drawn: Drawn,
    runs: &[(usize, Vec<Row>)],
    app: AppState,
    mut budget: usize,
) -> (Drawn, bool) {
    use leptos::tachys::renderer::dom::Dom;
    let now = app.selected.get_untracked();
    let mut old = drawn.into_iter().peekable();
    let mut out = Vec::with_capacity(runs.len());
    let mut left_out = false;
    for run in runs {
        // Runs drawn before this one's place are gone; one at its place is kept, brought to
        // its rows (and, unchanged, kept as it was drawn: nothing is copied).
        let mut kept = None;
        while let Some((was, el)) = old.next_if(|((at, _), _)| *at <= run.0) {
            match kept.is_none() && was.0 == run.0 {
                true if was.1 == run.1 => kept = Some((was, el)),
                true => {
                    patch(&el, &was.1, &run.1, now.as_deref());
                    kept = Some((run.clone(), el));
                }
                false => el.remove(),
            }
        }
        if kept.is_none() && budget == 0 {
            left_out = true;
            continue;
        }
        out.push(kept.unwrap_or_else(|| {
            let el = Dom::create_element("div", None);
            Dom::set_attribute(&el, "class", "run");
            Dom::set_attribute(&el, "role", "none");
            entries(&el, &run.1, now.as_deref());
            let before = old.peek().map(|(_, next)| -> &web_sys::Node { next });
            Dom::insert_node(list, &el, before);
            budget = budget.saturating_sub(run.1.len());
            (run.clone(), el)
        }));
    }
    for (_, el) in old {
        el.remove();
    }
    (out, left_out)
}

/// Brings the entries of a run, drawn as `was`, to `rows` (both in text order): an entry whose
/// row is unchanged stays as it is; a changed one is made anew in its place; a new claim's is
/// added where it belongs and a deleted one's removed. A keystroke in a note redraws one entry,
/// not the run (whose fresh elements Chromium then laid out twice in the next frame).
fn patch(run: &web_sys::Element, was: &[Row], rows: &[Row], current: Option<&str>) {
    use leptos::tachys::renderer::dom::Dom;
    use wasm_bindgen::JsCast;
    // The run's entries as drawn, one for each of `was`.
    let mut drawn: Vec<web_sys::Element> = Vec::with_capacity(was.len());
    let mut next = run.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        drawn.push(node.unchecked_into());
    }
    // (Should the run hold other than what was drawn, it is drawn afresh.)
    if drawn.len() != was.len() {
        run.set_text_content(None);
        entries(run, rows, current);
        return;
    }
    let mut j = 0;
    for row in rows {
        // Entries of claims deleted before this row's go (if its claim is drawn further on).
        if was[j..].iter().any(|w| w.id == row.id) {
            while was[j].id != row.id {
                drawn[j].remove();
                j += 1;
            }
            if was[j] != *row {
                Dom::insert_node(run, &entry(row, current), Some(&drawn[j]));
                drawn[j].remove();
            }
            j += 1;
        } else {
            // A new claim: its entry goes before the one drawn here (or last).
            Dom::insert_node(run, &entry(row, current), drawn.get(j).map(|e| e.as_ref()));
        }
    }
    // What is left was deleted.
    for gone in &drawn[j..] {
        gone.remove();
    }
}

/// Puts the entries of `rows` at the end of `list`.
fn entries(list: &web_sys::Element, rows: &[Row], current: Option<&str>) {
    for row in rows {
        leptos::tachys::renderer::dom::Dom::insert_node(list, &entry(row, current), None);
    }
}

/// The entry of a claim's row, as a plain element (made as views, each entry was 14 nodes, half
/// of them placeholders for what it might show, and a closure: 70,000 nodes and 5,000 closures
/// for an article of 5,000 claims), marked if it is the one being edited (`current`; later
/// changes are set by the panel). Text is always a text node, never HTML.
fn entry(row: &Row, current: Option<&str>) -> web_sys::Element {
    use leptos::tachys::renderer::dom::Dom;
    let add = |parent: &web_sys::Element, tag: &str, class: &str, text: &str| {
        let el = Dom::create_element(tag, None);
        if !class.is_empty() {
            Dom::set_attribute(&el, "class", class);
        }
        if !text.is_empty() {
            Dom::insert_node(&el, &Dom::create_text_node(text), None);
        }
        Dom::insert_node(parent, &el, None);
        el
    };
    let item = Dom::create_element("div", None);
    Dom::set_attribute(&item, "role", "listitem");
    let entry = add(&item, "button", "claim-entry", "");
    Dom::set_attribute(&entry, "type", "button");
    Dom::set_attribute(&entry, "data-claim", &row.id);
    if current == Some(&*row.id) {
        Dom::set_attribute(&entry, "aria-current", "true");
    }
    let verdict = format!("badge badge-{}", row.verdict.as_str());
    add(&entry, "span", &verdict, row.verdict.label());
    match row.status {
        Status::Anchored => None,
        Status::Moved => Some(("badge badge-moved", "moved: please confirm")),
        Status::Orphan => Some(("badge badge-orphan", "not found in text")),
    }
    .map(|(class, text)| add(&entry, "span", class, text));
    add(&entry, "q", "claim-quote", &truncate_words(&row.quote, 160));
    let note = truncate_words(&row.note, 120);
    let by = row.by.as_deref().unwrap_or_default();
    for (class, text) in [("claim-note", note.as_str()), ("claim-by", by)] {
        if !text.is_empty() {
            add(&entry, "span", class, text);
        }
    }
    item
}

/// The head of a side panel: its heading, and a Close button that calls `close`.
pub(super) fn panel_head(
    heading_id: &'static str,
    title: &'static str,
    close: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="editor-head">
            <h2 id=heading_id>{title}</h2>
            <button type="button" class="quiet" on:click=move |_| close()>
                "Close"
            </button>
        </div>
    }
}

/// The verdict radio buttons of a claim or suggestion: `chosen` is the one checked, `pick` is
/// called with the one the user picks.
pub(super) fn verdict_choice(
    name: String,
    chosen: Signal<Option<Verdict>>,
    pick: impl Fn(Verdict) + Clone + 'static,
) -> impl IntoView {
    let options = Verdict::ALL.into_iter().map(|v| {
        let pick = pick.clone();
        view! {
            <label class=format!("choice choice-{}", v.as_str())>
                <input
                    type="radio"
                    name=name.clone()
                    prop:checked=move || chosen.get() == Some(v)
                    on:change=move |_| pick(v)
                />
                {v.label()}
            </label>
        }
    });
    view! {
        <fieldset class="verdict-choice">
            <legend>"Verdict"</legend>
            {options.collect_view()}
        </fieldset>
    }
}

/// Reviews one suggestion: its verdict (editable), the source found, where else it stands;
/// accept or dismiss.
#[component]
fn SuggestionPanel(span: (usize, usize)) -> impl IntoView {
    let app = use_app();
    let Some(s) = app.suggestion(span) else {
        return ().into_any();
    };
    let verdict = RwSignal::new(s.verdict);
    let doc = app.open.get_untracked().unwrap_or_default();
    let found = match (&s.source, s.vague) {
        (Some(src), _) if s.carried => {
            format!("Attributed to: {src} (named in a sentence nearby)")
        }
        (Some(src), _) => format!("Attributed to: {src}"),
        (None, true) => "Only a vague attribution (reportedly, officials…)".to_owned(),
        (None, false) => "No attribution found: the article’s own voice".to_owned(),
    };
    let accept_s = s.clone();
    let exact = s.exact.clone();
    view! {
        <section class="editor suggestion" aria-labelledby="suggestion-heading">
            {panel_head("suggestion-heading", "Suggested claim", move || app.chosen.set(None))}
            <blockquote class="editor-quote" tabindex="0">{s.exact.clone()}</blockquote>
            <p class="detected">{found}</p>
            <p class="worth">{format!("Check-worthiness: {} of 100", s.score)}</p>
            {verdict_choice(
                "suggestion-verdict".to_owned(),
                Signal::derive(move || Some(verdict.get())),
                move |v| verdict.set(v),
            )}
            <div class="actions">
                <button
                    type="button"
                    aria-keyshortcuts="a"
                    on:click=move |_| app.accept(&[(accept_s.clone(), verdict.get_untracked())])
                >
                    "Accept"
                    <kbd aria-hidden="true">"a"</kbd>
                </button>
                <button
                    type="button"
                    class="quiet"
                    aria-keyshortcuts="d"
                    on:click=move |_| app.dismiss(span)
                >
                    "Dismiss"
                    <kbd aria-hidden="true">"d"</kbd>
                </button>
            </div>
            <super::editor::AlsoIn doc=doc exact=exact/>
        </section>
    }
    .into_any()
}

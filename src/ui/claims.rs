//! The claims panel: the open article's claims in text order, and the editor of one claim.

use leptos::prelude::*;

use super::reader::scroll_to_claim;
use super::state::{use_app, AppState, Notice, Undo};
use crate::browser;
use crate::browser::classes::{self, Flag};
use crate::domain::annotation::{evidence_problem, safe_link, Status, Verdict};
use crate::domain::assistant::suggest::AlsoInCache;
use crate::domain::document::truncate_words;
use crate::domain::library::Library;

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    verdict: Verdict,
    quote: String,
    note: String,
    status: Status,
}

pub(super) fn show_claim(app: AppState, id: String) {
    app.selected.set(Some(id.clone()));
    scroll_to_claim(&id);
    app.flash.set(Some(id.clone()));
    gloo_timers::callback::Timeout::new(1_600, move || {
        if app.flash.get_untracked().as_deref() == Some(id.as_str()) {
            app.flash.set(None);
        }
    })
    .forget();
}

#[component]
pub fn ClaimsPanel() -> impl IntoView {
    let app = use_app();
    // From the open article's claims (placed once per change, for every panel), each row only
    // what it shows: the list redraws just the rows that changed.
    let rows = Memo::new(move |_| {
        app.claims.with(|claims| {
            claims
                .iter()
                .map(|c| Row {
                    id: c.id.clone(),
                    verdict: c.verdict,
                    quote: truncate_words(&c.exact, 160),
                    note: truncate_words(&c.note, 120),
                    status: c.status,
                })
                .collect::<Vec<_>>()
        })
    });
    let placed = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .filter(|r| r.status != Status::Orphan)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
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
    view! {
        <aside class="panel claims" aria-labelledby="claims-heading" node_ref=root>
            {move || app.chosen.get().map(|span| view! { <SuggestionPanel span=span/> })}
            {move || app.selected.get().map(|id| view! { <Editor id=id/> })}
            <h2 id="claims-heading">{move || format!("Claims ({})", rows.with(Vec::len))}</h2>
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| {
                        view! {
                            <p class="empty">
                                "No claims marked in this article yet. Select text in the article to begin."
                            </p>
                        }
                    })
            }}
            <ol class="claim-list">
                <For
                    each=move || placed.get()
                    key=|r| r.clone()
                    children=move |row| claim_entry(app, row)
                />
            </ol>
            {move || {
                let orphans: Vec<Row> = rows
                    .get()
                    .into_iter()
                    .filter(|r| r.status == Status::Orphan)
                    .collect();
                (!orphans.is_empty())
                    .then(|| {
                        view! {
                            <section class="orphans" aria-labelledby="orphans-heading">
                                <h3 id="orphans-heading">
                                    {format!("Not found in the text ({})", orphans.len())}
                                </h3>
                                <p class="hint">
                                    "Their words are no longer in the article. Open one to attach it to new text, or delete it."
                                </p>
                                <ol class="claim-list">
                                    {orphans
                                        .into_iter()
                                        .map(|r| claim_entry(app, r))
                                        .collect_view()}
                                </ol>
                            </section>
                        }
                    })
            }}
        </aside>
    }
}

/// One entry of the list (current from the start if its claim is being edited; later changes
/// are set by the panel).
fn claim_entry(app: AppState, row: Row) -> impl IntoView {
    let id = row.id.clone();
    let current = app.selected.with_untracked(|s| s.as_ref() == Some(&id));
    let status_badge = match row.status {
        Status::Anchored => None,
        Status::Moved => Some(("badge badge-moved", "moved: please confirm")),
        Status::Orphan => Some(("badge badge-orphan", "not found in text")),
    };
    view! {
        <li>
            <button
                type="button"
                class="claim-entry"
                aria-current=current.then_some("true")
                data-claim=id.clone()
                on:click=move |_| show_claim(app, id.clone())
            >
                <span class=format!("badge badge-{}", row.verdict.as_str())>{row.verdict.label()}</span>
                {status_badge.map(|(class, text)| view! { <span class=class>{text}</span> })}
                <q class="claim-quote">{row.quote}</q>
                {(!row.note.is_empty()).then(|| view! { <span class="claim-note">{row.note}</span> })}
            </button>
        </li>
    }
}

/// The head of a side panel: its heading, and a Close button that calls `close`.
fn panel_head(
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
fn verdict_choice(
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

/// Edits one claim: verdict, note, evidence link; deletes it. Its fields are bound to the
/// library, so an edit in another tab shows here too.
#[component]
fn Editor(id: String) -> impl IntoView {
    let app = use_app();
    let ann = {
        let id = id.clone();
        Memo::new(move |_| app.library.with(|l| l.annotation(&id).cloned()))
    };
    let quote =
        Memo::new(move |_| ann.with(|a| a.as_ref().map(|a| (a.doc.clone(), a.exact.clone()))));
    // Other claims at the same place, to switch to when highlights overlap.
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            // Where it sits now, among the open article's claims placed (as the reader shows
            // them); an orphan overlaps nothing.
            app.claims.with(|claims| {
                let Some((start, end)) = claims.iter().find(|c| c.id == id).and_then(|c| c.span)
                else {
                    return Vec::new();
                };
                claims
                    .iter()
                    .filter(|o| o.id != id && o.span.is_some_and(|(s, e)| s < end && start < e))
                    .map(|o| (o.id.clone(), o.verdict, truncate_words(&o.exact, 40)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let edit = move |f: &dyn Fn(&mut Library, i64) -> bool| {
        app.library.update(|l| {
            f(l, browser::now_ms());
        });
    };
    let verdict_id = id.clone();
    let set_verdict = move |v: Verdict| {
        let id = verdict_id.clone();
        edit(&move |l, now| l.set_verdict(&id, v, now));
    };
    let note_id = id.clone();
    let evidence_id = id.clone();
    let delete_id = id.clone();
    let radio_name = format!("verdict-{id}");

    view! {
        <section class="editor" aria-labelledby="editor-heading">
            {panel_head("editor-heading", "Selected claim", move || app.selected.set(None))}
            {move || match quote.get() {
                None => view! { <p>"This claim was deleted."</p> }.into_any(),
                Some((_, exact)) => view! { <blockquote class="editor-quote" tabindex="0">{exact}</blockquote> }.into_any(),
            }}
            {move || {
                let a = ann.get()?;
                let id = a.id.clone();
                Some(match a.status {
                    Status::Anchored => ().into_any(),
                    Status::Moved => {
                        // Confirm or reject the new place: one button each, same shape.
                        let decide = |label: &'static str,
                                      class: &'static str,
                                      act: fn(&mut Library, &str, i64) -> bool,
                                      done: &'static str| {
                            let id = id.clone();
                            view! {
                                <button
                                    type="button"
                                    class=class
                                    on:click=move |_| {
                                        let id = id.clone();
                                        edit(&move |l, now| act(l, &id, now));
                                        app.info(done);
                                    }
                                >
                                    {label}
                                </button>
                            }
                        };
                        view! {
                            <div class="status-box status-moved" role="group" aria-label="Moved claim">
                                <p>
                                    "The text changed. This claim was found here with different words or context. It was:"
                                </p>
                                <blockquote class="editor-quote" tabindex="0">{a.was}</blockquote>
                                {decide(
                                    "Confirm new place",
                                    "",
                                    Library::confirm,
                                    "Claim confirmed at its new place.",
                                )}
                                {decide(
                                    "Reject",
                                    "quiet",
                                    Library::reject,
                                    "Claim kept as not found in the text.",
                                )}
                            </div>
                        }
                            .into_any()
                    }
                    Status::Orphan => {
                        view! {
                            <div class="status-box status-orphan" role="group" aria-label="Claim not found">
                                <p>
                                    "Its words are not in the article any more. Select the text it belongs to, then attach it."
                                </p>
                                <button
                                    type="button"
                                    disabled=move || app.pending.get().is_none()
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:click=move |_| {
                                        let Some(span) = app.pending.get_untracked() else {
                                            return;
                                        };
                                        let mut result = Ok(());
                                        app.library.update(|l| result = l.reattach(&id, span, browser::now_ms()));
                                        match result {
                                            Ok(()) => {
                                                browser::offsets::clear_selection();
                                                app.pending.set(None);
                                                app.info("Claim attached to the selected text.");
                                            }
                                            Err(e) => app.error(e.to_string()),
                                        }
                                    }
                                >
                                    "Attach to selected text"
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                })
            }}
            {verdict_choice(
                radio_name,
                Signal::derive(move || ann.get().map(|a| a.verdict)),
                set_verdict,
            )}
            {move || {
                ann.get()
                    .filter(|a| a.suggested)
                    .map(|a| {
                        let src = if a.detected_source.is_empty() {
                            String::new()
                        } else {
                            format!(" (source found: {})", a.detected_source)
                        };
                        view! { <p class="detected">{format!("Began as a suggestion{src}.")}</p> }
                    })
            }}
            <super::rating::FactCheckFields
                id=id.clone()
                rating=Signal::derive(move || ann.get().map(|a| a.rating).unwrap_or_default())
                source=Signal::derive(move || ann.get().map(|a| a.source).unwrap_or_default())
            />
            <label for="claim-note">"Note"</label>
            <textarea
                id="claim-note"
                rows="3"
                prop:value=move || ann.get().map(|a| a.note).unwrap_or_default()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let id = note_id.clone();
                    edit(&move |l, now| l.set_note(&id, &value, now));
                }
            ></textarea>
            <label for="claim-evidence">"Evidence link"</label>
            <input
                id="claim-evidence"
                type="url"
                inputmode="url"
                placeholder="https://…"
                prop:value=move || ann.get().map(|a| a.evidence).unwrap_or_default()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let id = evidence_id.clone();
                    edit(&move |l, now| l.set_evidence(&id, &value, now));
                }
            />
            {move || {
                let a = ann.get()?;
                if let Some(problem) = evidence_problem(&a.evidence) {
                    return Some(view! { <p class="field-problem">{problem}</p> }.into_any());
                }
                safe_link(&a.evidence)
                    .map(|url| {
                        view! {
                            <p>
                                <a href=url.to_owned() target="_blank" rel="noopener noreferrer">
                                    "Open the evidence"
                                </a>
                            </p>
                        }
                            .into_any()
                    })
            }}
            {move || {
                let list = others.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="also-here">
                                <p>"Other claims overlapping this one:"</p>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|(oid, v, quote)| {
                                            view! {
                                                <li>
                                                    <button
                                                        type="button"
                                                        class="quiet"
                                                        on:click=move |_| app.selected.set(Some(oid.clone()))
                                                    >
                                                        {format!("{}: “{}”", v.label(), quote)}
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            // Made again only when the claim's words change, not at each keystroke in its note.
            {move || quote.get().map(|(doc, exact)| view! { <AlsoIn doc=doc exact=exact/> })}
            <button
                type="button"
                class="danger"
                on:click=move |_| {
                    let Some(gone) = ann.get_untracked() else {
                        return;
                    };
                    let id = delete_id.clone();
                    edit(&move |l, now| l.delete(&id, now));
                    app.selected.set(None);
                    let undo = Undo::Delete(gone);
                    app.notice.set(Some(Notice::Undoable("Claim deleted.".into(), undo)));
                }
            >
                "Delete claim"
            </button>
        </section>
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
            <AlsoIn doc=doc exact=exact/>
        </section>
    }
    .into_any()
}

thread_local! {
    /// The last "Also in" found (one editor is open at a time).
    static ALSO_IN: std::cell::RefCell<AlsoInCache> = Default::default();
}

/// "Also in": the other articles that carry the same or a near-identical claim, with how they
/// were tagged there; each opens its article.
#[component]
fn AlsoIn(doc: String, exact: String) -> impl IntoView {
    let app = use_app();
    let places = Memo::new(move |_| {
        app.library
            .with(|l| ALSO_IN.with(|c| c.borrow_mut().get(l, &doc, &exact)))
    });
    move || {
        let list = places.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="also-in">
                    <p>"Also in:"</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|e| {
                                let tags = if e.verdicts.is_empty() {
                                    "not tagged there".to_owned()
                                } else {
                                    let labels: Vec<&str> =
                                        e.verdicts.iter().map(|v| v.label()).collect();
                                    format!("tagged {} there", labels.join(" + "))
                                };
                                let target = e.doc.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="quiet"
                                            on:click=move |_| app.open_document(target.clone())
                                        >
                                            {format!("{} ({tags})", truncate_words(&e.title, 60))}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

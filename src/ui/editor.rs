//! The editor of one claim (verdict, rating, note, evidence link, delete), and "Also in": where
//! else the library carries the same claim.

use leptos::prelude::*;

use super::claims::{panel_head, verdict_choice};
use super::state::{use_app, Notice, Undo};
use crate::browser;
use crate::domain::annotation::{evidence_problem, safe_link, Annotation, Status, Verdict};
use crate::domain::assistant::suggest::AlsoInCache;
use crate::domain::document::truncate_words;
use crate::domain::library::Library;
use crate::domain::storage::KeyValueStore;
use crate::domain::sync::{lost_names, LOST_KEY};

/// Edits one claim: verdict, note, evidence link; deletes it. Its fields are bound to the
/// library, so an edit in another tab shows here too.
#[component]
pub(super) fn Editor(id: String) -> impl IntoView {
    let app = use_app();
    let ann = {
        let id = id.clone();
        Memo::new(move |_| app.library.with(|l| l.annotation(&id).cloned()))
    };
    // The claim but its note and time: what the rest of the editor shows, so that a keystroke
    // in the note redraws nothing else (the rating's choices were made again at each one).
    let shape = Memo::new(move |_| {
        ann.with(|a| {
            a.clone().map(|a| Annotation {
                note: String::new(),
                modified: 0,
                ..a
            })
        })
    });
    let quote =
        Memo::new(move |_| ann.with(|a| a.as_ref().map(|a| (a.doc.clone(), a.exact.clone()))));
    // Other claims at the same place, to switch to when highlights overlap.
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            // Where it sits now, among the open article's claims placed (as the reader shows
            // them); an orphan overlaps nothing.
            app.claims.with(|claims| {
                let Some((start, end)) = claims.iter().find(|c| *c.id == *id).and_then(|c| c.span)
                else {
                    return Vec::new();
                };
                claims
                    .iter()
                    .filter(|o| *o.id != *id && o.span.is_some_and(|(s, e)| s < end && start < e))
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
    // A version of it lost a conflict (team sync): the sync page keeps it (a link to it with the
    // claim's id cost 0.3 KB of the first load).
    let store = browser::storage::local_store().ok();
    let lost = (store.and_then(|s| s.get(LOST_KEY).ok().flatten()))
        .is_some_and(|list| lost_names(&list, &id));

    view! {
        <section class="editor" aria-labelledby="editor-heading">
            {panel_head("editor-heading", "Selected claim", move || app.selected.set(None))}
            {move || match quote.get() {
                None => view! { <p>"This claim was deleted."</p> }.into_any(),
                Some((_, exact)) => view! { <blockquote class="editor-quote" tabindex="0">{exact}</blockquote> }.into_any(),
            }}
            {move || {
                let a = shape.get()?;
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
                Signal::derive(move || shape.get().map(|a| a.verdict)),
                set_verdict,
            )}
            {move || {
                shape.get()
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
            {lost.then(|| view! {
                <p class="hint">
                    <a href="sync.html" target="_blank">"A version of this claim lost a conflict: see it on the team sync page"</a>
                </p>
            })}
            <super::rating::FactCheckFields
                id=id.clone()
                rating=Signal::derive(move || shape.get().map(|a| a.rating).unwrap_or_default())
                source=Signal::derive(move || shape.get().map(|a| a.source).unwrap_or_default())
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
                prop:value=move || shape.get().map(|a| a.evidence).unwrap_or_default()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let id = evidence_id.clone();
                    edit(&move |l, now| l.set_evidence(&id, &value, now));
                }
            />
            {move || {
                let a = shape.get()?;
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
                                                        on:click=move |_| app.selected.set(Some(oid.to_string()))
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

thread_local! {
    /// The last "Also in" found (one editor is open at a time).
    static ALSO_IN: std::cell::RefCell<AlsoInCache> = Default::default();
}

/// "Also in": the other articles that carry the same or a near-identical claim, with how they
/// were tagged there; each opens its article.
#[component]
pub(super) fn AlsoIn(doc: String, exact: String) -> impl IntoView {
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

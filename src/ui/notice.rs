//! Messages for the user: the latest notice, and any lasting storage problem.

use leptos::prelude::*;

use super::state::{use_app, Notice, Undo};

#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let info = move || match app.notice.get() {
        Some(Notice::Info(t)) => t,
        Some(Notice::Undoable(t, _)) => t,
        Some(Notice::SamePage { message, .. }) => message,
        _ => String::new(),
    };
    let answer = move |replace: bool| {
        if let Some(Notice::SamePage { page, existing, .. }) = app.notice.get_untracked() {
            super::incoming::same_page(app, *page, existing, replace);
        }
    };
    let undo = move |_| {
        let Some(Notice::Undoable(_, undo)) = app.notice.get_untracked() else {
            return;
        };
        let now = crate::browser::now_ms();
        match undo {
            Undo::Delete(gone) => {
                let id = gone.id.clone();
                let mut back = false;
                app.library.update(|l| back = l.restore(gone, now));
                if back {
                    app.selected.set(Some(id));
                    app.info("Claim restored.");
                } else {
                    app.error(
                        "The claim could not be restored: its article is no longer in the library.",
                    );
                }
            }
            Undo::Dismiss { doc, exact } => {
                app.library.update(|l| {
                    l.undismiss(&doc, &exact, now);
                });
                app.info("Suggestion restored.");
            }
        }
    };
    let error = move || match app.notice.get() {
        Some(Notice::Error(t)) => Some(t),
        _ => None,
    };
    view! {
        <div class="notices">
            // Live regions exist from the start so that screen readers announce changes.
            <div class="notice notice-info" role="status" aria-live="polite">
                {info}
                {move || {
                    matches!(app.notice.get(), Some(Notice::Undoable(..)))
                        .then(|| {
                            view! {
                                <button type="button" class="quiet" on:click=undo>
                                    "Undo"
                                </button>
                            }
                        })
                }}
                {move || {
                    matches!(app.notice.get(), Some(Notice::SamePage { .. }))
                        .then(|| {
                            view! {
                                <button type="button" class="quiet" on:click=move |_| answer(true)>
                                    "Replace its text"
                                </button>
                                <button type="button" class="quiet" on:click=move |_| answer(false)>
                                    "Add as a new article"
                                </button>
                            }
                        })
                }}
            </div>
            {move || {
                app.update_ready
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice notice-update" role="status">
                                "A new version of claimmark is ready. "
                                <button
                                    type="button"
                                    on:click=move |_| crate::browser::offline::apply_update()
                                >
                                    "Reload to use it"
                                </button>
                            </div>
                        }
                    })
            }}
            <div class="notice-slot" role="alert">
                {move || {
                    error()
                        .map(|t| {
                            view! {
                                <div class="notice notice-error">
                                    <span>{t}</span>
                                    <button
                                        type="button"
                                        class="quiet"
                                        on:click=move |_| app.notice.set(None)
                                    >
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                }}
                {move || {
                    app.storage_problem
                        .get()
                        .map(|t| view! { <div class="notice notice-warning">{t}</div> })
                }}
            </div>
        </div>
    }
}

//! The second opinion: on an article two people marked independently, where they agree and
//! differ, with the figures (`domain::agreement`). Claims count as their creator's. Reads the
//! library from this browser's storage (synced or not), again when asked.

use leptos::prelude::*;

use crate::browser::replica::read_claims;
use crate::domain::agreement::{between, creators, Agreement};
use crate::domain::library::Library;

#[component]
pub fn SecondOpinion() -> impl IntoView {
    let library = RwSignal::new(None::<Library>);
    let problem = RwSignal::new(None::<String>);
    let load = move || {
        wasm_bindgen_futures::spawn_local(async move {
            match read_claims().await {
                Ok(l) => library.set(Some(l)),
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    load();
    let doc = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    // The articles on which at least two named people marked claims: id, title, people.
    let articles = Memo::new(move |_| {
        library.with(|l| {
            let Some(l) = l else { return Vec::new() };
            (l.documents().iter())
                .filter_map(|d| {
                    let people = creators(l.annotations_of(&d.id));
                    (people.len() >= 2).then(|| (d.id.clone(), d.title.clone(), people))
                })
                .collect::<Vec<_>>()
        })
    });
    let choose = move |id: String| {
        let people = articles.with(|a| a.iter().find(|(d, ..)| *d == id).map(|(.., p)| p.clone()));
        let people = people.unwrap_or_default();
        first.set(people.first().cloned().unwrap_or_default());
        second.set(people.get(1).cloned().unwrap_or_default());
        doc.set(id);
    };
    // The first such article, once read.
    Effect::new(move |_| {
        let found = articles.with(|a| a.first().map(|(id, ..)| id.clone()));
        if let (Some(id), true) = (found, doc.get_untracked().is_empty()) {
            choose(id);
        }
    });
    let people = move || {
        articles.with(|a| (a.iter().find(|(d, ..)| *d == doc.get())).map(|(.., p)| p.clone()))
    };
    let person_options = move |chosen: RwSignal<String>| {
        (people().unwrap_or_default().into_iter())
            .map(|p| {
                let selected = p == chosen.get_untracked();
                view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
            })
            .collect_view()
    };
    let result = move || {
        let (d, a, b) = (doc.get(), first.get(), second.get());
        library.with(|l| {
            let l = l.as_ref()?;
            let claims = l.annotations_of(&d);
            let r = between(&claims, &a, &b);
            let lines: Vec<String> = r.pairs.iter().map(|p| p.describe(&a, &b)).collect();
            let summary = r.summary(&a, &b);
            // The same two over every article either marked: a news cycle's figures.
            let all = (l.documents().iter()).map(|d| between(&l.annotations_of(&d.id), &a, &b));
            let pooled = Agreement::pooled(all).summary(&a, &b);
            Some(view! {
                <p class="second-summary">{summary}</p>
                <p class="second-pooled">{format!("Over every article: {pooled}")}</p>
                <ul class="second-claims">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })
        })
    };

    view! {
        <section aria-labelledby="team-second">
            <h2 id="team-second">"Second opinion"</h2>
            <p class="hint">
                "On an article two people marked independently: where they agree and where they differ. "
                "A claim counts as the person's who marked it (each sets their name above)."
            </p>
            <button type="button" on:click=move |_| load()>"Read the library again"</button>
            {move || problem.get().map(|p| view! { <p class="field-problem" role="alert">{p}</p> })}
            {move || match articles.with(Vec::is_empty) {
                true => view! {
                    <p>"No article has claims marked by two named people yet."</p>
                }
                    .into_any(),
                false => view! {
                    <div class="team-form">
                        <label for="second-article">"Article"</label>
                        <select id="second-article" on:change=move |ev| choose(event_target_value(&ev))>
                            {move || {
                                articles
                                    .get()
                                    .into_iter()
                                    .map(|(id, title, _)| {
                                        let selected = id == doc.get_untracked();
                                        view! { <option value=id selected=selected>{title}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                        <label for="second-first">"First checker"</label>
                        <select id="second-first" on:change=move |ev| first.set(event_target_value(&ev))>
                            {move || person_options(first)}
                        </select>
                        <label for="second-second">"Second checker"</label>
                        <select id="second-second" on:change=move |ev| second.set(event_target_value(&ev))>
                            {move || person_options(second)}
                        </select>
                    </div>
                    {result}
                }
                    .into_any(),
            }}
        </section>
    }
}

//! An article's report, for editors: its details, the share of sourced and unsourced claims as
//! a small chart drawn here (SVG), the ratings, then every claim with verdict, source, rating,
//! note and evidence. It prints cleanly (the print stylesheet leaves out the rest of the app).

use leptos::prelude::*;

use super::state::use_app;
use crate::domain::annotation::{safe_link, Verdict};
use crate::domain::formats::report;

/// The chart's width in SVG units.
const WIDTH: usize = 300;

#[component]
pub fn ReportView() -> impl IntoView {
    let app = use_app();
    let close = move |_| app.report.set(false);
    let body = move || {
        let id = app.open.get()?;
        app.library.with(|l| {
            let doc = l.document(&id)?;
            let r = report(l, &id);
            let (sourced, unsourced) = (r.sourced, r.unsourced);
            let (ps, pu) = (r.share(Verdict::Sourced), r.share(Verdict::Unsourced));
            let summary = format!(
                "{sourced} sourced ({ps}%), {unsourced} unsourced ({pu}%) of {} claims",
                r.total()
            );
            let w = WIDTH * ps / 100;
            let meta: Vec<String> = [doc.site.clone(), doc.author.clone(), doc.date.clone()]
                .into_iter()
                .flatten()
                .collect();
            let ratings = (!r.ratings.is_empty()).then(|| {
                let list: Vec<String> =
                    r.ratings.iter().map(|(l, n)| format!("{l}: {n}")).collect();
                view! { <p>{format!("Ratings: {}.", list.join("; "))}</p> }
            });
            let claims = r
                .rows
                .iter()
                .map(|row| {
                    let a = row.annotation;
                    let mut line = vec![a.verdict.label().to_owned()];
                    if !a.source.is_empty() {
                        line.push(format!("attributed to {}", a.source));
                    }
                    if !a.rating.is_empty() {
                        line.push(format!("rated {}", a.rating));
                    }
                    if !row.status().is_empty() {
                        line.push(row.status().to_owned());
                    }
                    let note = (!a.note.is_empty()).then(|| view! { <p class="report-note">{a.note.clone()}</p> });
                    let evidence = safe_link(&a.evidence).map(|u| {
                        view! { <p class="report-evidence">"Evidence: " {u.to_owned()}</p> }
                    });
                    view! {
                        <li class=format!("report-claim report-{}", a.verdict.as_str())>
                            <blockquote>{a.exact.clone()}</blockquote>
                            <p class="report-line">{line.join(" · ")}</p>
                            {note}
                            {evidence}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <h2 id="report-heading">{doc.title.clone()}</h2>
                {(!meta.is_empty()).then(|| view! { <p class="report-meta">{meta.join(" · ")}</p> })}
                {doc.web_address().map(|u| view! { <p class="report-meta">{u.to_owned()}</p> })}
                <figure class="report-chart">
                    <svg
                        role="img"
                        aria-label=summary.clone()
                        viewBox=format!("0 0 {WIDTH} 24")
                        width="100%"
                        height="24"
                        preserveAspectRatio="none"
                    >
                        <rect class="bar-sourced" x="0" y="0" width=w.to_string() height="24"></rect>
                        <rect
                            class="bar-unsourced"
                            x=w.to_string()
                            y="0"
                            width=(WIDTH - w).to_string()
                            height="24"
                        ></rect>
                    </svg>
                    <figcaption>{summary}</figcaption>
                </figure>
                {ratings}
                <ol class="report-claims">{claims}</ol>
            })
        })
    };
    view! {
        <section class="report" aria-labelledby="report-heading">
            <div class="report-actions">
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }
                >
                    "Print report"
                </button>
                <button type="button" class="quiet" on:click=close>
                    "Close report"
                </button>
            </div>
            {body}
        </section>
    }
}

//! Anchoring, saving and search benchmarks, the wasm build in headless Chromium, timed with
//! `performance.now()`.
//! Run by `bash .ci/bench` (release profile, as shipped).
#![cfg(target_arch = "wasm32")]

use claimmark::domain::benchmark::{dataset, run};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn anchoring_in_chromium() {
    let perf = web_sys::window().unwrap().performance().unwrap();
    let data = dataset(1_000_000, 1_000, 2026);
    let clock = perf.clone();
    let now = move || clock.now();
    let mut results = serde_json::Map::new();
    for (name, hints) in [("hints", true), ("no_hints", false)] {
        let f = run(&data, hints, &now);
        console_log!(
            "wasm   {name:>8}: total {:8.1} ms | per quote: unedited {:.4} ms, edited {:.4} ms | found {}/{} correct {}/{}",
            f.total_ms, f.unedited_ms_per_quote, f.edited_ms_per_quote, f.found, f.quotes, f.correct, f.quotes
        );
        results.insert(name.into(), serde_json::to_value(&f).unwrap());
    }
    console_log!("RESULT {}", serde_json::Value::Object(results));
}

/// Saving one edit: the domain's share in wasm (journal, records' JSON, an in-memory store),
/// for 50 and 3,000 articles. IndexedDB's own time comes from the end-to-end benchmark.
#[wasm_bindgen_test]
fn saving_in_chromium() {
    use claimmark::domain::benchmark::{large_library, saving};
    use claimmark::domain::records::MemoryRecords;
    let perf = web_sys::window().unwrap().performance().unwrap();
    let mut figures = Vec::new();
    for articles in [50, 3_000] {
        let perf = perf.clone();
        let lib = large_library(articles, 20_000, 20);
        let (ms, edit_ms, bytes) = saving(&MemoryRecords::default(), lib, 200, &move || perf.now());
        console_log!(
            "wasm   saving one edit, {articles} articles: {ms:.4} ms, {bytes} bytes (records in memory; the edit itself {edit_ms:.4} ms)"
        );
        figures.push(ms);
    }
    console_log!(
        "wasm   saving ratio 3,000 / 50 articles: {:.2}",
        figures[1] / figures[0]
    );
}

/// Searching 60,000 claims of 3,000 articles, a query typed a character at a time.
#[wasm_bindgen_test]
fn search_in_chromium() {
    use claimmark::domain::benchmark::search_benchmark;
    let perf = web_sys::window().unwrap().performance().unwrap();
    let (build, mean, worst, claims) = search_benchmark(&move || perf.now());
    console_log!(
        "wasm   search, {claims} claims: index built in {build:.1} ms; per keystroke {mean:.2} ms on average, {worst:.2} ms at worst"
    );
}

//! Anchoring and saving benchmarks, the wasm build in headless Chromium, timed with
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
    let t = perf.now();
    let readings = claimmark::domain::assistant::classify::analyse(&data.text);
    let ms = perf.now() - t;
    console_log!(
        "wasm   assistant: {ms:.1} ms for the whole document ({} units)",
        readings.len()
    );
    results.insert("assistant_ms".into(), serde_json::json!(ms));
    console_log!("RESULT {}", serde_json::Value::Object(results));
}

/// Saving one edit of a large library, with the browser's real localStorage.
#[wasm_bindgen_test]
fn saving_in_chromium() {
    use claimmark::browser::storage::local_store;
    use claimmark::domain::benchmark::{large_library, saving};
    use claimmark::domain::storage::LIBRARY_KEY;
    let perf = web_sys::window().unwrap().performance().unwrap();
    let store = local_store().unwrap();
    let (alone, turns) = saving(&store, large_library(50, 20_000, 40), 50, &move || {
        perf.now()
    });
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(LIBRARY_KEY)
        .unwrap();
    console_log!(
        "wasm   saving one edit: one tab {alone:.1} ms; two tabs taking turns {turns:.1} ms"
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

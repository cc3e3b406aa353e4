//! Anchoring benchmark, the wasm build in headless Chromium, timed with `performance.now()`.
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

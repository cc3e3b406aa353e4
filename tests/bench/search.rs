//! Search benchmark, native: 3,000 articles of 20,000 characters, 60,000 claims; the index
//! built once, then a query typed a character at a time. Prints figures; asserts nothing. The
//! same figures in Chromium come from tests/bench/anchoring_wasm.rs.

use std::time::Instant;

use claimmark::domain::benchmark::search_benchmark;

fn main() {
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    let (build, mean, worst, claims) = search_benchmark(&now);
    println!(
        "native search, {claims} claims: index built in {build:.1} ms; per keystroke {mean:.2} ms on average, {worst:.2} ms at worst"
    );
}

//! Saving benchmark, native: what one edit (a keystroke in a note) costs to save, for a library
//! of 50 articles and one of 3,000 (60,000 claims), in the same run. Each change writes only
//! the records it touched, so the cost must not grow with the library: the ratio is printed.
//! Prints figures; asserts nothing. Run by `bash .ci/bench`.

use std::time::Instant;

use claimmark::domain::benchmark::{large_library, saving};
use claimmark::domain::records::MemoryRecords;
use claimmark::domain::storage::encode;

fn main() {
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    let mut figures = Vec::new();
    for (articles, claims_each) in [(50, 20), (3_000, 20)] {
        let lib = large_library(articles, 20_000, claims_each);
        let (claims, bytes) = (lib.all_annotations().len(), encode(&lib.contents()).len());
        // What the library list works out again after a claim is tagged or its verdict changed.
        let (t, rounds) = (now(), 20);
        let listed: usize = (0..rounds).map(|_| lib.all_counts().len()).sum();
        println!(
            "native counting every article's claims (the library list, after a tag): {articles} \
             articles: {:.4} ms ({} articles listed)",
            (now() - t) / rounds as f64,
            listed / rounds
        );
        let (ms, edit_ms, written) = saving(&MemoryRecords::default(), lib, 200, &now);
        println!(
            "native saving one edit: {articles} articles, {claims} claims ({:.1} MB as one value): \
             {ms:.4} ms, {written} bytes written (the edit itself, finding the claim: {edit_ms:.4} ms)",
            bytes as f64 / 1e6
        );
        figures.push(ms);
    }
    println!(
        "saving ratio 3,000 articles / 50 articles: {:.2} (the single-value store rewrote the whole library)",
        figures[1] / figures[0]
    );
}

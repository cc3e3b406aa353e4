//! Saving benchmark, native: what one edit (a keystroke in a note) costs to save, for a large
//! library. Every change is saved at once, merged with whatever another tab saved in between, so
//! this is the price of each keystroke. Prints figures; asserts nothing. Run by `bash .ci/bench`;
//! the same figures in Chromium, with real localStorage, come from tests/bench/anchoring_wasm.rs.

use std::time::Instant;

use claimmark::domain::benchmark::{large_library, saving};
use claimmark::domain::storage::{encode, MemoryStore};

fn main() {
    let lib = large_library(50, 20_000, 40);
    println!(
        "library: 50 articles of about 20,000 characters, {} claims; stored JSON {} bytes",
        lib.all_annotations().len(),
        encode(&lib.contents()).len()
    );
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    let (alone, turns) = saving(&MemoryStore::default(), lib, 50, &now);
    println!("native saving one edit: one tab {alone:.1} ms; two tabs taking turns {turns:.1} ms");
}

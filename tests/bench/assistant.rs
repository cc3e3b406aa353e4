//! The claim assistant on the anchoring benchmark's 1,000,000-character document, natively:
//! the median of five readings. Prints figures; asserts nothing (`cargo bench --bench assistant`).

use std::time::Instant;

use claimmark::domain::assistant::classify::{analyse, Kind};
use claimmark::domain::benchmark::dataset;

fn main() {
    let data = dataset(1_000_000, 0, 2026);
    let mut times = Vec::new();
    let mut units = 0;
    let mut claims = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let readings = analyse(&data.text);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        units = readings.len();
        claims = readings.iter().filter(|r| r.kind == Kind::Claim).count();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "native assistant: median {:.1} ms of 5 (fastest {:.1}, slowest {:.1}) for {} characters, {units} units, {claims} claims",
        times[2],
        times[0],
        times[4],
        data.text.chars().count()
    );
}

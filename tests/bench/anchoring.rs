//! Anchoring benchmark, native. Prints figures; writes the dataset for the Node peer and this
//! run's figures for the summary. Run by `bash .ci/bench` (`cargo bench --bench anchoring`).

use std::time::Instant;

use claimmark::domain::benchmark::{dataset, run, Figures};

fn main() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).expect("target/bench");
    let t = Instant::now();
    let data = dataset(1_000_000, 1_000, 2026);
    let generated = t.elapsed().as_secs_f64();
    std::fs::write(
        out.join("anchoring-data.json"),
        serde_json::to_string(&data).expect("serialises"),
    )
    .expect("write dataset");
    println!(
        "corpus: {} characters, {} quotes ({} edited), generated in {generated:.1} s",
        data.text.chars().count(),
        data.cases.len(),
        data.cases.iter().filter(|c| c.edits > 0).count()
    );
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    let mut results = serde_json::Map::new();
    for (name, hints) in [("hints", true), ("no_hints", false)] {
        let f: Figures = run(&data, hints, &now);
        println!(
            "native {name:>8}: total {:8.1} ms | per quote: unedited {:.4} ms, edited {:.4} ms | found {}/{} correct {}/{}",
            f.total_ms, f.unedited_ms_per_quote, f.edited_ms_per_quote, f.found, f.quotes, f.correct, f.quotes
        );
        results.insert(name.into(), serde_json::to_value(&f).expect("figures"));
    }
    std::fs::write(
        out.join("anchoring-native.json"),
        serde_json::Value::Object(results).to_string(),
    )
    .expect("write figures");
}

//! Fuzzing on stable Rust: a seeded mutation loop over every parser and over anchoring.
//!
//! `cargo test --test fuzz` runs a bounded pass (a few seconds; part of `bash .ci/test`).
//! `bash .ci/fuzz [ITERATIONS] [SEED]` runs a longer one in release mode. Flags, after `--`:
//! `--iterations N` (per target), `--seed N`, `--target NAME`, `--save DIR` (where crashing inputs
//! are written; `target/fuzz-crashes` by default).
//!
//! Before generating anything, every input in `tests/fuzz/regressions/<target>/` (inputs that once
//! crashed claimmark) is replayed. It prints inputs tried, accepted, refused, panics and broken
//! promises per target, and fails if there was any panic or broken promise.
// Native only: the wasm build of the tests has nothing to fuzz here.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

mod gen;
mod targets;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use gen::Rng;
use targets::{Corpus, Outcome, Target, TARGETS};

struct Options {
    iterations: usize,
    seed: u64,
    only: Option<String>,
    save: PathBuf,
}

fn options() -> Options {
    let mut o = Options {
        iterations: 400,
        seed: 0x00C1_A1A1,
        only: None,
        save: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes"),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    // Unknown arguments (test filters, --nocapture) are cargo test's, passed to every test binary.
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--iterations" => o.iterations = value.parse().expect("--iterations N"),
            "--seed" => o.seed = value.parse().expect("--seed N"),
            "--target" => o.only = Some(value),
            "--save" => o.save = PathBuf::from(value),
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    o
}

#[derive(Default)]
struct Tally {
    tried: usize,
    accepted: usize,
    refused: usize,
    panics: usize,
    wrong: usize,
}

/// Runs one input, catching a panic; the panic's message and place come from the hook.
fn attempt(
    t: &Target,
    input: &str,
    corpus: &Corpus,
    last_panic: &Mutex<String>,
) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| (t.run)(input, corpus)))
        .map_err(|_| last_panic.lock().map(|s| s.clone()).unwrap_or_default())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test -- --list`: nothing to list.
    }
    let o = options();
    let last_panic = Arc::new(Mutex::new(String::new()));
    let hook_panic = Arc::clone(&last_panic);
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut s) = hook_panic.lock() {
            *s = info.to_string();
        }
    }));
    let corpus = Corpus::new();
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut failed = false;
    println!(
        "fuzz: seed {}, {} generated inputs per target, crashing inputs saved to {}",
        o.seed,
        o.iterations,
        o.save.display()
    );
    println!(
        "{:<16} {:>8} {:>8} {:>8} {:>8} {:>7} {:>6} {:>9}",
        "target", "replayed", "tried", "accepted", "refused", "panics", "wrong", "time"
    );
    for t in TARGETS
        .iter()
        .filter(|t| o.only.as_deref().is_none_or(|n| n == t.name))
    {
        let started = Instant::now();
        let mut tally = Tally::default();
        let mut report =
            |input: &str, result: Result<Outcome, String>, tally: &mut Tally, replayed: bool| {
                tally.tried += 1;
                let problem = match result {
                    Ok(Outcome::Accepted) => {
                        tally.accepted += 1;
                        None
                    }
                    Ok(Outcome::Refused) => {
                        tally.refused += 1;
                        None
                    }
                    Ok(Outcome::Wrong(why)) => {
                        tally.wrong += 1;
                        Some(format!("broken promise: {why}"))
                    }
                    Err(panic) => {
                        tally.panics += 1;
                        Some(format!("panic: {panic}"))
                    }
                };
                if let Some(problem) = problem {
                    failed = true;
                    let name = format!("{}-{:016x}.{}", t.name, fnv(input), t.ext);
                    let path = o.save.join(&name);
                    let _ = std::fs::create_dir_all(&o.save);
                    let _ = std::fs::write(&path, input);
                    let from = if replayed {
                        "regression input"
                    } else {
                        "generated input"
                    };
                    eprintln!(
                        "{}: {from} {name}: {problem}\n  saved to {}",
                        t.name,
                        path.display()
                    );
                }
            };
        // Inputs that once crashed, first.
        let mut replayed = 0;
        let mut files: Vec<PathBuf> = std::fs::read_dir(regressions.join(t.name))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let input = std::fs::read_to_string(&f).expect("a regression input is UTF-8");
            replayed += 1;
            let result = attempt(t, &input, &corpus, &last_panic);
            report(&input, result, &mut tally, true);
        }
        let mut rng = Rng::new(o.seed ^ fnv(t.name));
        for _ in 0..o.iterations {
            let input = (t.generate)(&mut rng, &corpus);
            let result = attempt(t, &input, &corpus, &last_panic);
            report(&input, result, &mut tally, false);
        }
        let elapsed = started.elapsed();
        println!(
            "{:<16} {:>8} {:>8} {:>8} {:>8} {:>7} {:>6} {:>7.2} s",
            t.name,
            replayed,
            tally.tried,
            tally.accepted,
            tally.refused,
            tally.panics,
            tally.wrong,
            elapsed.as_secs_f64()
        );
    }
    if failed {
        eprintln!("fuzz: FAILED (see the inputs above; add each, once fixed, to tests/fuzz/regressions/<target>/)");
        std::process::exit(1);
    }
}

/// FNV-1a: names saved inputs by their content.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

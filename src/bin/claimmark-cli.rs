//! claimmark from the command line, for batch use and for checking the assistant and the
//! extraction by hand:
//!
//! ```sh
//! cargo run --release --bin claimmark-cli -- extract PAGE.html [PAGE.html …] [--url URL]
//! cargo run --release --bin claimmark-cli -- suggest ARTICLE.txt [--outlet NAME]
//! cargo run --release --bin claimmark-cli -- agree FIRST.json SECOND.json
//! ```
//!
//! `extract` prints, for each page (HTML in any common encoding, or MHTML), one JSON object:
//! the article text and where it came from. `suggest` prints one JSON object per unit of the
//! article: `start`, `end` (code points), `text`, `claim`, `kind`, `verdict`, `source`,
//! `vague`, `carried`, `score` (check-worthiness, 0–100). `--outlet` names the article's own
//! outlet: what it says it has learned is its own voice, not a source. `agree` compares two
//! checkers' downloads (W3C files): for each article both hold (the same text) that either
//! marked, one JSON object with how many claims they agree on, differ on, or only one marked,
//! the share agreed, Cohen's kappa on the verdict, and each claim; then, for more than one
//! article, the same figures over all of them.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run(std::env::args().skip(1).collect()) {
        eprintln!("claimmark-cli: {e}");
        std::process::exit(2);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: claimmark-cli extract PAGE.html [PAGE.html …] [--url URL]\n       claimmark-cli suggest ARTICLE.txt [--outlet NAME]\n       claimmark-cli agree FIRST.json SECOND.json";

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<(), String> {
    use claimmark::domain::assistant::classify::{analyse_with, Kind};
    use claimmark::domain::extract::extract_bytes;
    use serde_json::json;
    use std::io::Write;

    let read = |path: &str| std::fs::read(path).map_err(|e| format!("{path}: {e}"));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut emit = |v: serde_json::Value| -> Result<(), String> {
        writeln!(out, "{v}").map_err(|e| e.to_string())
    };
    match args.first().map(String::as_str) {
        Some("extract") => {
            let mut url = None;
            let mut pages = Vec::new();
            let mut rest = args[1..].iter();
            while let Some(a) = rest.next() {
                if a == "--url" {
                    url = Some(rest.next().ok_or("--url needs an address")?.clone());
                } else {
                    pages.push(a.clone());
                }
            }
            if pages.is_empty() {
                return Err(USAGE.into());
            }
            for path in pages {
                let page = extract_bytes(&read(&path)?, url.as_deref());
                let m = &page.meta;
                emit(json!({
                    "file": path,
                    "text": page.text,
                    "url": m.url, "headline": m.headline, "site": m.site,
                    "author": m.author, "published": m.published, "language": m.language,
                }))?;
            }
            Ok(())
        }
        // For developers: why a piece of a page's text is or is not in the article.
        Some("explain") => {
            let [_, path, needle] = &args[..] else {
                return Err(
                    "usage: claimmark-cli explain PAGE.html 'some text of the page'".into(),
                );
            };
            print!(
                "{}",
                claimmark::domain::extract::explain(&read(path)?, needle)
            );
            Ok(())
        }
        // For developers: how the assistant read the units that contain some text.
        Some("explain-claims") => {
            let [_, path, needle, rest @ ..] = &args[..] else {
                return Err(
                    "usage: claimmark-cli explain-claims ARTICLE.txt 'some text' [OUTLET]".into(),
                );
            };
            let text = String::from_utf8_lossy(&read(path)?).into_owned();
            let outlet = rest.first().map(String::as_str);
            print!(
                "{}",
                claimmark::domain::assistant::classify::explain(&text, needle, outlet)
            );
            Ok(())
        }
        Some("agree") => {
            use claimmark::domain::agreement::{compare, Agreement, Outcome};
            use claimmark::domain::document::seed_documents;
            use claimmark::domain::library::Library;
            let [_, first, second] = &args[..] else {
                return Err(USAGE.into());
            };
            let base = Library::new(seed_documents());
            let load = |path: &str| -> Result<Library, String> {
                let text = String::from_utf8(read(path)?)
                    .map_err(|_| format!("{path}: not UTF-8 text"))?;
                let file = claimmark::domain::w3c::import(&text, &base, 0)
                    .map_err(|e| format!("{path}: {e}"))?;
                let mut library = base.clone();
                library.merge(file.contents);
                Ok(library)
            };
            let (one, two) = (load(first)?, load(second)?);
            // The figures of a comparison, under what it is of (an article, or all of them).
            let figures = |of: (&str, serde_json::Value), r: &Agreement| {
                json!({
                    of.0: of.1,
                    "agree": r.agree,
                    "differ": r.differ,
                    "onlyFirst": r.only_first,
                    "onlySecond": r.only_second,
                    "share": r.share(),
                    "kappa": r.kappa(),
                })
            };
            let mut all = Vec::new();
            for d in one.documents() {
                let Some(e) = two.documents().iter().find(|e| e.text == d.text) else {
                    continue;
                };
                let (x, y) = (one.annotations_of(&d.id), two.annotations_of(&e.id));
                if x.is_empty() && y.is_empty() {
                    continue;
                }
                let r = compare(&x, &y);
                let side = |a: Option<&claimmark::domain::annotation::Annotation>| {
                    a.map(|a| json!({"quote": a.exact, "verdict": a.verdict.as_str(), "start": a.start, "end": a.end}))
                };
                let claims: Vec<serde_json::Value> = (r.pairs.iter())
                    .map(|p| {
                        let outcome = match p.outcome {
                            Outcome::Agree => "agree",
                            Outcome::Differ => "differ",
                            Outcome::OnlyFirst => "only first",
                            Outcome::OnlySecond => "only second",
                        };
                        json!({"outcome": outcome, "first": side(p.first), "second": side(p.second)})
                    })
                    .collect();
                let mut line = figures(("article", json!(d.title)), &r);
                line["claims"] = json!(claims);
                emit(line)?;
                all.push(r);
            }
            let articles = all.len();
            if articles > 1 {
                emit(figures(
                    ("articles", json!(articles)),
                    &Agreement::pooled(all),
                ))?;
            }
            Ok(())
        }
        Some("suggest") => {
            let (path, outlet) = match &args[..] {
                [_, path] => (path, None),
                [_, path, flag, outlet] if flag == "--outlet" => (path, Some(outlet.as_str())),
                _ => return Err(USAGE.into()),
            };
            let raw =
                String::from_utf8(read(path)?).map_err(|_| format!("{path}: not UTF-8 text"))?;
            let text = claimmark::domain::text::normalize_newlines(&raw);
            let chars: Vec<char> = text.chars().collect();
            for r in analyse_with(&text, outlet) {
                let claim = r.kind == Kind::Claim;
                emit(json!({
                    "start": r.start,
                    "end": r.end,
                    "text": chars[r.start..r.end].iter().collect::<String>(),
                    "claim": claim,
                    "kind": r.kind.as_str(),
                    "verdict": claim.then(|| r.verdict.as_str()),
                    "source": if claim { r.source.clone() } else { None },
                    "vague": claim && r.vague,
                    "carried": claim && r.carried,
                    "score": r.score,
                }))?;
            }
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

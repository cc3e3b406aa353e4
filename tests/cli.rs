//! The native command, run as a user runs it: `claimmark-cli suggest`, `extract` and `agree`
//! print one JSON object per line, and refuse bad input with a message and a failing status.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built command. Cargo names it at compile time; `cargo clippy --all-targets` in a fresh
/// target folder with a rustc wrapper (`.cargo/config.toml`) leaves the name out, so it is then
/// found beside the test, where `cargo test` builds it.
fn exe() -> PathBuf {
    option_env!("CARGO_BIN_EXE_claimmark-cli").map_or_else(
        || {
            let test = std::env::current_exe().expect("the test knows where it is");
            let deps = test.parent().expect("in deps/");
            deps.with_file_name(format!("claimmark-cli{}", std::env::consts::EXE_SUFFIX))
        },
        PathBuf::from,
    )
}

fn cli(args: &[&str]) -> Output {
    Command::new(exe())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the command runs")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn suggest_prints_every_unit_with_offsets_verdict_source_and_score() {
    let path = "tests/data/assistant/seeds/articles/004_bc20113c5b07d9bb.txt";
    let text: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
    let units = lines(&cli(&["suggest", path]));
    assert!(units.len() > 20, "{}", units.len());
    let mut last_end = 0;
    for u in &units {
        let (start, end) = (
            u["start"].as_u64().unwrap() as usize,
            u["end"].as_u64().unwrap() as usize,
        );
        assert!(last_end <= start && start < end && end <= text.len());
        last_end = end;
        let slice: String = text[start..end].iter().collect();
        assert_eq!(
            u["text"].as_str(),
            Some(slice.as_str()),
            "offsets are code points"
        );
        let score = u["score"].as_u64().unwrap();
        assert!(score <= 100);
        if u["claim"] == true {
            assert!(matches!(
                u["verdict"].as_str(),
                Some("sourced" | "unsourced")
            ));
            assert_eq!(u["verdict"] == "sourced", u["source"].is_string(), "{u}");
        } else {
            assert!(u["verdict"].is_null() && u["source"].is_null() && score == 0);
        }
    }
    let said = units
        .iter()
        .find(|u| {
            u["text"]
                .as_str()
                .unwrap()
                .contains("the Defense Department said")
        })
        .unwrap();
    assert_eq!(said["source"], "Defense Department");
    assert!(units.iter().any(|u| u["claim"] == false));
}

#[test]
fn suggest_takes_the_outlet_whose_own_learning_is_not_a_source() {
    let dir = std::env::temp_dir().join(format!("claimmark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kt.txt");
    std::fs::write(
        &path,
        "Police arrested two men on Friday, the Korea Times reported.\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let plain = lines(&cli(&["suggest", p]));
    let own = lines(&cli(&["suggest", p, "--outlet", "The Korea Times"]));
    assert_eq!(plain[0]["source"], "Korea Times");
    assert!(
        own[0]["source"].is_null() && own[0]["vague"] == true,
        "{}",
        own[0]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_prints_the_article_and_where_it_came_from() {
    let page = "tests/data/pages/cnn.html";
    assert!(Path::new(page).exists());
    let out = lines(&cli(&["extract", page]));
    assert_eq!(out.len(), 1);
    let text = out[0]["text"].as_str().unwrap();
    assert!(text.contains("Center on Poverty and Inequality"), "{text}");
    assert!(!text.contains("<"), "text, not markup");
    assert_eq!(out[0]["site"], "CNNMoney");
    assert_eq!(out[0]["published"], "2016-02-01");
}

#[test]
fn bad_input_gets_a_message_and_a_failing_status() {
    for args in [
        &["suggest", "no/such/file.txt"][..],
        &["suggest"][..],
        &["frobnicate"][..],
        &["extract"][..],
        &["agree", "Cargo.toml"][..],
        &["agree", "Cargo.toml", "Cargo.toml"][..],
    ] {
        let out = cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("claimmark-cli: "), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = cli(&["suggest", "no/such/file.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn agree_compares_two_checkers_downloads_of_the_same_article() {
    use claimmark::domain::annotation::Verdict;
    use claimmark::domain::document::seed_documents;
    use claimmark::domain::library::Library;
    use claimmark::domain::w3c::{export, Scope};
    let seeds = seed_documents();
    // Claims as (article, start, end, verdict).
    let file = |name: &str, claims: &[(usize, usize, usize, Verdict)]| {
        let mut l = Library::new(seeds.clone());
        for (i, &(doc, start, end, verdict)) in claims.iter().enumerate() {
            l.annotate(
                &seeds[doc].id,
                (start, end),
                verdict,
                format!("{name}-{i}"),
                10,
            )
            .unwrap();
        }
        let path = std::env::temp_dir().join(format!(
            "claimmark-agree-{name}-{}.json",
            std::process::id()
        ));
        std::fs::write(&path, export(&l, Scope::All, 20, "test")).unwrap();
        path
    };
    use Verdict::{Sourced as S, Unsourced as U};
    // Ana and Ben, on the first article: one claim alike (Ben one character short), one with
    // another verdict, one each that the other did not mark; on the second, one alike.
    let ana = file(
        "ana",
        &[
            (0, 0, 60, S),
            (0, 100, 160, U),
            (0, 300, 340, U),
            (1, 0, 50, S),
        ],
    );
    let ben = file(
        "ben",
        &[
            (0, 0, 59, S),
            (0, 102, 160, S),
            (0, 500, 560, U),
            (1, 0, 50, S),
        ],
    );
    let out = lines(&cli(&[
        "agree",
        ana.to_str().unwrap(),
        ben.to_str().unwrap(),
    ]));
    assert_eq!(out.len(), 3, "two articles and all together: {out:?}");
    let r = &out[0];
    assert_eq!(r["article"], seeds[0].title.as_str());
    let counts = [&r["agree"], &r["differ"], &r["onlyFirst"], &r["onlySecond"]];
    assert_eq!(counts, [1, 1, 1, 1]);
    assert_eq!(r["share"], 0.25);
    assert!(r["kappa"].as_f64().unwrap() < 0.25, "{}", r["kappa"]);
    let outcomes: Vec<&str> = (r["claims"].as_array().unwrap().iter())
        .map(|c| c["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["agree", "differ", "only first", "only second"]);
    assert_eq!(r["claims"][1]["second"]["verdict"], "sourced");
    assert_eq!(out[1]["article"], seeds[1].title.as_str());
    assert_eq!(out[1]["share"], 1.0);
    let all = &out[2];
    assert_eq!(all["articles"], 2);
    let counts = [
        &all["agree"],
        &all["differ"],
        &all["onlyFirst"],
        &all["onlySecond"],
    ];
    assert_eq!(counts, [2, 1, 1, 1]);
    assert_eq!(all["share"], 0.4);
    for path in [ana, ben] {
        let _ = std::fs::remove_file(path);
    }
}

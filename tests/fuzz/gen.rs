//! Randomness for the fuzzer: a seeded generator (runs repeat exactly), messy texts, and
//! mutations of JSON (by structure and by character).

use serde_json::{Map, Value};

/// SplitMix64: small, fast, and the same sequence on every machine for a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p` in 100.
    pub fn chance(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text that have broken text handling somewhere: astral characters (two UTF-16
/// units), combining marks, joiners, right-to-left text, line and paragraph separators, control
/// characters, curly quotes, and the words the claim assistant looks for.
const PIECES: &[&str] = &[
    "a",
    "the",
    "The",
    "minister",
    "said",
    " said ",
    "says",
    "according to",
    "told",
    "Reuters",
    "Mr.",
    "U.S.",
    "Gen.",
    "Jan.",
    "\u{201C}",
    "\u{201D}",
    "\"",
    "'",
    "\u{2019}",
    "\u{2014}",
    "\u{2013}",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ". ",
    "?",
    "!",
    ":",
    ";",
    ",",
    "(",
    ")",
    "@",
    "#",
    "pic.twitter.com/x",
    "— Name (@name) January 3, 2020",
    "😀",
    "👩‍👩‍👧",
    "🇫🇷",
    "e\u{301}",
    "\u{301}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\u{0}",
    "\u{7F}",
    "ש\u{05B8}לוֹם",
    "مرحبا",
    "日本語",
    "ÉLYSÉE",
    "ß",
    "İ",
    "Ω",
    "Москва",
    " date 2020-01-03 ",
    "3%",
    "1,000",
    "$5bn",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "<",
    ">",
    "<p>",
    "</p>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<h1>",
    "</h1>",
    "<title>",
    "reportedly",
    "officials said",
    "he said",
    "she wrote",
    "Breaking",
    "Photo by",
    "Credit:",
];

/// A text of up to `max_pieces` random pieces.
pub fn messy_text(rng: &mut Rng, max_pieces: usize) -> String {
    let n = rng.below(max_pieces + 1);
    let mut s = String::new();
    for _ in 0..n {
        if rng.chance(3) {
            s.push(random_char(rng));
        } else {
            let piece = PIECES[rng.below(PIECES.len())];
            s.push_str(piece);
        }
    }
    s
}

/// Any Unicode scalar value, biased to the awkward ones.
pub fn random_char(rng: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x00, 0x7F),
        (0x80, 0x7FF),
        (0x300, 0x36F),
        (0x2000, 0x206F),
        (0xD7FF, 0xD7FF),
        (0xE000, 0xFFFF),
        (0x1_0000, 0x1_FFFF),
        (0x10_FFFF, 0x10_FFFF),
    ];
    let (lo, hi) = *rng.pick(ranges);
    let c = lo + (rng.next() % u64::from(hi - lo + 1)) as u32;
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

/// Numbers that break offset arithmetic: zero, the edges of 32 and 64 bits, negatives,
/// fractions, exponents.
pub fn interesting_number(rng: &mut Rng) -> Value {
    let raw = *rng.pick(&[
        "0",
        "1",
        "-1",
        "2",
        "31",
        "32",
        "33",
        "255",
        "1000",
        "1031",
        "65535",
        "4294967295",
        "4294967296",
        "4294967297",
        "9007199254740993",
        "18446744073709551615",
        "-9223372036854775808",
        "1.5",
        "1e3",
        "1e308",
        "-0",
    ]);
    serde_json::from_str(raw).unwrap_or(Value::Null)
}

fn interesting_string(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => String::new(),
        1 => "urn:claimmark:doc:".into(),
        2 => "urn:claimmark:doc:000_698b5d7c01ae0af2".into(),
        3 => (*rng.pick(&[
            "sourced",
            "unsourced",
            "orphan",
            "moved",
            "anchored",
            "classifying",
            "tagging",
            "commenting",
            "linking",
            "TextQuoteSelector",
            "TextPositionSelector",
            "Annotation",
            "AnnotationCollection",
            "AnnotationPage",
            "SpecificResource",
            "TextualBody",
            "seed",
            "user",
            "2020-01-03T12:00:00Z",
            "9999-12-31T23:59:60.999+23:59",
            "0000-01-01T00:00:00-23:59",
            "2020-02-30T00:00:00Z",
            "2020-01-03",
            "javascript:alert(1)",
        ]))
        .to_owned(),
        4 => messy_text(rng, 6),
        5 => "x".repeat(1 + rng.below(5000)),
        6 => {
            let n = rng.below(40);
            (0..n).map(|_| random_char(rng)).collect()
        }
        _ => messy_text(rng, 40),
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => interesting_number(rng),
        3 | 4 => Value::String(interesting_string(rng)),
        5 => Value::Array(
            (0..rng.below(3))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(3) {
                m.insert(interesting_string(rng), random_value(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// Every node of `v` by its path (keys and indexes).
fn paths(v: &Value, here: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(here.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                here.push(PathStep::Index(i));
                paths(x, here, out);
                here.pop();
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                here.push(PathStep::Key(k.clone()));
                paths(x, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(v: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// One change to the JSON tree: a node replaced, removed, duplicated, or nudged.
fn mutate_tree(rng: &mut Rng, root: &mut Value) {
    let mut all = Vec::new();
    paths(root, &mut Vec::new(), &mut all);
    let path = rng.pick(&all).clone();
    let donor = {
        let other = rng.pick(&all).clone();
        let mut copy = root.clone();
        at_mut(&mut copy, &other).take()
    };
    let node = at_mut(root, &path);
    match rng.below(9) {
        0 => *node = random_value(rng, 0),
        1 => *node = donor,
        2 => match node {
            Value::Object(m) if !m.is_empty() => {
                let k = m
                    .keys()
                    .nth(rng.below(m.len()))
                    .cloned()
                    .unwrap_or_default();
                m.remove(&k);
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(rng.below(a.len()));
            }
            other => *other = Value::Null,
        },
        3 => match node {
            Value::Array(a) if !a.is_empty() => {
                let x = a[rng.below(a.len())].clone();
                a.insert(rng.below(a.len() + 1), x);
            }
            Value::Object(m) => {
                m.insert(interesting_string(rng), random_value(rng, 0));
            }
            other => *other = Value::Array(vec![other.clone(), donor]),
        },
        4 => match node {
            Value::Number(n) => {
                let x = n.as_i64().unwrap_or(0);
                let delta = *rng.pick(&[1i64, -1, 31, -31, 1000, -1000, 1 << 31, 1 << 32]);
                *node = Value::from(x.saturating_add(delta));
            }
            Value::String(s) => *s = mutate_chars(rng, s),
            other => *other = interesting_number(rng),
        },
        5 => *node = interesting_number(rng),
        6 => *node = Value::String(interesting_string(rng)),
        7 => {
            if let Value::String(s) = node {
                // Swap in another string of the same document: quotes and contexts crossed.
                if let Value::String(d) = donor {
                    *s = d;
                }
            }
        }
        _ => {
            if let Value::Object(m) = node {
                // start after end, both past the end, and similar.
                if m.contains_key("start") || m.contains_key("end") {
                    let (a, b) = (interesting_number(rng), interesting_number(rng));
                    m.insert("start".into(), a);
                    m.insert("end".into(), b);
                }
            }
        }
    }
}

/// A few character-level edits: insert, delete, duplicate, replace, truncate.
pub fn mutate_chars(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let n = chars.len();
        let i = if n == 0 { 0 } else { rng.below(n + 1) };
        match rng.below(6) {
            0 => chars.insert(i, random_char(rng)),
            1 => {
                let piece: Vec<char> = (*rng.pick(PIECES)).chars().collect();
                chars.splice(i..i, piece);
            }
            2 if n > 0 => {
                let j = (i + 1 + rng.below(16)).min(n);
                chars.drain(i.min(j)..j);
            }
            3 if n > 0 => {
                let j = (i + 1 + rng.below(64)).min(n);
                let dup: Vec<char> = chars[i.min(j)..j].to_vec();
                chars.splice(j..j, dup);
            }
            4 if n > 0 => chars[i.min(n - 1)] = random_char(rng),
            _ if n > 0 => chars.truncate(i),
            _ => chars.push(random_char(rng)),
        }
    }
    chars.into_iter().collect()
}

/// A mutant of the JSON text `seed`: mostly by structure (still JSON, wrong in one place), some
/// by characters (often not JSON at all).
pub fn mutate_json(rng: &mut Rng, seed: &str) -> String {
    if rng.chance(25) {
        return mutate_chars(rng, seed);
    }
    let Ok(mut v) = serde_json::from_str::<Value>(seed) else {
        return mutate_chars(rng, seed);
    };
    for _ in 0..1 + rng.below(3) {
        mutate_tree(rng, &mut v);
    }
    if rng.chance(50) {
        serde_json::to_string(&v).unwrap_or_default()
    } else {
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}

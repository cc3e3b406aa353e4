//! The file format: a W3C Web Annotation `AnnotationCollection` (JSON-LD).
//!
//! Export writes each annotation with a `TextQuoteSelector` and a `TextPositionSelector`
//! (code points), the verdict as a `classifying` `TextualBody`, a note as a `commenting` body,
//! an evidence link as a `linking` `SpecificResource`. claimmark's own data (the documents a
//! user added, so a file restores them elsewhere) goes in `claimmark:` properties.
//!
//! Import is a parser that returns an error saying what is wrong and where; it never changes
//! the library. The caller merges the parsed contents only when the whole file is good.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::anchor::{quote_at, Anchorer, Quote};
use super::annotation::{safe_link, Annotation, Status, Verdict};
use super::document::{doc_id_of_source, source_iri, Document, Origin};
use super::library::{reanchor, Contents, Library, ReanchorReport};
use super::provenance::same_address;
use super::text::IndexedText;
use super::time::{parse_rfc3339, to_rfc3339};

pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The JSON-LD prefix of claimmark's own properties.
pub const VOCAB: &str = "urn:claimmark:vocab#";
const DOCUMENTS: &str = "claimmark:documents";

/// Which annotations to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    Document(&'a str),
    All,
}

/// One annotation as it sits in its text now: `span` is where it is placed (`None`: its quote is
/// not in the text, so it is written as an orphan, whatever its stored position says).
fn annotation_json(a: &Annotation, span: Option<(usize, usize)>, doc: &Document) -> Value {
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "classifying",
        "value": a.verdict.as_str(),
    })];
    if !a.note.is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "value": a.note,
            "format": "text/plain",
        }));
    }
    let mut item = json!({
        "id": a.id,
        "type": "Annotation",
        "motivation": "classifying",
        "created": to_rfc3339(a.created),
        "modified": to_rfc3339(a.modified),
        "body": body,
        "target": {
            "source": doc.web_address().map_or_else(|| source_iri(&a.doc), str::to_owned),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.exact,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                },
                { "type": "TextPositionSelector", "start": span.map_or(0, |s| s.0), "end": span.map_or(0, |s| s.1) },
            ],
        },
    });
    if doc.web_address().is_some() {
        // The page's address is the target any W3C tool can place the quote on; the article in
        // claimmark stays named beside it.
        item["target"]["claimmark:doc"] = json!(source_iri(&a.doc));
    }
    if a.suggested {
        item["claimmark:suggested"] = json!(true);
        if !a.detected_source.is_empty() {
            item["claimmark:detectedSource"] = json!(a.detected_source);
        }
    }
    if !a.rating.is_empty() {
        item["claimmark:rating"] = json!(a.rating);
    }
    if !a.source.is_empty() {
        item["claimmark:source"] = json!(a.source);
    }
    // Who marked it (the model's `creator`, an agent), and who changed it last.
    if !a.creator.is_empty() {
        item["creator"] = json!({"type": "Person", "name": a.creator});
    }
    if !a.editor.is_empty() {
        item["claimmark:editor"] = json!(a.editor);
    }
    match (a.status, span) {
        (Status::Anchored, Some(_)) => {}
        // An orphan has no place in the text: only its quote.
        (Status::Orphan, _) | (_, None) => {
            item["target"]["selector"]
                .as_array_mut()
                .expect("array")
                .truncate(1);
            item["claimmark:status"] = json!("orphan");
        }
        (Status::Moved, Some(_)) => {
            item["claimmark:status"] = json!("moved");
            item["claimmark:was"] = json!(a.was);
        }
    }
    match safe_link(&a.evidence) {
        Some(url) => item["body"].as_array_mut().expect("array").push(json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": url,
        })),
        // Not a web address: kept verbatim so nothing the user typed is lost.
        None if !a.evidence.is_empty() => {
            item["claimmark:evidence"] = json!(a.evidence);
        }
        None => {}
    }
    item
}

fn document_json(d: &Document) -> Value {
    let mut v = json!({
        "id": source_iri(&d.id),
        "type": "Text",
        "label": d.title,
        "claimmark:origin": match d.origin { Origin::Seed => "seed", Origin::User => "user" },
    });
    if let Some(date) = &d.date {
        v["claimmark:date"] = json!(date);
    }
    if let Some(url) = d.web_address() {
        v["claimmark:url"] = json!(url);
    }
    for (key, value) in [
        ("claimmark:site", &d.site),
        ("claimmark:author", &d.author),
        ("claimmark:language", &d.language),
    ] {
        if let Some(value) = value {
            v[key] = json!(value);
        }
    }
    if d.revised != 0 {
        v["claimmark:revised"] = json!(to_rfc3339(d.revised));
    }
    if d.edited != 0 {
        v["claimmark:edited"] = json!(to_rfc3339(d.edited));
    }
    // Seed texts ship with the app; user texts travel with their annotations.
    if d.origin == Origin::User {
        v["claimmark:text"] = json!(d.text);
        v["claimmark:added"] = json!(to_rfc3339(d.added));
    }
    v
}

/// The collection for `scope`, as pretty-printed JSON.
pub fn export(library: &Library, scope: Scope<'_>, now: i64, version: &str) -> String {
    let docs: Vec<&Document> = library
        .documents()
        .iter()
        .filter(|d| match scope {
            Scope::Document(id) => d.id == id,
            // Everything the user added, and the seeds that have annotations.
            Scope::All => d.origin == Origin::User || !library.annotations_of(&d.id).is_empty(),
        })
        .collect();
    // Each claim where the reader shows it: a stored position from an older text (or a damaged
    // one) is never written out as if it were true.
    let items: Vec<Value> = docs
        .iter()
        .flat_map(|d| {
            let text = IndexedText::new(d.text.as_str());
            (library.placed(d, &text).into_iter())
                .map(|p| annotation_json(p.annotation, p.span, d))
                .collect::<Vec<_>>()
        })
        .collect();
    let label = match scope {
        Scope::Document(id) => format!(
            "claimmark: {}",
            library.document(id).map_or(id, |d| d.title.as_str())
        ),
        Scope::All => "claimmark: all annotations".to_owned(),
    };
    let collection = json!({
        "@context": [ANNO_CONTEXT, { "claimmark": VOCAB }],
        "type": "AnnotationCollection",
        "label": label,
        "generator": {
            "id": "urn:claimmark:app",
            "type": "Software",
            "name": format!("claimmark {version}"),
        },
        "generated": to_rfc3339(now),
        "total": items.len(),
        "claimmark:schemaVersion": 3,
        DOCUMENTS: docs.iter().map(|d| document_json(d)).collect::<Vec<_>>(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_string_pretty(&collection) // Not `expect`: it would format serde's error with `Debug`, code the wasm needs nowhere else.
        .unwrap_or_else(|_| unreachable!("plain data always serialises"))
}

/// What is wrong with a file, and where (a path into the JSON, or a line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub at: String,
    pub problem: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "At {}: {}", self.at, self.problem)
        }
    }
}

impl std::error::Error for ImportError {}

fn err<T>(at: &str, problem: impl Into<String>) -> Result<T, ImportError> {
    Err(ImportError {
        at: at.to_owned(),
        problem: problem.into(),
    })
}

/// What a good file holds, ready to merge with [`Library::merge`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub contents: Contents,
    /// How the file's claims sit in the library's texts.
    pub anchoring: ReanchorReport,
    /// Titles of articles whose text in the file differs from the library's.
    pub changed_texts: Vec<String>,
}

impl Import {
    /// What the user should know beyond the merge counts, if anything.
    pub fn anchoring_note(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.changed_texts.is_empty() {
            parts.push(format!(
                "The file was made on another version of {}; its claims were placed on the text in your library.",
                self.changed_texts
                    .iter()
                    .map(|t| format!("“{}”", short(t)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        parts.extend(self.anchoring.sentences());
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

fn types_of(v: &Value) -> Vec<&str> {
    match v.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// A value that may be one thing or an array of things, as JSON-LD allows.
fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

fn short(s: &str) -> String {
    super::document::truncate_words(s, 60)
}

fn list<'a>(v: &'a Value, at: &str) -> Result<Vec<(String, &'a Value)>, ImportError> {
    match v {
        Value::Array(a) => Ok(a
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("{at}[{i}]"), x))
            .collect()),
        _ => err(at, "expected an array of annotations"),
    }
}

/// The annotations of a file and the path prefix of each.
fn items_of(root: &Value) -> Result<Vec<(String, &Value)>, ImportError> {
    if root.is_array() {
        return list(root, "");
    }
    if !root.is_object() {
        return err(
            "the top level",
            "expected a JSON object (an AnnotationCollection, AnnotationPage or Annotation) or an array of annotations",
        );
    }
    let types = types_of(root);
    if types.contains(&"AnnotationCollection") {
        match root.get("first") {
            Some(first @ Value::Object(_)) => match first.get("items") {
                Some(items) => list(items, "first.items"),
                None => err("first", "the first page has no \"items\""),
            },
            Some(Value::String(_)) => err(
                "first",
                "the collection only links to its first page; claimmark needs the annotations inside the file",
            ),
            Some(_) => err("first", "expected an AnnotationPage object"),
            None => match root.get("items") {
                Some(items) => list(items, "items"),
                None => err("the top level", "the collection has no \"first\" page of items"),
            },
        }
    } else if types.contains(&"AnnotationPage") {
        list(root.get("items").unwrap_or(&Value::Null), "items")
    } else if types.contains(&"Annotation") {
        Ok(vec![("the annotation".to_owned(), root)])
    } else {
        err(
            "type",
            "expected \"AnnotationCollection\", \"AnnotationPage\" or \"Annotation\"",
        )
    }
}

/// The name of an annotation's `creator`: an agent with a `name` (or `nick`), or its IRI; the
/// first of several. Anything else names no one.
fn creator_name(creator: Option<&Value>) -> String {
    match creator {
        Some(Value::String(iri)) => iri.trim().to_owned(),
        Some(Value::Array(all)) => creator_name(all.first()),
        Some(agent @ Value::Object(_)) => (agent.get("name").or_else(|| agent.get("nick")))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_owned(),
        _ => String::new(),
    }
}

fn string_at<'a>(v: &'a Value, key: &str, at: &str) -> Result<Option<&'a str>, ImportError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => err(&join(at, key), "expected a string"),
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

fn time_at(v: &Value, key: &str, at: &str) -> Result<Option<i64>, ImportError> {
    match string_at(v, key, at)? {
        None => Ok(None),
        Some(s) => match parse_rfc3339(s) {
            Some(ms) => Ok(Some(ms)),
            None => err(
                &join(at, key),
                format!("\"{s}\" is not a date-time with a time zone, like 2020-01-03T12:00:00Z"),
            ),
        },
    }
}

/// The documents a file carries (`claimmark:documents`) that the library lacks; the titles
/// of those whose text in the library differs from the file's go in `changed`.
fn documents_of(
    root: &Value,
    library: &Library,
    changed: &mut Vec<String>,
) -> Result<Vec<Document>, ImportError> {
    let Some(list) = root.get(DOCUMENTS) else {
        return Ok(vec![]);
    };
    let Value::Array(list) = list else {
        return err(DOCUMENTS, "expected an array of documents");
    };
    let mut out: Vec<Document> = Vec::new();
    for (i, d) in list.iter().enumerate() {
        let at = format!("{DOCUMENTS}[{i}]");
        if !d.is_object() {
            return err(&at, "expected a document object");
        }
        let iri = string_at(d, "id", &at)?.unwrap_or_default();
        let Some(id) = doc_id_of_source(iri) else {
            return err(
                &join(&at, "id"),
                "expected an id of the form urn:claimmark:doc:…",
            );
        };
        let text = string_at(d, "claimmark:text", &at)?;
        match (library.document(id), text) {
            // The file was made on another version of this text: its claims are re-anchored
            // on the text in the library, which stays as it is.
            (Some(local), Some(text)) if local.text != text => changed.push(local.title.clone()),
            (Some(_), _) => {}
            (None, None) => {
                return err(
                    &at,
                    format!("the article {id} is not in your library and the file does not include its text"),
                )
            }
            (None, Some(text)) => {
                if out.iter().any(|o| o.id == id) {
                    return err(&join(&at, "id"), format!("the article {id} is listed twice"));
                }
                let opt = |key: &str| -> Result<Option<String>, ImportError> {
                    Ok(string_at(d, key, &at)?
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned))
                };
                let url = opt("claimmark:url")?;
                if let Some(u) = &url {
                    if safe_link(u).is_none() {
                        return err(
                            &join(&at, "claimmark:url"),
                            format!("“{u}” is not a web address (http:// or https://)"),
                        );
                    }
                }
                out.push(Document {
                    id: id.to_owned(),
                    title: string_at(d, "label", &at)?
                        .map(str::to_owned)
                        .unwrap_or_else(|| super::document::derive_title(text)),
                    date: opt("claimmark:date")?,
                    text: text.to_owned(),
                    text_hash: String::new(),
                    origin: Origin::User,
                    added: time_at(d, "claimmark:added", &at)?.unwrap_or(0),
                    revised: time_at(d, "claimmark:revised", &at)?.unwrap_or(0),
                    url,
                    site: opt("claimmark:site")?,
                    author: opt("claimmark:author")?,
                    language: opt("claimmark:language")?,
                    edited: time_at(d, "claimmark:edited", &at)?.unwrap_or(0),
                });
            }
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Bodies {
    verdict: Option<Verdict>,
    notes: Vec<String>,
    evidence: Option<String>,
}

fn read_bodies(item: &Value, at: &str) -> Result<Bodies, ImportError> {
    let mut b = Bodies::default();
    if let Some(v) = string_at(item, "bodyValue", at)? {
        b.notes.push(v.to_owned());
    }
    if let Some(body) = item.get("body") {
        let many = body.is_array();
        for (i, x) in one_or_many(body).into_iter().enumerate() {
            let bat = if many {
                format!("{}[{i}]", join(at, "body"))
            } else {
                join(at, "body")
            };
            match x {
                Value::String(url) => {
                    if b.evidence.is_none() {
                        b.evidence = Some(url.clone());
                    }
                }
                Value::Object(_) => read_body(x, &bat, &mut b)?,
                _ => return err(&bat, "expected a body object or a URL string"),
            }
        }
    }
    if let Some(e) = string_at(item, "claimmark:evidence", at)? {
        b.evidence.get_or_insert_with(|| e.to_owned());
    }
    Ok(b)
}

fn read_body(x: &Value, at: &str, b: &mut Bodies) -> Result<(), ImportError> {
    let types = types_of(x);
    let purpose = match x.get("purpose") {
        Some(Value::String(p)) => Some(p.as_str()),
        Some(Value::Array(ps)) => ps.first().and_then(Value::as_str),
        _ => None,
    };
    if types.contains(&"SpecificResource") || x.get("source").is_some() {
        if purpose == Some("linking") || b.evidence.is_none() {
            if let Some(src) = string_at(x, "source", at)? {
                b.evidence = Some(src.to_owned());
            }
        }
        return Ok(());
    }
    if types.contains(&"TextualBody") || x.get("value").is_some() {
        let Some(value) = string_at(x, "value", at)? else {
            return err(&join(at, "value"), "a TextualBody needs a string value");
        };
        match purpose {
            Some("classifying") | Some("tagging") => {
                match Verdict::parse(&value.trim().to_ascii_lowercase()) {
                    Some(v) => {
                        if b.verdict.is_some_and(|old| old != v) {
                            return err(at, "the annotation has two different verdicts");
                        }
                        b.verdict = Some(v);
                    }
                    None if purpose == Some("classifying") => {
                        return err(
                            &join(at, "value"),
                            format!(
                            "unknown verdict \"{value}\": expected \"sourced\" or \"unsourced\""
                        ),
                        )
                    }
                    // Other tags are another tool's business.
                    None => {}
                }
            }
            _ => b.notes.push(value.to_owned()),
        }
        return Ok(());
    }
    if let Some(Value::String(id)) = x.get("id") {
        b.evidence.get_or_insert_with(|| id.clone());
    }
    Ok(())
}

struct Selectors {
    quote: Option<Quote>,
    /// Where the `TextQuoteSelector` is, for a message about it.
    quote_at: String,
    position: Option<(usize, usize)>,
}

fn read_selectors(target: &Value, at: &str) -> Result<Selectors, ImportError> {
    let mut s = Selectors {
        quote: None,
        quote_at: String::new(),
        position: None,
    };
    let Some(sel) = target.get("selector") else {
        return Ok(s);
    };
    let many = sel.is_array();
    for (i, x) in one_or_many(sel).into_iter().enumerate() {
        let sat = if many {
            format!("{}[{i}]", join(at, "selector"))
        } else {
            join(at, "selector")
        };
        let types = types_of(x);
        if types.contains(&"TextQuoteSelector") {
            // An empty quote is allowed here: a position or an orphan's status may make up
            // for it (the caller decides).
            let exact = string_at(x, "exact", &sat)?.unwrap_or_default();
            s.quote_at = join(&sat, "exact");
            s.quote = Some(Quote {
                exact: exact.to_owned(),
                prefix: string_at(x, "prefix", &sat)?.unwrap_or_default().to_owned(),
                suffix: string_at(x, "suffix", &sat)?.unwrap_or_default().to_owned(),
            });
        } else if types.contains(&"TextPositionSelector") {
            let num = |k: &str| -> Result<usize, ImportError> {
                match x.get(k).and_then(Value::as_u64) {
                    // Beyond this platform's numbers (32 bits in the wasm): past any text's end.
                    Some(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
                    None => err(
                        &join(&sat, k),
                        "expected a whole number of characters, 0 or more",
                    ),
                }
            };
            let (start, end) = (num("start")?, num("end")?);
            if start > end {
                return err(&sat, format!("start ({start}) is after end ({end})"));
            }
            s.position = Some((start, end));
        }
    }
    Ok(s)
}

/// Parses a file against `library` (its documents, to find each annotation's article).
pub fn import(json: &str, library: &Library, now: i64) -> Result<Import, ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let problem = format!("this is not valid JSON ({e})");
        ImportError {
            at: if line > 0 {
                format!("line {line}, column {column}")
            } else {
                String::new()
            },
            problem,
        }
    })?;
    let mut changed_texts = Vec::new();
    let documents = documents_of(&root, library, &mut changed_texts)?;
    let mut anchorers: Vec<(String, IndexedText, Anchorer)> = Vec::new();
    let mut anchoring = ReanchorReport::default();
    let find_doc = |id: &str| {
        library
            .document(id)
            .or_else(|| documents.iter().find(|d| d.id == id))
    };
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut annotations = Vec::new();
    for (at, item) in items_of(&root)? {
        if !item.is_object() {
            return err(&at, "expected an annotation object");
        }
        if !types_of(item).contains(&"Annotation") {
            return err(&join(&at, "type"), "expected \"Annotation\"");
        }
        let Some(id) = string_at(item, "id", &at)?.filter(|s| !s.trim().is_empty()) else {
            return err(&join(&at, "id"), "every annotation needs an id");
        };
        if !seen.insert(id) {
            return err(
                &join(&at, "id"),
                format!("the id {id} appears twice in this file"),
            );
        }
        let Some(targets) = item.get("target") else {
            return err(&at, "the annotation has no target");
        };
        let many = targets.is_array();
        let (tat, target) = one_or_many(targets)
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let tat = if many {
                    format!("{}[{i}]", join(&at, "target"))
                } else {
                    join(&at, "target")
                };
                (tat, t)
            })
            .find(|(_, t)| t.get("selector").is_some())
            .unwrap_or_else(|| (join(&at, "target"), targets));
        let Some(source) = target.get("source").and_then(Value::as_str) else {
            return err(
                &tat,
                "the target names no source article with a text selector; claimmark needs a TextQuoteSelector or TextPositionSelector on one of its articles",
            );
        };
        // By claimmark's own name for the article, else by the page's address (a file from
        // another tool, or one whose target is the page).
        let named = string_at(target, "claimmark:doc", &tat)?.and_then(doc_id_of_source);
        let by_address = || {
            let is_web = safe_link(source).is_some();
            (library.documents().iter().chain(documents.iter()))
                .find(|d| is_web && d.url.as_deref().is_some_and(|u| same_address(u, source)))
        };
        let doc = match named {
            Some(id) => find_doc(id),
            None => doc_id_of_source(source)
                .and_then(find_doc)
                .or_else(by_address),
        };
        let Some(doc) = doc else {
            return err(
                &join(&tat, "source"),
                format!("the article “{source}” is not in your library nor in this file"),
            );
        };
        let sel = read_selectors(target, &tat)?;
        if !anchorers.iter().any(|(id, _, _)| *id == doc.id) {
            let text = IndexedText::new(doc.text.as_str());
            let anchorer = Anchorer::new(text.as_str());
            anchorers.push((doc.id.clone(), text, anchorer));
        }
        let (_, text, anchorer) = anchorers
            .iter()
            .find(|(id, _, _)| *id == doc.id)
            .expect("just added");
        let status = match string_at(item, "claimmark:status", &at)? {
            None => Status::Anchored,
            Some(s) => Status::parse(s).ok_or_else(|| ImportError {
                at: join(&at, "claimmark:status"),
                problem: format!("unknown status \"{s}\": expected anchored, moved or orphan"),
            })?,
        };
        let (quote, empty_quote) = match sel.quote {
            Some(q) if q.exact.is_empty() => (None, Some(q)),
            q => (q, None),
        };
        let (quote, position) = match (quote, sel.position) {
            (Some(q), position) => (q, position),
            // A claim not found in its text and without words (only a damaged library makes
            // one) is still kept with its verdict and note.
            (None, None) if status == Status::Orphan && empty_quote.is_some() => {
                (empty_quote.unwrap_or_default(), None)
            }
            (None, None) if empty_quote.is_some() => {
                return err(&sel.quote_at, "the quote is missing or empty");
            }
            (None, Some((s, e))) => {
                if e > text.len() || s >= e {
                    return err(
                        &join(&tat, "selector"),
                        format!(
                            "characters {s}–{e} are not a span of the article “{}”, which has {} characters",
                            short(&doc.title),
                            text.len()
                        ),
                    );
                }
                (quote_at(text, s, e), Some((s, e)))
            }
            (None, None) => {
                return err(
                    &tat,
                    "the target has no TextQuoteSelector or TextPositionSelector",
                )
            }
        };
        let bodies = read_bodies(item, &at)?;
        let Some(verdict) = bodies.verdict else {
            return err(
                &at,
                "the annotation has no verdict: claimmark needs a body with purpose \"classifying\" and value \"sourced\" or \"unsourced\"",
            );
        };
        let created = time_at(item, "created", &at)?;
        let modified = time_at(item, "modified", &at)?;
        let (start, end) = position.unwrap_or((0, 0));
        let mut a = Annotation {
            id: id.to_owned(),
            doc: doc.id.clone(),
            start,
            end,
            exact: quote.exact,
            prefix: quote.prefix,
            suffix: quote.suffix,
            verdict,
            note: bodies.notes.join("\n\n"),
            evidence: bodies.evidence.unwrap_or_default(),
            created: created.or(modified).unwrap_or(now),
            modified: modified.or(created).unwrap_or(0),
            status,
            was: string_at(item, "claimmark:was", &at)?
                .unwrap_or_default()
                .to_owned(),
            suggested: matches!(item.get("claimmark:suggested"), Some(Value::Bool(true))),
            detected_source: string_at(item, "claimmark:detectedSource", &at)?
                .unwrap_or_default()
                .to_owned(),
            rating: string_at(item, "claimmark:rating", &at)?
                .unwrap_or_default()
                .trim()
                .to_owned(),
            source: string_at(item, "claimmark:source", &at)?
                .unwrap_or_default()
                .to_owned(),
            creator: creator_name(item.get("creator")),
            editor: string_at(item, "claimmark:editor", &at)?
                .unwrap_or_default()
                .to_owned(),
        };
        // Placed on the library's text: found, moved (to confirm), or kept as an orphan.
        reanchor(&mut a, anchorer, text, &mut anchoring);
        annotations.push(a);
    }
    Ok(Import {
        anchoring,
        changed_texts,
        contents: Contents {
            documents,
            annotations,
            tombstones: vec![],
            dismissed: vec![],
        },
    })
}

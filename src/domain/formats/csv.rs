//! Claims as CSV, for spreadsheets: one row per claim, RFC 4180 quoting, UTF-8 with a byte-order
//! mark (so spreadsheet programs read accents and curly quotes), and cells that a spreadsheet
//! would run as a formula neutralised, as OWASP advises for CSV.

use super::{claims_of, ClaimRow};
use crate::domain::library::Library;
use crate::domain::time::to_rfc3339;

/// The header row, in order.
pub const COLUMNS: [&str; 16] = [
    "article",
    "url",
    "outlet",
    "published",
    "quote",
    "verdict",
    "source",
    "detected source",
    "rating",
    "note",
    "evidence",
    "status",
    "start",
    "end",
    "created",
    "modified",
];

/// One cell: quoted (every cell, as RFC 4180 allows), inner quotes doubled, and a value that
/// starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) prefixed with `'`.
pub fn cell(value: &str) -> String {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(value.len() + 3);
    out.push('"');
    if formula {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The claims of one article (`doc`) or of all, as a CSV file (byte-order mark first).
pub fn csv(library: &Library, doc: Option<&str>) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&row(&COLUMNS.map(str::to_owned)));
    for c in claims_of(library, doc) {
        out.push_str(&row(&fields(&c)));
    }
    out
}

fn fields(c: &ClaimRow<'_>) -> Vec<String> {
    let a = c.annotation;
    let (start, end) = c.span.map_or((String::new(), String::new()), |(s, e)| {
        (s.to_string(), e.to_string())
    });
    vec![
        c.doc.title.clone(),
        c.doc.web_address().unwrap_or_default().to_owned(),
        c.doc.site.clone().unwrap_or_default(),
        c.doc.date.clone().unwrap_or_default(),
        a.exact.clone(),
        a.verdict.as_str().to_owned(),
        a.source.clone(),
        a.detected_source.clone(),
        a.rating.clone(),
        a.note.clone(),
        a.evidence.clone(),
        c.status().to_owned(),
        start,
        end,
        to_rfc3339(a.created),
        to_rfc3339(a.modified),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::annotation::Verdict;
    use crate::domain::document::seed_documents;

    /// A CSV reader after RFC 4180, to read back what was written.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(cell("plain"), "\"plain\"");
        assert_eq!(cell("say \"hi\", twice"), "\"say \"\"hi\"\", twice\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for bad in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(bad).starts_with("\"'"), "{bad}");
        }
        assert_eq!(cell("a\nb"), "\"a\nb\"");
        assert_eq!(cell(""), "\"\"");
    }

    #[test]
    fn one_row_a_claim_with_its_article_and_every_field_read_back_exactly() {
        let mut l = Library::new(seed_documents());
        let doc = l.documents()[0].id.clone();
        l.annotate(
            &doc,
            (0, 19),
            Verdict::Sourced,
            "a".into(),
            1_700_000_000_000,
        )
        .unwrap();
        l.set_note(
            "a",
            "Checked: “fine”, see =SUM(1)\nline two",
            1_700_000_000_500,
        );
        l.set_rating("a", "Mostly true", 1_700_000_000_600);
        l.set_source("a", "AFP", 1_700_000_000_700);
        l.annotate(
            &doc,
            (20, 40),
            Verdict::Unsourced,
            "b".into(),
            1_700_000_001_000,
        )
        .unwrap();
        let text = csv(&l, Some(&doc));
        assert!(text.starts_with('\u{feff}'));
        assert!(text.ends_with("\r\n"));
        let rows = parse(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], COLUMNS.map(str::to_owned).to_vec());
        let r = &rows[1];
        assert_eq!(r.len(), COLUMNS.len());
        assert_eq!(r[4], "Thousands of Iraqis");
        assert_eq!(
            (r[5].as_str(), r[6].as_str(), r[8].as_str()),
            ("sourced", "AFP", "Mostly true")
        );
        assert_eq!(r[9], "Checked: “fine”, see =SUM(1)\nline two");
        assert_eq!((r[12].as_str(), r[13].as_str()), ("0", "19"));
        assert_eq!(r[14], "2023-11-14T22:13:20Z");
        assert_eq!(rows[2][5], "unsourced");
        // All articles: the same claims (the seeds' only ones).
        assert_eq!(parse(&csv(&l, None)).len(), 3);
        assert_eq!(parse(&csv(&l, Some("nope"))).len(), 1);
    }
}

//! Where an article came from: its address, outlet, author, date and language; checking the
//! details a person types; and telling whether two addresses name the same page.

use super::document::{derive_title, document_from_text, truncate_words, Document, Origin};
use super::extract::{date_of, Meta};
use super::time::parse_date;

/// The details of an article a person can see and edit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub url: String,
    pub site: String,
    pub author: String,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
}

impl Details {
    pub fn of(d: &Document) -> Self {
        Self {
            title: d.title.clone(),
            url: d.url.clone().unwrap_or_default(),
            site: d.site.clone().unwrap_or_default(),
            author: d.author.clone().unwrap_or_default(),
            date: d.date.clone().unwrap_or_default(),
        }
    }

    /// What is wrong with these details, naming the field, if anything.
    pub fn problem(&self) -> Option<String> {
        let url = self.url.trim();
        if !url.is_empty() && super::annotation::safe_link(url).is_none() {
            return Some(
                "Address: a web address starting with http:// or https://, with no spaces.".into(),
            );
        }
        let date = self.date.trim();
        if !date.is_empty() && parse_date(date).is_none() {
            return Some(format!(
                "Published: “{date}” is not a date of the form 2020-01-03."
            ));
        }
        None
    }

    /// Writes these details into `d` (fields left empty become absent; an empty title is
    /// derived from the text again).
    pub fn apply(&self, d: &mut Document) {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        d.title = some(&self.title)
            .map(|t| truncate_words(&t, 120))
            .unwrap_or_else(|| derive_title(&d.text));
        d.url = some(&self.url);
        d.site = some(&self.site);
        d.author = some(&self.author);
        d.date = some(&self.date);
    }
}

/// A user document made from a page reduced to its article (`text`, with what the page says
/// about it in `meta`). Details the person typed (`given`) win over the page's.
pub fn document_from_page(
    id: String,
    text: &str,
    meta: &Meta,
    given: &Details,
    added: i64,
) -> Document {
    let mut d = document_from_text(id, text, None, Origin::User, added);
    let pick = |typed: &str, found: &Option<String>| -> Option<String> {
        Some(typed.trim().to_owned())
            .filter(|s| !s.is_empty())
            .or_else(|| found.clone())
    };
    if let Some(t) = pick(&given.title, &meta.headline) {
        d.title = truncate_words(&t, 120);
    }
    d.url = pick(&given.url, &meta.url).filter(|u| super::annotation::safe_link(u).is_some());
    d.site = pick(&given.site, &meta.site);
    d.author = pick(&given.author, &meta.author);
    d.date = pick(&given.date, &meta.published)
        .and_then(|x| date_of(&x))
        .or(d.date.take());
    d.language = meta.language.clone();
    d
}

/// An address reduced to what names the page: no scheme, no `www.`, no fragment, no tracking
/// parameters (`utm_…`), no trailing slash; host in lower case.
pub fn address_key(url: &str) -> String {
    let u = url.trim();
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or_default();
    let (host_path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("utm_"))
        .collect();
    let path = path.trim_end_matches('/');
    let mut key = format!("{host}/{path}");
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    key
}

/// Whether two addresses name the same page.
pub fn same_address(a: &str, b: &str) -> bool {
    address_key(a) == address_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_whatever_the_scheme_www_fragment_and_tracking() {
        assert!(same_address(
            "https://www.example.com/news/a-story/?utm_source=tw#comments",
            "http://example.com/news/a-story"
        ));
        assert!(same_address(
            "https://Example.com/a?id=3&utm_medium=x",
            "https://example.com/a?id=3"
        ));
        assert!(!same_address(
            "https://example.com/a?id=3",
            "https://example.com/a?id=4"
        ));
        assert!(!same_address(
            "https://example.com/a",
            "https://example.org/a"
        ));
    }

    #[test]
    fn typed_details_are_checked_and_applied() {
        let mut d = document_from_text(
            "u".into(),
            "Some text of an article.",
            None,
            Origin::User,
            1,
        );
        let bad = Details {
            url: "javascript:alert(1)".into(),
            ..Details::default()
        };
        assert!(bad.problem().unwrap().starts_with("Address"));
        let bad = Details {
            date: "2020-02-30".into(),
            ..Details::default()
        };
        assert!(bad.problem().unwrap().starts_with("Published"));
        let good = Details {
            title: " ".into(),
            url: "https://news.example/a".into(),
            site: "News".into(),
            author: "".into(),
            date: "2020-01-03".into(),
        };
        assert_eq!(good.problem(), None);
        good.apply(&mut d);
        assert_eq!(
            d.title, "Some text of an article.",
            "an empty title is derived"
        );
        assert_eq!(
            (
                d.url.as_deref(),
                d.site.as_deref(),
                d.author.as_deref(),
                d.date.as_deref()
            ),
            (
                Some("https://news.example/a"),
                Some("News"),
                None,
                Some("2020-01-03")
            )
        );
        assert_eq!(Details::of(&d).site, "News");
    }

    #[test]
    fn a_page_becomes_a_document_with_its_details_and_typed_ones_win() {
        let meta = Meta {
            url: Some("https://news.example/a".into()),
            headline: Some("The headline".into()),
            site: Some("News".into()),
            author: Some("Jane Roe".into()),
            published: Some("2020-01-03".into()),
            language: Some("en".into()),
        };
        let typed = Details {
            site: "The News".into(),
            ..Details::default()
        };
        let d = document_from_page("u".into(), "Para one.\r\n\r\nPara two.", &meta, &typed, 5);
        assert_eq!(d.text, "Para one.\n\nPara two.");
        assert_eq!(d.title, "The headline");
        assert_eq!(d.site.as_deref(), Some("The News"));
        assert_eq!(
            (
                d.author.as_deref(),
                d.date.as_deref(),
                d.language.as_deref()
            ),
            (Some("Jane Roe"), Some("2020-01-03"), Some("en"))
        );
        assert_eq!((d.origin, d.added), (Origin::User, 5));
    }
}

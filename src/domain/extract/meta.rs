//! Where an article came from, read from its page: address, headline, outlet, author, date
//! and language, from the page's `<meta>` tags, its JSON-LD (schema.org) and its markup.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::dom::{Dom, NodeId};

/// What a page says about its article. Every field is optional: pasted text has none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The canonical address (`link rel=canonical`, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    pub headline: Option<String>,
    /// The outlet (`og:site_name`, JSON-LD `publisher`).
    pub site: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// A BCP 47 tag such as `en` or `fr-FR`.
    pub language: Option<String>,
}

#[rustfmt::skip]
const SITE_KEYS: &[&str] = &["og:site_name", "application-name", "twitter:site:name"];
#[rustfmt::skip]
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "headline"];
#[rustfmt::skip]
const AUTHOR_KEYS: &[&str] = &[
    "author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl",
];
#[rustfmt::skip]
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time", "og:published_time", "published_time", "article:publicationdate",
];
#[rustfmt::skip]
const DATE_KEYS: &[&str] = &[
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "originalpublicationdate", "article_date_original",
    "cxenseparse:recs:publishtime",
];

/// The page's `<meta>` values by lower-case `property`, `name` or `itemprop`, first one wins.
struct Tags(Vec<(String, String)>);

impl Tags {
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }
}

pub fn read(dom: &Dom, page_url: Option<&str>) -> Meta {
    let mut tags = Vec::new();
    let mut canonical = None;
    let mut base = None;
    let mut json_ld: Vec<Value> = Vec::new();
    let mut lang = None;
    let mut time = None;
    let mut item_date = None;
    let mut h1 = None;
    let mut title = None;
    let mut byline = None;
    for id in dom.descendants(dom.root()) {
        match dom.name(id) {
            "meta" => {
                let value = dom.attr(id, "content").unwrap_or_default();
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = dom.attr(id, key) {
                        for k in k.split_whitespace() {
                            tags.push((k.to_ascii_lowercase(), value.to_owned()));
                        }
                    }
                }
            }
            "link" => {
                let rel = dom.attr(id, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = dom.attr(id, "href").map(str::to_owned);
                }
            }
            "base" if base.is_none() => base = dom.attr(id, "href").map(str::to_owned),
            "html" if lang.is_none() => {
                lang = dom
                    .attr(id, "lang")
                    .or_else(|| dom.attr(id, "xml:lang"))
                    .map(str::to_owned)
            }
            "script" => {
                if let Ok(v) = serde_json::from_str::<Value>(without_cdata(&dom.inner_text(id))) {
                    json_ld.push(v);
                }
            }
            "time" if time.is_none() => time = dom.attr(id, "datetime").map(str::to_owned),
            "h1" if h1.is_none() => h1 = Some(clean(&dom.inner_text(id))),
            "title" if title.is_none() => title = Some(clean(&dom.inner_text(id))),
            _ => {}
        }
        if item_date.is_none() && dom.attr(id, "itemprop") == Some("datePublished") {
            item_date = dom
                .attr(id, "datetime")
                .or_else(|| dom.attr(id, "content"))
                .map(str::to_owned);
        }
        if byline.is_none() && is_byline(dom, id) {
            let t = clean(&dom.inner_text(id));
            if !t.is_empty() && t.chars().count() < 100 {
                byline = Some(t);
            }
        }
    }
    let tags = Tags(tags);
    let article = article_object(&json_ld);
    let ld = |key: &str| article.and_then(|a| a.get(key));

    let url = canonical
        .filter(|u| !u.trim().is_empty())
        .or_else(|| tags.first(&["og:url", "twitter:url"]).map(str::to_owned))
        .or_else(|| ld("url").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| page_url.map(str::to_owned));
    let against = base.as_deref().or(page_url);
    let url = url
        .and_then(|u| resolve(u.trim(), against.or(tags.get("og:url"))))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));

    let site = tags
        .first(SITE_KEYS)
        .map(str::to_owned)
        .or_else(|| ld("publisher").and_then(name_of))
        .map(|s| clean(&site_name(&s)));

    // As Reader View: the page's own title (without the outlet's name) before its first <h1>,
    // which on many sites names a section.
    let headline = ld("headline")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| tags.first(TITLE_KEYS).map(str::to_owned))
        .map(|t| strip_named_site(&t, site.as_deref(), url.as_deref()))
        .or_else(|| title.map(|t| strip_site(&t, site.as_deref())))
        .filter(|t| !t.trim().is_empty())
        .or(h1)
        .map(|s| clean(&s))
        .filter(|s| !s.is_empty());

    let author = ld("author")
        .and_then(name_of)
        .or_else(|| {
            (tags.first(AUTHOR_KEYS))
                .filter(|a| !a.starts_with("http"))
                .map(str::to_owned)
        })
        .or_else(|| byline.map(|b| byline_name(&b)))
        .map(|a| clean(a.trim_start_matches("By ").trim_start_matches("by ")))
        .filter(|a| !a.is_empty());

    // The structured data first: Open Graph's time is often when the page was last built.
    let published = [
        ld("datePublished").and_then(Value::as_str),
        tags.first(PUBLISHED_KEYS),
        tags.first(DATE_KEYS),
        item_date.as_deref(),
        time.as_deref(),
        ld("dateCreated").and_then(Value::as_str),
    ]
    .into_iter()
    .flatten()
    .find_map(date_of)
    .or_else(|| url.as_deref().and_then(date_in_url));

    let language = lang
        .or_else(|| {
            tags.first(&["og:locale", "content-language", "language"])
                .map(str::to_owned)
        })
        .or_else(|| ld("inLanguage").and_then(Value::as_str).map(str::to_owned))
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty() && l.len() <= 35);

    Meta {
        url,
        headline,
        site,
        author,
        published,
        language,
    }
}

/// JSON-LD as some pages wrap it: `<![CDATA[ … ]]>`, sometimes behind `//`.
fn without_cdata(s: &str) -> &str {
    let t = s.trim();
    let t = t.strip_prefix("//").map_or(t, str::trim_start);
    match t.strip_prefix("<![CDATA[") {
        Some(inner) => {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix("]]>").unwrap_or(inner).trim_end();
            inner.strip_suffix("//").unwrap_or(inner).trim()
        }
        None => s.trim(),
    }
}

/// Bylines that pages mark as such.
fn is_byline(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "rel") == Some("author") || dom.attr(id, "itemprop") == Some("author") {
        return true;
    }
    let class = dom
        .attr(id, "class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    class
        .split_whitespace()
        .any(|c| c == "byline" || c == "author-name")
}

/// The article among a page's JSON-LD objects (`@graph` and arrays looked through).
fn article_object(all: &[Value]) -> Option<&Value> {
    const ARTICLE: &[&str] = &[
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "OpinionNewsArticle",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "TechArticle",
        "BackgroundNewsArticle",
        "Report",
        "WebPage",
    ];
    // In document order, so that of equal kinds the page's first (its own article, not a
    // related one) is taken.
    let mut objects: Vec<&Value> = Vec::new();
    let mut stack: Vec<&Value> = all.iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                objects.push(v);
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    let rank = |v: &Value| -> Option<usize> {
        let types: Vec<&str> = match v.get("@type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        types
            .iter()
            .filter_map(|t| ARTICLE.iter().position(|a| a == t))
            .min()
    };
    objects
        .into_iter()
        .filter_map(|o| rank(o).map(|r| (r, o)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, o)| o)
}

/// A person's or organisation's name: a string, an object with `name`, or a list of them.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.trim().is_empty() && !s.starts_with("http"))
}

/// An outlet's name where a page gives its address instead ("http://www.tmz.com": tmz.com).
fn site_name(s: &str) -> String {
    match s.split_once("://") {
        Some((_, rest)) => {
            let host = rest.split('/').next().unwrap_or(rest);
            host.trim_start_matches("www.").to_owned()
        }
        None => s.to_owned(),
    }
}

/// The name in a byline element, without what pages set beside it: a date, a time, a count,
/// a handle ("Lucas Nolan22 Dec 2016651", "Steven Musil January 18, 2017 @stevenmusil").
fn byline_name(s: &str) -> String {
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        let lower = w.to_ascii_lowercase();
        let is_month = MONTHS.iter().any(|m| lower.starts_with(m)) && lower.len() <= 9;
        if w.starts_with('@') || (is_month && !words.is_empty()) {
            break;
        }
        if let Some(k) = w.find(|c: char| c.is_ascii_digit()) {
            if k > 0 {
                words.push(&w[..k]);
            }
            break;
        }
        words.push(w);
    }
    words
        .join(" ")
        .trim_end_matches([',', '|', '-', '·'])
        .trim()
        .to_owned()
}

/// White space collapsed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` without the site's name after a separator ("Headline | Site").
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || tail.split_whitespace().count() <= 3;
            if tail_is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// A headline without a trailing outlet name that the page's metadata confirms ("… -
/// Breitbart" on breitbart.com): a headline's own dashes stay.
fn strip_named_site(headline: &str, site: Option<&str>, url: Option<&str>) -> String {
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .map(|u| u.split('/').next().unwrap_or_default().to_ascii_lowercase())
        .unwrap_or_default();
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = headline.rsplit_once(sep) {
            let tail = tail.trim();
            let squashed: String = tail
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let named = site.is_some_and(|s| tail.eq_ignore_ascii_case(s.trim()))
                || (squashed.len() >= 3 && host.contains(&squashed));
            if named && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    headline.to_owned()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `YYYY-MM-DD` from a date as pages write it: ISO 8601 (also `YYYY/MM/DD`, `YYYYMMDD`) or
/// "January 3, 2020" / "3 January 2020".
pub fn date_of(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let ymd = |y: &str, m: &str, d: &str| -> Option<String> {
        let (yy, mm, dd) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        (super::super::time::valid_date(yy, mm, dd) && (1900..=2200).contains(&yy))
            .then(|| format!("{yy:04}-{mm:02}-{dd:02}"))
    };
    if digits(0..4)
        && matches!(b.get(4), Some(b'-' | b'/' | b'.'))
        && digits(5..7)
        && b.get(7) == b.get(4)
        && digits(8..10)
    {
        return ymd(&s[0..4], &s[5..7], &s[8..10]);
    }
    if digits(0..8) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        return ymd(&s[0..4], &s[4..6], &s[6..8]);
    }
    // Words: find a month name, a day and a year among the first words.
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let month = words
        .iter()
        .find_map(|w| MONTHS.iter().position(|m| w.len() >= 3 && w.starts_with(m)))?;
    let num = |w: &String| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let year = words
        .iter()
        .filter_map(num)
        .find(|&n| (1900..=2200).contains(&n))?;
    let day = words
        .iter()
        .filter_map(num)
        .find(|&n| (1..=31).contains(&n))?;
    ymd(
        &year.to_string(),
        &(month + 1).to_string(),
        &day.to_string(),
    )
}

/// `YYYY-MM-DD` from an address such as `…/2019/11/19/…`.
fn date_in_url(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2;
        ok.then(|| date_of(&format!("{}-{:0>2}-{:0>2}", w[0], w[1], w[2])))
            .flatten()
    })
}

/// `href` made absolute against `base` (an absolute `http(s)` address), as far as a news
/// page's links need: absolute, scheme-relative, root-relative and path-relative.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_owned());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(r) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    let host_end = rest.find('/').unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let path = &rest[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    Some(format!("{origin}{dir}{href}"))
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    #[test]
    fn reads_meta_tags_json_ld_and_markup() {
        let html = r#"<html lang="en-GB"><head><title>Big news | The Daily</title>
            <link rel="canonical" href="/world/2020/01/03/big-news">
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Jane Roe">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","headline":"Big news today","datePublished":"2020-01-03T10:00:00+01:00",
               "author":[{"@type":"Person","name":"Jane Roe"},{"name":"John Doe"}]}]}</script>
            <base href="https://daily.example/section/page.html"></head><body><h1>Other</h1></body></html>"#;
        let m = read(&parse(html), None);
        assert_eq!(
            m,
            Meta {
                url: Some("https://daily.example/world/2020/01/03/big-news".into()),
                headline: Some("Big news today".into()),
                site: Some("The Daily".into()),
                author: Some("Jane Roe, John Doe".into()),
                published: Some("2020-01-03".into()),
                language: Some("en-GB".into()),
            }
        );
    }

    #[test]
    fn falls_back_to_title_time_and_the_address() {
        let html =
            r#"<title>A headline of some words - Site</title><time datetime="2019-11-19">x</time>"#;
        let m = read(&parse(html), Some("https://x.example/a/b"));
        assert_eq!(m.headline.as_deref(), Some("A headline of some words"));
        assert_eq!(m.published.as_deref(), Some("2019-11-19"));
        assert_eq!(m.url.as_deref(), Some("https://x.example/a/b"));
    }

    #[test]
    fn json_ld_in_cdata_is_read() {
        let m = read(&parse("<script type=\"application/ld+json\">\n  <![CDATA[\n {\"@type\":\"NewsArticle\",\"headline\":\"In CDATA\"}\n ]]>\n</script>"), None);
        assert_eq!(m.headline.as_deref(), Some("In CDATA"));
        assert_eq!(without_cdata("//<![CDATA[\n{}\n//]]>"), "{}");
    }

    #[test]
    fn bylines_and_outlets_are_names() {
        assert_eq!(byline_name("Lucas Nolan22 Dec 2016651"), "Lucas Nolan");
        assert_eq!(
            byline_name("Steven Musil January 18, 2017 11:00 PM PST @stevenmusil"),
            "Steven Musil"
        );
        assert_eq!(
            byline_name("Jane Roe and John Doe"),
            "Jane Roe and John Doe"
        );
        assert_eq!(site_name("http://www.tmz.com"), "tmz.com");
        assert_eq!(site_name("The Telegraph"), "The Telegraph");
    }

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        for (s, want) in [
            ("2020-01-03T12:00:00Z", Some("2020-01-03")),
            ("2020/01/03", Some("2020-01-03")),
            ("20200103", Some("2020-01-03")),
            ("January 3, 2020", Some("2020-01-03")),
            ("Fri, 3 Jan 2020 10:00:00 GMT", Some("2020-01-03")),
            ("2020-02-30", None),
            ("yesterday", None),
        ] {
            assert_eq!(date_of(s).as_deref(), want, "{s}");
        }
        assert_eq!(
            date_in_url("https://www.nytimes.com/2019/11/19/opinion/x.html").as_deref(),
            Some("2019-11-19")
        );
    }

    #[test]
    fn relative_addresses_resolve() {
        let base = Some("https://a.example/x/y.html?q=1");
        assert_eq!(
            resolve("z.html", base).as_deref(),
            Some("https://a.example/x/z.html")
        );
        assert_eq!(resolve("/z", base).as_deref(), Some("https://a.example/z"));
        assert_eq!(
            resolve("//cdn.example/z", base).as_deref(),
            Some("https://cdn.example/z")
        );
        assert_eq!(
            resolve("HTTPS://b.example/", base).as_deref(),
            Some("HTTPS://b.example/")
        );
        assert_eq!(resolve("z", None), None);
    }
}

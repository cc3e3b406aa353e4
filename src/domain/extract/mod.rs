//! Articles from the web: a saved page (HTML, or MHTML "single file") reduced to its article
//! as a reader sees it, and where it came from.
//!
//! - `dom`: a forgiving HTML parser into a tree (nothing is rendered or run).
//! - `article`: finding the article by content scoring, and cleaning it.
//! - `text`: laying out part of the tree as paragraphs of text.
//! - `meta`: address, headline, outlet, author, date and language.
//! - `encoding`: bytes to text (BOM, `<meta charset>`, Windows-1252) and MHTML.

mod article;
mod dom;
mod encoding;
mod entities;
mod meta;
mod text;
mod words;

pub use meta::{date_of, resolve, Meta};
pub use text::Kind;

/// A page reduced to its article.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Page {
    /// The article's text: paragraphs separated by a blank line, the headline left out (it is
    /// in `meta`).
    pub text: String,
    pub meta: Meta,
}

/// Reduces the page `html` to its article. `page_url` is the page's address when known (a
/// bookmarklet knows it; a saved file may say it in its MHTML header).
pub fn extract_html(html: &str, page_url: Option<&str>) -> Page {
    let dom = dom::parse(html);
    let meta = meta::read(&dom, page_url);
    let mut blocks = article_blocks(&dom);
    if length(&blocks) < 140 {
        // No article found (a page of short items, or nothing but a headline): all the text
        // that is not furniture, rather than nothing.
        blocks = article::Finder::new(&dom, article::Rules::ATTEMPTS[0]).everything();
    }
    // The headline is the document's title: not repeated at the top of the text.
    if let Some(h) = meta.headline.as_deref() {
        if let Some(k) = blocks.iter().take(4).position(|b| same_words(&b.text, h)) {
            blocks.remove(k);
        }
    }
    let text = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Page { text, meta }
}

/// An article long enough to be one: Readability's threshold.
const LONG_ENOUGH: usize = 500;

fn length(blocks: &[text::Block]) -> usize {
    blocks.iter().map(|b| b.text.chars().count()).sum()
}

/// The article by the strictest rules that find one long enough; else the longest found.
fn article_blocks(dom: &dom::Dom) -> Vec<text::Block> {
    let mut longest: Vec<text::Block> = Vec::new();
    for rules in article::Rules::ATTEMPTS {
        let blocks = article::Finder::new(dom, rules).article();
        if length(&blocks) >= LONG_ENOUGH {
            return blocks;
        }
        if length(&blocks) > length(&longest) {
            longest = blocks;
        }
    }
    longest
}

/// Reduces a saved page given as bytes: HTML in any common encoding, or MHTML.
pub fn extract_bytes(bytes: &[u8], page_url: Option<&str>) -> Page {
    match encoding::mhtml(bytes) {
        Some(part) => {
            let url = page_url.or(part.location.as_deref());
            extract_html(&part.html, url)
        }
        None => extract_html(&encoding::decode_html(bytes), page_url),
    }
}

/// For developers (`claimmark-cli explain`): why the text `needle` is or is not in the article.
pub fn explain(bytes: &[u8], needle: &str) -> String {
    let html = encoding::decode_html(bytes);
    let dom = dom::parse(&html);
    article::Finder::new(&dom, article::Rules::ATTEMPTS[0]).explain(needle)
}

/// Whether a paragraph is the headline again (allowing a word or two more or less: a
/// "BREAKING NEWS:" label, a subtitle the metadata leaves out).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(crate::domain::text::fold_case)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let longer = a.len().max(b.len());
    shared * 10 >= longer * 8 && a.len() <= b.len() + 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_page_reduces_to_its_article() {
        let html = r##"<html><head><title>Storm hits coast | Daily</title></head><body>
            <nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="share-bar"><a href="#">Share on Facebook</a></div>
            <article><h1>Storm hits coast</h1>
              <p class="standfirst">Thousands without power after the worst storm in a decade, officials said.</p>
              <p>The storm, which made landfall on Tuesday, brought winds of 120 km/h, according to the weather service.</p>
              <figure><img src="x.jpg"><figcaption>Waves on the seafront. Photo: AP</figcaption></figure>
              <p>“We have never seen anything like it,” said the mayor, Jane Roe, in a statement on Wednesday.</p>
              <aside class="related"><h3>Related</h3><ul><li><a href="/a">Other storm story one</a></li><li><a href="/b">Other storm story two</a></li></ul></aside>
            </article>
            <div class="newsletter">Sign up for our newsletter, every morning, free, in your inbox.</div>
            <footer>© Daily 2020. All rights reserved, every one of them, for ever.</footer></body></html>"##;
        let p = extract_html(html, None);
        assert_eq!(
            p.text,
            "Thousands without power after the worst storm in a decade, officials said.\n\n\
             The storm, which made landfall on Tuesday, brought winds of 120 km/h, according to the weather service.\n\n\
             Waves on the seafront. Photo: AP\n\n\
             “We have never seen anything like it,” said the mayor, Jane Roe, in a statement on Wednesday."
        );
        assert_eq!(p.meta.headline.as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn a_page_nested_a_hundred_thousand_deep_is_read_without_overflow() {
        let html = "<div>".repeat(100_000)
            + "<p>Deep inside, the minister said prices fell, sharply, in May.</p>";
        let p = extract_html(&html, None);
        assert_eq!(
            p.text,
            "Deep inside, the minister said prices fell, sharply, in May."
        );
    }
}

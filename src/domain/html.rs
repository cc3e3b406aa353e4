//! Reducing an HTML file to article text. The result is plain text; nothing of the file is ever
//! rendered as HTML. Block elements become paragraph breaks, script-like content is dropped,
//! character references are decoded.

use super::document::ExtractedText;

/// Elements whose content is never article text.
const SKIPPED: [&str; 9] = [
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
];

/// Elements that start a new paragraph.
const BLOCKS: [&str; 32] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "tr",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "form",
    "fieldset",
    "body",
];

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "eacute" => 'é',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

/// Decodes character references (`&amp;`, `&#8212;`, `&#x2014;`); unknown ones stay as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|j| j + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32).filter(|&c| c != '\0')
        } else {
            named_entity(name)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tag name at the start of `tag` (the text after `<` or `</`), lowercased.
fn tag_name(tag: &str) -> String {
    tag.chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Finds the end of `</name>` (case-insensitive) in `s`; returns the byte index after it.
fn find_close(s: &str, name: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let pat = format!("</{name}");
    let at = lower.find(&pat)?;
    let gt = lower[at..].find('>')?;
    Some(at + gt + 1)
}

pub fn html_to_text(html: &str) -> ExtractedText {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut title: Option<String> = None;
    let mut first_h1: Option<String> = None;
    let mut in_h1: Option<String> = None;
    let mut rest = html;

    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current
            .lines()
            .map(collapse)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };

    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            current.push_str(&decode_entities(rest).replace(['\n', '\r'], " "));
            break;
        };
        // Line breaks in the source are white space; only <br> and blocks break lines.
        let text = decode_entities(&rest[..lt]).replace(['\n', '\r'], " ");
        if let Some(h) = in_h1.as_mut() {
            h.push_str(&text);
        }
        current.push_str(&text);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map(|i| &after[i + 3..]).unwrap_or("");
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map(|i| &rest[i + 1..]).unwrap_or("");
            continue;
        }
        let closing = rest.starts_with("</");
        let body = &rest[if closing { 2 } else { 1 }..];
        let name = tag_name(body);
        if name.is_empty() {
            // A lone '<' in text.
            current.push('<');
            rest = &rest[1..];
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        rest = &rest[gt + 1..];
        if closing {
            if name == "h1" {
                if let Some(h) = in_h1.take() {
                    first_h1.get_or_insert(collapse(&h));
                }
            }
        } else if name == "title" || SKIPPED.contains(&name.as_str()) {
            let end = find_close(rest, &name).unwrap_or(rest.len());
            if name == "title" {
                let inner = &rest[..end];
                let inner = inner.rfind("</").map(|i| &inner[..i]).unwrap_or(inner);
                title = Some(collapse(&decode_entities(inner))).filter(|t| !t.is_empty());
            }
            rest = &rest[end..];
            continue;
        } else if name == "h1" && first_h1.is_none() {
            in_h1 = Some(String::new());
        }
        if name == "br" {
            current.push('\n');
        } else if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut paragraphs);
        }
    }
    flush(&mut current, &mut paragraphs);
    ExtractedText {
        text: paragraphs.join("\n\n"),
        title: title.or(first_h1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_reduced_to_paragraphs_of_text() {
        let html = r#"<!DOCTYPE html><html><head><title>Big &amp; small</title>
            <style>p { color: red }</style><script>alert("<p>x</p>")</script></head>
            <body><h1>Headline</h1><p>First   para with <b>bold</b>
            text.</p><!-- <p>hidden</p> --><div>Second&nbsp;one &#8212; &#x201C;quoted&#x201D; &bogus;</div>
            <p>Line<br>break</p></body></html>"#;
        let e = html_to_text(html);
        assert_eq!(e.title.as_deref(), Some("Big & small"));
        assert_eq!(
            e.text,
            "Headline\n\nFirst para with bold text.\n\nSecond one — “quoted” &bogus;\n\nLine\nbreak"
        );
    }

    #[test]
    fn markup_in_text_never_survives_as_markup() {
        let e = html_to_text("<p>&lt;img src=x onerror=alert(1)&gt; 1 < 2</p>");
        assert_eq!(e.text, "<img src=x onerror=alert(1)> 1 < 2");
    }

    #[test]
    fn h1_is_the_title_when_there_is_no_title_element() {
        let e = html_to_text("<h1> The  news </h1><p>Body</p>");
        assert_eq!(e.title.as_deref(), Some("The news"));
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a &amp; b &#65;&#x42; &zz; &#0; &"),
            "a & b AB &zz; &#0; &"
        );
    }

    #[test]
    fn unterminated_markup_does_not_loop() {
        assert_eq!(html_to_text("<p>text <b").text, "text");
        assert_eq!(html_to_text("<script>never closed").text, "");
        assert_eq!(html_to_text("<!-- open").text, "");
    }
}

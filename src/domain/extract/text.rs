//! Turning part of a page into paragraphs of text as a browser lays them out: each block
//! element its own paragraph, inline elements joined, runs of white space one space, `<br>` a
//! line break, `<pre>` as written.

use super::dom::{Data, Dom, NodeId};

/// What a paragraph of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Caption,
    Preformatted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    pub text: String,
    /// The element the block comes from (for the metadata reader to recognise bylines).
    pub node: NodeId,
}

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "menu",
];

pub fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "p" | "div" | "section" | "article" | "tr" | "dd" | "dt" => Kind::Paragraph,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "li" => Kind::ListItem,
        "blockquote" => Kind::Quote,
        "figcaption" | "caption" => Kind::Caption,
        "pre" => Kind::Preformatted,
        _ => return None,
    })
}

/// White space trimmed from the ends of a line: all but the no-break space, which pages put
/// after a sentence on purpose.
fn outer_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}'
}

struct Builder<'b> {
    out: &'b mut Vec<Block>,
    current: String,
    /// The innermost block element open, its kind and node.
    context: Vec<(Kind, NodeId)>,
    pre: usize,
}

impl Builder<'_> {
    fn push_text(&mut self, t: &str) {
        if self.pre > 0 {
            self.current.push_str(t);
            return;
        }
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn flush(&mut self) {
        let text: String = if self.pre > 0 {
            // As written, but without blank lines: a blank line separates the article's
            // paragraphs.
            let t = self.current.replace("\r\n", "\n").replace('\r', "\n");
            let lines: Vec<&str> = t.split('\n').filter(|l| !l.trim().is_empty()).collect();
            lines.join("\n")
        } else {
            self.current
                .split('\n')
                .map(|l| {
                    l.trim_matches(outer_space)
                        .trim_end_matches(" |")
                        .trim_matches(outer_space)
                })
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        self.current.clear();
        if text.trim().is_empty() {
            return;
        }
        let (kind, node) = self.context.last().copied().unwrap_or((Kind::Paragraph, 0));
        self.out.push(Block { kind, text, node });
    }
}

/// Appends the blocks of `root`'s subtree to `out`, leaving out every element for which `keep`
/// says no (with all it holds).
pub fn render(dom: &Dom, root: NodeId, keep: &dyn Fn(NodeId) -> bool, out: &mut Vec<Block>) {
    let mut b = Builder {
        out,
        current: String::new(),
        context: Vec::new(),
        pre: 0,
    };
    // (node, leaving): an explicit stack, so no page nests deep enough to overflow.
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    while let Some((id, leaving)) = stack.pop() {
        let name = dom.name(id);
        if leaving {
            if is_block(name) || kind_of(name).is_some() {
                b.flush();
                if kind_of(name).is_some() {
                    b.context.pop();
                }
            }
            if name == "pre" {
                b.pre -= 1;
            }
            if matches!(name, "td" | "th") {
                // Cells of a row on one line, apart.
                b.current.push_str(" | ");
            }
            continue;
        }
        if !keep(id) {
            continue;
        }
        match &dom.nodes[id as usize].data {
            Data::Text(t) => {
                b.push_text(t);
                continue;
            }
            Data::Document => {}
            Data::Element { .. } => {
                if name == "br" {
                    b.current.push('\n');
                    continue;
                }
                if name == "hr" {
                    b.flush();
                    continue;
                }
                if is_block(name) || kind_of(name).is_some() {
                    b.flush();
                }
                if let Some(k) = kind_of(name) {
                    // A paragraph inside a quote or list item keeps the outer kind.
                    let inherited = match (k, b.context.last()) {
                        (Kind::Paragraph, Some(&(outer, _)))
                            if matches!(outer, Kind::Quote | Kind::ListItem | Kind::Caption) =>
                        {
                            outer
                        }
                        _ => k,
                    };
                    b.context.push((inherited, id));
                }
                if name == "pre" {
                    b.pre += 1;
                }
            }
        }
        stack.push((id, true));
        let children: Vec<NodeId> = dom.children(id).collect();
        for &c in children.iter().rev() {
            stack.push((c, false));
        }
    }
    b.flush();
}

#[cfg(test)]
mod tests {
    use super::super::dom::parse;
    use super::*;

    fn texts(html: &str) -> Vec<(Kind, String)> {
        let d = parse(html);
        let mut out = Vec::new();
        render(&d, 0, &|_| true, &mut out);
        out.into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_elements_join() {
        assert_eq!(
            texts("<h2>Head</h2><p>One <b>bold</b>\n  word.<br>Next line</p><ul><li>a</li><li><p>b</p></li></ul><blockquote><p>Q</p></blockquote><pre>  x\n  y</pre>"),
            vec![
                (Kind::Heading, "Head".into()),
                (Kind::Paragraph, "One bold word.\nNext line".into()),
                (Kind::ListItem, "a".into()),
                (Kind::ListItem, "b".into()),
                (Kind::Quote, "Q".into()),
                (Kind::Preformatted, "  x\n  y".into()),
            ]
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines_but_no_blank_line_or_carriage_return() {
        assert_eq!(
            texts("<pre>\r\n a\r\n\r\n \t\n b\r</pre>"),
            vec![(Kind::Preformatted, " a\n b".into())]
        );
    }

    #[test]
    fn no_break_spaces_and_unicode_survive() {
        assert_eq!(texts("<p>a&nbsp;b “c” 😀</p>")[0].1, "a\u{a0}b “c” 😀");
    }
}

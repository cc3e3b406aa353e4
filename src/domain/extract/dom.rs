//! A forgiving HTML parser into a small tree: enough of HTML's rules (void elements, raw text,
//! implied end tags) to read any saved news page the way a browser would lay out its text.
//! Nothing is ever rendered or run: script bodies are dropped (JSON-LD kept as data).
//!
//! Every walk of the tree is iterative, so a hostile page nested a million deep cannot overflow
//! the stack.

use super::entities::decode;

/// Index of a node in [`Dom::nodes`]; `NONE` for no node.
pub type NodeId = u32;
pub const NONE: NodeId = u32::MAX;

#[derive(Clone, Debug)]
pub enum Data {
    Document,
    Element {
        /// Lower-case tag name.
        name: Box<str>,
        /// Lower-case attribute names, decoded values.
        attrs: Vec<(Box<str>, Box<str>)>,
    },
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub next_sibling: NodeId,
    pub data: Data,
}

#[derive(Clone, Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Elements that have no end tag and no content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];
/// Elements whose content is text up to their end tag (entities decoded only in `title` and
/// `textarea`).
const RAW: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements that close an open `<p>` when they start.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
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
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];
/// Elements an implied end tag does not look past (a `<li>` does not close an `<li>` of an outer
/// list).
const SCOPE: &[&str] = &[
    "ul",
    "ol",
    "table",
    "td",
    "th",
    "div",
    "section",
    "article",
    "body",
    "html",
    "blockquote",
    "figure",
    "template",
    "aside",
    "main",
    "nav",
    "header",
    "footer",
];

impl Dom {
    pub fn root(&self) -> NodeId {
        0
    }

    pub fn name(&self, id: NodeId) -> &str {
        match &self.nodes[id as usize].data {
            Data::Element { name, .. } => name,
            _ => "",
        }
    }

    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        match &self.nodes[id as usize].data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|(k, _)| &**k == key).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id as usize].data, Data::Element { .. })
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn parent(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].parent
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// `id` and everything under it, in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: id,
        }
    }

    /// The first element named `name` in document order.
    pub fn find(&self, name: &str) -> Option<NodeId> {
        self.descendants(self.root())
            .find(|&n| self.name(n) == name)
    }

    /// All the text under `id`, as it stands in the source (no spacing between blocks).
    pub fn inner_text(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                s.push_str(t);
            }
        }
        s
    }

    fn push(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data,
        });
        let p = &mut self.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.nodes[last as usize].next_sibling = id;
        }
        id
    }

    /// Appends text to `parent`, joining it to a text node just before.
    fn push_text(&mut self, parent: NodeId, text: &str) {
        if text.is_empty() {
            return;
        }
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            if let Data::Text(t) = &mut self.nodes[last as usize].data {
                t.push_str(text);
                return;
            }
        }
        self.push(parent, Data::Text(text.to_owned()));
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        (id != NONE).then(|| {
            self.next = self.dom.nodes[id as usize].next_sibling;
            id
        })
    }
}

pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        if id == NONE {
            return None;
        }
        let nodes = &self.dom.nodes;
        let n = &nodes[id as usize];
        self.next = if n.first_child != NONE {
            n.first_child
        } else {
            // Up until a node with a next sibling, not past the root.
            let mut at = id;
            loop {
                if at == self.root {
                    break NONE;
                }
                let node = &nodes[at as usize];
                if node.next_sibling != NONE {
                    break node.next_sibling;
                }
                at = node.parent;
                if at == NONE {
                    break NONE;
                }
            }
        };
        Some(id)
    }
}

/// Parses `html` into a tree.
pub fn parse(html: &str) -> Dom {
    let mut dom = Dom {
        nodes: Vec::with_capacity(html.len() / 40),
    };
    dom.nodes.push(Node {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        data: Data::Document,
    });
    // The open elements, innermost last (the document at the bottom).
    let mut open: Vec<NodeId> = vec![0];
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = memchr(b'<', &bytes[i..]).map(|k| i + k) else {
            let current = *open.last().unwrap_or(&0);
            dom.push_text(current, &decode(&html[i..]));
            break;
        };
        if lt > i {
            let current = *open.last().unwrap_or(&0);
            dom.push_text(current, &decode(&html[i..lt]));
        }
        i = lt;
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |k| k + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &bytes[i..]).map_or(bytes.len(), |k| i + k + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = i + if closing { 2 } else { 1 };
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            // A '<' that starts no tag is text.
            let current = *open.last().unwrap_or(&0);
            dom.push_text(current, "<");
            i += 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let (attrs, self_closing, after) = attributes(html, name_end);
        i = after;
        if closing {
            close(&mut dom, &mut open, &name);
            continue;
        }
        implied_end(&dom, &mut open, &name);
        let parent = *open.last().unwrap_or(&0);
        if RAW.contains(&name.as_str()) {
            let end = raw_end(bytes, i, &name);
            let body = &html[i..end.0];
            i = end.1;
            let keep = match name.as_str() {
                "title" | "textarea" => Some(decode(body)),
                "script" => {
                    let json_ld = attrs.iter().any(|(k, v)| {
                        &**k == "type" && v.trim().eq_ignore_ascii_case("application/ld+json")
                    });
                    json_ld.then(|| body.to_owned())
                }
                _ => None,
            };
            let el = dom.push(
                parent,
                Data::Element {
                    name: name.into(),
                    attrs,
                },
            );
            if let Some(text) = keep {
                dom.push(el, Data::Text(text));
            }
            continue;
        }
        let void = VOID.contains(&name.as_str());
        let el = dom.push(
            parent,
            Data::Element {
                name: name.into_boxed_str(),
                attrs,
            },
        );
        if !void && !self_closing {
            open.push(el);
        }
    }
    dom
}

/// Closes open elements as HTML's implied end tags do before `name` starts.
fn implied_end(dom: &Dom, open: &mut Vec<NodeId>, name: &str) {
    let close_upto = |open: &mut Vec<NodeId>, targets: &[&str]| {
        // The innermost open element named one of `targets`, not past a scope boundary.
        let at = open
            .iter()
            .rposition(|&e| targets.contains(&dom.name(e)) || SCOPE.contains(&dom.name(e)));
        if let Some(k) = at {
            if targets.contains(&dom.name(open[k])) {
                open.truncate(k);
            }
        }
    };
    if CLOSES_P.contains(&name) {
        close_upto(open, &["p"]);
    }
    match name {
        "li" => close_upto(open, &["li"]),
        "dt" | "dd" => close_upto(open, &["dt", "dd"]),
        "tr" => close_upto(open, &["tr", "td", "th"]),
        "td" | "th" => close_upto(open, &["td", "th"]),
        "option" => close_upto(open, &["option"]),
        _ => {}
    }
}

/// Handles `</name>`: closes up to the innermost open element of that name, if any.
fn close(dom: &mut Dom, open: &mut Vec<NodeId>, name: &str) {
    if let Some(k) = open.iter().rposition(|&e| dom.name(e) == name) {
        if k > 0 {
            open.truncate(k);
        }
    } else if name == "br" {
        // `</br>` is a line break, as browsers read it.
        let parent = *open.last().unwrap_or(&0);
        dom.push(
            parent,
            Data::Element {
                name: "br".into(),
                attrs: Vec::new(),
            },
        );
    }
}

/// Reads the attributes of a tag from byte `i` (just after its name) to its `>`. Returns them,
/// whether the tag ends in `/>`, and the byte after the tag.
#[allow(clippy::type_complexity)]
fn attributes(html: &str, mut i: usize) -> (Vec<(Box<str>, Box<str>)>, bool, usize) {
    let b = html.as_bytes();
    let mut attrs: Vec<(Box<str>, Box<str>)> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return (attrs, self_closing, b.len());
        }
        if b[i] == b'>' {
            return (attrs, self_closing, i + 1);
        }
        self_closing = false;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == start {
            // A stray character ('=' with no name): skip it.
            i += 1;
            continue;
        }
        let key = html[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let end = memchr(q, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k);
                value = decode(&html[i + 1..end]);
                i = (end + 1).min(b.len());
            } else {
                let s = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode(&html[s..i]);
            }
        }
        if !attrs.iter().any(|(k, _)| **k == *key) {
            attrs.push((key.into_boxed_str(), value.into_boxed_str()));
        }
    }
}

/// Where the raw text of a `name` element ends: (start of `</name`, byte after its `>`).
fn raw_end(b: &[u8], from: usize, name: &str) -> (usize, usize) {
    let mut i = from;
    while let Some(k) = find(b, i, b"</") {
        let after = k + 2;
        let matches = b.len() >= after + name.len()
            && b[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after + name.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/');
        if matches {
            let end = memchr(b'>', &b[after..]).map_or(b.len(), |g| after + g + 1);
            return (k, end);
        }
        i = after;
    }
    (b.len(), b.len())
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let k = memchr(first, &hay[i..hay.len() - needle.len() + 1])?;
        if &hay[i + k..i + k + needle.len()] == needle {
            return Some(i + k);
        }
        i += k + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom, id: NodeId) -> String {
        // Iterative rendering for tests: names and text.
        let mut out = String::new();
        for n in dom.descendants(id) {
            match &dom.nodes[n as usize].data {
                Data::Element { name, .. } => {
                    out.push('<');
                    out.push_str(name);
                    out.push('>');
                }
                Data::Text(t) => out.push_str(t),
                Data::Document => {}
            }
        }
        out
    }

    #[test]
    fn tags_attributes_and_entities() {
        let d = parse(
            r#"<div class="a b" ID='x' data-n=3 hidden><p>Fish &amp; chips&nbsp;&#8212;&#x1F600;</div>"#,
        );
        let div = d.find("div").unwrap();
        assert_eq!(d.attr(div, "class"), Some("a b"));
        assert_eq!(d.attr(div, "id"), Some("x"));
        assert_eq!(d.attr(div, "data-n"), Some("3"));
        assert_eq!(d.attr(div, "hidden"), Some(""));
        assert_eq!(d.inner_text(div), "Fish & chips\u{a0}—😀");
    }

    #[test]
    fn paragraphs_and_list_items_close_themselves() {
        let d = parse("<p>one<p>two<ul><li>a<li>b<ul><li>c</ul><li>d</ul>");
        assert_eq!(shape(&d, 0), "<p>one<p>two<ul><li>a<li>b<ul><li>c<li>d");
        let ul = d.find("ul").unwrap();
        assert_eq!(d.children(ul).count(), 3, "a, b (with its list), d");
    }

    #[test]
    fn raw_text_is_not_markup_and_scripts_are_dropped_but_json_ld_kept() {
        let d = parse(
            r#"<script>if (a<b) document.write("<p>no</p>")</script><style>p{}</style><title>A &amp; B</title><script type="application/ld+json">{"headline":"H"}</script><p>yes"#,
        );
        assert_eq!(
            shape(&d, 0),
            r#"<script><style><title>A & B<script>{"headline":"H"}<p>yes"#
        );
    }

    #[test]
    fn broken_markup_never_loops_or_loses_text() {
        for html in [
            "<",
            "<p",
            "<p class=",
            "<a href='x",
            "<!-- open",
            "</nope>text",
            "a < b",
            "<script>never",
            "x<1y",
        ] {
            let d = parse(html);
            let _ = d.inner_text(0);
        }
        assert_eq!(parse("a < b").inner_text(0), "a < b");
        assert_eq!(parse("</nope>text").inner_text(0), "text");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(200_000) + "deep";
        let d = parse(&html);
        assert_eq!(d.inner_text(0), "deep");
        assert_eq!(d.descendants(0).count(), 200_002);
    }
}

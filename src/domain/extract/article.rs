//! Finding the article in a page: content scoring in the manner of Readability (Mozilla's
//! Reader View): paragraphs score by their length and commas, scores flow to the containers
//! around them, class and id names and link density weigh in; the best container and its
//! related siblings are the article, cleaned of the boilerplate inside them.

use super::dom::{Data, Dom, NodeId, NONE};
use super::text::{render, Block, Kind};
use super::words::*;

/// A line that is only a date and a time, a place or an outlet's name beside them ("November
/// 20, 2019 / 1:07 AM / CBS News", "10:48, Tue, Nov 19, 2019").
fn is_date_line(bare: &str) -> bool {
    let words: Vec<&str> = bare
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 || super::date_of(bare).is_none() {
        return false;
    }
    let datey = |w: &&str| {
        w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || CLOCK_WORDS.contains(w)
            || CALENDAR_WORDS.iter().any(|m| w.starts_with(m))
    };
    words.iter().filter(|w| datey(w)).count() * 3 >= words.len() * 2
}

fn contains_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

/// Per-element figures, gathered bottom-up in one pass.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Characters of text that are not white space.
    chars: u32,
    /// Of which inside links.
    link_chars: u32,
    commas: u32,
    paragraphs: u32,
    images: u32,
    list_items: u32,
    inputs: u32,
    embeds: u32,
    /// Block quotes (embedded posts are quotes too: content, whatever their links).
    quotes: u32,
}

/// Which of the cleaning rules apply. Like Readability, a page whose article comes out too
/// short is read again with fewer rules, from the strictest to none.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// Leave out elements whose class or id names furniture.
    pub strip_unlikely: bool,
    /// Let class and id names weigh on scores.
    pub weigh_classes: bool,
    /// Leave out lists, tables and boxes inside the article that look like furniture.
    pub clean_conditionally: bool,
}

impl Rules {
    pub const ATTEMPTS: [Rules; 4] = [
        Rules {
            strip_unlikely: true,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Rules {
            strip_unlikely: false,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Rules {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: true,
        },
        Rules {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: false,
        },
    ];
}

pub struct Finder<'a> {
    dom: &'a Dom,
    rules: Rules,
    /// Not article text: never-content tags, hidden elements, unlikely furniture.
    skip: Vec<bool>,
    /// Class and id, lower-case, of each element.
    names: Vec<String>,
    stats: Vec<Stats>,
    score: Vec<f32>,
    scored: Vec<bool>,
}

impl<'a> Finder<'a> {
    pub fn new(dom: &'a Dom, rules: Rules) -> Self {
        let n = dom.nodes.len();
        let mut f = Self {
            dom,
            rules,
            skip: vec![false; n],
            names: vec![String::new(); n],
            stats: vec![Stats::default(); n],
            score: vec![0.0; n],
            scored: vec![false; n],
        };
        f.mark_skipped();
        f.gather();
        f
    }

    fn mark_skipped(&mut self) {
        let dom = self.dom;
        // Parents come before children in the node list, so one forward pass sees an
        // ancestor's decision first.
        for id in 0..dom.nodes.len() {
            let parent = dom.nodes[id].parent;
            if parent != NONE && self.skip[parent as usize] {
                self.skip[id] = true;
                continue;
            }
            let Data::Element { name, .. } = &dom.nodes[id].data else {
                continue;
            };
            let id32 = id as NodeId;
            let class = dom.attr(id32, "class").unwrap_or_default();
            let ident = dom.attr(id32, "id").unwrap_or_default();
            let names = format!("{} {}", class, ident).to_ascii_lowercase();
            let hidden = dom.attr(id32, "hidden").is_some()
                || dom.attr(id32, "aria-hidden") == Some("true")
                || dom.attr(id32, "style").is_some_and(|s| {
                    let s = s.to_ascii_lowercase().replace(' ', "");
                    s.contains("display:none") || s.contains("visibility:hidden")
                });
            let role = dom.attr(id32, "role").unwrap_or_default();
            let structural = matches!(&**name, "html" | "body" | "article" | "main" | "a");
            let unlikely = self.rules.strip_unlikely
                && !structural
                && ((contains_any(&names, UNLIKELY) && !contains_any(&names, MAYBE))
                    || UNLIKELY_ROLES.contains(&role));
            self.skip[id] = NEVER.contains(&&**name) || hidden || unlikely;
            self.names[id] = names;
        }
    }

    fn gather(&mut self) {
        let dom = self.dom;
        for id in (0..dom.nodes.len()).rev() {
            if self.skip[id] {
                continue;
            }
            let node = &dom.nodes[id];
            let mut s = self.stats[id];
            match &node.data {
                Data::Text(t) => {
                    s.chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                    s.commas = t.matches([',', '，', '、']).count() as u32;
                }
                Data::Element { name, .. } => match &**name {
                    "a" => s.link_chars = s.chars,
                    "p" => s.paragraphs += 1,
                    "img" | "picture" => s.images += 1,
                    "li" => s.list_items += 1,
                    "input" => s.inputs += 1,
                    "embed" | "object" | "iframe" => s.embeds += 1,
                    "blockquote" => s.quotes += 1,
                    _ => {}
                },
                Data::Document => {}
            }
            self.stats[id] = s;
            if node.parent != NONE {
                let p = &mut self.stats[node.parent as usize];
                p.chars += s.chars;
                p.link_chars += s.link_chars;
                p.commas += s.commas;
                p.paragraphs += s.paragraphs;
                p.images += s.images;
                p.list_items += s.list_items;
                p.inputs += s.inputs;
                p.embeds += s.embeds;
                p.quotes += s.quotes;
            }
        }
    }

    fn link_density(&self, id: NodeId) -> f32 {
        let s = self.stats[id as usize];
        if s.chars == 0 {
            0.0
        } else {
            s.link_chars as f32 / s.chars as f32
        }
    }

    /// +25 for each article-like class or id, −25 for each furniture-like one.
    fn class_weight(&self, id: NodeId) -> f32 {
        if !self.rules.weigh_classes {
            return 0.0;
        }
        let dom = self.dom;
        let mut w = 0.0;
        for key in ["class", "id"] {
            let v = dom.attr(id, key).unwrap_or_default().to_ascii_lowercase();
            if v.is_empty() {
                continue;
            }
            if contains_any(&v, NEGATIVE) {
                w -= 25.0;
            }
            if contains_any(&v, POSITIVE) {
                w += 25.0;
            }
        }
        w
    }

    fn base_score(&self, id: NodeId) -> f32 {
        let tag = match self.dom.name(id) {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag + self.class_weight(id)
    }

    /// Whether a `div` or `section` holds only inline content (then it counts as a paragraph).
    fn is_inline_box(&self, id: NodeId) -> bool {
        !self
            .dom
            .children(id)
            .any(|c| !self.skip[c as usize] && super::text::is_block(self.dom.name(c)))
    }

    fn is_scorable(&self, id: NodeId) -> bool {
        match self.dom.name(id) {
            "p" | "pre" | "td" | "blockquote" => true,
            "div" | "section" | "span" => self.is_inline_box(id),
            _ => false,
        }
    }

    /// Scores every paragraph and lets the score flow to its containers.
    fn score_paragraphs(&mut self) -> Vec<NodeId> {
        let dom = self.dom;
        let mut candidates = Vec::new();
        for id in 0..dom.nodes.len() as NodeId {
            if self.skip[id as usize] || !dom.is_element(id) {
                continue;
            }
            if self.is_scorable(id) {
                let s = self.stats[id as usize];
                self.credit(dom.parent(id), s.chars, s.commas, &mut candidates);
            } else if matches!(dom.name(id), "div" | "section" | "article" | "main" | "td") {
                // Text loose in a box that also holds blocks (a blog post written with <br>s
                // around an image box) is a paragraph of that box, as Readability wraps it.
                let (mut chars, mut commas) = (0, 0);
                for c in dom.children(id) {
                    if !self.skip[c as usize] && !super::text::is_block(dom.name(c)) {
                        chars += self.stats[c as usize].chars;
                        commas += self.stats[c as usize].commas;
                    }
                }
                self.credit(id, chars, commas, &mut candidates);
            }
        }
        for &c in &candidates {
            self.score[c as usize] *= 1.0 - self.link_density(c);
        }
        candidates
    }

    /// Gives a paragraph's score to `first` and up to four of its ancestors, less at each step.
    fn credit(&mut self, first: NodeId, chars: u32, commas: u32, candidates: &mut Vec<NodeId>) {
        if chars < 25 {
            return;
        }
        let dom = self.dom;
        let score = 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0);
        let mut at = first;
        let mut level = 0;
        while at != NONE && level < 5 {
            if !dom.is_element(at) {
                break;
            }
            if !self.scored[at as usize] {
                self.scored[at as usize] = true;
                self.score[at as usize] = self.base_score(at);
                candidates.push(at);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            self.score[at as usize] += score / divider;
            at = dom.parent(at);
            level += 1;
        }
    }

    /// The article: the best-scoring container with the siblings that belong to it, as blocks
    /// of text. Empty when the page has no paragraph of text.
    pub fn article(&mut self) -> Vec<Block> {
        let candidates = self.score_paragraphs();
        let Some(&top) = candidates
            .iter()
            .max_by(|&&a, &&b| self.score[a as usize].total_cmp(&self.score[b as usize]))
        else {
            return Vec::new();
        };
        let top = self.better_ancestor(top, &candidates);
        let parts = self.with_siblings(top);
        let mut blocks = Vec::new();
        for part in parts {
            let keep = |id: NodeId| {
                let clutter = self.rules.clean_conditionally && self.is_clutter(id, part);
                !self.skip[id as usize] && !clutter
            };
            render(self.dom, part, &keep, &mut blocks);
        }
        blocks.retain(|b| !self.is_boilerplate(b));
        blocks
    }

    /// Lines of page furniture inside an article: a paragraph that is nothing but a link (a
    /// teaser of another story), a time stamp, a call to action.
    fn is_boilerplate(&self, b: &Block) -> bool {
        let st = self.stats[b.node as usize];
        let chars = b.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
        // The block is the whole of its element, and that is a link.
        if chars > 0
            && st.chars <= chars + 2
            && st.link_chars * 10 >= st.chars * 9
            && b.kind != Kind::Quote
        {
            return true;
        }
        let lower = crate::domain::text::fold_case(b.text.trim());
        if chars < 800 && lower.starts_with("disclaimer") {
            return true;
        }
        if chars > 300 {
            return false;
        }
        // Separators ("_____"), shortcodes a site forgot to expand ("[button …]…[/button]"),
        // an author's contact line.
        if !lower.chars().any(char::is_alphanumeric)
            || (lower.starts_with('[') && lower.contains("[/"))
            || (lower.contains('@') && (lower.contains("reached at") || lower.contains("follow")))
        {
            return true;
        }
        if FURNITURE_STARTS.iter().any(|p| lower.starts_with(p))
            || lower.contains("all rights reserved")
            || (lower.contains('©') && chars < 200)
        {
            return true;
        }
        if chars > 120 {
            return false;
        }
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if FURNITURE_LINES.contains(&bare) {
            return true;
        }
        let stamp = [
            "updated",
            "posted",
            "published",
            "last updated",
            "first published",
            "last modified",
        ]
        .iter()
        .any(|w| bare.starts_with(w));
        if stamp && bare.chars().any(|c| c.is_ascii_digit()) && chars < 80 {
            return true;
        }
        (lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("subscribe")))
            || lower.starts_with("sign up for")
            || is_date_line(bare)
    }

    /// For developers: why the element whose text contains `needle` is or is not in the
    /// article, as the chain of its ancestors with their names, scores and skip marks.
    pub fn explain(&mut self, needle: &str) -> String {
        let candidates = self.score_paragraphs();
        let top = candidates
            .iter()
            .copied()
            .max_by(|&a, &b| self.score[a as usize].total_cmp(&self.score[b as usize]));
        let dom = self.dom;
        let mut out = String::new();
        let describe = |f: &Self, id: NodeId| {
            format!(
                "{}{} class={:?} id={:?} skip={} score={:.1} chars={} links={}",
                if Some(id) == top { "TOP " } else { "" },
                dom.name(id),
                dom.attr(id, "class").unwrap_or_default(),
                dom.attr(id, "id").unwrap_or_default(),
                f.skip[id as usize],
                f.score[id as usize],
                f.stats[id as usize].chars,
                f.stats[id as usize].link_chars,
            )
        };
        if let Some(t) = top {
            out.push_str(&format!("top candidate: {}\n", describe(self, t)));
        }
        let hit = (0..dom.nodes.len() as NodeId)
            .filter(|&id| dom.text(id).is_some_and(|t| t.contains(needle)))
            .max_by_key(|&id| !self.skip[id as usize]);
        let Some(mut at) = hit else {
            out.push_str("text not found\n");
            return out;
        };
        while at != NONE {
            if dom.is_element(at) {
                out.push_str(&describe(self, at));
                out.push('\n');
            }
            at = dom.parent(at);
        }
        out
    }

    /// All the text of the page that is not furniture, for pages where no article stands out.
    pub fn everything(&self) -> Vec<Block> {
        let root = self.dom.find("body").unwrap_or(self.dom.root());
        let mut blocks = Vec::new();
        render(self.dom, root, &|id| !self.skip[id as usize], &mut blocks);
        blocks.retain(|b| !self.is_boilerplate(b));
        blocks
    }

    /// When the best candidates sit in one container (an article split in several boxes), that
    /// container; then up while a parent holds nothing but it.
    fn better_ancestor(&self, top: NodeId, candidates: &[NodeId]) -> NodeId {
        let dom = self.dom;
        let top_score = self.score[top as usize];
        let mut close: Vec<NodeId> = candidates
            .iter()
            .copied()
            .filter(|&c| c != top && self.score[c as usize] >= top_score * 0.75)
            .collect();
        close.truncate(64);
        let mut best = top;
        if close.len() >= 2 {
            let mut at = dom.parent(top);
            while at != NONE && dom.name(at) != "body" && dom.is_element(at) {
                let holds = close.iter().filter(|&&c| is_ancestor(dom, at, c)).count();
                if holds >= 2 {
                    best = at;
                    break;
                }
                at = dom.parent(at);
            }
        }
        // Up through wrappers that add nothing.
        loop {
            let parent = dom.parent(best);
            if parent == NONE || !dom.is_element(parent) || dom.name(parent) == "body" {
                break;
            }
            let live_children = dom
                .children(parent)
                .filter(|&c| !self.skip[c as usize] && self.stats[c as usize].chars > 0)
                .count();
            if live_children != 1 {
                break;
            }
            best = parent;
        }
        best
    }

    /// The top candidate and those of its siblings that read as part of the same article; and,
    /// when the top sits in a wrapper, paragraphs beside the wrapper too (an article whose
    /// first paragraphs stand outside the box the rest is in).
    fn with_siblings(&self, top: NodeId) -> Vec<NodeId> {
        let dom = self.dom;
        let parent = dom.parent(top);
        if parent == NONE {
            return vec![top];
        }
        let top_score = self.score[top as usize];
        let mut parts: Vec<NodeId> = dom
            .children(parent)
            .filter(|&s| s == top || self.belongs(s, top, top_score))
            .collect();
        let grandparent = dom.parent(parent);
        if grandparent != NONE && dom.is_element(grandparent) && dom.name(parent) != "body" {
            parts.extend(
                dom.children(grandparent)
                    .filter(|&s| s != parent && self.belongs(s, top, top_score)),
            );
        }
        parts.sort_unstable();
        parts
    }

    /// Whether the sibling `s` of the article's box reads as part of the article: it scored
    /// well enough, or it is a paragraph of prose.
    fn belongs(&self, s: NodeId, top: NodeId, top_score: f32) -> bool {
        let dom = self.dom;
        if self.skip[s as usize] || !dom.is_element(s) {
            return false;
        }
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.attr(top, "class").unwrap_or_default();
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) {
            bonus = top_score * 0.2;
        }
        if self.scored[s as usize] && self.score[s as usize] + bonus >= threshold {
            return true;
        }
        if dom.name(s) == "p" {
            let st = self.stats[s as usize];
            let density = self.link_density(s);
            let text = dom.inner_text(s);
            let t = text.trim_end();
            return (st.chars > 80 && density < 0.25)
                || (st.chars > 0 && density == 0.0 && ends_sentence(t));
        }
        false
    }

    /// Readability's conditional cleaning: lists, tables and boxes inside the article that
    /// look like furniture (mostly links, images without text, forms, few words).
    fn is_clutter(&self, id: NodeId, root: NodeId) -> bool {
        let dom = self.dom;
        if id == root || !dom.is_element(id) {
            return false;
        }
        let name = dom.name(id);
        if !matches!(
            name,
            "table"
                | "ul"
                | "ol"
                | "div"
                | "section"
                | "aside"
                | "form"
                | "fieldset"
                | "figure"
                | "header"
                | "footer"
        ) {
            return false;
        }
        let s = self.stats[id as usize];
        let weight = self.class_weight(id);
        let score = if self.scored[id as usize] {
            self.score[id as usize]
        } else {
            0.0
        };
        // An embedded post (a tweet is a block quote with its links) is content.
        if s.quotes > 0 && self.link_density(id) < 0.5 {
            return false;
        }
        if weight + score < 0.0 {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let is_list = matches!(name, "ul" | "ol");
        let p = s.paragraphs as f32;
        let img = s.images as f32;
        let li = s.list_items as f32 - 100.0;
        let density = self.link_density(id);
        let figure = name == "figure";
        (img > 1.0 && p / img < 0.5 && !figure)
            || (!is_list && li > p)
            || (s.inputs as f32 > (p / 3.0).floor())
            || (!is_list && !figure && s.chars < 25 && (s.images == 0 || s.images > 2))
            || (weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || ((s.embeds == 1 && s.chars < 75) || s.embeds > 1)
    }
}

fn is_ancestor(dom: &Dom, a: NodeId, mut b: NodeId) -> bool {
    while b != NONE {
        if b == a {
            return true;
        }
        b = dom.parent(b);
    }
    false
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '"', '”', '’', '»', ')'])
}

//! A flag (a class, or an attribute such as `aria-current`) on the elements that stand for one
//! thing (the claim being edited, the claim flashing, the article open): taken off the others
//! and put on those by two queries, however many elements there are. One signal read by a
//! closure on each of thousands of elements would wake them all at every change, and dropping
//! them costs the square of their number.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// What marks the elements.
#[derive(Clone, Copy)]
pub enum Flag {
    Class(&'static str),
    /// The attribute, set to `true`.
    Attr(&'static str),
}

/// Puts `flag` on exactly the elements under `root` that match `which` (none when `None`): one
/// or more selectors, a line each, each asked for alone (Chromium answers one selector by a
/// quicker path than a list of them: over 10,000 marks 0.1–0.2 ms each against 0.6–0.7 ms).
pub fn only(root: &Element, flag: Flag, which: Option<String>) {
    let set = |selector: &str, on: bool| {
        let Ok(list) = root.query_selector_all(selector) else {
            return;
        };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = match (flag, on) {
                    (Flag::Class(c), on) => el.class_list().toggle_with_force(c, on).map(|_| ()),
                    (Flag::Attr(a), true) => el.set_attribute(a, "true"),
                    (Flag::Attr(a), false) => el.remove_attribute(a),
                };
            }
        }
    };
    set(
        &match flag {
            Flag::Class(c) => format!(".{c}"),
            Flag::Attr(a) => format!("[{a}]"),
        },
        false,
    );
    for selector in which.iter().flat_map(|w| w.lines()) {
        set(selector, true);
    }
}

/// `value` as a CSS string, for an attribute selector: `[data-claim="…"]` matches it exactly,
/// whatever it holds.
pub fn css_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Line breaks cannot stand in a CSS string: as escapes.
            '\n' => out.push_str("\\a "),
            '\r' => out.push_str("\\d "),
            '\u{c}' => out.push_str("\\c "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

//! Between DOM selections and code-point offsets in the document text.
//!
//! The reader renders every segment of text as one element carrying `data-start` (the
//! code-point offset of its text in the document; it ends where its text does: an attribute
//! fewer on each of thousands of elements an opening makes). A DOM boundary point inside a segment's
//! text node is its segment's start plus the UTF-16 offset converted to code points; a boundary
//! between elements resolves to the nearest segment edge.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, Text};

use crate::domain::text::{cp_to_utf16, utf16_to_cp, Round};

pub const START_ATTR: &str = "data-start";
const SEGMENT_SELECTOR: &str = "[data-start]";

fn attr(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// Where a segment's text ends: its start and its code points.
fn end_of(el: &Element) -> Option<usize> {
    Some(attr(el, START_ATTR)? + el.text_content()?.chars().count())
}

/// The start of the first segment at or inside `node`.
fn first_start(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    if let Some(s) = attr(el, START_ATTR) {
        return Some(s);
    }
    let first = el.query_selector(SEGMENT_SELECTOR).ok()??;
    attr(&first, START_ATTR)
}

/// The end of the last segment at or inside `node`.
fn last_end(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    if let Some(e) = end_of(el) {
        return Some(e);
    }
    let all = el.query_selector_all(SEGMENT_SELECTOR).ok()?;
    let last = all.item(all.length().checked_sub(1)?)?;
    end_of(last.dyn_ref::<Element>()?)
}

/// The code-point offset of the DOM boundary point (`node`, `offset`).
fn boundary(node: &Node, offset: u32, is_end: bool) -> Option<usize> {
    if let Some(text) = node.dyn_ref::<Text>() {
        let seg = text.parent_element()?;
        let start = attr(&seg, START_ATTR)?;
        let round = if is_end { Round::Up } else { Round::Down };
        // Only the text before the point (and the unit after it, to see a surrogate pair it
        // splits): a segment may hold a whole long paragraph.
        let before = text.substring_data(0, offset.saturating_add(1)).ok()?;
        return Some(start + utf16_to_cp(&before, offset as usize, round));
    }
    let el = node.dyn_ref::<Element>()?;
    if let Some(start) = attr(el, START_ATTR) {
        return if offset == 0 { Some(start) } else { end_of(el) };
    }
    // Between children of a container: the nearest segment edge, looking first in the
    // direction that keeps the range inside what was selected.
    let children = node.child_nodes();
    let after = (offset..children.length()).filter_map(|i| children.item(i));
    let before = (0..offset).rev().filter_map(|i| children.item(i));
    if is_end {
        before
            .filter_map(|n| last_end(&n))
            .next()
            .or_else(|| after.filter_map(|n| first_start(&n)).next())
    } else {
        after
            .filter_map(|n| first_start(&n))
            .next()
            .or_else(|| before.filter_map(|n| last_end(&n)).next())
    }
}

/// The code-point span that `range` covers inside `root` (clipped to `root`), or `None` if it
/// does not touch `root` or is empty there.
pub fn range_offsets(root: &Element, range: &Range) -> Option<(usize, usize)> {
    if range.collapsed() || !range.intersects_node(root).ok()? {
        return None;
    }
    let doc = root.owner_document()?;
    let whole = doc.create_range().ok()?;
    whole.select_node_contents(root).ok()?;
    let clipped = range.clone_range();
    if clipped
        .compare_boundary_points(Range::START_TO_START, &whole)
        .ok()?
        < 0
    {
        clipped.set_start(root, 0).ok()?;
    }
    if clipped
        .compare_boundary_points(Range::END_TO_END, &whole)
        .ok()?
        > 0
    {
        clipped.set_end(root, root.child_nodes().length()).ok()?;
    }
    let start = boundary(
        &clipped.start_container().ok()?,
        clipped.start_offset().ok()?,
        false,
    )?;
    let end = boundary(
        &clipped.end_container().ok()?,
        clipped.end_offset().ok()?,
        true,
    )?;
    (start < end).then_some((start, end))
}

/// The code-point span of the window's current selection inside `root`.
pub fn selection_offsets(root: &Element) -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.range_count() == 0 || sel.is_collapsed() {
        return None;
    }
    range_offsets(root, &sel.get_range_at(0).ok()?)
}

/// The DOM boundary point of code-point offset `cp` inside `root`: in the text of the segment
/// that contains it (for an end, the segment it closes). Segments are in text order: found by
/// halves.
fn point(root: &Element, cp: usize, is_end: bool) -> Option<(Text, u32)> {
    let all = root.query_selector_all(SEGMENT_SELECTOR).ok()?;
    let at = |i: u32| all.item(i)?.dyn_into::<Element>().ok();
    // The first segment that ends after `cp` (for an end: at or after it).
    let (mut lo, mut hi) = (0, all.length());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let end = end_of(&at(mid)?)?;
        if end > cp || (is_end && end == cp) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let el = at(lo)?;
    let (start, end) = (attr(&el, START_ATTR)?, end_of(&el)?);
    let inside = if is_end {
        start < cp && cp <= end
    } else {
        start <= cp && cp < end
    };
    if !inside {
        return None;
    }
    let text = el.first_child()?.dyn_into::<Text>().ok()?;
    // At most two UTF-16 units a code point: only the text before the point is read.
    let before = (cp - start).saturating_mul(2).min(u32::MAX as usize) as u32;
    let units = cp_to_utf16(&text.substring_data(0, before).ok()?, cp - start);
    Some((text, units as u32))
}

/// Makes the window's selection the code-point span `[start, end)` of the text inside `root`,
/// and scrolls it into view. `false` if the span is not rendered there.
pub fn select_offsets(root: &Element, start: usize, end: usize) -> bool {
    let found = || -> Option<()> {
        let (from, to) = (point(root, start, false)?, point(root, end, true)?);
        let range = root.owner_document()?.create_range().ok()?;
        range.set_start(&from.0, from.1).ok()?;
        range.set_end(&to.0, to.1).ok()?;
        let sel = web_sys::window()?.get_selection().ok()??;
        sel.remove_all_ranges().ok()?;
        sel.add_range(&range).ok()?;
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        from.0
            .parent_element()?
            .scroll_into_view_with_scroll_into_view_options(&opts);
        Some(())
    };
    found().is_some()
}

/// Whether the window's selection is a non-empty range (someone is selecting text).
pub fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

pub fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Where to show the selection toolbar: the bottom-left corner of the selection, in page
/// coordinates.
pub fn selection_anchor_point() -> Option<(f64, f64)> {
    let w = web_sys::window()?;
    let sel = w.get_selection().ok()??;
    if sel.range_count() == 0 {
        return None;
    }
    let rect = sel.get_range_at(0).ok()?.get_bounding_client_rect();
    let (sx, sy) = (w.scroll_x().ok()?, w.scroll_y().ok()?);
    Some((rect.left() + sx, rect.bottom() + sy))
}

/// The suggestion a mark stands for: its span, from the mark's `data-suggested` ("start end").
pub fn suggested_span(mark: &Element) -> Option<(usize, usize)> {
    let value = mark.get_attribute("data-suggested")?;
    let (start, end) = value.split_once(' ')?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

/// The suggestions with a mark at least partly in the window, by their spans, in text order.
pub fn visible_suggestions(root: &Element) -> Vec<(usize, usize)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(marks) = root.query_selector_all("mark[data-suggested]") else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in 0..marks.length() {
        let Some(el) = marks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let rect = el.get_bounding_client_rect();
        if rect.bottom() > 0.0 && rect.top() < height {
            if let Some(span) = suggested_span(&el) {
                if !out.contains(&span) {
                    out.push(span);
                }
            }
        }
    }
    out
}

/// Scrolls the article element that starts at code point `start` into view.
pub fn scroll_to_offset(start: usize) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!(".article-text [data-start=\"{start}\"]");
    if let Ok(Some(el)) = doc.query_selector(&selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

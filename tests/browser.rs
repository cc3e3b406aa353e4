//! Browser tests of the DOM glue (wasm-bindgen-test in headless Chromium): selections over the
//! rendered article, highlights included, map to the right code-point offsets.
#![cfg(target_arch = "wasm32")]

use claimmark::browser::offsets::{range_offsets, select_offsets, selection_offsets};
use claimmark::domain::annotation::Verdict;
use claimmark::domain::document::{document_from_text, Origin};
use claimmark::domain::layout::{claims, covers, layout, Page};
use claimmark::domain::library::Library;
use claimmark::ui::reader::{ArticleText, MarkSignals};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node, Range};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Hi 😀 there, “quoted” end.\n\nSecond 😀😀 para é\u{301} here.";

struct Mounted {
    root: Element,
    marks: MarkSignals,
}

/// Renders TEXT with the given claims, as the reader does, into a fresh element.
async fn mount(claims: &[(usize, usize, Verdict)]) -> Mounted {
    mount_text(TEXT, claims).await
}

async fn mount_text(text: &str, marked: &[(usize, usize, Verdict)]) -> Mounted {
    let mut lib = Library::new(vec![]);
    lib.add_document(document_from_text("t".into(), text, None, Origin::User, 1));
    for (i, &(s, e, v)) in marked.iter().enumerate() {
        lib.annotate("t", (s, e), v, format!("c{i}"), 1).unwrap();
    }
    let page = std::sync::Arc::new(Page::new(lib.document("t").unwrap()));
    let laid_out = layout(&page, &covers(&claims(&page, &lib)), &[]);
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let marks = MarkSignals {
        selected: RwSignal::new(None),
        flash: RwSignal::new(None),
        chosen: RwSignal::new(None),
    };
    let node_ref = NodeRef::<leptos::html::Div>::new();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let (page, laid_out) = (page.clone(), laid_out.clone());
        view! {
            <ArticleText
                page=Memo::new(move |_| Some(page.clone()))
                layout=Memo::new(move |_| laid_out.clone())
                node_ref=node_ref
                marks=marks
            />
        }
    });
    handle.forget();
    let root = host.query_selector(".article-text").unwrap().unwrap();
    // The article text is drawn by an effect, which runs on a later turn of the executor.
    for _ in 0..10 {
        if root.first_element_child().is_some() {
            break;
        }
        leptos::task::tick().await;
    }
    assert!(
        root.first_element_child().is_some(),
        "the article text was never drawn"
    );
    Mounted { root, marks }
}

/// The text node inside the segment element that starts at code point `start`.
fn text_in_segment(root: &Element, start: usize) -> Node {
    root.query_selector(&format!("[data-start=\"{start}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no segment starts at {start} in {}", root.outer_html()))
        .first_child()
        .unwrap()
}

fn range(start: (&Node, u32), end: (&Node, u32)) -> Range {
    let r = document().create_range().unwrap();
    r.set_start(start.0, start.1).unwrap();
    r.set_end(end.0, end.1).unwrap();
    r
}

fn cp(s: &str) -> usize {
    s.chars().count()
}

#[wasm_bindgen_test]
async fn offsets_inside_plain_text_count_code_points_not_utf16() {
    let m = mount(&[]).await;
    let t = text_in_segment(&m.root, 0);
    // "Hi 😀 there": UTF-16 offset 5 is just after the emoji (code point 4).
    let r = range((&t, 3), (&t, 5));
    assert_eq!(range_offsets(&m.root, &r), Some((3, 4)));
}

#[wasm_bindgen_test]
async fn offsets_inside_highlights_and_across_them() {
    // "😀 there" sourced (3..11), and "there, “quoted”" unsourced overlapping it (5..20).
    let m = mount(&[(3, 11, Verdict::Sourced), (5, 20, Verdict::Unsourced)]).await;
    let marks = m.root.query_selector_all("mark").unwrap();
    assert_eq!(
        marks.length(),
        3,
        "overlap makes three highlighted segments"
    );
    let inner = text_in_segment(&m.root, 5); // "there" covered by both
    let tail = text_in_segment(&m.root, 11); // ", “quoted”" covered by the second only
    let r = range((&inner, 1), (&tail, 4)); // "here, “qu"
    assert_eq!(range_offsets(&m.root, &r), Some((6, 15)));
    let first = text_in_segment(&m.root, 3); // "😀 " : split surrogate pair rounds outward
    let r = range((&first, 1), (&first, 2));
    assert_eq!(range_offsets(&m.root, &r), Some((3, 4)));
}

#[wasm_bindgen_test]
async fn a_selection_across_paragraphs_spans_the_break() {
    let m = mount(&[]).await;
    let p1 = text_in_segment(&m.root, 0);
    let second_start = cp("Hi 😀 there, “quoted” end.\n\n");
    let p2 = text_in_segment(&m.root, second_start);
    // From "end." to after "Second 😀😀" (UTF-16: 6 + 1 + 4 = 11).
    let r = range((&p1, 22), (&p2, 11));
    let (s, e) = range_offsets(&m.root, &r).unwrap();
    let chars: Vec<char> = TEXT.chars().collect();
    let got: String = chars[s..e].iter().collect();
    assert_eq!(got, "end.\n\nSecond 😀😀");
}

#[wasm_bindgen_test]
async fn boundaries_between_elements_resolve_to_segment_edges() {
    let m = mount(&[(3, 11, Verdict::Sourced)]).await;
    let paragraphs = m.root.query_selector_all("p").unwrap();
    let p1: Node = paragraphs.item(0).unwrap();
    let mark: Node = m
        .root
        .query_selector("mark")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // (p1, 0) .. (mark, 1): from the start of the text to the end of the highlight.
    let r = range((&p1, 0), (&mark, 1));
    assert_eq!(range_offsets(&m.root, &r), Some((0, 11)));
    // The whole article element's contents.
    let root: Node = m.root.clone().unchecked_into();
    let r = range((&root, 0), (&root, root.child_nodes().length()));
    assert_eq!(range_offsets(&m.root, &r), Some((0, cp(TEXT))));
}

#[wasm_bindgen_test]
async fn selections_reaching_outside_the_article_are_clipped_to_it() {
    let m = mount(&[]).await;
    let outside = document().create_element("p").unwrap();
    outside.set_text_content(Some("before the article"));
    let host = m.root.parent_element().unwrap();
    host.parent_node()
        .unwrap()
        .insert_before(&outside, Some(&host))
        .unwrap();
    let before = outside.first_child().unwrap();
    let t = text_in_segment(&m.root, 0);
    let r = range((&before, 3), (&t, 2));
    assert_eq!(range_offsets(&m.root, &r), Some((0, 2)));
    // Entirely outside: nothing.
    let r = range((&before, 0), (&before, 5));
    assert_eq!(range_offsets(&m.root, &r), None);
}

#[wasm_bindgen_test]
async fn the_window_selection_maps_the_same_way() {
    let m = mount(&[(0, 2, Verdict::Unsourced)]).await;
    let second_start = cp("Hi 😀 there, “quoted” end.\n\n");
    let p2 = text_in_segment(&m.root, second_start);
    // "é\u{301}" is two code points; select "para é\u{301}".
    let from = "Second 😀😀 ".encode_utf16().count() as u32;
    let to = "Second 😀😀 para é\u{301}".encode_utf16().count() as u32;
    let sel = window().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range((&p2, from), (&p2, to))).unwrap();
    let (s, e) = selection_offsets(&m.root).unwrap();
    assert_eq!((s, e), (second_start + 10, second_start + 17));
    sel.remove_all_ranges().unwrap();
}

#[wasm_bindgen_test]
async fn clicking_a_highlight_selects_its_innermost_claim() {
    let m = mount(&[(0, 20, Verdict::Sourced), (3, 8, Verdict::Unsourced)]).await;
    window()
        .get_selection()
        .unwrap()
        .unwrap()
        .remove_all_ranges()
        .unwrap();
    let nested = m
        .root
        .query_selector("mark[data-start=\"3\"]")
        .unwrap()
        .unwrap();
    assert!(nested.class_name().contains("hl-mixed"));
    nested.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(m.marks.selected.get_untracked().as_deref(), Some("c1"));
    let outer = m
        .root
        .query_selector("mark[data-start=\"0\"]")
        .unwrap()
        .unwrap();
    outer.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(m.marks.selected.get_untracked().as_deref(), Some("c0"));
}

#[wasm_bindgen_test]
async fn article_text_is_never_parsed_as_html() {
    let host = mount_text("<img src=x onerror=alert(1)> & <b>bold</b>", &[])
        .await
        .root;
    assert!(host.query_selector("img, b").unwrap().is_none());
    assert_eq!(
        host.text_content().unwrap(),
        "<img src=x onerror=alert(1)> & <b>bold</b>"
    );
}

#[wasm_bindgen_test]
async fn selecting_by_offsets_round_trips_through_highlights_and_emoji() {
    // A highlight over "there" splits the first paragraph into three segments.
    let m = mount(&[(5, 10, Verdict::Sourced)]).await;
    let sel = window().get_selection().unwrap().unwrap();
    let cases = [
        (0, 4, "Hi 😀"),
        (4, 13, " there, “"),
        (3, 24, "😀 there, “quoted” end"),
        (34, 41, "😀😀 para"),
    ];
    for (start, end, text) in cases {
        assert!(select_offsets(&m.root, start, end), "{start}..{end}");
        assert_eq!(sel.to_string().as_string().unwrap(), text);
        assert_eq!(selection_offsets(&m.root), Some((start, end)));
    }
    assert!(
        !select_offsets(&m.root, 0, 10_000),
        "past the end of the text"
    );
    // Tests share the page: a selection left behind would make clicks count as selecting.
    sel.remove_all_ranges().unwrap();
}

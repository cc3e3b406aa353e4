//! "Send to claimmark": a bookmarklet that, on the page being read, opens claimmark and hands
//! it the page's HTML and address (or only the selected text).
//!
//! The handshake checks origins on both sides. The bookmarklet opens claimmark at
//! `…#capture`; claimmark, seeing that, says `claimmark-ready` to the window that opened it;
//! the bookmarklet answers only a `claimmark-ready` that comes from the window it opened *and*
//! from claimmark's origin (written into the bookmarklet), and sends the page to that origin
//! only. claimmark takes only a message from its opener whose origin is the origin of the
//! address the message claims, so a page can hand over only itself. Nothing but the
//! bookmarklet's own small script runs in the news page; nothing of the page runs in
//! claimmark (it is reduced to text by the extraction worker).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the bookmarklet sent.
pub struct Captured {
    pub url: String,
    pub title: Option<String>,
    /// The whole page's HTML, when nothing was selected.
    pub html: Option<String>,
    /// The selected text, when there was a selection.
    pub selection: Option<String>,
}

/// The bookmarklet for claimmark served at `app` (its address, sub-path included, without
/// query or fragment): a `javascript:` address to drag to the bookmarks bar.
pub fn bookmarklet(app: &str) -> String {
    let app_json = serde_json::to_string(app).unwrap_or_default();
    let code = format!(
        "(function(){{var A={app_json},O=new URL(A).origin,w=window.open(A+'#capture','_blank');\
if(!w){{alert('claimmark: the browser blocked the new window. Allow pop-ups for this site, or select the article, copy it and paste it into claimmark (Add an article).');return;}}\
var s=String(window.getSelection()||'').trim(),m={{type:'claimmark-capture',url:location.href,title:document.title,\
html:s?null:document.documentElement.outerHTML,selection:s||null}},done=false;\
function h(e){{if(!done&&e.source===w&&e.origin===O&&e.data==='claimmark-ready'){{done=true;removeEventListener('message',h);w.postMessage(m,O);}}}}\
addEventListener('message',h);\
setTimeout(function(){{if(!done){{removeEventListener('message',h);alert('claimmark did not answer: this page may not allow it. Select the article, copy it and paste it into claimmark (Add an article).');}}}},20000);}})();"
    );
    format!("javascript:{}", encode_component(&code))
}

/// Percent-encodes what a `javascript:` address must not hold literally.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')'
            | b';'
            | b','
            | b'/'
            | b':'
            | b'='
            | b'?'
            | b'&'
            | b'+'
            | b'$'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// This page's own address, without query or fragment: what the bookmarklet opens.
pub fn app_address() -> Option<String> {
    let loc = web_sys::window()?.location();
    Some(format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?))
}

/// Whether claimmark was opened by the bookmarklet.
pub fn requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| h == "#capture")
}

/// Answers the bookmarklet: says ready to the opener and hands the page it sends to
/// `on_page`, once. `Err` when there is no window to talk to (the page cut the tie, as sites
/// with a strict opener policy do).
pub fn listen(on_page: impl FnOnce(Captured) + 'static) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    // Reloading must not ask again.
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&app_address().unwrap_or_default()),
        );
    }
    let opener = window
        .opener()
        .ok()
        .filter(|o| !o.is_null() && !o.is_undefined())
        .ok_or("the page did not let claimmark answer it")?;
    let mut on_page = Some(on_page);
    let expected = opener.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let from_opener = ev.source().is_some_and(|s| JsValue::from(s) == expected);
            if !from_opener {
                return;
            }
            let data = ev.data();
            let get = |k: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(k))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if get("type").as_deref() != Some("claimmark-capture") {
                return;
            }
            let Some(url) = get("url") else {
                return;
            };
            // The page may hand over only itself.
            let claimed = web_sys::Url::new(&url).ok().map(|u| u.origin());
            if claimed.as_deref() != Some(ev.origin().as_str()) {
                return;
            }
            if let Some(f) = on_page.take() {
                f(Captured {
                    url,
                    title: get("title"),
                    html: get("html"),
                    selection: get("selection").filter(|s| !s.trim().is_empty()),
                });
            }
        });
    window
        .add_event_listener_with_callback("message", handler.as_ref().unchecked_ref())
        .map_err(|_| "could not listen for the page")?;
    handler.forget();
    let opener: web_sys::Window = opener.unchecked_into();
    opener
        .post_message(&JsValue::from_str("claimmark-ready"), "*")
        .map_err(|_| "could not answer the page".to_owned())
}

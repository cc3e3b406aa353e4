//! Files in and out: downloads through a Blob URL, uploads read as text.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, contents: &str, mime: &str) -> Result<(), String> {
    let fail = |what: &str, e: JsValue| format!("{what}: {}", e.as_string().unwrap_or_default());
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| fail("could not make the file", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| fail("could not make the file", e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| fail("could not start the download", e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).ok();
    a.click();
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    super::later(
        60_000,
        Box::new(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        }),
    );
    Ok(())
}

/// Reads a file the user chose, as UTF-8 text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the file could not be read".into())
    })?;
    text.as_string()
        .ok_or_else(|| "the file could not be read as text".into())
}

/// Reads a file the user chose, as bytes (a saved page says its own encoding).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the file could not be read".into())
    })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file chosen in an `<input type=file>`, and clears the input so that choosing the
/// same file again fires another change.
pub fn take_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The file chosen in the `<input type=file>` that fired `ev`, clearing the input so the same
/// file can be chosen again.
pub fn chosen(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    take_file(&input)
}

/// Reads the file chosen in the `<input type=file>` that fired `ev` (clearing the input, so the
/// same file can be chosen again), then calls `done` with its name and its text, or why it
/// could not be read.
pub fn read_chosen(
    ev: &web_sys::Event,
    done: impl FnOnce(String, Result<String, String>) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = take_file(&input) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = read_text(&file).await;
        done(file.name(), text);
    });
}

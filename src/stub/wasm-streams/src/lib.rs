//! What server_fn's browser client calls of wasm-streams, and nothing else (see Cargo.toml).

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self(raw)
    }

    /// A request body streamed to a server function: claimmark has none.
    pub fn from_stream<St>(_: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("claimmark has no server functions to stream to")
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }

    /// A server function's streamed response: claimmark calls none, so nothing is read.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::empty()
    }
}

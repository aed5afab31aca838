//! The part of `wasm-streams` 0.5 that `server_fn` 0.8 calls for streaming server functions
//! (`ReadableStream::from_stream`, `from_raw`, `into_raw`, `into_stream`), with no JavaScript
//! exports. Qarin has no server: these are never called, and a stream made here is empty. See
//! `Cargo.toml` for why the crate exists.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;

/// A readable stream: only the raw browser object, if any.
pub struct ReadableStream(Option<web_sys::ReadableStream>);

impl ReadableStream {
    /// Wraps a browser stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream(Some(raw))
    }

    /// A stream that a Rust stream would feed: here none is made, the items are dropped.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        ReadableStream(None)
    }

    /// The browser stream; an empty one when none was wrapped.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0.unwrap_or_else(|| web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::UNDEFINED.into()))
    }

    /// The stream's items: always none.
    pub fn into_stream(self) -> IntoStream {
        IntoStream
    }
}

/// The items of a [`ReadableStream`]: it ends at once.
pub struct IntoStream;

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}

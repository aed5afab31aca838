//! Reading the files a user chooses or drops: their bytes, through `Blob.arrayBuffer()`, all of
//! a batch before going on. A file over the size limit is not read at all (its `File.size` is checked
//! first), so a 20 MB photo never reaches the page's memory.

use wasm_bindgen::JsCast;
use web_sys::js_sys;

/// What reading one file gave.
pub enum Content {
    Bytes(Vec<u8>),
    /// Over the limit: not read. The size in bytes.
    TooLarge(f64),
    /// The browser could not read it.
    Failed(String),
}

pub struct Picked {
    pub name: String,
    pub content: Content,
}

/// The files of a `FileList` (from `<input type=file>` or a drop).
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Read every file (those over `limit` bytes are not read), then call `done` with the results in
/// the files' order. The files are read one after the other (`Blob.arrayBuffer()`), each in a
/// task of its own: choosing hundreds of files never blocks the page.
pub fn read_all(files: Vec<web_sys::File>, limit: usize, done: impl FnOnce(Vec<Picked>) + 'static) {
    leptos::task::spawn_local(async move {
        let mut results = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > limit as f64 {
                results.push(Picked { name, content: Content::TooLarge(size) });
                continue;
            }
            let content = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(v) if v.is_instance_of::<js_sys::ArrayBuffer>() => Content::Bytes(js_sys::Uint8Array::new(&v).to_vec()),
                Ok(_) => Content::Failed("unknown error".to_string()),
                Err(e) => Content::Failed(crate::browser::js_error_text(&e)),
            };
            results.push(Picked { name, content });
        }
        crate::browser::mark("qarin:files-read");
        done(results);
    });
}

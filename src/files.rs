//! Reading the files a user chooses or drops: their bytes, through `FileReader`, all of a batch
//! before going on. A file over the size limit is not read at all (its `File.size` is checked
//! first), so a 20 MB photo never reaches the page's memory.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
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

struct Batch {
    results: Vec<Option<Picked>>,
    remaining: usize,
    done: Option<Box<dyn FnOnce(Vec<Picked>)>>,
}

impl Batch {
    fn finish_one(&mut self, i: usize, p: Picked) {
        self.results[i] = Some(p);
        self.remaining -= 1;
        if self.remaining == 0 {
            if let Some(done) = self.done.take() {
                let results = std::mem::take(&mut self.results).into_iter().flatten().collect();
                done(results);
            }
        }
    }
}

/// Read every file (those over `limit` bytes are not read), then call `done` with the results in
/// the files' order.
pub fn read_all(files: Vec<web_sys::File>, limit: usize, done: impl FnOnce(Vec<Picked>) + 'static) {
    if files.is_empty() {
        done(Vec::new());
        return;
    }
    let batch = Rc::new(RefCell::new(Batch {
        results: (0..files.len()).map(|_| None).collect(),
        remaining: files.len(),
        done: Some(Box::new(done)),
    }));
    for (i, file) in files.into_iter().enumerate() {
        let name = file.name();
        let size = file.size();
        if size > limit as f64 {
            batch.borrow_mut().finish_one(i, Picked { name, content: Content::TooLarge(size) });
            continue;
        }
        let reader = match web_sys::FileReader::new() {
            Ok(r) => r,
            Err(e) => {
                let err = crate::browser::js_error_text(&e);
                batch.borrow_mut().finish_one(i, Picked { name, content: Content::Failed(err) });
                continue;
            }
        };
        let batch2 = batch.clone();
        let reader2 = reader.clone();
        let name2 = name.clone();
        // Called once, on success or failure (`loadend`); freed after the call.
        let on_end = Closure::once_into_js(move |_: web_sys::Event| {
            let content = match reader2.result() {
                Ok(v) if v.is_instance_of::<js_sys::ArrayBuffer>() => Content::Bytes(js_sys::Uint8Array::new(&v).to_vec()),
                _ => Content::Failed(
                    reader2
                        .error()
                        .map(|e| format!("{}: {}", e.name(), e.message()))
                        .unwrap_or_else(|| "unknown error".to_string()),
                ),
            };
            batch2.borrow_mut().finish_one(i, Picked { name: name2, content });
        });
        reader.set_onloadend(Some(on_end.unchecked_ref()));
        if let Err(e) = reader.read_as_array_buffer(&file) {
            reader.set_onloadend(None);
            let err = crate::browser::js_error_text(&e);
            batch.borrow_mut().finish_one(i, Picked { name, content: Content::Failed(err) });
        }
    }
}

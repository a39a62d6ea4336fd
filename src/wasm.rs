//! The WebAssembly binding: translation only. Options cross as JSON/serde values; every error
//! crosses as a JavaScript `Error` with the core's message.

use crate::{Category, Engine, Policy, Session};
use serde::Serialize;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

fn js_error(e: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Runs when the module loads: panics are reported to the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, to show in the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn engine(policy_json: &str, key: Option<Vec<u8>>) -> Result<Engine, JsValue> {
    let policy = Policy::from_json(policy_json).map_err(js_error)?;
    match key {
        Some(k) => Engine::with_key(policy, &k),
        None => Engine::new(policy),
    }
    .map_err(js_error)
}

/// The strategy names the policy accepts.
#[wasm_bindgen]
pub fn strategies() -> Vec<String> {
    crate::Strategy::ALL
        .iter()
        .map(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect()
}

/// A compiled policy. `new Scrubber(policyJson)` throws on an invalid policy.
#[wasm_bindgen]
pub struct Scrubber {
    engine: Engine,
}

#[wasm_bindgen]
impl Scrubber {
    /// `key`: the secret of the `hash` strategy (bytes), or undefined.
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str, key: Option<Vec<u8>>) -> Result<Scrubber, JsValue> {
        Ok(Scrubber {
            engine: engine(policy_json, key)?,
        })
    }

    /// Sanitizes a whole text: `{ text, findings, mapping, report }`.
    pub fn sanitize(&self, text: &str) -> Result<JsValue, JsValue> {
        to_js(&self.engine.sanitize_with_values(text))
    }

    /// The default policy as JSON.
    #[wasm_bindgen(js_name = defaultPolicy)]
    pub fn default_policy() -> String {
        Policy::default().to_json()
    }
}

/// The result of [`restore`].
#[derive(Serialize)]
struct Restored {
    text: String,
    unknown: Vec<String>,
}

/// Puts the originals back into a reply: `{ text, unknown }`, `unknown` being the
/// placeholders the mapping does not know. Throws on an invalid mapping document.
#[wasm_bindgen]
pub fn restore(text: &str, mapping_json: &str) -> Result<JsValue, JsValue> {
    let mapping = crate::Mapping::from_json(mapping_json).map_err(js_error)?;
    let (text, unknown) = crate::restore(text, &mapping);
    to_js(&Restored { text, unknown })
}

/// One category as the settings panel lists it.
#[derive(Serialize)]
struct CategoryInfo {
    id: &'static str,
    label: &'static str,
    default_enabled: bool,
}

/// Every category: `[{ id, label, default_enabled }]`.
#[wasm_bindgen]
pub fn categories() -> Result<JsValue, JsValue> {
    let list: Vec<CategoryInfo> = Category::ALL
        .iter()
        .map(|&c| CategoryInfo {
            id: c.id(),
            label: c.label(),
            default_enabled: c.default_enabled(),
        })
        .collect();
    to_js(&list)
}

/// The end of a streaming run: the last text, the totals and the mapping (no per-finding list).
#[derive(Serialize)]
struct StreamEnd<'a> {
    text: &'a str,
    findings: usize,
    mapping: &'a crate::Mapping,
    report: &'a crate::Report,
}

/// A streaming run over a big input: `feed(chunk)` returns the sanitized text that is ready,
/// `finish()` returns `{ text, findings, mapping, report }`. It owns its engine.
///
/// Two-pass (the output of `Scrubber.sanitize` on the whole input, for inputs of any size):
/// first `learn(chunk)` with every chunk of the input, then `feed(chunk)` with every chunk
/// again (a `File` can be read twice), then `finish()`. Without `learn`, the stream is
/// forward-only: a value or name first recognised late in the input is not replaced in the
/// text already returned.
#[wasm_bindgen]
pub struct ScrubStream {
    session: Option<Session<'static>>,
}

#[wasm_bindgen]
impl ScrubStream {
    /// Compiles the policy (JSON; empty for the defaults); `key` for the `hash` strategy.
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str, key: Option<Vec<u8>>) -> Result<ScrubStream, JsValue> {
        let engine = Arc::new(engine(policy_json, key)?);
        Ok(ScrubStream {
            session: Some(Engine::session_shared(engine)),
        })
    }

    /// First pass: reads a chunk of the input without output. Every chunk, before the
    /// first `feed`.
    pub fn learn(&mut self, chunk: &str) -> Result<(), JsValue> {
        self.session
            .as_mut()
            .ok_or_else(|| js_error("the stream is finished"))?
            .learn(chunk)
            .map_err(js_error)
    }

    /// Second pass: a chunk of the input again; returns the sanitized text that is ready.
    pub fn feed(&mut self, chunk: &str) -> Result<String, JsValue> {
        match self.session.as_mut() {
            Some(s) => Ok(s.write(chunk)),
            None => Err(js_error("the stream is finished")),
        }
    }

    /// Bytes of input processed so far (by `feed`).
    pub fn consumed(&self) -> usize {
        self.session.as_ref().map_or(0, |s| s.consumed())
    }

    /// Ends the run: the rest of the text, the number of findings, the mapping and the report.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let session = self
            .session
            .take()
            .ok_or_else(|| js_error("the stream is finished"))?;
        let done = session.finish();
        to_js(&StreamEnd {
            text: &done.text,
            findings: done.findings.len(),
            mapping: &done.mapping,
            report: &done.report,
        })
    }
}

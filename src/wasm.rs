//! The WebAssembly binding: translation only. Options cross as JSON/serde values; every error
//! crosses as a JavaScript `Error` with the core's message.

use crate::{Engine, Policy};
use wasm_bindgen::prelude::*;

fn js_error(e: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, to show in the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A compiled policy. `new Scrubber(policyJson)` throws on an invalid policy.
#[wasm_bindgen]
pub struct Scrubber {
    engine: Engine,
}

#[wasm_bindgen]
impl Scrubber {
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str) -> Result<Scrubber, JsValue> {
        let policy = Policy::from_json(policy_json).map_err(js_error)?;
        let engine = Engine::new(policy).map_err(js_error)?;
        Ok(Scrubber { engine })
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

//! logscrub removes personal data, secrets and internal notes from support conversation logs,
//! locally. The same core runs natively (the `logscrub` command) and in the browser
//! (WebAssembly, through `src/wasm.rs`).
//!
//! ```
//! use logscrub::{Engine, Policy};
//!
//! let engine = Engine::new(Policy::default()).unwrap();
//! let out = engine.sanitize("Mail bob.smith@contoso.com from 203.0.113.9 or 2001:db8::1");
//! assert_eq!(out.text, "Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]");
//! assert_eq!(out.report.residual, 0);
//! ```
#![forbid(unsafe_code)]

pub mod detect;
pub mod engine;
pub mod error;
pub mod policy;
pub mod replace;
pub mod structure;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use detect::{Category, Finding};
pub use engine::{Engine, FindingReport, Report, Sanitized, Stream};
pub use error::Error;
pub use policy::{Policy, Strategy};

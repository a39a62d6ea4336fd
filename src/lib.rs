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
//!
//! Each category has a replacement strategy (`label`, `numbered`, `mask`, `partial`, `fake`,
//! `hash`, `remove`); the mapping it returns puts the originals back into a reply:
//!
//! ```
//! use logscrub::{restore, Engine, Policy};
//!
//! let policy = Policy::from_json(r#"{"strategies":{"email":"fake","ipv4":"partial"}}"#).unwrap();
//! let engine = Engine::new(policy).unwrap();
//! let out = engine.sanitize("login by Bob@Contoso.com from 10.1.2.3");
//! assert_eq!(out.text, "login by user1@example.invalid from 10.1.2.[IPV4-1]");
//! let (reply, unknown) = restore("Is user1@example.invalid behind 10.1.2.[IPV4-1]?", &out.mapping);
//! assert_eq!(reply, "Is Bob@Contoso.com behind 10.1.2.3?");
//! assert!(unknown.is_empty());
//!
//! // The keyed hash needs a key, given to the engine, never stored in the policy.
//! let policy = Policy::from_json(r#"{"default_strategy":"hash"}"#).unwrap();
//! assert!(Engine::new(policy.clone()).is_err());
//! let engine = Engine::with_key(policy, b"a secret of at least 16 bytes").unwrap();
//! assert!(engine.sanitize("bob@contoso.com").text.starts_with("[EMAIL:"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub(crate) mod codec;
pub mod detect;
pub mod engine;
pub mod error;
pub(crate) mod normalize;
pub mod pattern;
pub mod policy;
pub mod replace;
pub(crate) mod search;
pub mod structure;
pub mod vocab;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::{
    Engine, FindingReport, Knowledge, Learner, NotesRemoved, Report, ReportFinding, Sanitized,
    Session, Stream,
};
pub use error::Error;
pub use policy::{Policy, Strategy};
pub use replace::table::{SharedTable, TableValue};
pub use replace::{restore, Mapping, MappingEntry};
pub use vocab::{Category, Finding};

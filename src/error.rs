//! The one error type of the crate. Every variant carries a message a person can act on.

use std::fmt;

/// Everything that can go wrong in logscrub, with a readable message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The policy JSON could not be read (syntax, unknown field, wrong type).
    Policy(String),
    /// A user-supplied pattern is invalid or exceeds the size limit.
    Pattern {
        /// The pattern as the user wrote it.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// The input cannot be processed as asked (a first-pass chunk after the second pass
    /// began: see `Session::learn`).
    Input(String),
    /// The mapping file for restore is invalid.
    Mapping(String),
    /// A strategy needs a key that was not given (the `hash` strategy), or the key is unusable.
    Key(String),
    /// The leak check found original values in the output; the output must not be used
    /// (see `Sanitized::checked`).
    Leak {
        /// How many residuals the leak check reported.
        residual: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Policy(m) => write!(f, "invalid policy: {m}"),
            Error::Pattern { pattern, message } => {
                write!(f, "invalid custom pattern {pattern:?}: {message}")
            }
            Error::Input(m) => write!(f, "cannot process input: {m}"),
            Error::Mapping(m) => write!(f, "invalid mapping: {m}"),
            Error::Key(m) => write!(f, "missing or invalid key: {m}"),
            Error::Leak { residual } => write!(
                f,
                "leak check failed: {residual} original value(s) or detections remain in the output; \
                 the output is NOT sanitized"
            ),
        }
    }
}

impl std::error::Error for Error {}

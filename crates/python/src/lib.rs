//! The Python binding of logscrub: a thin translation layer over the core. The Python
//! package (`python/logscrub/`) wraps it in a typed, documented API; everything here is
//! private to that package (`logscrub._logscrub`).
//!
//! Work on many texts releases the GIL and runs on std threads; Arrow string arrays cross as
//! their buffers (offsets, data, validity), so pandas and Spark need no Python loop per row.

mod arrow;
mod engine;
mod errors;
mod parallel;
mod results;
mod sealed;
mod stream;

use engine::{Engine, Table};
use errors::{to_py, Error, InputError, LeakError, MappingError, PolicyError};
use logscrub::Mapping;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use stream::{StreamKnowledge, StreamLearner, TextStream};

/// Puts originals back: (text, placeholders the mapping does not know).
#[pyfunction]
fn restore(text: PyBackedStr, mapping_json: PyBackedStr) -> PyResult<(String, Vec<String>)> {
    let mapping = Mapping::from_json(&mapping_json).map_err(to_py)?;
    Ok(logscrub::restore(&text, &mapping))
}

/// Seals a mapping JSON with a passphrase (the page's encrypted mapping format).
#[pyfunction]
fn seal_mapping(
    py: Python<'_>,
    mapping_json: PyBackedStr,
    passphrase: PyBackedStr,
) -> PyResult<String> {
    // Key derivation takes a while: other Python threads run meanwhile.
    py.detach(|| sealed::seal(&mapping_json, &passphrase))
        .map_err(MappingError::new_err)
}

/// Opens an encrypted mapping; plain mapping JSON is returned as it is.
#[pyfunction]
fn open_mapping(
    py: Python<'_>,
    document: PyBackedStr,
    passphrase: Option<PyBackedStr>,
) -> PyResult<String> {
    let Some(envelope) = sealed::envelope(&document) else {
        return Ok(document.to_string());
    };
    let Some(pass) = passphrase else {
        return Err(MappingError::new_err(
            "the mapping is encrypted: give its passphrase",
        ));
    };
    py.detach(|| sealed::open(&envelope, &pass))
        .map_err(MappingError::new_err)
}

/// The default policy as JSON.
#[pyfunction]
fn default_policy_json() -> String {
    logscrub::Policy::default().to_json()
}

#[pymodule]
fn _logscrub(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("PolicyError", py.get_type::<PolicyError>())?;
    m.add("LeakError", py.get_type::<LeakError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("MappingError", py.get_type::<MappingError>())?;
    m.add_class::<Engine>()?;
    m.add_class::<Table>()?;
    m.add_class::<StreamLearner>()?;
    m.add_class::<StreamKnowledge>()?;
    m.add_class::<TextStream>()?;
    m.add_function(wrap_pyfunction!(restore, m)?)?;
    m.add_function(wrap_pyfunction!(default_policy_json, m)?)?;
    m.add_function(wrap_pyfunction!(seal_mapping, m)?)?;
    m.add_function(wrap_pyfunction!(open_mapping, m)?)?;
    Ok(())
}

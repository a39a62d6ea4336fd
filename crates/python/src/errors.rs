//! The Python exceptions and the core's errors translated into them.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _logscrub,
    Error,
    PyException,
    "Base class of every logscrub error."
);
create_exception!(
    _logscrub,
    PolicyError,
    Error,
    "The policy (or the key it needs) is invalid."
);
create_exception!(
    _logscrub,
    LeakError,
    Error,
    "The leak check found an original value in the output: no output is given."
);
create_exception!(
    _logscrub,
    InputError,
    Error,
    "The input cannot be processed."
);
create_exception!(_logscrub, MappingError, Error, "The mapping is invalid.");

pub(super) fn to_py(e: logscrub::Error) -> PyErr {
    let m = e.to_string();
    match e {
        logscrub::Error::Policy(_) | logscrub::Error::Pattern { .. } | logscrub::Error::Key(_) => {
            PolicyError::new_err(m)
        }
        logscrub::Error::Leak { .. } => LeakError::new_err(m),
        logscrub::Error::Input(_) => InputError::new_err(m),
        logscrub::Error::Mapping(_) => MappingError::new_err(m),
    }
}

pub(super) fn worker_lost() -> logscrub::Error {
    logscrub::Error::Input("internal error: a worker thread stopped".into())
}

pub(super) fn closed() -> PyErr {
    Error::new_err("this stream is finished")
}

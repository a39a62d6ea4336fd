//! Streams: the first pass that learns, what it learned, and the forward pass that emits text
//! as it goes.

use super::errors::{closed, to_py};
use logscrub::{Knowledge, Learner, Stream};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use std::sync::Mutex;

/// What a first pass learned; used once, by one stream.
#[pyclass(module = "logscrub._logscrub", frozen)]
pub(super) struct StreamKnowledge {
    pub(super) inner: Mutex<Option<Knowledge>>,
}

#[pyclass(module = "logscrub._logscrub", frozen)]
pub(super) struct StreamLearner {
    pub(super) inner: Mutex<Option<Learner<'static>>>,
}

#[pymethods]
impl StreamLearner {
    fn feed(&self, py: Python<'_>, chunk: PyBackedStr) -> PyResult<()> {
        let mut g = self.inner.lock().map_err(|_| closed())?;
        let l = g.as_mut().ok_or_else(closed)?;
        py.detach(|| l.feed(&chunk));
        Ok(())
    }

    fn finish(&self, py: Python<'_>) -> PyResult<StreamKnowledge> {
        let l = self
            .inner
            .lock()
            .map_err(|_| closed())?
            .take()
            .ok_or_else(closed)?;
        let k = py.detach(|| l.finish());
        Ok(StreamKnowledge {
            inner: Mutex::new(Some(k)),
        })
    }
}

#[pyclass(module = "logscrub._logscrub", frozen)]
pub(super) struct TextStream {
    pub(super) inner: Mutex<Option<Stream<'static>>>,
}

#[pymethods]
impl TextStream {
    /// Feeds a chunk; returns the sanitized text that is safe to emit so far. Raises
    /// LeakError (and the stream is finished) when the leak check found a residual.
    fn feed(&self, py: Python<'_>, chunk: PyBackedStr) -> PyResult<String> {
        let mut g = self.inner.lock().map_err(|_| closed())?;
        let s = g.as_mut().ok_or_else(closed)?;
        let (out, residual) = py.detach(|| {
            let o = s.feed(&chunk);
            (o, s.residuals())
        });
        if residual > 0 {
            g.take();
            return Err(to_py(logscrub::Error::Leak { residual }));
        }
        Ok(out)
    }

    /// Ends the stream: (the rest of the text, mapping JSON, report JSON).
    fn finish(&self, py: Python<'_>) -> PyResult<(String, String, String)> {
        let s = self
            .inner
            .lock()
            .map_err(|_| closed())?
            .take()
            .ok_or_else(closed)?;
        let done = py.detach(|| s.finish().checked()).map_err(to_py)?;
        let report = serde_json::to_string(&done.report).unwrap_or_else(|_| "{}".into());
        Ok((done.text, done.mapping.to_json(), report))
    }
}

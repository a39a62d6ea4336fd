//! The Python binding of logscrub: a thin translation layer over the core. The Python
//! package (`python/logscrub/`) wraps it in a typed, documented API; everything here is
//! private to that package (`logscrub._logscrub`).
//!
//! Work on many texts releases the GIL and runs on std threads; Arrow string arrays cross as
//! their buffers (offsets, data, validity), so pandas and Spark need no Python loop per row.

mod sealed;

use logscrub::{Category, FindingReport, Knowledge, Learner, Mapping, Sanitized, Stream};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

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

fn to_py(e: logscrub::Error) -> PyErr {
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

/// Code point offsets of byte offsets in `text`, for positions visited mostly in order.
struct CodePoints<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    cp: usize,
}

impl<'t> CodePoints<'t> {
    fn new(text: &'t str) -> Self {
        CodePoints {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            cp: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.cp = 0;
        }
        let n = self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.cp += n;
        self.cp
    }
}

/// (category, rule, label, start, end, replacement), offsets in code points of `text`.
type PyFinding = (String, String, String, usize, usize, String);

fn findings_of(text: &str, findings: &[FindingReport]) -> Vec<PyFinding> {
    let mut cps = CodePoints::new(text);
    findings
        .iter()
        .map(|f| {
            let start = cps.at(f.start);
            let end = cps.at(f.end);
            (
                f.category.id().to_string(),
                f.rule.clone(),
                f.label.clone(),
                start,
                end,
                f.replacement.clone(),
            )
        })
        .collect()
}

/// (row, category, rule, start, end) of `check_buffers`.
type CheckRow = (usize, String, String, usize, usize);

/// (text, findings, mapping JSON, report JSON).
type PyResultTuple = (String, Vec<PyFinding>, String, String);

fn result_of(input: &str, s: Sanitized) -> PyResultTuple {
    let report = serde_json::to_string(&s.report).unwrap_or_else(|_| "{}".into());
    let findings = findings_of(input, &s.findings);
    (s.text, findings, s.mapping.to_json(), report)
}

fn threads_of(threads: Option<usize>) -> usize {
    threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// Runs `job` on each index on at most `threads` std threads; results in index order.
fn parallel<T: Send>(
    count: usize,
    threads: usize,
    job: impl Fn(usize) -> T + Sync,
) -> Vec<Option<T>> {
    let slots: Vec<Mutex<Option<T>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let workers = threads.clamp(1, count.max(1));
    if workers == 1 {
        return (0..count).map(|i| Some(job(i))).collect();
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let r = job(i);
                if let Some(slot) = slots.get(i) {
                    if let Ok(mut g) = slot.lock() {
                        *g = Some(r);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().ok().flatten())
        .collect()
}

fn worker_lost() -> logscrub::Error {
    logscrub::Error::Input("internal error: a worker thread stopped".into())
}

/// An Arrow string array as its buffers: `offsets` (i32 or i64 little-endian), `data`,
/// optional `validity` bitmap, and the array's own `offset` and `length`.
struct Strings<'a> {
    offsets: &'a [u8],
    data: &'a [u8],
    validity: Option<&'a [u8]>,
    offset: usize,
    length: usize,
    large: bool,
}

impl<'a> Strings<'a> {
    fn offset_at(&self, i: usize) -> Option<usize> {
        let w = if self.large { 8 } else { 4 };
        let b = self.offsets.get(i * w..i * w + w)?;
        let v = if self.large {
            i64::from_le_bytes(b.try_into().ok()?)
        } else {
            i64::from(i32::from_le_bytes(b.try_into().ok()?))
        };
        usize::try_from(v).ok()
    }

    fn valid(&self, row: usize) -> bool {
        let i = self.offset + row;
        self.validity
            .is_none_or(|v| v.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0))
    }

    /// Row `row` (0-based within the array); `None` for a null.
    fn get(&self, row: usize) -> Result<Option<&'a str>, logscrub::Error> {
        if !self.valid(row) {
            return Ok(None);
        }
        let i = self.offset + row;
        let bad = || logscrub::Error::Input(format!("malformed Arrow string array at row {row}"));
        let (s, e) = (
            self.offset_at(i).ok_or_else(bad)?,
            self.offset_at(i + 1).ok_or_else(bad)?,
        );
        let bytes = self.data.get(s..e).ok_or_else(bad)?;
        std::str::from_utf8(bytes).map(Some).map_err(|_| {
            logscrub::Error::Input(format!("row {row} of the Arrow array is not UTF-8"))
        })
    }

    fn check(&self) -> Result<(), logscrub::Error> {
        let w = if self.large { 8 } else { 4 };
        if self.offsets.len() < (self.offset + self.length + 1) * w {
            return Err(logscrub::Error::Input(
                "malformed Arrow string array: the offsets buffer is too short".into(),
            ));
        }
        Ok(())
    }
}

/// Units of work: each row alone, or each group of rows `[start, end)` (a ticket).
fn units(
    length: usize,
    group_ends: Option<&[usize]>,
) -> Result<Vec<(usize, usize)>, logscrub::Error> {
    let Some(ends) = group_ends else {
        return Ok((0..length).map(|i| (i, i + 1)).collect());
    };
    let mut out = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &e in ends {
        if e < start || e > length {
            return Err(logscrub::Error::Input(
                "group ends must be increasing row positions within the array".into(),
            ));
        }
        if e > start {
            out.push((start, e));
        }
        start = e;
    }
    if start != length {
        return Err(logscrub::Error::Input(
            "the last group must end at the last row".into(),
        ));
    }
    Ok(out)
}

/// Rows of `unit` that are not null, with their row numbers.
fn rows_of<'a>(
    arr: &Strings<'a>,
    unit: (usize, usize),
) -> Result<(Vec<usize>, Vec<&'a str>), logscrub::Error> {
    let mut rows = Vec::new();
    let mut texts = Vec::new();
    for row in unit.0..unit.1 {
        if let Some(t) = arr.get(row)? {
            rows.push(row);
            texts.push(t);
        }
    }
    Ok((rows, texts))
}

/// The compiled policy. Immutable; shared by any number of threads.
#[pyclass(module = "logscrub._logscrub", frozen)]
struct Engine {
    inner: Arc<logscrub::Engine>,
}

impl Engine {
    fn run_one(
        &self,
        text: &str,
        table: Option<&logscrub::SharedTable>,
    ) -> Result<Sanitized, logscrub::Error> {
        let s = match table {
            Some(t) => self.inner.sanitize_with_table(text, t)?,
            None => self.inner.sanitize(text),
        };
        s.checked()
    }

    /// Sanitizes each unit (row or group) of `arr`; `(row, result)` per non-null row.
    fn run_units(
        &self,
        arr: &Strings<'_>,
        units: &[(usize, usize)],
        threads: usize,
        table: Option<&logscrub::SharedTable>,
        grouped: bool,
    ) -> Result<Vec<Vec<(usize, Sanitized)>>, logscrub::Error> {
        let results = parallel(units.len(), threads, |u| {
            let unit = units.get(u).copied().unwrap_or((0, 0));
            let (rows, texts) = rows_of(arr, unit)?;
            let done = if grouped {
                self.inner.sanitize_group(&texts, table)?
            } else {
                texts
                    .iter()
                    .map(|t| self.run_one(t, table))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let done = done
                .into_iter()
                .map(Sanitized::checked)
                .collect::<Result<Vec<_>, _>>()?;
            Ok::<_, logscrub::Error>(rows.into_iter().zip(done).collect())
        });
        results
            .into_iter()
            .map(|r| r.ok_or_else(worker_lost)?)
            .collect()
    }
}

#[allow(clippy::too_many_arguments)]
fn strings<'a>(
    offsets: &'a [u8],
    data: &'a [u8],
    validity: Option<&'a [u8]>,
    offset: usize,
    length: usize,
    large: bool,
) -> Result<Strings<'a>, logscrub::Error> {
    let s = Strings {
        offsets,
        data,
        validity,
        offset,
        length,
        large,
    };
    s.check()?;
    Ok(s)
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (policy_json=None, key=None))]
    fn new(policy_json: Option<&str>, key: Option<&[u8]>) -> PyResult<Self> {
        let policy = match policy_json {
            Some(j) => logscrub::Policy::from_json(j).map_err(to_py)?,
            None => logscrub::Policy::default(),
        };
        let engine = match key {
            Some(k) => logscrub::Engine::with_key(policy, k),
            None => logscrub::Engine::new(policy),
        }
        .map_err(to_py)?;
        Ok(Engine {
            inner: Arc::new(engine),
        })
    }

    /// The policy as JSON (every field, defaults included).
    fn policy_json(&self) -> String {
        self.inner.policy().to_json()
    }

    fn sanitize(&self, py: Python<'_>, text: PyBackedStr) -> PyResult<PyResultTuple> {
        let text: &str = &text;
        py.detach(|| {
            let s = self.run_one(text, None)?;
            Ok(result_of(text, s))
        })
        .map_err(to_py)
    }

    #[pyo3(signature = (texts, threads=None))]
    fn sanitize_many(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyResultTuple>> {
        let threads = threads_of(threads);
        py.detach(|| {
            let done = parallel(texts.len(), threads, |i| {
                let text: &str = texts.get(i).map_or("", |t| t);
                self.run_one(text, None).map(|s| result_of(text, s))
            });
            done.into_iter()
                .map(|r| r.ok_or_else(worker_lost)?)
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(to_py)
    }

    /// Sanitizes an Arrow string array given as its buffers. Returns the i64 offsets, the
    /// data and a validity bitmap (or None) of a large_string array of `length` rows.
    #[pyo3(signature = (offsets, data, validity, offset, length, large, threads=None, table=None, group_ends=None))]
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn sanitize_buffers<'py>(
        &self,
        py: Python<'py>,
        offsets: &[u8],
        data: &[u8],
        validity: Option<&[u8]>,
        offset: usize,
        length: usize,
        large: bool,
        threads: Option<usize>,
        table: Option<&Table>,
        group_ends: Option<Vec<usize>>,
    ) -> PyResult<(
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        Option<Bound<'py, PyBytes>>,
    )> {
        let threads = threads_of(threads);
        let table = table.map(|t| &t.inner);
        let (offs, out, valid) = py
            .detach(|| {
                let arr = strings(offsets, data, validity, offset, length, large)?;
                let units = units(length, group_ends.as_deref())?;
                let done = self.run_units(&arr, &units, threads, table, group_ends.is_some())?;
                let mut texts: Vec<Option<String>> = vec![None; length];
                for (row, s) in done.into_iter().flatten() {
                    if let Some(slot) = texts.get_mut(row) {
                        *slot = Some(s.text);
                    }
                }
                let total: usize = texts.iter().flatten().map(String::len).sum();
                let mut out = Vec::with_capacity(total);
                let mut offs = Vec::with_capacity((length + 1) * 8);
                offs.extend_from_slice(&0i64.to_le_bytes());
                let mut valid = vec![0u8; length.div_ceil(8)];
                let mut nulls = false;
                for (i, t) in texts.iter().enumerate() {
                    match t {
                        Some(t) => {
                            out.extend_from_slice(t.as_bytes());
                            if let Some(b) = valid.get_mut(i / 8) {
                                *b |= 1 << (i % 8);
                            }
                        }
                        None => nulls = true,
                    }
                    let end = i64::try_from(out.len()).unwrap_or(i64::MAX);
                    offs.extend_from_slice(&end.to_le_bytes());
                }
                Ok::<_, logscrub::Error>((offs, out, nulls.then_some(valid)))
            })
            .map_err(to_py)?;
        Ok((
            PyBytes::new(py, &offs),
            PyBytes::new(py, &out),
            valid.map(|v| PyBytes::new(py, &v)),
        ))
    }

    /// The first pass of a consistent (numbered) batch job over an Arrow string array:
    /// the distinct (label, category, value) the rows replace with numbering strategies.
    #[pyo3(signature = (offsets, data, validity, offset, length, large, threads=None, group_ends=None))]
    #[allow(clippy::too_many_arguments)]
    fn table_values_buffers(
        &self,
        py: Python<'_>,
        offsets: &[u8],
        data: &[u8],
        validity: Option<&[u8]>,
        offset: usize,
        length: usize,
        large: bool,
        threads: Option<usize>,
        group_ends: Option<Vec<usize>>,
    ) -> PyResult<Vec<(String, String, String)>> {
        let threads = threads_of(threads);
        py.detach(|| {
            let arr = strings(offsets, data, validity, offset, length, large)?;
            let units = units(length, group_ends.as_deref())?;
            let grouped = group_ends.is_some();
            let found = parallel(units.len(), threads, |u| {
                let unit = units.get(u).copied().unwrap_or((0, 0));
                let (_, texts) = rows_of(&arr, unit)?;
                Ok::<_, logscrub::Error>(if grouped {
                    self.inner.group_table_values(&texts)
                } else {
                    texts
                        .iter()
                        .flat_map(|t| self.inner.table_values(t))
                        .collect()
                })
            });
            let mut all = std::collections::BTreeSet::new();
            for f in found {
                for v in f.ok_or_else(worker_lost)?? {
                    all.insert((v.label, v.category.id().to_string(), v.value));
                }
            }
            Ok(all.into_iter().collect())
        })
        .map_err(to_py)
    }

    /// What would be replaced in each row of an Arrow string array:
    /// (row, category, rule, start, end), offsets in code points of the row.
    #[pyo3(signature = (offsets, data, validity, offset, length, large, threads=None))]
    #[allow(clippy::too_many_arguments)]
    fn check_buffers(
        &self,
        py: Python<'_>,
        offsets: &[u8],
        data: &[u8],
        validity: Option<&[u8]>,
        offset: usize,
        length: usize,
        large: bool,
        threads: Option<usize>,
    ) -> PyResult<Vec<CheckRow>> {
        let threads = threads_of(threads);
        py.detach(|| {
            let arr = strings(offsets, data, validity, offset, length, large)?;
            let found = parallel(length, threads, |row| {
                let Some(text) = arr.get(row)? else {
                    return Ok(Vec::new());
                };
                let s = self.inner.sanitize(text);
                Ok::<_, logscrub::Error>(
                    findings_of(text, &s.findings)
                        .into_iter()
                        .map(|(c, r, _, s, e, _)| (row, c, r, s, e))
                        .collect::<Vec<_>>(),
                )
            });
            let mut all = Vec::new();
            for f in found {
                all.extend(f.ok_or_else(worker_lost)??);
            }
            Ok(all)
        })
        .map_err(to_py)
    }

    /// The first pass of a two-pass stream.
    fn learner(&self) -> StreamLearner {
        StreamLearner {
            inner: Mutex::new(Some(logscrub::Engine::learner_shared(Arc::clone(
                &self.inner,
            )))),
        }
    }

    /// A stream, seeded by a first pass when `knowledge` is given.
    #[pyo3(signature = (knowledge=None))]
    fn stream(&self, knowledge: Option<&StreamKnowledge>) -> PyResult<TextStream> {
        let engine = Arc::clone(&self.inner);
        let stream = match knowledge {
            Some(k) => {
                let k = k
                    .inner
                    .lock()
                    .ok()
                    .and_then(|mut g| g.take())
                    .ok_or_else(|| Error::new_err("this knowledge was already used"))?;
                logscrub::Engine::stream_shared_seeded(engine, k)
            }
            None => logscrub::Engine::stream_shared(engine),
        };
        Ok(TextStream {
            inner: Mutex::new(Some(stream)),
        })
    }

    /// Builds the shared table of a numbered batch job from (label, category, value).
    fn table(&self, py: Python<'_>, values: Vec<(String, String, String)>) -> PyResult<Table> {
        let mut parsed = Vec::with_capacity(values.len());
        for (label, category, value) in values {
            let category = Category::from_id(&category)
                .ok_or_else(|| InputError::new_err(format!("unknown category {category:?}")))?;
            parsed.push(logscrub::TableValue {
                label,
                category,
                value,
            });
        }
        let inner = py.detach(|| logscrub::SharedTable::build(self.inner.policy(), parsed));
        Ok(Table { inner })
    }
}

/// The merged pseudonym table of a numbered batch job.
#[pyclass(module = "logscrub._logscrub", frozen)]
struct Table {
    inner: logscrub::SharedTable,
}

#[pymethods]
impl Table {
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn mapping_json(&self) -> String {
        self.inner.mapping().to_json()
    }
}

/// What a first pass learned; used once, by one stream.
#[pyclass(module = "logscrub._logscrub", frozen)]
struct StreamKnowledge {
    inner: Mutex<Option<Knowledge>>,
}

#[pyclass(module = "logscrub._logscrub", frozen)]
struct StreamLearner {
    inner: Mutex<Option<Learner<'static>>>,
}

fn closed() -> PyErr {
    Error::new_err("this stream is finished")
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
struct TextStream {
    inner: Mutex<Option<Stream<'static>>>,
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

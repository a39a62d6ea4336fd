//! The compiled policy (`Engine`): one text, many texts, Arrow arrays, streams; and the
//! merged pseudonym table of a batch job.

use super::arrow::{rows_of, strings, units, Strings};
use super::errors::{to_py, worker_lost, Error, InputError};
use super::parallel::{parallel, threads_of};
use super::results::{findings_of, result_of, CheckRow, PyResultTuple};
use super::stream::{StreamKnowledge, StreamLearner, TextStream};
use logscrub::{Category, Sanitized};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;
use std::sync::{Arc, Mutex};

/// The compiled policy. Immutable; shared by any number of threads.
#[pyclass(module = "logscrub._logscrub", frozen)]
pub(super) struct Engine {
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
pub(super) struct Table {
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

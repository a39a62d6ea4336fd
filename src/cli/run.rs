//! The commands: sanitize, check and restore, streaming in chunks.

use super::args::Args;
use super::io::{self, write_error, AtomicFile, CliError, Decoder, Input, CHUNK};
use super::progress::{with_progress, Progress};
use logscrub::engine::learn::LEARN_SEGMENT;
use logscrub::{Engine, Mapping, Sanitized, Session};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

fn inputs_of(a: &Args) -> Vec<String> {
    if a.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        a.inputs.clone()
    }
}

fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().map(|i| i.size).sum()
}

fn strict_error(input: &Input, offset: u64) -> CliError {
    CliError::failed(format!(
        "{}: not valid UTF-8 at byte {offset}; refused (--strict). Without --strict, \
         invalid bytes are replaced with U+FFFD",
        input.display()
    ))
}

fn warn_lossy(input: &Input, d: &Decoder) {
    if d.invalid > 0 {
        eprintln!(
            "logscrub: warning: {}: not valid UTF-8; {} invalid sequence(s) replaced with \
             U+FFFD (the first at byte {}); --strict refuses such input",
            input.display(),
            d.invalid,
            d.first_invalid.unwrap_or(0)
        );
    }
}

/// Reads `input` chunk by chunk, decoding UTF-8 across chunk boundaries, and hands each
/// decoded piece to `each` (the last call, at the end of the input, may be empty).
fn for_each_chunk(
    input: &mut Input,
    strict: bool,
    progress: &Progress,
    mut each: impl FnMut(&str) -> Result<(), CliError>,
) -> Result<bool, CliError> {
    let mut buf = vec![0u8; CHUNK];
    let mut text = String::with_capacity(CHUNK + 8);
    let mut d = Decoder::new(strict);
    loop {
        let n = input.read_chunk(&mut buf)?;
        text.clear();
        let r = match buf.get(..n) {
            Some(bytes) if n > 0 => d.decode(bytes, &mut text),
            _ => d.finish(&mut text),
        };
        r.map_err(|off| strict_error(input, off))?;
        each(&text)?;
        progress.add(n);
        if n == 0 {
            break;
        }
    }
    warn_lossy(input, &d);
    Ok(d.invalid > 0)
}

fn leak_error(where_: &str, s: &Sanitized, stdout: bool) -> CliError {
    let mut m = format!(
        "{}: the leak check found {} original value(s) still in the output; {}",
        where_,
        s.report.residual.max(s.report.residuals.len()),
        if stdout {
            "output stopped before them (incomplete)"
        } else {
            "no output file written"
        }
    );
    for r in s.report.residuals.iter().take(10) {
        m.push_str(&format!(
            "\n  at output byte {}: {} ({})",
            r.start,
            r.category.id(),
            r.kind
        ));
    }
    CliError::Leak(m)
}

/// The first pass of a two-pass run (see [`Session`]): what the whole input
/// teaches, so that the second pass gives the whole-text result. Regular files are read
/// twice. Other inputs (standard input, pipes) are read ahead up to
/// [`LEARN_SEGMENT`]: when they end within it they are learned from memory; otherwise the
/// run is forward-only (values and names first found late are not replaced before that
/// point) and a notice says so.
fn learn<'e>(
    engine: &'e Engine,
    inputs: &mut [Input],
    progress: &Progress,
) -> Result<Session<'e>, CliError> {
    let mut session = engine.session();
    for input in inputs.iter_mut() {
        let mut d = Decoder::new(false);
        let mut text = String::with_capacity(CHUNK + 8);
        if input.rereadable() {
            let mut again = input.reopen()?;
            let mut buf = vec![0u8; CHUNK];
            loop {
                let n = again.read_chunk(&mut buf)?;
                text.clear();
                let _ = match buf.get(..n) {
                    Some(bytes) if n > 0 => d.decode(bytes, &mut text),
                    _ => d.finish(&mut text),
                };
                session
                    .learn(&text)
                    .map_err(|e| CliError::failed(e.to_string()))?;
                progress.add(n);
                if n == 0 {
                    break;
                }
            }
        } else {
            match input.read_ahead(LEARN_SEGMENT)? {
                Some(bytes) => {
                    let _ = d.decode(&bytes, &mut text);
                    let _ = d.finish(&mut text);
                    session
                        .learn(&text)
                        .map_err(|e| CliError::failed(e.to_string()))?;
                }
                None => {
                    eprintln!(
                        "logscrub: note: {} is longer than {} MiB and cannot be read twice: \
                         values and names first found late in it are not replaced before \
                         that point; give a file for the exact whole-text result",
                        input.display(),
                        LEARN_SEGMENT >> 20
                    );
                    return Ok(engine.session());
                }
            }
        }
    }
    Ok(session)
}

/// Bytes a run reads: regular files are read twice (see [`learn`]).
fn read_total(size: Option<u64>) -> Option<u64> {
    size.map(|s| s.saturating_mul(2))
}

/// Sanitizes `inputs` as one stream into `out`. Stops before writing any segment in which
/// the leak check found a residual.
fn sanitize_into(
    engine: &Engine,
    inputs: &mut [Input],
    out: &mut dyn Write,
    out_name: &str,
    a: &Args,
    progress: &Progress,
) -> Result<Sanitized, CliError> {
    let stdout = a.out_dir.is_none();
    let mut stream = learn(engine, inputs, progress)?;
    if a.report.is_none() {
        stream = stream.without_lists();
    }
    let mut lossy = false;
    for input in inputs.iter_mut() {
        let name = input.display().to_string();
        lossy |= for_each_chunk(input, a.strict, progress, |text| {
            let o = stream.write(text);
            if stream.residuals() > 0 {
                // Finish to get the residual details; nothing more is written.
                let s = std::mem::replace(&mut stream, engine.session()).finish();
                return Err(leak_error(&name, &s, stdout));
            }
            out.write_all(o.as_bytes())
                .map_err(|e| write_error(out_name, &e))
        })?;
    }
    let mut done = stream.finish();
    let where_ = inputs.first().map(|i| i.display()).unwrap_or("input");
    if done.report.residual > 0 {
        return Err(leak_error(where_, &done, stdout));
    }
    out.write_all(done.text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| write_error(out_name, &e))?;
    done.report.lossy_input = lossy;
    done.text = String::new();
    Ok(done)
}

fn write_side_files(a: &Args, done: &Sanitized) -> Result<(), CliError> {
    if let Some(path) = &a.report {
        let json = serde_json::to_string_pretty(&done.report)
            .map_err(|e| CliError::failed(format!("cannot encode the report: {e}")))?;
        io::write_small(path, "the report", &json)?;
    }
    if let Some(path) = &a.mapping {
        io::write_small(path, "the mapping", &done.mapping.to_json())?;
        if !done.report.not_restorable.is_empty() {
            let ids: Vec<&str> = done.report.not_restorable.iter().map(|c| c.id()).collect();
            eprintln!(
                "logscrub: note: {} use a strategy that cannot be restored (label, mask or \
                 remove); the mapping has no entries for them",
                ids.join(", ")
            );
        }
    }
    Ok(())
}

/// Output paths for -o DIR, refusing duplicates and (without --force) existing files
/// before any work starts.
fn plan_outputs(a: &Args, names: &[String], tag: &str) -> Result<Vec<PathBuf>, CliError> {
    let Some(dir) = &a.out_dir else {
        return Ok(Vec::new());
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::Failed(io::io_message(
            "create directory",
            &dir.display().to_string(),
            &e,
        ))
    })?;
    let mut seen = BTreeSet::new();
    let mut paths = Vec::new();
    for n in names {
        let p = io::output_path(dir, n, tag);
        if !seen.insert(p.clone()) {
            return Err(CliError::failed(format!(
                "two inputs would both be written to {}; give files with different names",
                p.display()
            )));
        }
        if !a.force && p.exists() {
            return Err(CliError::failed(format!(
                "{} exists; not replacing it (use --force to replace)",
                p.display()
            )));
        }
        paths.push(p);
    }
    Ok(paths)
}

/// Runs `job` on each index on at most `jobs` threads; results in input order.
fn parallel<T: Send>(count: usize, jobs: usize, job: impl Fn(usize) -> T + Sync) -> Vec<Option<T>> {
    let results: Vec<Mutex<Option<T>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, count.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let r = job(i);
                if let Some(slot) = results.get(i) {
                    if let Ok(mut g) = slot.lock() {
                        *g = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| m.into_inner().ok().flatten())
        .collect()
}

fn jobs(a: &Args) -> usize {
    a.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// The exit code for per-file results: 2 if any failed, else 1 if any leaked, else 0.
fn summarise(results: Vec<Option<Result<(), CliError>>>) -> ExitCode {
    let mut code = 0;
    for r in results {
        match r {
            Some(Ok(())) | Some(Err(CliError::BrokenPipe)) => {}
            Some(Err(CliError::Leak(m))) => {
                eprintln!("logscrub: {m}");
                code = code.max(1);
            }
            Some(Err(CliError::Failed(m))) => {
                eprintln!("logscrub: {m}");
                code = 2;
            }
            None => {
                eprintln!("logscrub: internal error: a worker stopped");
                code = 2;
            }
        }
    }
    ExitCode::from(code)
}

pub fn sanitize(a: &Args, engine: &Engine) -> Result<ExitCode, CliError> {
    let names = inputs_of(a);
    let outputs = plan_outputs(a, &names, "sanitized")?;
    if outputs.is_empty() {
        // Standard output: all inputs as one stream, as `cat` would join them.
        let mut inputs = names
            .iter()
            .map(|n| Input::open(n))
            .collect::<Result<Vec<_>, _>>()?;
        let total = read_total(total_size(&inputs));
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let done = with_progress(total, |p| {
            sanitize_into(engine, &mut inputs, &mut out, "standard output", a, p)
        })?;
        write_side_files(a, &done)?;
        return Ok(ExitCode::SUCCESS);
    }
    let total: Option<u64> = read_total(
        names
            .iter()
            .map(|n| std::fs::metadata(n).ok().map(|m| m.len()))
            .sum(),
    );
    let results = with_progress(total, |p| {
        parallel(names.len(), jobs(a), |i| -> Result<(), CliError> {
            let (Some(name), Some(dest)) = (names.get(i), outputs.get(i)) else {
                return Err(CliError::failed("internal error: no such input"));
            };
            let mut input = Input::open(name)?;
            let mut file = AtomicFile::create(dest, a.force)?;
            let shown = file.dest().display().to_string();
            let done = sanitize_into(
                engine,
                std::slice::from_mut(&mut input),
                &mut file,
                &shown,
                a,
                p,
            )?;
            file.commit()?;
            write_side_files(a, &done)
        })
    });
    Ok(summarise(results))
}

/// Turns byte offsets of a stream into 1-based line and column numbers, keeping only the
/// text not yet passed.
struct Lines {
    pending: String,
    pending_start: usize,
    pos: usize,
    line: usize,
    line_start: usize,
}

impl Lines {
    fn new() -> Self {
        Lines {
            pending: String::new(),
            pending_start: 0,
            pos: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn advance(&mut self, to: usize) {
        if to <= self.pos {
            return;
        }
        let from = self.pos - self.pending_start;
        let upto = to - self.pending_start;
        if let Some(bytes) = self.pending.as_bytes().get(from..upto) {
            for i in memchr::memchr_iter(b'\n', bytes) {
                self.line += 1;
                self.line_start = self.pending_start + from + i + 1;
            }
        }
        self.pos = to;
    }

    /// (line, column) of byte `at`.
    fn locate(&mut self, at: usize) -> (usize, usize) {
        self.advance(at);
        (self.line, at.saturating_sub(self.line_start) + 1)
    }

    /// Forgets the text before `at` (already consumed by the stream).
    fn forget_before(&mut self, at: usize) {
        self.advance(at);
        let cut = self.pos - self.pending_start;
        if cut > 0 && self.pending.is_char_boundary(cut) {
            self.pending.drain(..cut);
            self.pending_start = self.pos;
        }
    }
}

fn check_one(
    engine: &Engine,
    name: &str,
    a: &Args,
    out: &mut dyn Write,
    progress: &Progress,
) -> Result<usize, CliError> {
    let mut input = Input::open(name)?;
    let shown = if name == "-" { "-" } else { name }.to_string();
    let mut stream = learn(engine, std::slice::from_mut(&mut input), progress)?;
    let mut lines = Lines::new();
    let mut count = 0;
    let mut emit = |lines: &mut Lines,
                    findings: Vec<logscrub::FindingReport>,
                    out: &mut dyn Write|
     -> Result<(), CliError> {
        for f in findings {
            let (line, col) = lines.locate(f.start);
            count += 1;
            let text = if a.json {
                serde_json::json!({
                    "file": shown, "line": line, "column": col, "start": f.start,
                    "end": f.end, "category": f.category.id(), "rule": f.rule,
                })
                .to_string()
            } else {
                format!("{shown}:{line}:{col} {} {}", f.category.id(), f.rule)
            };
            writeln!(out, "{text}").map_err(|e| write_error("standard output", &e))?;
        }
        Ok(())
    };
    for_each_chunk(&mut input, a.strict, progress, |text| {
        lines.pending.push_str(text);
        let _ = stream.write(text);
        let found = stream.take_findings();
        emit(&mut lines, found, out)?;
        lines.forget_before(stream.consumed());
        Ok(())
    })?;
    let done = stream.finish();
    emit(&mut lines, done.findings, out)?;
    out.flush()
        .map_err(|e| write_error("standard output", &e))?;
    Ok(count)
}

pub fn check(a: &Args, engine: &Engine) -> Result<ExitCode, CliError> {
    let names = inputs_of(a);
    let total: Option<u64> = read_total(
        names
            .iter()
            .map(|n| std::fs::metadata(n).ok().map(|m| m.len()))
            .sum(),
    );
    if names.len() == 1 {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let found = with_progress(total, |p| check_one(engine, &names[0], a, &mut out, p))?;
        return Ok(ExitCode::from(u8::from(found > 0)));
    }
    let results = with_progress(total, |p| {
        parallel(names.len(), jobs(a), |i| {
            let mut buf = Vec::new();
            let n = names
                .get(i)
                .ok_or_else(|| CliError::failed("internal error: no such input"))
                .and_then(|name| check_one(engine, name, a, &mut buf, p));
            (n, buf)
        })
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut found = false;
    let mut failed = false;
    for r in results {
        match r {
            Some((Ok(n), buf)) => {
                found |= n > 0;
                match out.write_all(&buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        return Ok(ExitCode::from(u8::from(found)))
                    }
                    Err(e) => return Err(write_error("standard output", &e)),
                    Ok(()) => {}
                }
            }
            Some((Err(CliError::Failed(m) | CliError::Leak(m)), _)) => {
                eprintln!("logscrub: {m}");
                failed = true;
            }
            Some((Err(CliError::BrokenPipe), _)) => {}
            None => failed = true,
        }
    }
    let _ = out.flush();
    Ok(ExitCode::from(if failed { 2 } else { u8::from(found) }))
}

/// Restores `input` line by line (placeholders never span a line) into `out`.
fn restore_into(
    mapping: &Mapping,
    input: &mut Input,
    out: &mut dyn Write,
    out_name: &str,
    strict: bool,
    unknown: &mut BTreeSet<String>,
    progress: &Progress,
) -> Result<(), CliError> {
    let mut buf = String::new();
    let mut flush = |part: &str, out: &mut dyn Write| -> Result<(), CliError> {
        let (restored, u) = logscrub::restore(part, mapping);
        unknown.extend(u);
        out.write_all(restored.as_bytes())
            .map_err(|e| write_error(out_name, &e))
    };
    for_each_chunk(input, strict, progress, |text| {
        buf.push_str(text);
        if let Some(i) = memchr::memrchr(b'\n', buf.as_bytes()) {
            let rest = buf.split_off(i + 1);
            let part = std::mem::replace(&mut buf, rest);
            flush(&part, out)?;
        }
        Ok(())
    })?;
    flush(&buf, out)?;
    out.flush().map_err(|e| write_error(out_name, &e))
}

pub fn restore(a: &Args) -> Result<ExitCode, CliError> {
    let path = a.mapping.as_deref().unwrap_or_default();
    let json = std::fs::read_to_string(path)
        .map_err(|e| CliError::Failed(io::io_message("read mapping", path, &e)))?;
    let mapping = Mapping::from_json(&json)
        .map_err(|e| CliError::failed(format!("invalid mapping {path}: {e}")))?;
    let names = inputs_of(a);
    let outputs = plan_outputs(a, &names, "restored")?;
    let mut unknown = BTreeSet::new();
    let mut inputs = names
        .iter()
        .map(|n| Input::open(n))
        .collect::<Result<Vec<_>, _>>()?;
    let total = total_size(&inputs);
    with_progress(total, |p| -> Result<(), CliError> {
        if outputs.is_empty() {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for input in &mut inputs {
                restore_into(
                    &mapping,
                    input,
                    &mut out,
                    "standard output",
                    a.strict,
                    &mut unknown,
                    p,
                )?;
            }
            return Ok(());
        }
        for (input, dest) in inputs.iter_mut().zip(&outputs) {
            let mut file = AtomicFile::create(dest, a.force)?;
            let shown = dest.display().to_string();
            restore_into(
                &mapping,
                input,
                &mut file,
                &shown,
                a.strict,
                &mut unknown,
                p,
            )?;
            file.commit()?;
        }
        Ok(())
    })?;
    if !unknown.is_empty() {
        let list: Vec<String> = unknown.into_iter().collect();
        eprintln!(
            "logscrub: warning: {} placeholder(s) not in the mapping were left as they are \
             (another run's, or a label/mask/remove strategy, which cannot be restored): {}",
            list.len(),
            list.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_locate_across_forgotten_text() {
        let mut l = Lines::new();
        l.pending.push_str("ab\ncd\ne");
        assert_eq!(l.locate(0), (1, 1));
        assert_eq!(l.locate(4), (2, 2));
        l.forget_before(6);
        l.pending.push_str("fg\nh");
        assert_eq!(l.locate(7), (3, 2));
        assert_eq!(l.locate(10), (4, 1));
    }
}

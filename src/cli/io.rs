//! Input in chunks with UTF-8 carried across chunk boundaries, and outputs that never look
//! complete unless they are (temporary name, renamed at the end).

use std::fs::File;
use std::io::{BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

/// Bytes read at a time.
pub const CHUNK: usize = 1 << 20;

/// Why a run stopped.
#[derive(Debug)]
pub enum CliError {
    /// Usage, input, policy or write error: exit 2.
    Failed(String),
    /// The leak check found a residual: exit 1, output withheld.
    Leak(String),
    /// The reader of standard output went away: stop quietly.
    BrokenPipe,
}

impl CliError {
    pub fn failed(m: impl Into<String>) -> Self {
        CliError::Failed(m.into())
    }
}

/// A clear message for an I/O error on `what` (a path or "standard output").
pub fn io_message(action: &str, what: &str, e: &std::io::Error) -> String {
    if e.raw_os_error() == Some(28) {
        return format!("cannot {action} {what}: the disk is full (no space left on device)");
    }
    match e.kind() {
        ErrorKind::NotFound => format!("cannot {action} {what}: no such file or directory"),
        ErrorKind::PermissionDenied => format!("cannot {action} {what}: permission denied"),
        _ => format!("cannot {action} {what}: {e}"),
    }
}

/// A write error: a broken pipe ends quietly, anything else is reported.
pub fn write_error(what: &str, e: &std::io::Error) -> CliError {
    if e.kind() == ErrorKind::BrokenPipe {
        CliError::BrokenPipe
    } else {
        CliError::Failed(io_message("write", what, e))
    }
}

/// Decodes a byte stream chunk by chunk exactly as `String::from_utf8_lossy` decodes the
/// whole: a sequence split by a chunk boundary is carried to the next chunk, each maximal
/// invalid sequence becomes one U+FFFD (or an error when strict).
#[derive(Default)]
pub struct Decoder {
    carry: Vec<u8>,
    /// Bytes of input before `carry`.
    offset: u64,
    pub strict: bool,
    /// Invalid sequences replaced so far, and the byte offset of the first.
    pub invalid: u64,
    pub first_invalid: Option<u64>,
}

impl Decoder {
    pub fn new(strict: bool) -> Self {
        Decoder {
            strict,
            ..Decoder::default()
        }
    }

    /// Appends the text of `bytes` to `out`. Err(offset) on invalid UTF-8 when strict.
    pub fn decode(&mut self, bytes: &[u8], out: &mut String) -> Result<(), u64> {
        let joined;
        let mut rest: &[u8] = if self.carry.is_empty() {
            bytes
        } else {
            let mut j = std::mem::take(&mut self.carry);
            j.extend_from_slice(bytes);
            joined = j;
            &joined
        };
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(s);
                    self.offset += rest.len() as u64;
                    return Ok(());
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    let (good, bad) = rest.split_at(valid);
                    // `good` is valid UTF-8 by construction.
                    out.push_str(std::str::from_utf8(good).unwrap_or_default());
                    self.offset += valid as u64;
                    match e.error_len() {
                        Some(n) => {
                            self.replace(out)?;
                            self.offset += n as u64;
                            rest = bad.get(n..).unwrap_or_default();
                        }
                        None => {
                            // Incomplete at the end: may be completed by the next chunk.
                            self.carry = bad.to_vec();
                            return Ok(());
                        }
                    }
                }
            }
        }
    }

    /// Ends the input: an incomplete sequence left over is invalid.
    pub fn finish(&mut self, out: &mut String) -> Result<(), u64> {
        if !self.carry.is_empty() {
            self.replace(out)?;
            self.offset += self.carry.len() as u64;
            self.carry.clear();
        }
        Ok(())
    }

    fn replace(&mut self, out: &mut String) -> Result<(), u64> {
        if self.strict {
            return Err(self.offset);
        }
        self.invalid += 1;
        self.first_invalid.get_or_insert(self.offset);
        out.push('\u{FFFD}');
        Ok(())
    }
}

/// An input: a file or standard input.
pub struct Input {
    /// The name shown in messages (`-` for standard input).
    pub name: String,
    reader: Box<dyn Read + Send>,
    /// Size in bytes when known (for the progress ETA).
    pub size: Option<u64>,
}

impl Input {
    pub fn open(name: &str) -> Result<Input, CliError> {
        if name == "-" {
            return Ok(Input {
                name: "-".into(),
                reader: Box::new(std::io::stdin()),
                size: None,
            });
        }
        let f = File::open(name).map_err(|e| CliError::Failed(io_message("read", name, &e)))?;
        let meta = f
            .metadata()
            .map_err(|e| CliError::Failed(io_message("read", name, &e)))?;
        if meta.is_dir() {
            return Err(CliError::failed(format!(
                "cannot read {name}: it is a directory"
            )));
        }
        Ok(Input {
            name: name.to_string(),
            reader: Box::new(f),
            size: meta.is_file().then_some(meta.len()),
        })
    }

    /// Reads up to one chunk into `buf`; 0 at the end.
    pub fn read_chunk(&mut self, buf: &mut [u8]) -> Result<usize, CliError> {
        loop {
            match self.reader.read(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    let what = if self.name == "-" {
                        "standard input"
                    } else {
                        &self.name
                    };
                    return Err(CliError::Failed(io_message("read", what, &e)));
                }
            }
        }
    }

    /// Whether the input can be read a second time (a regular file, opened again by name).
    pub fn rereadable(&self) -> bool {
        self.name != "-" && self.size.is_some()
    }

    /// Opens the input again from its start (only when [`Input::rereadable`]).
    pub fn reopen(&self) -> Result<Input, CliError> {
        Input::open(&self.name)
    }

    /// Reads up to `limit` bytes ahead, keeping them to be read again. Returns them when the
    /// input ended within the limit (it is then wholly in memory).
    pub fn read_ahead(&mut self, limit: usize) -> Result<Option<Vec<u8>>, CliError> {
        let mut ahead = Vec::new();
        let mut buf = vec![0u8; CHUNK.min(limit.max(1))];
        let mut ended = false;
        while ahead.len() < limit {
            let n = self.read_chunk(&mut buf)?;
            if n == 0 {
                ended = true;
                break;
            }
            ahead.extend_from_slice(buf.get(..n).unwrap_or(&[]));
        }
        let rest = std::mem::replace(&mut self.reader, Box::new(std::io::empty()));
        if ended {
            self.reader = Box::new(std::io::Cursor::new(ahead.clone()));
            Ok(Some(ahead))
        } else {
            self.reader = Box::new(std::io::Cursor::new(ahead).chain(rest));
            Ok(None)
        }
    }

    pub fn display(&self) -> &str {
        if self.name == "-" {
            "standard input"
        } else {
            &self.name
        }
    }
}

/// `DIR/NAME.sanitized.EXT` for `input` (`stdin.sanitized` for standard input).
pub fn output_path(dir: &Path, input: &str, tag: &str) -> PathBuf {
    let base = if input == "-" {
        "stdin".to_string()
    } else {
        Path::new(input)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into())
    };
    // The extension is what follows the last dot, unless the name starts with it.
    let name = match base.rfind('.') {
        Some(i) if i > 0 => format!("{}.{tag}{}", &base[..i], &base[i..]),
        _ => format!("{base}.{tag}"),
    };
    dir.join(name)
}

/// A file written under a temporary name in its final directory and moved into place by
/// [`AtomicFile::commit`]; dropped uncommitted, the temporary file is removed.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    file: Option<BufWriter<File>>,
    force: bool,
}

impl AtomicFile {
    pub fn create(dest: &Path, force: bool) -> Result<AtomicFile, CliError> {
        let shown = dest.display().to_string();
        if !force && dest.exists() {
            return Err(CliError::failed(format!(
                "{shown} exists; not replacing it (use --force to replace)"
            )));
        }
        let dir = dest.parent().unwrap_or(Path::new("."));
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.partial", std::process::id()));
        let file = File::create(&tmp)
            .map_err(|e| CliError::Failed(io_message("create", &tmp.display().to_string(), &e)))?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            file: Some(BufWriter::with_capacity(CHUNK, file)),
            force,
        })
    }

    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Flushes, syncs and moves the file into place (without replacing an existing file
    /// unless forced, even one created meanwhile).
    pub fn commit(mut self) -> Result<(), CliError> {
        let shown = self.dest.display().to_string();
        let Some(w) = self.file.take() else {
            return Ok(());
        };
        {
            // Closed at the end of this block, before the rename.
            let f = w
                .into_inner()
                .map_err(|e| CliError::Failed(io_message("write", &shown, e.error())))?;
            f.sync_all()
                .map_err(|e| CliError::Failed(io_message("write", &shown, &e)))?;
        }
        if self.force {
            std::fs::rename(&self.tmp, &self.dest)
                .map_err(|e| CliError::Failed(io_message("create", &shown, &e)))?;
        } else {
            // A hard link fails if the destination exists: no race with another writer.
            match std::fs::hard_link(&self.tmp, &self.dest) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&self.tmp);
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    return Err(CliError::failed(format!(
                        "{shown} exists; not replacing it (use --force to replace)"
                    )));
                }
                // File systems without hard links: check, then rename.
                Err(_) if !self.dest.exists() => {
                    std::fs::rename(&self.tmp, &self.dest)
                        .map_err(|e| CliError::Failed(io_message("create", &shown, &e)))?;
                }
                Err(e) => return Err(CliError::Failed(io_message("create", &shown, &e))),
            }
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() || self.tmp.exists() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes a small whole file (report, mapping) atomically.
pub fn write_small(path: &str, what: &str, contents: &str) -> Result<(), CliError> {
    let mut f = AtomicFile::create(Path::new(path), true)?;
    f.write_all(contents.as_bytes())
        .map_err(|e| CliError::Failed(io_message("write", &format!("{what} {path}"), &e)))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_chunks(bytes: &[u8], size: usize) -> (String, u64) {
        let mut d = Decoder::new(false);
        let mut out = String::new();
        for c in bytes.chunks(size.max(1)) {
            d.decode(c, &mut out).unwrap();
        }
        d.finish(&mut out).unwrap();
        (out, d.invalid)
    }

    #[test]
    fn chunked_decoding_equals_lossy_whole() {
        let samples: [&[u8]; 6] = [
            "héllo wörld 😀 مرحبا".as_bytes(),
            b"a\xffb\xc3\x28c\xe2\x82",
            b"\xf0\x9f\x98",
            b"\xef\xbb\xbfBOM\r\nx\ry\n",
            b"\x00\x00\xc0\x80\xed\xa0\x80z",
            b"\xe2\x82\xac\xe2\x82",
        ];
        for s in samples {
            let whole = String::from_utf8_lossy(s);
            for size in 1..6 {
                assert_eq!(decode_in_chunks(s, size).0, whole, "{s:?} / {size}");
            }
        }
    }

    #[test]
    fn strict_reports_the_offset() {
        let mut d = Decoder::new(true);
        let mut out = String::new();
        assert_eq!(d.decode(b"ab\xe2\x82", &mut out), Ok(()));
        assert_eq!(d.decode(b"\xacc\xff", &mut out), Err(6));
        let mut d = Decoder::new(true);
        d.decode(b"ab\xe2", &mut out).unwrap();
        assert_eq!(d.finish(&mut out), Err(2));
    }

    #[test]
    fn output_names() {
        let d = Path::new("o");
        assert_eq!(
            output_path(d, "x/t.log", "sanitized"),
            d.join("t.sanitized.log")
        );
        assert_eq!(
            output_path(d, "a.b.csv", "sanitized"),
            d.join("a.b.sanitized.csv")
        );
        assert_eq!(
            output_path(d, "README", "sanitized"),
            d.join("README.sanitized")
        );
        assert_eq!(
            output_path(d, ".env", "sanitized"),
            d.join(".env.sanitized")
        );
        assert_eq!(output_path(d, "-", "restored"), d.join("stdin.restored"));
    }
}

//! The inputs: corpus seeds by kind, repeated to a size, written to files (one kind repeated,
//! or logs and dialogues in alternating blocks).

use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) const MB: usize = 1_000_000;

/// The seed of the generated `support` input.
pub(super) const SUPPORT_SEED: u64 = 2026;

pub(super) fn corpus_dir(arg: Option<&str>) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match arg {
        Some(a) => vec![PathBuf::from(a)],
        None => vec![
            PathBuf::from("../shared/corpus"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        ],
    };
    candidates.into_iter().find(|p| p.is_dir())
}

/// The seed text of an input kind, before repetition.
pub(super) fn seed(corpus: &Path, kind: &str) -> Result<String, String> {
    match kind {
        "loghub" => {
            let dir = corpus.join("loghub/raw");
            let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "log"))
                .collect();
            names.sort();
            let mut s = String::new();
            for n in names {
                s.push_str(&String::from_utf8_lossy(
                    &std::fs::read(&n).map_err(|e| e.to_string())?,
                ));
            }
            Ok(s)
        }
        "ubuntu" => {
            let path = corpus.join("ubuntu-dialogue-pimlico/dialogues_small.json");
            let raw =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let v: serde_json::Value = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
            let mut s = String::new();
            for d in v.as_array().into_iter().flatten() {
                if let Some(t) = d.get("text").and_then(|t| t.as_str()) {
                    s.push_str(t);
                    s.push_str("\n\n");
                }
            }
            Ok(s)
        }
        other => Err(format!("unknown input kind {other}")),
    }
}

pub(super) fn repeat_to(seed: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + seed.len());
    while s.len() < bytes {
        s.push_str(seed);
    }
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Writes `bytes` of `seed` repeated to `path`.
pub(super) fn write_repeated(path: &Path, seed: &[u8], bytes: usize) -> Result<(), String> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| e.to_string())?);
    let mut written = 0;
    while written < bytes {
        let n = seed.len().min(bytes - written);
        f.write_all(seed.get(..n).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        written += n;
    }
    f.flush().map_err(|e| e.to_string())
}

/// Writes `bytes` of loghub and Ubuntu text to `path`, alternating blocks of about 8 MB so
/// that the conversations' names and the logs' addresses recur across the whole file.
pub(super) fn write_mixed(path: &Path, corpus: &Path, bytes: usize) -> Result<(), String> {
    let logs = seed(corpus, "loghub")?;
    let talk = seed(corpus, "ubuntu")?;
    let block = 8 * MB;
    let (logs, talk) = (repeat_to(&logs, block), repeat_to(&talk, block));
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| e.to_string())?);
    let mut written = 0;
    let mut i = 0usize;
    while written < bytes {
        let s = if i % 2 == 0 { &logs } else { &talk };
        let mut n = s.len().min(bytes - written);
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        if n == 0 {
            break;
        }
        f.write_all(s.as_bytes().get(..n).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        // Blocks end with a line break, so no line is two halves of different sources.
        if !s.as_bytes().get(..n).unwrap_or_default().ends_with(b"\n") {
            f.write_all(b"\n").map_err(|e| e.to_string())?;
            written += 1;
        }
        written += n;
        i += 1;
    }
    f.flush().map_err(|e| e.to_string())
}

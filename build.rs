//! Build step of the core library: writes the person-name gazetteers
//! (`src/structure/data/*.txt`, sorted, one name a line) front-coded into `OUT_DIR`, each line
//! as the number of leading characters it shares with the line before (one character, `0`-`9`
//! then `a`-`z`) and the rest of the line. The web bundle carries the smaller form (about a
//! quarter less once gzipped); `src/structure/person.rs` expands it once at first use.

use std::path::PathBuf;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn front_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Vec<char> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let chars: Vec<char> = line.chars().collect();
        let shared = prev
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(DIGITS.len() - 1);
        out.push(char::from(DIGITS[shared]));
        out.extend(&chars[shared..]);
        out.push('\n');
        prev = chars;
    }
    out
}

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["given_names", "surnames"] {
        let src = format!("src/structure/data/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).expect("the gazetteer is in the source tree");
        std::fs::write(out_dir.join(format!("{name}.fc")), front_code(&text))
            .expect("OUT_DIR is writable");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

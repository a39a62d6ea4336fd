//! User patterns (policy `custom_rules`, allowlist `patterns`, `deny_terms`): compiled once
//! to the lazy DFA of `regex-automata` (the engine under the `regex` crate), which runs in
//! time linear in the text with bounded memory, under limits that keep every accepted pattern
//! reasonably fast on any input.
//!
//! The syntax is the `regex` crate's, with `\w`, `\d`, `\s`, `\b` and `(?i)` ASCII (as
//! documented). The engine ships here without its Unicode tables (they would weigh on the web page), so the
//! pattern is parsed and these classes, word boundaries and case-insensitive letters are
//! rewritten into their ASCII forms before it is compiled. `.` and negated classes still
//! match any character, as before.
//!
//! Why the limits: a lazy DFA builds its states as the text needs them; a long counted
//! repetition (`[a-z]{999}x`) needs a new state, costing the pattern's size, at almost every
//! byte of text that keeps almost matching. Such a pattern is refused with a message (see
//! [`MAX_REPEAT`], [`MAX_COMPILED`]) instead of running for minutes.

use crate::error::Error;
use regex_automata::hybrid::dfa;
use regex_automata::nfa::thompson;
use regex_syntax::ast::{
    self, AssertionKind, Ast, ClassAscii, ClassAsciiKind, ClassBracketed, ClassPerl, ClassPerlKind,
    ClassSet, ClassSetItem, ClassSetRange, ClassSetUnion, Flag, Flags, FlagsItem, FlagsItemKind,
    Group, GroupKind, Literal, LiteralKind,
};

/// Largest accepted source of one user pattern, in bytes.
pub const MAX_LEN: usize = 1_000;

/// Largest compiled size (the NFA size limit, in bytes) of one user
/// pattern, a guard behind [`MAX_REPEAT`]: a hundred case-insensitive alternative words take
/// 48 KiB, `\bE\d{6}\b` under 1 KiB, `[a-z]{950}` is over.
pub const MAX_COMPILED: usize = 64 * 1024;

/// Largest number of class positions in one pattern: each `[...]`, `\d`, `\w`, `.` counts one
/// position, counted repetitions multiply (`[a-z]{99}x` counts 99, `(?:\d{1,3}\.){3}` 9 and
/// `a{50}` 50); literal text and `+`/`*` cost nothing. A lazy DFA for `a[a-z]{N}#` on letters
/// needs a new state, costing N, at almost every byte: measured on the release CLI (two
/// passes over 1 MB of random letters, loaded machine) `a[a-z]{99}#` takes 1.9–3.3 s and
/// `a[a-z]{250}#` 8.2 s, while ordinary patterns (a hundred alternative words,
/// `\bE\d{6}\b`) add under 0.2 s.
pub const MAX_REPEAT: u64 = 100;

/// Cache of the lazy DFA of one pattern: enough for ordinary patterns to run as a DFA.
const DFA_CACHE: usize = 2 * 1024 * 1024;

/// Nesting depth accepted in a pattern.
const NEST_LIMIT: u32 = 100;

/// Compiles a user-supplied pattern, or explains why it cannot be used.
pub fn compile(pattern: &str) -> Result<Pattern, Error> {
    if pattern.len() > MAX_LEN {
        return Err(Error::Pattern {
            pattern: pattern.chars().take(40).collect::<String>() + "...",
            message: format!("longer than {MAX_LEN} bytes"),
        });
    }
    if pattern.is_empty() {
        return Err(Error::Pattern {
            pattern: String::new(),
            message: "empty pattern".into(),
        });
    }
    build(pattern, pattern, MAX_COMPILED, MAX_REPEAT)
}

/// Compiles `pattern` (named `name` in errors) in the same syntax with a compiled-size limit
/// of `limit` bytes and no repetition limit: for patterns that are not typed by a user
/// (escaped deny terms, built-in patterns).
pub fn compile_with_limit(name: &str, pattern: &str, limit: usize) -> Result<Pattern, Error> {
    build(name, pattern, limit, u64::MAX)
}

fn build(name: &str, pattern: &str, limit: usize, max_repeat: u64) -> Result<Pattern, Error> {
    let err = |message: String| Error::Pattern {
        pattern: name.to_string(),
        message,
    };
    let ascii = to_ascii_syntax(pattern, max_repeat).map_err(err)?;
    let re = regex_automata::hybrid::regex::Regex::builder()
        .thompson(thompson::Config::new().nfa_size_limit(Some(limit)))
        // Never give up for another engine (there is none here): a pattern that keeps
        // clearing the cache stays linear, only slower, and the limits above bound that.
        .dfa(
            dfa::Config::new()
                .cache_capacity(DFA_CACHE)
                .minimum_cache_clear_count(None),
        )
        .build(&ascii)
        .map_err(|e| {
            let nfa = std::error::Error::source(&e)
                .and_then(|s| s.downcast_ref::<thompson::BuildError>());
            if nfa.and_then(thompson::BuildError::size_limit).is_some() {
                return err(format!(
                    "too large once compiled (over {} KiB): such a pattern is slow on text that \
                     almost matches; use smaller counts or classes, or + and *",
                    limit / 1024
                ));
            }
            // The chain of causes: "error building NFA: ..." says nothing alone.
            let mut message = e.to_string();
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                message = format!("{message}: {c}");
                cause = c.source();
            }
            err(message)
        })?;
    Ok(Pattern { re })
}

/// A compiled user pattern: a forward and a reverse lazy DFA, each search with a cache of its
/// own (a detector is shared by reference).
#[derive(Debug)]
pub struct Pattern {
    re: regex_automata::hybrid::regex::Regex,
}

impl Pattern {
    /// The byte spans of the non-empty matches, leftmost-first. The search cannot fail: the
    /// cache is never given up on and word boundaries are ASCII (no quit bytes).
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut cache = self.re.create_cache();
        let mut out = Vec::new();
        let mut input = regex_automata::Input::new(text);
        while let Ok(Some(m)) = self.re.try_search(&mut cache, &input) {
            let mut next = m.end();
            if m.is_empty() {
                next += text
                    .get(next..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
            } else {
                out.push((m.start(), m.end()));
            }
            if next > text.len() {
                break;
            }
            input.set_start(next);
        }
        out
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let mut cache = self.re.create_cache();
        matches!(
            self.re
                .try_search(&mut cache, &regex_automata::Input::new(text)),
            Ok(Some(_))
        )
    }
}

/// `pattern` in the syntax the engine compiles (ASCII classes, boundaries and case written
/// out), for tools that compile it with another engine (the evaluation binary).
pub fn ascii_syntax(pattern: &str) -> Result<String, Error> {
    to_ascii_syntax(pattern, u64::MAX).map_err(|message| Error::Pattern {
        pattern: pattern.to_string(),
        message,
    })
}

/// The pattern with its ASCII classes, word boundaries and case-insensitive letters
/// written out, so that it compiles without Unicode tables.
fn to_ascii_syntax(pattern: &str, max_repeat: u64) -> Result<String, String> {
    let mut ast = ast::parse::ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let units = repeat_units(&ast);
    if units > max_repeat {
        return Err(format!(
            "its classes and counted repetitions add up to {units} positions (over {max_repeat}): such a \
             pattern is slow on text that almost matches; use smaller counts, or + and *"
        ));
    }
    let mut ci = false;
    rewrite(&mut ast, &mut ci);
    let mut out = String::with_capacity(pattern.len() + 16);
    ast::print::Printer::new()
        .print(&ast, &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The class positions of `ast` once its counted repetitions are unrolled (nested counts
/// multiply, sequences add up; a counted literal counts as one position per repetition).
fn repeat_units(ast: &Ast) -> u64 {
    match ast {
        Ast::Repetition(r) => {
            let inner = repeat_units(&r.ast);
            match &r.op.kind {
                ast::RepetitionKind::Range(range) => {
                    let n = match *range {
                        ast::RepetitionRange::Exactly(n) | ast::RepetitionRange::AtLeast(n) => n,
                        ast::RepetitionRange::Bounded(lo, hi) => lo.max(hi),
                    };
                    u64::from(n).saturating_mul(inner.max(1))
                }
                _ => inner,
            }
        }
        Ast::Dot(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) | Ast::ClassUnicode(_) => 1,
        Ast::Group(g) => repeat_units(&g.ast),
        Ast::Concat(c) => c.asts.iter().map(repeat_units).fold(0, u64::saturating_add),
        Ast::Alternation(a) => a.asts.iter().map(repeat_units).fold(0, u64::saturating_add),
        _ => 0,
    }
}

/// Applies the case-insensitivity items of `flags` to `ci` and removes them from `flags`.
fn take_case_flag(flags: &mut Flags, ci: &mut bool) {
    let mut negated = false;
    for item in &flags.items {
        match item.kind {
            FlagsItemKind::Negation => negated = true,
            FlagsItemKind::Flag(Flag::CaseInsensitive) => *ci = !negated,
            FlagsItemKind::Flag(_) => {}
        }
    }
    flags
        .items
        .retain(|i| i.kind != FlagsItemKind::Flag(Flag::CaseInsensitive));
    // `(?m-)` and `(?-)` do not parse: drop a negation that no longer negates anything.
    if flags
        .items
        .last()
        .is_some_and(|i| i.kind == FlagsItemKind::Negation)
    {
        flags.items.pop();
    }
}

fn rewrite(ast: &mut Ast, ci: &mut bool) {
    match ast {
        Ast::Flags(set) => {
            let span = set.span;
            take_case_flag(&mut set.flags, ci);
            if set.flags.items.is_empty() {
                *ast = Ast::empty(span);
            }
        }
        Ast::Group(g) => {
            let mut inner = *ci;
            if let GroupKind::NonCapturing(flags) = &mut g.kind {
                take_case_flag(flags, &mut inner);
            }
            rewrite(&mut g.ast, &mut inner);
        }
        Ast::Concat(c) => c.asts.iter_mut().for_each(|a| rewrite(a, ci)),
        Ast::Alternation(a) => a.asts.iter_mut().for_each(|a| rewrite(a, ci)),
        Ast::Repetition(r) => rewrite(&mut r.ast, ci),
        Ast::Literal(lit) => {
            if *ci && lit.c.is_ascii_alphabetic() {
                let span = lit.span;
                *ast = Ast::class_bracketed(ClassBracketed {
                    span,
                    negated: false,
                    kind: ClassSet::Item(ClassSetItem::Union(ClassSetUnion {
                        span,
                        items: vec![
                            ClassSetItem::Literal(verbatim(span, lit.c.to_ascii_lowercase())),
                            ClassSetItem::Literal(verbatim(span, lit.c.to_ascii_uppercase())),
                        ],
                    })),
                });
            }
        }
        Ast::ClassPerl(p) => {
            let (span, negated) = (p.span, p.negated);
            let item = ClassSetItem::Ascii(ascii_of(p, false));
            *ast = Ast::class_bracketed(ClassBracketed {
                span,
                negated,
                kind: ClassSet::Item(item),
            });
        }
        Ast::ClassBracketed(b) => fold_set(&mut b.kind, *ci),
        Ast::Assertion(a) => {
            if is_word_boundary(&a.kind) {
                let span = a.span;
                let inner = std::mem::replace(ast, Ast::empty(span));
                // `(?-u:\b)`: the ASCII word boundary, which needs no Unicode table.
                *ast = Ast::group(Group {
                    span,
                    kind: GroupKind::NonCapturing(Flags {
                        span,
                        items: vec![
                            FlagsItem {
                                span,
                                kind: FlagsItemKind::Negation,
                            },
                            FlagsItem {
                                span,
                                kind: FlagsItemKind::Flag(Flag::Unicode),
                            },
                        ],
                    }),
                    ast: Box::new(inner),
                });
            }
        }
        Ast::Empty(_) | Ast::Dot(_) | Ast::ClassUnicode(_) => {}
    }
}

fn is_word_boundary(kind: &AssertionKind) -> bool {
    !matches!(
        kind,
        AssertionKind::StartLine
            | AssertionKind::EndLine
            | AssertionKind::StartText
            | AssertionKind::EndText
    )
}

fn verbatim(span: ast::Span, c: char) -> Literal {
    Literal {
        span,
        kind: LiteralKind::Verbatim,
        c,
    }
}

/// `\d`, `\s`, `\w` as the ASCII classes `[:digit:]`, `[:space:]`, `[:word:]`.
fn ascii_of(p: &ClassPerl, negated: bool) -> ClassAscii {
    ClassAscii {
        span: p.span,
        kind: match p.kind {
            ClassPerlKind::Digit => ClassAsciiKind::Digit,
            ClassPerlKind::Space => ClassAsciiKind::Space,
            ClassPerlKind::Word => ClassAsciiKind::Word,
        },
        negated,
    }
}

fn fold_set(set: &mut ClassSet, ci: bool) {
    match set {
        ClassSet::Item(item) => fold_item(item, ci),
        ClassSet::BinaryOp(op) => {
            fold_set(&mut op.lhs, ci);
            fold_set(&mut op.rhs, ci);
        }
    }
}

fn fold_item(item: &mut ClassSetItem, ci: bool) {
    match item {
        ClassSetItem::Perl(p) => {
            let a = ascii_of(p, p.negated);
            *item = ClassSetItem::Ascii(a);
        }
        ClassSetItem::Bracketed(b) => fold_set(&mut b.kind, ci),
        ClassSetItem::Union(u) => u.items.iter_mut().for_each(|i| fold_item(i, ci)),
        ClassSetItem::Literal(lit) if ci && lit.c.is_ascii_alphabetic() => {
            let span = lit.span;
            let other = if lit.c.is_ascii_lowercase() {
                lit.c.to_ascii_uppercase()
            } else {
                lit.c.to_ascii_lowercase()
            };
            let first = lit.clone();
            *item = ClassSetItem::Union(ClassSetUnion {
                span,
                items: vec![
                    ClassSetItem::Literal(first),
                    ClassSetItem::Literal(verbatim(span, other)),
                ],
            });
        }
        ClassSetItem::Range(r) if ci => {
            let span = r.span;
            let (lo, hi) = (r.start.c, r.end.c);
            let mut items = vec![ClassSetItem::Range(r.clone())];
            for (from, to) in [('a', 'A'), ('A', 'a')] {
                let letters = (from, char::from(from as u8 + 25));
                let s = lo.max(letters.0);
                let e = hi.min(letters.1);
                if s <= e {
                    let shift = |c: char| char::from((c as u8) - (from as u8) + (to as u8));
                    items.push(ClassSetItem::Range(ClassSetRange {
                        span,
                        start: verbatim(span, shift(s)),
                        end: verbatim(span, shift(e)),
                    }));
                }
            }
            if items.len() > 1 {
                *item = ClassSetItem::Union(ClassSetUnion { span, items });
            }
        }
        ClassSetItem::Ascii(a)
            if ci && matches!(a.kind, ClassAsciiKind::Upper | ClassAsciiKind::Lower) =>
        {
            a.kind = ClassAsciiKind::Alpha;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(pattern: &str, text: &str) -> Vec<String> {
        let re = compile(pattern).unwrap();
        re.find_all(text)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn ascii_classes_and_boundaries() {
        assert_eq!(
            to_ascii_syntax(r"\bE\d{6}\b", MAX_REPEAT).unwrap(),
            r"(?-u:\b)E[[:digit:]]{6}(?-u:\b)"
        );
        // `\b` is ASCII: `é` is not a word character, so `E` after it starts a word.
        assert_eq!(
            finds(r"\bE\d{6}\b", "E123456 E1234567 xE7654321 éE654321"),
            ["E123456", "E654321"]
        );
        // `\w` is ASCII: `é` is not a word character, `\W` matches it.
        assert_eq!(finds(r"\w+", "café au"), ["caf", "au"]);
        assert_eq!(finds(r"\W", "aé-"), ["é", "-"]);
        assert_eq!(finds(r"[\w.]+@x", "a.b@x"), ["a.b@x"]);
        assert_eq!(finds(r"[^\d\s]+", "12 ab3"), ["ab"]);
        assert_eq!(finds(r"\S+", "é b"), ["é", "b"]);
        // `.` and non-ASCII literals still work on characters.
        assert_eq!(finds(r"caf.", "café"), ["café"]);
        assert_eq!(finds(r"[à-ü]+", "façade"), ["ç"]);
    }

    #[test]
    fn ascii_case_insensitivity() {
        assert_eq!(
            finds(r"(?i)falcon", "FALCON Falcon falcon"),
            ["FALCON", "Falcon", "falcon"]
        );
        assert_eq!(finds(r"(?i:ab)c", "ABc ABC"), ["ABc"]);
        assert_eq!(finds(r"a(?i)b|c", "aB C"), ["aB", "C"]);
        assert_eq!(finds(r"(?i)a(?-i)b", "Ab AB"), ["Ab"]);
        assert_eq!(finds(r"(?i)[a-c]+", "AbC d"), ["AbC"]);
        assert_eq!(finds(r"(?i)[x-]+", "X-x"), ["X-x"]);
        assert_eq!(finds(r"(?i)[[:upper:]]+", "aB1"), ["aB"]);
        assert_eq!(finds(r"(?im)^x$", "a\nX"), ["X"]);
        assert_eq!(finds(r"(?i-m)^x", "X"), ["X"]);
        // Case folding stays ASCII, as documented.
        assert!(finds(r"(?i)é", "É").is_empty());
    }

    #[test]
    fn errors_name_the_pattern() {
        let e = compile("(").unwrap_err().to_string();
        assert!(e.starts_with("invalid custom pattern \"(\""), "{e}");
        let e = compile(r"(a)\1").unwrap_err().to_string();
        assert!(e.contains("backreferences are not supported"), "{e}");
        assert!(compile("").is_err());
        assert!(compile(&"a".repeat(MAX_LEN + 1)).is_err());
    }

    #[test]
    fn regression_issue_12_pathological_patterns_are_rejected_not_run() {
        // The two patterns of issue 12: a 600 KB paste took 227 s in the page with the first,
        // 1 MB took 34 s in the CLI with the second.
        for p in [r"(?:[a-z]{999}){9}x", r"[a-z]{999}x"] {
            let e = compile(p).unwrap_err().to_string();
            assert!(e.contains(&format!("{p:?}")), "{e}");
            assert!(e.contains("add up to"), "{e}");
        }
        // Spelled out by hand, the same shape counts the same.
        let e = compile(&format!("a{}#", "[a-z]".repeat(120)))
            .unwrap_err()
            .to_string();
        assert!(e.contains("add up to 120 positions"), "{e}");
        for p in [r"a[a-z]{99}#", r"(?i)bearer\s+[a-z0-9._-]{20,90}"] {
            assert!(compile(p).is_ok(), "{p}");
        }
        // Behind the position limit, the compiled size is limited too.
        assert!(compile_with_limit("p", r"[a-z]{50}", 64 * 1024).is_ok());
        let e = compile_with_limit("p", r"[a-z]{50}", 1024)
            .unwrap_err()
            .to_string();
        assert!(e.contains("too large once compiled"), "{e}");
    }

    #[test]
    fn repeat_units_add_and_multiply() {
        let units = |p: &str| repeat_units(&ast::parse::Parser::new().parse(p).unwrap());
        assert_eq!(units(r"[a-z]{200}"), 200);
        assert_eq!(units(r"(?:\d{1,3}\.){3}\d{1,3}"), 12);
        assert_eq!(units(r"a{9}b{9}|c{2,}"), 20);
        assert_eq!(units(r"(?:[a-z]{999}){9}x"), 8991);
        assert_eq!(units(r"\w+@\w*"), 2);
        assert_eq!(units(r"(?i)\b(?:project|codename)\b"), 0);
    }

    #[test]
    fn ordinary_patterns_fit_the_limit() {
        for p in [
            r"\bE\d{6}\b",
            r"(?i)\b(?:project|codename)\s+[A-Z][a-z]+\b",
            r"[A-Z]{2}-\d{4,8}",
            r"\b\d{3}-\d{2}-\d{4}\b",
            r"(?i)\bACME-[0-9a-f]{32}\b",
            r"[\w.+-]+@internal\.example",
        ] {
            compile(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        }
    }
}

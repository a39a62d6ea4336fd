//! Counting: labelled spans against findings, and the table rows that come out.

use logscrub::{Category, Finding};
use serde::Serialize;
use std::collections::BTreeMap;

/// An expected value: a category and a byte span in the evaluated text.
#[derive(Clone, Debug)]
pub struct Label {
    pub category: Category,
    pub start: usize,
    pub end: usize,
}

/// True, false positives and false negatives for one category of one set. `negatives` is
/// set for sets with explicit negative units (credsweeper): `fp` then counts flagged units.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub negatives: Option<usize>,
    /// Free-text categories (names, places, addresses) whose spans are fuzzy in the gold data.
    pub spans: Option<SpanCounts>,
}

/// Looser and stricter span agreement for free-text categories, where the gold span and
/// ours often differ by a title, a particle or a trailing postcode.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpanCounts {
    /// Gold spans any of our findings overlaps at all.
    pub hit_any: usize,
    /// Gold spans our findings cover completely (one finding or several together).
    pub hit_full: usize,
    /// Our findings of the category, and those that overlap some gold span of it.
    pub found: usize,
    pub found_on_gold: usize,
}

/// Categories scored with [`SpanCounts`] besides the half-overlap rule.
pub fn free_text(c: Category) -> bool {
    matches!(c, Category::Name | Category::Location | Category::Address)
}

/// The category a finding is scored as: a country is a place (LOCATION/GPE gold spans
/// include countries, which the default policy reports as their own category).
pub fn scored_as(c: Category) -> Category {
    match c {
        Category::Country => Category::Location,
        other => other,
    }
}

/// Per-category counts of one set, keyed by the row name (a category id or a trap name).
#[derive(Default)]
pub struct Tally {
    pub counts: BTreeMap<String, Counts>,
}

impl Tally {
    pub fn entry(&mut self, key: &str) -> &mut Counts {
        self.counts.entry(key.to_string()).or_default()
    }

    /// Makes sure a row exists even when nothing was counted in it.
    pub fn touch(&mut self, key: &str) {
        self.entry(key);
    }

    pub fn rows(self, set: &str) -> Vec<Row> {
        self.counts
            .into_iter()
            .map(|(category, c)| Row::new(set, &category, c))
            .collect()
    }
}

/// Length of the overlap of two half-open spans.
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The matching rule: same category and an overlap of at least half of the longer span.
pub fn matches(label: &Label, f: &Finding) -> bool {
    if label.category != scored_as(f.category) {
        return false;
    }
    let ov = overlap((label.start, label.end), (f.start, f.end));
    let longer = (label.end - label.start).max(f.end - f.start);
    ov > 0 && ov * 2 >= longer
}

/// Scores span labels of one text: each label is a TP when a finding matches it, else a FN;
/// each finding of a scored category that matches no label is a FP.
pub fn score_spans(labels: &[Label], findings: &[Finding], scored: &[Category], tally: &mut Tally) {
    for l in labels {
        let hit = findings.iter().any(|f| matches(l, f));
        let c = tally.entry(l.category.id());
        if hit {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for f in findings {
        let category = scored_as(f.category);
        if !scored.contains(&category) {
            continue;
        }
        if !labels.iter().any(|l| matches(l, f)) {
            tally.entry(category.id()).fp += 1;
        }
    }
    for &category in scored.iter().filter(|&&c| free_text(c)) {
        score_free_text(labels, findings, category, tally);
    }
}

/// Fills the [`SpanCounts`] of one free-text category for one text.
fn score_free_text(labels: &[Label], findings: &[Finding], category: Category, tally: &mut Tally) {
    let ours: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| scored_as(f.category) == category)
        .map(|f| (f.start, f.end))
        .collect();
    let gold: Vec<(usize, usize)> = labels
        .iter()
        .filter(|l| l.category == category)
        .map(|l| (l.start, l.end))
        .collect();
    let mut sc = SpanCounts::default();
    for &g in &gold {
        if ours.iter().any(|&o| overlap(g, o) > 0) {
            sc.hit_any += 1;
        }
        if covered(g, &ours) {
            sc.hit_full += 1;
        }
    }
    sc.found = ours.len();
    sc.found_on_gold = ours
        .iter()
        .filter(|&&o| gold.iter().any(|&g| overlap(g, o) > 0))
        .count();
    let entry = tally
        .entry(category.id())
        .spans
        .get_or_insert_with(Default::default);
    entry.hit_any += sc.hit_any;
    entry.hit_full += sc.hit_full;
    entry.found += sc.found;
    entry.found_on_gold += sc.found_on_gold;
}

/// Whether the spans in `ours` together cover every byte of `g` (gaps of spaces aside:
/// `Jane` and `Doe` found apart still cover `Jane Doe`, both parts being replaced).
fn covered(g: (usize, usize), ours: &[(usize, usize)]) -> bool {
    let mut parts: Vec<(usize, usize)> = ours
        .iter()
        .copied()
        .filter(|&o| overlap(g, o) > 0)
        .collect();
    parts.sort_unstable();
    let mut at = g.0;
    for (s, e) in parts {
        // One separator byte between two findings counts as covered.
        if s > at + 1 {
            return false;
        }
        at = at.max(e);
    }
    at >= g.1
}

/// Whether a finding of `category` covers all of `text` (standalone validity sets).
pub fn found_whole(findings: &[Finding], category: Category, len: usize) -> bool {
    findings
        .iter()
        .any(|f| f.category == category && f.start == 0 && f.end >= len)
}

/// One line of the result table.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub set: String,
    pub category: String,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    /// Only for sets with explicit negative units: how many there were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negatives: Option<usize>,
    /// Free-text categories: share of gold spans any finding overlaps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall_any: Option<f64>,
    /// Free-text categories: share of gold spans our findings cover completely.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall_full: Option<f64>,
    /// Free-text categories: share of our findings that overlap a gold span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision_any: Option<f64>,
}

impl Row {
    pub fn new(set: &str, category: &str, c: Counts) -> Row {
        let ratio = |num: usize, den: usize| (den > 0).then(|| num as f64 / den as f64);
        let gold = c.tp + c.fn_;
        let sp = c.spans;
        Row {
            set: set.to_string(),
            category: category.to_string(),
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
            precision: ratio(c.tp, c.tp + c.fp),
            recall: ratio(c.tp, c.tp + c.fn_),
            negatives: c.negatives,
            recall_any: sp.and_then(|s| ratio(s.hit_any, gold)),
            recall_full: sp.and_then(|s| ratio(s.hit_full, gold)),
            precision_any: sp.and_then(|s| ratio(s.found_on_gold, s.found)),
        }
    }

    /// Share of negative units flagged, for sets that have them.
    pub fn negative_rate(&self) -> Option<f64> {
        self.negatives
            .filter(|&n| n > 0)
            .map(|n| self.fp as f64 / n as f64)
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |x| format!("{:.2}%", x * 100.0))
}

fn blank_none(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| pct(Some(x)))
}

/// The aligned text table.
pub fn render_table(rows: &[Row]) -> String {
    let header = [
        "set",
        "category",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "neg.rate",
        "rec.any",
        "rec.full",
        "prec.any",
    ];
    let cells: Vec<[String; 11]> = rows
        .iter()
        .map(|r| {
            [
                r.set.clone(),
                r.category.clone(),
                r.tp.to_string(),
                r.fp.to_string(),
                r.fn_.to_string(),
                pct(r.precision),
                pct(r.recall),
                r.negatives.map_or_else(String::new, |n| {
                    format!("{} of {n}", pct(r.negative_rate()))
                }),
                blank_none(r.recall_any),
                blank_none(r.recall_full),
                blank_none(r.precision_any),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cols: &[String]| {
        let parts: Vec<String> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i < 2 {
                    format!("{:<w$}", c, w = widths[i])
                } else {
                    format!("{:>w$}", c, w = widths[i])
                }
            })
            .collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&header.map(String::from));
    for row in &cells {
        line(row);
    }
    out
}

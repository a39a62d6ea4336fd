//! The quality bars `--check` enforces. A bar whose categories no built-in detector reports
//! yet is listed as pending and not enforced; it turns on by itself when such a detector is
//! registered in `logscrub::detect::builtin()`.

use crate::score::Row;
use logscrub::Category;

#[derive(Clone, Copy, Debug)]
pub enum Metric {
    Precision,
    Recall,
    /// Share of explicit negative units flagged: at most the threshold.
    NegativeRate,
    /// At most `threshold` false positives (a count).
    MaxFp,
    /// Free-text categories: share of gold spans any finding overlaps.
    RecallAny,
    /// Free-text categories: share of gold spans covered completely.
    RecallFull,
    /// Free-text categories: share of findings that overlap a gold span.
    PrecisionAny,
}

/// Which sets a bar applies to.
#[derive(Clone, Copy, Debug)]
pub enum Sets {
    /// Every set whose row for the category has labels (tp + fn > 0).
    Labelling,
    /// Sets whose name starts with this prefix.
    Prefix(&'static str),
}

pub struct Bar {
    /// Row name (category id or trap name).
    pub row: &'static str,
    pub sets: Sets,
    pub metric: Metric,
    pub threshold: f64,
    /// Enforced only when a built-in detector reports one of these (empty: always).
    pub requires: &'static [Category],
    /// Not reached yet: reported as open with the figure, not enforced. Bars are a ratchet:
    /// once a bar is met, clear this and it gates CI from then on.
    pub open: Option<&'static str>,
}

const fn bar(
    row: &'static str,
    sets: Sets,
    metric: Metric,
    threshold: f64,
    requires: &'static [Category],
) -> Bar {
    Bar {
        row,
        sets,
        metric,
        threshold,
        requires,
        open: None,
    }
}

/// Marks a bar not reached yet: reported with its figure, not enforced.
const fn open(b: Bar, why: &'static str) -> Bar {
    Bar {
        open: Some(why),
        ..b
    }
}

use Metric::*;
use Sets::*;

pub const BARS: &[Bar] = &[
    bar("email", Labelling, Precision, 0.995, &[Category::Email]),
    bar("email", Labelling, Recall, 0.995, &[Category::Email]),
    bar("ipv4", Labelling, Precision, 0.995, &[Category::Ipv4]),
    bar("ipv4", Labelling, Recall, 0.995, &[Category::Ipv4]),
    bar("ipv6", Labelling, Precision, 0.995, &[Category::Ipv6]),
    bar("ipv6", Labelling, Recall, 0.995, &[Category::Ipv6]),
    bar("card", Labelling, Recall, 0.99, &[Category::Card]),
    bar(
        "trap_card_hdfs_blk",
        Prefix("loghub"),
        MaxFp,
        0.0,
        &[Category::Card],
    ),
    bar(
        "trap_card_healthapp_epoch",
        Prefix("loghub"),
        MaxFp,
        0.0,
        &[Category::Card],
    ),
    bar(
        "phone",
        Prefix("presidio"),
        Precision,
        0.95,
        &[Category::Phone],
    ),
    bar(
        "phone",
        Prefix("presidio"),
        Recall,
        0.95,
        &[Category::Phone],
    ),
    bar(
        "secret",
        Prefix("credsweeper"),
        Recall,
        0.90,
        &[
            Category::Secret,
            Category::UrlCredentials,
            Category::UrlToken,
        ],
    ),
    bar(
        "secret",
        Prefix("credsweeper"),
        NegativeRate,
        0.05,
        &[
            Category::Secret,
            Category::UrlCredentials,
            Category::UrlToken,
        ],
    ),
    bar(
        "internal_note",
        Prefix("structure"),
        Recall,
        1.0,
        &[Category::InternalNote],
    ),
    bar(
        "internal_note",
        Prefix("structure"),
        MaxFp,
        0.0,
        &[Category::InternalNote],
    ),
    // Issue 14: person names in prose. Ratchet at the figures reached (floored a little
    // under them: synth_v2 rec.any 72.7 %, rec.full 70.8 %, prec.any 93.6 %;
    // generated_large 82.1 %, 80.1 %, 96.3 %); the 90 % targets stay open.
    bar(
        "name",
        Prefix("presidio"),
        RecallAny,
        0.71,
        &[Category::Name],
    ),
    bar(
        "name",
        Prefix("presidio"),
        RecallFull,
        0.69,
        &[Category::Name],
    ),
    bar(
        "name",
        Prefix("presidio-generated"),
        RecallAny,
        0.82,
        &[Category::Name],
    ),
    bar(
        "name",
        Prefix("presidio"),
        PrecisionAny,
        0.92,
        &[Category::Name],
    ),
    bar(
        "name",
        Prefix("abcd"),
        PrecisionAny,
        0.75,
        &[Category::Name],
    ),
    bar(
        "name",
        Prefix("ubuntu"),
        NegativeRate,
        0.005,
        &[Category::Name],
    ),
    open(
        bar(
            "name",
            Prefix("presidio"),
            RecallAny,
            0.90,
            &[Category::Name],
        ),
        "issue 14: person names in prose, target 90 %",
    ),
    open(
        bar(
            "name",
            Prefix("presidio"),
            RecallFull,
            0.90,
            &[Category::Name],
        ),
        "issue 14: person names in prose, target 90 %",
    ),
    bar("trap_timestamp", Prefix("loghub"), MaxFp, 0.0, &[]),
    bar("trap_version", Prefix("loghub"), MaxFp, 0.0, &[]),
    bar("trap_uuid", Prefix("loghub"), MaxFp, 0.0, &[]),
    // places (issue 14 part 2): gates floored a little under the figures measured on
    // presidio-generated_large (location rec.any 92 %, address rec.any 91 %, rec.full 79 %,
    // prec.any 99.8 %) and presidio-synth_v2.
    bar(
        "location",
        Prefix("presidio-generated"),
        RecallAny,
        0.88,
        &[Category::Location],
    ),
    bar(
        "location",
        Prefix("presidio-generated"),
        RecallFull,
        0.85,
        &[Category::Location],
    ),
    bar(
        "location",
        Prefix("presidio-generated"),
        PrecisionAny,
        0.78,
        &[Category::Location],
    ),
    bar(
        "address",
        Prefix("presidio-generated"),
        RecallAny,
        0.90,
        &[Category::Address],
    ),
    bar(
        "address",
        Prefix("presidio-generated"),
        RecallFull,
        0.77,
        &[Category::Address],
    ),
    bar(
        "address",
        Prefix("presidio-generated"),
        PrecisionAny,
        0.98,
        &[Category::Address],
    ),
    bar(
        "location",
        Prefix("presidio-synth"),
        RecallAny,
        0.78,
        &[Category::Location],
    ),
    bar(
        "address",
        Prefix("presidio-synth"),
        RecallAny,
        0.80,
        &[Category::Address],
    ),
    bar(
        "address",
        Prefix("presidio-synth"),
        PrecisionAny,
        0.92,
        &[Category::Address],
    ),
];

impl Bar {
    pub fn enforced(&self, implemented: &[Category]) -> bool {
        self.requires.is_empty() || self.requires.iter().any(|c| implemented.contains(c))
    }

    pub fn describe(&self) -> String {
        let what = match self.metric {
            Precision => format!("precision >= {:.1}%", self.threshold * 100.0),
            Recall => format!("recall >= {:.1}%", self.threshold * 100.0),
            NegativeRate => format!("negatives flagged <= {:.1}%", self.threshold * 100.0),
            MaxFp => format!("false positives <= {}", self.threshold),
            RecallAny => format!("recall (any overlap) >= {:.1}%", self.threshold * 100.0),
            RecallFull => format!("recall (fully covered) >= {:.1}%", self.threshold * 100.0),
            PrecisionAny => format!(
                "precision (overlaps a gold span) >= {:.1}%",
                self.threshold * 100.0
            ),
        };
        let sets = match self.sets {
            Labelling => "every set labelling it".to_string(),
            Prefix(p) => format!("{p}*"),
        };
        format!("{} {what} on {sets}", self.row)
    }

    /// Checks the bar against the rows; returns one message per row that misses it.
    pub fn check(&self, rows: &[Row]) -> Vec<String> {
        rows.iter()
            .filter(|r| r.category == self.row)
            .filter(|r| match self.sets {
                Labelling => r.tp + r.fn_ > 0,
                Prefix(p) => r.set.starts_with(p),
            })
            .filter_map(|r| {
                let (value, ok) = match self.metric {
                    Precision => match r.precision {
                        Some(p) => (p, p >= self.threshold),
                        None => return None,
                    },
                    Recall => match r.recall {
                        Some(v) => (v, v >= self.threshold),
                        None => return None,
                    },
                    NegativeRate => match r.negative_rate() {
                        Some(v) => (v, v <= self.threshold),
                        None => return None,
                    },
                    MaxFp => (r.fp as f64, r.fp as f64 <= self.threshold),
                    RecallAny | RecallFull | PrecisionAny => {
                        let v = match self.metric {
                            RecallAny => r.recall_any,
                            RecallFull => r.recall_full,
                            _ => r.precision_any,
                        }?;
                        (v, v >= self.threshold)
                    }
                };
                (!ok).then(|| {
                    let shown = match self.metric {
                        MaxFp => format!("{value}"),
                        _ => format!("{:.2}%", value * 100.0),
                    };
                    format!("{}: {} (got {shown})", r.set, self.describe())
                })
            })
            .collect()
    }
}

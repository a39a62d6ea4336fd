//! Arrow string arrays read from their buffers, and the units of work (rows, or groups of
//! rows).

/// An Arrow string array as its buffers: `offsets` (i32 or i64 little-endian), `data`,
/// optional `validity` bitmap, and the array's own `offset` and `length`.
pub(super) struct Strings<'a> {
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
    pub(super) fn get(&self, row: usize) -> Result<Option<&'a str>, logscrub::Error> {
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
pub(super) fn units(
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
pub(super) fn rows_of<'a>(
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

#[allow(clippy::too_many_arguments)]
pub(super) fn strings<'a>(
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

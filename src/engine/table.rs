//! Runs against a [`SharedTable`] and runs over a group of records (a ticket's messages): the
//! two building blocks of a batch job whose pieces must agree (the Spark integration of the
//! Python package). No I/O: the caller moves the values and the table between machines.

use super::compiled::Engine;
use super::pipeline::{EngineRef, State};
use super::report::Sanitized;
use crate::error::Error;
use crate::replace::table::{numbers_values, SharedTable, TableValue};

impl Engine {
    /// The first pass of a batch job over `text`: the values that a run with the policy's
    /// numbering strategies (`numbered`, `partial`, `fake`) replaces. Give the values of every
    /// piece to [`SharedTable::build`]; [`Engine::sanitize_with_table`] is the second pass.
    pub fn table_values(&self, text: &str) -> Vec<TableValue> {
        self.values_of(&self.sanitize_with_values(text))
    }

    /// [`Engine::table_values`] of each record of a group, read as
    /// [`Engine::sanitize_group`] reads them.
    pub fn group_table_values(&self, records: &[&str]) -> Vec<TableValue> {
        self.run_group(records, None, true)
            .iter()
            .flat_map(|s| self.values_of(s))
            .collect()
    }

    fn values_of(&self, s: &Sanitized) -> Vec<TableValue> {
        s.findings
            .iter()
            .filter(|f| numbers_values(self.policy.strategy(f.category)))
            .filter_map(|f| {
                Some(TableValue {
                    label: f.label.clone(),
                    category: f.category,
                    value: f.value.clone()?,
                })
            })
            .collect()
    }

    /// [`Engine::sanitize`] with the numbering of `table`: a value of the table gets the
    /// table's replacement. Fails when the run meets a numbered value the table does not
    /// hold (the table was built from other data or another policy): its number would clash
    /// with another piece's.
    pub fn sanitize_with_table(&self, text: &str, table: &SharedTable) -> Result<Sanitized, Error> {
        let mut state = State::new(EngineRef::Borrowed(self), false);
        state.pseudonyms = table.pseudonyms(self.key.as_deref());
        let out = state.process_document(text);
        let done = state.finish(out);
        self.all_in_table(&done)?;
        Ok(done)
    }

    /// Sanitizes each record of a group (the messages of one ticket) knowing what the whole
    /// group teaches: a name learned from one record (a signature, a speaker label, an email
    /// display name) and a value found in one are replaced in every record of the group,
    /// as in one document. Each record keeps its own text and format. The work grows with
    /// the square of the group's size (each record is read with the whole group learned):
    /// meant for tickets, not for whole data sets.
    pub fn sanitize_group(
        &self,
        records: &[&str],
        table: Option<&SharedTable>,
    ) -> Result<Vec<Sanitized>, Error> {
        let done = self.run_group(records, table, false);
        if table.is_some() {
            for s in &done {
                self.all_in_table(s)?;
            }
        }
        Ok(done)
    }

    fn run_group(
        &self,
        records: &[&str],
        table: Option<&SharedTable>,
        with_values: bool,
    ) -> Vec<Sanitized> {
        records
            .iter()
            .map(|record| {
                let mut learner = self.learner();
                for r in records {
                    learner.feed(r);
                    learner.feed("\n");
                }
                let mut stream = self.stream_seeded(learner.finish());
                stream.state.with_values = with_values;
                if let Some(t) = table {
                    stream.state.pseudonyms = t.pseudonyms(self.key.as_deref());
                }
                let head = stream.feed(record);
                let mut done = stream.finish();
                done.text.insert_str(0, &head);
                done
            })
            .collect()
    }

    fn all_in_table(&self, done: &Sanitized) -> Result<(), Error> {
        let missing = done
            .mapping
            .entries
            .iter()
            .filter(|e| numbers_values(self.policy.strategy(e.category)))
            .count();
        if missing > 0 {
            return Err(Error::Input(format!(
                "{missing} value(s) to number are not in the shared table (was it built from \
                 the same data with the same policy?); their numbers would clash with other \
                 pieces, so the output is withheld"
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::policy::Policy;
    use crate::replace::table::SharedTable;

    #[test]
    fn pieces_sanitized_apart_agree_through_the_table() {
        let e = Engine::new(Policy::default()).unwrap();
        let pieces = [
            "mail zed@contoso.com from 10.0.0.9",
            "mail amy@contoso.com, cc zed@contoso.com",
        ];
        let values = pieces.iter().flat_map(|p| e.table_values(p));
        let table = SharedTable::build(e.policy(), values);
        assert_eq!(table.len(), 3);
        let out: Vec<String> = pieces
            .iter()
            .map(|p| e.sanitize_with_table(p, &table).unwrap().text)
            .collect();
        assert_eq!(out[0], "mail [EMAIL-2] from [IPV4-1]");
        assert_eq!(out[1], "mail [EMAIL-1], cc [EMAIL-2]");
        // A value the table does not hold is refused, not numbered on its own.
        assert!(e.sanitize_with_table("bob@contoso.com", &table).is_err());
    }

    #[test]
    fn a_name_learned_in_one_record_is_replaced_in_the_others() {
        let e = Engine::new(Policy::default()).unwrap();
        let records = [
            "Zorbina will call back",
            "From: Zorbina Quell <zq@contoso.com>\nTo: help@contoso.com\n\nhello",
        ];
        let alone = e.sanitize(records[0]).text;
        assert!(alone.contains("Zorbina"), "{alone}");
        let grouped = e.sanitize_group(&records, None).unwrap();
        assert!(!grouped[0].text.contains("Zorbina"), "{}", grouped[0].text);
        assert!(!grouped[1].text.contains("Zorbina"), "{}", grouped[1].text);
    }
}

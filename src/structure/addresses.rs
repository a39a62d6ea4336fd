//! Address lists as mail headers, CSV columns and ticket fields write them: the display
//! names of the people in them.

/// Display names in an address list: `Jane Doe <jane@x.com>, "Doe, John" <j@y.org>`.
pub fn display_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let b = s.as_bytes();
    let mut i = 0;
    let mut in_quotes = false;
    while i < b.len() {
        match b.get(i) {
            Some(b'"') => in_quotes = !in_quotes,
            Some(b',') if !in_quotes => from = i + 1,
            Some(b'<') if !in_quotes => {
                if let Some(name) = s.get(from..i) {
                    // `Karim Benali (Acme Support) <k@x>`: a comment is not part of the name.
                    let name = match (name.find('('), name.rfind(')')) {
                        (Some(o), Some(c)) if o < c && !in_quotes => name.get(..o).unwrap_or(""),
                        _ => name,
                    };
                    let name = name.trim().trim_matches('"').trim();
                    if !name.is_empty() && !name.contains('@') {
                        out.push(name);
                    }
                }
                // Skip to the closing bracket.
                while i < b.len() && b.get(i) != Some(&b'>') {
                    i += 1;
                }
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_display_names() {
        assert_eq!(
            display_names(r#"Jane Doe <jane@x.com>, "Doe, John" <j@y.org>, bare@z.com"#),
            vec!["Jane Doe", "Doe, John"]
        );
        assert_eq!(
            display_names("Karim Benali (Acme Support) <k@x.example>"),
            vec!["Karim Benali"]
        );
        assert!(display_names("<a@b.com>").is_empty());
        assert!(display_names("a@b.com <a@b.com>").is_empty());
    }
}

//! CSV exports with a header row: columns recognised by name (email, ip, phone, location,
//! latitude, name, ...), and rows that are internal notes by their flag column.
//!
//! Spans stay inside one cell (inside the quotes of a quoted cell), so the output keeps its
//! columns; placeholders contain no delimiter or quote.

use super::names::{Learned, Role};
use super::{is_placeholder, squash, Context, Sink, NOTICE_FLAG_UNKNOWN};
use crate::vocab::{Category, Finding};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Col {
    Field(Category, Option<&'static str>),
    /// An address column: an email when the cell has `@`, else a postal address.
    Address,
    Name(Role),
    Body,
    /// A column whose text is always internal (`work_notes`, `internal_note`).
    AlwaysInternal,
    Flag(Flag),
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flag {
    /// true = public.
    Public,
    /// true = internal.
    Private,
    Visibility,
    /// `note`, `internal-note`, `work_notes`, `COMMENT` mark a note; anything else is public.
    Type,
    Tags,
}

/// The header of a CSV run: delimiter and column roles.
#[derive(Clone, Debug)]
pub struct Columns {
    delim: u8,
    cols: Vec<Col>,
}

fn column(name: &str) -> Col {
    let k = squash(name);
    let k = k.as_ref();
    match k {
        "public" | "ispublic" | "ispublished" | "isexternallyvisible" | "jsdpublic" => {
            Col::Flag(Flag::Public)
        }
        "private" | "isprivate" | "internal" | "isinternal" => Col::Flag(Flag::Private),
        "visibility" => Col::Flag(Flag::Visibility),
        "type" | "parttype" | "messagetype" | "channel" | "element" => Col::Flag(Flag::Type),
        "tags" => Col::Flag(Flag::Tags),
        "worknotes"
        | "internalnote"
        | "internalnotes"
        | "privatenote"
        | "notetext"
        | "hsnotebody"
        | "commentsandworknotes" => Col::AlwaysInternal,
        "body" | "comment" | "commentbody" | "text" | "message" | "content" | "value"
        | "textbody" | "htmlbody" | "plainbody" | "bodytext" | "bodyhtml" | "note" | "notes"
        | "msg" | "richtext" => Col::Body,
        "ip" | "ipaddress" | "clientip" | "remoteip" | "ipaddr" => Col::Field(Category::Ipv4, None),
        "latitude" | "longitude" | "lat" | "lng" | "lon" => Col::Field(Category::Coordinates, None),
        "location" | "city" => Col::Field(Category::Custom, Some("LOCATION")),
        "address" | "from" | "to" | "cc" | "bcc" => Col::Address,
        "authorid" | "createdbyid" | "accountid" | "requesterid" | "submitterid" => {
            Col::Field(Category::Custom, Some("USER_ID"))
        }
        "customername" | "requestername" | "contactname" | "visitorname" | "customer"
        | "requester" => Col::Name(Role::Customer),
        "agentname" | "assigneename" | "agent" | "assignee" | "syscreatedby" | "createdby"
        | "owner" | "ownername" => Col::Name(Role::Agent),
        "name" | "fullname" | "displayname" | "firstname" | "lastname" | "authorname"
        | "author" | "sendername" | "fromname" | "submittername" | "commentername" => {
            Col::Name(Role::Unknown)
        }
        _ if k.contains("email") => Col::Field(Category::Email, None),
        _ if k.contains("phone") || k == "mobile" => Col::Field(Category::Phone, None),
        _ => Col::Other,
    }
}

fn delimiter(line: &str) -> Option<u8> {
    [b',', b';', b'\t']
        .into_iter()
        .map(|d| (d, line.bytes().filter(|&b| b == d).count()))
        .filter(|&(_, n)| n >= 1)
        .max_by_key(|&(_, n)| n)
        .map(|(d, _)| d)
}

fn header_of(line: &str) -> Option<Columns> {
    let delim = delimiter(line)?;
    let mut names = Vec::new();
    for (s, e) in cells(line, 0, line.len(), delim).0 {
        let name = line.get(s..e)?.trim();
        if name.is_empty()
            || name.len() > 40
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'))
        {
            return None;
        }
        names.push(name);
    }
    if names.len() < 2 {
        return None;
    }
    let cols: Vec<Col> = names.iter().map(|n| column(n)).collect();
    cols.iter()
        .any(|c| *c != Col::Other)
        .then_some(Columns { delim, cols })
}

/// A header row with at least one known column and a second line.
pub fn looks_like_csv(t: &str) -> bool {
    let mut lines = t.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    lines.next().is_some() && header_of(first.trim_end()).is_some()
}

/// Cell spans (inside quotes) of one record starting at `start`; returns the spans and the
/// offset after the record (records may span lines inside quotes).
fn cells(t: &str, start: usize, end: usize, delim: u8) -> (Vec<(usize, usize)>, usize) {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    loop {
        if b.get(i) == Some(&b'"') {
            let s = i + 1;
            let mut j = s;
            loop {
                match b.get(j) {
                    None => break,
                    Some(b'"') if b.get(j + 1) == Some(&b'"') => j += 2,
                    Some(b'"') => break,
                    Some(_) => j += 1,
                }
                if j >= end {
                    break;
                }
            }
            out.push((s, j.min(end)));
            i = j + 1;
            // Skip anything between the closing quote and the delimiter.
            while i < end && !matches!(b.get(i), Some(&c) if c == delim || c == b'\n') {
                i += 1;
            }
        } else {
            let s = i;
            while i < end && !matches!(b.get(i), Some(&c) if c == delim || c == b'\n') {
                i += 1;
            }
            let mut e = i;
            if e > s && b.get(e - 1) == Some(&b'\r') {
                e -= 1;
            }
            out.push((s, e));
        }
        match b.get(i) {
            Some(&c) if c == delim && i < end => i += 1,
            Some(b'\n') => return (out, i + 1),
            _ => return (out, end.max(i)),
        }
    }
}

pub fn analyze(t: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let mut pos = 0;
    if ctx.csv.is_none() {
        let first_end = t.find('\n').unwrap_or(t.len());
        match header_of(t.get(..first_end).unwrap_or("").trim_end()) {
            Some(h) => ctx.csv = Some(h),
            None => return super::text::analyze(t, 0, sink, learned, ctx),
        }
        pos = (first_end + 1).min(t.len());
    }
    let Some(h) = ctx.csv.clone() else { return };
    let mut unknown = false;
    while pos < t.len() {
        let (spans, next) = cells(t, pos, t.len(), h.delim);
        if next <= pos {
            break;
        }
        pos = next;
        let cell = |i: usize| -> Option<(usize, usize, &str)> {
            let &(s, e) = spans.get(i)?;
            Some((s, e, t.get(s..e)?))
        };
        // Decide the row's visibility from its flag columns.
        let mut internal = false;
        let mut has_flag = false;
        for (i, c) in h.cols.iter().enumerate() {
            let Col::Flag(flag) = c else { continue };
            let v = cell(i)
                .map(|c| c.2.trim().to_ascii_lowercase())
                .unwrap_or_default();
            let decided = match flag {
                Flag::Public => truthy(&v).map(|b| !b),
                Flag::Private => truthy(&v),
                Flag::Visibility => match v.as_str() {
                    "allusers" | "public" => Some(false),
                    "internalusers" | "private" | "internal" => Some(true),
                    _ => None,
                },
                Flag::Type => Some(
                    matches!(
                        v.as_str(),
                        "note" | "internal-note" | "internal_note" | "work_notes" | "internal"
                    ) || cell(i).is_some_and(|c| c.2.trim() == "COMMENT"),
                ),
                Flag::Tags => Some(v.split(',').any(|x| x.trim() == "private")),
            };
            match decided {
                Some(true) => {
                    internal = true;
                    has_flag = true;
                }
                Some(false) => has_flag = true,
                None => {
                    if matches!(flag, Flag::Public | Flag::Private | Flag::Visibility) {
                        internal = true;
                        unknown = true;
                        has_flag = true;
                    }
                }
            }
        }
        let _ = has_flag;
        for (i, c) in h.cols.iter().enumerate() {
            let Some((s, e, raw)) = cell(i) else { continue };
            if is_placeholder(raw) {
                continue;
            }
            match c {
                Col::Body if internal => sink.note(
                    "structure.csv.internal_row",
                    s,
                    e,
                    "internal row of a CSV export",
                ),
                Col::AlwaysInternal => sink.note(
                    "structure.csv.internal_column",
                    s,
                    e,
                    "internal column of a CSV export",
                ),
                Col::Field(cat, label) => {
                    let cat = if *cat == Category::Ipv4 && raw.contains(':') {
                        Category::Ipv6
                    } else {
                        *cat
                    };
                    sink.field(cat, *label, "structure.csv.column", s, e);
                }
                Col::Address if raw.contains('@') => {
                    sink.field(Category::Email, None, "structure.csv.column", s, e);
                    for n in super::addresses::display_names(raw) {
                        learned.add(n, Role::Unknown);
                    }
                }
                Col::Name(role) => {
                    let value = raw.replace("\"\"", "\"");
                    let clean = super::names::clean(&value);
                    if clean.is_none() && super::names::is_generic(&value) {
                        continue;
                    }
                    let mut f = Finding::new(
                        Category::Name,
                        "structure.csv.name_column",
                        s,
                        e,
                        "name column of a CSV export",
                    );
                    f.label = Some(
                        match if internal && *role == Role::Unknown {
                            Role::Agent
                        } else {
                            *role
                        } {
                            Role::Customer => "CUSTOMER",
                            Role::Agent => "AGENT",
                            Role::Unknown => "NAME",
                        }
                        .to_string(),
                    );
                    f.key = Some(clean.clone().unwrap_or_else(|| value.trim().to_string()));
                    sink.out.push(f);
                    // The author of an internal row is an agent.
                    let role = if internal && *role == Role::Unknown {
                        Role::Agent
                    } else {
                        *role
                    };
                    if clean.is_some() {
                        learned.add(&value, role);
                    }
                }
                _ => {}
            }
        }
    }
    if unknown {
        ctx.notice(NOTICE_FLAG_UNKNOWN);
    }
}

fn truthy(v: &str) -> Option<bool> {
    match v {
        "true" | "yes" | "y" | "1" => Some(true),
        "false" | "no" | "n" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn run(t: &str) -> (Vec<(String, Category)>, Vec<String>) {
        let mut out = Vec::new();
        let mut ctx = Context::default();
        super::super::analyze(t, &Policy::default(), &mut ctx, &mut out);
        (
            out.iter()
                .map(|f| (t[f.start..f.end].to_string(), f.category))
                .collect(),
            ctx.take_notices(),
        )
    }

    #[test]
    fn cells_are_quote_aware() {
        let t = "a,\"b,\"\"c\"\"\nd\",e\nx";
        let (spans, next) = cells(t, 0, t.len(), b',');
        let got: Vec<&str> = spans.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(got, vec!["a", "b,\"\"c\"\"\nd", "e"]);
        assert_eq!(&t[next..], "x");
    }

    #[test]
    fn internal_rows_and_columns() {
        let t = "id,public,author_name,author_email,ip_address,body\n1,true,Jane Doe,jane@x.com,203.0.113.5,\"Hello, my order\"\n2,false,Omar Haddad,omar@acme.io,10.0.0.1,\"VIP, refund ok\"\n3,,Omar Haddad,omar@acme.io,10.0.0.1,unclear\n";
        let (f, notices) = run(t);
        let notes: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == Category::InternalNote)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(notes, vec!["VIP, refund ok", "unclear"]);
        assert!(f.contains(&("jane@x.com".into(), Category::Email)));
        assert!(f.contains(&("203.0.113.5".into(), Category::Ipv4)));
        assert!(f.contains(&("Jane Doe".into(), Category::Name)));
        assert_eq!(notices, vec![NOTICE_FLAG_UNKNOWN.to_string()]);
    }
}

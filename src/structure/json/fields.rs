//! Fields by key: personal data by key name, and people's names and roles from name fields.

use super::keys::is_coordinate_pair;
use super::parse::get;
use super::parse::{decode, Node};
use super::walk::Walker;
use crate::structure::is_placeholder;
use crate::structure::names::Role;
use crate::vocab::Category;
use std::borrow::Cow;

impl Walker<'_, '_, '_> {
    pub(super) fn role(&self, m: &[(Cow<str>, Node)], parent: &str) -> Role {
        match parent {
            "customer" | "visitor" | "requester" | "contact" | "submitter" => {
                return Role::Customer
            }
            "assignee" | "assignedto" | "agent" | "admin" | "teammate" | "owner" => {
                return Role::Agent
            }
            _ => {}
        }
        if let Some(nick) = self.lower_of(get(m, "nick")) {
            if nick.starts_with("agent") {
                return Role::Agent;
            }
            if nick.starts_with("visitor") {
                return Role::Customer;
            }
        }
        let t = self
            .lower_of(get(m, "type"))
            .or_else(|| self.lower_of(get(m, "role")))
            .unwrap_or_default();
        match t.as_str() {
            "admin" | "bot" | "team" | "agent" | "operator" => Role::Agent,
            // Help Scout's `createdBy.type: user` is a mailbox user, i.e. an agent.
            "user" if parent == "createdby" => Role::Agent,
            "user" | "lead" | "contact" | "customer" | "visitor" | "end-user" | "end_user"
            | "enduser" => Role::Customer,
            _ => Role::Unknown,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn field(
        &mut self,
        sk: &str,
        parent: &str,
        person: bool,
        role: Role,
        m: &[(Cow<str>, Node)],
        v: &Node,
    ) {
        let email_ish = |s: &str| s.contains('@');
        let (category, label): (Category, Option<&str>) = match sk {
            "email" | "emailaddress" | "fromemail" | "toemails" | "ccemails" | "bccemails"
            | "supportemail" | "commenteremail" | "replyccemails" | "fwdemails" | "fromaddress"
            | "toaddress" | "ccaddress" | "bccaddress" | "fromemailaddress" | "replyto" => {
                (Category::Email, None)
            }
            "to" | "cc" | "bcc" | "handle" | "address" => match v {
                Node::Str(..) => {
                    let s = self.str_of(Some(v)).unwrap_or_default();
                    if email_ish(&s) {
                        (Category::Email, None)
                    } else if sk == "address" && person {
                        (Category::Custom, Some("ADDRESS"))
                    } else {
                        return;
                    }
                }
                Node::Arr(_) => (Category::Email, None),
                _ => return,
            },
            "ipaddress" | "ip" | "clientip" | "remoteip" | "ipaddr" | "lastip"
            | "lastipaddress" | "visitorip" => {
                let s = self.str_of(Some(v)).unwrap_or_default();
                (
                    if s.contains(':') {
                        Category::Ipv6
                    } else {
                        Category::Ipv4
                    },
                    None,
                )
            }
            "latitude" | "longitude" | "lat" | "lng" | "lon" => (Category::Coordinates, None),
            "location" | "city" => {
                // `"location": "40.71280, -74.00600"` is a coordinate pair, not a place name.
                let s = self.str_of(Some(v)).unwrap_or_default();
                if is_coordinate_pair(&s) {
                    (Category::Coordinates, None)
                } else {
                    (Category::Custom, Some("LOCATION"))
                }
            }
            // A user agent (`"client": "Mozilla/5.0 ..."`) names a browser, not a person: it
            // is left as it is, and its versions are not addresses (issue 13).
            "phone" | "phonenumber" | "mobile" | "mobilephone" | "telephone" | "workphone"
            | "homephone" => (Category::Phone, None),
            "authorid" | "createdbyid" | "accountid" | "requesterid" | "submitterid" => {
                (Category::Custom, Some("USER_ID"))
            }
            "id" if parent == "user" => (Category::Custom, Some("USER_ID")),
            "timezone" if parent == "author" => (Category::Custom, Some("TIMEZONE")),
            "headers" => (Category::Custom, Some("EMAIL_HEADERS")),
            "value" => {
                // HubSpot delivery identifiers: {"type": "HS_EMAIL_ADDRESS", "value": ...}.
                let t = self.str_of(get(m, "type")).unwrap_or_default();
                if t.starts_with("HS_EMAIL") {
                    (Category::Email, None)
                } else if t.starts_with("HS_PHONE") {
                    (Category::Phone, None)
                } else {
                    return;
                }
            }
            "displayname" | "customername" | "requestername" | "authorname" | "fullname"
            | "firstname" | "lastname" | "fromname" | "visitorname" | "createdbyname"
            | "syscreatedby" | "sysupdatedby" | "commentername" | "username" => {
                self.name_field(v, role_for(sk, role));
                return;
            }
            "name" | "first" | "last" if person => {
                self.name_field(v, role);
                return;
            }
            _ => return,
        };
        self.mark_field(v, category, label);
        // `Jane Doe <jane@x.com>` in an address field teaches a name.
        if category == Category::Email {
            self.learn_display_names(v);
        }
    }

    pub(super) fn learn_display_names(&mut self, v: &Node) {
        match v {
            Node::Str(..) => {
                if let Some(s) = self.str_of(Some(v)) {
                    let names: Vec<String> = crate::structure::addresses::display_names(&s)
                        .into_iter()
                        .map(str::to_string)
                        .collect();
                    for n in names {
                        self.learned.add(&n, Role::Unknown);
                    }
                }
            }
            Node::Arr(items) => {
                for it in items {
                    self.learn_display_names(it);
                }
            }
            _ => {}
        }
    }

    pub(super) fn mark_field(&mut self, v: &Node, category: Category, label: Option<&str>) {
        match v {
            Node::Str(s, e) => {
                let raw = self.t.get(*s..*e).unwrap_or("");
                if !is_placeholder(raw) {
                    self.sink
                        .field(category, label, "structure.json.field", *s, *e);
                }
            }
            Node::Num(s, e) => {
                self.sink
                    .field(category, label, crate::structure::RULE_JSON_NUMBER, *s, *e);
            }
            Node::Arr(items) => {
                for it in items {
                    self.mark_field(it, category, label);
                }
            }
            _ => {}
        }
    }

    pub(super) fn full_name(&self, m: &[(Cow<str>, Node)]) -> Option<String> {
        let part = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| self.str_of(get(m, k)))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && !is_placeholder(s))
        };
        let first = part(&["first", "firstname"])?;
        let last = part(&["last", "lastname"])?;
        Some(format!("{first} {last}"))
    }

    pub(super) fn name_field(&mut self, v: &Node, role: Role) {
        self.name_value(v, role, None);
    }

    /// A name field's value; `full` is the whole name when the field holds one part.
    pub(super) fn name_value(&mut self, v: &Node, role: Role, full: Option<&str>) {
        match v {
            Node::Str(s, e) => {
                let raw = self.t.get(*s..*e).unwrap_or("");
                if is_placeholder(raw) {
                    return;
                }
                let value = decode(self.t, *s, *e).unwrap_or(Cow::Borrowed(raw));
                let clean = crate::structure::names::clean(&value);
                if clean.is_none() && crate::structure::names::is_generic(&value) {
                    return;
                }
                let mut f = crate::detect::Finding::new(
                    Category::Name,
                    "structure.json.name_field",
                    *s,
                    *e,
                    "name field of a support export",
                );
                f.label = Some(role_label(role).to_string());
                let own = clean.clone().unwrap_or_else(|| value.trim().to_string());
                f.key = Some(full.and_then(crate::structure::names::clean).unwrap_or(own));
                self.sink.out.push(f);
                if clean.is_some() && full.is_none() {
                    self.learned.add(&value, role);
                }
            }
            Node::Arr(items) => {
                for it in items {
                    self.name_value(it, role, full);
                }
            }
            _ => {}
        }
    }
}

fn role_for(key: &str, role: Role) -> Role {
    match key {
        "customername" | "requestername" | "visitorname" => Role::Customer,
        "syscreatedby" | "sysupdatedby" => Role::Agent,
        _ => role,
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Unknown => "NAME",
        Role::Customer => "CUSTOMER",
        Role::Agent => "AGENT",
    }
}

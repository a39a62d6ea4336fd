//! The words every layer shares, at the bottom of the crate: it imports nothing of ours but
//! [`crate::error`].
//!
//! - [`Category`] and [`Finding`]: what a detector reports;
//! - [`placeholder`]: the grammar of the placeholders the output holds;
//! - [`normalise`]: when two occurrences are the same value;
//! - [`Cidr`]: an IP range, as the policy's allowlist writes it.

mod category;
mod cidr;
mod finding;
pub mod placeholder;
mod value;

pub use category::Category;
pub use cidr::Cidr;
pub use finding::Finding;
pub use value::normalise;

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

//! `Secret`: the SMTP password while it is in memory.
//!
//! Architecture Invariant: a password never reaches a log line, an error
//! message, an IPC response or a file. This type makes the easy mistakes
//! impossible or harmless:
//! - `Debug` and `Display` print `[redacted]`, so `{:?}` on a struct that
//!   holds one, a `tracing` field or a panic message shows nothing;
//! - it has **no `Serialize` impl on purpose**: a payload or settings struct
//!   holding a `Secret` cannot be serialized (to JSON, to IPC, to the
//!   database) without a compile error. Do not add one; to hand the value to
//!   the keychain or the SMTP login, call [`Secret::expose`], which is easy
//!   to find in review;
//! - it implements `Deserialize`, so input payloads (the settings form)
//!   receive the password straight into it;
//! - its buffer is zeroed when it is dropped (`zeroize`). That is best
//!   effort: copies made before it was wrapped (a `String` that grew while
//!   being read) or by libraries it is handed to are outside its reach.

use serde::{Deserialize, Deserializer};
use std::fmt;
use zeroize::Zeroize;

/// A password (or other secret text). See the module documentation.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value; the `String` is moved, not copied.
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The secret itself, for the one place that needs it (the keychain,
    /// the SMTP login). Never format or log what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret(value.to_string())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn debug_and_display_redact() {
        let s = Secret::from("hunter2-very-secret");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some([redacted])");
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Holder {
            password: Secret,
        }
        let h = format!("{:?}", Holder { password: s.clone() });
        assert!(!h.contains("hunter2"), "{h}");
        assert_eq!(s.expose(), "hunter2-very-secret");
    }

    #[test]
    fn deserializes_from_a_plain_string() {
        let s: Option<Secret> = serde_json::from_str("\"pw from the form\"").expect("json");
        assert_eq!(s.as_ref().map(Secret::expose), Some("pw from the form"));
    }
}

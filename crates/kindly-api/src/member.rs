//! Who is using this Kindly (issue #19's who did what): the member's name,
//! kept in the data folder's `member.json` rather than in the database,
//! because a team database is shared and each member has their own name.
//! The edges read it when they open the store and hand it to
//! `Store::set_member`, so every timeline entry, payment and change records
//! it. Settings → Your name and `kindly team name` change it.

use crate::{ApiError, ApiResult};
use kindly_core::ErrorCode;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The file in the data folder.
pub const MEMBER_FILE: &str = "member.json";

/// The longest name, in characters: a name shown in a timeline line.
pub const MAX_NAME_CHARS: usize = 60;

/// What `member.json` holds, and what Settings shows and saves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberSettings {
    /// The name others see next to this person's changes; none: unnamed.
    #[serde(default)]
    pub name: Option<String>,
}

/// A name as typed: trimmed; empty, too long, or holding a line break or
/// another control character is refused (it is shown in one line).
pub fn validate_name(raw: &str) -> ApiResult<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Type your name, as your team should see it.", Some("name")));
    }
    if name.chars().any(char::is_control) {
        return Err(ApiError::new(
            ErrorCode::ControlCharacters,
            "The name must not contain line breaks or control characters.",
            Some("name"),
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::new(
            ErrorCode::TooLong,
            format!("The name is longer than {MAX_NAME_CHARS} characters; shorten it."),
            Some("name"),
        ));
    }
    Ok(name.to_string())
}

/// The data folder's member settings (none saved: unnamed). A file that
/// cannot be read is an error, not a silent "unnamed".
pub fn read(data_dir: &Path) -> ApiResult<MemberSettings> {
    let path = data_dir.join(MEMBER_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(MemberSettings::default()),
        Err(e) => return Err(crate::files::io_error("read", &path, &e)),
    };
    let settings: MemberSettings = serde_json::from_str(&text).map_err(|e| {
        ApiError::new(
            ErrorCode::IoError,
            format!("{} cannot be read ({e}); save your name again, or remove the file.", path.display()),
            None,
        )
    })?;
    // A hand-edited file is held to the same rule as a typed name.
    match settings.name {
        Some(n) => Ok(MemberSettings { name: Some(validate_name(&n)?) }),
        None => Ok(settings),
    }
}

/// The member's name to hand to the store (none when unnamed). A damaged
/// file is logged and the store opens unnamed: a name is not worth refusing
/// to start over.
pub fn name_for_store(data_dir: &Path) -> Option<String> {
    match read(data_dir) {
        Ok(s) => s.name,
        Err(e) => {
            tracing::warn!(code = %e.code, "the member's name could not be read: {}", e.message);
            None
        }
    }
}

/// Saves the member's name (`None`: clears it; a blank name is refused,
/// so an empty field never clears a name by accident) and returns what was saved.
pub fn save(data_dir: &Path, name: Option<&str>) -> ApiResult<MemberSettings> {
    let name = name.map(validate_name).transpose()?;
    let settings = MemberSettings { name };
    let json =
        serde_json::to_string_pretty(&settings).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string(), None))?;
    crate::files::write_atomic(&data_dir.join(MEMBER_FILE), format!("{json}\n").as_bytes())?;
    tracing::info!(named = settings.name.is_some(), "the member's name was saved");
    Ok(settings)
}

/// Settings → Your name: saves the name and names the open store's
/// member at once (`store`: none while the database is away; it is named
/// when it opens).
pub fn save_settings(
    data_dir: &Path,
    store: Option<&kindly_store::Store>,
    input: &MemberSettings,
) -> ApiResult<MemberSettings> {
    let saved = save(data_dir, input.name.as_deref())?;
    if let Some(store) = store {
        store.set_member(saved.name.clone());
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_refused_when_empty_too_long_or_holding_control_characters() {
        assert_eq!(validate_name("  Anna Schmidt \t").unwrap(), "Anna Schmidt");
        assert_eq!(validate_name("Zoë Ørsted-Łukasz").unwrap(), "Zoë Ørsted-Łukasz");
        assert_eq!(validate_name("   ").unwrap_err().code, ErrorCode::Required);
        assert_eq!(validate_name("").unwrap_err().code, ErrorCode::Required);
        for bad in ["Anna\nSchmidt", "Anna\rSchmidt", "An\u{7}na", "Anna\u{0}", "An\u{85}na"] {
            assert_eq!(validate_name(bad).unwrap_err().code, ErrorCode::ControlCharacters, "{bad:?}");
        }
        let long = "ä".repeat(MAX_NAME_CHARS);
        assert_eq!(validate_name(&long).unwrap(), long, "the limit counts characters, not bytes");
        let e = validate_name(&format!("{long}x")).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::TooLong, Some("name")));
    }

    #[test]
    fn the_name_is_saved_read_back_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), MemberSettings { name: None });
        assert_eq!(save(dir.path(), Some(" Anna ")).unwrap().name.as_deref(), Some("Anna"));
        assert_eq!(read(dir.path()).unwrap().name.as_deref(), Some("Anna"));
        assert_eq!(name_for_store(dir.path()).as_deref(), Some("Anna"));
        assert_eq!(save(dir.path(), Some("bad\nname")).unwrap_err().code, ErrorCode::ControlCharacters);
        assert_eq!(save(dir.path(), Some("  ")).unwrap_err().code, ErrorCode::Required);
        assert_eq!(read(dir.path()).unwrap().name.as_deref(), Some("Anna"), "a refused name changes nothing");
        assert_eq!(save(dir.path(), None).unwrap().name, None);
        assert_eq!(read(dir.path()).unwrap().name, None);
        std::fs::write(dir.path().join(MEMBER_FILE), "{ not json").unwrap();
        assert_eq!(read(dir.path()).unwrap_err().code, ErrorCode::IoError);
        assert_eq!(name_for_store(dir.path()), None);
    }
}

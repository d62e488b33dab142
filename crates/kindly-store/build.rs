//! Embeds the migrations of both engines: writes `$OUT_DIR/migrations.rs`,
//! one `(version, file name, include_str!(file))` per file of `migrations`
//! (SQLite) and `migrations-pg` (PostgreSQL), read by `src/schema.rs`.
//!
//! What `sqlx::migrate!` did, without sqlx's "macros" feature: that feature
//! compiled sqlx, both drivers, SQLite's C code, ring and rustls once more
//! for the compiler (docs/dependencies.md). The folders are watched, since
//! cargo does not notice a new file in a folder by itself (a new migration
//! was once silently left out of an incremental build).
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let mut out = String::new();
    for (name, folder) in [("SQLITE", "migrations"), ("POSTGRES", "migrations-pg")] {
        println!("cargo:rerun-if-changed={folder}");
        let _ = writeln!(out, "pub(crate) const {name}: &[(i64, &str, &str)] = &[");
        for (version, file, path) in files(&Path::new(&manifest).join(folder)) {
            let _ = writeln!(out, "    ({version}, {file:?}, include_str!({path:?})),");
        }
        out.push_str("];\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("migrations.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// The folder's migrations by version: `<version>_<description>.sql`, as
/// sqlx names them; other files are left out, as sqlx leaves them.
fn files(folder: &Path) -> Vec<(i64, String, String)> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot read the migrations in {}: {e}", folder.display()),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((version, rest)) = name.split_once('_') else { continue };
        if !path.is_file() || !rest.ends_with(".sql") {
            continue;
        }
        let Ok(version) = version.parse::<i64>() else {
            panic!("{}: a migration's name starts with its version (0001_…)", path.display())
        };
        files.push((version, rest.to_owned(), path.to_string_lossy().into_owned()));
    }
    files.sort();
    files
}

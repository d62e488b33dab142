//! Rebuilds the store when a migration is added: `sqlx::migrate!` embeds
//! the folders' files at compile time, and cargo does not watch a folder
//! for new files by itself (a new migration was silently left out of an
//! incremental build).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=migrations-pg");
}

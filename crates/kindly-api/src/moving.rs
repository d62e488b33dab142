//! Moving in (issue #19): `kindly migrate --to postgres://…` copies this
//! data folder's database and every stored file into an empty PostgreSQL
//! database, verified (see kindly-store's `migrate`). The data folder is
//! only read: it stays as it was, whatever happens.

use crate::database::{Choice, Prepared, TeamConnectInput, TeamUrl};
use crate::{ApiResult, Ctx};
use kindly_core::vocab::DatabaseSource;
use kindly_store::FileToKeep;
use serde::Serialize;
use ts_rs::TS;

/// One table moved and verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TableMovedView {
    pub table: String,
    #[ts(type = "number")]
    pub rows: i64,
}

/// What a move copied; all of it verified in the target before it committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MoveView {
    /// The target, without its password.
    pub to: String,
    pub tables: Vec<TableMovedView>,
    #[ts(type = "number")]
    pub rows: i64,
    #[ts(type = "number")]
    pub files: usize,
    #[ts(type = "number")]
    pub file_bytes: u64,
}

/// Moves this data folder into the empty PostgreSQL database at `url`.
pub async fn move_to_postgres(ctx: Ctx<'_>, url: &str) -> ApiResult<MoveView> {
    // Connected as any team database is: the URL's password, else the
    // keychain's (`kindly team connect` saved it), with its sslmode and CA.
    let choice = Choice::Team { url: TeamUrl::parse(url)?, source: DatabaseSource::Flag };
    let target = crate::database::open(&choice).await?;
    move_into(ctx, target).await
}

/// Settings → Team database → "Move this folder's data in": moves this data
/// folder into the empty team database the form names and, only once every
/// row and file is verified there, connects the folder to it (the password
/// to the keychain) as `connect` does. A refusal (not empty, unreachable,
/// a failed check) connects nothing and leaves both sides as they were.
pub async fn move_in(ctx: Ctx<'_>, input: TeamConnectInput) -> ApiResult<MoveView> {
    let team = Prepared::from_input(input)?;
    let target = team.open().await?;
    let moved = move_into(ctx, target).await?;
    team.save(&crate::files::data_dir(ctx)).await?;
    Ok(moved)
}

async fn move_into(ctx: Ctx<'_>, target: kindly_store::Store) -> ApiResult<MoveView> {
    let data = crate::files::data_dir(ctx);
    let files: Vec<FileToKeep> = match crate::backup::archive::stored_files(&data, &[]) {
        Ok(f) => f.into_iter().map(|(path, full_path)| FileToKeep { path, full_path }).collect(),
        Err(e) => {
            target.close().await;
            return Err(e);
        }
    };
    let moved = ctx.store.move_into(&target, &files, ctx.now).await;
    let to = target.path().display().to_string();
    target.close().await;
    let r = moved?;
    Ok(MoveView {
        to,
        rows: r.tables.iter().map(|t| t.rows).sum(),
        tables: r.tables.into_iter().map(|t| TableMovedView { table: t.table, rows: t.rows }).collect(),
        files: r.files,
        file_bytes: r.file_bytes,
    })
}

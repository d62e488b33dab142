//! Backup and restore on real data folders: a backup taken while another
//! connection writes, a restore that passes `integrity_check` and answers
//! the same queries with the same files, and every bad archive (tampered,
//! truncated, not a backup, no manifest, a part missing, a newer schema, a
//! path escaping the target) refused with its own code and nothing written;
//! `kill -9` during `kindly restore` and `kindly backup` leaves the target
//! absent and the data as it was; automatic backups and the app's swap.

use chrono::Duration;
use kindly_api::backup::{self, BackupNowRequest, BackupSettingsInput};
use kindly_api::clients::ClientListRequest;
use kindly_api::invoices::InvoiceListRequest;
use kindly_api::timeline::NoteInput;
use kindly_api::{ApiError, Ctx};
use kindly_store::Store;
use kindly_tests::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const DAY: &str = "2026-11-23";

/// A data folder with clients, invoices, payments, notes and stored files.
async fn sample(db: &TestDb) {
    let ctx = on(&db.store, DAY);
    for i in 0..5 {
        let c = create_client(ctx, &client_input(&format!("Client {i}"), vec![format!("c{i}@example.net")])).await;
        for j in 0..3 {
            let inv = create_invoice(
                ctx,
                &issued_invoice(
                    c,
                    "2026-09-01",
                    "2026-10-01",
                    "EUR",
                    vec![line(&format!("Work {j}"), "2", "150", "19")],
                ),
            )
            .await;
            if j == 0 {
                pay(ctx, inv, "100").await;
            }
        }
        kindly_api::timeline::add_note(ctx, &NoteInput { client_id: c, invoice_id: None, text: format!("Called {i}") })
            .await
            .unwrap();
    }
    let dir = db.dir.path();
    for (rel, body) in [
        ("letters/letters-2026-11-23-101010-aa.pdf", &b"%PDF-1.7 letter"[..]),
        ("attachments/0123abcd-reply.eml", b"From: a@example.net\r\n\r\nI will pay."),
        ("dossiers/Client 0/dossier.zip", b"PK\x05\x06zipzip"),
    ] {
        std::fs::create_dir_all(dir.join(rel).parent().unwrap()).unwrap();
        std::fs::write(dir.join(rel), body).unwrap();
    }
    // Not part of a backup: logs and temporary files.
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    std::fs::write(dir.join("logs/kindly.log"), "log").unwrap();
    std::fs::write(dir.join("letters/.x.123.part"), "partial").unwrap();
}

/// Every stored file under `dir` (relative path → SHA-256), without the
/// database, logs and temporary files.
fn file_hashes(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            if rel.starts_with("kindly.db") || rel == "logs" || rel.ends_with(".part") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(rel, format!("{:x}", Sha256::digest(std::fs::read(&p).unwrap())));
            }
        }
    }
    out
}

/// The answers a user sees: the client list, the invoice list, each
/// client's detail with its timeline, as JSON.
async fn answers(ctx: Ctx<'_>) -> serde_json::Value {
    let clients =
        kindly_api::clients::list(ctx, &ClientListRequest { limit: 100, ..Default::default() }).await.unwrap();
    let invoices =
        kindly_api::invoices::list(ctx, &InvoiceListRequest { limit: 100, ..Default::default() }).await.unwrap();
    let mut details = Vec::new();
    for c in &clients.rows {
        details.push(serde_json::to_value(kindly_api::clients::get(ctx, c.id).await.unwrap()).unwrap());
    }
    serde_json::json!({ "clients": clients.rows, "total": clients.total, "invoices": invoices.rows, "details": details })
}

async fn backup_to(ctx: Ctx<'_>, folder: &Path) -> PathBuf {
    let req = BackupNowRequest { folder: Some(folder.display().to_string()) };
    PathBuf::from(backup::backup_now(ctx, &req).await.unwrap().path)
}

/// A sample data folder and one backup of it in a folder of its own.
struct Fixture {
    db: TestDb,
    out: tempfile::TempDir,
    file: PathBuf,
}

async fn fixture() -> Fixture {
    let db = open_db().await;
    sample(&db).await;
    let out = tempfile::tempdir().unwrap();
    let file = backup_to(on(&db.store, DAY), out.path()).await;
    Fixture { db, out, file }
}

async fn refused(file: &Path, target: &Path) -> ApiError {
    let e = backup::restore_into(file, target).await.unwrap_err();
    assert!(!target.exists(), "{} was created after {e}", target.display());
    let parent = target.parent().unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".restoring-"))
        .collect();
    assert!(leftovers.is_empty(), "a partial restore was left: {leftovers:?}");
    e
}

#[tokio::test]
async fn a_restore_passes_integrity_check_and_answers_the_same_queries() {
    let f = fixture().await;
    let name = f.file.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("kindly-backup-2026-11-23T10-42-00Z"), "{name}");
    let target = f.out.path().join("restored");
    let r = backup::restore_into(&f.file, &target).await.unwrap();
    assert_eq!((r.clients, r.invoices), (5, 15));
    assert_eq!(r.schema_version, kindly_store::known_schema_version());
    kindly_store::integrity_check(&target.join("kindly.db")).await.unwrap();
    let restored = Store::open(&target.join("kindly.db")).await.unwrap();
    assert_eq!(answers(on(&restored, DAY)).await, answers(on(&f.db.store, DAY)).await);
    let hashes = file_hashes(&target);
    assert_eq!(hashes, file_hashes(f.db.dir.path()));
    assert_eq!(hashes.len(), 3, "{hashes:?}");
    assert!(!target.join("logs").exists());
    // The same name is never reused: a second backup in the same second gets `-2`.
    let again = backup_to(on(&f.db.store, DAY), f.out.path()).await;
    assert!(again.to_string_lossy().ends_with("Z-2.zip"), "{}", again.display());
    // An empty target folder is fine; a non-empty one is refused.
    let empty = f.out.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    backup::restore_into(&f.file, &empty).await.unwrap();
    let e = backup::restore_into(&f.file, &target).await.unwrap_err();
    assert_eq!(e.code, "restore_target_not_empty");
}

#[tokio::test]
async fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let db = open_db().await;
    sample(&db).await;
    let writer = Store::open(&db.path).await.unwrap();
    let out = tempfile::tempdir().unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s2 = stop.clone();
    let w = writer.clone();
    let task = tokio::spawn(async move {
        let mut n = 0;
        while !s2.load(std::sync::atomic::Ordering::Relaxed) || n < 20 {
            let ctx = on(&w, DAY);
            create_client(ctx, &client_input(&format!("Writer {n}"), vec![])).await;
            n += 1;
            tokio::task::yield_now().await;
        }
        n
    });
    let mut files = Vec::new();
    for _ in 0..3 {
        files.push(backup_to(on(&db.store, DAY), out.path()).await);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = task.await.unwrap();
    assert!(written >= 20);
    for (i, file) in files.iter().enumerate() {
        let target = out.path().join(format!("r{i}"));
        let r = backup::restore_into(file, &target).await.unwrap();
        kindly_store::integrity_check(&target.join("kindly.db")).await.unwrap();
        assert!(r.clients >= 5 && r.clients <= 5 + written, "{}", r.clients);
    }
}

/// Rewrites the archive `from` into `to`, letting `edit` change each
/// (name, bytes) member or drop it (None), and add members at the end.
fn rewrite(from: &Path, to: &Path, mut edit: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>, extra: &[(&str, &[u8])]) {
    let mut a = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut z = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..a.len() {
        let mut e = a.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if let Some(b) = edit(&name, bytes) {
            z.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(&b).unwrap();
        }
    }
    for (name, b) in extra {
        z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(b).unwrap();
    }
    z.finish().unwrap();
}

fn edit_manifest(bytes: Vec<u8>, f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut m: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    f(&mut m);
    serde_json::to_vec(&m).unwrap()
}

#[tokio::test]
async fn a_tampered_byte_is_refused_and_nothing_is_restored() {
    let f = fixture().await;
    let bad = f.out.path().join("tampered.zip");
    rewrite(
        &f.file,
        &bad,
        |name, mut b| {
            if name.starts_with("attachments/") {
                b[0] ^= 1;
            }
            Some(b)
        },
        &[],
    );
    let e = refused(&bad, &f.out.path().join("t")).await;
    assert_eq!(e.code, "restore_tampered", "{e}");
    assert!(e.message.contains("attachments/0123abcd-reply.eml"), "{}", e.message);
    // A byte flipped in the archive itself (inside the compressed database).
    let mut raw = std::fs::read(&f.file).unwrap();
    let at = raw.len() / 3;
    raw[at] ^= 0x55;
    let flipped = f.out.path().join("flipped.zip");
    std::fs::write(&flipped, &raw).unwrap();
    let e = refused(&flipped, &f.out.path().join("t2")).await;
    assert_eq!(e.code, "restore_tampered", "{e}");
    // A member the manifest does not list.
    let extra = f.out.path().join("extra.zip");
    rewrite(&f.file, &extra, |_, b| Some(b), &[("letters/added.pdf", b"new")]);
    assert_eq!(refused(&extra, &f.out.path().join("t3")).await.code, "restore_tampered");
    // A part the manifest lists is missing.
    let missing = f.out.path().join("missing.zip");
    rewrite(&f.file, &missing, |name, b| (!name.starts_with("letters/")).then_some(b), &[]);
    assert_eq!(refused(&missing, &f.out.path().join("t4")).await.code, "restore_incomplete");
}

#[tokio::test]
async fn truncated_foreign_and_manifestless_files_each_have_their_error() {
    let f = fixture().await;
    let raw = std::fs::read(&f.file).unwrap();
    let cut = f.out.path().join("cut.zip");
    std::fs::write(&cut, &raw[..raw.len() / 2]).unwrap();
    let e = refused(&cut, &f.out.path().join("t")).await;
    assert_eq!(e.code, "restore_truncated", "{e}");
    let cut = f.out.path().join("cut-end.zip");
    std::fs::write(&cut, &raw[..raw.len() - 10]).unwrap();
    assert_eq!(refused(&cut, &f.out.path().join("t")).await.code, "restore_truncated");
    for (name, bytes) in [("photo.jpg", &b"\xff\xd8\xff\xe0 not a zip"[..]), ("empty.zip", b"")] {
        let p = f.out.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        assert_eq!(refused(&p, &f.out.path().join("t")).await.code, "restore_not_a_backup", "{name}");
    }
    let foreign = f.out.path().join("foreign.zip");
    rewrite(&f.file, &foreign, |name, b| (name != "manifest.json").then_some(b), &[]);
    assert_eq!(refused(&foreign, &f.out.path().join("t")).await.code, "restore_manifest_missing");
    let junk = f.out.path().join("junk.zip");
    rewrite(&f.file, &junk, |name, b| Some(if name == "manifest.json" { b"{not json".to_vec() } else { b }), &[]);
    assert_eq!(refused(&junk, &f.out.path().join("t")).await.code, "restore_manifest_invalid");
    let missing = f.out.path().join("no-such.zip");
    assert_eq!(refused(&missing, &f.out.path().join("t")).await.code, "file_not_found");
}

#[tokio::test]
async fn a_backup_from_a_newer_kindly_is_refused_with_both_versions() {
    let f = fixture().await;
    let newer = f.out.path().join("newer.zip");
    let known = kindly_store::known_schema_version();
    rewrite(
        &f.file,
        &newer,
        |name, b| {
            Some(if name == "manifest.json" {
                edit_manifest(b, |m| m["schema_version"] = serde_json::json!(known + 1))
            } else {
                b
            })
        },
        &[],
    );
    let e = refused(&newer, &f.out.path().join("t")).await;
    assert_eq!(e.code, "restore_newer_version");
    assert!(e.message.contains(&format!("schema {}", known + 1)), "{}", e.message);
    assert!(e.message.contains(&format!("knows schema {known}")), "{}", e.message);
    assert!(e.message.contains("Update Kindly"), "{}", e.message);
}

#[tokio::test]
async fn paths_escaping_the_target_are_refused() {
    let f = fixture().await;
    let root = f.out.path();
    for evil in ["../evil.txt", "/tmp/evil.txt", "letters/../../evil.txt"] {
        // Listed in the manifest with the right hash...
        let body = b"evil";
        let listed = root.join("listed.zip");
        rewrite(
            &f.file,
            &listed,
            |name, b| {
                Some(if name == "manifest.json" {
                    edit_manifest(b, |m| {
                        m["parts"].as_array_mut().unwrap().push(serde_json::json!({
                            "path": evil, "size": 4, "sha256": format!("{:x}", Sha256::digest(body))
                        }));
                    })
                } else {
                    b
                })
            },
            &[(evil, body)],
        );
        assert_eq!(refused(&listed, &root.join("a/t")).await.code, "restore_unsafe_path", "{evil}");
        // ...or only in the archive.
        let hidden = root.join("hidden.zip");
        rewrite(&f.file, &hidden, |_, b| Some(b), &[(evil, body)]);
        let e = refused(&hidden, &root.join("a/t")).await;
        assert!(matches!(e.code.as_str(), "restore_unsafe_path"), "{evil}: {e}");
        assert!(!root.join("evil.txt").exists() && !root.join("a/evil.txt").exists());
    }
}

#[tokio::test]
async fn backup_settings_refuse_a_missing_or_inner_folder_and_auto_without_one() {
    let db = open_db().await;
    let ctx = on(&db.store, DAY);
    let save = |folder: Option<String>, auto: bool| async move {
        backup::save_settings(ctx, &BackupSettingsInput { folder, auto }).await
    };
    let e = save(None, true).await.unwrap_err();
    assert_eq!((e.code.as_str(), e.field.as_deref()), ("backup_no_folder", Some("folder")));
    let gone = db.dir.path().join("../no-such-folder-kindly").display().to_string();
    assert_eq!(save(Some(gone), true).await.unwrap_err().code, "backup_folder_missing");
    let inner = db.dir.path().join("backups-here");
    std::fs::create_dir(&inner).unwrap();
    assert_eq!(save(Some(inner.display().to_string()), true).await.unwrap_err().code, "backup_folder_inside_data");
    let e = backup::backup_now(ctx, &BackupNowRequest { folder: Some(inner.display().to_string()) }).await.unwrap_err();
    assert_eq!(e.code, "backup_folder_inside_data");
    // The default folder sits beside the data folder.
    let v = backup::get_settings(ctx).await.unwrap();
    assert_eq!(PathBuf::from(&v.effective_folder), backup::default_folder(db.dir.path()));
    assert!(!v.auto && v.last_at.is_none());
}

#[tokio::test]
async fn automatic_backups_run_once_a_day_rotate_and_keep_their_failure() {
    let db = open_db().await;
    sample(&db).await;
    let out = tempfile::tempdir().unwrap();
    let base = on(&db.store, DAY);
    let at = |hours: i64| Ctx::new(&db.store, base.now + Duration::hours(hours), base.today);
    // Off: nothing.
    assert!(backup::run_if_due(at(0)).await.unwrap().is_none());
    let input = BackupSettingsInput { folder: Some(out.path().display().to_string()), auto: true };
    backup::save_settings(at(0), &input).await.unwrap();
    std::fs::write(out.path().join("holiday.jpg"), "not a backup").unwrap();
    assert!(backup::run_if_due(at(0)).await.unwrap().is_some());
    assert!(backup::run_if_due(at(1)).await.unwrap().is_none());
    assert!(backup::run_if_due(at(23)).await.unwrap().is_none());
    // Forty days of hourly checks: one backup a day, then rotation.
    let mut made = 1;
    for h in (24..40 * 24).step_by(1) {
        if h % 6 == 0 && backup::run_if_due(at(h)).await.unwrap().is_some() {
            made += 1;
        }
    }
    assert_eq!(made, 40);
    let names: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
    assert!(names.contains(&"holiday.jpg".to_string()));
    let backups = names.iter().filter(|n| n.starts_with("kindly-backup-")).count();
    assert!((7..=11).contains(&backups), "{names:?}");
    let v = backup::get_settings(at(40 * 24)).await.unwrap();
    assert!(v.last_at.is_some() && v.last_error.is_none());
    // The folder disappears (a drive unplugged): the failure is kept, then cleared.
    let moved = out.path().with_extension("away");
    std::fs::rename(out.path(), &moved).unwrap();
    let e = backup::run_if_due(at(41 * 24)).await.unwrap_err();
    assert_eq!(e.code, "backup_folder_missing");
    let v = backup::get_settings(at(41 * 24)).await.unwrap();
    assert_eq!(v.last_error.as_ref().map(|p| p.code.as_str()), Some("backup_folder_missing"));
    std::fs::rename(&moved, out.path()).unwrap();
    assert!(backup::run_if_due(at(41 * 24 + 1)).await.unwrap().is_some());
    assert!(backup::get_settings(at(41 * 24 + 1)).await.unwrap().last_error.is_none());
}

#[tokio::test]
async fn the_app_restore_backs_up_first_and_swaps_at_the_next_start() {
    let f = fixture().await;
    // A data folder of its own, in a parent of its own.
    let parent = tempfile::tempdir().unwrap();
    let data = parent.path().join("data");
    let store = Store::open(&data.join("kindly.db")).await.unwrap();
    let ctx = on(&store, DAY);
    create_client(ctx, &client_input("Only Me", vec![])).await;
    std::fs::create_dir_all(data.join("letters")).unwrap();
    std::fs::write(data.join("letters/mine.pdf"), "mine").unwrap();
    let r = backup::restore_for_app(ctx, &f.file).await.unwrap();
    assert_eq!(r.clients, 5);
    let previous_backup = PathBuf::from(r.previous_backup.unwrap());
    assert!(previous_backup.exists());
    // Until the restart nothing in use changed.
    assert_eq!(raw_count(&data.join("kindly.db"), "SELECT COUNT(*) FROM clients").await, 1);
    store.close().await;
    let done = backup::complete_pending_restore(&data).unwrap().unwrap();
    assert_eq!(raw_count(&data.join("kindly.db"), "SELECT COUNT(*) FROM clients").await, 5);
    assert_eq!(done.previous, PathBuf::from(r.previous_data_dir.unwrap()));
    assert_eq!(std::fs::read_to_string(done.previous.join("letters/mine.pdf")).unwrap(), "mine");
    assert_eq!(file_hashes(&data), file_hashes(f.db.dir.path()));
    // The backup of the data that was in use restores it.
    let back = parent.path().join("back");
    assert_eq!(backup::restore_into(&previous_backup, &back).await.unwrap().clients, 1);
}

/// A data folder whose backup takes a while to restore (a large scan).
fn large_backup(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("data");
    kindly_json(&data, Some(DAY), &["demo", "--clients", "20", "--invoices", "100"]);
    std::fs::create_dir_all(data.join("attachments")).unwrap();
    // 96 MB that deflate cannot shrink (xorshift), so every byte is read and hashed.
    let mut f = std::io::BufWriter::new(std::fs::File::create(data.join("attachments/scan.tiff")).unwrap());
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..(96 << 20) / 8 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        f.write_all(&x.to_le_bytes()).unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let out = dir.join("out");
    let v = kindly_json(&data, Some(DAY), &["backup", "--to", out.to_str().unwrap()]);
    (data, PathBuf::from(v["path"].as_str().unwrap()))
}

fn spawn_kindly(args: &[&std::ffi::OsStr]) -> std::process::Child {
    std::process::Command::new(binary("kindly"))
        .args(args)
        .env_remove("KINDLY_DATA_DIR")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
#[tokio::test]
async fn kill_9_during_restore_or_backup_leaves_no_target_and_the_data_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (data, file) = large_backup(dir.path());
    let db_before = std::fs::read(data.join("kindly.db")).unwrap();
    let restore = |target: &Path| {
        spawn_kindly(&["--data-dir".as_ref(), target.as_os_str(), "restore".as_ref(), file.as_os_str()])
    };
    // How long a whole restore takes here; then kill at points within it.
    let started = std::time::Instant::now();
    assert!(restore(&dir.path().join("probe")).wait().unwrap().success());
    let whole = started.elapsed();
    assert!(whole.as_millis() >= 200, "a restore took {whole:?}; the test needs a larger backup");
    for (i, share) in [0.05, 0.3, 0.6, 0.9].into_iter().enumerate() {
        let target = dir.path().join(format!("restored-{i}"));
        let mut child = restore(&target);
        std::thread::sleep(whole.mul_f64(share));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if finished {
            assert!(target.join("kindly.db").exists(), "a restore that finished left no data");
            continue;
        }
        assert!(!target.exists(), "a restore killed at {share} left {}", target.display());
    }
    // The next restore into the same folder completes and clears the leftovers.
    let target = dir.path().join("restored-1");
    assert_eq!(backup::restore_into(&file, &target).await.unwrap().clients, 20);
    let stray = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".restored-1.restoring-"))
        .count();
    assert_eq!(stray, 0);
    // kill -9 during a backup: no backup under a final name, the data intact.
    let out = dir.path().join("killed");
    let backup = || {
        spawn_kindly(&["--data-dir".as_ref(), data.as_os_str(), "backup".as_ref(), "--to".as_ref(), out.as_os_str()])
    };
    let started = std::time::Instant::now();
    assert!(backup().wait().unwrap().success());
    let whole = started.elapsed();
    for f in std::fs::read_dir(&out).unwrap().flatten() {
        std::fs::remove_file(f.path()).unwrap();
    }
    let mut child = backup();
    std::thread::sleep(whole / 2);
    let finished = child.try_wait().unwrap().is_some();
    child.kill().unwrap();
    child.wait().unwrap();
    let finals: Vec<String> = std::fs::read_dir(&out)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into()).collect())
        .unwrap_or_default();
    if !finished {
        assert!(finals.iter().all(|n| n.starts_with('.')), "{finals:?}");
    }
    kindly_store::integrity_check(&data.join("kindly.db")).await.unwrap();
    assert_eq!(std::fs::read(data.join("kindly.db")).unwrap().len(), db_before.len());
    // And the next backup there works.
    let v = kindly_json(&data, Some(DAY), &["backup", "--to", out.to_str().unwrap()]);
    assert!(v["path"].as_str().unwrap().ends_with(".zip"));
}

#[tokio::test]
async fn a_backup_clears_the_leftovers_of_killed_backups_but_not_fresh_ones() {
    let db = open_db().await;
    let out = tempfile::tempdir().unwrap();
    let old = out.path().join(".kindly-backup-2026-11-20T10-00-00Z.4242.zip.part");
    let fresh = out.path().join(".kindly-backup-2026-11-23T10-41-59Z.4243.zip.part");
    let mine = out.path().join(".my-notes.part");
    for p in [&old, &fresh, &mine] {
        std::fs::write(p, "partial").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for p in [&old, &mine] {
        std::fs::File::options().write(true).open(p).unwrap().set_modified(two_hours_ago).unwrap();
    }
    backup_to(on(&db.store, DAY), out.path()).await;
    assert!(!old.exists());
    assert!(fresh.exists() && mine.exists());
}

//! A backup and a restore through the real window: choose the backup
//! folder (answered by `KINDLY_PICK_FOLDER`), "Back up now", then restore
//! an earlier backup (`KINDLY_PICK_FILE`): the data in use is backed up
//! first, the app restarts, and the restored data is the one in use while
//! the previous data is kept beside it.

use super::{click, kindly, start_with, wait, wait_text};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn back_up_now_then_restore_an_earlier_backup() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    let backups = tempfile::tempdir().expect("tempdir");
    let earlier = tempfile::tempdir().expect("tempdir");
    kindly(&dir, &["clients", "add", "--name", "Ana Alves"]);
    kindly(&dir, &["clients", "add", "--name", "Bea Brandt"]);
    let made = kindly(&dir, &["backup", "--to", earlier.path().to_str().expect("path")]);
    let file = made["path"].as_str().expect("path").to_string();
    kindly(&dir, &["clients", "add", "--name", "Cleo Costa"]);

    let d = start_with(
        data,
        &[("KINDLY_PICK_FOLDER", backups.path().to_str().expect("path")), ("KINDLY_PICK_FILE", &file)],
    )
    .await;
    let c = &d.client;
    click(c, "nav-settings").await;
    click(c, "settings-page-backup").await;
    wait(c, "backup-settings").await;
    click(c, "backup-choose-folder").await;
    wait_text(c, "backup-folder", backups.path().to_str().expect("path")).await;
    click(c, "backup-now").await;
    wait_text(c, "backup-made", "Backed up").await;
    wait_text(c, "backup-last", "kindly-backup-").await;
    let names = |p: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(p).expect("backups").flatten().map(|e| e.file_name().to_string_lossy().into()).collect()
    };
    let first = names(backups.path());
    assert_eq!(first.len(), 1, "{first:?}");

    click(c, "restore-pick").await;
    click(c, "restore-confirm").await;
    wait_text(c, "restore-done", "Restored 2 clients").await;
    // The data in use was backed up first, into the chosen folder (the
    // rotation then keeps the newest of the day).
    let after = names(backups.path());
    assert!(after.iter().any(|n| !first.contains(n)), "{first:?} {after:?}");

    // The app restarts and swaps the folders before opening the data.
    let parent = dir.parent().expect("parent").to_path_buf();
    let name = dir.file_name().expect("name").to_string_lossy().to_string();
    let journal = parent.join(format!(".{name}.restore-journal.json"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while journal.exists() {
        assert!(Instant::now() < deadline, "the restart never completed the restore");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(kindly(&dir, &["clients", "list"])["total"], 2);
    let previous: Vec<_> = std::fs::read_dir(&parent)
        .expect("parent")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("{name}.before-restore-"))))
        .collect();
    assert_eq!(previous.len(), 1, "{previous:?}");
    assert_eq!(kindly(&previous[0], &["clients", "list"])["total"], 3);
    drop(d);
    for p in previous {
        let _ = std::fs::remove_dir_all(p);
    }
}

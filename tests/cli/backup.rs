//! `kindly backup` and `kindly restore` as a contract: their JSON shapes,
//! exit codes, and refusals (no --data-dir, a folder that is not empty, an
//! unknown --auto value).

use kindly_tests::{binary, kindly_json, run_kindly};
use serde_json::Value;
use std::path::Path;

fn refused(dir: Option<&Path>, args: &[&str]) -> Value {
    let mut cmd = std::process::Command::new(binary("kindly"));
    if let Some(d) = dir {
        cmd.arg("--data-dir").arg(d);
    }
    let out = cmd.arg("--json").args(args).env_remove("KINDLY_DATA_DIR").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "kindly {args:?} was not refused: {text}");
    serde_json::from_str::<Value>(&text).unwrap()["error"].clone()
}

#[test]
fn backup_then_restore_into_a_new_folder() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = root.path().join("out");
    kindly_json(&data, None, &["demo", "--clients", "3", "--invoices", "9"]);
    let b = kindly_json(&data, None, &["backup", "--to", out.to_str().unwrap()]);
    let path = b["path"].as_str().unwrap().to_string();
    assert!(Path::new(&path).file_name().unwrap().to_string_lossy().starts_with("kindly-backup-"), "{b}");
    assert_eq!(b["parts"], 1);
    assert!(b["bytes"].as_u64().unwrap() > 0 && b["schema_version"].as_i64().unwrap() > 0, "{b}");
    // Settings: the last backup is recorded; the folder can be set and auto turned on.
    let s = kindly_json(&data, None, &["backup", "settings"]);
    assert_eq!(s["last_file"].as_str(), Some(path.as_str()));
    assert_eq!(s["auto"], false);
    let s = kindly_json(&data, None, &["backup", "settings", "--folder", out.to_str().unwrap(), "--auto", "on"]);
    assert_eq!((s["auto"].clone(), s["folder"].as_str()), (Value::Bool(true), out.to_str()));
    assert_eq!(kindly_json(&data, None, &["backup", "--if-due"])["due"], false);

    let target = root.path().join("restored");
    let r = kindly_json(&target, None, &["restore", &path]);
    assert_eq!((r["clients"].as_i64(), r["invoices"].as_i64()), (Some(3), Some(9)), "{r}");
    assert_eq!(r["data_dir"].as_str(), target.to_str());
    let list = kindly_json(&target, None, &["clients", "list"]);
    assert_eq!(list["total"], 3);
    // Text output says where, and how to use it.
    let (code, text, _) = run_kindly(&root.path().join("again"), None, &["restore", &path]);
    assert_eq!(code, 0);
    assert!(text.contains("3 clients, 9 invoices") && text.contains("--data-dir"), "{text}");

    let e = refused(Some(&target), &["restore", &path]);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("restore_target_not_empty"), Some("data_dir")));
    let e = refused(None, &["restore", &path]);
    assert_eq!(e["code"], "usage", "{e}");
    assert!(e["message"].as_str().unwrap().contains("--data-dir"), "{e}");
    let e = refused(Some(&root.path().join("x")), &["restore", data.join("kindly.db").to_str().unwrap()]);
    assert_eq!(e["code"], "restore_not_a_backup");
    let e = refused(Some(&data), &["backup", "settings", "--auto", "sometimes"]);
    assert_eq!(e["code"], "usage");
    assert!(e["message"].as_str().unwrap().contains("on, off"), "{e}");
}

//! The external checkers shared by the end-to-end tests: poppler-utils
//! (pdftotext, pdffonts, pdftoppm, pdfinfo) and qpdf. A missing tool is a test
//! failure with a clear message (scripts/setup.sh installs them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn tool(name: &str, args: &[&str], pdf: &Path) -> std::process::Output {
    Command::new(name).args(args).arg(pdf).output().unwrap_or_else(|e| {
        panic!("`{name}` could not be run ({e}); install poppler-utils and qpdf (scripts/setup.sh does)")
    })
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

pub fn text_of(pdf: &Path, extra: &[&str]) -> String {
    let mut args = extra.to_vec();
    args.push("-enc");
    args.push("UTF-8");
    let out = Command::new("pdftotext")
        .args(&args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("`pdftotext` could not be run ({e}); install poppler-utils"));
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every font embedded, subset and with a /ToUnicode map; returns pdffonts' listing.
pub fn check_fonts(pdf: &Path) -> String {
    let out = tool("pdffonts", &[], pdf);
    assert!(out.status.success(), "pdffonts failed: {}", String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = s.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{s}");
    for row in &rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "unexpected pdffonts row: {row}");
        let (emb, sub, uni) = (cols[n - 5], cols[n - 4], cols[n - 3]);
        assert_eq!((emb, sub, uni), ("yes", "yes", "yes"), "font not embedded+subset+unicode:\n{s}");
        assert!(cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+', "no subset tag: {row}");
    }
    s
}

pub fn check_qpdf(pdf: &Path) {
    let out = tool("qpdf", &["--check"], pdf);
    assert!(
        out.status.success(),
        "qpdf --check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The number of pages, from pdfinfo.
pub fn pages(pdf: &Path) -> usize {
    let out = tool("pdfinfo", &[], pdf);
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|p| p.trim().parse().ok()).expect("page count")
}

//! What the system's file dialogs ask for: a title and the file types, per
//! kind of file. The shell opens the dialog (it owns the window); the rule
//! lives here so it is tested and the same on every OS.

pub use kindly_core::vocab::FileKind;

/// One dialog's wording and filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogSpec {
    pub open_title: &'static str,
    pub save_title: &'static str,
    pub filter_name: &'static str,
    pub extensions: &'static [&'static str],
}

pub fn spec(kind: FileKind) -> DialogSpec {
    let (open_title, save_title, filter_name, extensions): (_, _, _, &'static [&'static str]) = match kind {
        FileKind::BankStatement => (
            "Import a bank statement",
            "Save the bank statement",
            "Bank statements",
            &["xml", "zip", "sta", "mt940", "txt", "ofx", "qfx", "csv"],
        ),
        FileKind::Csv => ("Choose a CSV file", "Save as CSV", "CSV files", &["csv", "txt", "tsv"]),
        FileKind::EInvoice => ("Choose e-invoices", "Save the e-invoice", "E-invoices (PDF, XML)", &["pdf", "xml"]),
        FileKind::Backup => ("Choose a Kindly backup", "Save the backup", "Kindly backups", &["zip"]),
        FileKind::JsonArchive => ("Choose a Kindly archive", "Save the archive", "JSON archives", &["json"]),
        FileKind::Pdf => ("Choose a PDF", "Save the PDF", "PDF documents", &["pdf"]),
    };
    DialogSpec { open_title, save_title, filter_name, extensions }
}

/// A suggested file name without characters that file systems refuse, and
/// with the kind's extension (the save dialog proposes it).
pub fn suggested_name(kind: FileKind, name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_string();
    let ext = spec(kind).extensions[0];
    let stem = if clean.is_empty() { "kindly".to_string() } else { clean };
    if stem.to_lowercase().ends_with(&format!(".{ext}")) {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn every_kind_has_a_title_and_at_least_one_extension() {
        for k in FileKind::VARIANTS {
            let s = spec(*k);
            assert!(!s.open_title.is_empty() && !s.save_title.is_empty(), "{k:?}");
            assert!(!s.extensions.is_empty() && s.extensions.iter().all(|e| !e.starts_with('.')), "{k:?}");
        }
    }

    #[test]
    fn suggested_names_are_safe_and_carry_the_extension() {
        assert_eq!(suggested_name(FileKind::Csv, "clients"), "clients.csv");
        assert_eq!(suggested_name(FileKind::Csv, "a/b:c.CSV"), "a_b_c.CSV");
        assert_eq!(suggested_name(FileKind::Backup, "../x"), "_x.zip");
        assert_eq!(suggested_name(FileKind::Pdf, "  "), "kindly.pdf");
        assert_eq!(suggested_name(FileKind::JsonArchive, "line\nbreak"), "line_break.json");
    }
}

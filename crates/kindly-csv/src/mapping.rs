//! The mapping: how to read one file (encoding, delimiter, decimal
//! separator, date format, header row, and which column fills which field).
//! [`detect`] proposes one from the file; the user sees and edits it; the
//! same mapping reads every row in the dry run and in the import.

use crate::date::{candidates, DateFormat};
use crate::error::CsvError;
use crate::fields::{fold, ImportField, ImportKind};
use crate::number::{detect_decimal, DecimalGuess, DecimalSeparator};
use crate::presets::{spec, ImportPreset, PRESETS};
use crate::reader::{detect_delimiter, read_records, Record};
use crate::text::{decode, detect_encoding, TextEncoding};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which column (0-based; `None`: not in the file) fills a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldColumn {
    pub field: ImportField,
    pub column: Option<u32>,
}

/// How to read one CSV file (serde data: the UI shows and edits it, the CLI
/// reads it from `--mapping FILE.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mapping {
    pub kind: ImportKind,
    pub preset: Option<ImportPreset>,
    pub encoding: TextEncoding,
    /// One character: `,` `;` tab or `|` (any single character but a quote).
    pub delimiter: String,
    pub decimal: DecimalSeparator,
    pub date_format: DateFormat,
    /// 0-based record index of the header row (rows above it are ignored).
    pub header_row: u32,
    /// ISO 4217 code used where the file names no currency.
    pub default_currency: String,
    /// One entry per field of the kind.
    pub columns: Vec<FieldColumn>,
}

impl Mapping {
    pub fn column(&self, f: ImportField) -> Option<usize> {
        self.columns.iter().find(|c| c.field == f).and_then(|c| c.column).map(|c| c as usize)
    }

    pub fn delimiter_char(&self) -> Result<char, CsvError> {
        let mut it = self.delimiter.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if c != '"' && c != '\n' && c != '\r' => Ok(c),
            _ => Err(CsvError::Mapping(format!(
                "the delimiter \u{201c}{}\u{201d} must be one character (not a quote); choose , ; tab or |",
                crate::excerpt::excerpt(&self.delimiter)
            ))),
        }
    }
}

/// What detection found, to show beside the mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    pub mapping: Mapping,
    pub headers: Vec<String>,
    /// The first data rows, as cells.
    pub preview: Vec<Vec<String>>,
    /// The tool whose columns the header matches, if any.
    pub detected_preset: Option<ImportPreset>,
}

/// Decoded text and records of a file read with `mapping`.
pub fn records(bytes: &[u8], mapping: &Mapping) -> Result<Vec<Record>, CsvError> {
    if bytes.is_empty() {
        return Err(CsvError::Empty);
    }
    let text = decode(bytes, mapping.encoding)?;
    read_records(&text, mapping.delimiter_char()?, None)
}

/// Proposes a mapping for `bytes` as `kind` (with `preset` when the user
/// chose one; otherwise the preset whose columns the header matches).
pub fn detect(
    bytes: &[u8],
    kind: ImportKind,
    preset: Option<ImportPreset>,
    default_currency: &str,
) -> Result<Detected, CsvError> {
    if bytes.is_empty() {
        return Err(CsvError::Empty);
    }
    let encoding = detect_encoding(bytes);
    let text = decode(bytes, encoding)?;
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = detect_delimiter(&text).or_else(|| preset.map(|p| spec(p).delimiter)).unwrap_or(',');
    let head = read_records(&text.lines().take(300).collect::<Vec<_>>().join("\n"), delimiter, Some(250))
        .or_else(|_| read_records(&text, delimiter, Some(250)))?;
    // The header row: the one of the first 10 that names the most fields.
    let (header_row, _) = head
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, r)| (i, auto_columns(kind, &r.cells, None).iter().filter(|c| c.column.is_some()).count()))
        .fold((0, 0), |best, cur| if cur.1 > best.1 { cur } else { best });
    let headers = head.get(header_row).map(|r| r.cells.clone()).unwrap_or_default();
    let detected_preset = best_preset(kind, &headers);
    let chosen = preset.or(detected_preset);
    let columns = auto_columns(kind, &headers, chosen);
    let rows: Vec<&Record> = head.iter().skip(header_row + 1).collect();
    let cells_of = |fields: &[ImportField]| -> Vec<&str> {
        let cols: Vec<usize> =
            columns.iter().filter(|c| fields.contains(&c.field)).filter_map(|c| c.column.map(|x| x as usize)).collect();
        rows.iter()
            .flat_map(|r| cols.iter().filter_map(|c| r.cells.get(*c)))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect()
    };
    use ImportField as F;
    let dates = cells_of(&[F::IssueDate, F::DueDate, F::PaymentDate]);
    let fits = candidates(&dates);
    let preset_date = chosen.map(|p| spec(p).date_format);
    let date_format = match preset_date {
        Some(d) if fits.contains(&d) || dates.is_empty() => d,
        _ => fits.first().copied().or(preset_date).unwrap_or(DateFormat::Iso),
    };
    let amounts = cells_of(&[F::UnitPrice, F::NetAmount, F::TaxAmount, F::Total, F::AmountPaid, F::Amount]);
    let fallback = chosen.map(|p| spec(p).decimal).unwrap_or(if delimiter == ';' {
        DecimalSeparator::Comma
    } else {
        DecimalSeparator::Point
    });
    let decimal = match detect_decimal(&amounts) {
        DecimalGuess::Sure(d) => d,
        _ => fallback,
    };
    let mapping = Mapping {
        kind,
        preset: chosen,
        encoding,
        delimiter: delimiter.to_string(),
        decimal,
        date_format,
        header_row: header_row as u32,
        default_currency: default_currency.to_string(),
        columns,
    };
    let preview = rows.iter().take(10).map(|r| r.cells.clone()).collect();
    Ok(Detected { mapping, headers, preview, detected_preset })
}

/// The preset whose columns for `kind` the header matches best (at least
/// three, and more than any other preset).
pub fn best_preset(kind: ImportKind, headers: &[String]) -> Option<ImportPreset> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let mut best: Option<(usize, ImportPreset)> = None;
    for p in PRESETS {
        let Some(cols) = p.columns(kind) else { continue };
        let hits = cols.iter().filter(|(_, name)| folded.contains(&fold(name))).count();
        if hits >= 3 && best.is_none_or(|(b, _)| hits > b) {
            best = Some((hits, p.preset));
        }
    }
    best.map(|b| b.1)
}

/// Columns for every field of `kind`: the preset's names first, then the
/// generic names; each column fills at most one field.
pub fn auto_columns(kind: ImportKind, headers: &[String], preset: Option<ImportPreset>) -> Vec<FieldColumn> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut out: Vec<FieldColumn> = kind.fields().iter().map(|f| FieldColumn { field: *f, column: None }).collect();
    if let Some(cols) = preset.and_then(|p| spec(p).columns(kind)) {
        for (field, name) in cols {
            let want = fold(name);
            if let Some(i) = folded.iter().position(|h| *h == want) {
                if let Some(slot) = out.iter_mut().find(|c| c.field == *field && c.column.is_none()) {
                    if !used[i] {
                        slot.column = Some(i as u32);
                        used[i] = true;
                    }
                }
            }
        }
    }
    for slot in out.iter_mut().filter(|c| c.column.is_none()) {
        let syn = slot.field.synonyms(kind);
        // Exact names first, in the order the synonyms list them.
        if let Some(i) = syn.iter().find_map(|s| folded.iter().enumerate().position(|(i, h)| !used[i] && h == s)) {
            slot.column = Some(i as u32);
            used[i] = true;
        }
    }
    out
}

/// The columns no field reads (shown as "ignored").
pub fn unused_columns(mapping: &Mapping, headers: &[String]) -> Vec<String> {
    headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.trim().is_empty() && !mapping.columns.iter().any(|c| c.column == Some(*i as u32)))
        .map(|(_, h)| h.clone())
        .collect()
}

//! The RFC 4180 writer of Kindly's exports: CRLF line ends, a cell quoted
//! when it holds the delimiter, a quote or a line break (quotes doubled),
//! and a cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return, as OWASP's CSV injection
//! advice lists) prefixed with `'` so it stays text.

/// Builds a CSV file in memory.
#[derive(Default)]
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    pub fn new() -> CsvWriter {
        CsvWriter::default()
    }

    /// Appends one record.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, c.as_ref(), true);
        }
        self.out.push_str("\r\n");
    }

    /// Appends one record of values Kindly wrote itself (numbers, dates,
    /// codes): a leading minus is a negative number, not a formula.
    pub fn row_plain<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, c.as_ref(), false);
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Whether a spreadsheet would read `s` as a formula.
pub fn is_formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn push_cell(out: &mut String, s: &str, neutralise: bool) {
    let prefix = neutralise && is_formula_like(s);
    let quote = prefix || s.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if prefix {
        out.push('\'');
    }
    for ch in s.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
}

/// Undoes [`CsvWriter::row`]'s prefix on reading a Kindly export back.
pub fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::read_records;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        let mut w = CsvWriter::new();
        w.row(&["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"]);
        w.row_plain(&["-12.50", "2024-01-02"]);
        let s = w.finish();
        assert_eq!(
            s,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=1+1\",\"'+49 30\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\r\n-12.50,2024-01-02\r\n"
        );
        let back = read_records(&s, ',', None).unwrap();
        let cells: Vec<&str> = back[0].cells.iter().map(|c| unneutralise(c)).collect();
        assert_eq!(
            cells,
            ["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"]
        );
        assert_eq!(unneutralise("'quoted"), "'quoted");
    }
}

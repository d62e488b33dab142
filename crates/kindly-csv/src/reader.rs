//! An RFC 4180 reader that says where a file is broken: records with the
//! line each starts on (a quoted cell may hold delimiters and line breaks,
//! so records and lines differ), blank lines skipped, a quote that is never
//! closed or text after a closing quote refused with the line. A quote
//! inside an unquoted cell (`12" pipe`) is kept as written, as spreadsheets do.
//! Also: which delimiter a file uses.

use crate::error::CsvError;

/// One record and the 1-based line of the file it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub cells: Vec<String>,
}

/// The delimiters Kindly looks for, in order of preference on a tie.
pub const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// All records of `text` (or the first `limit`).
pub fn read_records(text: &str, delimiter: char, limit: Option<usize>) -> Result<Vec<Record>, CsvError> {
    if delimiter == '"' || delimiter == '\n' || delimiter == '\r' {
        return Err(CsvError::Mapping("the delimiter cannot be a quote or a line break".into()));
    }
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: u64 = 1;
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut start_line = 1;
    let mut at_cell_start = true;
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            return Ok(out);
        }
        let Some(c) = chars.next() else {
            if !cells.is_empty() || !cell.is_empty() {
                cells.push(std::mem::take(&mut cell));
                push(&mut out, start_line, std::mem::take(&mut cells));
            }
            return Ok(out);
        };
        if at_cell_start && c == '"' {
            let quote_line = line;
            loop {
                match chars.next() {
                    None => return Err(CsvError::UnclosedQuote { row: quote_line }),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(ch) => {
                        if ch == '\n' {
                            line += 1;
                        }
                        cell.push(ch);
                    }
                }
            }
            // After the closing quote: spaces, then a delimiter or the end of the record.
            while chars.peek() == Some(&' ') {
                chars.next();
            }
            match chars.peek() {
                None | Some('\n') | Some('\r') => {}
                Some(d) if *d == delimiter => {}
                Some(_) => return Err(CsvError::StrayQuote { row: line, column: cells.len() + 1 }),
            }
            at_cell_start = false;
            continue;
        }
        at_cell_start = false;
        if c == delimiter {
            cells.push(std::mem::take(&mut cell));
            at_cell_start = true;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            cells.push(std::mem::take(&mut cell));
            push(&mut out, start_line, std::mem::take(&mut cells));
            line += 1;
            start_line = line;
            at_cell_start = true;
        } else {
            cell.push(c);
        }
    }
}

fn push(out: &mut Vec<Record>, line: u64, cells: Vec<String>) {
    // A blank line is not a record.
    if cells.len() == 1 && cells[0].is_empty() {
        return;
    }
    out.push(Record { line, cells });
}

/// The delimiter that splits the first rows into the most consistent number
/// of columns (more rows agreeing wins, then more columns); `None` when no
/// candidate splits anything.
pub fn detect_delimiter(text: &str) -> Option<char> {
    let head: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    let mut best: Option<(usize, usize, char)> = None;
    for d in DELIMITERS {
        let recs = match read_records(&head, d, Some(40)) {
            Ok(r) => r,
            // A quoted cell cut by the 40-line window is not the delimiter's fault.
            Err(CsvError::UnclosedQuote { .. }) => continue,
            Err(_) => continue,
        };
        let mut counts: Vec<usize> = recs.iter().map(|r| r.cells.len()).filter(|n| *n > 1).collect();
        counts.sort_unstable();
        let mut mode = (0usize, 0usize);
        let mut k = 0;
        while k < counts.len() {
            let n = counts[k..].iter().take_while(|x| **x == counts[k]).count();
            if n > mode.1 || (n == mode.1 && counts[k] > mode.0) {
                mode = (counts[k], n);
            }
            k += n;
        }
        if mode.0 >= 2 && best.is_none_or(|(cols, rows, _)| (mode.1, mode.0) > (rows, cols)) {
            best = Some((mode.0, mode.1, d));
        }
    }
    best.map(|b| b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, d: char) -> Vec<(u64, Vec<String>)> {
        read_records(text, d, None).unwrap().into_iter().map(|r| (r.line, r.cells)).collect()
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_breaks() {
        let got = cells("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,12\" pipe\n", ',');
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["x, \"y\"".into(), "two\nlines".into()]),
                (5, vec!["last".into(), "12\" pipe".into()]),
            ]
        );
        assert_eq!(cells("a;b;;", ';'), vec![(1, vec!["a".into(), "b".into(), "".into(), "".into()])]);
    }

    #[test]
    fn broken_quotes_name_their_line() {
        assert_eq!(read_records("a,b\n\"open,c\nd,e\n", ',', None), Err(CsvError::UnclosedQuote { row: 2 }));
        assert_eq!(read_records("a,b\n\"x\"y,c\n", ',', None), Err(CsvError::StrayQuote { row: 2, column: 1 }));
    }

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), Some(','));
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3\n"), Some(';'));
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), Some('\t'));
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n"), Some('|'));
        assert_eq!(detect_delimiter("just text\n"), None);
    }
}

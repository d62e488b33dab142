//! Every parser on arbitrary bytes: errors are fine, panics are bugs.
#![no_main]

use kindly_bank::{detect_csv_mapping, parse, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for f in [Format::Auto, Format::Camt, Format::Mt940, Format::Ofx, Format::Csv] {
        let _ = parse(data, f, None);
    }
    let _ = detect_csv_mapping(data);
});

#[path = "../tests/common/mod.rs"]
mod common;
fn main() {
    let fonts = kindly_pdf::Fonts::load().unwrap();
    let letters: Vec<_> = (0..1000)
        .map(|i| {
            let mut l = common::letter(kindly_pdf::PageSize::A4, &format!("Zoë {i}"), 1 + i % 4);
            l.qr.as_mut().unwrap().payload =
                common::GIROCODE.replace("1234.56", &format!("{}.{:02}", 100 + i, i % 100));
            l
        })
        .collect();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let b = kindly_pdf::render_letters(&fonts, &letters, &common::meta()).unwrap();
        eprintln!("total {:?} {}", t.elapsed(), b.len());
    }
}

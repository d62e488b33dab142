#[path = "../tests/common/mod.rs"]
mod common;
fn main() {
    let fonts = kindly_pdf::Fonts::load().unwrap();
    let l = common::letter(kindly_pdf::PageSize::A4, "Zoë Ångström-Müller", 3);
    let b = kindly_pdf::render_letters(&fonts, &[l], &common::meta()).unwrap();
    std::fs::write("/tmp/one.pdf", &b).unwrap();
    let inv = common::invoice(kindly_pdf::PageSize::A4, "王芳", 50);
    std::fs::write("/tmp/inv.pdf", kindly_pdf::render_invoice(&fonts, &inv, &common::meta()).unwrap()).unwrap();
    let long = common::letter(kindly_pdf::PageSize::Letter, "Дмитрий Иванов", 80);
    std::fs::write("/tmp/long.pdf", kindly_pdf::render_letters(&fonts, &[long], &common::meta()).unwrap()).unwrap();
}

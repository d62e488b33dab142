// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let started = std::time::Instant::now();
    // WebKitGTK's DMA-BUF renderer costs ~0.5 s at start-up on machines
    // without GPU acceleration (and shows a blank window on some drivers);
    // Kindly draws forms and lists, which the fallback renders just as well.
    // Set before any thread starts; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    kindly_app::run(started);
}

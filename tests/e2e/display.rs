//! A private X display for one test, whose screen can be saved as a PNG.
//!
//! The e2e tests share the display `xvfb-run` made, so a picture of that
//! screen would show whichever test's window is on top. A test that wants
//! screenshots starts its own Xvfb with `-fbdir`: the server then keeps its
//! framebuffer in a file (XWD format), and the window alone is on it, at
//! 0,0 with no window manager. Reading that file is a screenshot that needs
//! no WebDriver call (WebKitWebDriver's own screenshot never answered on the
//! ladder page and hung the session) and no extra package.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct PrivateDisplay {
    child: Child,
    dir: tempfile::TempDir,
    /// ":N", for the app's `DISPLAY`.
    pub(crate) name: String,
}

impl Drop for PrivateDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl PrivateDisplay {
    /// A 1280×800×24 screen on the first free display number from 200.
    pub(crate) fn start() -> PrivateDisplay {
        let dir = tempfile::tempdir().expect("tempdir");
        for n in 200..400 {
            if Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .arg(format!(":{n}"))
                .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp", "-fbdir"])
                .arg(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb (package xvfb)");
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                // Another test took this number first: its server stays, ours exits.
                if child.try_wait().ok().flatten().is_some() {
                    break;
                }
                if socket.exists() && dir.path().join("Xvfb_screen0").exists() {
                    return PrivateDisplay { child, dir, name: format!(":{n}") };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("no free X display number in 200..400");
    }

    /// The screen as it is now.
    pub(crate) fn capture(&self) -> Screen {
        let raw = std::fs::read(self.dir.path().join("Xvfb_screen0")).expect("Xvfb framebuffer");
        Screen::from_xwd(&raw)
    }
}

/// An RGB picture of the screen.
pub(crate) struct Screen {
    pub(crate) width: u32,
    pub(crate) height: u32,
    rgb: Vec<u8>,
}

impl Screen {
    /// Decodes the ZPixmap XWD that Xvfb writes (24-bit depth, 32 bits per
    /// pixel, channel masks in the header).
    fn from_xwd(raw: &[u8]) -> Screen {
        let word = |i: usize| u32::from_be_bytes(raw[i * 4..i * 4 + 4].try_into().expect("4 bytes"));
        let (header, format, width, height) = (word(0) as usize, word(2), word(4), word(5));
        let (lsb_first, bpp, line) = (word(7) == 0, word(11), word(12) as usize);
        let masks = [word(14), word(15), word(16)];
        let ncolors = word(19) as usize;
        assert_eq!((format, bpp), (2, 32), "Xvfb framebuffer: ZPixmap at 32 bits per pixel");
        let pixels = &raw[header + ncolors * 12..];
        let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
        for y in 0..height as usize {
            for x in 0..width as usize {
                let at = y * line + x * 4;
                let b: [u8; 4] = pixels[at..at + 4].try_into().expect("pixel");
                let v = if lsb_first { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) };
                for m in masks {
                    rgb.push(((v & m) >> m.trailing_zeros()) as u8);
                }
            }
        }
        Screen { width, height, rgb }
    }

    /// Mean luminance, 0 (black) to 255 (white).
    pub(crate) fn luminance(&self) -> f64 {
        let sum: u64 = self
            .rgb
            .chunks_exact(3)
            .map(|p| (2126 * u64::from(p[0]) + 7152 * u64::from(p[1]) + 722 * u64::from(p[2])) / 10_000)
            .sum();
        sum as f64 / f64::from(self.width * self.height)
    }

    /// How many different colours the part below row `top` has (a blank
    /// or unpainted area has one or two). The native menu bar sits above
    /// the web view, so a page's own pixels start below it.
    pub(crate) fn colours_below(&self, top: u32) -> usize {
        let mut seen = std::collections::HashSet::new();
        let from = (top.min(self.height) * self.width * 3) as usize;
        for p in self.rgb[from..].chunks_exact(3) {
            seen.insert([p[0], p[1], p[2]]);
        }
        seen.len()
    }

    pub(crate) fn save_png(&self, path: &Path) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot folder");
        }
        let file = std::io::BufWriter::new(std::fs::File::create(path).expect("screenshot file"));
        let mut enc = png::Encoder::new(file, self.width, self.height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header().and_then(|mut w| w.write_image_data(&self.rgb)).expect("PNG written");
    }
}

/// Where screenshots go: `KINDLY_SCREENSHOTS` if set, else the test build's own temp folder.
pub(crate) fn screenshot_dir() -> PathBuf {
    std::env::var_os("KINDLY_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screens"))
}

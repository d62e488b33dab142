//! A real SMTP server for tests: `smtp_server.py` (aiosmtpd, STARTTLS and
//! AUTH required) on loopback, with a test certificate authority made by
//! `openssl` for each test process. Messages it accepts land as `.eml`
//! files in its folder.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

pub const USER: &str = "kindly";
pub const PASSWORD: &str = "s3cret-Passw0rd";

/// A certificate authority and a server certificate for localhost/127.0.0.1.
pub struct TestCa {
    _dir: tempfile::TempDir,
    pub ca_pem: String,
    pub cert: PathBuf,
    pub key: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").args(args).current_dir(dir).output().expect("run openssl");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Made once per test process.
pub fn test_ca() -> &'static TestCa {
    static CA: OnceLock<TestCa> = OnceLock::new();
    CA.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        let mut ca = vec!["req", "-x509"];
        ca.extend(ec);
        ca.extend(["-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=Kindly Test CA"]);
        openssl(d, &ca);
        let mut req = vec!["req"];
        req.extend(ec);
        req.extend(["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]);
        openssl(d, &req);
        std::fs::write(
            d.join("ext.cnf"),
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
        )
        .expect("write ext");
        openssl(
            d,
            &[
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.pem", "-days", "3", "-extfile", "ext.cnf",
            ],
        );
        TestCa {
            ca_pem: std::fs::read_to_string(d.join("ca.pem")).expect("ca.pem"),
            cert: d.join("server.pem"),
            key: d.join("server.key"),
            _dir: dir,
        }
    })
}

/// A running server; killed when dropped.
pub struct SmtpServer {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Child,
}

impl SmtpServer {
    /// Modes: normal, silent, drop-after-data, drop-during-data (see the script).
    pub fn start(mode: &str) -> SmtpServer {
        let dir = tempfile::tempdir().expect("tempdir");
        let ca = test_ca();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("support").join("smtp_server.py");
        let mut child = Command::new("/usr/bin/python3")
            .arg(&script)
            .arg("--dir")
            .arg(dir.path())
            .arg("--cert")
            .arg(&ca.cert)
            .arg("--key")
            .arg(&ca.key)
            .args(["--user", USER, "--password", PASSWORD, "--mode", mode])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start smtp_server.py (Debian package python3-aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("read READY");
        let port = line.trim().strip_prefix("READY ").and_then(|p| p.parse().ok()).unwrap_or_else(|| {
            let _ = child.kill();
            panic!("smtp_server.py did not start: {line:?}")
        });
        SmtpServer { port, dir, child }
    }

    /// How many messages were received so far (without reading them).
    pub fn count(&self) -> usize {
        std::fs::read_dir(self.dir.path())
            .map(|d| d.filter_map(|e| e.ok()).filter(|e| e.path().extension().is_some_and(|x| x == "eml")).count())
            .unwrap_or(0)
    }

    /// The raw messages received so far, in arrival order.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("read dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files.iter().map(|p| std::fs::read(p).expect("read eml")).collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

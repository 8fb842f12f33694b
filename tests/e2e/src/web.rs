//! Served and exported pages in a real headless Chromium (Debian's `chromium` and
//! `chromium-driver`), driven over WebDriver with the same client as the app's tests.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use super::{free_port, target_dir, wait_for};

/// The `reader` command-line binary (built before the tests).
pub fn reader_binary() -> PathBuf {
    let path = std::env::var_os("READER_CLI_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/reader"));
    assert!(
        path.exists(),
        "{} is missing: build it first (cargo build -p reader-cli)",
        path.display()
    );
    path
}

/// `reader serve` on an ephemeral loopback port, stopped when dropped.
pub struct Served {
    child: Child,
    pub base: String,
}

impl Served {
    pub fn start() -> Self {
        Self::with_args(&[])
    }

    /// Serving a content folder instead of the embedded content.
    pub fn content(dir: &std::path::Path) -> Self {
        Self::with_args(&["--content", dir.to_str().unwrap()])
    }

    fn with_args(extra: &[&str]) -> Self {
        let mut child = Command::new(reader_binary())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("reader serve starts");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let base = line
            .trim()
            .strip_prefix("serving on ")
            .unwrap_or_else(|| panic!("{line}"))
            .to_string();
        std::thread::spawn(move || for _ in stderr.lines() {});
        Served { child, base }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `reader export` into a fresh temporary directory.
pub fn export() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let status = Command::new(reader_binary())
        .arg("export")
        .arg(&site)
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

/// A headless Chromium with the given Accept-Language, stopped when dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start(accept_language: &str) -> Self {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (package chromium-driver) is installed");
        wait_for("chromedriver to listen", 100, || async {
            std::net::TcpStream::connect(("127.0.0.1", port))
                .ok()
                .map(|_| ())
        })
        .await;
        let profile = tempfile::tempdir().unwrap();
        // The flags keep a headless Chromium from calling home (this machine has no network).
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-default-apps", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--lang={accept_language}"),
                ],
                "prefs": { "intl": { "accept_languages": accept_language } }
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    pub async fn js(&self, script: &str) -> Value {
        super::run_js(&self.client, script).await
    }

    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        self.wait_ready().await;
    }

    /// Waits until the UI script has run (the language buttons exist).
    pub async fn wait_ready(&self) {
        wait_for("the UI to start", 100, || async {
            self.js("return document.readyState === 'complete' && document.querySelectorAll('#languages button').length > 0")
                .await
                .as_bool()
                .filter(|v| *v)
        })
        .await;
    }

    pub async fn click(&self, css: &str) {
        super::click(&self.client, css).await
    }

    pub async fn page(&self) -> (String, String) {
        super::body_shown(&self.client).await
    }

    pub async fn wait_for_body(&self, lang: &str, slug: &str) {
        super::wait_for_body(&self.client, lang, slug).await
    }

    /// Types into the search box and waits for the answer (see [`super::search`]).
    pub async fn search(&self, keys: &str) {
        super::search(&self.client, keys).await
    }

    /// Waits until the page shows what a reader sees (see [`super::SETTLE_JS`]).
    pub async fn settle(&self) {
        let _ = self.client.execute_async(super::SETTLE_JS, vec![]).await;
    }

    /// A PNG of the viewport once settled, saved under `target/e2e-screenshots/`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.settle().await;
        let png = self.client.screenshot().await.unwrap();
        let path = super::screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// axe-core's serious and critical violations on the current page (`id: nodes`).
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| target_dir().join("axe/node_modules/axe-core/axe.min.js"));
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|_| {
            panic!(
                "{} is missing: scripts/install-deps.sh test installs it",
                axe.display()
            )
        });
        self.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await
            .expect("axe loads");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe runs");
        result
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

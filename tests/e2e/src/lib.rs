//! Harness for end-to-end tests of the real reader: each test gets its own X display
//! (Xvfb), its own D-Bus session (so single-instance checks are isolated), its own
//! tauri-driver and fresh config/data directories, and drives the app's WebKitGTK webview
//! over WebDriver. Screenshots go to `target/e2e-screenshots/`.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub use fantoccini::Locator;

pub mod web;

/// The app's identifier (tauri.conf.json): its config dir is named after it.
pub const APP_IDENTIFIER: &str = "int.iom.laopdr.reader";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The app binary: `READER_APP_BIN`, else the debug build in the target dir. It must be
/// built before the tests run (a build from inside `cargo test` would wait on cargo's lock).
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("READER_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/iom-lao-reader"));
    assert!(
        path.exists(),
        "{} is missing: build it first (cargo build -p reader-app)",
        path.display()
    );
    path
}

pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every page of the shipped content, in its manifest's order.
pub fn shipped_slugs() -> Vec<String> {
    reader_core::Library::built_in()
        .manifest()
        .pages
        .iter()
        .map(|page| page.slug.clone())
        .collect()
}

/// The shipped content directory (`locales/`).
pub fn shipped_content() -> PathBuf {
    workspace_root().join("locales")
}

/// A copy of the shipped content in a temporary directory, to change for a test.
pub fn content_copy() -> tempfile::TempDir {
    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&shipped_content(), dir.path());
    dir
}

/// Adds the test-only third language (`tests/fixtures/third-locale/fr`, a small French
/// draft) to a content directory; without its UI strings when `with_ui` is false, as a
/// pack would bring it.
pub fn add_third_locale(content: &Path, with_ui: bool) {
    let from = workspace_root().join("tests/fixtures/third-locale/fr");
    let to = content.join("fr");
    std::fs::create_dir_all(to.join("pages")).unwrap();
    for file in [
        "terms.ftl",
        "ui.ftl",
        "pages/home.ftl",
        "pages/who-we-are.ftl",
    ] {
        if file != "ui.ftl" || with_ui {
            std::fs::copy(from.join(file), to.join(file)).unwrap();
        }
    }
}

/// Rewrites the line defining message `id` in `file` of a content directory (`None`
/// removes it).
pub fn replace_message(content: &Path, file: &str, id: &str, line: Option<&str>) {
    let path = content.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{id} =");
    assert!(
        text.lines().any(|l| l.starts_with(&prefix)),
        "{id} not in {file}"
    );
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|l| {
            if l.starts_with(&prefix) {
                line
            } else {
                Some(l)
            }
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// Polls `check` until it returns `Some`, up to `attempts` times `interval` apart: waiting
/// for the app to reach a state, never a measure of speed.
pub async fn wait_for<T, F, Fut>(what: &str, attempts: u32, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..attempts {
        if let Some(value) = check().await {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("gave up waiting for {what}");
}

/// A child process killed when dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An X display and a D-Bus session bus, shared by the launches of one test.
pub struct Desktop {
    pub display: String,
    pub dbus_address: String,
    _xvfb: Guard,
    _dbus: Guard,
}

impl Desktop {
    pub fn start() -> Self {
        Self::with_screen(1280, 860)
    }

    /// A virtual screen of this size (no window manager: no panels, no decorations).
    pub fn with_screen(width: u32, height: u32) -> Self {
        // -displayfd: Xvfb picks a free display and writes its number once it is ready.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                &format!("{width}x{height}x24"),
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (package xvfb) is installed");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let display = format!(":{}", line.trim());

        let mut dbus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (package dbus) is installed");
        let mut address = String::new();
        BufReader::new(dbus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        Self {
            display,
            dbus_address: address.trim().to_string(),
            _xvfb: Guard(xvfb),
            _dbus: Guard(dbus),
        }
    }

    fn is_viewable(&self, window_id: &str) -> bool {
        Command::new("xwininfo")
            .args(["-display", &self.display, "-id", window_id])
            .output()
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("Map State: IsViewable"))
    }

    /// A PNG of the whole screen (what the window painted).
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .expect("import (package imagemagick) is installed");
        assert!(status.success(), "screenshot {name} failed");
        path
    }

    /// The native titles of the app's visible windows (`_NET_WM_NAME`, UTF-8); GTK's hidden
    /// client-leader window is left out.
    pub fn window_titles(&self) -> Vec<String> {
        let tree = Command::new("xwininfo")
            .args(["-display", &self.display, "-root", "-tree"])
            .output()
            .expect("xwininfo (package x11-utils) is installed");
        let tree = String::from_utf8_lossy(&tree.stdout);
        tree.lines()
            .filter(|line| line.contains("(\"iom-lao-reader\""))
            .filter_map(|line| line.split_whitespace().next())
            .filter(|id| self.is_viewable(id))
            .filter_map(|id| {
                let out = Command::new("xprop")
                    .env("LC_ALL", "C.UTF-8")
                    .args(["-display", &self.display, "-id", id, "_NET_WM_NAME"])
                    .output()
                    .ok()?;
                let out = String::from_utf8(out.stdout).ok()?;
                let (_, value) = out.split_once(" = ")?;
                Some(value.trim().trim_matches('"').to_string())
            })
            .filter(|title| !title.is_empty())
            .collect()
    }
}

/// Number of distinct colours in a PNG: a blank background has one or two.
pub fn distinct_colours(png: &Path) -> usize {
    let out = Command::new("convert")
        .arg(png)
        .args(["-format", "%k", "info:"])
        .output()
        .expect("convert (package imagemagick) is installed");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

/// A user's config and data directories, kept across restarts of one test.
pub struct Profile {
    dir: tempfile::TempDir,
}

impl Default for Profile {
    fn default() -> Self {
        Self::new()
    }
}

impl Profile {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn preferences_file(&self) -> PathBuf {
        self.config_home()
            .join(APP_IDENTIFIER)
            .join("preferences.json")
    }

    /// Environment of the app (through tauri-driver, which passes its own on).
    pub fn env(&self, desktop: &Desktop, lang: &str) -> Vec<(String, String)> {
        let path = |p: PathBuf| p.to_string_lossy().into_owned();
        vec![
            ("DISPLAY".into(), desktop.display.clone()),
            (
                "DBUS_SESSION_BUS_ADDRESS".into(),
                desktop.dbus_address.clone(),
            ),
            ("LANG".into(), lang.into()),
            ("XDG_CONFIG_HOME".into(), path(self.config_home())),
            ("XDG_DATA_HOME".into(), path(self.data_home())),
            ("XDG_CACHE_HOME".into(), path(self.dir.path().join("cache"))),
            // A link opened "in the browser" must not start one in a test.
            ("BROWSER".into(), "true".into()),
        ]
    }
}

// What the app's window and a browser showing the served or exported site share.

/// Runs a script in the page and returns its value (`Null` when it throws).
pub async fn run_js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or(Value::Null)
}

/// Clicks the element, retrying while the UI is still replacing it (the toolbar is rebuilt
/// when the language or the content changes: a click can meet the old node).
pub async fn click(client: &Client, css: &str) {
    let mut last_error = String::new();
    for _ in 0..20 {
        match client.find(Locator::Css(css)).await {
            Ok(element) => match element.click().await {
                Ok(()) => return,
                Err(e) => last_error = e.to_string(),
            },
            Err(e) => last_error = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("click {css}: {last_error}");
}

/// The `lang` and `data-slug` of the page body showing (empty while there is none).
pub async fn body_shown(client: &Client) -> (String, String) {
    let v = run_js(
        client,
        "const a = document.querySelector('main article'); return a ? [a.lang, a.dataset.slug] : ['', '']",
    )
    .await;
    (
        v[0].as_str().unwrap_or_default().into(),
        v[1].as_str().unwrap_or_default().into(),
    )
}

/// Waits until the body showing is `slug` in `lang`.
pub async fn wait_for_body(client: &Client, lang: &str, slug: &str) {
    wait_for(&format!("{lang}/{slug}"), 100, || async {
        (body_shown(client).await == (lang.to_string(), slug.to_string())).then_some(())
    })
    .await;
}

/// An async script that answers once the fonts are in and two frames are painted: what a
/// reader sees (`font-display: block` keeps text invisible while its font loads).
pub const SETTLE_JS: &str = "const done = arguments[0]; document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))";

/// Types `keys` into the search box and waits for the answer to everything typed so far:
/// the list open and no longer busy. (Results for the first letters show while the rest is
/// typed; reading the list as soon as it is open can meet those.)
pub async fn search(client: &Client, keys: &str) {
    let search_box = client.find(Locator::Css("#search")).await.unwrap();
    search_box.send_keys(keys).await.unwrap();
    wait_for_search_answer(client).await;
}

/// Waits until the search list shows the answer to the box's whole query.
pub async fn wait_for_search_answer(client: &Client) {
    wait_for("the search's answer", 100, || async {
        run_js(
            client,
            "const r = document.getElementById('search-results'); return !r.hidden && r.getAttribute('aria-busy') !== 'true'",
        )
        .await
        .as_bool()
        .filter(|v| *v)
    })
    .await;
}

/// The running app, driven over WebDriver.
pub struct App {
    pub client: Client,
    _driver: TauriDriver,
    /// Everything the app and tauri-driver printed.
    pub log: PathBuf,
}

/// tauri-driver, stopped with SIGTERM when dropped, which also ends WebKitWebDriver and the
/// app (SIGKILL would orphan them).
struct TauriDriver(Child);

impl Drop for TauriDriver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl App {
    /// Starts the app with LANG `lang` and `args`; retried once, saying so, if the
    /// session can't be opened (GTK occasionally fails to initialize under a busy Xvfb).
    pub async fn launch(desktop: &Desktop, profile: &Profile, lang: &str, args: &[&str]) -> App {
        match Self::try_launch(desktop, profile, lang, args).await {
            Ok(app) => app,
            Err(first) => {
                eprintln!("launch failed ({first}); retrying once");
                Self::try_launch(desktop, profile, lang, args)
                    .await
                    .unwrap_or_else(|e| panic!("launch failed twice: {e}"))
            }
        }
    }

    async fn try_launch(
        desktop: &Desktop,
        profile: &Profile,
        lang: &str,
        args: &[&str],
    ) -> Result<App, String> {
        let (port, native_port) = (free_port(), free_port());
        let log = tempfile::Builder::new()
            .prefix("reader-e2e-")
            .suffix(".log")
            .tempfile()
            .unwrap()
            .into_temp_path()
            .keep()
            .unwrap();
        let out = std::fs::File::create(&log).unwrap();
        let driver = TauriDriver(
            Command::new(tauri_driver())
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("LANGUAGE")
                .envs(profile.env(desktop, lang))
                .stdout(out.try_clone().unwrap())
                .stderr(out)
                .spawn()
                .map_err(|e| format!("tauri-driver: {e}"))?,
        );
        let url = format!("http://127.0.0.1:{port}");
        wait_for("tauri-driver to listen", 100, || async {
            std::net::TcpStream::connect(("127.0.0.1", port))
                .ok()
                .map(|_| ())
        })
        .await;
        let capabilities = json!({
            "tauri:options": { "application": app_binary(), "args": args }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&url)
            .await
            .map_err(|e| format!("WebDriver session: {e}"))?;
        let app = App {
            client,
            _driver: driver,
            log,
        };
        app.wait_for_page().await;
        Ok(app)
    }

    /// Waits until a page body is in `<main>`, laid out in its own fonts (a restored
    /// position is placed again when they come).
    pub async fn wait_for_page(&self) {
        wait_for("a page body", 100, || async {
            let ready = self
                .js("return !!document.querySelector('main article')")
                .await;
            ready.as_bool().filter(|r| *r)
        })
        .await;
        self.settle().await;
    }

    /// Waits until the window shows what a reader sees (see [`SETTLE_JS`]).
    pub async fn settle(&self) {
        self.js_async(SETTLE_JS).await;
    }

    /// A PNG of the screen once the window has settled (see [`Desktop::screenshot`]).
    pub async fn screenshot(&self, desktop: &Desktop, name: &str) -> PathBuf {
        self.settle().await;
        desktop.screenshot(name)
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        run_js(&self.client, script).await
    }

    /// Runs an async script (`arguments[0]` is the callback).
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, vec![])
            .await
            .unwrap_or(Value::Null)
    }

    pub async fn click(&self, css: &str) {
        click(&self.client, css).await
    }

    pub async fn page(&self) -> (String, String) {
        body_shown(&self.client).await
    }

    pub async fn wait_for_body(&self, lang: &str, slug: &str) {
        wait_for_body(&self.client, lang, slug).await
    }

    /// Types into the search box and waits for the answer (see [`search`]).
    pub async fn search(&self, keys: &str) {
        search(&self.client, keys).await
    }

    /// From the toolbar to the article, through the news list (in the reading language).
    pub async fn open_article(&self) {
        let (lang, _) = self.page().await;
        self.click("#nav a[data-slug='news']").await;
        self.wait_for_body(&lang, "news").await;
        self.click("main a[data-slug='news/country-strategy']")
            .await;
        self.wait_for_body(&lang, "news/country-strategy").await;
    }

    /// The id of the block at the top of the view (as the UI computes it for saving).
    pub async fn top_block(&self) -> String {
        self.js(
            "const top = document.querySelector('.toolbar').getBoundingClientRect().bottom;
             for (const b of document.querySelectorAll('main .block[id], main .pair[id]')) {
               if (b.getBoundingClientRect().bottom > top + 1) return b.id;
             }
             return null;",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Waits until block `id` is marked as the one a search result opened.
    pub async fn wait_for_search_hit(&self, id: &str) {
        wait_for(&format!("{id} highlighted"), 50, || async {
            self.js(&format!(
                "const b = document.getElementById('{id}'); return !!b && b.classList.contains('search-hit')"
            ))
            .await
            .as_bool()
            .filter(|v| *v)
        })
        .await;
    }

    /// Scrolls so that block `id` is at the top of the view.
    pub async fn scroll_to_block(&self, id: &str) {
        self.js(&format!(
            "const b = document.getElementById('{id}');
             const top = document.querySelector('.toolbar').getBoundingClientRect().bottom;
             window.scrollTo(0, window.scrollY + b.getBoundingClientRect().top - top + 2);"
        ))
        .await;
        wait_for(&format!("{id} at the top"), 50, || async {
            (self.top_block().await == id).then_some(())
        })
        .await;
    }

    /// Scrolls to the top and waits until that frame is painted (for screenshots).
    pub async fn scroll_to_top(&self) {
        self.js_async(
            "const done = arguments[0]; window.scrollTo(0, 0);
             requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY)))",
        )
        .await;
    }

    /// Ends the session (the app exits), stops tauri-driver and returns the log.
    pub async fn quit(self) -> String {
        let _ = self.client.clone().close().await;
        let log = self.log.clone();
        drop(self);
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        text
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
    let path = home.join("bin/tauri-driver");
    assert!(
        path.exists(),
        "tauri-driver is missing: cargo install tauri-driver --locked"
    );
    path
}

/// In the page: every block of `main` holding Lao, as `{ id, text, starts }`: its text (the
/// markers' left out) and where each of its rendered lines starts (UTF-16 offsets into
/// `text`), found by measuring each character's box (`Range.getClientRects`).
pub const LAO_LINE_STARTS_JS: &str = "
  const out = [];
  for (const block of document.querySelectorAll('main .block')) {
    if (!/[\\u0E80-\\u0EFF]/.test(block.textContent)) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = '', starts = [], lastTop = null;
    const range = document.createRange();
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('.marker, .other-text')) continue;
      for (let i = 0; i < node.data.length; i++) {
        const code = node.data.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) continue;
        if (/\\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1));
        const rect = range.getClientRects()[0];
        if (!rect || rect.height === 0) continue;
        if (lastTop === null || rect.top > lastTop + rect.height / 2) { starts.push(text.length + i); lastTop = rect.top; }
      }
      text += node.data;
    }
    out.push({ id: block.id, text, starts });
  }
  return out;";

/// Where the lines measured by [`LAO_LINE_STARTS_JS`] start wrongly: inside a Lao word or a
/// kept name (as `reader_core::line_breaks` cuts the text), before ໆ or a closing mark.
pub fn bad_lao_line_starts(blocks: &Value, keep: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    for block in blocks.as_array().into_iter().flatten() {
        let text = block["text"].as_str().unwrap_or_default();
        // UTF-16 offsets → byte offsets.
        let mut bytes_at = Vec::new();
        for (byte, c) in text.char_indices() {
            for _ in 0..c.len_utf16() {
                bytes_at.push(byte);
            }
        }
        bytes_at.push(text.len());
        let units = reader_core::line_breaks::units(text, keep);
        for start in block["starts"].as_array().into_iter().flatten() {
            let at = bytes_at[start.as_u64().unwrap_or(0) as usize];
            if at == 0 {
                continue;
            }
            let c = text[at..].chars().next().unwrap_or(' ');
            let inside = units
                .iter()
                .find(|(range, lao)| *lao && range.start < at && at < range.end);
            let why = if matches!(c, 'ໆ' | 'ຯ' | ')' | ']' | '.' | ',' | ':' | ';' | '!' | '?')
            {
                Some(format!("starts with {c:?}"))
            } else {
                inside.map(|(range, _)| format!("inside {:?}", &text[range.clone()]))
            };
            if let Some(why) = why {
                let line: String = text[at..].chars().take(12).collect();
                bad.push(format!("{}: a line {why}: {line}…", block["id"]));
            }
        }
    }
    bad
}

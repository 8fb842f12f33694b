//! The reader's preferences, one small JSON file. A corrupt or unreadable file gives the
//! defaults (the app must start); saving writes a temporary file and renames it, so a
//! crash never leaves half a file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::window::WindowState;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Preferences {
    /// The reading locale; `None` until the user (or the first start) picks one.
    pub locale: Option<String>,
    /// The page being read, and where: the block at the top of the window and how far
    /// (in pixels) the view is scrolled past its top.
    pub last_slug: Option<String>,
    pub last_block: Option<String>,
    pub last_offset: f64,
    /// Text size in percent of the default.
    pub text_scale: u32,
    /// `light`, `dark`, or `None` to follow the system.
    pub theme: Option<String>,
    /// English and the translation in two aligned columns.
    pub side_by_side: bool,
    /// The window's size, place and maximized state, as last left (the app's own: the UI
    /// neither sends nor changes it).
    pub window: Option<WindowState>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            locale: None,
            last_slug: None,
            last_block: None,
            last_offset: 0.0,
            text_scale: 100,
            theme: None,
            side_by_side: false,
            window: None,
        }
    }
}

pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<u32> = 70..=200;

impl Preferences {
    /// Reads the file; a missing file is the defaults, a corrupt or unreadable one too,
    /// with the reason returned for the log.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Self::default(), None),
            Err(e) => {
                return (
                    Self::default(),
                    Some(format!("{}: {e}; using defaults", path.display())),
                )
            }
        };
        match serde_json::from_str::<Self>(&text) {
            Ok(prefs) => (prefs.sanitized(), None),
            Err(e) => (
                Self::default(),
                Some(format!("{}: {e}; using defaults", path.display())),
            ),
        }
    }

    /// Writes the file atomically (see [`replace_file`]).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        replace_file(path, &serde_json::to_vec_pretty(self)?)
    }

    /// Values out of range (a hand-edited file) are brought back in range.
    pub fn sanitized(mut self) -> Self {
        self.text_scale = self
            .text_scale
            .clamp(*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end());
        if !self.last_offset.is_finite() {
            self.last_offset = 0.0;
        }
        if !matches!(self.theme.as_deref(), None | Some("light") | Some("dark")) {
            self.theme = None;
        }
        self
    }
}

/// Replaces a small file of the reader's whole: a temporary file, created new under a random
/// name (never through a link planted at a known name), then renamed over the old one, so a
/// crash never leaves half a file.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".write-")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prefs/preferences.json");
        let prefs = Preferences {
            locale: Some("lo".into()),
            last_slug: Some("news/country-strategy".into()),
            last_block: Some("news-country-strategy-p3".into()),
            last_offset: 12.5,
            text_scale: 120,
            theme: Some("dark".into()),
            side_by_side: true,
            window: Some(WindowState {
                frame: crate::window::Rect {
                    x: -10,
                    y: 20,
                    width: 900,
                    height: 600,
                },
                maximized: true,
            }),
        };
        prefs.save(&path).unwrap();
        assert_eq!(Preferences::load(&path), (prefs, None));
    }

    #[test]
    fn corrupt_file_gives_defaults_and_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.json");
        for garbage in [
            &b"{\"locale\": "[..],
            b"\xff\xfe\x00",
            b"[1,2,3]",
            b"{\"textScale\": \"big\"}",
        ] {
            std::fs::write(&path, garbage).unwrap();
            let (prefs, warning) = Preferences::load(&path);
            assert_eq!(prefs, Preferences::default());
            assert!(warning.unwrap().contains("using defaults"));
        }
    }

    #[test]
    fn unreadable_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be cannot be read as a file.
        let path = dir.path().join("preferences.json");
        std::fs::create_dir(&path).unwrap();
        let (prefs, warning) = Preferences::load(&path);
        assert_eq!(prefs, Preferences::default());
        assert!(warning.is_some());
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.json");
        std::fs::write(
            &path,
            r#"{"textScale": 5000, "theme": "neon", "unknown": 1}"#,
        )
        .unwrap();
        let (prefs, warning) = Preferences::load(&path);
        assert_eq!(warning, None);
        assert_eq!(prefs.text_scale, 200);
        assert_eq!(prefs.theme, None);
    }
}

//! Errors of the app's commands, as the UI receives them: `{ kind, message }`, so it can
//! show a localized message by `kind`.

use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("unknown locale `{0}`")]
    UnknownLocale(String),
    #[error("could not save preferences: {0}")]
    SavePreferences(#[from] std::io::Error),
    #[error("{0}")]
    Window(#[from] tauri::Error),
    /// A refused content pack; `kind` is the pack error's own (`pack-error-<kind>` in ui.ftl).
    #[error("{0}")]
    Pack(#[from] reader_core::pack::PackError),
    /// A refused bookmarks file (`bookmarks-error-<kind>` in ui.ftl).
    #[error("{0}")]
    Bookmarks(#[from] reader_core::bookmarks::BookmarksError),
}

impl CommandError {
    fn kind(&self) -> &'static str {
        match self {
            CommandError::UnknownLocale(_) => "unknown-locale",
            CommandError::SavePreferences(_) => "save-preferences",
            CommandError::Window(_) => "window",
            CommandError::Pack(e) => e.kind(),
            CommandError::Bookmarks(e) => e.kind(),
        }
    }
}

impl Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("CommandError", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

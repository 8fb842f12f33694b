### The reader's own words: toolbar, dialogs, notices. Plain text only (no markup).
### Variables: { $app-version }, { $content-version }, { $content-date } (About box).

# The window's title: the page's title and the app's name.
window-title = { $page } — { app-name }
app-name = IOM Lao PDR Reader
# The language's name in its own script, as the language switch lists it.
locale-name = English
skip-to-content = Skip to content
toolbar-label = Reader tools
nav-label = Sections
back = Back
forward = Forward
language-label = Language
language-switch-hint = Switch language
text-smaller = Smaller text
text-larger = Larger text
theme-dark = Dark theme
theme-light = Light theme
about = About the reader
about-title = About this reader
about-app = { app-name }, version { $app-version }
about-content = Content version { $content-version }, { $content-date }, { $content-origin ->
    [imported] imported from a content pack
    [folder] read from a content folder
   *[built-in] built into the reader
}
about-offline = Everything shown here is stored on this computer: the reader works without a network connection. Links to IOM's websites and e-mail addresses open in your browser or mail program.
about-translation = The Lao translation is the project's draft and has not yet been reviewed by a Lao-speaking reviewer.
about-fonts = Lao text is shown in Noto Sans Lao, Latin text in Noto Sans (SIL Open Font License 1.1).
about-close = Close
page-not-translated = This page is not yet translated; it is shown in English.
not-found-title = Page not found
not-found-text = This reader has no page at this address.
not-found-home = Go to the home page
load-error = This page could not be loaded.
marker-fallback = not yet translated, shown in English
marker-outdated = may be outdated: show the English
marker-outdated-open = showing the English: press again to hide it
status-fallback = { $count ->
    [one] one paragraph shown in English
   *[other] { $count } paragraphs shown in English
}
status-outdated = { $count ->
    [one] one may be outdated
   *[other] { $count } may be outdated
}
status-unreviewed = translation not yet reviewed
side-by-side-hint = Show English and the translation side by side
other-language-hint = Show this paragraph in the other language (Ctrl+Shift+O)
search-label = Search
search-placeholder = Search (Ctrl+K)
search-no-results = Nothing found.
search-preparing = Preparing search for this content…
search-unavailable = Search is not available: its files in this copy of the pages are missing or damaged. The pages themselves still work.
import-content = Import content…
restore-content = Restore previous content
pack-preview-title = New content
pack-from = From
pack-version = Content version
pack-date = Date
pack-added = Pages added
pack-changed = Pages changed
pack-removed = Pages removed
pack-translation = Translation
pack-untranslated = paragraphs shown in English
pack-unreviewed = not yet reviewed
pack-install = Install
pack-cancel = Cancel
pack-installed = The new content is installed.
pack-restored = The previous content is back.
pack-nothing-to-restore = There is no earlier content to go back to.
bookmark-add-hint = Bookmark this paragraph
bookmarks = Bookmarks
bookmarks-title = Bookmarks
bookmarks-empty = No bookmarks yet. Bookmark the paragraph you are reading with ☆ or Ctrl+D.
bookmark-added = Paragraph bookmarked.
bookmark-remove = Remove
bookmark-missing = This paragraph is no longer in the content: opens its page.
bookmarks-export = Save bookmarks as a file…
bookmarks-import = Add bookmarks from a file…
bookmarks-exported = Bookmarks saved.
bookmarks-imported = Bookmarks added:
bookmarks-left-out = Left out (pages not in this content, or unreadable entries):
bookmarks-error-too-large = This file is too large to be a bookmarks file.
bookmarks-error-not-bookmarks = This file is not a bookmarks file of this reader.
bookmarks-error-io = The file could not be read or written.
bookmarks-error-note = Your bookmarks were not changed.
bookmarks-close = Close
print = Print
print-source = Content version { $content-version }, { $content-date } · laopdr.iom.int
ui-not-translated = The reader's menus and buttons are not translated into this language: they are shown in English.
pack-error-note = Nothing was changed: the content you had is still there.
pack-error-not-a-pack = This file is not a content pack.
pack-error-unsigned = This content pack is not signed, so it cannot be trusted.
pack-error-unknown-key = This content pack was not signed by the IOM office.
pack-error-bad-signature = This content pack is damaged or was changed after the office signed it.
pack-error-newer-format = This content pack needs a newer version of the reader.
pack-error-corrupt = This content pack is damaged.
pack-error-unsafe-entry = This content pack holds files that are not allowed.
pack-error-too-large = This content pack is too large.
pack-error-invalid-content = This content pack's pages have errors.
pack-error-not-newer = This content is not newer than the content you have.
pack-error-older-than-installed = This content is older than content already installed on this computer: going back to it is not allowed.
pack-error-busy = Another import of content is under way. Wait for it to finish, then try again.
pack-error-io = The file could not be read or the content could not be saved.
pack-error-nothing-pending = No content pack is waiting to be installed. Open one first.
pack-error-no-store = Content packs cannot be installed while the reader shows a content folder.
# On paper, at the top of each page: who the content is from.
print-org = { -org-name }
# Restoring content is asked first (About).
restore-question = Show the content from before the last import again? It replaces the content showing now.
restore-yes = Restore
# Links that leave the app: their description, and the notice when one is handed over.
link-opens-web = Opens in your web browser
link-opens-mail = Opens in your e-mail program
link-opening-web = Opening in your web browser…
link-opening-mail = Opening in your e-mail program…
link-not-opened = This link could not be opened: no web browser or e-mail program was found.
# The list of keyboard shortcuts (F1 or ?).
shortcuts-open = Keyboard shortcuts
shortcuts-title = Keyboard shortcuts
shortcuts-close = Close
shortcut-search = Search
shortcut-results = Choose a search result, open it, close the list
shortcut-history = Back, forward
shortcut-language = Switch language
shortcut-side-by-side = English and the translation side by side
shortcut-other-text = Show the other language of the focused paragraph
shortcut-text-size = Larger, smaller text
shortcut-bookmark = Bookmark the paragraph
shortcut-print = Print
shortcut-help = This list of shortcuts

// The window's one document: the frame (toolbar, navigation, language switch) and a <main>
// into which page bodies rendered by the core are swapped. No reload on any change, so a
// language switch keeps the reader where they were.
"use strict";

// ---- where pages come from: the desktop app, `reader serve`, or a static export ------------
//
// In the app, the Rust core answers commands and the reader:// scheme. A served or exported
// page says what it is in <script id="reader-config"> and gets the UI strings from
// ui/chromes.js (see reader-core's document.rs);
// `serve` answers bodies and search over HTTP; an export has neither, so it moves between
// static files instead of swapping bodies.

const CONFIG = (() => {
  const element = document.getElementById("reader-config");
  return element ? JSON.parse(element.textContent) : null;
})();
const MODE = window.__TAURI__ ? "app" : CONFIG ? CONFIG.mode : "app";
const WEB = MODE !== "app";
const WEB_PREFERENCES_KEY = "reader-preferences";

// The app's content scheme: reader://localhost on Linux and macOS, http://reader.localhost
// on Windows (WebView2 maps custom schemes to http).
const APP_CONTENT_BASE = /Windows/.test(navigator.userAgent) ? "http://reader.localhost" : "reader://localhost";

const backend = {
  async startup() {
    if (!WEB) return window.__TAURI__.core.invoke("startup");
    let saved = {};
    try { saved = JSON.parse(localStorage.getItem(WEB_PREFERENCES_KEY)) || {}; } catch (_) { saved = {}; }
    const block = decodeURIComponent(location.hash.slice(1));
    return {
      chrome: window.READER_CHROMES[CONFIG.locale],
      content: CONFIG.content,
      appVersion: CONFIG.appVersion,
      preferences: {
        locale: CONFIG.locale, lastSlug: CONFIG.slug, lastBlock: block || null, lastOffset: 0,
        textScale: Number(saved.textScale) || 100, theme: saved.theme || null,
        sideBySide: MODE === "serve" && !!saved.sideBySide,
      },
    };
  },
  // The chrome in `locale` and the body of `slug` in it (`view`: "side-by-side" or null):
  // the app answers both in one command.
  async switchLocale(locale, slug, view) {
    if (!WEB) return window.__TAURI__.core.invoke("set_locale", { locale, slug, sideBySide: view === "side-by-side" });
    history.replaceState(null, "", CONFIG.alternates[locale] + location.hash);
    const body = slug ? await this.body(locale, slug, view) : null;
    return { chrome: window.READER_CHROMES[locale], body };
  },
  savePreferences(prefs) {
    if (!WEB) return window.__TAURI__.core.invoke("save_preferences", { preferences: prefs }).catch((e) => console.error(e));
    const { textScale, theme, sideBySide } = prefs;
    try { localStorage.setItem(WEB_PREFERENCES_KEY, JSON.stringify({ textScale, theme, sideBySide })); } catch (_) { /* private mode */ }
  },
  // A page body (HTML fragment), or null where there is none to fetch (an export).
  async body(locale, slug, view) {
    const query = view ? `?view=${view}` : "";
    if (MODE === "export") return null;
    const base = MODE === "serve" ? "/_body" : APP_CONTENT_BASE;
    const response = await fetch(`${base}/${locale}/${slug}${query}`);
    return response.text(); // a 404 still carries a localized body
  },
  // { hits, preparing }: `preparing` is the percent done while the index is prepared (the
  // app answers at once; `serve` waits for its index). null when search is unavailable (an
  // export whose index files are missing or damaged).
  async search(query, locale) {
    if (!WEB) return window.__TAURI__.core.invoke("search", { query, locale });
    if (MODE === "export") return exportSearch(query, locale);
    const response = await fetch(`/api/search?q=${encodeURIComponent(query)}&lang=${locale}`);
    return { hits: await response.json(), preparing: null };
  },
  pagePainted() {
    if (!WEB) window.__TAURI__.core.invoke("page_painted");
  },
};

// An export searches its static index (search/) with ui/search.js, loaded when first needed.
const EXPORT_SEARCH_RESULTS = 20; // as the app's
let exportEngine = null;
function exportSearch(query, locale) {
  if (!exportEngine) {
    exportEngine = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${CONFIG.root}ui/search.js`;
      script.onload = () => (window.READER_SEARCH ? resolve(window.READER_SEARCH) : reject(new Error("ui/search.js")));
      script.onerror = () => reject(new Error("ui/search.js is missing"));
      document.head.append(script);
    }).then((engine) => { engine.setRoot(CONFIG.root); return engine; });
  }
  return exportEngine
    .then((engine) => engine.search(query, locale, EXPORT_SEARCH_RESULTS))
    .then((hits) => ({ hits, preparing: null }), (error) => { console.error(error); return null; });
}

function pageHref(locale, slug) {
  return WEB ? `${CONFIG.root}${locale}/${slug}${CONFIG.suffix}` : `/${locale}/${slug}`;
}
const TEXT_SCALE_STEP = 10;
const TEXT_SCALE_MIN = 70;
const TEXT_SCALE_MAX = 200;

const state = {
  chrome: null,        // UI strings, navigation and locales of the reading locale
  prefs: null,         // what is remembered across restarts
  history: [],         // visited pages: { slug, position } (where the reader left each)
  historyIndex: -1,
  painted: false,
};

const $ = (selector) => document.querySelector(selector);
const main = $("#main");

function text(id) {
  return (state.chrome && state.chrome.strings[id]) || "";
}

// ---- the frame -----------------------------------------------------------------------

function applyChrome(chrome) {
  state.chrome = chrome;
  document.documentElement.lang = chrome.locale;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = text(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = text(el.dataset.i18nPlaceholder);
  }
  for (const el of document.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", text(el.dataset.i18nLabel));
    el.title = text(el.dataset.i18nLabel);
  }
  // Tooltips name their shortcut (F1 lists them all).
  for (const el of document.querySelectorAll("[data-shortcut]")) {
    el.title = withShortcut(el.dataset.i18nLabel ? text(el.dataset.i18nLabel) : el.textContent, el.dataset.shortcut);
  }
  $(".for-translations").hidden = chrome.locale === chrome.source_locale;
  // On paper: who the content is from, in which language, from which content and where.
  $("#print-header").textContent = [text("print-org"), localeName(chrome.locale), text("print-source")]
    .filter(Boolean).join(" · ");
  // Pages in a language the app has no menus for: the menus are in the source language.
  $("#ui-untranslated").hidden = chrome.ui_translated;

  // A language switch changes words, not structure: the links and buttons are updated in
  // place (rebuilt only when the pages or languages themselves changed).
  const nav = $("#nav ul");
  const links = [...nav.querySelectorAll("a")];
  if (links.length === chrome.nav.length && links.every((a, i) => a.dataset.slug === chrome.nav[i].slug)) {
    links.forEach((a, i) => {
      a.href = pageHref(chrome.locale, chrome.nav[i].slug);
      a.textContent = chrome.nav[i].label;
    });
  } else {
    nav.replaceChildren(...chrome.nav.map((item) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = pageHref(chrome.locale, item.slug);
      a.dataset.slug = item.slug;
      a.textContent = item.label;
      li.append(a);
      return li;
    }));
  }

  const languages = $("#languages");
  const buttons = [...languages.querySelectorAll("button")];
  const sameLanguages = buttons.length === chrome.locales.length
    && buttons.every((b, i) => b.dataset.locale === chrome.locales[i].code && b.textContent === chrome.locales[i].native_name);
  if (!sameLanguages) {
    languages.replaceChildren(...chrome.locales.map((locale) => {
      const button = document.createElement("button");
      button.type = "button";
      button.lang = locale.code;
      button.dataset.locale = locale.code;
      button.textContent = locale.native_name;
      button.addEventListener("click", () => switchLocale(locale.code));
      return button;
    }));
  }
  for (const button of languages.querySelectorAll("button")) {
    button.title = withShortcut(text("language-switch-hint"), "Ctrl+Shift+L");
    button.setAttribute("aria-keyshortcuts", "Control+Shift+L");
    button.setAttribute("aria-pressed", String(button.dataset.locale === chrome.locale));
  }
  applyTheme();
}

function withShortcut(label, shortcut) {
  return `${label} (${shortcut})`;
}

function currentSlug() {
  const entry = state.history[state.historyIndex];
  return entry && entry.slug;
}

function markCurrentSection(section) {
  for (const a of document.querySelectorAll("#nav a")) {
    if (a.dataset.slug === section) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  $("#back").disabled = state.historyIndex <= 0;
  $("#forward").disabled = state.historyIndex >= state.history.length - 1;
}

// ---- pages ---------------------------------------------------------------------------

// Fetches the page body and swaps it in; `position` ({ block, offset }) says where to scroll.
let pageSerial = 0;
async function showPage(slug, position) {
  const serial = ++pageSerial;
  let html;
  try {
    html = await backend.body(state.chrome.locale, slug, state.prefs.sideBySide ? "side-by-side" : null);
    if (serial !== pageSerial) return; // a later page was asked for meanwhile
  } catch (error) {
    if (serial !== pageSerial) return;
    console.error(error);
    const p = document.createElement("p");
    p.className = "page-notice";
    p.textContent = text("load-error");
    main.replaceChildren(p);
    return;
  }
  showBody(html, position);
}

// Swaps a body in (null: an export's page is already in the document), in one DOM update,
// then scrolls to `position`.
function showBody(html, position) {
  performance.mark("body-answered");
  if (html !== null) main.innerHTML = html;
  performance.mark("body-in");
  const article = main.querySelector("article");
  markCurrentSection(article ? article.dataset.section : "");
  nameWindow(article);
  restorePosition(position);
  performance.mark("position-restored");
  if (!state.painted) {
    state.painted = true;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      backend.pagePainted();
      setTimeout(warmFonts, 0);
    }));
  }
}

// "Page — IOM Lao PDR Reader" in the reading language, as the core names the page; the app
// gives the document's title to the window.
function nameWindow(article) {
  const title = (article && article.dataset.windowTitle) || text("app-name");
  if (document.title !== title) document.title = title;
}

// Loads every bundled face once the first page is painted, so that the first switch to the
// other script does not wait for its font (`font-display: block` would hide its text).
function warmFonts() {
  for (const face of ['400 1em "Reader Noto Sans Lao"', '700 1em "Reader Noto Sans Lao"',
    '400 1em "Reader Noto Sans"', '700 1em "Reader Noto Sans"', 'italic 400 1em "Reader Noto Sans"']) {
    document.fonts.load(face, "ກ a").catch(() => {});
  }
}

// Opens a page; `block` (a message id) is scrolled to the top. On the web, pages are
// addresses: the browser goes there (and keeps the history).
async function navigate(slug, block) {
  if (WEB) {
    location.assign(pageHref(state.chrome.locale, slug) + (block ? `#${block}` : ""));
    return;
  }
  const position = block ? { block, offset: 0 } : null;
  if (slug === currentSlug() && shownSlug() === slug) {
    // The page showing (a search result on it, its own link): no second entry, as a
    // browser replaces rather than adds an entry for the same address.
    restorePosition(position);
  } else {
    rememberPosition();
    state.history.splice(state.historyIndex + 1);
    state.history.push({ slug, position: null });
    state.historyIndex = state.history.length - 1;
    await showPage(slug, position);
  }
  main.focus({ preventScroll: true });
  savePosition();
}

// Back and forward return to where the reader was on that page (#18, item 5).
async function goHistory(step) {
  if (WEB) {
    history.go(step);
    return;
  }
  const index = state.historyIndex + step;
  if (index < 0 || index >= state.history.length) return;
  rememberPosition();
  state.historyIndex = index;
  const entry = state.history[index];
  await showPage(entry.slug, entry.position);
  savePosition();
}

// Keeps the reading position in the current history entry, before leaving it (only when
// its page is the one showing: not while another is still on its way). The block at the
// top survives a language or size change; the scroll offset is exact when neither
// changed (a list of pages has no blocks to find further down).
function rememberPosition() {
  const entry = state.history[state.historyIndex];
  if (!entry || shownSlug() !== entry.slug) return;
  entry.position = { ...readingPosition(), y: window.scrollY, layout: layoutKey() };
}

function shownSlug() {
  const article = main.querySelector("article[data-slug]");
  return article && article.dataset.slug;
}

// What the page's layout depends on besides the window: the reading language, text size, view.
function layoutKey() {
  return `${state.chrome.locale} ${state.prefs.textScale} ${!!state.prefs.sideBySide}`;
}

// ---- reading position ------------------------------------------------------------------

function toolbarBottom() {
  return $(".toolbar").getBoundingClientRect().bottom;
}

// The block at the top of the view, and how far (as a share of its height) it is scrolled
// past: shares survive a language switch, where the same block has another height.
function readingPosition() {
  const top = toolbarBottom();
  // A block carries its message id; in the side-by-side view, the pair of blocks does.
  for (const block of main.querySelectorAll(".block[id], .pair[id]")) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom > top + 1) {
      const offset = rect.height > 0 ? Math.min(Math.max((top - rect.top) / rect.height, 0), 1) : 0;
      return { block: block.id, offset };
    }
  }
  return null;
}

function restorePosition(position) {
  placeAt(position);
  // Text laid out before its font arrived moves when it does (`font-display: block` lays
  // it out in a fallback's metrics): placed again then, unless the reader scrolled since.
  if (document.fonts.status === "loading") {
    const placed = window.scrollY;
    document.fonts.ready.then(() => { if (window.scrollY === placed) placeAt(position); });
  }
}

function placeAt(position) {
  if (position && position.y !== undefined && position.layout === layoutKey()) {
    window.scrollTo(0, position.y);
    return;
  }
  const block = position && position.block && document.getElementById(position.block);
  if (!block) {
    window.scrollTo(0, 0);
    return;
  }
  const rect = block.getBoundingClientRect();
  const y = window.scrollY + rect.top - toolbarBottom() + rect.height * (position.offset || 0);
  window.scrollTo(0, Math.max(0, y));
}

let saveTimer = null;
function savePosition() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const position = readingPosition();
    state.prefs.lastSlug = currentSlug();
    state.prefs.lastBlock = position ? position.block : null;
    state.prefs.lastOffset = position ? position.offset : 0;
    savePreferences();
  }, 300);
}

function savePreferences() {
  backend.savePreferences(state.prefs);
}

// ---- language, text size, theme ----------------------------------------------------------

async function switchLocale(locale) {
  if (!state.chrome || locale === state.chrome.locale) return;
  performance.mark("switch-start"); // marks: where a switch's time goes (scripts/bench_ui.sh)
  const position = readingPosition();
  if (MODE === "export") {
    // Static files: go to the same page in that language, at the same block.
    location.assign(CONFIG.alternates[locale] + (position ? `#${position.block}` : ""));
    return;
  }
  const view = state.prefs.sideBySide ? "side-by-side" : null;
  const { chrome, body } = await backend.switchLocale(locale, currentSlug(), view);
  performance.mark("switch-answered");
  state.prefs.locale = locale;
  applyChrome(chrome);
  performance.mark("switch-chrome-applied");
  if (body !== null) showBody(body, position);
  else await showPage(currentSlug(), position);
  savePosition();
}

function nextLocale() {
  const codes = state.chrome.locales.map((l) => l.code);
  return codes[(codes.indexOf(state.chrome.locale) + 1) % codes.length];
}

// The reading area's size (main's, in em below it): the toolbar and dialogs keep the
// system's size (#18, item 1).
function applyTextScale() {
  document.documentElement.style.setProperty("--text-scale", String(state.prefs.textScale / 100));
  const smaller = $("#text-smaller");
  const larger = $("#text-larger");
  const focused = document.activeElement;
  smaller.disabled = state.prefs.textScale <= TEXT_SCALE_MIN;
  larger.disabled = state.prefs.textScale >= TEXT_SCALE_MAX;
  // A disabled button drops the focus to the page: it moves to its neighbour instead, the
  // one that can still act (#18, item 8).
  if (focused === larger && larger.disabled) smaller.focus();
  else if (focused === smaller && smaller.disabled) larger.focus();
}

function changeTextScale(step) {
  const position = readingPosition();
  const scale = Math.min(Math.max(state.prefs.textScale + step, TEXT_SCALE_MIN), TEXT_SCALE_MAX);
  state.prefs.textScale = scale;
  applyTextScale();
  restorePosition(position);
  savePreferences();
}

function effectiveTheme() {
  if (state.prefs.theme) return state.prefs.theme;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function applyTheme() {
  const theme = effectiveTheme();
  document.documentElement.dataset.theme = theme;
  const label = text(theme === "dark" ? "theme-light" : "theme-dark");
  $("#theme").setAttribute("aria-label", label);
  $("#theme").title = label;
}

function toggleTheme() {
  state.prefs.theme = effectiveTheme() === "dark" ? "light" : "dark";
  applyTheme();
  savePreferences();
}

// ---- bookmarks (the app): paragraphs to come back to, in a file of their own ----------------

const bookmarksDialog = $("#bookmarks");

function invoke(command, args) {
  return window.__TAURI__.core.invoke(command, args);
}

// Bookmarks the focused paragraph, or the one at the top of the view.
async function addBookmark() {
  const block = focusedBlock();
  if (WEB || !block) return;
  const list = await invoke("set_bookmark", { slug: currentSlug(), block: block.id, remove: false, locale: state.chrome.locale });
  renderBookmarks(list);
  bookmarksMessage(text("bookmark-added"));
  bookmarksDialog.showModal();
}

async function openBookmarks() {
  renderBookmarks(await invoke("bookmarks", { locale: state.chrome.locale }));
  bookmarksMessage(null);
  bookmarksDialog.showModal();
}

function bookmarksMessage(message) {
  const p = $("#bookmarks-message");
  p.hidden = !message;
  p.textContent = message || "";
}

// Newest first: the page's title and the paragraph's first words, in the reading language.
function renderBookmarks(list) {
  $("#bookmarks-empty").hidden = list.length > 0;
  $("#bookmarks-list").replaceChildren(...list.map((bookmark) => {
    const li = document.createElement("li");
    li.dataset.slug = bookmark.slug;
    li.dataset.block = bookmark.block;
    const open = document.createElement("button");
    open.type = "button";
    open.className = "bookmark-open";
    const title = document.createElement("strong");
    title.textContent = bookmark.page_title;
    const words = document.createElement("span");
    words.textContent = bookmark.missing ? text("bookmark-missing") : bookmark.excerpt;
    if (bookmark.missing) li.classList.add("missing");
    open.append(title, words);
    open.addEventListener("click", () => {
      bookmarksDialog.close();
      navigate(bookmark.slug, bookmark.missing ? null : bookmark.block);
    });
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "bookmark-remove";
    remove.textContent = text("bookmark-remove");
    remove.addEventListener("click", async () => {
      renderBookmarks(await invoke("set_bookmark", { slug: bookmark.slug, block: bookmark.block, remove: true, locale: state.chrome.locale }));
    });
    li.append(open, remove);
    return li;
  }));
}

async function exportBookmarks() {
  try {
    if (await invoke("export_bookmarks")) bookmarksMessage(text("bookmarks-exported"));
  } catch (error) {
    bookmarksMessage(`${text(`bookmarks-error-${error.kind}`) || error.message}`);
  }
}

// `path`: a file given by a test (the system's dialog can't be driven); else the dialog.
async function importBookmarks(path) {
  try {
    const imported = await invoke("import_bookmarks", { path: path === undefined ? null : path, locale: state.chrome.locale });
    if (!imported) return;
    renderBookmarks(imported.bookmarks);
    const leftOut = imported.leftOut ? ` · ${text("bookmarks-left-out")} ${imported.leftOut}` : "";
    bookmarksMessage(`${text("bookmarks-imported")} ${imported.added}${leftOut}`);
  } catch (error) {
    bookmarksMessage(`${text(`bookmarks-error-${error.kind}`) || error.message} ${text("bookmarks-error-note")}`);
  }
  if (!bookmarksDialog.open) bookmarksDialog.showModal();
}

// ---- translation: the other language of one block, side by side ---------------------------

// The source language for a translation's reader; for a source-language reader, the
// first translation.
function otherLocale() {
  const source = state.chrome.source_locale;
  if (state.chrome.locale !== source) return source;
  return state.chrome.locales.map((l) => l.code).find((code) => code !== source) || source;
}

// Shows (or hides) the other language's text of one block, inside it, from the other
// locale's rendering of the same page (blocks are aligned by message id).
async function toggleOtherText(block) {
  const shown = block.querySelector(":scope > .other-text");
  const marker = block.querySelector(":scope > .marker[aria-expanded]");
  if (shown) {
    shown.remove();
    if (marker) {
      marker.setAttribute("aria-expanded", "false");
      marker.textContent = text("marker-outdated");
    }
    return;
  }
  const locale = otherLocale();
  if (MODE === "export") {
    location.assign(CONFIG.alternates[locale] + `#${block.id}`);
    return;
  }
  const html = await backend.body(locale, currentSlug(), null);
  const other = new DOMParser().parseFromString(html, "text/html").getElementById(block.id);
  if (!other) return;
  for (const extra of other.querySelectorAll(".marker, .other-text")) extra.remove();
  const box = document.createElement("span");
  box.className = "other-text";
  box.lang = other.lang || locale;
  const name = state.chrome.locales.find((l) => l.code === locale);
  box.setAttribute("aria-label", name ? name.native_name : locale);
  box.innerHTML = other.innerHTML; // sanitized by the core, like every body
  block.append(box);
  if (marker) {
    // Open, it says how to close it (#18, item 9).
    marker.setAttribute("aria-expanded", "true");
    marker.textContent = text("marker-outdated-open");
  }
}

function focusedBlock() {
  const focused = document.activeElement && document.activeElement.closest("main .block[id]");
  if (focused) return focused;
  const position = readingPosition();
  return position && document.getElementById(position.block);
}

async function toggleSideBySide() {
  const position = readingPosition();
  state.prefs.sideBySide = !state.prefs.sideBySide;
  applySideBySide();
  await showPage(currentSlug(), position);
  savePosition();
}

function applySideBySide() {
  $("#side-by-side").setAttribute("aria-pressed", String(!!state.prefs.sideBySide));
  document.body.classList.toggle("wide", !!state.prefs.sideBySide);
}

// ---- search --------------------------------------------------------------------------------

const searchBox = $("#search");
const searchResults = $("#search-results");
let searchSerial = 0;

async function runSearch() {
  const serial = ++searchSerial;
  const query = searchBox.value;
  if (!query.trim()) {
    closeResults();
    return;
  }
  // Busy until the answer to the whole query shows (what shows meanwhile answers fewer
  // letters, or says how far the index is).
  searchResults.setAttribute("aria-busy", "true");
  const answer = await backend.search(query, state.chrome.locale).catch(() => ({ hits: [] }));
  if (serial !== searchSerial) return; // a newer keystroke already asked
  if (answer === null) {
    showSearchMessage(text("search-unavailable"));
    return;
  }
  if (answer.preparing != null) {
    // The index is being built (a first start on this content): say how far, ask again.
    showSearchMessage(`${text("search-preparing")} ${answer.preparing}%`, { final: false });
    setTimeout(() => { if (serial === searchSerial) runSearch(); }, SEARCH_RETRY_MS);
    return;
  }
  renderResults(answer.hits);
}
const SEARCH_RETRY_MS = 250;

function renderResults(hits) {
  const reading = state.chrome.locale;
  const items = hits.map((hit, index) => {
    // A match in the other language opens the same block in the reading language.
    const aligned = hit.aligned;
    const a = document.createElement("a");
    a.className = "result";
    a.id = `result-${index}`;
    a.tabIndex = -1; // options of the listbox: the box keeps the focus
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.href = `${pageHref(reading, hit.slug)}#${hit.id}`;
    a.dataset.resultSlug = hit.slug;
    a.dataset.resultBlock = hit.id;
    a.dataset.words = JSON.stringify(hit.locale === reading ? hit.matched : []);
    const title = document.createElement("span");
    title.className = "result-title";
    title.textContent = aligned ? aligned.page_title : hit.page_title;
    const snippet = document.createElement("span");
    snippet.className = "result-snippet";
    snippet.lang = hit.locale;
    snippet.innerHTML = hit.snippet_html; // escaped by the core, only <mark> added
    a.append(title, snippet);
    if (aligned) {
      const other = document.createElement("span");
      other.className = "result-aligned";
      other.lang = aligned.locale;
      other.textContent = aligned.text;
      a.append(other);
    }
    return a;
  });
  if (!items.length) {
    showSearchMessage(text("search-no-results"));
    return;
  }
  openResults(items);
}

// Shows the list with `children` (results or a message), none selected yet; `final`: the
// answer to the query in the box.
function openResults(children, { final = true } = {}) {
  searchResults.replaceChildren(...children);
  searchResults.hidden = false;
  if (final) searchResults.removeAttribute("aria-busy");
  searchBox.setAttribute("aria-expanded", "true");
  searchBox.removeAttribute("aria-activedescendant");
  fitResults();
}

// Keeps the open list inside the window: shifted left as far as it would spill out on the
// right (a narrow window puts the search box far right), never past the left edge (#18,
// item 3).
function fitResults() {
  if (searchResults.hidden) return;
  searchResults.style.transform = "";
  const margin = 8;
  const rect = searchResults.getBoundingClientRect();
  const spill = rect.right - (document.documentElement.clientWidth - margin);
  if (spill > 0) searchResults.style.transform = `translateX(${-Math.min(spill, Math.max(rect.left - margin, 0))}px)`;
}

function showSearchMessage(message, options) {
  const p = document.createElement("p");
  p.className = "no-results";
  p.textContent = message;
  openResults([p], options);
}

function closeResults() {
  searchSerial++; // an answer (or a retry while the index is prepared) still coming is dropped
  searchResults.hidden = true;
  searchResults.removeAttribute("aria-busy");
  searchResults.replaceChildren();
  searchBox.setAttribute("aria-expanded", "false");
  searchBox.removeAttribute("aria-activedescendant");
}

function resultOptions() {
  return [...searchResults.querySelectorAll(".result")];
}

// Selects result `index` (-1: none), scrolled into the list's view.
function selectResult(index) {
  const options = resultOptions();
  options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
  const chosen = options[index];
  if (chosen) {
    searchBox.setAttribute("aria-activedescendant", chosen.id);
    chosen.scrollIntoView({ block: "nearest" });
  } else {
    searchBox.removeAttribute("aria-activedescendant");
  }
}

const HIGHLIGHT_KEY = "reader-highlight";

async function openResult(link) {
  const words = JSON.parse(link.dataset.words || "[]");
  const block = link.dataset.resultBlock;
  closeResults();
  if (WEB) {
    // The page is loaded anew: it highlights what this left for it.
    try { sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify({ block, words })); } catch (_) { /* private mode */ }
  }
  await navigate(link.dataset.resultSlug, block);
  highlightBlock(block, words);
}

function highlightLeftByASearch() {
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(HIGHLIGHT_KEY));
    sessionStorage.removeItem(HIGHLIGHT_KEY);
  } catch (_) { pending = null; }
  if (pending && pending.block === decodeURIComponent(location.hash.slice(1))) highlightBlock(pending.block, pending.words || []);
}

// Marks the block a search result opened, and the matched words in it. A word may cross
// text nodes (Lao words are spans of their own, and a match can cover two): the block's
// text is searched whole, and each match marked piece by piece in the nodes it covers.
function highlightBlock(id, words) {
  for (const old of main.querySelectorAll(".search-hit")) old.classList.remove("search-hit");
  const block = document.getElementById(id);
  if (!block) return;
  block.classList.add("search-hit");
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let whole = "";
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest(".marker")) continue;
    nodes.push({ node, start: whole.length });
    whole += node.data;
  }
  const ranges = [];
  for (const word of words) {
    if (!word) continue;
    for (let at = whole.indexOf(word); at >= 0; at = whole.indexOf(word, at + word.length)) {
      ranges.push([at, at + word.length]);
    }
  }
  // Each match cut into the pieces of the text nodes it covers: node → [[a, b], …].
  const byNode = new Map();
  for (const [from, to] of ranges) {
    for (const { node, start } of nodes) {
      const a = Math.max(from, start) - start;
      const b = Math.min(to, start + node.data.length) - start;
      if (a < b) byNode.set(node, [...(byNode.get(node) || []), [a, b]]);
    }
  }
  // From the end of each node, so that splitting it never moves a piece still to mark.
  for (const [node, pieces] of byNode) {
    pieces.sort((x, y) => y[0] - x[0]);
    let end = node.data.length;
    for (const [a, b] of pieces) {
      if (b > end) continue; // overlaps a later match already marked
      const match = node.splitText(a);
      match.splitText(b - a);
      const mark = document.createElement("mark");
      mark.className = "search-match";
      match.replaceWith(mark);
      mark.append(match);
      end = a;
    }
  }
}

// ---- notices and the list of shortcuts --------------------------------------------------------

const NOTICE_MS = 5000;
let noticeTimer = null;

// A brief message at the bottom of the window (read out by screen readers: role=status).
// The element stays in the page (an empty one shows nothing): a live region that appears
// with its text, or gets the same text again, is not reliably read out.
function showNotice(message) {
  const notice = $("#notice");
  notice.textContent = "";
  clearTimeout(noticeTimer);
  requestAnimationFrame(() => {
    notice.textContent = message;
    noticeTimer = setTimeout(() => { notice.textContent = ""; }, NOTICE_MS);
  });
}

// Every shortcut of the window, as F1 lists it: keys (as printed on keyboards) and what
// they do, in the reading language. `modes`: where the tool exists (else everywhere).
const SHORTCUTS = [
  { keys: "Ctrl+K", does: "shortcut-search" },
  { keys: "↓ ↑ · Enter · Esc", does: "shortcut-results" },
  { keys: "Alt+← · Alt+→", does: "shortcut-history" },
  { keys: "Ctrl+Shift+L", does: "shortcut-language" },
  { keys: "Ctrl+Shift+S", does: "shortcut-side-by-side", modes: ["app", "serve"] },
  { keys: "Ctrl+Shift+O", does: "shortcut-other-text" },
  { keys: "Ctrl++ · Ctrl+−", does: "shortcut-text-size" },
  { keys: "Ctrl+D", does: "shortcut-bookmark", modes: ["app"] },
  { keys: "Ctrl+P", does: "shortcut-print" },
  { keys: "F1 · ?", does: "shortcut-help" },
];

function openShortcuts() {
  const list = $("#shortcuts-list");
  list.replaceChildren(...SHORTCUTS.filter((s) => !s.modes || s.modes.includes(MODE)).flatMap(({ keys, does }) => {
    const dt = document.createElement("dt");
    const kbd = document.createElement("kbd");
    kbd.textContent = keys;
    kbd.lang = "en";
    dt.append(kbd);
    const dd = document.createElement("dd");
    dd.textContent = text(does);
    return [dt, dd];
  }));
  const sheet = $("#shortcuts");
  if (!sheet.open) sheet.showModal();
  $("#shortcuts-close").focus();
}

// Whether a key pressed in `target` types text there ("?" is then a character).
function typesText(target) {
  return !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

// ---- content packs (the app only) ----------------------------------------------------------

const packDialog = $("#pack-preview");

// A pack chosen in the dialog, dropped on the window, or given by a test: verified by the
// core, shown before anything is installed.
async function previewPack(path) {
  showPackPreview(null, null);
  try {
    const preview = path === undefined
      ? await window.__TAURI__.core.invoke("choose_pack")
      : await window.__TAURI__.core.invoke("preview_pack", { path });
    if (!preview) { packDialog.close(); return; }
    showPackPreview(preview, null);
  } catch (error) {
    showPackPreview(null, error);
  }
}

function showPackPreview(preview, error) {
  const details = $("#pack-details");
  details.replaceChildren();
  const row = (label, value, lang) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (lang) dd.lang = lang;
    details.append(dt, dd);
  };
  if (preview) {
    row(text("pack-from"), preview.publisher);
    row(text("pack-version"), String(preview.version));
    row(text("pack-date"), preview.date);
    for (const [kind, label] of [["added", "pack-added"], ["changed", "pack-changed"], ["removed", "pack-removed"]]) {
      for (const [locale, slugs] of Object.entries(preview.changes[kind])) {
        // Pages by their title in the reader's language; the slug only where there is none.
        row(`${text(label)} (${localeName(locale)})`, slugs.map((slug) => preview.titles[slug] || slug).join(", "));
      }
    }
    for (const [locale, [english, unreviewed]] of Object.entries(preview.translation)) {
      row(`${text("pack-translation")} (${localeName(locale)})`,
        `${english} ${text("pack-untranslated")} · ${unreviewed} ${text("pack-unreviewed")}`);
    }
  }
  const message = $("#pack-error");
  message.hidden = !error;
  if (error) {
    // The core names the reason; the reader reads it in their language.
    message.textContent = `${text(`pack-error-${error.kind}`) || error.message} ${text("pack-error-note")}`;
  }
  $("#pack-install").hidden = !preview;
  $("#pack-progress").hidden = true;
  if (!packDialog.open) packDialog.showModal();
}

function localeName(code) {
  const locale = state.chrome.locales.find((l) => l.code === code);
  return locale ? locale.native_name : code;
}

async function installPack() {
  $("#pack-install").disabled = true;
  $("#pack-progress").hidden = false;
  try {
    await window.__TAURI__.core.invoke("install_pack");
    packDialog.close();
    await contentChanged("pack-installed");
  } catch (error) {
    showPackPreview(null, error);
  } finally {
    $("#pack-install").disabled = false;
  }
}

// About: Close has the focus (Enter starts nothing); Restore is off, and says why, when
// there is nothing to go back to (#18, item 4).
async function openAbout() {
  hideContentMessage();
  askRestore(false);
  if (!WEB) await refreshRestore();
  $("#about").showModal();
  $("#about-close").focus();
}

async function refreshRestore() {
  const possible = await invoke("can_restore").catch(() => false);
  const restore = $("#restore-button");
  restore.disabled = !possible;
  $("#restore-note").hidden = possible;
  // The reason is read with the button only when it applies.
  if (possible) restore.removeAttribute("aria-describedby");
  else restore.setAttribute("aria-describedby", "restore-note");
}

// Restoring replaces what is read: asked first, "no" has the focus.
function askRestore(ask) {
  $("#restore-confirm").hidden = !ask;
  if (ask) $("#restore-no").focus();
}

async function restoreContent() {
  askRestore(false);
  hideContentMessage();
  const position = readingPosition();
  const restored = await invoke("restore_content").catch(() => null);
  await contentChanged(restored ? "pack-restored" : "pack-nothing-to-restore", position);
  await refreshRestore();
  $("#about-close").focus();
}

// An earlier import's or restore's outcome is not shown as the next one's.
function hideContentMessage() {
  const message = $("#content-message");
  message.hidden = true;
  message.textContent = "";
}

// New content shows at once: new strings (About's version), the same page if it still
// exists, at `position` (the reading position before the change).
async function contentChanged(messageId, position = null) {
  const { chrome } = await backend.switchLocale(state.chrome.locale, null, null);
  applyChrome(chrome);
  await showPage(currentSlug(), position);
  if (!main.querySelector("article[data-slug]") || !main.querySelector("article").dataset.slug) {
    await showPage(chrome.home, null);
  }
  const message = $("#content-message");
  message.textContent = text(messageId);
  message.hidden = false;
}

// ---- events ------------------------------------------------------------------------------

function bindEvents() {
  // Links to our pages are handled here; links out (https, mailto) go to the webview, whose
  // navigation handler in Rust opens them in the system browser or mail client.
  document.addEventListener("click", (event) => {
    const marker = event.target.closest("main .marker[data-marker='outdated']");
    if (marker) {
      toggleOtherText(marker.closest(".block"));
      return;
    }
    const link = event.target.closest("a[data-slug]");
    if (!link) return;
    event.preventDefault();
    navigate(link.dataset.slug);
  });
  $("#side-by-side").addEventListener("click", toggleSideBySide);
  searchBox.addEventListener("input", runSearch);
  // The listbox pattern: the keyboard stays in the box, ↓/↑ move the selection
  // (aria-activedescendant), Enter opens the selected result or the first (#18, item 2).
  searchBox.addEventListener("keydown", (event) => {
    const options = resultOptions();
    const selected = options.findIndex((o) => o.getAttribute("aria-selected") === "true");
    if (event.key === "Escape") { searchBox.value = ""; closeResults(); }
    else if (event.key === "Enter") {
      const chosen = options[Math.max(selected, 0)];
      if (chosen) { event.preventDefault(); openResult(chosen); }
    } else if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      selectResult(Math.min(selected + 1, options.length - 1));
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      selectResult(Math.max(selected - 1, -1));
    }
  });
  // A press in the list keeps the focus in the box (the list is not a stop of its own).
  searchResults.addEventListener("mousedown", (event) => event.preventDefault());
  searchResults.addEventListener("click", (event) => {
    const link = event.target.closest(".result");
    if (!link) return;
    event.preventDefault();
    openResult(link);
  });
  // The list closes when the focus leaves the search (Tab, a click elsewhere).
  $(".search").addEventListener("focusout", (event) => {
    if (!event.currentTarget.contains(event.relatedTarget)) closeResults();
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".search")) closeResults();
  });
  $("#back").addEventListener("click", () => goHistory(-1));
  $("#forward").addEventListener("click", () => goHistory(1));
  $("#text-smaller").addEventListener("click", () => changeTextScale(-TEXT_SCALE_STEP));
  $("#text-larger").addEventListener("click", () => changeTextScale(TEXT_SCALE_STEP));
  $("#theme").addEventListener("click", toggleTheme);
  $("#about-button").addEventListener("click", openAbout);
  $("#shortcuts-button").addEventListener("click", () => { $("#about").close(); openShortcuts(); });
  if (!WEB) {
    $("#import-button").addEventListener("click", () => { $("#about").close(); previewPack(); });
    $("#restore-button").addEventListener("click", () => askRestore(true));
    $("#restore-no").addEventListener("click", () => { askRestore(false); $("#restore-button").focus(); });
    $("#restore-yes").addEventListener("click", restoreContent);
    // A link the system's browser or mail program was given: said briefly (#18, item 6).
    window.__TAURI__.event.listen("link-handed-over", ({ payload }) => {
      showNotice(text(!payload.opened ? "link-not-opened" : payload.mail ? "link-opening-mail" : "link-opening-web"));
    });
    $("#pack-install").addEventListener("click", installPack);
    $("#pack-cancel").addEventListener("click", () => packDialog.close());
    window.__TAURI__.event.listen("pack-dropped", (event) => previewPack(event.payload));
    $("#bookmark-add").addEventListener("click", addBookmark);
    $("#bookmarks-button").addEventListener("click", openBookmarks);
    $("#bookmarks-export").addEventListener("click", exportBookmarks);
    $("#bookmarks-import").addEventListener("click", () => importBookmarks());
  }
  // The system's print dialog (it also saves as PDF); side by side on, a bilingual handout.
  $("#print").addEventListener("click", () => window.print());
  window.addEventListener("scroll", savePosition, { passive: true });
  // The app keeps the window's size with every save of the preferences.
  window.addEventListener("resize", savePosition, { passive: true });
  window.addEventListener("resize", fitResults, { passive: true });
  // Sticky column headings sit under the toolbar, however many rows it takes.
  new ResizeObserver(([entry]) => {
    document.documentElement.style.setProperty("--toolbar-height", `${entry.target.offsetHeight}px`);
  }).observe($(".toolbar"));
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", applyTheme);

  document.addEventListener("keydown", (event) => {
    const ctrl = event.ctrlKey || event.metaKey;
    // Letter shortcuts by the key's place (`code`), not the character it types: with a Lao
    // layout, Ctrl+K types a Lao letter. (`key` where there is no code, e.g. some remote
    // keyboards.) Characters that matter as characters (+, -) stay `key`.
    const letter = /^Key[A-Z]$/.test(event.code || "") ? event.code.slice(3).toLowerCase() : (event.key || "").toLowerCase();
    if (ctrl && !event.shiftKey && letter === "k") { event.preventDefault(); searchBox.focus(); searchBox.select(); }
    else if (event.altKey && event.key === "ArrowLeft") { event.preventDefault(); goHistory(-1); }
    else if (event.altKey && event.key === "ArrowRight") { event.preventDefault(); goHistory(1); }
    else if (ctrl && event.shiftKey && letter === "l") { event.preventDefault(); switchLocale(nextLocale()); }
    else if (ctrl && event.shiftKey && letter === "s") { event.preventDefault(); toggleSideBySide(); }
    else if (ctrl && event.shiftKey && letter === "o") {
      event.preventDefault();
      const block = focusedBlock();
      if (block) toggleOtherText(block);
    }
    else if (ctrl && !event.shiftKey && letter === "d") { event.preventDefault(); addBookmark(); }
    else if (ctrl && !event.shiftKey && letter === "p") { event.preventDefault(); window.print(); }
    else if (ctrl && (event.key === "+" || event.key === "=")) { event.preventDefault(); changeTextScale(TEXT_SCALE_STEP); }
    else if (ctrl && event.key === "-") { event.preventDefault(); changeTextScale(-TEXT_SCALE_STEP); }
    else if (event.key === "F1" || (event.key === "?" && !ctrl && !event.altKey && !typesText(event.target))) {
      event.preventDefault();
      openShortcuts();
    }
  });
}

async function start() {
  document.documentElement.dataset.mode = MODE;
  const startup = await backend.startup();
  state.prefs = startup.preferences;
  applyChrome(startup.chrome);
  applyTextScale();
  applySideBySide();
  bindEvents();
  const position = { block: state.prefs.lastBlock, offset: state.prefs.lastOffset };
  if (WEB) {
    // The page (or the 404) is already in the document; `serve` swaps in the side-by-side
    // view when that is the reader's choice.
    state.history = [{ slug: CONFIG.slug, position: null }];
    state.historyIndex = 0;
    if (MODE === "serve" && state.prefs.sideBySide && CONFIG.slug) {
      await showPage(CONFIG.slug, position);
    } else {
      const article = main.querySelector("article");
      markCurrentSection(article ? article.dataset.section : "");
      restorePosition(position);
    }
    highlightLeftByASearch();
    return;
  }
  const slug = state.prefs.lastSlug || startup.chrome.home;
  state.history = [{ slug, position: null }];
  state.historyIndex = 0;
  await showPage(slug, position);
}

start();

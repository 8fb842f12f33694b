//! Rendering page bodies: every block is its message, resolved through the chain,
//! sanitized, and wrapped in the element its kind asks for, with its message id as DOM id.
//! Everything that is not a message (dates, slugs, UI hints) is escaped by the template.

use askama::Template;
use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::l10n::{Fallback, FallbackReport};
use crate::library::{Library, LocaleInfo};
use crate::locale::Locale;
use crate::manifest::{Block, BlockKind, IsoDate, Page};
use crate::sanitize::{clean_message, plain_text, PlainText};

/// A rendered page body and what fell back while rendering it.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedPage {
    pub slug: String,
    pub locale: Locale,
    /// The page title as plain text.
    pub title: PlainText,
    /// The window's (and the document's) title: "Page — IOM Lao PDR Reader".
    pub window_title: PlainText,
    pub html: String,
    pub report: FallbackReport,
}

struct BlockView {
    tag: &'static str,
    class: &'static str,
    id: String,
    html: String,
    fallback: bool,
    outdated: bool,
    /// A reviewer approved this text (always so for the source language).
    reviewed: bool,
    /// Set when the text is in another language than the page.
    lang: Option<String>,
    /// The visible marker of a block not current in the reading language.
    marker: Option<Marker>,
}

/// "Shown in English" (a note) or "may be outdated" (a button showing the English).
struct Marker {
    kind: &'static str,
    text: PlainText,
}

struct Group {
    /// Element around the blocks, or "" for none.
    wrapper: &'static str,
    class: &'static str,
    blocks: Vec<BlockView>,
}

struct ListingItem {
    slug: String,
    href: String,
    title_html: String,
    lang: Option<String>,
    date: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "body.html")]
struct BodyTemplate<'a> {
    locale: &'a str,
    slug: &'a str,
    window_title: PlainText,
    section: &'a str,
    page_notice: Option<PlainText>,
    status_line: Option<PlainText>,
    groups: Vec<Group>,
    dateline: Option<(String, String)>,
    listing: Vec<ListingItem>,
}

/// One row of the side-by-side view: the same block in both languages.
struct Pair {
    id: String,
    left: BlockView,
    right: BlockView,
}

#[derive(Template)]
#[template(path = "side_by_side.html")]
struct SideBySideTemplate<'a> {
    locale: &'a str,
    slug: &'a str,
    window_title: PlainText,
    section: &'a str,
    left: &'a LocaleInfo,
    right: &'a LocaleInfo,
    pairs: Vec<Pair>,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundTemplate<'a> {
    locale: &'a str,
    window_title: PlainText,
    title: PlainText,
    text: PlainText,
    home: &'a str,
    home_href: String,
    home_link: PlainText,
}

/// How page bodies link to pages: the app and `serve` by absolute path (`/lo/news`), an
/// export by relative file (`../lo/news.html`), so it opens from any folder or server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links<'a> {
    Absolute,
    /// Relative to the exported file of the page at this path (`lo/news/country-strategy`).
    RelativeFrom(&'a str),
}

impl Links<'_> {
    /// The address of a page in a locale.
    pub fn page(&self, locale: &str, slug: &str) -> String {
        match self {
            Links::Absolute => format!("/{locale}/{slug}"),
            Links::RelativeFrom(_) => format!("{}{locale}/{slug}.html", self.root()),
        }
    }

    /// The site's root as seen from the page (`/`, or `../` once per folder level).
    pub fn root(&self) -> String {
        match self {
            Links::Absolute => "/".to_string(),
            Links::RelativeFrom(path) => "../".repeat(path.matches('/').count()),
        }
    }
}

impl Library {
    /// Renders a page body in `locale`; `None` when the slug is unknown.
    pub fn render_page(&self, locale: &Locale, slug: &str) -> Option<RenderedPage> {
        self.render_page_linked(locale, slug, Links::Absolute)
    }

    /// The same, with links of the given style.
    pub fn render_page_linked(
        &self,
        locale: &Locale,
        slug: &str,
        links: Links,
    ) -> Option<RenderedPage> {
        let page = self.manifest().page(slug)?;
        let mut report = FallbackReport::default();
        let translated = self.page_is_translated(locale, page);
        // A page with no resource at all says so once, at its top, instead of per block.
        let markers = translated;
        let views: Vec<BlockView> = page
            .blocks
            .iter()
            .map(|block| self.block_view(locale, block, markers, &mut report))
            .collect();
        let title = self.page_title(locale, page);
        let is_default = locale == self.source_locale();
        let window_title = self.window_title(locale, &title);
        let template = BodyTemplate {
            locale,
            slug: &page.slug,
            window_title: window_title.clone(),
            section: &page.section,
            page_notice: (!translated && !is_default)
                .then(|| self.ui_text(locale, "page-not-translated"))
                .flatten(),
            status_line: (translated && !is_default)
                .then(|| self.status_line(locale, &views))
                .flatten(),
            groups: group_blocks(&page.blocks, views),
            dateline: page.date.map(|date| self.dateline(locale, date)),
            listing: self.listing(locale, page, &mut report, links),
        };
        Some(RenderedPage {
            slug: page.slug.clone(),
            locale: locale.clone(),
            title,
            window_title,
            html: template
                .render()
                .expect("rendering to a String cannot fail"),
            report,
        })
    }

    /// The body the reader shows for `slug` in `locale`: side by side when asked for and
    /// there is another locale to compare with, else the page. `None` for an unknown slug.
    pub fn render_view(
        &self,
        locale: &Locale,
        slug: &str,
        side_by_side: bool,
    ) -> Option<RenderedPage> {
        side_by_side
            .then(|| self.render_side_by_side(locale, slug))
            .flatten()
            .or_else(|| self.render_page(locale, slug))
    }

    /// The page's blocks in two aligned columns (by message id): the source language on
    /// the left; on the right the reading locale, or for a source-language reader the
    /// next locale. `None` when the slug is unknown or there is only one locale.
    pub fn render_side_by_side(&self, locale: &Locale, slug: &str) -> Option<RenderedPage> {
        let page = self.manifest().page(slug)?;
        let default = self.source_locale();
        let (left, right) = match self.locales() {
            [source, others @ ..] if locale == default => (source, others.first()?),
            [source, others @ ..] => (source, others.iter().find(|l| l.code == *locale)?),
            [] => return None,
        };
        let other = &right.code;
        let mut report = FallbackReport::default();
        let pairs = page
            .blocks
            .iter()
            .map(|block| {
                let mut left =
                    self.block_view(default, block, true, &mut FallbackReport::default());
                let mut right = self.block_view(other, block, true, &mut report);
                for view in [&mut left, &mut right] {
                    // Outside their list or figure, items and captions are paragraphs.
                    if matches!(view.tag, "li" | "figcaption") {
                        view.tag = "p";
                    }
                    // The pair carries the message id: DOM ids stay unique.
                    view.id.clear();
                }
                Pair {
                    id: block.id.clone(),
                    left,
                    right,
                }
            })
            .collect();
        let title = self.page_title(locale, page);
        let window_title = self.window_title(locale, &title);
        let template = SideBySideTemplate {
            locale,
            slug: &page.slug,
            window_title: window_title.clone(),
            section: &page.section,
            left,
            right,
            pairs,
        };
        Some(RenderedPage {
            slug: page.slug.clone(),
            locale: locale.clone(),
            title,
            window_title,
            html: template
                .render()
                .expect("rendering to a String cannot fail"),
            report,
        })
    }

    /// "3 paragraphs shown in English · 1 may be outdated · translation not yet reviewed",
    /// or `None` when the page is current and reviewed.
    fn status_line(&self, locale: &Locale, views: &[BlockView]) -> Option<PlainText> {
        // Counted from the blocks just resolved, as `page_status` counts them.
        let falling_back = views.iter().filter(|v| v.fallback).count();
        let outdated = views.iter().filter(|v| v.outdated).count();
        let unreviewed = views.iter().filter(|v| !v.fallback && !v.reviewed).count();
        let counted = |id: &str, count: usize| {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(count));
            (count > 0)
                .then(|| self.localizer().resolve(locale, id, None, Some(&args)))
                .flatten()
                .map(|r| plain_text(&r.text))
        };
        let parts: Vec<PlainText> = [
            counted("status-fallback", falling_back),
            counted("status-outdated", outdated),
            (unreviewed > 0)
                .then(|| self.ui_text(locale, "status-unreviewed"))
                .flatten(),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| PlainText::join(&parts, " · "))
    }

    /// The localized "page not found" body.
    pub fn render_not_found(&self, locale: &Locale) -> RenderedPage {
        self.render_not_found_linked(locale, Links::Absolute)
    }

    /// The same, with links of the given style.
    pub fn render_not_found_linked(&self, locale: &Locale, links: Links) -> RenderedPage {
        let text = |id: &str| {
            self.ui_text(locale, id)
                .unwrap_or_else(|| PlainText::verbatim(id))
        };
        let home = &self.manifest().home().slug;
        let title = text("not-found-title");
        let window_title = self.window_title(locale, &title);
        let template = NotFoundTemplate {
            locale,
            window_title: window_title.clone(),
            title,
            text: text("not-found-text"),
            home,
            home_href: links.page(locale, home),
            home_link: text("not-found-home"),
        };
        RenderedPage {
            slug: String::new(),
            locale: locale.clone(),
            title: template.title.clone(),
            window_title,
            html: template
                .render()
                .expect("rendering to a String cannot fail"),
            report: FallbackReport::default(),
        }
    }

    fn block_view(
        &self,
        locale: &Locale,
        block: &Block,
        markers: bool,
        report: &mut FallbackReport,
    ) -> BlockView {
        let (tag, class) = element_for(block.kind);
        let Some(resolved) = self.resolve(locale, &block.id, None) else {
            // No locale can show it: say so without inventing text.
            report.fallbacks.push(Fallback {
                id: block.id.clone(),
                requested: locale.to_string(),
                shown: String::new(),
                reason: crate::l10n::FallbackReason::Missing,
            });
            return BlockView {
                tag,
                class,
                id: block.id.clone(),
                html: askama::filters::escape(&block.id, askama::filters::Html)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                fallback: true,
                outdated: false,
                reviewed: false,
                lang: None,
                marker: None,
            };
        };
        let fallback = resolved.locale != locale.as_str();
        if let Some(reason) = resolved.fallback.clone() {
            report.fallbacks.push(Fallback {
                id: block.id.clone(),
                requested: locale.to_string(),
                shown: resolved.locale.clone(),
                reason,
            });
        }
        let status = self.message_status(locale, &block.id);
        let outdated = !fallback && status.outdated;
        let marker = match (markers, fallback, outdated) {
            (true, true, _) => self.ui_text(locale, "marker-fallback").map(|text| Marker {
                kind: "fallback",
                text,
            }),
            (true, false, true) => self.ui_text(locale, "marker-outdated").map(|text| Marker {
                kind: "outdated",
                text,
            }),
            _ => None,
        };
        BlockView {
            tag,
            class,
            id: block.id.clone(),
            // Lao lines break between words, never inside one or a kept name.
            html: crate::line_breaks::mark(
                &self.mark_links_out(locale, &clean_message(&resolved.text)),
                self.localizer()
                    .bundle(&resolved.locale)
                    .map_or(&[], |bundle| bundle.keep_together()),
            ),
            fallback,
            outdated,
            reviewed: status.reviewed,
            lang: fallback.then(|| resolved.locale.clone()),
            marker,
        }
    }

    /// Links out of the app say where they open, in the reading language.
    fn mark_links_out(&self, locale: &Locale, html: &str) -> String {
        if !html.contains("<a ") {
            return html.to_string();
        }
        let text = |id| self.ui_text(locale, id).unwrap_or_default();
        crate::links::mark_external(html, &text("link-opens-web"), &text("link-opens-mail"))
    }

    fn dateline(&self, locale: &Locale, date: IsoDate) -> (String, String) {
        (date.to_string(), self.format_date(locale, date))
    }

    /// The pages of `page.list_section`, newest first.
    fn listing(
        &self,
        locale: &Locale,
        page: &Page,
        report: &mut FallbackReport,
        links: Links,
    ) -> Vec<ListingItem> {
        let Some(section) = &page.list_section else {
            return Vec::new();
        };
        let mut pages: Vec<&Page> = self
            .manifest()
            .pages
            .iter()
            .filter(|p| &p.section == section && p.slug != page.slug && &p.slug != section)
            .collect();
        pages.sort_by_key(|p| std::cmp::Reverse(p.date));
        pages
            .into_iter()
            .map(|listed| {
                let view = self.block_view(locale, &listed.blocks[0], false, report);
                ListingItem {
                    slug: listed.slug.clone(),
                    href: links.page(locale, &listed.slug),
                    title_html: view.html,
                    lang: view.lang,
                    date: listed.date.map(|date| self.dateline(locale, date)),
                }
            })
            .collect()
    }
}

fn element_for(kind: BlockKind) -> (&'static str, &'static str) {
    match kind {
        BlockKind::Title => ("h1", "title"),
        BlockKind::Heading => ("h2", "heading"),
        BlockKind::Paragraph => ("p", "paragraph"),
        BlockKind::Item => ("li", "item"),
        BlockKind::Quote => ("blockquote", "quote"),
        BlockKind::Attribution => ("figcaption", "attribution"),
        BlockKind::Contact => ("p", "contact"),
    }
}

/// Groups consecutive blocks into the structures their kinds form: items into a list, a
/// quote with its attribution into a figure, contacts into an address.
fn group_blocks(blocks: &[Block], views: Vec<BlockView>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut previous: Option<BlockKind> = None;
    for (block, mut view) in blocks.iter().zip(views) {
        let joins_previous = matches!(
            (previous, block.kind),
            (Some(BlockKind::Item), BlockKind::Item)
                | (Some(BlockKind::Quote), BlockKind::Attribution)
                | (Some(BlockKind::Contact), BlockKind::Contact)
        );
        previous = Some(block.kind);
        if joins_previous {
            groups
                .last_mut()
                .expect("a previous group")
                .blocks
                .push(view);
            continue;
        }
        let (wrapper, class) = match block.kind {
            BlockKind::Item => ("ul", "items"),
            BlockKind::Quote => ("figure", "quotation"),
            BlockKind::Contact => ("address", "contacts"),
            BlockKind::Attribution => {
                // An attribution without its quote is a plain paragraph.
                view.tag = "p";
                ("", "")
            }
            _ => ("", ""),
        };
        groups.push(Group {
            wrapper,
            class,
            blocks: vec![view],
        });
    }
    groups
}

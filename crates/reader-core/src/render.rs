//! Rendering page bodies: every block is its message, resolved through the chain,
//! sanitized, and wrapped in the element its kind asks for, with its message id as DOM id.
//! Everything that is not a message (dates, slugs, UI hints) is escaped by the template.

use askama::Template;
use serde::Serialize;

use crate::l10n::{Fallback, FallbackReport};
use crate::library::Library;
use crate::manifest::{Block, BlockKind, IsoDate, Page};
use crate::sanitize::{clean_message, plain_text};

/// A rendered page body and what fell back while rendering it.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedPage {
    pub slug: String,
    pub locale: String,
    /// The page title as plain text.
    pub title: String,
    pub html: String,
    pub report: FallbackReport,
}

struct BlockView {
    tag: &'static str,
    class: &'static str,
    id: String,
    html: String,
    fallback: bool,
    /// Set when the text is in another language than the page.
    lang: Option<String>,
    /// The visible "shown in English" hint, in the reading language.
    hint: Option<String>,
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
    section: &'a str,
    page_notice: Option<String>,
    groups: Vec<Group>,
    dateline: Option<(String, String)>,
    listing: Vec<ListingItem>,
    draft_note: Option<String>,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundTemplate<'a> {
    locale: &'a str,
    title: String,
    text: String,
    home: &'a str,
    home_href: String,
    home_link: String,
}

/// The address of a page, shared by every front end (the app intercepts clicks on it).
pub fn page_href(locale: &str, slug: &str) -> String {
    format!("/{locale}/{slug}")
}

impl Library {
    /// Renders a page body in `locale`; `None` when the slug or locale is unknown.
    pub fn render_page(&self, locale: &str, slug: &str) -> Option<RenderedPage> {
        if !self.has_locale(locale) {
            return None;
        }
        let page = self.manifest().page(slug)?;
        let mut report = FallbackReport::default();
        let translated = self.page_is_translated(locale, page);
        let hint = if translated {
            self.ui_text(locale, "fallback-hint")
        } else {
            None // the page notice says it once for the whole page
        };

        let views: Vec<BlockView> = page
            .blocks
            .iter()
            .map(|block| self.block_view(locale, block, hint.as_deref(), &mut report))
            .collect();
        let title = views
            .first()
            .map(|view| plain_text(&view.html))
            .unwrap_or_default();

        let is_default = locale == crate::DEFAULT_LOCALE;
        let template = BodyTemplate {
            locale,
            slug: &page.slug,
            section: &page.section,
            page_notice: (!translated && !is_default)
                .then(|| self.ui_text(locale, "page-not-translated"))
                .flatten(),
            groups: group_blocks(&page.blocks, views),
            dateline: page.date.map(|date| self.dateline(locale, date)),
            listing: self.listing(locale, page, &mut report),
            draft_note: (translated && !is_default)
                .then(|| self.ui_text(locale, "page-draft-translation"))
                .flatten(),
        };
        Some(RenderedPage {
            slug: page.slug.clone(),
            locale: locale.to_string(),
            title,
            html: template
                .render()
                .expect("rendering to a String cannot fail"),
            report,
        })
    }

    /// The localized "page not found" body (for an unknown locale: the default one).
    pub fn render_not_found(&self, locale: &str) -> RenderedPage {
        let locale = if self.has_locale(locale) {
            locale
        } else {
            crate::DEFAULT_LOCALE
        };
        let text = |id: &str| self.ui_text(locale, id).unwrap_or_else(|| id.to_string());
        let home = &self.manifest().home().slug;
        let template = NotFoundTemplate {
            locale,
            title: text("not-found-title"),
            text: text("not-found-text"),
            home,
            home_href: page_href(locale, home),
            home_link: text("not-found-home"),
        };
        RenderedPage {
            slug: String::new(),
            locale: locale.to_string(),
            title: template.title.clone(),
            html: template
                .render()
                .expect("rendering to a String cannot fail"),
            report: FallbackReport::default(),
        }
    }

    fn block_view(
        &self,
        locale: &str,
        block: &Block,
        hint: Option<&str>,
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
                lang: None,
                hint: None,
            };
        };
        let fallback = resolved.locale != locale;
        if let Some(reason) = resolved.fallback.clone() {
            report.fallbacks.push(Fallback {
                id: block.id.clone(),
                requested: locale.to_string(),
                shown: resolved.locale.clone(),
                reason,
            });
        }
        BlockView {
            tag,
            class,
            id: block.id.clone(),
            html: clean_message(&resolved.text),
            fallback,
            lang: fallback.then(|| resolved.locale.clone()),
            hint: if fallback {
                hint.map(str::to_string)
            } else {
                None
            },
        }
    }

    fn dateline(&self, locale: &str, date: IsoDate) -> (String, String) {
        (date.to_string(), self.format_date(locale, date))
    }

    /// The pages of `page.list_section`, newest first.
    fn listing(&self, locale: &str, page: &Page, report: &mut FallbackReport) -> Vec<ListingItem> {
        let Some(section) = &page.list_section else {
            return Vec::new();
        };
        let mut pages: Vec<&Page> = self
            .manifest()
            .pages
            .iter()
            .filter(|p| &p.section == section && p.slug != page.slug)
            .collect();
        pages.sort_by_key(|p| std::cmp::Reverse(p.date));
        pages
            .into_iter()
            .map(|listed| {
                let view = self.block_view(locale, &listed.blocks[0], None, report);
                ListingItem {
                    slug: listed.slug.clone(),
                    href: page_href(locale, &listed.slug),
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

//! Dates for people, per locale, by ICU4X (Fluent's DATETIME is not implemented in
//! fluent-bundle). Gregorian throughout: Lao official documents use it.

use icu_calendar::Gregorian;
use icu_datetime::fieldsets::YMD;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_locale_core::Locale;

use crate::manifest::IsoDate;

/// A long-date formatter for one locale ("24 February 2022", "24 ກຸມພາ 2022").
pub struct DateFormatter {
    formatter: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
}

impl DateFormatter {
    /// `None` when ICU4X has no data for the locale (the caller falls back).
    pub fn new(locale: &str) -> Option<Self> {
        // The office writes British English: "24 February 2022", not CLDR en's US order.
        let locale = if locale == "en" { "en-GB" } else { locale };
        let locale: Locale = locale.parse().ok()?;
        let formatter = FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
        Some(Self { formatter })
    }

    pub fn format(&self, date: IsoDate) -> String {
        let date = icu_calendar::Date::try_new_gregorian(date.year, date.month, date.day)
            .expect("IsoDate is validated on parsing");
        self.formatter.format(&date).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch() -> IsoDate {
        "2022-02-24".parse().unwrap()
    }

    #[test]
    fn english_long_date() {
        assert_eq!(
            DateFormatter::new("en").unwrap().format(launch()),
            "24 February 2022"
        );
    }

    #[test]
    fn lao_long_date() {
        assert_eq!(
            DateFormatter::new("lo").unwrap().format(launch()),
            "24 ກຸມພາ 2022"
        );
    }
}

### Official names used in the content, as Fluent terms (written { -org-name } in a message).
### Terms never fall back to another language: every locale must define every term below.

-org-name = International Organization for Migration
-org-short = IOM
-country-name = Lao People's Democratic Republic
-country-short = Lao PDR
-un = United Nations
-un-short = UN
-sdgs = Sustainable Development Goals
-global-compact = Global Compact for Safe, Orderly and Regular Migration
-vientiane = Vientiane
-country-strategy = Country Strategy

## Kept on one line in Lao text (a short term is never broken across lines: see
## docs/content-format.md). People's names, word by word, and the short form of the office.
-org-short-local = IOM
-name-sthabandith = Sthabandith
-name-insisiengmai = Insisiengmai
-name-nenette = Nenette
-name-motus = Motus
-name-shareen = Shareen
-name-tuladhar = Tuladhar

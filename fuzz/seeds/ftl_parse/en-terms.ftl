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

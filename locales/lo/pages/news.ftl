### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "news". The list of articles follows these blocks.

news-title = ຂ່າວສານ
    .nav = ຂ່າວສານ
news-intro = ຂ່າວສານຈາກ ອົງການ { -org-short } ປະຈຳ { -country-short }.

### Page "news" (English source). The list of articles follows these blocks.

news-title = News
    .nav = News
news-intro = News from { -org-short } { -country-short }.

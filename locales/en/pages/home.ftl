### Page "home" (English source).

home-title = { -org-short } { -country-short }
    .nav = Home
home-intro = The { -org-name } ({ -org-short }) is part of the { -un } System. These pages present the { -org-short } mission in { -country-name } ({ -org-short } { -country-short }): who we are, our work, our news and whom to contact.
home-links = Read more online on the website of { -org-short } { -country-short }, <a href="https://laopdr.iom.int">laopdr.iom.int</a>, and on the global website of { -org-short }, <a href="https://www.iom.int">www.iom.int</a>.
home-news = Latest news

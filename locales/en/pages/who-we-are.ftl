### Page "who-we-are" (English source).

who-we-are-title = Who We Are
    .nav = Who We Are
who-we-are-p1 = The { -org-name } ({ -org-short }) is part of the { -un } System as the leading inter-governmental organization promoting since 1951 humane and orderly migration for the benefit of all, with 174 member states and a presence in over 100 countries.
who-we-are-p2 = { -org-short } has had a presence in { -country-name } since 2002.

### Page "our-work" (English source).

our-work-title = Our Work
    .nav = Our Work
our-work-intro = As the leading inter-governmental organization promoting since 1951 humane and orderly migration, { -org-short } plays a key role to support the achievement of the 2030 Agenda through different areas of intervention that connect both humanitarian assistance and sustainable development. Across { -country-name }, { -org-short } provides support in policy development, capacity building and raising awareness of migration-related issues.
our-work-areas-heading = Areas of work in { -country-short }
our-work-area-1 = Emergency and Post-Crisis response
our-work-area-2 = Immigration and Border Management
our-work-area-3 = Labor Migration and Human Development
our-work-area-4 = Migration, environment, and climate change
our-work-area-5 = Migration governance
our-work-area-6 = Migration health
our-work-area-7 = Migrant protection and assistance

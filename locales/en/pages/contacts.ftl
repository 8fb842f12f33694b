### Page "contacts" (English source). Only what the article's seed gives: names, roles,
### e-mail addresses and the office's websites (no phone numbers, addresses or hours).

contacts-title = Contacts
    .nav = Contacts
contacts-intro = For more information, please contact { -org-short } { -country-short }:
contacts-tuladhar = Shareen Tuladhar, Chief of Mission, { -org-short } { -country-short }, <a href="mailto:shtuladhar@iom.int">shtuladhar@iom.int</a>
contacts-ousavang = Mr. Thanakone Ousavang, Legal Officer, <a href="mailto:tousavang@iom.int">tousavang@iom.int</a>
contacts-links = Read more online on the website of { -org-short } { -country-short }, <a href="https://laopdr.iom.int">laopdr.iom.int</a>, and on the global website of { -org-short }, <a href="https://www.iom.int">www.iom.int</a>.

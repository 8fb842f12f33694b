### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "contacts". The same wording as the article's contacts and the home page's links.
### People's names as Vientiane Mai wrote them, the Latin name in brackets.

# REVIEW: the project's notes give ຕິດຕໍ່ພວກເຮົາ for "Contact" with medium-to-low confidence.
contacts-title = ຕິດຕໍ່ພວກເຮົາ
    .nav = ຕິດຕໍ່ພວກເຮົາ
contacts-intro = ສຳລັບຂໍ້ມູນເພີ່ມເຕີມ, ກະລຸນາຕິດຕໍ່ ອົງການ { -org-short } ປະຈຳ { -country-short }:
contacts-tuladhar = ທ່ານ ນາງ ຊາລິນ ຕູລາດຮາ (Shareen Tuladhar), ຫົວໜ້າຫ້ອງການ { -org-short } ປະຈຳ { -country-short }, <a href="mailto:shtuladhar@iom.int">shtuladhar@iom.int</a>
# REVIEW: the Lao spelling of Mr Thanakone Ousavang's name is not known (kept in Latin
# letters: please write it as he does), and "Legal Officer" (ເຈົ້າໜ້າທີ່ດ້ານກົດໝາຍ) is a guess.
contacts-ousavang = ທ່ານ Thanakone Ousavang, ເຈົ້າໜ້າທີ່ດ້ານກົດໝາຍ, <a href="mailto:tousavang@iom.int">tousavang@iom.int</a>
contacts-links = ອ່ານເພີ່ມເຕີມທາງອອນລາຍໄດ້ທີ່ເວັບໄຊຂອງ ອົງການ { -org-short } ປະຈຳ { -country-short } <a href="https://laopdr.iom.int">laopdr.iom.int</a> ແລະ ເວັບໄຊລະດັບໂລກຂອງ ອົງການ { -org-short } <a href="https://www.iom.int">www.iom.int</a>.

### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "home".

home-title = ອົງການ { -org-short } ປະຈຳ { -country-short }
    .nav = ໜ້າຫຼັກ
home-intro = { -org-name } ({ -org-short }) ແມ່ນສ່ວນໜຶ່ງຂອງລະບົບ{ -un }. ໜ້າເຫຼົ່ານີ້ ນຳສະເໜີຫ້ອງການ { -org-short } ປະຈຳ { -country-name } ({ -org-short } { -country-short }): ກ່ຽວກັບພວກເຮົາ, ວຽກງານຂອງພວກເຮົາ, ຂ່າວສານຂອງພວກເຮົາ ແລະ ຜູ້ທີ່ທ່ານສາມາດຕິດຕໍ່ໄດ້.
home-links = ອ່ານເພີ່ມເຕີມທາງອອນລາຍໄດ້ທີ່ເວັບໄຊຂອງ ອົງການ { -org-short } ປະຈຳ { -country-short } <a href="https://laopdr.iom.int">laopdr.iom.int</a> ແລະ ເວັບໄຊລະດັບໂລກຂອງ ອົງການ { -org-short } <a href="https://www.iom.int">www.iom.int</a>.
home-news = ຂ່າວສານຫຼ້າສຸດ

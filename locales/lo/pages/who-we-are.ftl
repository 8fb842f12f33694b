### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "who-we-are".

who-we-are-title = ກ່ຽວກັບພວກເຮົາ
    .nav = ກ່ຽວກັບພວກເຮົາ
who-we-are-p1 = { -org-name } ({ -org-short }) ແມ່ນສ່ວນໜຶ່ງຂອງລະບົບ{ -un } ໃນຖານະເປັນອົງການຈັດຕັ້ງລະຫວ່າງລັດຖະບານຊັ້ນນຳ ທີ່ໄດ້ສົ່ງເສີມການເຄື່ອນຍ້າຍຖິ່ນຖານຢ່າງມີມະນຸດສະທຳ ແລະ ເປັນລະບຽບ ເພື່ອຜົນປະໂຫຍດຂອງທຸກຄົນ ມາຕັ້ງແຕ່ປີ 1951, ມີປະເທດສະມາຊິກ 174 ປະເທດ ແລະ ມີຫ້ອງການປະຈຳຢູ່ຫຼາຍກວ່າ 100 ປະເທດ.
who-we-are-p2 = ອົງການ { -org-short } ໄດ້ມີຫ້ອງການປະຈຳຢູ່ { -country-name } ມາຕັ້ງແຕ່ປີ 2002.

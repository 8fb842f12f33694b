### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "news/country-strategy", published 2022-02-24.
### People's names as Vientiane Mai wrote them, the Latin name in brackets at first mention.

news-country-strategy-title = ອົງການ { -org-short } ປະຈຳ { -country-short } ເປີດໂຕ{ -country-strategy }
news-country-strategy-p1 = { -vientiane } – ຫ້ອງການ{ -org-name } ({ -org-short }) ປະຈຳ { -country-name } ({ -org-short } { -country-short }) ໃນວັນນີ້ (ວັນທີ 24 ກຸມພາ 2022) ໄດ້ເປີດໂຕ{ -country-strategy } ປະຈຳສົກປີ 2022-2026 ຢ່າງເປັນທາງການ ໃນພິທີທີ່ເປັນປະທານຮ່ວມໂດຍ ທ່ານ ປອ ສະຖາບັນດິດ ອິນຊີຊຽງໃໝ່ (Dr Sthabandith Insisiengmai) ຮອງລັດຖະມົນຕີກະຊວງແຜນການ ແລະ ການລົງທຶນ ແຫ່ງ { -country-name } ແລະ ທ່ານ ດຣ ນິແນັດ ໂມຕັສ (Dr Maria Nenette Motus) ຜູ້ອຳນວຍການ { -org-short } ປະຈຳພາກພື້ນອາຊີ-ປາຊີຟິກ. ພິທີດັ່ງກ່າວ ຍັງມີບັນດາຮອງລັດຖະມົນຕີ ຈາກບັນດາກະຊວງ-ຂະແໜງການອື່ນໆທີ່ສຳຄັນ ຂອງລັດຖະບານ { -country-short }, ຄະນະຜູ້ແທນການທູດ ແລະ ຄູ່ຮ່ວມພັດທະນາ ເຂົ້າຮ່ວມຜ່ານລະບົບທາງໄກ.
# REVIEW: "mandate" (ພາລະບົດບາດ) and "privileges and immunities" (ເອກະສິດ ແລະ ຄວາມຄຸ້ມກັນ)
# have no attested form (guesses).
news-country-strategy-p2 = { -country-strategy } ປະຈຳສົກປີ 2022-2026 ແມ່ນກອບຍຸດທະສາດສະບັບທຳອິດຂອງ ອົງການ { -org-short } ປະຈຳ { -country-short } ພາຍໃຕ້ສັນຍາການຮ່ວມມື ທີ່ໄດ້ລົງນາມລະຫວ່າງ ອົງການ { -org-short } ແລະ ລັດຖະບານ { -country-short } ໃນວັນທີ 1 ກັນຍາ 2021, ເຊິ່ງໄດ້ຢັ້ງຢືນພາລະບົດບາດຂອງ ອົງການ { -org-short } ພ້ອມທັງເອກະສິດ ແລະ ຄວາມຄຸ້ມກັນຢ່າງເຕັມສ່ວນ ໃນຖານະເປັນໜ່ວຍງານໜຶ່ງຂອງ{ -un } ຢູ່ { -country-name }.
# REVIEW: "IOM Global Strategic Results Framework" has no attested form: a Lao gloss (a guess),
# the English name in brackets; the Global Compact is a guess too (see terms.ftl).
# The plan is named as the project's notes give its official Lao name ("… 5 ປີ ຄັ້ງທີ IX"),
# though the English names no "five-year".
news-country-strategy-p3 = { -country-strategy } ໄລຍະຫ້າປີ ໄດ້ສ້າງສຳເລັດ ໂດຍຜ່ານການປຶກສາຫາລືຫຼາຍຄັ້ງ ກັບລັດຖະບານລາວ, ບັນດາອົງການຂອງ { -un-short } ແລະ ຄູ່ຮ່ວມພັດທະນາ ເພື່ອຮັບປະກັນວ່າ ແຜນງານນີ້ສອດຄ່ອງກັບແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ ຄັ້ງທີ IX (2021-2025) ຂອງ { -country-name }, ຂອບການຮ່ວມມືເພື່ອການພັດທະນາແບບຍືນຍົງ ລະຫວ່າງ ລັດຖະບານ ແຫ່ງ { -country-short } ແລະ { -un } ສົກປີ 2022-2026 (UNSDCF) ພ້ອມທັງ{ -sdgs }; ແລະ ສະທ້ອນເຖິງກອບຜົນໄດ້ຮັບທາງຍຸດທະສາດລະດັບໂລກຂອງ { -org-short } ({ -org-short } Global Strategic Results Framework) ແລະ ຄຳໝັ້ນສັນຍາຂອງ ອົງການ { -org-short } ພາຍໃຕ້{ -global-compact }.
news-country-strategy-p4 = ທ່ານ ປອ ສະຖາບັນດິດ ອິນຊີຊຽງໃໝ່ ໄດ້ອະທິບາຍວ່າ ພິທີເປີດໂຕຄັ້ງນີ້ ແມ່ນເຫດການສຳຄັນລະຫວ່າງ ລັດຖະບານ { -country-short } ແລະ ອົງການ { -org-short }, ພ້ອມທັງໄດ້ແຈ້ງໃຫ້ຊາບວ່າ ລັດຖະບານ { -country-short }:
news-country-strategy-quote-insisiengmai = ມີຄວາມຍິນດີທີ່ຈະຢືນຄຽງຂ້າງ ອົງການ { -org-short } ແລະ ສະໜັບສະໜູນ ອົງການ { -org-short } ໂດຍສະເພາະແມ່ນໃນການສະໜັບສະໜູນລັດຖະບານ { -country-short } ດ້ານການຄຸ້ມຄອງການເຄື່ອນຍ້າຍຖິ່ນຖານ ແລະ ຂົງເຂດວຽກງານທີ່ກ່ຽວຂ້ອງກັບພະຍາດໂຄວິດ-19.
news-country-strategy-attribution-insisiengmai = ທ່ານ ປອ ສະຖາບັນດິດ ອິນຊີຊຽງໃໝ່ (Dr Sthabandith Insisiengmai), ຮອງລັດຖະມົນຕີກະຊວງແຜນການ ແລະ ການລົງທຶນ ແຫ່ງ { -country-name }
news-country-strategy-p5 = ທ່ານ ດຣ ນິແນັດ ໂມຕັສ ໄດ້ສະແດງຄວາມຂອບໃຈຢ່າງຈິງໃຈ ຕໍ່ລັດຖະບານລາວ ແລະ ພາກສ່ວນກ່ຽວຂ້ອງທີ່ສຳຄັນ ສຳລັບການປະກອບສ່ວນອັນໃຫຍ່ຫຼວງ ເຂົ້າໃນການສ້າງ{ -country-strategy } ໄລຍະຫ້າປີ ແລະ ໄດ້ເນັ້ນໜັກວ່າ { -country-strategy } ໄດ້ກຳນົດທິດທາງຍຸດທະສາດທີ່ຈະແຈ້ງ ໃຫ້ແກ່ ອົງການ { -org-short } ໃນການເຮັດວຽກຢູ່ພາຍໃນປະເທດ, ເປັນທິດຊີ້ນຳໃຫ້ແກ່ການດຳເນີນງານ ແລະ ການເຂົ້າຮ່ວມທາງຍຸດທະສາດຂອງ ອົງການ { -org-short } ແລະ ເສີມຂະຫຍາຍການຮ່ວມມືໃນປະຈຸບັນ ແລະ ອະນາຄົດ ກັບລັດຖະບານ { -country-short }, ຜູ້ໃຫ້ທຶນ, ບັນດາອົງການຂອງ { -un-short } ແລະ ຄູ່ຮ່ວມພັດທະນາ ໃນ { -country-short } ແລະ ໃນພາກພື້ນ.
# REVIEW: six of the seven areas of work have no attested Lao form (guesses, as on the
# "our-work" page): keep both pages' wording the same.
news-country-strategy-p6 = ອົງການ { -org-short } ໄດ້ເຮັດວຽກຢູ່ { -country-short } ມາຕັ້ງແຕ່ປີ 2001 ແລະ ໃນໄລຍະດັ່ງກ່າວ ໄດ້ຮ່ວມມືກັບບັນດາກະຊວງ-ຂະແໜງການຕ່າງໆ ໃນຂົງເຂດ: ການຕອບໂຕ້ພາວະສຸກເສີນ ແລະ ໄລຍະຫຼັງວິກິດການ; ການຄຸ້ມຄອງການເຂົ້າ-ອອກເມືອງ ແລະ ຊາຍແດນ; ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການພັດທະນາມະນຸດ; ການເຄື່ອນຍ້າຍຖິ່ນຖານ, ສິ່ງແວດລ້ອມ ແລະ ການປ່ຽນແປງດິນຟ້າອາກາດ; ການຄຸ້ມຄອງບໍລິຫານດ້ານການເຄື່ອນຍ້າຍຖິ່ນຖານ; ສຸຂະພາບດ້ານການເຄື່ອນຍ້າຍຖິ່ນຖານ; ແລະ ການປົກປ້ອງ ແລະ ການຊ່ວຍເຫຼືອຜູ້ເຄື່ອນຍ້າຍຖິ່ນຖານ.
# REVIEW: "remittances" (ເງິນທີ່ສົ່ງກັບບ້ານ) has no attested form (a guess). The English
# acronym "(LDC)" is left out: the Lao name of the status says it in full.
news-country-strategy-p7 = ໃນຂະນະທີ່ { -country-short } ມີເປົ້າໝາຍຫຼຸດພົ້ນອອກຈາກສະຖານະພາບປະເທດດ້ອຍພັດທະນາ ພາຍໃນປີ 2026 ແລະ ໃນຂະນະທີ່ປະເທດກຳລັງກ້າວໄປສູ່ການຟື້ນຟູ ຈາກຜົນກະທົບທາງດ້ານສັງຄົມ ແລະ ເສດຖະກິດ ທີ່ເກີດຈາກພະຍາດໂຄວິດ-19, { -country-strategy } ໄລຍະຫ້າປີ ໄດ້ເນັ້ນໜັກວ່າ ການເຄື່ອນຍ້າຍຖິ່ນຖານມີບົດບາດສຳຄັນ ໃນການພັດທະນາເສດຖະກິດ-ສັງຄົມແບບຍືນຍົງ ແລະ ໄດ້ກຳນົດວ່າ ການເຄື່ອນຍ້າຍຖິ່ນຖານທີ່ມີການຄຸ້ມຄອງຢ່າງດີ ຈະປະກອບສ່ວນອັນສຳຄັນ ເຂົ້າໃນການບັນລຸເປົ້າໝາຍການພັດທະນາ ດ້ານຄວາມຈະເລີນຮຸ່ງເຮືອງໂດຍລວມ ແລະ ຊີວິດການເປັນຢູ່ທີ່ດີຂອງປະຊາຊົນ { -country-short } ໂດຍຜ່ານການເພີ່ມທຶນທາງດ້ານຊັບພະຍາກອນມະນຸດ, ເງິນທີ່ສົ່ງກັບບ້ານ, ການລົງທຶນ, ການຄ້າ, ການເຊື່ອມຕໍ່ທີ່ເພີ່ມຂຶ້ນ ແລະ ການແລກປ່ຽນຄວາມຮູ້.
news-country-strategy-p8 = ດ້ວຍຍຸດທະສາດໄລຍະຫ້າປີນີ້, ອົງການ { -org-short } ພ້ອມແລ້ວທີ່ຈະ:
news-country-strategy-quote-tuladhar = ເສີມຂະຫຍາຍການຮ່ວມມືກັບບັນດາໜ່ວຍງານຂອງລັດຖະບານໃນວົງກວ້າງ ລວມທັງຄູ່ຮ່ວມມືທີ່ມີຢູ່ແລ້ວ ແລະ ຄູ່ຮ່ວມມືໃໝ່ ພ້ອມທັງພາກສ່ວນທີ່ກ່ຽວຂ້ອງ ເພື່ອແກ້ໄຂສິ່ງທ້າທາຍຂອງບັນຫາການເຄື່ອນຍ້າຍຖິ່ນຖານໃນປະເທດ ແລະ ເສີມຂະຫຍາຍການຮ່ວມມືເພື່ອການພັດທະນາ ເພື່ອຮັບປະກັນການເສີມສ້າງພະລັງຮ່ວມກັນ ແລະ ເພີ່ມຜົນໄດ້ຮັບດ້ານການພັດທະນາໃຫ້ໄດ້ສູງສຸດ.
news-country-strategy-attribution-tuladhar = ທ່ານ ນາງ ຊາລິນ ຕູລາດຮາ (Shareen Tuladhar), ຫົວໜ້າຫ້ອງການ { -org-short } ປະຈຳ { -country-name }
news-country-strategy-contact-intro = ສຳລັບຂໍ້ມູນເພີ່ມເຕີມ, ກະລຸນາຕິດຕໍ່:
news-country-strategy-contact-tuladhar = ທ່ານ ນາງ ຊາລິນ ຕູລາດຮາ (Shareen Tuladhar), ຫົວໜ້າຫ້ອງການ { -org-short } ປະຈຳ { -country-short }, <a href="mailto:shtuladhar@iom.int">shtuladhar@iom.int</a>
# REVIEW: the Lao spelling of Mr Thanakone Ousavang's name is not known (kept in Latin
# letters: please write it as he does), and "Legal Officer" (ເຈົ້າໜ້າທີ່ດ້ານກົດໝາຍ) is a guess.
news-country-strategy-contact-ousavang = ທ່ານ Thanakone Ousavang, ເຈົ້າໜ້າທີ່ດ້ານກົດໝາຍ, <a href="mailto:tousavang@iom.int">tousavang@iom.int</a>

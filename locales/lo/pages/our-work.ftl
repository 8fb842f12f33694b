### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Page "our-work".

our-work-title = ວຽກງານຂອງພວກເຮົາ
    .nav = ວຽກງານຂອງພວກເຮົາ
our-work-intro = ໃນຖານະເປັນອົງການຈັດຕັ້ງລະຫວ່າງລັດຖະບານຊັ້ນນຳ ທີ່ໄດ້ສົ່ງເສີມການເຄື່ອນຍ້າຍຖິ່ນຖານຢ່າງມີມະນຸດສະທຳ ແລະ ເປັນລະບຽບ ມາຕັ້ງແຕ່ປີ 1951, ອົງການ { -org-short } ມີບົດບາດສຳຄັນ ໃນການສະໜັບສະໜູນການບັນລຸວາລະການພັດທະນາແບບຍືນຍົງ ປີ 2030 ໂດຍຜ່ານຂົງເຂດວຽກງານຕ່າງໆ ທີ່ເຊື່ອມໂຍງທັງການຊ່ວຍເຫຼືອດ້ານມະນຸດສະທຳ ແລະ ການພັດທະນາແບບຍືນຍົງ. ໃນທົ່ວ { -country-name }, ອົງການ { -org-short } ໃຫ້ການສະໜັບສະໜູນດ້ານການພັດທະນານະໂຍບາຍ, ການເສີມສ້າງຄວາມອາດສາມາດ ແລະ ການສ້າງຄວາມຮັບຮູ້ກ່ຽວກັບບັນຫາທີ່ພົວພັນກັບການເຄື່ອນຍ້າຍຖິ່ນຖານ.
our-work-areas-heading = ຂົງເຂດວຽກງານຢູ່ { -country-short }
# REVIEW: no attested Lao form for this area of work (a guess).
our-work-area-1 = ການຕອບໂຕ້ພາວະສຸກເສີນ ແລະ ໄລຍະຫຼັງວິກິດການ
# REVIEW: no attested Lao form for this area of work (a guess).
our-work-area-2 = ການຄຸ້ມຄອງການເຂົ້າ-ອອກເມືອງ ແລະ ຊາຍແດນ
# REVIEW: "labour migration" is attested (ການເຄື່ອນຍ້າຍແຮງງານ); "human development" is a guess.
our-work-area-3 = ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການພັດທະນາມະນຸດ
our-work-area-4 = ການເຄື່ອນຍ້າຍຖິ່ນຖານ, ສິ່ງແວດລ້ອມ ແລະ ການປ່ຽນແປງດິນຟ້າອາກາດ
# REVIEW: no attested Lao form for this area of work (a guess); it must differ from
# "migration management" (ການຄຸ້ມຄອງການເຄື່ອນຍ້າຍຖິ່ນຖານ) in the article's quote.
our-work-area-5 = ການຄຸ້ມຄອງບໍລິຫານດ້ານການເຄື່ອນຍ້າຍຖິ່ນຖານ
# REVIEW: no attested Lao form for this area of work (a guess).
our-work-area-6 = ສຸຂະພາບດ້ານການເຄື່ອນຍ້າຍຖິ່ນຖານ
# REVIEW: no attested Lao form for this area of work (a guess).
our-work-area-7 = ການປົກປ້ອງ ແລະ ການຊ່ວຍເຫຼືອຜູ້ເຄື່ອນຍ້າຍຖິ່ນຖານ

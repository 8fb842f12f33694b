### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### The reader's own words: toolbar, dialogs, notices. Plain text only (no markup).

window-title = { -org-name }
app-name = ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ
locale-name = ລາວ
skip-to-content = ໄປທີ່ເນື້ອໃນ
toolbar-label = ເຄື່ອງມືອ່ານ
nav-label = ພາກສ່ວນ
back = ກັບຄືນ
forward = ໄປໜ້າ
language-label = ພາສາ
language-switch-hint = ປ່ຽນພາສາ (Ctrl+Shift+L)
text-smaller = ຕົວໜັງສືນ້ອຍລົງ
text-larger = ຕົວໜັງສືໃຫຍ່ຂຶ້ນ
theme-dark = ພື້ນສີເຂັ້ມ
theme-light = ພື້ນສີແຈ້ງ
about = ກ່ຽວກັບ
about-title = ກ່ຽວກັບໂປຣແກຣມອ່ານນີ້
about-app = { app-name }, ເວີຊັນ { $app-version }
about-content = ເນື້ອໃນເວີຊັນ { $content-version }, { $content-date }
about-offline = ທຸກສິ່ງທີ່ສະແດງຢູ່ນີ້ ຖືກເກັບໄວ້ໃນຄອມພິວເຕີເຄື່ອງນີ້: ໂປຣແກຣມອ່ານນີ້ ເຮັດວຽກໄດ້ໂດຍບໍ່ຕ້ອງເຊື່ອມຕໍ່ເຄືອຂ່າຍ. ລິ້ງໄປຫາເວັບໄຊຂອງ IOM ແລະ ທີ່ຢູ່ອີເມວ ຈະເປີດໃນໂປຣແກຣມທ່ອງເວັບ ຫຼື ໂປຣແກຣມອີເມວຂອງທ່ານ.
about-translation = ການແປເປັນພາສາລາວ ແມ່ນສະບັບຮ່າງຂອງໂຄງການ ແລະ ຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ ຈາກຜູ້ກວດກາທີ່ເວົ້າພາສາລາວ.
about-fonts = ຕົວໜັງສືລາວ ສະແດງດ້ວຍຟອນ Noto Sans Lao, ຕົວໜັງສືລາຕິນ ດ້ວຍຟອນ Noto Sans (SIL Open Font License 1.1).
about-close = ປິດ
page-not-translated = ໜ້ານີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ; ສະແດງເປັນພາສາອັງກິດ.
not-found-title = ບໍ່ພົບໜ້ານີ້
not-found-text = ໂປຣແກຣມອ່ານນີ້ ບໍ່ມີໜ້າທີ່ທີ່ຢູ່ນີ້.
not-found-home = ໄປທີ່ໜ້າຫຼັກ
load-error = ບໍ່ສາມາດໂຫຼດໜ້ານີ້ໄດ້.
marker-fallback = ຍັງບໍ່ທັນແປ, ສະແດງເປັນພາສາອັງກິດ
marker-outdated = ອາດຈະບໍ່ທັນສະໄໝ: ເບິ່ງພາສາອັງກິດ
status-fallback = { $count ->
   *[other] { $count } ຫຍໍ້ໜ້າ ສະແດງເປັນພາສາອັງກິດ
}
status-outdated = { $count ->
   *[other] { $count } ຫຍໍ້ໜ້າ ອາດຈະບໍ່ທັນສະໄໝ
}
status-unreviewed = ການແປຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ
side-by-side-hint = ສະແດງພາສາອັງກິດ ແລະ ການແປຄຽງກັນ (Ctrl+Shift+S)
other-language-hint = ສະແດງຫຍໍ້ໜ້ານີ້ເປັນພາສາອື່ນ (Ctrl+Shift+O)
search-label = ຊອກຫາ
search-placeholder = ຊອກຫາ (Ctrl+K)
search-no-results = ບໍ່ພົບຫຍັງ.
search-unavailable = ການຊອກຫາ ບໍ່ມີໃນສຳເນົາຂອງໜ້າເຫຼົ່ານີ້. ມັນເຮັດວຽກໃນໂປຣແກຣມອ່ານເທິງຄອມພິວເຕີ ແລະ ໃນໜ້າທີ່ເປີດດ້ວຍ "reader serve".

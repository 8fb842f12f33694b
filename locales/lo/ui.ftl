### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### The reader's own words: toolbar, dialogs, notices. Plain text only (no markup).

window-title = { -org-name }
app-name = ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ
locale-name = ລາວ
skip-to-content = ໄປທີ່ເນື້ອໃນ
toolbar-label = ເຄື່ອງມືອ່ານ
nav-label = ເມນູ
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
about-content = ເນື້ອໃນເວີຊັນ { $content-version }, { $content-date }, { $content-origin ->
    [imported] ນຳເຂົ້າຈາກຊຸດເນື້ອໃນ
    [folder] ອ່ານຈາກໂຟນເດີເນື້ອໃນ
   *[built-in] ມາພ້ອມກັບໂປຣແກຣມອ່ານ
}
about-offline = ທຸກສິ່ງທີ່ສະແດງຢູ່ນີ້ ຖືກເກັບໄວ້ໃນຄອມພິວເຕີເຄື່ອງນີ້: ໂປຣແກຣມອ່ານນີ້ ເຮັດວຽກໄດ້ໂດຍບໍ່ຕ້ອງເຊື່ອມຕໍ່ເຄືອຂ່າຍ. ລິ້ງໄປຫາເວັບໄຊຂອງ IOM ແລະ ທີ່ຢູ່ອີເມວ ຈະເປີດໃນໂປຣແກຣມທ່ອງເວັບ ຫຼື ໂປຣແກຣມອີເມວຂອງທ່ານ.
about-translation = ການແປເປັນພາສາລາວ ແມ່ນສະບັບຮ່າງຂອງໂຄງການ ແລະ ຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ ຈາກຜູ້ກວດກາທີ່ເວົ້າພາສາລາວ.
about-fonts = ຕົວໜັງສືລາວ ສະແດງດ້ວຍຟອນ Noto Sans Lao, ຕົວໜັງສືລາຕິນ ດ້ວຍຟອນ Noto Sans (SIL Open Font License 1.1).
about-close = ປິດ
page-not-translated = ໜ້ານີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ; ສະແດງເປັນພາສາອັງກິດ.
not-found-title = ບໍ່ພົບໜ້ານີ້
not-found-text = ໂປຣແກຣມອ່ານນີ້ ບໍ່ມີໜ້າຕາມທີ່ຢູ່ນີ້.
not-found-home = ໄປທີ່ໜ້າຫຼັກ
load-error = ບໍ່ສາມາດໂຫຼດໜ້ານີ້ໄດ້.
marker-fallback = ຍັງບໍ່ທັນແປ, ສະແດງເປັນພາສາອັງກິດ
marker-outdated = ອາດບໍ່ແມ່ນສະບັບຫຼ້າສຸດ: ເບິ່ງພາສາອັງກິດ
marker-outdated-open = ກຳລັງສະແດງພາສາອັງກິດ: ກົດອີກຄັ້ງເພື່ອເຊື່ອງໄວ້
status-fallback = { $count ->
   *[other] { $count } ຫຍໍ້ໜ້າ ສະແດງເປັນພາສາອັງກິດ
}
status-outdated = { $count ->
   *[other] { $count } ຫຍໍ້ໜ້າ ອາດບໍ່ແມ່ນສະບັບຫຼ້າສຸດ
}
status-unreviewed = ການແປຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ
side-by-side-hint = ສະແດງພາສາອັງກິດ ແລະ ການແປຄຽງກັນ (Ctrl+Shift+S)
other-language-hint = ສະແດງຫຍໍ້ໜ້ານີ້ເປັນອີກພາສາໜຶ່ງ (Ctrl+Shift+O)
search-label = ຊອກຫາ
search-placeholder = ຊອກຫາ (Ctrl+K)
search-no-results = ບໍ່ພົບຫຍັງ.
search-preparing = ກຳລັງກະກຽມການຊອກຫາສຳລັບເນື້ອຫານີ້…
search-unavailable = ບໍ່ສາມາດຊອກຫາໄດ້: ໄຟລ໌ການຊອກຫາໃນສຳເນົາຂອງໜ້າເຫຼົ່ານີ້ ຂາດຫາຍ ຫຼື ເສຍຫາຍ. ໜ້າຕ່າງໆ ຍັງອ່ານໄດ້ຕາມປົກກະຕິ.
import-content = ນຳເຂົ້າເນື້ອໃນ…
restore-content = ກັບຄືນເນື້ອໃນກ່ອນໜ້າ
pack-preview-title = ເນື້ອໃນໃໝ່
pack-from = ຈາກ
pack-version = ເນື້ອໃນເວີຊັນ
pack-date = ວັນທີ
pack-added = ໜ້າເພີ່ມໃໝ່
pack-changed = ໜ້າຖືກແກ້ໄຂ
pack-removed = ໜ້າຖືກລຶບອອກ
pack-translation = ການແປ
pack-untranslated = ຫຍໍ້ໜ້າ ສະແດງເປັນພາສາອັງກິດ
pack-unreviewed = ຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ
pack-install = ຕິດຕັ້ງ
pack-cancel = ຍົກເລີກ
pack-installed = ເນື້ອໃນໃໝ່ ໄດ້ຕິດຕັ້ງແລ້ວ.
pack-restored = ເນື້ອໃນກ່ອນໜ້າ ໄດ້ກັບຄືນມາແລ້ວ.
pack-nothing-to-restore = ບໍ່ມີເນື້ອໃນກ່ອນໜ້າ ທີ່ຈະກັບຄືນໄປ.
bookmark-add-hint = ໝາຍຫຍໍ້ໜ້ານີ້ໄວ້ (Ctrl+D)
bookmarks = ບ່ອນທີ່ໝາຍໄວ້
bookmarks-title = ບ່ອນທີ່ໝາຍໄວ້
bookmarks-empty = ຍັງບໍ່ມີບ່ອນທີ່ໝາຍໄວ້. ກົດ ☆ ຫຼື Ctrl+D ເພື່ອໝາຍຫຍໍ້ໜ້າທີ່ທ່ານກຳລັງອ່ານ.
bookmark-added = ໝາຍຫຍໍ້ໜ້ານີ້ໄວ້ແລ້ວ.
bookmark-remove = ລຶບອອກ
bookmark-missing = ຫຍໍ້ໜ້ານີ້ ບໍ່ມີໃນເນື້ອໃນແລ້ວ: ຈະເປີດໜ້ານັ້ນແທນ.
bookmarks-export = ບັນທຶກບ່ອນທີ່ໝາຍໄວ້ເປັນໄຟລ໌…
bookmarks-import = ເພີ່ມບ່ອນທີ່ໝາຍໄວ້ຈາກໄຟລ໌…
bookmarks-exported = ບັນທຶກບ່ອນທີ່ໝາຍໄວ້ແລ້ວ.
bookmarks-imported = ເພີ່ມບ່ອນທີ່ໝາຍໄວ້ແລ້ວ:
bookmarks-left-out = ບໍ່ໄດ້ເພີ່ມ (ໜ້າ ເຊິ່ງບໍ່ມີໃນເນື້ອໃນນີ້ ຫຼື ລາຍການທີ່ອ່ານບໍ່ໄດ້):
bookmarks-error-too-large = ໄຟລ໌ນີ້ ໃຫຍ່ເກີນໄປ ສຳລັບໄຟລ໌ບ່ອນທີ່ໝາຍໄວ້.
bookmarks-error-not-bookmarks = ໄຟລ໌ນີ້ ບໍ່ແມ່ນໄຟລ໌ບ່ອນທີ່ໝາຍໄວ້ຂອງໂປຣແກຣມອ່ານນີ້.
bookmarks-error-io = ບໍ່ສາມາດອ່ານ ຫຼື ບັນທຶກໄຟລ໌ໄດ້.
bookmarks-error-note = ບ່ອນທີ່ໝາຍໄວ້ຂອງທ່ານ ບໍ່ໄດ້ຖືກປ່ຽນແປງ.
bookmarks-close = ປິດ
print = ພິມ
print-source = ເນື້ອໃນເວີຊັນ { $content-version }, { $content-date } · laopdr.iom.int
ui-not-translated = ເມນູ ແລະ ປຸ່ມຕ່າງໆ ຂອງໂປຣແກຣມອ່ານ ບໍ່ໄດ້ແປເປັນພາສານີ້: ຈຶ່ງສະແດງເປັນພາສາອັງກິດ.
pack-error-note = ບໍ່ມີຫຍັງຖືກປ່ຽນແປງ: ເນື້ອໃນທີ່ທ່ານມີ ຍັງຢູ່ຄືເກົ່າ.
pack-error-not-a-pack = ໄຟລ໌ນີ້ ບໍ່ແມ່ນຊຸດເນື້ອໃນ.
pack-error-unsigned = ຊຸດເນື້ອໃນນີ້ ບໍ່ມີລາຍເຊັນ, ຈຶ່ງບໍ່ສາມາດເຊື່ອຖືໄດ້.
pack-error-unknown-key = ຊຸດເນື້ອໃນນີ້ ບໍ່ໄດ້ລົງລາຍເຊັນໂດຍຫ້ອງການ IOM.
pack-error-bad-signature = ຊຸດເນື້ອໃນນີ້ ເສຍຫາຍ ຫຼື ຖືກແກ້ໄຂ ຫຼັງຈາກຫ້ອງການລົງລາຍເຊັນ.
pack-error-newer-format = ຊຸດເນື້ອໃນນີ້ ຕ້ອງການໂປຣແກຣມອ່ານເວີຊັນໃໝ່ກວ່ານີ້.
pack-error-corrupt = ຊຸດເນື້ອໃນນີ້ ເສຍຫາຍ.
pack-error-unsafe-entry = ຊຸດເນື້ອໃນນີ້ ມີໄຟລ໌ທີ່ບໍ່ໄດ້ຮັບອະນຸຍາດ.
pack-error-too-large = ຊຸດເນື້ອໃນນີ້ ໃຫຍ່ເກີນໄປ.
pack-error-invalid-content = ບັນດາໜ້າໃນຊຸດເນື້ອໃນນີ້ ມີຂໍ້ຜິດພາດ.
pack-error-not-newer = ເນື້ອໃນນີ້ ບໍ່ໃໝ່ກວ່າເນື້ອໃນທີ່ທ່ານມີ.
pack-error-older-than-installed = ເນື້ອໃນນີ້ ເກົ່າກວ່າເນື້ອໃນທີ່ເຄີຍຕິດຕັ້ງໃນຄອມພິວເຕີເຄື່ອງນີ້ແລ້ວ: ບໍ່ໄດ້ຮັບອະນຸຍາດໃຫ້ກັບຄືນໄປໃຊ້ເນື້ອໃນເກົ່າ.
pack-error-busy = ກຳລັງນຳເຂົ້າເນື້ອໃນອື່ນຢູ່. ກະລຸນາລໍຖ້າໃຫ້ສຳເລັດກ່ອນ, ແລ້ວລອງໃໝ່.
pack-error-io = ບໍ່ສາມາດອ່ານໄຟລ໌ ຫຼື ບັນທຶກເນື້ອໃນໄດ້.
pack-error-nothing-pending = ບໍ່ມີຊຸດເນື້ອໃນໃດ ທີ່ລໍຖ້າການຕິດຕັ້ງ. ກະລຸນາເປີດຊຸດເນື້ອໃນກ່ອນ.
pack-error-no-store = ບໍ່ສາມາດຕິດຕັ້ງຊຸດເນື້ອໃນໄດ້ ໃນຂະນະທີ່ໂປຣແກຣມອ່ານສະແດງໂຟນເດີເນື້ອໃນ.

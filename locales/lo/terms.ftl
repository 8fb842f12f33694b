### DRAFT: the project's draft translation, not yet reviewed by a Lao-speaking reviewer at the office.
### Official names used in the content, as Fluent terms (written { -org-name } in a message).
### Terms never fall back to another language: every locale must define every term below.
### Lao forms as the project's terminology notes give them (UN in Lao PDR, Lao government and press).

-org-name = ອົງການຈັດຕັ້ງສາກົນເພື່ອການເຄື່ອນຍ້າຍຖິ່ນຖານ
-org-short = IOM
-country-name = ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ
-country-short = ສປປ ລາວ
-un = ອົງການສະຫະປະຊາຊາດ
-un-short = ສປຊ
-sdgs = ເປົ້າໝາຍການພັດທະນາແບບຍືນຍົງ
# REVIEW: no attested Lao form of the Global Compact was found: a Lao gloss (a guess),
# then the English name in brackets.
-global-compact = ຂໍ້ຕົກລົງລະດັບໂລກວ່າດ້ວຍການເຄື່ອນຍ້າຍຖິ່ນຖານທີ່ປອດໄພ, ເປັນລະບຽບ ແລະ ຖືກຕ້ອງຕາມກົດໝາຍ (Global Compact for Safe, Orderly and Regular Migration)
-vientiane = ນະຄອນຫຼວງວຽງຈັນ
# REVIEW: Vientiane Mai's form for the Country Strategy is quoted with a gap
# ("ແຜນງານຍຸດທະສາດການຮ່ວມມື … ປະຈຳສົກປີ 2022-2026"); only its first words are used here.
-country-strategy = ແຜນງານຍຸດທະສາດການຮ່ວມມື

## Kept on one line (a short term is never broken across lines: see docs/content-format.md).
## People's names as Vientiane Mai wrote them, word by word, and the office's short form.
-org-short-local = ອົງການ IOM
-name-sthabandith = ສະຖາບັນດິດ
-name-insisiengmai = ອິນຊີຊຽງໃໝ່
-name-nenette = ນິແນັດ
-name-motus = ໂມຕັສ
-name-shareen = ຊາລິນ
-name-tuladhar = ຕູລາດຮາ

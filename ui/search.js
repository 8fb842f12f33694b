// Search in an exported site: the reader's folding and matching, in JavaScript, over the
// static index `reader export` writes next to the pages (search/). Loaded by app.js the first
// time a reader types in the box of an exported page.
//
// It mirrors reader-core's search (crates/reader-core/src/search): the same folding (NFC,
// zero-width characters, ຳ/ໍ+າ, tone-mark order, ໜ/ຫນ, Lao digits), Lao words found as runs of
// character pairs wherever they stand, English words by their Snowball stem, the word being
// typed as a prefix, the reading language first, snippets cut and marked the same way. The
// conformance test (tests/e2e/tests/export_search.rs) feeds both the same strings. Where the
// two differ by design, docs/search.md says why.
//
// Index files are scripts (the export's CSP has connect-src 'none', and file:// refuses
// fetch): each calls READER_SEARCH.loaded(path, data).
"use strict";

(() => {
  // ---- folding (reader-core search/fold.rs) -----------------------------------------------

  // Code points whose canonical combining class is not 0, as ranges (generated from ICU4X;
  // reader-core's test `the_javascript_search_knows_the_combining_classes` checks it). NFC
  // is applied to one starter and the non-starters after it at a time, as the core does.
  // BEGIN NON_STARTERS
  const NON_STARTERS = [
    [0x0300, 0x034E], [0x0350, 0x036F], [0x0483, 0x0487], [0x0591, 0x05BD], [0x05BF, 0x05BF], [0x05C1, 0x05C2],
    [0x05C4, 0x05C5], [0x05C7, 0x05C9], [0x0610, 0x061A], [0x064B, 0x065F], [0x0670, 0x0670], [0x06D6, 0x06DC],
    [0x06DF, 0x06E4], [0x06E7, 0x06E8], [0x06EA, 0x06ED], [0x0711, 0x0711], [0x0730, 0x074A], [0x07EB, 0x07F3],
    [0x07FD, 0x07FD], [0x0816, 0x0819], [0x081B, 0x0823], [0x0825, 0x0827], [0x0829, 0x082D], [0x0859, 0x085B],
    [0x0897, 0x089F], [0x08CA, 0x08E1], [0x08E3, 0x08FF], [0x093C, 0x093C], [0x094D, 0x094D], [0x0951, 0x0954],
    [0x09BC, 0x09BC], [0x09CD, 0x09CD], [0x09FE, 0x09FE], [0x0A3C, 0x0A3C], [0x0A4D, 0x0A4D], [0x0ABC, 0x0ABC],
    [0x0ACD, 0x0ACD], [0x0B3C, 0x0B3C], [0x0B4D, 0x0B4D], [0x0BCD, 0x0BCD], [0x0C3C, 0x0C3C], [0x0C4D, 0x0C4D],
    [0x0C55, 0x0C56], [0x0CBC, 0x0CBC], [0x0CCD, 0x0CCD], [0x0D3B, 0x0D3C], [0x0D4D, 0x0D4D], [0x0DCA, 0x0DCA],
    [0x0E38, 0x0E3A], [0x0E48, 0x0E4B], [0x0EB8, 0x0EBA], [0x0EC8, 0x0ECB], [0x0F18, 0x0F19], [0x0F35, 0x0F35],
    [0x0F37, 0x0F37], [0x0F39, 0x0F39], [0x0F71, 0x0F72], [0x0F74, 0x0F74], [0x0F7A, 0x0F7D], [0x0F80, 0x0F80],
    [0x0F82, 0x0F84], [0x0F86, 0x0F87], [0x0FC6, 0x0FC6], [0x1037, 0x1037], [0x1039, 0x103A], [0x108D, 0x108D],
    [0x135D, 0x135F], [0x1714, 0x1715], [0x1734, 0x1734], [0x17D2, 0x17D2], [0x17DD, 0x17DD], [0x18A9, 0x18A9],
    [0x1939, 0x193B], [0x1A17, 0x1A18], [0x1A60, 0x1A60], [0x1A75, 0x1A7C], [0x1A7F, 0x1A7F], [0x1AB0, 0x1ABD],
    [0x1ABF, 0x1AF0], [0x1B34, 0x1B34], [0x1B44, 0x1B44], [0x1B6B, 0x1B73], [0x1BAA, 0x1BAB], [0x1BE6, 0x1BE6],
    [0x1BF2, 0x1BF3], [0x1C37, 0x1C37], [0x1CD0, 0x1CD2], [0x1CD4, 0x1CE0], [0x1CE2, 0x1CE8], [0x1CED, 0x1CED],
    [0x1CF4, 0x1CF4], [0x1CF8, 0x1CF9], [0x1DC0, 0x1DFF], [0x20D0, 0x20DC], [0x20E1, 0x20E1], [0x20E5, 0x20F0],
    [0x2CEF, 0x2CF1], [0x2D7F, 0x2D7F], [0x2DE0, 0x2DFF], [0x302A, 0x302F], [0x3099, 0x309A], [0xA66F, 0xA66F],
    [0xA674, 0xA67D], [0xA69E, 0xA69F], [0xA6F0, 0xA6F1], [0xA806, 0xA806], [0xA82C, 0xA82C], [0xA8C4, 0xA8C4],
    [0xA8E0, 0xA8F1], [0xA92B, 0xA92D], [0xA953, 0xA953], [0xA9B3, 0xA9B3], [0xA9C0, 0xA9C0], [0xAAB0, 0xAAB0],
    [0xAAB2, 0xAAB4], [0xAAB7, 0xAAB8], [0xAABE, 0xAABF], [0xAAC1, 0xAAC1], [0xAAF6, 0xAAF6], [0xABED, 0xABED],
    [0xFB1E, 0xFB1E], [0xFE20, 0xFE2F], [0x101FD, 0x101FD], [0x102E0, 0x102E0], [0x10376, 0x1037A], [0x10A0D, 0x10A0D],
    [0x10A0F, 0x10A0F], [0x10A38, 0x10A3A], [0x10A3F, 0x10A3F], [0x10AE5, 0x10AE6], [0x10D24, 0x10D27], [0x10D69, 0x10D6D],
    [0x10EAB, 0x10EAC], [0x10ECB, 0x10ECF], [0x10EF0, 0x10EFB], [0x10EFD, 0x10EFF], [0x10F46, 0x10F50], [0x10F82, 0x10F85],
    [0x11046, 0x11046], [0x11070, 0x11070], [0x1107F, 0x1107F], [0x110B9, 0x110BA], [0x11100, 0x11102], [0x11133, 0x11134],
    [0x11173, 0x11173], [0x111C0, 0x111C0], [0x111CA, 0x111CA], [0x11235, 0x11236], [0x112E9, 0x112EA], [0x1133B, 0x1133C],
    [0x1134D, 0x1134D], [0x11366, 0x1136C], [0x11370, 0x11374], [0x113CE, 0x113D0], [0x11442, 0x11442], [0x11446, 0x11446],
    [0x1145E, 0x1145E], [0x114C2, 0x114C3], [0x115BF, 0x115C0], [0x1163F, 0x1163F], [0x116B6, 0x116B7], [0x1172B, 0x1172B],
    [0x11839, 0x1183A], [0x1193D, 0x1193E], [0x11943, 0x11943], [0x119E0, 0x119E0], [0x11A34, 0x11A34], [0x11A47, 0x11A47],
    [0x11A99, 0x11A99], [0x11C3F, 0x11C3F], [0x11D42, 0x11D42], [0x11D44, 0x11D45], [0x11D97, 0x11D97], [0x11F41, 0x11F42],
    [0x1612F, 0x1612F], [0x16AF0, 0x16AF4], [0x16B30, 0x16B36], [0x16FF0, 0x16FF1], [0x1BC9E, 0x1BC9E], [0x1D127, 0x1D128],
    [0x1D165, 0x1D169], [0x1D16D, 0x1D172], [0x1D17B, 0x1D182], [0x1D185, 0x1D18B], [0x1D1AA, 0x1D1AD], [0x1D242, 0x1D244],
    [0x1D250, 0x1D252], [0x1D25B, 0x1D25C], [0x1D25F, 0x1D25F], [0x1D280, 0x1D281], [0x1E000, 0x1E006], [0x1E008, 0x1E018],
    [0x1E01B, 0x1E021], [0x1E023, 0x1E024], [0x1E026, 0x1E02A], [0x1E08F, 0x1E08F], [0x1E130, 0x1E136], [0x1E2AE, 0x1E2AE],
    [0x1E2EC, 0x1E2EF], [0x1E4EC, 0x1E4EF], [0x1E5EE, 0x1E5EF], [0x1E6E3, 0x1E6E3], [0x1E6E6, 0x1E6E6], [0x1E6EE, 0x1E6EF],
    [0x1E6F5, 0x1E6F5], [0x1E8D0, 0x1E8D6], [0x1E944, 0x1E94A],
  ];
  // END NON_STARTERS

  function isNonStarter(cp) {
    let lo = 0;
    let hi = NON_STARTERS.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = NON_STARTERS[mid];
      if (cp < from) hi = mid - 1;
      else if (cp > to) lo = mid + 1;
      else return true;
    }
    return false;
  }

  const NIGGAHITA = "\u0ECD"; // ໍ
  const VOWEL_AA = "\u0EB2"; // າ
  const VOWEL_AM = "\u0EB3"; // ຳ
  const isTone = (c) => c >= "\u0EC8" && c <= "\u0ECB";
  const isAboveVowel = (c) => c === "\u0EB1" || (c >= "\u0EB4" && c <= "\u0EB7") || c === "\u0EBB";
  const isLao = (c) => c >= "\u0E80" && c <= "\u0EFF";
  // Rust's char::is_whitespace (JavaScript's \s differs on U+0085 and U+FEFF).
  const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

  // Folded text, and for each of its UTF-16 units the span of the original it came from.
  function fold(original) {
    const points = [];
    for (let i = 0; i < original.length;) {
      const c = String.fromCodePoint(original.codePointAt(i));
      points.push([c, i]);
      i += c.length;
    }
    // 1. NFC, cluster by cluster.
    const chars = []; // [character, start, end] in the original
    const flush = (from, to) => {
      const start = points[from][1];
      const end = to < points.length ? points[to][1] : original.length;
      const cluster = original.slice(start, end);
      const composed = cluster.normalize("NFC");
      if (composed === cluster) {
        for (let k = from; k < to; k++) chars.push([points[k][0], points[k][1], points[k][1] + points[k][0].length]);
      } else {
        for (const c of composed) chars.push([c, start, end]);
      }
    };
    let clusterStart = 0;
    for (let k = 1; k < points.length; k++) {
      if (!isNonStarter(points[k][0].codePointAt(0))) {
        flush(clusterStart, k);
        clusterStart = k;
      }
    }
    if (points.length) flush(clusterStart, points.length);
    // 2. The Lao rules.
    const lao = [];
    for (let i = 0; i < chars.length; i++) {
      const [c, start, end] = chars[i];
      const next = chars[i + 1] && chars[i + 1][0];
      const after = chars[i + 2] && chars[i + 2][0];
      if (c === "\u200B" || c === "\u200C" || c === "\u00AD") continue;
      if (c === NIGGAHITA && next && isTone(next) && after === VOWEL_AA) {
        lao.push(chars[i + 1], [VOWEL_AM, start, chars[i + 2][2]]);
        i += 2;
      } else if (c === NIGGAHITA && next === VOWEL_AA) {
        lao.push([VOWEL_AM, start, chars[i + 1][2]]);
        i += 1;
      } else if (isTone(c) && next && isAboveVowel(next)) {
        lao.push(chars[i + 1], chars[i]);
        i += 1;
      } else if (c === "\u0EDC") {
        lao.push(["\u0EAB", start, end], ["\u0E99", start, end]);
      } else if (c === "\u0EDD") {
        lao.push(["\u0EAB", start, end], ["\u0EA1", start, end]);
      } else if (c === "\u0EBC") {
        lao.push(["\u0EA5", start, end]);
      } else if (c >= "\u0ED0" && c <= "\u0ED9") {
        lao.push([String(c.codePointAt(0) - 0x0ED0), start, end]);
      } else {
        lao.push(chars[i]);
      }
    }
    // 3. Lowercase, one character at a time (as Rust's char::to_lowercase).
    let text = "";
    const origin = [];
    for (const [c, start, end] of lao) {
      const lower = c.toLowerCase();
      text += lower;
      for (let u = 0; u < lower.length; u++) origin.push([start, end]);
    }
    return { text, origin };
  }

  // The span of the original a span of the folded text came from.
  function originalRange(folded, start, end) {
    const spans = folded.origin.slice(Math.min(start, folded.origin.length), Math.min(end, folded.origin.length));
    if (!spans.length) return [0, 0];
    return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
  }

  // Overlapping pairs of characters of every run of Lao (reader-core's lao_pairs).
  function laoPairs(folded) {
    const chars = Array.from(folded);
    const pairs = [];
    for (let i = 0; i < chars.length;) {
      if (!isLao(chars[i])) { i++; continue; }
      const start = i;
      while (i < chars.length && isLao(chars[i])) i++;
      for (let k = start; k + 1 < i; k++) pairs.push(chars[k] + chars[k + 1]);
    }
    return pairs;
  }

  // ---- words outside Lao, and their stems ---------------------------------------------------

  const WORD_CHAR = /^[\p{Alphabetic}\p{N}']$/u;
  const LETTER = /^\p{Alphabetic}$/u;
  const DIGIT = /^\p{N}$/u;
  // Runs of letters, digits and apostrophes outside Lao, apostrophes trimmed: [word, start].
  // A full stop, colon or ’ between letters, and a full stop, comma, semicolon or ’ between
  // digits, stay inside (reader-core's plain_words: Unicode's word boundaries WB6–7, WB11–12).
  function plainWords(foldedText) {
    const words = [];
    const chars = Array.from(foldedText);
    const letter = (c) => c !== undefined && LETTER.test(c) && !isLao(c);
    const digit = (c) => c !== undefined && DIGIT.test(c);
    let start = -1;
    let at = 0;
    for (let k = 0; k <= chars.length; k++) {
      const c = chars[k];
      const inWord = c !== undefined && (
        (WORD_CHAR.test(c) && !isLao(c))
        || (".:’".includes(c) && letter(chars[k - 1]) && letter(chars[k + 1]))
        || (".,;’".includes(c) && digit(chars[k - 1]) && digit(chars[k + 1])));
      if (inWord && start < 0) start = at;
      if (!inWord && start >= 0) {
        const word = foldedText.slice(start, at).replace(/^'+|'+$/g, "");
        if (word) words.push([word, start]);
        start = -1;
      }
      if (c !== undefined) at += c.length;
    }
    return words;
  }

  // The English Snowball stemmer as tantivy runs it (the `frostem` crate: Snowball's English
  // of 2026, with the R1 prefixes and Step 1b exceptions of its later revisions), over code
  // points. The conformance test compares it with the core on thousands of words.
  const stem = (() => {
    const isV = (c) => "aeiouy".includes(c);
    const EXCEPTIONS = {
      skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
      singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias",
      andes: "andes",
    };
    const R1_PREFIXES = ["univers", "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past"];
    const STEP2 = {
      tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
      ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
      ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogist: "og",
      ogi: "og", fulli: "ful", lessli: "less", li: "",
    };
    const STEP3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "" };
    const STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
      "iti", "ous", "ive", "ize", "ion"];
    const byLength = (list) => list.slice().sort((a, b) => b.length - a.length);
    const STEP1A = byLength(["sses", "ied", "ies", "us", "ss", "s"]);
    const STEP1B = byLength(["ed", "eed", "ing", "edly", "eedly", "ingly"]);
    const STEP2_SUFFIXES = byLength(Object.keys(STEP2));
    const STEP3_SUFFIXES = byLength(Object.keys(STEP3));
    const STEP4_SUFFIXES = byLength(STEP4);

    return (word) => {
      if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
      let w = Array.from(word);
      if (w.length < 3) return word;
      const text = () => w.join("");
      const ends = (suffix) => text().endsWith(suffix);
      const longest = (list) => list.find((suffix) => ends(suffix));
      const start = (suffix) => w.length - Array.from(suffix).length;
      const replace = (suffix, by) => { w = w.slice(0, start(suffix)).concat(Array.from(by)); };
      const hasVowel = (from, to) => w.slice(from, to).some(isV);
      // prelude
      if (w[0] === "'") w = w.slice(1);
      if (w[0] === "y") w[0] = "Y";
      for (let i = 1; i < w.length; i++) if (w[i] === "y" && isV(w[i - 1])) w[i] = "Y";
      // regions
      const afterVowelConsonant = (from) => {
        for (let i = from; i + 1 < w.length; i++) if (isV(w[i]) && !isV(w[i + 1])) return i + 2;
        return w.length;
      };
      const prefix = R1_PREFIXES.find((p) => text().startsWith(p));
      const p1 = prefix ? prefix.length : afterVowelConsonant(0);
      const p2 = afterVowelConsonant(p1);
      // A short syllable ends at `end`: non-vowel + vowel + non-vowel other than w, x, Y; or the
      // word so far is a vowel and a non-vowel; or it ends in "past".
      const shortAt = (end) => {
        if (end >= 3 && !isV(w[end - 1]) && !"wxY".includes(w[end - 1]) && isV(w[end - 2]) && !isV(w[end - 3])) return true;
        if (end === 2 && isV(w[0]) && !isV(w[1])) return true;
        return end >= 4 && w.slice(end - 4, end).join("") === "past";
      };
      // Step 0
      const apostrophe = longest(["'s'", "'s", "'"]);
      if (apostrophe) replace(apostrophe, "");
      // Step 1a
      const s1a = longest(STEP1A);
      if (s1a === "sses") replace(s1a, "ss");
      else if (s1a === "ied" || s1a === "ies") replace(s1a, start(s1a) > 1 ? "i" : "ie");
      else if (s1a === "s" && hasVowel(0, w.length - 2)) replace(s1a, "");
      // Step 1b
      const s1b = longest(STEP1B);
      let remove = false;
      if (s1b === "eed" || s1b === "eedly") {
        const before = w.slice(0, start(s1b)).join("");
        if (start(s1b) >= p1 && !["succ", "proc", "exc"].includes(before)) replace(s1b, "ee");
      } else if (s1b === "ing") {
        const before = w.slice(0, start(s1b)).join("");
        if (before.length === 2 && before[1] === "y" && !isV(before[0])) replace("ying", "ie");
        else if (!["even", "cann", "inn", "earr", "herr", "out"].includes(before)) remove = true;
      } else if (s1b) {
        remove = true;
      }
      if (remove && hasVowel(0, start(s1b))) {
        replace(s1b, "");
        const double = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].find((d) => ends(d));
        if (ends("at") || ends("bl") || ends("iz")) replace("", "e");
        else if (double) {
          // A double after a, e or o at the start stays ("add", "egg", "odd").
          if (!(w.length === 3 && "aeo".includes(w[0]))) w = w.slice(0, -1);
        } else if (w.length === p1 && shortAt(w.length)) replace("", "e");
      }
      // Step 1c
      if ((ends("y") || ends("Y")) && w.length > 2 && !isV(w[w.length - 2])) replace(w[w.length - 1], "i");
      // Step 2
      const s2 = longest(STEP2_SUFFIXES);
      if (s2 && start(s2) >= p1) {
        if (s2 === "ogi") { if (w[start(s2) - 1] === "l") replace(s2, "og"); }
        else if (s2 === "li") { if ("cdeghkmnrt".includes(w[start(s2) - 1])) replace(s2, ""); }
        else replace(s2, STEP2[s2]);
      }
      // Step 3
      const s3 = longest(STEP3_SUFFIXES);
      if (s3 && start(s3) >= p1 && (s3 !== "ative" || start(s3) >= p2)) replace(s3, STEP3[s3]);
      // Step 4
      const s4 = longest(STEP4_SUFFIXES);
      if (s4 && start(s4) >= p2 && (s4 !== "ion" || "st".includes(w[start(s4) - 1] || "-"))) replace(s4, "");
      // Step 5
      if (ends("e")) {
        const at = w.length - 1;
        if (at >= p2 || (at >= p1 && !shortAt(at))) replace("e", "");
      } else if (ends("l") && w.length - 1 >= p2 && w[w.length - 2] === "l") {
        replace("l", "");
      }
      return text().replace(/Y/g, "y");
    };
  })();

  // ---- the query (reader-core SearchIndex::search) ------------------------------------------

  const MAX_QUERY_CHARS = 200;
  const LEADING_VOWELS = "ເແໂໃໄ";
  const SNIPPET_BEFORE = 60; // UTF-8 bytes, as the core counts
  const SNIPPET_AFTER = 140;

  // The query's words: each run of Lao (matched as its pairs, wherever it stands) and each
  // word outside Lao (by its stem; the last one, while typed, as a prefix too).
  function queryWords(query) {
    const cut = Array.from(query).slice(0, MAX_QUERY_CHARS).join("");
    const folded = fold(cut).text;
    // Each word with where it starts (UTF-16 offsets into `folded`, as plainWords gives).
    const words = [];
    for (const run of folded.matchAll(/[\u0E80-\u0EFF]+/g)) {
      if (/[\p{Alphabetic}\p{N}]/u.test(run[0])) words.push({ lao: true, text: run[0], at: run.index });
    }
    for (const [word, at] of plainWords(folded)) words.push({ lao: false, text: word, stem: stem(word), at });
    // In the order typed (the last one may be a prefix).
    words.sort((a, b) => a.at - b.at);
    const typing = !(cut && WHITESPACE.test(Array.from(cut).pop()));
    const last = words[words.length - 1];
    // A vowel written before its consonant, just typed, is not part of a word yet.
    if (typing && last && last.lao) {
      const chars = Array.from(last.text);
      while (chars.length && LEADING_VOWELS.includes(chars[chars.length - 1])) chars.pop();
      if (chars.length) last.text = chars.join("");
      else words.pop();
    }
    if (typing && words.length && !words[words.length - 1].lao) words[words.length - 1].prefix = words[words.length - 1].text;
    return words.filter((w) => !w.lao || Array.from(w.text).length >= 2);
  }

  // ---- the index files ---------------------------------------------------------------------

  let root = null; // the export's root, relative to the page ("../")
  let meta = null;
  const waiting = new Map(); // path → [resolve, reject]
  const loadedData = new Map(); // path → data

  function load(path) {
    if (loadedData.has(path)) return Promise.resolve(loadedData.get(path));
    if (waiting.has(path)) return waiting.get(path).promise;
    let settle;
    const promise = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    waiting.set(path, { promise, ...settle });
    const script = document.createElement("script");
    script.src = `${root}search/${path}`;
    script.async = true;
    const fail = (why) => {
      const entry = waiting.get(path);
      if (!entry) return;
      waiting.delete(path);
      entry.reject(new Error(`search/${path}: ${why}`));
    };
    script.onerror = () => fail("missing");
    // A file that loaded but never said it was there is damaged.
    script.onload = () => fail("damaged");
    document.head.append(script);
    script.remove();
    return promise;
  }

  function loaded(path, data) {
    loadedData.set(path, data);
    const entry = waiting.get(path);
    if (!entry) return;
    waiting.delete(path);
    entry.resolve(data);
  }

  // FNV-1a over the key's code points: the bucket file that holds a key.
  function bucketOf(key) {
    let hash = 0x811c9dc5;
    for (const c of key) {
      hash ^= c.codePointAt(0);
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash % meta.buckets;
  }

  async function lookup(key) {
    const bucket = await load(`t/${bucketOf(key)}.js`);
    if (!bucket || typeof bucket !== "object") throw new Error("damaged bucket");
    return Object.prototype.hasOwnProperty.call(bucket, key) ? bucket[key] : null;
  }

  // A postings string: "d" + base64 of varint deltas, or "b" + base64 of a varint offset then
  // a bitmap; documents are locale × pages + page.
  function decodePostings(encoded) {
    if (encoded === null) return [];
    if (typeof encoded !== "string" || !/^[bd][A-Za-z0-9+/=]*$/.test(encoded)) throw new Error("damaged postings");
    const bytes = atob(encoded.slice(1));
    let at = 0;
    const varint = () => {
      let value = 0;
      let shift = 0;
      for (;;) {
        if (at >= bytes.length) throw new Error("damaged postings");
        const b = bytes.charCodeAt(at++);
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
        shift += 7;
      }
    };
    const docs = [];
    if (encoded[0] === "d") {
      let doc = 0;
      let first = true;
      while (at < bytes.length) {
        doc = first ? varint() : doc + varint();
        first = false;
        docs.push(doc);
      }
    } else {
      const offset = varint();
      for (let byte = 0; at < bytes.length; byte++, at++) {
        const b = bytes.charCodeAt(at);
        for (let bit = 0; bit < 8; bit++) if (b & (1 << bit)) docs.push(offset + byte * 8 + bit);
      }
    }
    return docs;
  }

  function intersect(a, b) {
    const set = new Set(b);
    return a.filter((doc) => set.has(doc));
  }

  // The documents that may hold a word (a superset: the text decides).
  async function candidates(word) {
    if (word.lao) {
      const pairs = [...new Set(laoPairs(word.text))];
      const lists = await Promise.all(pairs.map((pair) => lookup(`l${pair}`).then(decodePostings)));
      lists.sort((a, b) => a.length - b.length);
      return { docs: lists.reduce(intersect), df: lists[0].length };
    }
    const stems = new Set([word.stem]);
    if (word.prefix && Array.from(word.prefix).length >= meta.prefix) {
      const key = Array.from(word.prefix).slice(0, meta.prefix).join("");
      const words = (await lookup(`p${key}`)) || [];
      for (const [raw, rawStem] of words) if (raw.startsWith(word.prefix)) stems.add(rawStem);
    }
    const lists = await Promise.all([...stems].map((s) => lookup(`s${s}`).then(decodePostings)));
    const docs = [...new Set(lists.flat())].sort((a, b) => a - b);
    return { docs, df: docs.length };
  }

  // ---- verifying and showing a hit -----------------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[c]);
  }

  // UTF-8 offsets of a text's character positions, and back (the core counts snippet
  // windows in bytes and cuts at character boundaries).
  function byteMap(text) {
    const starts = [];
    const bytes = [];
    let b = 0;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      starts.push(i);
      bytes.push(b);
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    starts.push(text.length);
    bytes.push(b);
    // The last index of `list` whose value is at most `x`.
    const last = (list, x) => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    return { toByte: (i) => bytes[last(starts, i)], atByte: (x) => starts[last(bytes, x)], length: b };
  }

  // The matches of the query's words in a block's text: [start, end] spans of the text, or
  // null when one word is not in it (reader-core's snippet, and the block's verification).
  function matchesIn(text, words) {
    const folded = fold(text);
    const matches = [];
    const plain = plainWords(folded.text);
    for (const word of words) {
      const before = matches.length;
      if (word.lao) {
        for (let at = folded.text.indexOf(word.text); at >= 0; at = folded.text.indexOf(word.text, at + word.text.length)) {
          matches.push(originalRange(folded, at, at + word.text.length));
        }
      }
      if (matches.length === before && word.lao) return null;
      if (!word.lao) {
        const found = plain.filter(([w]) => stem(w) === word.stem || (word.prefix && w.startsWith(word.prefix)));
        if (!found.length) return null;
      }
    }
    // Words outside Lao: every word of the text that any query word finds.
    const stems = words.filter((w) => !w.lao).map((w) => w.stem);
    const prefix = words.length && !words[words.length - 1].lao ? words[words.length - 1].prefix : undefined;
    for (const [w, start] of plain) {
      if (stems.includes(stem(w)) || (prefix && w.startsWith(prefix))) matches.push(originalRange(folded, start, start + w.length));
    }
    return matches;
  }

  function snippet(text, matches) {
    matches.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const kept = [];
    for (const m of matches) if (!kept.length || m[0] >= kept[kept.length - 1][1]) kept.push(m);
    const { toByte, atByte, length } = byteMap(text);
    const first = kept.length ? kept[0][0] : 0;
    let start = atByte(Math.max(toByte(first) - SNIPPET_BEFORE, 0));
    if (start > 0) {
      const space = text.slice(start, first).search(WHITESPACE);
      if (space >= 0) start += space + 1;
    }
    let end = atByte(Math.min(toByte(first) + SNIPPET_AFTER, length));
    if (end < text.length) {
      const lastEnd = Math.max(first, ...kept.map((m) => m[1]).filter((e) => e <= end));
      const tail = text.slice(lastEnd, end);
      let space = -1;
      for (let i = tail.length - 1; i >= 0; i--) if (WHITESPACE.test(tail[i])) { space = i; break; }
      if (space >= 0) end = lastEnd + space;
    }
    let html = start > 0 ? "…" : "";
    let at = start;
    for (const [from, to] of kept.filter((m) => m[0] >= start && m[1] <= end)) {
      html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
      at = to;
    }
    html += escapeHtml(text.slice(at, end));
    if (end < text.length) html += "…";
    const matched = [...new Set(kept.map(([from, to]) => text.slice(from, to)))].sort();
    return { html, matched };
  }

  // A rough BM25 on what the browser can see: the words' counts in the block, their
  // document frequencies, the block's length.
  function score(text, matches, words) {
    const idf = words.reduce((sum, w) => sum + Math.log(1 + (meta.documents - w.df + 0.5) / (w.df + 0.5)), 0);
    const tf = matches.length;
    return idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * text.length / meta.averageBlock));
  }

  const textOf = (locale, page) => load(`x/${locale}/${page}.js`);

  // Blocks matching every word of `query`, the `reading` locale's first: the same answer as
  // the app's search command (hits with snippet_html, matched, aligned…), `limit` at most.
  async function search(query, reading, limit) {
    if (!meta) meta = await load("meta.js");
    const words = queryWords(query);
    if (!words.length) return [];
    const found = await Promise.all(words.map(candidates));
    found.forEach((f, i) => { words[i].df = f.df; });
    let docs = found.map((f) => f.docs).reduce(intersect);
    const readingIndex = meta.locales.indexOf(reading);
    const localeOf = (doc) => Math.floor(doc / meta.pages);
    // The reading locale's documents first, then the site's order.
    docs = docs.slice().sort((a, b) => (localeOf(a) !== readingIndex) - (localeOf(b) !== readingIndex) || a - b);
    const hits = [];
    const seen = new Set();
    const BATCH = 4; // pages read at a time: few more than the 20 hits need
    for (let from = 0; from < docs.length && hits.length < limit; from += BATCH) {
      const batch = docs.slice(from, from + BATCH);
      const texts = await Promise.all(batch.map((doc) => textOf(meta.locales[localeOf(doc)], doc % meta.pages)));
      const found = [];
      batch.forEach((doc, n) => {
        const page = texts[n];
        const locale = meta.locales[localeOf(doc)];
        for (const [id, text, fallback] of page.blocks) {
          const matches = matchesIn(text, words);
          if (!matches) continue;
          found.push({ doc, page, locale, id, text, fallback: !!fallback, matches, score: score(text, matches, words) });
        }
      });
      found.sort((a, b) => (a.locale !== reading) - (b.locale !== reading) || a.fallback - b.fallback || b.score - a.score);
      for (const hit of found) {
        const key = `${hit.page.slug}#${hit.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { html, matched } = snippet(hit.text, hit.matches);
        let aligned = null;
        if (hit.locale !== reading && readingIndex >= 0) {
          const other = await textOf(reading, hit.doc % meta.pages);
          const block = other.blocks.find(([id]) => id === hit.id);
          if (block) {
            const chars = Array.from(block[1]);
            const short = chars.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER).join("");
            aligned = { locale: block[2] ? meta.source : reading, page_title: other.title, text: short.length < block[1].length ? `${short}…` : short };
          }
        }
        hits.push({
          locale: hit.locale, slug: hit.page.slug, id: hit.id, page_title: hit.page.title,
          snippet_html: html, matched, fallback: hit.fallback, aligned, score: hit.score,
        });
        if (hits.length === limit) break;
      }
    }
    return hits;
  }

  window.READER_SEARCH = {
    // Where the export's root is, relative to this page (app.js sets it).
    setRoot(path) { root = path; },
    search,
    loaded,
    // For the conformance test: the folding, pairs, words and stems the index was made with.
    fold: (text) => fold(text).text,
    laoPairs,
    plainWords: (text) => plainWords(fold(text).text).map(([w]) => w),
    stem,
    queryWords,
  };
})();

#!/usr/bin/env python3
"""Builds src/Ingest.Extraction/Text/Data/syllable-frequencies.tsv: how often each folded Vietnamese syllable,
and each pair of syllables inside a word, occurs in general Vietnamese: the OCR repair's background language
model, beside the administrative phrases it learns from Data/domain-vocabulary.txt.

Source: tabidots/vn-freqs (vn_word_frequencies.tsv: word frequencies of the Leipzig Corpora Collection's 1M
mixed Vietnamese sentences and the OpenSubtitles2016 Vietnamese corpus, words segmented with pyvi), brought
with the team's `fetch` tool. Only counts are kept: folded syllables of the lexicon (syllables.txt) and the
syllable pairs inside multi-syllable words (hỗ trợ → "ho tro"), no text.

Number words: that source lost most stand-alone cardinal numbers (its tagger's numeral tokens went the way of
digits: một 186 times, hai 632, against không 738 343), so the repair's language model found "mặt" likelier than
"một". For the closed class of Vietnamese cardinal-number words (NUMBER_WORDS, a fact of the language, not of any
text) the count is re-derived from a source that spells numbers: hermitdave/FrequencyWords
(content/2018/vi/vi_full.txt, syllable counts of the OpenSubtitles2018 Vietnamese subtitles), scaled to the first
source by the ratio of the two lists' totals over the other syllables both hold; a word keeps its first count
when that is higher (năm is also "year").
Cross-word pairs: the first source counts words, so it knows "hỗ trợ" but not "các trường" or "của trẻ" (pairs across
a word boundary, the context a garbled "trong" or "tré" needs). Those come from counts of adjacent syllable pairs in
general text: tienthanhdhcn/Vietnamese-Accent-Prediction at commit 7c9a04dd4858a49c277279eb6bdf6e504a3ecfca,
datasets/news2grams_small (101 925 lower-case pairs with counts, 1.17 M pairs in all, of web news and classified ads;
its larger list is not in the mirror). Only pairs of lexicon syllables seen at least CROSS_MINIMUM times are kept,
scaled so that the pairs weigh CROSS_WEIGHT of the first source's syllable total (tuned on the dev sets heldout2-4
with their text out of the corpus: 1.0 was worse than none, 0.3 better than both; see testdata/repair/README.md).
Run from the repository root:
python3 tools/text-data/make_frequencies.py MIRROR_GIT_DIR [SUBTITLES_MIRROR_GIT_DIR [CROSS_PAIRS_MIRROR_GIT_DIR]]
"""
import collections, pathlib, subprocess, sys, unicodedata

data = pathlib.Path("src/Ingest.Extraction/Text/Data")
raw = subprocess.run(["git", "-C", sys.argv[1], "show", "HEAD:vn_word_frequencies.tsv"], check=True, capture_output=True).stdout.decode("utf-8")


def fold(word):
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


NUMBER_WORDS = ["một", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi",
                "mốt", "linh", "lẻ", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"]


def nfc_lower(word):
    return unicodedata.normalize("NFC", word.lower())


lexicon = {fold(line.strip()) for line in (data / "syllables.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
unigrams, bigrams = collections.Counter(), collections.Counter()
spelt = collections.Counter()  # unfolded syllable counts, for the number-word correction
for line in raw.splitlines():
    fields = line.split("\t")
    if len(fields) < 3 or not fields[1].isdigit():
        continue
    count, syllables = int(fields[1]), [fold(s) for s in fields[2].split()]
    if not all(s in lexicon for s in syllables):
        continue
    for s in syllables:
        unigrams[s] += count
    for s in fields[2].split():
        spelt[nfc_lower(s)] += count
    for a, b in zip(syllables, syllables[1:]):
        bigrams[f"{a} {b}"] += count

if len(sys.argv) > 2:
    subtitles = collections.Counter()
    text = subprocess.run(["git", "-C", sys.argv[2], "show", "HEAD:content/2018/vi/vi_full.txt"], check=True, capture_output=True).stdout.decode("utf-8")
    for line in text.splitlines():
        word, _, count = line.rpartition(" ")
        if word and count.isdigit():
            subtitles[nfc_lower(word)] += int(count)
    shared = [w for w in spelt if w in subtitles and w not in NUMBER_WORDS]
    scale = sum(spelt[w] for w in shared) / sum(subtitles[w] for w in shared)
    for word in NUMBER_WORDS:
        estimate = round(scale * subtitles[word])
        if estimate > spelt[word]:
            unigrams[fold(word)] += estimate - spelt[word]
            print(f"{word}: {spelt[word]} -> {estimate}", file=sys.stderr)
    print(f"number words rescaled from the subtitles list (scale {scale:.3f}, {len(shared)} shared syllables)", file=sys.stderr)

CROSS_WEIGHT, CROSS_MINIMUM = 0.3, 3
if len(sys.argv) > 3:
    text = subprocess.run(["git", "-C", sys.argv[3], "show", "7c9a04dd4858a49c277279eb6bdf6e504a3ecfca:datasets/news2grams_small"],
                          check=True, capture_output=True).stdout.decode("utf-8")
    cross, total = collections.Counter(), 0
    for line in text.splitlines():
        pair, _, count = line.rpartition(" ")
        words = pair.split(" ")
        if len(words) != 2 or not count.isdigit():
            continue
        total += int(count)
        a, b = fold(words[0]), fold(words[1])
        if a in lexicon and b in lexicon:
            cross[f"{a} {b}"] += int(count)
    scale = CROSS_WEIGHT * sum(unigrams.values()) / total
    kept = {pair: count for pair, count in cross.items() if count >= CROSS_MINIMUM}
    for pair, count in kept.items():
        bigrams[pair] += max(1, round(count * scale))
    print(f"{len(kept)} cross-word pairs added (scale {scale:.2f})", file=sys.stderr)

lines = ["# folded syllable (or syllable pair inside a word, or adjacent across words) <TAB> count in general Vietnamese text.",
         "# Generated by tools/text-data/make_frequencies.py from tabidots/vn-freqs, number words rescaled from"
         " hermitdave/FrequencyWords, cross-word pairs from tienthanhdhcn/Vietnamese-Accent-Prediction; see README.md."]
lines += [f"{s}\t{c}" for s, c in sorted(unigrams.items(), key=lambda kv: (-kv[1], kv[0]))]
lines += [f"{s}\t{c}" for s, c in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))]
(data / "syllable-frequencies.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(unigrams)} syllables, {len(bigrams)} pairs -> {data / 'syllable-frequencies.tsv'}", file=sys.stderr)

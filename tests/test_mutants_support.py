"""Summary support where the mutation run (bench/mutation.py facts.support) found it unheld:
every field of every flag of a summary of several sentences, the word weights (inverse sentence
frequency), near spellings, stop words, the words beside a figure, capitalised names and their
edges, and summary_support's own arguments (the language, facts given, the publication date).
The article and summaries were written for these tests."""

from __future__ import annotations

import math

import pytest
from rapidfuzz import fuzz

from facts import english, support
from facts.support import _anchors, _credit, _names, _prepare, _stop, _words, summary_support
from facts.types import Facts

ARTICLE = ["Floods hit three districts of Basra on Tuesday.", "The civil defence said 14 people were killed.",
           "Governor Asaad al-Eidani closed the schools.", "Rescue teams pulled 20 people from the water in Zubair.",
           "Boats from Zubair carried 20 families to Safwan."]
SUMMARY = ("Floods hit Basra on Tuesday. The governor said 20 people were killed. Fishermen counted 40 boats. "
           "Eidani closed the schools in Zubair. The election results were announced.")


def test_every_field_of_every_flag_of_a_summary():
    found = summary_support(SUMMARY, ARTICLE)
    assert [(s.text, s.score, s.sources, s.supported) for s in found.sentences] == [
        ("Floods hit Basra on Tuesday.", 1.0, (0,), True),
        ("The governor said 20 people were killed.", 0.45, (1, 2), False),
        ("Fishermen counted 40 boats.", 0.07, (4,), False),
        # Zubair is in two sentences, neither a source: a place the article names twice goes with any fact.
        ("Eidani closed the schools in Zubair.", 0.793, (2,), True),
        ("The election results were announced.", 0.0, (), False)]
    assert found.score == 0.324  # the mean, 0.4626, pulled 30% of the way to the weakest, 0
    assert list(found.flags) == [
        {"type": "summary_unsupported", "segment": None, "source": None,
         "summary": {"text": "The governor said 20 people were killed."}, "summary_sentence": 1, "score": 0.45,
         "sources": [1, 2], "message": "summary sentence 2 has support 0.45, below 0.5; closest: sentence 2"},
        {"type": "summary_figure_misplaced", "segment": None, "source": None,
         "summary": {"text": "20", "value": 20, "unit": None}, "summary_sentence": 1, "sources": [1, 2],
         "found_in": [3, 4], "message": "summary sentence 2: «20» is not in its sources (sentence 2, 3) but in "
                                        "sentence 4, 5: another event's number?"},
        {"type": "summary_unsupported", "segment": None, "source": None,
         "summary": {"text": "Fishermen counted 40 boats."}, "summary_sentence": 2, "score": 0.07, "sources": [4],
         "message": "summary sentence 3 has support 0.07, below 0.5; closest: sentence 5"},
        {"type": "summary_number_unsupported", "segment": None, "source": None,
         "summary": {"text": "40", "value": 40, "unit": None}, "summary_sentence": 2,
         "message": "summary sentence 3: the number «40» is not in the translation"},
        {"type": "summary_name_unsupported", "segment": None, "source": None, "summary": {"text": "Fishermen"},
         "summary_sentence": 2, "message": "summary sentence 3: the name «Fishermen» is not in the translation"},
        {"type": "summary_unsupported", "segment": None, "source": None,
         "summary": {"text": "The election results were announced."}, "summary_sentence": 4, "score": 0.0,
         "sources": [], "message": "summary sentence 5 has support 0.00, below 0.5; no sentence of the article "
                                   "shares its words"},
    ]


def test_a_name_misplaced_names_the_sentence_it_is_in():
    article = ["Floods hit Basra on Tuesday.", "Governor Asaad al-Eidani closed the schools.",
               "Rescue teams worked in Zubair."]
    found = summary_support("Eidani closed the schools in Zubair.", article)
    assert [f for f in found.flags if f["type"] == "summary_name_misplaced"] == [
        {"type": "summary_name_misplaced", "segment": None, "source": None, "summary": {"text": "Zubair"},
         "summary_sentence": 0, "sources": [1], "found_in": [2],
         "message": "summary sentence 1: «Zubair» is not in its sources (sentence 2) but in sentence 3: another "
                    "event's name?"}]


def test_a_word_weighs_by_how_few_sentences_use_it():
    # "flood" is in one of two sentences: log(1 + 2/2); "damaged" in none: log(1 + 2). The source
    # covers the first: log 2 / (log 2 + log 3) = 0.3869, rounded to three places.
    found = summary_support("Floods damaged.", ["Floods hit Basra.", "Schools closed."])
    assert [(s.score, s.sources) for s in found.sentences] == [(0.387, (0,))]
    article = _prepare(["Floods hit Basra.", "Floods closed schools.", "Roads closed."],
                       [Facts(), Facts(), Facts()])
    assert (article.weight["flood"], article.weight["basra"], article.unseen) == (
        math.log(1 + 3 / 3), math.log(1 + 3 / 2), math.log(1 + 3))
    assert _prepare([], []).unseen == 0.5  # a floor, for an article of no sentences (log 1 = 0)


def test_near_spellings_count_for_their_similarity():
    sentences = ["Masoud Barzani visited Erbil.", "Floods hit Basra."]
    article = _prepare(sentences, [english.extract(s) for s in sentences])
    assert article.raw == (("masoud", "barzani", "visited", "erbil"), ("floods", "hit", "basra"))
    assert _credit("barzani", "barzani", 0, article) == 1.0
    assert _credit("barazani", "barazani", 0, article) == fuzz.ratio("barazani", "barzani") / 100
    assert _credit("erbl", "erbl", 0, article) == fuzz.ratio("erbl", "erbil") / 100  # four letters: near enough
    assert _credit("hut", "hit", 1, article) == 0.0  # under four letters: only the same word
    assert _credit("barazani", "barazani", 1, article) == 0.0
    # The plain ratio, not one that credits a word found inside a longer one (WRatio: 90).
    longer = _prepare(["Basrawiyun traders met."], [Facts()])
    assert (fuzz.ratio("basra", "basrawiyun"), _credit("basra", "basra", 0, longer)) == (200 / 3, 0.0)


def test_a_short_name_is_found_by_its_normalised_form():
    found = summary_support("Governor Ali closed the schools.",
                            ["Floods hit Basra.", "Governor Ali closed the schools."])
    assert ([(s.score, s.sources) for s in found.sentences], found.flags) == ([(1.0, (1,))], ())


@pytest.mark.parametrize("word,stop", [
    ("the", True), ("said", True), ("a", True), ("x", True), ("5", False), ("ab", False), ("UN", False),
    ("في", True), ("ب", True), ("قم", False), ("Basra", False),
])
def test_stop_words_and_single_letters(word, stop):
    assert _stop(word) is stop


@pytest.mark.parametrize("text,blanked,words", [
    ("the 3 boats of Basra sank", [(4, 5)], ["boat", "basra", "sank"]),
    ("the 3 boats of Basra sank", [(10, 11)], ["basra", "sank"]),  # "boats" overlaps the span: left out, the rest kept
    ("killed 14-km road", [(7, 10)], ["kill", "km", "road"]),  # a word that starts where a span ends is kept
    ("Basra floods", [(5, 6)], ["basra", "flood"]),  # ... and one that ends where it starts
])
def test_content_words_leave_out_stop_words_digits_and_figures(text, blanked, words):
    assert _words(text, blanked) == words


@pytest.mark.parametrize("sentence,start,end,blanked,anchors", [
    ("Rescue teams pulled 20 people from the water", 20, 22, [(20, 22)], {"pull", "peopl"}),
    ("the governor said 20 people were killed", 18, 20, [(18, 20)], {"governor", "peopl"}),
    ("the 3 governors said 20 people", 21, 23, [(4, 5), (21, 23)], {"governor", "peopl"}),
    ("pulled 20 people", 6, 9, [(6, 9)], {"pull", "peopl"}),  # a word that ends where the figure starts
    ("pulled 20 people", 7, 10, [(7, 10)], {"pull", "peopl"}),  # one that starts where it ends
    ("pulled 20 people", 7, 9, [(6, 7), (7, 9), (9, 10)], {"pull", "peopl"}),  # spans touching words leave them
])
def test_the_words_beside_a_figure(sentence, start, end, blanked, anchors):
    assert _anchors(sentence, start, end, blanked) == anchors


@pytest.mark.parametrize("text,article_lower,blanked,names", [
    ("Eidani met Masoud Barzani in Erbil on Tuesday.", frozenset(), [],
     [(0, 6, "Eidani"), (11, 25, "Masoud Barzani"), (29, 34, "Erbil")]),
    # The first word is a name only when the article never writes it in lower case; the others always.
    ("Rescue Teams met Barzani.", frozenset({"rescue", "teams"}), [], [(7, 12, "Teams"), (17, 24, "Barzani")]),
    # A joining word inside a name, not at its end.
    ("Talks with Asaad al-Eidani and Barzani of the party.", frozenset({"talks"}), [],
     [(11, 26, "Asaad al-Eidani"), (31, 38, "Barzani")]),
    ("Basra Zubair", frozenset(), [(0, 6)], [(6, 12, "Zubair")]),  # a span that ends where a name starts
    ("Basra Zubair", frozenset(), [(5, 6)], [(0, 12, "Basra Zubair")]),  # ... or starts where it ends
    ("Eleven firefighters came", frozenset(), [(0, 6)], []),  # a figure is no name
])
def test_names_are_runs_of_capitalised_words(text, article_lower, blanked, names):
    assert _names(text, article_lower, blanked) == names


ARABIC = ["اجتاحت السيول ثلاثة أحياء في البصرة.", "قال الدفاع المدني إن ثلاثة أشخاص قتلوا."]


def test_an_arabic_summary_is_read_with_the_arabic_extractor():
    found = summary_support("قال الدفاع المدني إن خمسة أشخاص قتلوا.", ARABIC, "ar")
    assert [(f["type"], f["summary"]["text"]) for f in found.flags] == [
        ("summary_unsupported", "قال الدفاع المدني إن خمسة أشخاص قتلوا."), ("summary_number_unsupported", "خمسة")]
    assert summary_support("قال الدفاع المدني إن خمسة أشخاص قتلوا.", ARABIC).flags == ()  # English reads no figure


def test_facts_given_for_the_article_are_used_as_given():
    article = ["The civil defence said 14 people were killed."]
    assert [f["type"] for f in summary_support("Civil defence said 14 people were killed.", article,
                                               article_facts=[Facts()]).flags] == [
        "summary_unsupported", "summary_number_unsupported"]
    assert summary_support("Civil defence said 14 people were killed.", article).flags == ()
    with pytest.raises(ValueError, match=r"^2 fact sets for 1 article sentences; give one per sentence$"):
        summary_support("Civil defence said 14 people were killed.", article, article_facts=[Facts(), Facts()])


def test_the_publication_date_dates_both_the_article_and_the_summary():
    # "yesterday" is a date only when the publication date says which.
    said = ["summary_unsupported", "summary_date_unsupported"]
    assert summary_support("The bridge opened on 31 May 2023.", ["The bridge opened yesterday."],
                           published="2023-06-01").flags == ()
    assert [f["type"] for f in summary_support("The bridge opened on 31 May 2023.",
                                               ["The bridge opened yesterday."]).flags] == said
    assert [f["type"] for f in summary_support("The bridge opened yesterday.", ["The bridge opened on 30 May 2023."],
                                               published="2023-06-01").flags] == said
    assert summary_support("The bridge opened yesterday.", ["The bridge opened on 30 May 2023."]).flags == ()


# -- which sentences are the sources ---------------------------------------------------------------
FUSED = ["Floods hit three districts of Basra on Tuesday after record rainfall.",
         "The civil defence said 14 people were killed and 60 were injured in the floods.",
         "Governor Asaad al-Eidani closed schools and government offices until Sunday.",
         "Later 9 people died in hospital.",
         "Doctors in the hospital treated 9 children."]


@pytest.mark.parametrize("summary,article,sources,score", [
    # Equal cover: the sentence with the summary's word order, then the first.
    ("Basra police arrested the mayor.", ["The mayor arrested Basra police.", "Basra police arrested the mayor."],
     (1,), 1.0),
    ("Floods hit Basra.", ["Floods hit Basra.", "Floods hit Basra."], (0,), 1.0),
    # Up to three sources, each adding enough; of equal gains, the first.
    ("Floods hit Basra, schools closed early, doctors treated children and engineers repaired bridges.",
     ["Floods hit Basra.", "Schools closed early.", "Doctors treated children.", "Engineers repaired bridges."],
     (0, 1, 2), 0.75),
    # A figure's own sentence joins the sources when it shares a word beside the figure ("died"),
    # though it adds too little to join on its words alone; the other sentence stating 9 does not.
    ("Record rainfall flooded three districts of Basra, the civil defence said 14 people were killed and 60 "
     "injured, and 9 died.", FUSED, (1, 0, 3), 1.0),
    # A near spelling counts for its similarity.
    ("Barazani visited Erbil.", ["Masoud Barzani visited Erbil.", "Floods hit Basra."], (0,), 0.971),
    # A figure's words are no words of the article: the order is the order around it.
    ("Floods hit three districts.", ["Floods hit three districts.", "Floods hit districts."], (0,), 1.0),
    # Word order breaks near ties only: full cover out of order beats three words of four in order.
    ("Police arrested the mayor at night.", ["Night police mayor arrested.", "Police arrested the mayor."], (0,), 1.0),
    # Of two sentences that state the figure beside the same word and add as much, the first.
    ("Record rainfall flooded three districts of Basra, the civil defence said 14 people were killed and 60 "
     "injured, and 9 died.", FUSED[:4] + ["Nine patients died at the clinic."], (1, 0, 3), 1.0),
    # No content words, or no article: nothing to weigh, fully covered (an empty article knows no
    # lower-case "schools", so the first word is an unsupported name: 0.6).
    ("He said so.", ["Floods hit Basra."], (), 1.0),
    ("Schools closed.", [], (), 0.6),
])
def test_the_sources_of_a_summary_sentence(summary, article, sources, score):
    [found] = summary_support(summary, article).sentences
    assert (found.sources, found.score) == (sources, score)


def test_a_sentence_at_the_threshold_is_supported():
    # Six words of equal weight, one in each of six sentences: three sources cover half of them.
    article = ["Rain brought floods.", "Teachers closed schools.", "Hospitals lacked doctors.", "Storms damaged bridges.",
               "Fires gutted markets.", "Locusts ravaged farms."]
    found = summary_support("floods, schools, doctors, bridges, markets and farms.", article)
    assert [(s.score, s.sources, s.supported) for s in found.sentences] == [(0.5, (0, 1, 2), True)]
    assert found.flags == ()


def test_no_fourth_source_even_for_a_figure():
    # Three sources already: the sentence stating 9 (beside "farms") is not added, and 9 is misplaced.
    article = ["Rain brought floods.", "Teachers closed schools.", "Hospitals lacked doctors.", "Storms damaged bridges.",
               "Fires gutted markets.", "Locusts ravaged 9 farms."]
    found = summary_support("floods, schools, doctors, bridges, markets and 9 farms.", article)
    assert [(s.score, s.sources) for s in found.sentences] == [(0.225, (0, 1, 2))]  # 0.5 x 0.45
    assert [(f["type"], f.get("found_in")) for f in found.flags] == [("summary_unsupported", None),
                                                                     ("summary_figure_misplaced", [5])]


# -- the form words are compared in (support._norm) ------------------------------------------

@pytest.mark.parametrize("word, same", [
    ("Iraq’s", "Iraq"), ("Iraq's", "Iraq"), ("Hamas's", "Hamas"), ("Biden's", "Biden"),  # the possessive
    ("O'Brien", "OBrien"), ("IRAQ", "iraq"), ("ﬁnance", "finance"),  # apostrophes, case, NFKC
    ("مُحَمَّد", "محمد"), ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"),  # harakat, alef
    ("مستشفى", "مستشفي"), ("مدينة", "مدينه"),  # alef maqsura, taa marbuta
    # Snowball folds a word-initial أ إ آ and most ة itself; these two it does not.
    ("قرآن", "قران"), ("الجامعة", "الجامعه"),
    ("والمدينة", "المدينة"), ("فالمدينة", "المدينة"),  # a conjunction glued on
])
def test_norm_folds_what_does_not_change_a_word(word, same):
    assert support._norm(word) == support._norm(same)


@pytest.mark.parametrize("word, other", [
    ("Hamas's", "Hamass"),  # the possessive, not a plural s: Hamas stems to hama, Hamass does not
    ("وم", "م"),  # a و with one letter after it is the word
])
def test_norm_keeps_what_does(word, other):
    assert support._norm(word) != support._norm(other)


def test_the_stemmers_are_snowball_s_english_and_arabic():
    import snowballstemmer

    fresh = support._stemmers.__wrapped__()  # uncached: what a mutation run sees
    assert set(fresh) == {"en", "ar"}
    assert fresh["en"].stemWord("running") == "run"
    assert fresh["ar"].stemWord("المكتبات") == snowballstemmer.stemmer("arabic").stemWord("المكتبات") != "المكتبات"

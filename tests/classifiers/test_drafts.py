import pytest

from classifiers.drafts import extract_drafts


def _texts(message):
    return [d.text for d in extract_drafts(message).drafts]


def test_plain_post_is_its_own_draft():
    text = "Patients with diabetes should check their feet daily."
    extraction = extract_drafts(text)
    assert _texts(text) == [text] and not extraction.wrapped


def test_question_wrapper_is_stripped_and_quotes_removed():
    msg = 'is this ok to post? "Flu shots are in, walk-ins welcome all week at the clinic!"'
    assert _texts(msg) == ["Flu shots are in, walk-ins welcome all week at the clinic!"]


def test_wrapper_sentence_before_draft_is_stripped():
    msg = "Thoughts before I post this?\n\nHad the sweetest 93 yo in bed 4 today."
    extraction = extract_drafts(msg)
    assert _texts(msg) == ["Had the sweetest 93 yo in bed 4 today."]
    assert "Thoughts" in extraction.wrapper


def test_code_fence_and_quote_block():
    assert _texts("```\nDM me a pic of the rash\n```\ntoo much?") == ["DM me a pic of the rash"]
    assert _texts("can I post this?\n> Our team gave 1,200 flu shots.\n> Proud of everyone.") == [
        "Our team gave 1,200 flu shots.\nProud of everyone."]


def test_numbered_thread_is_joined_into_one_draft():
    msg = "1/3 Long night in the ED.\n2/3 Grateful for the team.\n3/3 Sleep now."
    assert _texts(msg) == ["Long night in the ED.\nGrateful for the team.\nSleep now."]


@pytest.mark.parametrize("msg", [
    "1/ Long night in the ED. 2/ Grateful for the team.",
    "(1/2) Long night in the ED.\n(2/2) Grateful for the team.",
    "01/ Long night in the ED.\n02/ Grateful for the team.",
    "1 / Long night in the ED.\n2 / Grateful for the team.",
    "1) Long night in the ED.\n2) Grateful for the team.",
    "1. Long night in the ED.\n2. Grateful for the team.",
    "１/ Long night in the ED.\n２/ Grateful for the team.",  # digits of other scripts count too
    "١) Long night in the ED.\n٢) Grateful for the team.",
])
def test_every_way_of_numbering_a_thread_gets_past_the_quick_check(msg):
    assert _texts(msg) == ["Long night in the ED.\nGrateful for the team."]


def test_versions_are_separate_drafts_with_labels():
    msg = ("v1: Loving the new GlucoSense CGM, use code DRSAM20\n"
           "v2: Paid partnership with GlucoSense. Loving the new CGM.\nwhich is better?")
    drafts = extract_drafts(msg).drafts
    assert [d.label for d in drafts] == ["v1", "v2"]
    assert drafts[1].text == "Paid partnership with GlucoSense. Loving the new CGM."


@pytest.mark.parametrize("msg, chosen", [
    ('v1: "Pic of the lady in bed 4 at 3am, what a night"\nv2: "Night shift, grateful for my team"\n'
     'going with v2', 1),
    ("v1: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "v2: Paid partnership with GlucoSense. Loving the new CGM.\nscrapping v2, I'll post v1 lol", 0),
    ('v1: "Hoy en la guardia atendimos a una nena de 4 años con meningitis"\n'
     'v2: "Fiebre alta y rigidez de nuca: a la guardia ya."\nsubo la v2', 1),
    ("v1: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "v2: Paid partnership with GlucoSense. Loving the new CGM.\nwhich is better?", None),
    ("v1: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "v2: Paid partnership with GlucoSense.\nposting v1 or v2, can't decide", None),
    ("v1: Paid partnership with GlucoSense.\nv2: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "Not posting v1, too boring.", None),
    ("v1: Paid partnership with GlucoSense.\nv2: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "would you go with v1?", None),
    ("v1: Paid partnership with GlucoSense.\nv2: Loving the new GlucoSense CGM, use code DRSAM20\n"
     "my boss says going with v1 is safer but I like v2", None),
])
def test_the_version_the_user_says_they_will_post_is_found(msg, chosen):
    extraction = extract_drafts(msg)
    assert len(extraction.drafts) == 2
    assert extraction.chosen == chosen
    assert "going with" not in extraction.drafts[-1].text and "subo la" not in extraction.drafts[-1].text


def test_offsets_map_each_draft_back_to_the_message():
    msg = 'ok to post?\n"Mrs. Alvarez in bed 3 was a delight today, truly."'
    draft = extract_drafts(msg).drafts[0]
    start = draft.text.index("bed 3")
    s, e = draft.to_original(start, start + 5)
    assert msg[s:e] == "bed 3"

"""The do's: safe review replies by topic, disclaimers by platform, footprint, tips; via the API too."""

import re

import pytest

from bot.coaching import coaching_card, content, disclaimer_card, review_topic, safe_review_reply, tips_for
from bot.conversation import parse_command
from bot.server import create_app

REVIEWS = [
    ("wait_time", "Waited almost two hours past my 9:30 appointment for my knee MRI results. Ridiculous."),
    ("billing", "They charged me $400 for a 10 minute visit and billing never called back about my insurance."),
    ("staff_courtesy", "The receptionist was so rude to my mom and the staff ignored us the whole time."),
    ("outcome", "My rash got worse after the cream Dr. Kim gave me on June 3rd. Misdiagnosis for sure."),
    ("bedside_manner", "Dr. Ruiz was dismissive, rushed, and didn't listen to a word about my anxiety."),
    ("praise", "Dr. Lee and her team are wonderful, they caught my thyroid problem. Highly recommend!"),
    ("other", "Parking lot is confusing and the sign is hard to see from Elm Street."),
]
CONFIRMS = re.compile(r"\b(your (visit|appointment|procedure|treatment|results|diagnosis|bill)|you were (seen|here|treated)|"
                      r"when you came|our records|as a patient)\b", re.I)


@pytest.mark.parametrize(("topic", "review"), REVIEWS, ids=[t for t, _ in REVIEWS])
def test_safe_reply_by_topic_confirms_nothing_and_passes_the_engine(engine, topic, review):
    found, reply = safe_review_reply(review)
    assert found == topic
    assert not CONFIRMS.search(reply)
    for detail in re.findall(r"\b(?:Dr\. \w+|MRI|thyroid|rash|anxiety|knee|June 3rd|9:30|\$400|Elm Street)", review):
        assert detail not in reply
    assert engine.analyze(reply).labels == []


def test_disclaimers_fit_each_bio_limit_and_use_the_emergency_number():
    card = disclaimer_card("112")
    limits = {k: v["limit"] for k, v in content()["disclaimer"]["platforms"].items()}
    assert {"X": 160, "Instagram": 150, "TikTok": 80}.items() <= limits.items()
    for line in card.dos:
        platform, text = line.split(" (", 1)[0], line.split(": ", 1)[1]
        assert len(text) <= limits[platform] and "112" in text


def test_policy_topics_for_platforms_share_and_disclaimer():
    assert coaching_card("platforms").summary.count("Doximity") == 1
    assert "Disclosure:" in coaching_card("share").dos[0]
    assert coaching_card("disclaimer").topic == "disclaimer" and coaching_card("reviews") is None


def test_tips_for_coi_and_advice():
    assert any("Disclosure:" in t for t in tips_for(["coi"]))
    advice = tips_for(["advice"])
    assert any("general education" in t for t in advice) and any("911" in t for t in advice)
    assert tips_for(["privacy"]) == []


def test_text_commands_parse_without_eating_drafts():
    assert parse_command("footprint") == ("footprint", "") and parse_command("footprint status") == ("footprint", "status")
    assert parse_command("reply-review") == ("reply-review", "")
    assert parse_command("footprint of our new clinic is huge, come visit") is None
    assert parse_command("help me, the guy in bed 4 is a frequent flyer") is None
    assert review_topic("") == "other"


async def test_api_reply_review_flags_a_risky_draft_with_the_reviews_guideline(web_client):
    draft = "Ms. Chen, you were seen on 3/14 for your colonoscopy and your bill is correct. Stop lying online."
    response = await web_client.post("/api/reply-review", json={"review": REVIEWS[1][1], "draft": draft})
    body = await response.json()
    assert response.status == 200 and body["topic"] == "billing"
    assert "privacy" in body["draft"]["labels"]
    assert all(f["guideline"]["topic"] == "reviews" for f in body["draft"]["answer"]["findings"])
    assert "Chen" not in str(body["draft"]["answer"])
    missing = await web_client.post("/api/reply-review", json={"draft": "x"})
    assert missing.status == 400


async def test_api_footprint_survives_a_restart(web_client, aiohttp_client, settings, shared_checker):
    saved = await web_client.post("/api/footprint", json={"user": "browser-123", "done": ["search", "payments", "nope"]})
    assert sorted((await saved.json())["done"]) == ["payments", "search"]
    restarted = await aiohttp_client(create_app(settings, shared_checker))
    again = await (await restarted.get("/api/footprint", params={"user": "browser-123"})).json()
    assert again["done"] == ["payments", "search"] and len(again["steps"]) == 7
    assert (await restarted.get("/api/footprint")).status == 400


def test_a_draft_that_opens_with_policy_is_checked_not_searched():
    assert parse_command("policy reviews") == ("policy", "reviews")
    assert parse_command("Policy update: Mrs. Alvarez in bed 4 asked about our new visiting hours today") is None
    assert parse_command("policy for MRN 00482913") is None

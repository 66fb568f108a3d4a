"""Every user-facing string, so Slack, Teams, the web and the terminal say the same thing."""

VERDICT_HEADLINE = {
    "clear": "No risks found",
    "review": "Review before posting",
    "high": "High risk: do not post as written",
}
VERDICT_EMOJI = {"clear": "✅", "review": "⚠️", "high": "⛔"}
LEVEL_WORDS = {"low": "Low", "medium": "Medium", "high": "High"}
SAFER_VERSION = "Safer version (identifiers replaced)"
STILL_TO_CHANGE = "Redacting identifiers is not enough; still to change:"
EVIDENCE = "Why"
GUIDELINE = "Guideline"
VERSIONS = "This message holds {n} versions; each was checked:"
VERSION_CHOSEN = " (the one you said you will post; the verdict is about it)"
IMAGES_NOT_ANALYSED = (
    "Images and files are not analysed, only the text. Before posting a photo taken in a clinical area, "
    "check for patients or visitors, faces, tattoos, charts, screens, whiteboards, wristbands and name "
    "badges in the frame, and get written consent for any patient image."
)
PRIVACY_PROMISE = (
    "Your draft is analysed in memory and never stored: the bot keeps only a keyed hash, the labels "
    "and scores."
)
HELP = (
    "Send me a draft post and I will check it for four risks: patient privacy (HIPAA), individual "
    "medical advice, unprofessional conduct, and undisclosed conflicts of interest.\n"
    "• Paste a draft in a message (wrapping it in \"is this ok to post?\" is fine).\n"
    "• `policy <topic or words>` looks up guidelines (topics: privacy, advice, venting, coi, reviews, "
    "footprint, general).\n"
    "• `reply-review` helps you answer a patient review safely.\n"
    "• `footprint` starts your digital-footprint self-audit (`footprint status` shows progress).\n"
    "• `policy disclaimer` gives a profile disclaimer sized for each platform.\n"
    "• `forget-me` deletes what I keep about you (feedback, checklist); audit rows hold no text and expire.\n"
    "• `help` shows this message."
)
NO_POLICY_MATCH = "No guideline matches those words. Topics: {topics}."
POLICY_TOPICS = "Guideline topics (ask `policy <topic>`):"
MENTION_VISIBLE = (
    "Only you can see this answer, but your message mentioning me is visible to the channel: you can "
    "delete it if it contained patient details."
)
SENT_PRIVATELY = "I sent you the result privately."
FEEDBACK_HELPFUL = "Helpful"
FEEDBACK_WRONG = "Not right"
FEEDBACK_THANKS = "Thanks for the feedback: it helps tune the checker. (Your draft was not stored.)"
ERROR = "Sorry, something went wrong while checking that. Nothing was stored; please try again."
HOME_ENTRY_POINTS = (
    "*Ways to check a draft*\n"
    "• Send me a direct message with the draft.\n"
    "• Mention me in a channel (`@compliance-bot <draft>`): only you see the answer.\n"
    "• `/checkpost <draft>` anywhere: only you see the answer.\n"
    "• On any message: ⋯ → *Check this post*.\n"
    "• `/policy <topic or words>` for guidelines."
)
CHECKPOST_USAGE = "Usage: `/checkpost <your draft post>`. Only you will see the answer."
TEAMS_USE_PERSONAL_CHAT = (
    "I could not open a personal chat with you to send the result. Message me in personal chat, or use "
    "“Check this post” from the message's ⋯ menu: only you will see the answer."
)
TEAMS_WELCOME = (
    "Hi! I check draft posts for patient privacy, medical advice, conduct and conflict-of-interest risks. "
    "Message me in personal chat, @mention me (the result comes to you privately), or use “Check this post” "
    "from any message's ⋯ menu. Type `help` for more."
)
REVIEW_MODAL_TITLE = "Reply to a review"
REVIEW_FIELD = "The patient's review (it is not stored)"
REVIEW_DRAFT_FIELD = "Your draft reply (optional, not stored)"
REVIEW_SAFE = "A safe reply you can adapt ({topic})"
REVIEW_SAFE_NOTE = (
    "It thanks the reviewer, stays general, never confirms they were a patient and invites them to "
    "continue offline. Add your office's contact route before posting."
)
REVIEW_DRAFT_CHECK = "Your draft reply"
FOOTPRINT_TITLE = "Digital-footprint self-audit"
FOOTPRINT_INTRO = (
    "Work through these steps at your own pace; I remember what you tick (by a keyed hash, nothing "
    "else). Nothing is fetched from the internet: I guide, you look."
)
FOOTPRINT_STATUS = "Footprint self-audit: {done} of {total} steps done."
TIPS = "Coaching"
FORGOTTEN = (
    "Done: your feedback, checklist progress and stored conversation details are deleted. Audit rows "
    "(a keyed hash, labels and scores, never text) expire with the retention period."
)
REMINDER_ADDED = "Reminder set: {line}. I'll post a rotating do or don't from the guidelines here."
NO_REMINDERS = "No reminders in this channel yet. Add one with `reminders add weekdays 09:00`."
REMINDER_REMOVED = "Reminder removed."
NO_SUCH_REMINDER = "There is no reminder with that id in this channel (see `reminders list`)."
REMINDER_POST = "*Social-media tip:* {tip}"
MONITOR_NOTICE = (
    "🔎 compliance-bot monitoring is now on in this channel. When a message here may carry a patient-privacy, "
    "medical-advice, conduct or conflict-of-interest risk, I tell its author privately. Nothing is posted "
    "publicly about anyone's message, and message text is never stored."
)
MONITOR_ON = "Monitoring is on; I posted a short notice so members know."
MONITOR_OFF = "Monitoring is off in this channel."
MONITOR_STATUS_ON = "Monitoring is on in this channel: authors get private notes on risky messages."
MONITOR_STATUS_OFF = "Monitoring is off in this channel. An admin can turn it on with `monitor on`."
MONITOR_NOT_ALLOWED = "Only workspace admins or owners, channel managers, or team owners can change monitoring."
MONITOR_MISSING = "I can't monitor this channel yet: {missing}."
MONITOR_PRIVATE_NOTE = (
    "Only you can see this. Your message in this channel may carry the risk above: consider editing or "
    "deleting it."
)
MONITOR_WHERE = "Run `monitor on`, `monitor off` or `monitor status` in the channel itself (admins and owners)."
ORG_POLICY = "Your organisation's social-media policy"
ALREADY_POSTED = "Already posted? Delete it, then tell your privacy officer: {officer}."
SETTINGS_USAGE = (
    "Usage: `settings` shows them; admins can set `settings sensitivity strict|balanced|lenient`, "
    "`settings policy <https://…>`, `settings officer <name and contact>`, `settings emergency <number>`."
)
SETTINGS_NOT_ALLOWED = "Only workspace admins or owners (Slack) or team owners (Teams) can change settings."
SETTINGS_SHOW = (
    "Sensitivity: {sensitivity}\nOrganisation policy: {policy}\nPrivacy officer: {officer}\n"
    "Emergency number in coaching text: {emergency}"
)
SHARE_PROMPT = "Not right? You can share the redacted version (identifiers removed) so the model can learn from it."
SHARE_BUTTON = "Share the redacted version"
SHARED = "Thank you: the redacted version was shared for review. Nothing else was stored."
ORG_POLICY_SUMMARY = "Your organisation's own rules come first; the published guidance below applies too."
SLACK_REVIEW_HINT = "Use `/reply-review` to open the review-reply helper: it asks for the review and your draft reply."
CHECKING = "Checking… (nothing you typed is stored)"

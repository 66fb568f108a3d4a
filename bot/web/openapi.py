"""The OpenAPI 3.1 document of the JSON API (tests validate real responses against it)."""

from __future__ import annotations

from classifiers import LABELS, MAX_CHARS

MAX_BATCH = 100
_SCORES = {"type": "object", "properties": {k: {"type": "number", "minimum": 0, "maximum": 1} for k in LABELS},
           "required": list(LABELS)}
_LABELS = {"type": "array", "items": {"enum": list(LABELS)}}
_CARD = {
    "type": "object",
    "required": ["topic", "title", "summary", "dos", "donts", "links", "unconfirmed"],
    "properties": {
        "topic": {"type": "string"}, "title": {"type": "string"}, "summary": {"type": "string"},
        "dos": {"type": "array", "items": {"type": "string"}},
        "donts": {"type": "array", "items": {"type": "string"}},
        "links": {"type": "array", "items": {"type": "object", "required": ["label", "url"],
                                             "properties": {"label": {"type": "string"},
                                                            "url": {"type": "string", "format": "uri"}}}},
        "unconfirmed": {"type": "array", "items": {"type": "string"},
                        "description": "Resources whose link is unconfirmed: publisher and title only."},
    },
}
SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "CheckRequest": {
        "type": "object", "required": ["text"],
        "properties": {
            "text": {"type": "string", "maxLength": MAX_CHARS, "description": "The draft (wrapping is fine)."},
            "sensitivity": {"enum": ["strict", "balanced", "lenient"], "default": "balanced"},
            "live": {"type": "boolean", "default": False,
                     "description": "A check-as-you-type preview: not recorded in the audit trail."},
        },
    },
    "Evidence": {"type": "object", "required": ["text", "start", "end", "source"], "properties": {
        "text": {"type": "string", "description": "The phrase, identifiers masked."},
        "start": {"type": "integer"}, "end": {"type": "integer"}, "source": {"type": "string"}}},
    "Finding": {"type": "object",
                "required": ["label", "title", "score", "level", "threshold", "evidence", "guideline_id"],
                "properties": {"label": {"enum": list(LABELS)}, "title": {"type": "string"},
                               "score": {"type": "number"}, "level": {"enum": ["low", "medium", "high"]},
                               "threshold": {"type": "number"}, "guideline_id": {"type": "string"},
                               "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}},
    "Draft": {"type": "object", "required": ["start", "end", "version", "labels", "scores", "redacted"],
              "properties": {"start": {"type": "integer"}, "end": {"type": "integer"},
                             "version": {"type": ["string", "null"]}, "labels": _LABELS, "scores": _SCORES,
                             "redacted": {"type": "string"}}},
    "Card": _CARD,
    "AnalysisResult": {
        "type": "object",
        "required": ["labels", "scores", "verdict", "findings", "redacted", "redacted_clear", "still_to_change",
                     "model_version", "sensitivity", "wrapped", "drafts", "notice", "answer", "check_id"],
        "properties": {
            "labels": _LABELS, "scores": _SCORES, "verdict": {"enum": ["clear", "review", "high"]},
            "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
            "redacted": {"type": "string"}, "redacted_clear": {"type": "boolean"},
            "still_to_change": {"type": "array", "items": {"type": "string"}},
            "model_version": {"type": "string"}, "sensitivity": {"type": "string"}, "wrapped": {"type": "boolean"},
            "drafts": {"type": "array", "items": {"$ref": "#/components/schemas/Draft"}},
            "notice": {"type": "string"},
            "chosen_draft": {"type": ["integer", "null"],
                             "description": "Index in drafts of the version the user said they will post; "
                                            "labels and findings are then about it."},
            "answer": {"type": "object", "description": "The same answer Slack and Teams show.",
                       "required": ["verdict", "headline", "findings", "safer_version", "still_to_change"]},
            "check_id": {"type": ["string", "null"], "description": "Audit id; null for live checks."},
        },
    },
    "BatchRequest": {"type": "object", "required": ["posts"], "properties": {"posts": {
        "type": "array", "minItems": 1, "maxItems": MAX_BATCH,
        "items": {"type": "object", "required": ["text"],
                  "properties": {"id": {}, "text": {"type": "string"}}}}}},
    "BatchResponse": {"type": "object", "required": ["results"], "properties": {"results": {
        "type": "array", "items": {"oneOf": [
            {"type": "object", "required": ["id", "error"], "properties": {"id": {}, "error": {"type": "string"}}},
            {"allOf": [{"$ref": "#/components/schemas/AnalysisResult"},
                       {"type": "object", "required": ["id"]}]}]}}}},
    "ReviewRequest": {"type": "object", "required": ["review"], "properties": {
        "review": {"type": "string", "maxLength": MAX_CHARS, "description": "The patient review (not stored)."},
        "draft": {"type": "string", "maxLength": MAX_CHARS, "description": "Your draft reply (not stored)."}}},
    "ReviewHelp": {"type": "object", "required": ["topic", "safe_reply", "draft"], "properties": {
        "topic": {"enum": ["wait_time", "billing", "staff_courtesy", "outcome", "bedside_manner", "praise", "other"]},
        "safe_reply": {"type": "string"},
        "draft": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/AnalysisResult"},
                            {"$ref": "#/components/schemas/Error"}]}}},
    "Footprint": {"type": "object", "required": ["steps", "done"], "properties": {
        "steps": {"type": "array", "items": {"type": "object", "required": ["id", "title", "detail", "links"]}},
        "done": {"type": "array", "items": {"type": "string"}}}},
    "Policies": {"type": "object", "required": ["query", "message", "guidelines"], "properties": {
        "query": {"type": "string"}, "message": {"type": "string"},
        "guidelines": {"type": "array", "items": {"$ref": "#/components/schemas/Card"}}}},
}


def _json(schema: str) -> dict:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _errors(*codes: int) -> dict:
    reasons = {400: "Bad body", 401: "Missing or wrong API key", 413: "Over the size limit",
               415: "Content-Type is not application/json"}
    return {str(c): {"description": reasons[c], **_json("Error")} for c in codes}


def openapi_document() -> dict:
    """The document served at ``/api/openapi.json``."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "compliance-bot API", "version": "1.0.0",
                 "description": "Check clinicians' draft social-media posts for privacy, advice, conduct and "
                                "conflict-of-interest risks. With API_KEY set, send `Authorization: Bearer <key>`."},
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}, {}],
        "paths": {
            "/api/check": {"post": {
                "summary": "Check one draft", "requestBody": {"required": True, **_json("CheckRequest")},
                "responses": {"200": {"description": "The analysis", **_json("AnalysisResult")},
                              **_errors(400, 401, 413, 415)}}},
            "/api/check/batch": {"post": {
                "summary": f"Check up to {MAX_BATCH} drafts",
                "requestBody": {"required": True, **_json("BatchRequest")},
                "responses": {"200": {"description": "One result or error per post, in order",
                                      **_json("BatchResponse")}, **_errors(400, 401, 413, 415)}}},
            "/api/reply-review": {"post": {
                "summary": "A safe reply to a patient review, and the check of your draft reply",
                "requestBody": {"required": True, **_json("ReviewRequest")},
                "responses": {"200": {"description": "Safe reply and draft check", **_json("ReviewHelp")},
                              **_errors(400, 401, 413, 415)}}},
            "/api/footprint": {
                "get": {"summary": "The digital-footprint checklist and the steps this browser ticked",
                        "parameters": [{"name": "user", "in": "query", "required": True,
                                        "schema": {"type": "string", "minLength": 8, "maxLength": 64}}],
                        "responses": {"200": {"description": "Checklist", **_json("Footprint")}, **_errors(400, 401)}},
                "post": {"summary": "Save the ticked steps",
                         "requestBody": {"required": True, "content": {"application/json": {"schema": {
                             "type": "object", "required": ["user", "done"],
                             "properties": {"user": {"type": "string"},
                                            "done": {"type": "array", "items": {"type": "string"}}}}}}},
                         "responses": {"200": {"description": "Checklist", **_json("Footprint")},
                                       **_errors(400, 401, 415)}}},
            "/api/forget-me": {"post": {
                "summary": "Delete what is stored for this browser (checklist progress, feedback)",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["user"], "properties": {"user": {"type": "string"}}}}}},
                "responses": {"200": {"description": "Rows deleted", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["deleted"], "properties": {"deleted": {"type": "integer"}}}}}},
                    **_errors(400, 401, 415)}}},
            "/api/policies": {"get": {
                "summary": "Look up guidelines by topic or words",
                "parameters": [{"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "Matching guideline cards", **_json("Policies")},
                              **_errors(401)}}},
        },
    }

"use strict";
// The local web chat: live check as you type (not audited), submit (audited), policy search.
const $ = (id) => document.getElementById(id);
let timer = null;
let latest = 0;

function apiKeyHeader() {
  const key = sessionStorage.getItem("apiKey");
  return key ? { Authorization: "Bearer " + key } : {};
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), ...apiKeyHeader() } });
  if (response.status === 401) {
    const key = window.prompt("This server needs an API key:");
    if (key) { sessionStorage.setItem("apiKey", key); return api(path, options); }
  }
  const body = await response.json().catch(() => ({ error: "unreadable answer" }));
  if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function highlight(text, findings) {
  const spans = [];
  for (const f of findings) for (const e of f.evidence) spans.push({ start: e.start, end: e.end, label: f.label });
  spans.sort((a, b) => a.start - b.start);
  const box = $("highlighted");
  box.replaceChildren();
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    box.append(text.slice(pos, s.start));
    box.append(el("mark", { class: s.label, title: s.label }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  box.append(text.slice(pos));
  box.hidden = spans.length === 0;
}

function linksOf(card) {
  const wrap = el("div", { class: "links" });
  for (const link of card.links) wrap.append(el("a", { href: link.url, target: "_blank", rel: "noopener" }, link.label));
  for (const text of card.unconfirmed) wrap.append(el("span", {}, "Also: " + text + " "));
  return wrap;
}

function render(text, result) {
  const answer = result.answer;
  $("result").hidden = false;
  const verdict = $("verdict");
  verdict.className = "verdict " + result.verdict;
  verdict.textContent = answer.emoji + " " + answer.headline;
  $("versions").replaceChildren(...(answer.org_policy ? [el("p", {}, el("a", { href: answer.org_policy.url,
    target: "_blank", rel: "noopener" }, answer.org_policy.label))] : []), ...answer.versions.map((v) => el("p", {}, v)));
  $("findings").replaceChildren(...answer.findings.map((f) => el("li", { class: f.label },
    el("strong", {}, f.title + ": " + f.level),
    el("div", { class: "bar", role: "img", "aria-label": f.confidence + "% confidence" },
       el("span", { style: "width:" + f.confidence + "%" })),
    el("div", {}, f.confidence + "% confidence"),
    el("div", {}, f.evidence.length ? "Why: " + f.evidence.map((e) => "“" + e + "”").join(", ") : ""),
    el("p", {}, f.guideline.summary),
    linksOf(f.guideline))));
  $("safer").hidden = !answer.safer_version;
  $("safer-text").textContent = answer.safer_version || "";
  $("tips").hidden = !answer.tips.length;
  $("tips-list").replaceChildren(...answer.tips.map((t) => el("li", {}, t)));
  $("still").hidden = !answer.still_to_change.length;
  $("still-list").replaceChildren(...answer.still_to_change.map((s) => el("li", {}, s)));
  $("notice").textContent = answer.notice;
  highlight(text, result.findings);
}

async function check(live) {
  const text = $("draft").value;
  const ticket = ++latest;
  if (!text.trim()) { $("result").hidden = true; $("highlighted").hidden = true; $("status").textContent = ""; return; }
  $("status").textContent = live ? "Checking…" : "Checking and recording the result (not the text)…";
  try {
    const result = await api("/api/check", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, live, sensitivity: $("sensitivity").value }),
    });
    if (ticket !== latest) return;
    render(text, result);
    $("status").textContent = live ? "" : "Checked.";
  } catch (error) {
    if (ticket === latest) $("status").textContent = error.message;
  }
}

$("draft").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => check(true), 400); });
$("sensitivity").addEventListener("change", () => check(true));
$("check-form").addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); check(false); });
$("copy").addEventListener("click", async () => {
  try { await navigator.clipboard.writeText($("safer-text").textContent); $("status").textContent = "Copied."; }
  catch { $("status").textContent = "Select the text and copy it."; }
});
$("policy-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const body = await api("/api/policies?q=" + encodeURIComponent($("policy-q").value));
    const cards = body.guidelines.map((c) => el("div", { class: "card" }, el("h3", {}, c.title),
      el("p", {}, c.summary), el("ul", {}, ...c.dos.map((d) => el("li", {}, c.topic === "disclaimer" ? d : "Do: " + d,
        ...(c.topic === "disclaimer" ? [copyButton(d.slice(d.indexOf(": ") + 2))] : []))),
      ...c.donts.map((d) => el("li", {}, "Don't: " + d))), linksOf(c)));
    $("policies").replaceChildren(...(cards.length ? cards : [el("p", {}, body.message)]));
  } catch (error) { $("policies").replaceChildren(el("p", {}, error.message)); }
});

function copyButton(text) {
  const button = el("button", { type: "button", class: "copy" }, "Copy");
  button.addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(text); button.textContent = "Copied"; }
    catch { button.textContent = "Select and copy"; }
  });
  return button;
}

$("review-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const box = $("review-result");
  try {
    const draft = $("review-draft").value;
    const body = await api("/api/reply-review", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ review: $("review-text").value, ...(draft.trim() ? { draft } : {}) }),
    });
    const parts = [el("h3", {}, "A safe reply (" + body.topic.replace("_", " ") + ")"),
      el("pre", { id: "safe-reply" }, body.safe_reply), copyButton(body.safe_reply)];
    if (body.draft && body.draft.answer) {
      const a = body.draft.answer;
      parts.push(el("h3", {}, "Your draft reply: " + a.headline));
      parts.push(el("ul", { class: "findings" }, ...a.findings.map((f) => el("li", { class: f.label },
        el("strong", {}, f.title + ": " + f.level), el("p", {}, f.guideline.summary), linksOf(f.guideline)))));
    } else if (body.draft && body.draft.error) {
      parts.push(el("p", {}, body.draft.error));
    }
    box.replaceChildren(...parts);
  } catch (error) { box.replaceChildren(el("p", {}, error.message)); }
});

function browserId() {
  let id = localStorage.getItem("footprintId");
  if (!id) { id = crypto.randomUUID(); localStorage.setItem("footprintId", id); }
  return id;
}

function renderFootprint(body) {
  $("footprint-status").textContent = body.done.length + " of " + body.steps.length + " steps done.";
  $("footprint").replaceChildren(...body.steps.map((step) => {
    const box = el("input", { type: "checkbox", id: "fp-" + step.id, value: step.id });
    box.checked = body.done.includes(step.id);
    box.addEventListener("change", saveFootprint);
    return el("li", {}, box, " ", el("label", { for: "fp-" + step.id }, step.title), el("div", {}, step.detail),
      linksOf({ links: step.links, unconfirmed: step.unconfirmed }));
  }));
}

async function saveFootprint() {
  const done = [...document.querySelectorAll("#footprint input:checked")].map((b) => b.value);
  try {
    renderFootprint(await api("/api/footprint", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: browserId(), done }) }));
  } catch (error) { $("footprint-status").textContent = error.message; }
}

api("/api/footprint?user=" + encodeURIComponent(browserId())).then(renderFootprint)
  .catch((error) => { $("footprint-status").textContent = error.message; });

$("forget").addEventListener("click", async () => {
  try {
    await api("/api/forget-me", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: browserId() }) });
    localStorage.removeItem("footprintId");
    renderFootprint(await api("/api/footprint?user=" + encodeURIComponent(browserId())));
    $("footprint-status").textContent = "Deleted. " + $("footprint-status").textContent;
  } catch (error) { $("footprint-status").textContent = error.message; }
});

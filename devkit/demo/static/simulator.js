// The mail client around the add-on: thread list, message view, compose window, and the
// Gmail actions an add-on can ask for (open a created draft, write into the open draft).
// Mail is shown as text only (textContent), never as markup.

import { el } from "./cards.js";
import { Sidebar, scopeLabel } from "./addon.js";

const $ = (id) => document.getElementById(id);
const state = {
  user: "", scopes: [], granted: new Set(), thread: null, message: null, compose: null,
  readAs: {}, // thread id -> the address an uploaded thread is read as (who "you" are there)
  // Gmail's language, sent as every event's userLocale; `?locale=de-DE` picks it on load.
  locale: new URLSearchParams(window.location.search).get("locale") || "en-US",
};

const sidebar = new Sidebar(
  { cards: $("cards"), back: $("card-back"), title: $("sidebar-title"), toast: $("toast"),
    spinner: $("spinner"), consent: $("consent"), raw: $("raw-json") },
  {
    grantedScopes: () => state.scopes.filter((s) => state.granted.has(s)),
    actingUser: () => (state.thread && state.readAs[state.thread.id]) || null,
    locale: () => state.locale,
    grant: (scopes, all) => {
      for (const s of all ? state.scopes : scopes) state.granted.add(s);
      renderScopes();
    },
    onGmailAction: (action, panel) => gmailAction(action, panel),
  }
);

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.error || `HTTP ${response.status}`);
  return body;
}

// --- addresses -------------------------------------------------------------------------
function emailOf(text) {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  if (angle) return angle[1].toLowerCase();
  const bare = /[^\s<>,;"]+@[^\s<>,;"]+/.exec(text);
  return bare ? bare[0].toLowerCase() : "";
}
function nameOf(text) {
  const name = text.replace(/<[^<>]*>/, "").replace(/["']/g, "").trim();
  return name || emailOf(text) || text;
}
function splitList(text) {
  return text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
}
function emails(text) {
  return splitList(text).map(emailOf).filter(Boolean);
}

// --- scopes ----------------------------------------------------------------------------
function renderScopes() {
  $("scope-list").replaceChildren(...state.scopes.map((scope) => {
    const box = el("input", { type: "checkbox", checked: state.granted.has(scope) });
    box.addEventListener("change", () => {
      if (box.checked) state.granted.add(scope);
      else state.granted.delete(scope);
    });
    return el("label", { class: "check", title: scope }, box, scopeLabel(scope));
  }));
}

// --- thread list -----------------------------------------------------------------------
async function loadThreads(selectId = null) {
  const { threads } = await getJson("/demo/threads");
  $("thread-list").replaceChildren(...threads.map((t) => el("li", {},
    el("button", { class: `thread ${state.thread && state.thread.id === t.id ? "selected" : ""}`, "data-thread-id": t.id,
      onclick: () => openThread(t.id) },
      el("div", { class: "thread-top" },
        el("span", { class: "thread-from", text: t.from }),
        t.count > 1 ? el("span", { class: "thread-count", text: String(t.count) }) : null,
        t.hasDraft ? el("span", { class: "thread-draft", text: "Draft" }) : null),
      el("div", { class: "thread-subject", text: t.subject }),
      t.note ? el("div", { class: "thread-note", text: t.note }) : null,
      el("div", { class: "thread-snippet", text: t.snippet })))));
  if (selectId) await openThread(selectId);
}

// --- reading ---------------------------------------------------------------------------
async function openThread(threadId, { trigger = true } = {}) {
  const thread = await getJson(`/demo/threads/${encodeURIComponent(threadId)}`);
  state.thread = thread;
  const received = thread.messages.filter((m) => !m.draftId);
  state.message = received[received.length - 1] || thread.messages[thread.messages.length - 1];
  for (const node of document.querySelectorAll(".thread")) {
    node.classList.toggle("selected", node.dataset.threadId === threadId);
  }
  renderThread(thread);
  if (trigger && state.message) {
    const { id: messageId, threadId: tid } = state.message;
    closeCompose();
    await sidebar.trigger("message", "/addon/message", () => ({ messageId, threadId: tid }));
  }
}

function renderThread(thread) {
  $("reader-empty").hidden = true;
  $("thread-view").hidden = false;
  $("thread-subject").textContent = (thread.messages[0] && thread.messages[0].subject) || "(no subject)";
  $("messages").replaceChildren(...thread.messages.map(renderMessage));
}

function renderMessage(m) {
  const who = m.from || "(unknown sender)";
  const when = m.date ? new Date(m.date).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "";
  const lines = [`to ${m.to.join(", ") || "—"}`];
  if (m.cc.length) lines.push(`cc ${m.cc.join(", ")}`);
  const body = el("div", { class: "message-text" }, m.text.split("\n").map((line) =>
    el("div", { class: /^\s*>/.test(line) ? "quoted" : "line", text: line || "\u00a0" })));
  return el("div", { class: `message ${m.draftId ? "draft" : ""}`, "data-message-id": m.id },
    el("div", { class: "message-head" },
      el("span", { class: "avatar", text: (nameOf(who)[0] || "?").toUpperCase() }),
      el("div", { class: "message-who" },
        el("div", {}, m.draftId ? el("span", { class: "draft-label", text: "Draft" }) : null,
          el("span", { class: "message-from", text: nameOf(who) }),
          emailOf(who) && nameOf(who) !== emailOf(who) ? el("span", { class: "message-email", text: ` <${emailOf(who)}>` }) : null),
        el("div", { class: "message-to", text: lines.join(" · ") })),
      el("span", { class: "message-date", text: when })),
    body,
    attachmentsOf(m.attachments),
    m.draftId ? el("button", { class: "btn outlined small", text: "Edit draft", onclick: () => openDraft(m.draftId) }) : null);
}

function attachmentsOf(list) {
  if (!list || !list.length) return null;
  return el("div", { class: "attachments" }, list.map((a) =>
    el("span", { class: "attachment", title: a.mimeType }, el("span", { class: "attachment-kind", text: (a.filename.split(".").pop() || "file").toUpperCase() }),
      `${a.filename} · ${Math.max(1, Math.round(a.size / 1024))} KB`)));
}

// --- compose ---------------------------------------------------------------------------
function showCompose(fields) {
  state.compose = { draftId: fields.draftId || "", threadId: fields.threadId || "", attachments: fields.attachments || [] };
  $("compose-title").textContent = fields.draftId ? "Draft" : "Reply";
  $("compose-saved").textContent = fields.draftId ? `saved as ${fields.draftId}` : "";
  $("compose-to").value = fields.to.join(", ");
  $("compose-cc").value = fields.cc.join(", ");
  $("compose-bcc").value = (fields.bcc || []).join(", ");
  $("compose-subject").value = fields.subject || "";
  $("compose-body").value = fields.body || "";
  $("compose-attachments").replaceChildren(...(attachmentsOf(state.compose.attachments) ? [attachmentsOf(state.compose.attachments)] : []));
  $("compose").hidden = false;
  $("compose").scrollIntoView({ block: "nearest" }); // a new draft is in view, not below it
  const body = $("compose-body");
  body.focus({ preventScroll: true });
  body.setSelectionRange(0, 0);
  body.scrollTop = 0;
}

function replyAll() {
  const m = state.message;
  if (!m) return;
  const me = state.user.toLowerCase();
  const mine = emailOf(m.from) === me;
  const to = (mine ? m.to : [m.from, ...m.to]).filter((a) => emailOf(a) !== me);
  const cc = m.cc.filter((a) => emailOf(a) !== me);
  const subject = /^\s*re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`;
  showCompose({ to, cc, subject, body: "", threadId: m.threadId });
}

async function openDraft(draftId) {
  const draft = await getJson(`/demo/drafts/${encodeURIComponent(draftId)}`);
  showCompose({ ...draft, draftId: draft.id });
}

function closeCompose() {
  if (!state.compose) return;
  state.compose = null;
  $("compose").hidden = true;
  sidebar.show("message");
}

async function autosave() {
  const c = state.compose;
  const saved = await getJson("/demo/drafts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ draftId: c.draftId, threadId: c.threadId, to: $("compose-to").value,
      cc: $("compose-cc").value, bcc: $("compose-bcc").value, subject: $("compose-subject").value,
      body: $("compose-body").value }),
  });
  c.draftId = saved.id;
  $("compose-saved").textContent = `saved as ${saved.id}`;
}

function composeContext() {
  const gmail = {
    toRecipients: emails($("compose-to").value),
    ccRecipients: emails($("compose-cc").value),
    bccRecipients: emails($("compose-bcc").value),
  };
  if ($("compose-ids").checked && state.compose && state.compose.threadId) {
    gmail.threadId = state.compose.threadId;
    if (state.message && state.message.threadId === state.compose.threadId) gmail.messageId = state.message.id;
  }
  return gmail;
}

async function openAddonInCompose() {
  if (!state.compose) return;
  await autosave().catch(() => {});
  await sidebar.trigger("compose", "/addon/compose", composeContext);
}

// --- Gmail actions an add-on can request -----------------------------------------------
async function gmailAction(action, panel) {
  if (action.openCreatedDraftActionMarkup) {
    const { draftId, draftThreadId } = action.openCreatedDraftActionMarkup;
    if (draftThreadId && state.thread && state.thread.id === draftThreadId) {
      await openThread(draftThreadId, { trigger: false });
    }
    await loadThreads();
    await openDraft(draftId);
    return;
  }
  if (action.updateDraftActionMarkup) {
    if (!state.compose) {
      panel.toast("No draft is open to update.");
      return;
    }
    updateDraft(action.updateDraftActionMarkup);
    return;
  }
  if (action.addonComposeUiActionMarkup) {
    sidebar.show("message");
  }
}

function textOf(content) {
  if (content.contentType === "TEXT" || (!content.contentType && content.mimeType !== "text/html")) {
    return content.content || "";
  }
  const html = String(content.content || "").replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>/gi, "\n\n");
  return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
}

function updateDraft(markup) {
  const body = $("compose-body");
  if (markup.updateBody) {
    const text = (markup.updateBody.insertContents || []).map(textOf).join("");
    const type = markup.updateBody.type || "IN_PLACE_INSERT";
    if (type === "INSERT_AT_START") body.value = text + body.value;
    else if (type === "INSERT_AT_END") body.value = body.value + text;
    else if (type === "REPLACE") body.value = text;
    else body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
  }
  if (markup.updateBody) flash("compose-body");
  if (markup.updateSubject) set("compose-subject", markup.updateSubject.subject || "");
  const list = (value) => (value || []).map((r) => r.email).filter(Boolean).join(", ");
  if (markup.updateToRecipients) set("compose-to", list(markup.updateToRecipients.toRecipients));
  const cc = markup.updateCcRecipients || markup.CcRecipients;
  if (cc) set("compose-cc", list(cc.ccRecipients || cc.CcRecipients));
  if (markup.updateBccRecipients) set("compose-bcc", list(markup.updateBccRecipients.bccRecipients));
}

function set(id, value) {
  $(id).value = value;
  flash(id);
}

function flash(id) {
  const node = $(id);
  node.classList.remove("flash");
  void node.offsetWidth; // restart the highlight animation
  node.classList.add("flash");
}

// --- upload ----------------------------------------------------------------------------
async function upload(file) {
  const box = $("upload-error");
  box.hidden = true;
  try {
    const saved = await getJson("/demo/upload", {
      method: "POST", headers: { "Content-Type": "message/rfc822" }, body: await file.arrayBuffer(),
    });
    offerReadAs(saved.threadId, saved.people || []);
    await loadThreads(saved.threadId);
  } catch (error) {
    box.textContent = `${file.name}: ${error.message}`;
    box.hidden = false;
  }
}

// An uploaded message was not sent to the demo user: say who you are in it (by default its
// first To address, usually the person introduced), and the add-on reads it as that person.
function offerReadAs(threadId, people) {
  const select = $("read-as");
  const box = $("read-as-box");
  if (!people.length) { box.hidden = true; return; }
  const sender = people[0];
  const chosen = people.find((p) => p !== sender) || sender;
  select.replaceChildren(...people.map((p) => el("option", { value: p, text: p })));
  select.value = chosen;
  select.dataset.threadId = threadId;
  state.readAs[threadId] = chosen;
  box.hidden = false;
}

// --- language --------------------------------------------------------------------------
function setUpLocale() {
  const select = $("locale");
  if (![...select.options].some((o) => o.value === state.locale)) {
    select.append(el("option", { value: state.locale, text: state.locale }));
  }
  select.value = state.locale;
  select.addEventListener("change", () => {
    state.locale = select.value;
    const url = new URL(window.location.href);
    url.searchParams.set("locale", state.locale);
    window.history.replaceState(null, "", url);
    // What Gmail does after a language change: the add-on is opened again.
    if (state.thread) openThread(state.thread.id);
    else sidebar.trigger("message", "/addon/homepage", () => null);
  });
}

function readAsChanged() {
  const select = $("read-as");
  const threadId = select.dataset.threadId;
  state.readAs[threadId] = select.value;
  if (state.thread && state.thread.id === threadId) openThread(threadId);
}

// --- start -----------------------------------------------------------------------------
async function start() {
  const info = await getJson("/demo/info");
  state.user = info.user;
  state.scopes = info.scopes;
  state.granted = new Set(info.scopes);
  $("user-chip").textContent = info.user;
  renderScopes();
  setUpLocale();
  $("reply-all").addEventListener("click", replyAll);
  $("compose-close").addEventListener("click", closeCompose);
  $("compose-addon").addEventListener("click", openAddonInCompose);
  $("home").addEventListener("click", () => {
    closeCompose();
    sidebar.trigger("message", "/addon/homepage", () => null);
  });
  $("read-as").addEventListener("change", readAsChanged);
  $("upload").addEventListener("change", (event) => {
    const [file] = event.target.files;
    if (file) upload(file);
    event.target.value = "";
  });
  await loadThreads();
  await sidebar.trigger("message", "/addon/homepage", () => null);
  document.body.dataset.ready = "true";
}

start();

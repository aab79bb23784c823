// A generic renderer of Google Workspace add-on cards (Card v1 JSON), as Gmail's sidebar
// shows them. It knows Google's card schema and nothing about any particular add-on:
// no card names, no texts, no endpoint paths. Simple-HTML fields are sanitised to
// b/i/u/br/font/a; every other string is inserted as text.

const ALLOWED_TAGS = new Set(["B", "I", "U", "BR", "FONT", "A"]);
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

// Google's `knownIcon` enum, drawn as small inline SVG paths (24x24 viewBox).
const ICON_PATHS = {
  PERSON: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5z",
  MULTIPLE_PEOPLE:
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 13c-2.7 0-7 1.3-7 4v2h14v-2c0-2.7-4.3-4-7-4zm7 0c-.4 0-.8 0-1.3.1 1.4.9 2.3 2.1 2.3 3.9v2h5v-2c0-2.7-3.4-4-6-4z",
  STAR: "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.5L12 17.3l-5.9 3.2 1.3-6.5L2.5 9.4l6.6-.8z",
  BOOKMARK: "M6 3h12a1 1 0 0 1 1 1v17l-7-4-7 4V4a1 1 0 0 1 1-1z",
  DESCRIPTION:
    "M6 2h8l6 6v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm7 1.5V9h5.5zM8 12v1.5h8V12zm0 3.5V17h8v-1.5z",
  EMAIL: "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm9 7.5L4 7.3V8l8 5.2L20 8v-.7z",
  CLOCK:
    "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm.8 5v5.2l4.2 2.5-.8 1.3-5-3V7z",
  INVITE: "M4 4h16v12H7l-3 3zm3 4v1.5h10V8zm0 3v1.5h7V11z",
  PHONE:
    "M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.6 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.6 3.6a1 1 0 0 1-.25 1z",
  VIDEO_CAMERA: "M3 6h12a1 1 0 0 1 1 1v3.5l5-3.5v10l-5-3.5V17a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z",
};
const FALLBACK_ICON = "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Google's "simple HTML" into safe DOM: allowed tags are rebuilt, others unwrapped.
export function simpleHtml(markup) {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<body>${markup ?? ""}</body>`, "text/html");
  for (const child of parsed.body.childNodes) fragment.append(cleanNode(child));
  return fragment;
}

function cleanNode(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode("");
  const children = Array.from(node.childNodes, cleanNode);
  if (!ALLOWED_TAGS.has(node.tagName)) {
    const fragment = document.createDocumentFragment();
    fragment.append(...children);
    return fragment;
  }
  const copy = document.createElement(node.tagName === "FONT" ? "span" : node.tagName);
  if (node.tagName === "FONT") {
    const color = node.getAttribute("color") || "";
    if (SAFE_COLOR.test(color)) copy.style.color = color;
  }
  if (node.tagName === "A") {
    const href = node.getAttribute("href") || "";
    if (/^https?:\/\//i.test(href)) {
      copy.setAttribute("href", href);
      copy.setAttribute("target", "_blank");
      copy.setAttribute("rel", "noopener noreferrer");
    }
  }
  copy.append(...children);
  return copy;
}

function icon(spec, cls = "icon") {
  if (!spec) return null;
  if (spec.iconUrl && /^https:\/\//i.test(spec.iconUrl)) {
    return el("img", { class: cls, src: spec.iconUrl, alt: spec.altText || "" });
  }
  const name = spec.knownIcon || (spec.materialIcon && spec.materialIcon.name) || "";
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", cls);
  svg.setAttribute("aria-hidden", "true");
  svg.dataset.icon = name;
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICON_PATHS[name] || FALLBACK_ICON);
  svg.append(path);
  return svg;
}

function rgb(color) {
  const part = (v) => Math.round(Math.max(0, Math.min(1, Number(v) || 0)) * 255);
  return `rgb(${part(color.red)}, ${part(color.green)}, ${part(color.blue)})`;
}

// Renders one card into `host`; `onClick(onClick, origin)` is called for any click
// that needs the add-on host (actions, links, inline cards).
export class CardView {
  constructor(host, { onClick }) {
    this.host = host;
    this.onClick = onClick;
    this.inputs = new Map(); // name -> {kind, read(), write(state), dirty}
  }

  render(card, keep = null) {
    // What the panel showed before, to bring what is new into view (an updated card's
    // findings, say), rather than leave it below the fold.
    const before = this.host.querySelector(".card");
    const sameCard = Boolean(before && card.name && before.dataset.cardName === card.name);
    const seen = new Set(sameCard ? Array.from(before.querySelectorAll(".card-section"), (n) => n.textContent) : []);
    const scrolled = sameCard ? before.querySelector(".card-body").scrollTop : 0;
    this.inputs = new Map();
    const header = card.header ? this.header(card) : null;
    const body = el("div", { class: "card-body" });
    const sections = card.sections || [];
    sections.forEach((section, index) => {
      if (index > 0 && card.sectionDividerStyle !== "NO_DIVIDER") {
        body.append(el("hr", { class: "section-divider" }));
      }
      body.append(this.section(section));
    });
    const footer = card.fixedFooter ? this.footer(card.fixedFooter) : null;
    this.host.replaceChildren(
      el("div", { class: "card", "data-card-name": card.name || null }, header, body, footer)
    );
    if (keep) this.restore(keep);
    body.scrollTop = scrolled;
    if (sameCard) {
      const fresh = Array.from(body.querySelectorAll(".card-section")).find((n) => !seen.has(n.textContent));
      if (fresh && fresh.scrollIntoView) fresh.scrollIntoView({ block: "nearest" });
    }
  }

  header(card) {
    const h = card.header;
    const image = h.imageUrl && /^https:\/\//i.test(h.imageUrl)
      ? el("img", { class: `card-image ${h.imageType === "CIRCLE" ? "circle" : ""}`, src: h.imageUrl, alt: h.imageAltText || "" })
      : null;
    const menu = (card.cardActions || []).length ? this.cardMenu(card.cardActions) : null;
    return el(
      "div",
      { class: "card-header" },
      image,
      el("div", { class: "card-titles" },
        el("div", { class: "card-title", role: "heading", "aria-level": "2", text: h.title || "" }),
        h.subtitle ? el("div", { class: "card-subtitle", text: h.subtitle }) : null),
      menu
    );
  }

  cardMenu(actions) {
    const list = el("div", { class: "menu", hidden: true });
    for (const item of actions) {
      list.append(el("button", { class: "menu-item", text: item.actionLabel || "", onclick: () => {
        list.hidden = true;
        this.onClick(item.onClick, null);
      } }));
    }
    const toggle = el("button", { class: "icon-button", "aria-label": "More", text: "⋮", onclick: () => { list.hidden = !list.hidden; } });
    return el("div", { class: "card-menu" }, toggle, list);
  }

  section(section) {
    const node = el("section", { class: "card-section" });
    if (section.header) node.append(el("div", { class: "section-header" }, simpleHtml(section.header)));
    const widgets = (section.widgets || []).map((w) => this.widget(w));
    const keep = section.collapsible ? Math.max(0, section.uncollapsibleWidgetsCount || 0) : widgets.length;
    widgets.forEach((w, i) => {
      if (i >= keep) w.classList.add("collapsed");
      node.append(w);
    });
    if (section.collapsible && widgets.length > keep) {
      const control = section.collapseControl || {};
      const more = (control.expandButton && control.expandButton.text) || "Show more";
      const less = (control.collapseButton && control.collapseButton.text) || "Show less";
      const toggle = el("button", { class: "expand", "aria-expanded": "false", text: more });
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? less : more;
        widgets.slice(keep).forEach((w) => w.classList.toggle("collapsed", !open));
      });
      node.append(toggle);
    }
    return node;
  }

  widget(widget) {
    const [kind] = Object.keys(widget);
    const spec = widget[kind] || {};
    const build = {
      textParagraph: () => this.paragraph(spec),
      decoratedText: () => this.decorated(spec),
      buttonList: () => this.buttonList(spec),
      textInput: () => this.textInput(spec),
      selectionInput: () => this.selection(spec),
      divider: () => el("hr", { class: "widget-divider" }),
      image: () => this.image(spec),
      dateTimePicker: () => this.dateTime(spec),
      chipList: () => this.chips(spec),
    }[kind];
    const node = build ? build() : el("div", { class: "widget unsupported", text: `Gmail add-ons cannot show “${kind}” here.` });
    node.classList.add("widget");
    node.dataset.widget = kind;
    return node;
  }

  paragraph(spec) {
    const text = el("div", { class: "paragraph" }, simpleHtml(spec.text));
    if (!spec.maxLines) return text;
    text.style.webkitLineClamp = String(spec.maxLines);
    text.classList.add("clamped");
    const more = el("button", { class: "expand", text: "Show more", onclick: () => {
      text.classList.toggle("clamped");
      more.textContent = text.classList.contains("clamped") ? "Show more" : "Show less";
    } });
    return el("div", {}, text, more);
  }

  decorated(spec) {
    const start = icon(spec.startIcon || spec.icon, "icon start-icon");
    const middle = el("div", { class: "decorated-main" },
      spec.topLabel ? el("div", { class: "top-label" }, simpleHtml(spec.topLabel)) : null,
      el("div", { class: `decorated-text ${spec.wrapText === false ? "nowrap" : ""}` }, simpleHtml(spec.text)),
      spec.bottomLabel ? el("div", { class: "bottom-label" }, simpleHtml(spec.bottomLabel)) : null);
    let end = null;
    if (spec.button) end = this.button(spec.button);
    else if (spec.switchControl) end = this.switchControl(spec.switchControl);
    else if (spec.endIcon) end = icon(spec.endIcon, "icon end-icon");
    const node = el("div", { class: "decorated" }, start, middle, end);
    if (spec.onClick) {
      node.classList.add("clickable");
      node.addEventListener("click", (event) => {
        if (event.target.closest("button, input, a")) return;
        this.onClick(spec.onClick, null);
      });
    }
    return node;
  }

  buttonList(spec) {
    return el("div", { class: "button-list" }, (spec.buttons || []).map((b) => this.button(b)));
  }

  button(spec, extra = "") {
    const filled = Boolean(spec.color);
    const node = el("button", {
      class: `btn ${filled ? "filled" : "text"} ${extra}`.trim(),
      disabled: Boolean(spec.disabled),
      "aria-label": spec.altText || null,
    }, icon(spec.icon, "icon btn-icon"), spec.text || "");
    if (filled) node.style.background = rgb(spec.color);
    node.addEventListener("click", () => this.onClick(spec.onClick, null));
    return node;
  }

  textInput(spec) {
    const multi = spec.type === "MULTIPLE_LINE";
    const id = `in-${spec.name}-${Math.random().toString(36).slice(2, 8)}`;
    const control = multi
      ? el("textarea", { id, name: spec.name, rows: "8", placeholder: spec.hintText || null })
      : el("input", { id, name: spec.name, type: "text", placeholder: spec.hintText || null });
    control.value = spec.value || "";
    const entry = this.register(spec.name, "text", () => [control.value], (v) => { control.value = v[0] ?? ""; });
    control.addEventListener("input", () => { entry.dirty = true; });
    if (spec.onChangeAction) {
      control.addEventListener("change", () => this.onClick({ action: spec.onChangeAction }, spec.name));
    }
    const hint = spec.hintText && spec.label ? el("div", { class: "hint", text: spec.hintText }) : null;
    return el("div", { class: "text-input" },
      el("label", { for: id, text: spec.label || spec.hintText || spec.name }), control, hint);
  }

  selection(spec) {
    const items = spec.items || [];
    const box = el("fieldset", { class: `selection ${String(spec.type || "CHECK_BOX").toLowerCase()}` });
    const legend = el("legend", { text: spec.label || "" });
    let read;
    let write;
    if (spec.type === "DROPDOWN") {
      const id = `sel-${spec.name}-${Math.random().toString(36).slice(2, 8)}`;
      const select = el("select", { id, name: spec.name },
        items.map((item) => el("option", { value: item.value, selected: Boolean(item.selected), text: item.text })));
      box.append(el("label", { for: id, text: spec.label || "" }), select);
      read = () => [select.value];
      write = (v) => { select.value = v[0] ?? select.value; };
      select.addEventListener("change", () => this.changed(spec));
    } else {
      const type = spec.type === "RADIO_BUTTON" ? "radio" : "checkbox";
      const group = `grp-${spec.name}-${Math.random().toString(36).slice(2, 8)}`;
      const controls = items.map((item) => {
        const input = el("input", { type, name: group, value: item.value, checked: Boolean(item.selected) });
        input.addEventListener("change", () => this.changed(spec));
        const cls = spec.type === "SWITCH" ? "option switch" : "option";
        box.append(el("label", { class: cls }, input, el("span", { class: "slider" }), el("span", { text: item.text })));
        return input;
      });
      box.prepend(legend);
      read = () => controls.filter((c) => c.checked).map((c) => c.value);
      write = (v) => controls.forEach((c) => { c.checked = v.includes(c.value); });
    }
    this.register(spec.name, "selection", read, write);
    return box;
  }

  changed(spec) {
    const entry = this.inputs.get(spec.name);
    if (entry) entry.dirty = true;
    if (spec.onChangeAction) this.onClick({ action: spec.onChangeAction }, spec.name);
  }

  switchControl(spec) {
    const input = el("input", { type: "checkbox", checked: Boolean(spec.selected), "aria-label": spec.name });
    if (spec.name) {
      this.register(spec.name, "selection", () => (input.checked ? [spec.value || "true"] : []),
        (v) => { input.checked = v.length > 0; });
    }
    input.addEventListener("change", () => {
      if (spec.onChangeAction) this.onClick({ action: spec.onChangeAction }, spec.name);
    });
    const cls = spec.controlType === "CHECK_BOX" ? "option" : "option switch";
    return el("label", { class: cls }, input, el("span", { class: "slider" }));
  }

  image(spec) {
    if (!/^https:\/\//i.test(spec.imageUrl || "")) return el("div", { class: "hint", text: spec.altText || "" });
    const img = el("img", { class: "image", src: spec.imageUrl, alt: spec.altText || "" });
    if (spec.onClick) img.addEventListener("click", () => this.onClick(spec.onClick, null));
    return img;
  }

  dateTime(spec) {
    const type = { DATE_ONLY: "date", TIME_ONLY: "time" }[spec.type] || "datetime-local";
    const input = el("input", { type, name: spec.name });
    if (spec.valueMsEpoch && type !== "time") {
      const d = new Date(Number(spec.valueMsEpoch));
      input.value = type === "date" ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 16);
    }
    this.register(spec.name, "date", () => input.value, () => {});
    if (spec.onChangeAction) input.addEventListener("change", () => this.onClick({ action: spec.onChangeAction }, spec.name));
    return el("label", { class: "text-input" }, el("span", { text: spec.label || "" }), input);
  }

  chips(spec) {
    return el("div", { class: "chips" }, (spec.chips || []).map((chip) =>
      el("button", { class: "chip", disabled: Boolean(chip.disabled), onclick: () => this.onClick(chip.onClick, null) },
        icon(chip.icon, "icon btn-icon"), chip.label || "")));
  }

  footer(footer) {
    return el("div", { class: "card-footer" },
      footer.secondaryButton ? this.button(footer.secondaryButton, "secondary") : null,
      footer.primaryButton ? this.button({ color: { red: 0.1, green: 0.45, blue: 0.91 }, ...footer.primaryButton }, "primary") : null);
  }

  register(name, kind, read, write) {
    const entry = { kind, read, write, dirty: false };
    if (name) this.inputs.set(name, entry);
    return entry;
  }

  // Google's `formInputs`: every named input on the displayed card.
  formInputs() {
    const out = {};
    for (const [name, entry] of this.inputs) {
      if (entry.kind === "date") {
        const value = entry.read();
        if (value) out[name] = { dateTimeInput: { msSinceEpoch: Date.parse(value), hasDate: true, hasTime: true } };
        continue;
      }
      out[name] = { stringInputs: { value: entry.read() } };
    }
    return out;
  }

  // What the user filled in, to carry over an `updateCard` (Gmail keeps equivalent fields).
  filled() {
    const out = new Map();
    for (const [name, entry] of this.inputs) {
      if (entry.dirty) out.set(name, { kind: entry.kind, value: entry.read() });
    }
    return out;
  }

  restore(kept) {
    for (const [name, saved] of kept) {
      const entry = this.inputs.get(name);
      if (entry && entry.kind === saved.kind) {
        entry.write(saved.value);
        entry.dirty = true;
      }
    }
  }

  empty(name) {
    const entry = this.inputs.get(name);
    return !entry || entry.read().every((v) => !String(v).trim());
  }
}

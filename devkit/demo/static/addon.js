// The add-on side of Gmail, simulated: card stacks, invoking the add-on's endpoints (through
// /demo/invoke, which signs like Google), and applying what they answer: navigations,
// notifications, links, consent requests and Gmail actions (handed to the mail client).
// Like cards.js it knows Google's protocol only, never this add-on's cards.

import { CardView, el } from "./cards.js";

const SCOPE_NAMES = {
  "gmail.addons.execute": "Run as a Gmail add-on",
  "gmail.addons.current.message.readonly": "Read the message you open",
  "gmail.addons.current.message.metadata": "See the recipients of the message you open or write",
  "gmail.addons.current.action.compose": "Write drafts when you ask it to",
  "userinfo.email": "See your email address",
  "script.locale": "See your language and time zone",
  "gmail.readonly": "Read all your email (restricted)",
};

export function scopeLabel(scope) {
  const short = scope.replace("https://www.googleapis.com/auth/", "");
  return SCOPE_NAMES[short] || short;
}

class Surface {
  constructor(name) {
    this.name = name;
    this.stack = [];
    this.context = () => null; // the `gmail` object of events from this surface
    this.filled = null;
  }
}

export class Sidebar {
  // parts: {cards, back, title, toast, spinner, consent, raw}
  // gmail: {grantedScopes(), grant(scopes, all), onGmailAction(gmailAction), locale()}
  constructor(parts, gmail) {
    this.parts = parts;
    this.gmail = gmail;
    this.view = new CardView(parts.cards, { onClick: (onClick) => this.click(onClick) });
    this.surfaces = { message: new Surface("message"), compose: new Surface("compose") };
    this.active = this.surfaces.message;
    this.lastCall = null;
    this.busy = false;
    parts.back.addEventListener("click", () => this.navigate([{ pop: true }]));
    parts.toast.addEventListener("click", () => { parts.toast.hidden = true; });
  }

  // A Gmail trigger: a fresh card stack on that surface.
  async trigger(surfaceName, path, context) {
    const surface = this.surfaces[surfaceName];
    surface.stack = [];
    surface.context = context;
    this.show(surfaceName);
    const event = { commonEventObject: {} };
    const gmail = context();
    if (gmail) event.gmail = gmail;
    return this.call(path, event);
  }

  show(surfaceName) {
    if (this.active !== this.surfaces[surfaceName]) {
      this.active.filled = this.view.filled();
      this.active = this.surfaces[surfaceName];
    }
    this.parts.title.textContent = surfaceName === "compose" ? "Intro Coach · compose" : "Intro Coach";
    this.renderTop(this.active.filled);
    this.active.filled = null;
  }

  renderTop(keep = null) {
    const top = this.active.stack[this.active.stack.length - 1];
    this.parts.back.hidden = this.active.stack.length < 2;
    if (top) this.view.render(top, keep);
    else this.parts.cards.replaceChildren(el("div", { class: "sidebar-empty", text: "Open a message to see Intro Coach here." }));
  }

  async click(onClick) {
    if (!onClick || this.busy) return;
    if (onClick.action) return this.runAction(onClick.action);
    if (onClick.openLink) return this.openLink(onClick.openLink);
    if (onClick.card) return this.navigate([{ pushCard: onClick.card }]);
    if (onClick.openDynamicLinkAction) return this.runAction(onClick.openDynamicLinkAction);
    if (onClick.overflowMenu) {
      const items = onClick.overflowMenu.items || [];
      const choice = items.find((item) => window.confirm(`${item.text}?`));
      if (choice) return this.click(choice.onClick);
    }
    return undefined;
  }

  async runAction(action) {
    const required = action.allWidgetsAreRequired
      ? Array.from(this.view.inputs.keys())
      : action.requiredWidgets || [];
    const missing = required.filter((name) => this.view.empty(name));
    if (missing.length) {
      this.toast(`Fill in: ${missing.join(", ")}`);
      return;
    }
    const parameters = Object.fromEntries((action.parameters || []).map((p) => [p.key, p.value]));
    const event = { commonEventObject: { parameters, formInputs: this.view.formInputs() } };
    const gmail = this.active.context();
    if (gmail) event.gmail = gmail;
    await this.call(action.function, event, action.loadIndicator !== "NONE");
  }

  async call(fn, event, spinner = true) {
    const locale = this.gmail.locale ? this.gmail.locale() : null;
    if (locale) event.commonEventObject = { ...(event.commonEventObject || {}), userLocale: locale };
    this.lastCall = { fn, event, surface: this.active };
    this.busy = true;
    this.parts.spinner.hidden = !spinner;
    try {
      const response = await fetch("/demo/invoke", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          function: fn, event, scopes: this.gmail.grantedScopes(),
          asUser: this.gmail.actingUser ? this.gmail.actingUser() : null,
        }),
      });
      const text = await response.text();
      this.parts.raw.textContent = text;
      let body = null;
      try { body = JSON.parse(text); } catch { body = null; }
      if (!response.ok || body === null) {
        const detail = body && (body.detail || body.error) ? `: ${body.detail || body.error}` : "";
        this.toast(`The add-on answered HTTP ${response.status}${detail}`);
        return null;
      }
      await this.apply(body);
      return body;
    } catch (error) {
      this.toast(`Could not reach the add-on: ${error.message}`);
      return null;
    } finally {
      this.busy = false;
      this.parts.spinner.hidden = true;
    }
  }

  async apply(body) {
    const consent = body.requesting_google_scopes || body.requestingGoogleScopes;
    if (consent) return this.askConsent(consent);
    if (body.sections) return this.navigate([{ pushCard: body }]); // a bare card
    const render = body.renderActions || body;
    const action = render.action || {};
    if (action.navigations) this.navigate(action.navigations);
    if (action.notification && action.notification.text) this.toast(action.notification.text);
    if (action.link) this.openLink(action.link);
    const gmailAction = render.hostAppAction && render.hostAppAction.gmailAction;
    if (gmailAction) await this.gmail.onGmailAction(gmailAction, this);
    return undefined;
  }

  navigate(navigations) {
    const stack = this.active.stack;
    let keep = null;
    for (const step of navigations) {
      if (step.pushCard) stack.push(step.pushCard);
      else if (step.updateCard) {
        keep = this.view.filled();
        if (stack.length) stack[stack.length - 1] = step.updateCard;
        else stack.push(step.updateCard);
      } else if (step.pop || step.popCard) { if (stack.length > 1) stack.pop(); }
      else if (step.popToRoot) stack.splice(1);
      else if (step.popToCard || step.popToCardName) {
        const name = step.popToCard || step.popToCardName;
        const index = stack.findIndex((card) => card.name === name);
        if (index >= 0) stack.splice(index + 1);
      }
    }
    this.renderTop(keep);
  }

  openLink(link) {
    if (/^https?:\/\//i.test(link.url || "")) window.open(link.url, "_blank", "noopener");
  }

  askConsent(request) {
    const all = Boolean(request.all_scopes || request.allScopes);
    const scopes = request.scopes || [];
    const list = all ? [el("li", { text: "Everything the add-on is set up to use" })] : scopes.map((s) => el("li", { text: scopeLabel(s) }));
    const retry = this.lastCall;
    const close = () => { this.parts.consent.hidden = true; this.parts.consent.replaceChildren(); };
    this.parts.consent.replaceChildren(el("div", { class: "consent-box", role: "dialog", "aria-label": "Permission request" },
      el("div", { class: "consent-title", text: "Intro Coach needs your permission" }),
      el("p", { text: "Gmail would now show Google's consent screen for:" }),
      el("ul", {}, list),
      el("div", { class: "consent-actions" },
        el("button", { class: "btn text", text: "Cancel", onclick: close }),
        el("button", { class: "btn filled", text: "Allow", onclick: async () => {
          close();
          this.gmail.grant(scopes, all);
          if (retry) {
            this.active = retry.surface;
            await this.call(retry.fn, retry.event);
          }
        } }))));
    this.parts.consent.hidden = false;
  }

  toast(text) {
    const node = this.parts.toast;
    node.textContent = text;
    node.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => { node.hidden = true; }, 5000);
  }
}

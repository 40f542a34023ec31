// A small fake DOM for the node:test tests that mount a whole demo widget (demo_generate.test.js,
// demo_recommend.test.js): just what dom.js, the demo shell and the widgets use. Elements with
// attributes, classes, dataset and reflected `hidden`/`disabled`; text nodes; bubbling events; click
// (a submit button submits its form, a checkbox toggles `checked` and fires click, input and change);
// focus; compound-selector queries; and a document that creates them. innerHTML throws: model and
// visitor text is only ever set as text. It lets the widgets' behaviour be tested without a browser;
// the real DOM, the real models and the layout run in Chromium (tests/browser/).
//
// A test installs it with `Object.assign(globalThis, { document: fakeDocument, HTMLElement: FakeElement })`
// and resets `fakeDocument.activeElement` before each test.

export class FakeNode {
  constructor() {
    /** @type {FakeElement | null} */
    this.parentNode = null;
  }
}

export class FakeText extends FakeNode {
  /** @param {string} data */
  constructor(data) {
    super();
    this.data = String(data);
  }

  get textContent() { return this.data; }
  set textContent(v) { this.data = String(v); }
  /** @param {string} s */
  appendData(s) { this.data += s; }
}

export class FakeEvent {
  /** @param {string} type @param {Record<string, any>} [init] */
  constructor(type, init = {}) {
    this.type = type;
    this.bubbles = init.bubbles ?? true;
    this.defaultPrevented = false;
    this.stopped = false;
    /** @type {FakeElement | null} */
    this.target = null;
    Object.assign(this, init);
  }

  preventDefault() { this.defaultPrevented = true; }
  stopPropagation() { this.stopped = true; }
}

const REFLECTED = new Set(['hidden', 'disabled']);

export class FakeElement extends FakeNode {
  /** @param {string} tag */
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    /** @type {Map<string, string>} */
    this.attributes = new Map();
    /** @type {(FakeElement | FakeText)[]} */
    this.childNodes = [];
    /** @type {Map<string, {fn: Function, once: boolean}[]>} */
    this.listeners = new Map();
    this.style = { setProperty() {} };
    /** @type {string | undefined} */
    this._value = undefined;
    /** a checkbox's state (the property; the DOM does not reflect it to the attribute) */
    this.checked = false;
    this.dataset = new Proxy({}, {
      get: (_, key) => (typeof key === 'string' ? this.attributes.get(dataName(key)) : undefined),
      set: (_, key, value) => { this.setAttribute(dataName(String(key)), value); return true; },
      deleteProperty: (_, key) => { this.removeAttribute(dataName(String(key))); return true; },
      has: (_, key) => this.attributes.has(dataName(String(key))),
    });
    for (const name of REFLECTED) {
      Object.defineProperty(this, name, {
        get: () => this.attributes.has(name),
        set: (on) => (on ? this.setAttribute(name, '') : this.removeAttribute(name)),
      });
    }
  }

  /** @param {string} name @param {unknown} value */
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  /** @param {string} name */
  getAttribute(name) { return this.attributes.get(name) ?? null; }
  /** @param {string} name */
  removeAttribute(name) { this.attributes.delete(name); }
  /** @param {string} name */
  hasAttribute(name) { return this.attributes.has(name); }
  get id() { return this.getAttribute('id') ?? ''; }
  get className() { return this.getAttribute('class') ?? ''; }

  get classList() {
    const get = () => new Set(this.className.split(/\s+/).filter(Boolean));
    const put = (/** @type {Set<string>} */ s) => this.setAttribute('class', [...s].join(' '));
    return {
      add: (/** @type {string[]} */ ...names) => { const s = get(); names.forEach((n) => s.add(n)); put(s); },
      remove: (/** @type {string[]} */ ...names) => { const s = get(); names.forEach((n) => s.delete(n)); put(s); },
      toggle: (/** @type {string} */ name, /** @type {boolean} */ force = !get().has(name)) => {
        const s = get();
        if (force) s.add(name); else s.delete(name);
        put(s);
        return force;
      },
      contains: (/** @type {string} */ name) => get().has(name),
    };
  }

  get value() {
    if (this._value !== undefined) return this._value;
    return this.tagName === 'TEXTAREA' ? this.textContent : this.getAttribute('value') ?? '';
  }

  set value(v) { this._value = String(v); }

  get children() { return /** @type {FakeElement[]} */ (this.childNodes.filter((n) => n instanceof FakeElement)); }

  /** @param {...(FakeNode | string)} nodes */
  append(...nodes) {
    for (const n of nodes) {
      const node = typeof n === 'string' ? new FakeText(n) : /** @type {FakeElement | FakeText} */ (n);
      node.parentNode?.childNodes.splice(node.parentNode.childNodes.indexOf(node), 1);
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }

  /** @param {...(FakeNode | string)} nodes */
  replaceChildren(...nodes) {
    for (const n of this.childNodes) n.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  /** @param {FakeNode} node */
  appendChild(node) { this.append(node); return node; }
  remove() { this.parentNode?.childNodes.splice(this.parentNode.childNodes.indexOf(this), 1); this.parentNode = null; }

  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }
  set textContent(v) { this.replaceChildren(...(String(v) === '' ? [] : [new FakeText(String(v))])); }

  set innerHTML(_v) { throw new Error('innerHTML must never be used: model and visitor text is text'); }
  get innerHTML() { throw new Error('innerHTML must never be used'); }
  insertAdjacentHTML() { throw new Error('insertAdjacentHTML must never be used'); }

  /** @param {string} type @param {Function} fn @param {{once?: boolean}} [options] */
  addEventListener(type, fn, options) {
    const list = this.listeners.get(type) ?? [];
    list.push({ fn, once: !!options?.once });
    this.listeners.set(type, list);
  }

  /** @param {string} type @param {Function} fn */
  removeEventListener(type, fn) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn));
  }

  /** @param {FakeEvent} event */
  dispatchEvent(event) {
    event.target ??= this;
    /** @type {FakeElement | null} */
    let at = this;
    while (at && !event.stopped) {
      for (const l of [...(at.listeners.get(event.type) ?? [])]) {
        if (l.once) at.removeEventListener(event.type, l.fn);
        l.fn.call(at, event);
      }
      at = event.bubbles ? at.parentNode : null;
    }
    return !event.defaultPrevented;
  }

  click() {
    if (this.disabled) return;
    if (this.tagName === 'INPUT' && this.getAttribute('type') === 'checkbox') {
      this.checked = !this.checked;
      this.dispatchEvent(new FakeEvent('click'));
      this.dispatchEvent(new FakeEvent('input'));
      this.dispatchEvent(new FakeEvent('change'));
      return;
    }
    const notCancelled = this.dispatchEvent(new FakeEvent('click'));
    if (notCancelled && this.tagName === 'BUTTON' && (this.getAttribute('type') ?? 'submit') === 'submit') {
      this.closest('form')?.dispatchEvent(new FakeEvent('submit'));
    }
  }

  focus() {
    if (this.disabled) return;
    fakeDocument.activeElement = this;
    this.dispatchEvent(new FakeEvent('focusin'));
  }

  /** @param {string} selector */
  closest(selector) {
    /** @type {FakeElement | null} */
    let at = this;
    while (at && !matches(at, selector)) at = at.parentNode;
    return at;
  }

  /** @param {string} selector */
  querySelectorAll(selector) {
    /** @type {FakeElement[]} */
    const found = [];
    const walk = (/** @type {FakeElement} */ el) => {
      for (const child of el.children) {
        if (matches(child, selector)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }

  /** @param {string} selector */
  querySelector(selector) { return this.querySelectorAll(selector)[0] ?? null; }
}

/** @param {string} key camelCase */
function dataName(key) {
  return `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Compound selectors only ("button.vitrine-stop", ".x[data-y]", "[aria-invalid=\"true\"]"), with the
 * descendant combinator.
 * @param {FakeElement} el
 * @param {string} selector
 */
export function matches(el, selector) {
  const parts = selector.trim().split(/\s+/);
  if (!matchesOne(el, /** @type {string} */ (parts.pop()))) return false;
  let at = el.parentNode;
  for (const part of parts.reverse()) {
    while (at && !matchesOne(at, part)) at = at.parentNode;
    if (!at) return false;
    at = at.parentNode;
  }
  return true;
}

/** @param {FakeElement} el @param {string} simple */
function matchesOne(el, simple) {
  const re = /([.#]?)([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\]/g;
  for (const m of simple.matchAll(re)) {
    if (m[3]) {
      if (!el.hasAttribute(m[3]) || (m[4] !== undefined && el.getAttribute(m[3]) !== m[4])) return false;
    } else if (m[1] === '.') {
      if (!el.classList.contains(m[2])) return false;
    } else if (m[1] === '#') {
      if (el.id !== m[2]) return false;
    } else if (el.tagName !== m[2].toUpperCase()) {
      return false;
    }
  }
  return true;
}

export const fakeDocument = {
  /** @type {FakeElement | null} */
  activeElement: null,
  body: new FakeElement('body'),
  /** @param {string} tag */
  createElement: (tag) => new FakeElement(tag),
  /** @param {string} text */
  createTextNode: (text) => new FakeText(text),
};

/** Lets pending promises and their follow-ups settle: `n` turns of the event loop. */
export const tick = async (n = 5) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };

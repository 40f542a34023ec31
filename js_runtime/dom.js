// Tiny DOM helpers. Text always goes in as text nodes (never parsed as HTML): manifest and model
// strings are data, not markup.

/**
 * Create an element. Attribute values are strings; `true` sets an empty attribute, false/null/undefined
 * skip it. Children may be nodes or strings (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string|number|boolean|null|undefined>} [attrs]
 * @param {...(Node|string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

/**
 * The visible role=alert element of a demo, created on first use.
 * @param {HTMLElement} root
 * @returns {HTMLElement}
 */
function errorBox(root) {
  let box = /** @type {HTMLElement | null} */ (root.querySelector('.vitrine-error'));
  if (!box) {
    box = h('div', { class: 'vitrine-error', role: 'alert', hidden: true });
    root.append(box);
  }
  return box;
}

/**
 * Show `error` in the demo (and log it once: the same message is not logged again while shown).
 * @param {HTMLElement} root
 * @param {unknown} error
 */
export function showError(root, error) {
  const box = errorBox(root);
  const message = error instanceof Error ? error.message : String(error);
  if (box.hidden || box.textContent !== message) console.error(`[vitrine] ${root.dataset.model ?? ''}:`, error);
  box.textContent = message;
  box.hidden = false;
}

/** @param {HTMLElement} root */
export function clearError(root) {
  const box = root.querySelector('.vitrine-error');
  if (box instanceof HTMLElement) {
    box.hidden = true;
    box.textContent = '';
  }
}

/**
 * Let `target` take dropped files: while files are dragged over it, it accepts them (as a copy) and
 * has the class `vitrine-dragover`; on a drop, `onDrop` decides what to take (and prevents the
 * browser's default, opening the file, when it takes something).
 * @param {HTMLElement} target
 * @param {(event: DragEvent, data: DataTransfer) => void} onDrop
 */
export function takeDrops(target, onDrop) {
  target.addEventListener('dragover', (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    target.classList.add('vitrine-dragover');
  });
  target.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node && target.contains(event.relatedTarget))) target.classList.remove('vitrine-dragover');
  });
  target.addEventListener('drop', (event) => {
    target.classList.remove('vitrine-dragover');
    if (event.dataTransfer) onDrop(event, event.dataTransfer);
  });
}

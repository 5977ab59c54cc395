// @ts-check
/**
 * Fastpath exercises in any web page:
 *
 *   <script src="https://<fastpath site>/embed.js" async></script>
 *   <fastpath-exercise lesson="01-n-plus-one" load="visible" height="auto"></fastpath-exercise>
 *
 * The element makes an iframe of /embed/<lesson>/ (`load`: "visible", the default, when it scrolls
 * into view; "click", behind a button; "eager", at once), sizes it to its content with
 * height="auto" (or a fixed height="600"), and passes its `theme` ("light", "dark"; default: the
 * visitor's preference). At most one exercise of the page runs its database at a time: starting
 * another pauses the running one, which resumes from its snapshot with the learner's code kept.
 *
 * The exercise's news are dispatched on the element as DOM events: `fastpath:ready`,
 * `fastpath:run` and `fastpath:result` (detail: `{ passed, checks: [{ id, label, passed,
 * measured, target }] }`). Messages are accepted only from the element's own iframe, at the
 * Fastpath site's origin, and only in the shapes of src/client/embed-protocol.ts, whose names this
 * plain script repeats (it is served as is, to any site). A classic script, not a module: modules
 * from another origin need CORS headers that static hosts rarely send.
 */
(() => {

const PROTOCOL = 1;
const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
if (!script) throw new Error('Fastpath: load embed.js with a <script src> tag, not as a module.');
const SITE = new URL('./', script.src);
const LESSON = /^[a-z0-9][a-z0-9-]*$/;

/** @type {FastpathExercise | undefined} the exercise whose database runs */
let running;

class FastpathExercise extends HTMLElement {
  /** @type {HTMLIFrameElement | undefined} */
  frame;
  /** @type {IntersectionObserver | undefined} */
  observer;

  connectedCallback() {
    if (this.frame || this.observer) return;
    const lesson = this.getAttribute('lesson') ?? '';
    if (!LESSON.test(lesson)) {
      this.textContent = `Fastpath: "${lesson}" is not a lesson name (lesson="01-n-plus-one", for example).`;
      return;
    }
    const load = this.getAttribute('load') ?? 'visible';
    if (load === 'eager') return this.mount(false);
    if (load === 'click') {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Load the exercise "${lesson}" (starts a database in your browser)`;
      button.addEventListener('click', () => this.mount(true), { once: true });
      this.replaceChildren(button);
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.observer?.disconnect();
      this.mount(false);
    });
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    removeEventListener('message', this.onMessage);
    this.frame?.remove();
    this.frame = undefined;
    this.observer = undefined;
    if (running === this) running = undefined;
  }

  /** Makes the iframe; `asked` when the visitor clicked, which starts it even if another runs. */
  mount(asked) {
    const lesson = /** @type {string} */ (this.getAttribute('lesson'));
    const src = new URL(`embed/${lesson}/`, SITE);
    src.searchParams.set('host', location.origin);
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') src.searchParams.set('theme', theme);
    const frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = `Fastpath exercise: ${lesson}`;
    frame.loading = 'eager';
    const height = this.getAttribute('height') ?? 'auto';
    frame.style.cssText = `display:block;width:100%;border:1px solid #8884;border-radius:6px;height:${/^\d+$/.test(height) ? height : 640}px`;
    this.startOnHello = asked;
    this.frame = frame;
    this.replaceChildren(frame);
    addEventListener('message', this.onMessage);
  }

  /** @param {{ type: string }} message */
  send(message) {
    this.frame?.contentWindow?.postMessage({ fastpath: PROTOCOL, ...message }, SITE.origin);
  }

  /** Starts this exercise's database, pausing the one running, if any. */
  start() {
    if (running && running !== this) running.send({ type: 'pause' });
    running = this;
    this.send({ type: 'start' });
  }

  /** @param {MessageEvent} event */
  onMessage = (event) => {
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== SITE.origin) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null || data.fastpath !== PROTOCOL || typeof data.type !== 'string') return;
    if (data.type === 'hello') {
      // Only one database at a time: the first exercise in view to load starts; the others wait for a click.
      if (this.startOnHello || !running || !running.isConnected) this.start();
    } else if (data.type === 'want-start') this.start();
    else if (data.type === 'paused') {
      if (running === this) running = undefined;
    } else if (data.type === 'height') {
      if (this.getAttribute('height') === 'auto' || !this.hasAttribute('height')) {
        if (Number.isFinite(data.height) && data.height > 0) this.frame.style.height = `${Math.min(Math.ceil(data.height), 20000) + 2}px`;
      }
    } else if (data.type === 'ready' || data.type === 'run') {
      this.dispatchEvent(new CustomEvent(`fastpath:${data.type}`, { bubbles: true, composed: true }));
    } else if (data.type === 'result' && typeof data.passed === 'boolean' && Array.isArray(data.checks)) {
      const checks = data.checks.filter(isCheck).map(({ id, label, passed, measured, target }) => ({ id, label, passed, measured, target }));
      this.dispatchEvent(new CustomEvent('fastpath:result', { bubbles: true, composed: true, detail: { passed: data.passed, checks } }));
    }
  };

  /** True when the visitor clicked "Load": the exercise starts even if another one runs. */
  startOnHello = false;
}

/** @param {any} check */
function isCheck(check) {
  const value = (/** @type {unknown} */ v) => v === null || typeof v === 'number' || typeof v === 'string';
  return (
    typeof check === 'object' &&
    check !== null &&
    typeof check.id === 'string' &&
    typeof check.label === 'string' &&
    typeof check.passed === 'boolean' &&
    value(check.measured) &&
    (typeof check.target === 'number' || typeof check.target === 'string')
  );
}

if (!customElements.get('fastpath-exercise')) customElements.define('fastpath-exercise', FastpathExercise);
})();

// Code that runs inside the benchmarked page (passed to page.addInitScript, so it runs before the
// page's own scripts). It keeps the clocks the runner reads back through window.__bench:
// - frames: every requestAnimationFrame, and the end of each frame's rendering (a MessageChannel
//   task posted from rAF runs once style, layout and paint of that frame are done);
// - mutations of the DOM (observed only once armed, so the first render pays nothing for it), and
//   drawing on a 2D canvas, which changes what the reader sees without changing the DOM (Leaflet's
//   canvas renderer draws the routes in the animation frame after the one that changed them);
// - the time spent in the page's own input listeners (addEventListener is wrapped for input types);
// - long tasks.
// Latency of one input = from the input's timeStamp to the end of rendering of the first frame
// after the last DOM change or canvas drawing it caused (or after the input itself when it changed
// nothing).

export function installHarness() {
  const B = {
    armed: false,
    input: null,
    handlerMs: 0,
    depth: 0,
    mutations: 0,
    lastMutation: 0,
    observing: false,
    longTasks: [],
    frameEnds: [],
    readyAt: null,
  };
  window.__bench = B;

  // Input listeners, timed. Only the outermost listener counts, so nested dispatches count once.
  const INPUT_TYPES = new Set([
    'mousemove',
    'pointermove',
    'mousedown',
    'pointerdown',
    'mouseup',
    'pointerup',
    'wheel',
    'click',
    'mouseover',
    'pointerover',
    'mouseout',
    'pointerout',
  ]);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const wrappers = new WeakMap();
  const wrapperOf = (listener, type, capture, create) => {
    let byKey = wrappers.get(listener);
    if (!byKey) {
      if (!create) return undefined;
      byKey = new Map();
      wrappers.set(listener, byKey);
    }
    const key = `${type}:${capture}`;
    let w = byKey.get(key);
    if (!w && create) {
      w = function timedListener(event) {
        const outer = B.depth === 0;
        const t0 = outer ? performance.now() : 0;
        B.depth++;
        try {
          return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
        } finally {
          B.depth--;
          if (outer) B.handlerMs += performance.now() - t0;
        }
      };
      byKey.set(key, w);
    }
    return w;
  };
  const captureOf = (options) => (typeof options === 'boolean' ? options : !!(options && options.capture));
  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    if (!listener || !INPUT_TYPES.has(type)) return add.call(this, type, listener, options);
    return add.call(this, type, wrapperOf(listener, type, captureOf(options), true), options);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, listener, options) {
    const w = listener && INPUT_TYPES.has(type) ? wrapperOf(listener, type, captureOf(options), false) : undefined;
    return remove.call(this, type, w ?? listener, options);
  };

  // The input of a step: the first input event after arm(), with its timestamp.
  for (const type of ['mousemove', 'wheel', 'mousedown', 'click', 'keydown']) {
    add.call(
      window,
      type,
      (event) => {
        if (!B.armed) return;
        B.armed = false;
        B.input = { type, ts: event.timeStamp, seen: performance.now() };
      },
      { capture: true, passive: true },
    );
  }

  // Frames: the end of each frame's rendering.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    B.frameEnds.push(performance.now());
    if (B.frameEnds.length > 4000) B.frameEnds.splice(0, 2000);
  };
  const onFrame = () => {
    channel.port2.postMessage(0);
    if (B.readyAt === null && B.isReady && B.isReady()) B.readyAt = 'pending';
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  // Ready = the end of rendering of the frame in which the page first looked drawn.
  channel.port1.addEventListener('message', () => {
    if (B.readyAt === 'pending') B.readyAt = performance.now();
  });

  const observer = new MutationObserver(() => {
    B.mutations++;
    B.lastMutation = performance.now();
  });
  // A drawing call on a 2D canvas is a change, as a mutation is, once observing.
  const ctx2d = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  if (ctx2d)
    for (const name of [
      'clearRect',
      'fillRect',
      'strokeRect',
      'fill',
      'stroke',
      'drawImage',
      'putImageData',
      'fillText',
      'strokeText',
    ]) {
      const draw = ctx2d[name];
      if (typeof draw !== 'function') continue;
      ctx2d[name] = function drawn(...args) {
        if (B.observing) {
          B.mutations++;
          B.lastMutation = performance.now();
        }
        return draw.apply(this, args);
      };
    }
  B.observe = () => {
    if (B.observing) return;
    B.observing = true;
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }

  B.arm = () => {
    B.armed = true;
    B.input = null;
    B.handlerMs = 0;
  };

  /**
   * Waits until the page has been quiet for `quietFrames` frames after the input; returns the step.
   * With no input to wait for (not armed, none seen since the page loaded: a wait for quiet before a
   * series) it returns `{ quiet: true }` once the page has been quiet that long. Until 2 Dec 2026 it
   * waited for the timeout there: 20 s of every benchmarked page, and 10 s of each of the harness's
   * own e2e steps, spent idle.
   */
  B.settle = (quietFrames = 3, timeoutMs = 10_000) =>
    new Promise((resolve) => {
      const start = performance.now();
      let seen = B.mutations;
      let quiet = 0;
      const tick = () => {
        const now = performance.now();
        if (B.mutations !== seen) {
          seen = B.mutations;
          quiet = 0;
        } else quiet++;
        if (B.input && quiet >= quietFrames) {
          const ts = B.input.ts;
          const changed = B.lastMutation > ts;
          const last = changed ? B.lastMutation : B.input.seen;
          const end = B.frameEnds.find((t) => t > last);
          resolve({
            latency: end === undefined ? null : end - ts,
            queue: B.input.seen - ts,
            handler: B.handlerMs,
            changed,
          });
        } else if (!B.input && !B.armed && quiet >= quietFrames)
          resolve({ quiet: true, latency: null, changed: false });
        else if (now - start > timeoutMs) resolve({ timeout: true, input: !!B.input });
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  /** The end of the last long task, once none has run for `quietMs` (or after `timeoutMs`). */
  B.quietAfter = (quietMs = 500, timeoutMs = 10_000) =>
    new Promise((resolve) => {
      const start = performance.now();
      const check = () => {
        const now = performance.now();
        const last = B.longTasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
        if (now - last >= quietMs || now - start > timeoutMs) resolve(last);
        else setTimeout(check, 50);
      };
      check();
    });

  /** Frame-to-frame intervals (ms) for `ms` milliseconds. */
  B.frameIntervals = (ms) =>
    new Promise((resolve) => {
      const out = [];
      let prev = null;
      const start = performance.now();
      const tick = (t) => {
        if (prev !== null) out.push(t - prev);
        prev = t;
        if (performance.now() - start < ms) requestAnimationFrame(tick);
        else resolve(out);
      };
      requestAnimationFrame(tick);
    });
}

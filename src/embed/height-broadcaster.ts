// Tells the embedding page how tall the content is, on every resize, in the formats hosts listen for.
// Posts only when framed; answers a pym.js `width` from the parent and ignores every other message.
import { heightMessages, parseInbound, type HeightContext } from './messages';

export function startHeightBroadcaster(target: HTMLElement, ctx: HeightContext, win: Window = window): () => void {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  let last = -1;
  const post = (force: boolean) => {
    const h = Math.ceil(target.getBoundingClientRect().height);
    if (h <= 0 || (h === last && !force)) return;
    last = h;
    for (const m of heightMessages(h, ctx)) {
      try {
        // The height is not a secret, and the host's origin is unknown to a frame: hence '*'.
        parent.postMessage(m, '*');
      } catch {
        // A detached or closing parent: nothing to tell.
      }
    }
  };
  const observer = new ResizeObserver(() => post(false));
  observer.observe(target);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return;
    if (parseInbound(e.data, ctx.childId)) post(true);
  };
  win.addEventListener('message', onMessage);
  post(true);
  return function stopHeightBroadcaster() {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
  };
}

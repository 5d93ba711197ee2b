// The host script (`embed.js`): resizes the Itinera iframes of a page from the height they post.
// Include it once, anywhere: <script src="https://example.org/itinera/embed.js" async></script>
// Only iframes marked `data-itinera` are touched, and a message counts only when it comes from that
// very iframe (`event.source === iframe.contentWindow`), never by the look of its origin.
// Built on its own, with no imports, so it stays a plain script of a few hundred bytes.
(function itineraHost() {
  const w = window as Window & { __itineraHost?: boolean };
  if (w.__itineraHost) return;
  w.__itineraHost = true;
  const MIN = 120;
  const MAX = 4000;

  /** The height in Itinera's own message `{'itinera-height': {[id]: h}}`, or null. */
  function heightOf(data: unknown): number | null {
    if (!data || typeof data !== 'object') return null;
    const inner = (data as Record<string, unknown>)['itinera-height'];
    if (!inner || typeof inner !== 'object') return null;
    const values = Object.values(inner as Record<string, unknown>);
    const h = values.length === 1 ? values[0] : undefined;
    return typeof h === 'number' && Number.isFinite(h) ? Math.min(MAX, Math.max(MIN, Math.ceil(h))) : null;
  }

  window.addEventListener('message', function onItineraMessage(event) {
    const h = heightOf(event.data);
    if (h === null || !event.source) return;
    const frames = document.querySelectorAll<HTMLIFrameElement>('iframe[data-itinera]');
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = `${h}px`;
      frame.setAttribute('height', String(h));
    }
  });
})();

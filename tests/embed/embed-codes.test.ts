import { describe, expect, it } from 'vitest';
import { embedCodes } from '../../src/embed/embed-codes';
import { oembedJson } from '../../scripts/embed-build.js';

const page = 'https://news.example/itinera/?embed=1&x=1#h';
const opts = { atEvent: true, lang: 'fr' as const, height: 540, chrome: true };

describe('embedCodes(pageHref, search, title, options)', () => {
  const c = embedCodes(page, '?event=e1&from=2023-09-10&lang=en', 'Trains "to" Russia', opts);

  it('links to the current view without frame parameters', () => {
    expect(c.link).toBe('https://news.example/itinera/?event=e1&from=2023-09-10&lang=en');
  });

  it('builds the embed URL with the chosen language and event', () => {
    const u = new URL(c.embedUrl);
    expect(u.searchParams.get('embed')).toBe('1');
    expect(u.searchParams.get('lang')).toBe('fr');
    expect(u.searchParams.get('event')).toBe('e1');
    expect(u.searchParams.get('height')).toBeNull();
    expect(new URL(c.fixedUrl).searchParams.get('height')).toBe('540');
  });

  it('writes a plain iframe with title, width 100%, height, lazy loading, allowfullscreen and nothing deprecated', () => {
    expect(c.iframe).toMatch(/^<iframe src="[^"]+" title="Trains &quot;to&quot; Russia" width="100%" height="540"/);
    expect(c.iframe).toContain('loading="lazy"');
    expect(c.iframe).toContain('allowfullscreen');
    expect(c.iframe).toContain('&amp;height=540');
    expect(c.iframe).not.toMatch(/frameborder|scrolling|marginheight|marginwidth/);
  });

  it('adds the host script to the auto-height variant, and marks the iframe', () => {
    expect(c.script).toContain('<iframe data-itinera src=');
    expect(c.script).toContain('<script src="https://news.example/itinera/embed.js" async></script>');
    expect(c.script).not.toContain('height=540&');
  });

  it('writes a pym.js div', () => {
    expect(c.pym).toBe(`<div data-pym-src="${c.embedUrl.replace(/&/g, '&amp;')}"></div>`);
  });

  it('leaves the event out and the chrome off when asked', () => {
    const d = embedCodes(page, '?event=e1', 't', { ...opts, atEvent: false, chrome: false });
    expect(new URL(d.embedUrl).searchParams.get('event')).toBeNull();
    expect(new URL(d.embedUrl).searchParams.get('chrome')).toBe('0');
  });
});

describe('oembedJson(title, src, width, height)', () => {
  it('is a rich oEmbed 1.0 answer whose html is one iframe', () => {
    const o = oembedJson('A & B', 'https://x.example/?embed=1&lang=fr', 800, 600);
    expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Itinera', width: 800, height: 600 });
    expect(o.title).toBe('A & B');
    expect(o.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
    expect(o.html).toContain('src="https://x.example/?embed=1&amp;lang=fr"');
  });
});

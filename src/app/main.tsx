// The page's entry, kept small: it starts the dataset and the strings loading at once, then loads the
// app (React, Leaflet, D3: most of the code, fetched in parallel through a modulepreload link that
// scripts/preload.ts adds to index.html) and draws it. The fetch and the restore of the data so run
// while the browser is still downloading and compiling the app, not after.
import { resolveAliases } from '../embed/embed-params';
import { bootError } from '../i18n/boot-error';
import { browserLang } from '../state/initial-state';
import { readUrl } from '../state/url-state';
import { startFirstLoad } from './first-load';
import './app.css';

startFirstLoad();
const root = document.getElementById('root')!;
import('./mount')
  .then(({ mount }) => mount(root))
  .catch((err: unknown) => {
    // Never a blank page: the skeleton gives way to what went wrong, in the page's language.
    const lang = readUrl(resolveAliases(location.search)).lang ?? browserLang(navigator.languages);
    const p = document.createElement('p');
    p.className = 'boot-error';
    p.lang = lang;
    p.setAttribute('role', 'alert');
    p.textContent = bootError(lang, err instanceof Error ? err.message : String(err));
    root.replaceChildren(p);
  });

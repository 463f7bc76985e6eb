// Views by the location hash (#/name/argument?a=b): real links, the back button works, the server serves one page.
// Each <section data-view="name"> in <main> is one view; a nav link with data-nav="name" is marked current.

/**
 * views: {name: enter(argument, params) | null}; fallback: the view of an empty or unknown hash;
 * title(name): the document title; guard(name): the view to show instead (e.g. sign-in), or the name.
 */
export function startRouter({ views, fallback, title, guard = name => name }) {
  const show = focus => {
    const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const [first, ...rest] = path.split('/');
    const view = guard(first in views ? first : fallback);
    const argument = view === first && rest.length ? decodeURIComponent(rest.join('/')) : undefined;
    for (const section of document.querySelectorAll('main section[data-view]')) section.hidden = section.dataset.view !== view;
    for (const link of document.querySelectorAll('a[data-nav]')) {
      if (link.dataset.nav === view || (view === 'item' && link.dataset.nav === 'catalog')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = title(view);
    const entered = views[view]?.(argument, new URLSearchParams(search));
    if (focus) {
      // Move focus to the view's heading once it is drawn, so a screen reader announces the new view.
      Promise.resolve(entered).finally(() => document.querySelector(`section[data-view="${view}"] h1`)?.focus());
    }
  };
  addEventListener('hashchange', () => show(true));
  show(false);
  return { refresh: () => show(true) };
}

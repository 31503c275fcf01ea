/** Embeds: tell the host page our height (it resizes the iframe), and route ?geo= to the static page. */
import { PLACE_CODE } from '../catalog/places.ts';
export function reportHeight() {
  if (window.parent === window) return;
  // The content's own height: scrollHeight never drops below the iframe's current height, so a tall
  // iframe would never shrink to fit.
  const send = () => window.parent.postMessage({ type: 'jib-hoogte', hoogte: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
  new ResizeObserver(send).observe(document.body);
  addEventListener('load', send);
  send();
}

export function redirectToGeo() {
  const el = document.querySelector<HTMLElement>('[data-embed-redirect]');
  const geo = new URLSearchParams(location.search).get('geo') ?? '';
  if (el && PLACE_CODE.test(geo)) location.replace(`/embed/${el.dataset.embedRedirect}/${geo}/`);
}

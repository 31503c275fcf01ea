/**
 * Tooltips for the static charts that work with mouse, keyboard and touch. Every point Plot drew carries
 * its text in an SVG <title> (a mouse shows it natively); this adds the same text for a finger (tap a
 * point) and the keyboard (focus the chart, then the arrow keys walk through the points), in a small box
 * beside the point and in a live region for screen readers.
 */
export function initPointTips() {
  for (const holder of document.querySelectorAll<HTMLElement>('[data-plot]')) setup(holder);
}

function setup(holder: HTMLElement) {
  const tip = document.createElement('div');
  tip.className = 'point-tip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  holder.append(tip);
  holder.tabIndex = 0;
  holder.setAttribute('role', 'group'); // aria-label is not allowed on a plain div
  holder.setAttribute('aria-label', 'Grafiek: gebruik de pijltjestoetsen om de punten één voor één te lezen');
  let index = -1;
  let marked: SVGElement | null = null;

  // The points of the drawing that is visible now (wide or narrow, or a redrawn comparison).
  const points = () => {
    const svg = [...holder.querySelectorAll<SVGSVGElement>('svg')].find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) return [];
    return [...svg.querySelectorAll<SVGElement>('[aria-label="dot"] > *')]
      .filter((p) => p.querySelector('title'))
      .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
  };
  const show = (p: SVGElement) => {
    marked?.classList.remove('point-active');
    marked = p;
    p.classList.add('point-active');
    tip.textContent = p.querySelector('title')!.textContent;
    tip.hidden = false;
    const box = holder.getBoundingClientRect();
    const r = p.getBoundingClientRect();
    const left = Math.min(Math.max(0, r.left - box.left + r.width / 2 - tip.offsetWidth / 2), box.width - tip.offsetWidth);
    tip.style.left = `${left}px`;
    tip.style.top = `${Math.max(0, r.top - box.top - tip.offsetHeight - 8)}px`;
  };
  const hide = () => {
    tip.hidden = true;
    marked?.classList.remove('point-active');
    marked = null;
  };

  holder.addEventListener('keydown', (e) => {
    const ps = points();
    if (!ps.length) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') index = (index + 1) % ps.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') index = (index - 1 + ps.length) % ps.length;
    else if (e.key === 'Home') index = 0;
    else if (e.key === 'End') index = ps.length - 1;
    else if (e.key === 'Escape') return hide();
    else return;
    e.preventDefault();
    show(ps[index]);
  });
  holder.addEventListener('blur', hide);
  holder.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse') return;
    const ps = points();
    const hit = ps.find((p) => p.contains(e.target as Node));
    if (hit) {
      index = ps.indexOf(hit);
      show(hit);
    } else hide();
  });
}

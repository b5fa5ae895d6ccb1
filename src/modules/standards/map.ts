// The trace page's map of Thailand's provinces, as a small SVG drawn on the server from the
// platform's simplified province outlines, with the provinces of a lot's journey filled in. Served
// as an image, so the page stays light.
import { provinceOutlines } from '../../platform/province-map.ts';

/** Colours of the journey's places on the map. */
export const MAP_ROLES = { farm: '#2f7d32', processing: '#c58b00', hub: '#1565c0' } as const;
export type MapRole = keyof typeof MAP_ROLES;

/** The map with these provinces filled in (the first role named wins a province), and a title for screen readers. */
export function provinceMapSvg(marked: { code: string; role: MapRole }[], title: string): string {
  const { width, height, provinces } = provinceOutlines();
  const roleOf = new Map<string, MapRole>();
  for (const m of marked) if (!roleOf.has(m.code)) roleOf.set(m.code, m.role);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const paths = provinces
    .map((p) => {
      const role = roleOf.get(p.code);
      return `<path d="${p.d}"${role ? ` fill="${MAP_ROLES[role]}"` : ''}/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img"><title>${esc(title)}</title><g fill="#e6e1d6" stroke="#fff" stroke-width="0.6" stroke-linejoin="round">${paths}</g></svg>`;
}

// Pictures for the demo products, drawn at seed time: an SVG illustration per kind of product (a
// rice sack with grains, a durian with a split pod, folded silk, dried mango slices, coffee with its
// beans) rasterised to JPEG with sharp, which the catalog already uses for uploads. No text in them,
// so no font is needed; a seeded random scatter keeps every seed's pictures the same.
import { seeded } from '../platform/seeded-random.ts';

export type PictureKind = 'rice' | 'durian' | 'silk' | 'mango' | 'coffee' | 'goods';

/** The kind of picture a demo category gets. */
export function pictureKindOf(categorySlug: string): PictureKind {
  const kinds: Record<string, PictureKind> = {
    'jasmine-rice': 'rice',
    rice: 'rice',
    durian: 'durian',
    'thai-silk': 'silk',
    'dried-fruit': 'mango',
    coffee: 'coffee',
  };
  return kinds[categorySlug] ?? 'goods';
}

const f = (n: number) => n.toFixed(1);

/** The table and light every picture shares. */
const backdrop = (top: string, bottom: string) => `
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
    <radialGradient id="shade" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#000" stop-opacity="0.28"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  <rect y="560" width="800" height="240" fill="#000" opacity="0.05"/>`;

function rice(r: () => number): string {
  const grains: string[] = [];
  for (let i = 0; i < 260; i++) {
    const x = 400 + (r() - 0.5) * 620 * Math.sqrt(r());
    const y = 640 + (r() - 0.5) * 90 * Math.sqrt(r());
    grains.push(
      `<ellipse cx="${f(x)}" cy="${f(y)}" rx="9" ry="3.6" transform="rotate(${f(r() * 180)} ${f(x)} ${f(y)})" fill="${r() > 0.3 ? '#fbf8ef' : '#efe7d2'}" stroke="#d8ccb0" stroke-width="0.8"/>`,
    );
  }
  const weave: string[] = [];
  for (let y = 260; y < 600; y += 14)
    weave.push(
      `<path d="M220 ${y} Q400 ${y + 10} 580 ${y}" stroke="#b89d6c" stroke-width="2" fill="none" opacity="0.5"/>`,
    );
  for (let x = 240; x < 580; x += 16)
    weave.push(`<path d="M${x} 240 L${x + 6} 600" stroke="#b89d6c" stroke-width="1.5" opacity="0.35"/>`);
  const stalk: string[] = [];
  for (let i = 0; i < 9; i++) {
    const t = i / 8;
    const x = 350 + t * 90;
    const y = 470 - t * 150;
    stalk.push(
      `<ellipse cx="${f(x + 16)}" cy="${f(y)}" rx="12" ry="5" fill="#c99a2e" transform="rotate(-35 ${f(x + 16)} ${f(y)})"/>`,
    );
    stalk.push(
      `<ellipse cx="${f(x - 12)}" cy="${f(y + 6)}" rx="12" ry="5" fill="#d6a93a" transform="rotate(30 ${f(x - 12)} ${f(y + 6)})"/>`,
    );
  }
  return `${backdrop('#f3ead6', '#e2cfa6')}
  <ellipse cx="400" cy="620" rx="300" ry="40" fill="url(#shade)"/>
  <path d="M230 600 C200 460 215 330 265 250 L300 215 C330 190 470 190 500 215 L535 250 C585 330 600 460 570 600 Z" fill="#dcc596"/>
  ${weave.join('')}
  <path d="M285 230 C320 165 480 165 515 230 C470 205 330 205 285 230 Z" fill="#c9ae7a"/>
  <path d="M300 215 Q400 245 500 215" stroke="#7a5b2e" stroke-width="10" fill="none" stroke-linecap="round"/>
  <path d="M360 480 Q395 400 440 320" stroke="#5f7f2a" stroke-width="6" fill="none"/>
  ${stalk.join('')}
  <rect x="300" y="505" width="200" height="44" rx="8" fill="#2f6b3a" opacity="0.85"/>
  <ellipse cx="400" cy="650" rx="290" ry="55" fill="#f4efe1"/>
  ${grains.join('')}`;
}

function durian(r: () => number): string {
  const spikes: string[] = [];
  for (let row = 0; row < 11; row++) {
    const y = 250 + row * 34;
    const half = Math.sqrt(Math.max(0, 1 - ((y - 420) / 190) ** 2)) * 170;
    for (let x = 400 - half + (row % 2) * 17; x < 400 + half; x += 34) {
      const s = 14 + r() * 6;
      spikes.push(
        `<path d="M${f(x - s)} ${f(y + s * 0.6)} L${f(x)} ${f(y - s)} L${f(x + s)} ${f(y + s * 0.6)} Z" fill="${r() > 0.5 ? '#8c9a2e' : '#7b8a27'}" stroke="#5d6a1c" stroke-width="1.5"/>`,
      );
    }
  }
  const pods = [0, 1, 2]
    .map(
      (i) =>
        `<ellipse cx="${570 + i * 52}" cy="${600 - (i % 2) * 14}" rx="34" ry="52" fill="url(#flesh)" stroke="#d9a21a" stroke-width="2"/>`,
    )
    .join('');
  return `${backdrop('#eef3df', '#cfdcb0')}
  <defs>
    <radialGradient id="husk" cx="40%" cy="35%" r="70%"><stop offset="0" stop-color="#c2c95a"/><stop offset="1" stop-color="#6e7d22"/></radialGradient>
    <radialGradient id="flesh" cx="40%" cy="35%" r="70%"><stop offset="0" stop-color="#fff3a8"/><stop offset="1" stop-color="#f2c53d"/></radialGradient>
  </defs>
  <ellipse cx="420" cy="625" rx="290" ry="42" fill="url(#shade)"/>
  <ellipse cx="400" cy="420" rx="185" ry="200" fill="url(#husk)"/>
  ${spikes.join('')}
  <path d="M395 225 C392 190 400 165 418 150" stroke="#6b4b23" stroke-width="16" fill="none" stroke-linecap="round"/>
  <path d="M520 640 C520 560 690 540 720 600 C700 650 560 670 520 640 Z" fill="#e8e2c4" stroke="#9aa24a" stroke-width="6"/>
  ${pods}`;
}

function silk(r: () => number, colour: string): string {
  const layers = [
    { y: 520, c1: colour, c2: '#e9c46a' },
    { y: 440, c1: '#2a6f77', c2: '#f1e3c8' },
    { y: 360, c1: '#6c3483', c2: '#f4d03f' },
  ];
  const cloths = layers
    .map((l, i) => {
      const id = `mm${i}`;
      return `<defs><pattern id="${id}" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(${f(r() * 8 - 4)})">
        <rect width="40" height="40" fill="${l.c1}"/><path d="M20 4 L36 20 L20 36 L4 20 Z" fill="none" stroke="${l.c2}" stroke-width="3"/>
        <circle cx="20" cy="20" r="4" fill="${l.c2}"/></pattern></defs>
      <path d="M150 ${l.y} C250 ${l.y - 30} 550 ${l.y - 30} 650 ${l.y} L660 ${l.y + 80} C550 ${l.y + 60} 250 ${l.y + 60} 140 ${l.y + 80} Z" fill="url(#${id})"/>
      <path d="M150 ${l.y} C250 ${l.y - 30} 550 ${l.y - 30} 650 ${l.y}" stroke="#fff" stroke-opacity="0.35" stroke-width="6" fill="none"/>
      <path d="M140 ${l.y + 80} C250 ${l.y + 60} 550 ${l.y + 60} 660 ${l.y + 80}" stroke="#000" stroke-opacity="0.2" stroke-width="4" fill="none"/>`;
    })
    .join('');
  return `${backdrop('#f7efe9', '#e6d3c6')}
  <ellipse cx="400" cy="640" rx="310" ry="40" fill="url(#shade)"/>
  ${cloths}
  <path d="M560 300 C640 250 700 330 660 420 C640 470 600 520 620 600" stroke="${colour}" stroke-width="34" fill="none" stroke-linecap="round" opacity="0.9"/>
  <path d="M560 300 C640 250 700 330 660 420" stroke="#fff" stroke-opacity="0.3" stroke-width="8" fill="none"/>`;
}

function mango(r: () => number): string {
  const slices: string[] = [];
  for (let i = 0; i < 11; i++) {
    const a = (i / 11) * Math.PI * 2 + r() * 0.3;
    const x = 400 + Math.cos(a) * 150;
    const y = 540 + Math.sin(a) * 60;
    const rot = (a * 180) / Math.PI + 90;
    slices.push(
      `<path d="M-60 0 C-40 -40 40 -40 60 0 C40 18 -40 18 -60 0 Z" transform="translate(${f(x)} ${f(y)}) rotate(${f(rot)})" fill="url(#dried)" stroke="#c9781b" stroke-width="2"/>`,
    );
  }
  return `${backdrop('#fdf3e1', '#f3d7a4')}
  <defs>
    <radialGradient id="dried" cx="45%" cy="40%" r="70%"><stop offset="0" stop-color="#ffd36b"/><stop offset="1" stop-color="#e98a1f"/></radialGradient>
    <radialGradient id="ripe" cx="35%" cy="35%" r="75%"><stop offset="0" stop-color="#fff0a0"/><stop offset="0.6" stop-color="#f7c331"/><stop offset="1" stop-color="#e0861c"/></radialGradient>
  </defs>
  <ellipse cx="400" cy="600" rx="300" ry="46" fill="url(#shade)"/>
  <ellipse cx="400" cy="560" rx="280" ry="100" fill="#fbfaf6" stroke="#e1d7c3" stroke-width="6"/>
  <ellipse cx="400" cy="555" rx="230" ry="76" fill="#f4efe4"/>
  ${slices.join('')}
  <path d="M330 330 C330 230 430 180 500 220 C580 270 560 400 470 420 C390 440 330 400 330 330 Z" fill="url(#ripe)"/>
  <path d="M480 215 C500 170 560 150 600 170 C570 200 530 215 480 215 Z" fill="#4f8a32"/>
  <path d="M480 215 C470 200 468 190 470 180" stroke="#6b4b23" stroke-width="6" fill="none"/>`;
}

function coffee(r: () => number): string {
  const beans: string[] = [];
  for (let i = 0; i < 34; i++) {
    const x = 120 + r() * 560;
    const y = 610 + r() * 130;
    if (x > 250 && x < 560 && y < 660) continue;
    const rot = r() * 180;
    beans.push(
      `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(rot)})"><ellipse rx="20" ry="14" fill="#5a3417"/><path d="M-16 0 C-6 -6 6 6 16 0" stroke="#2e190a" stroke-width="3" fill="none"/></g>`,
    );
  }
  return `${backdrop('#efe4d8', '#cdb59c')}
  <defs><radialGradient id="brew" cx="50%" cy="45%" r="60%"><stop offset="0" stop-color="#8b5a2b"/><stop offset="1" stop-color="#3b2010"/></radialGradient></defs>
  <ellipse cx="400" cy="620" rx="300" ry="44" fill="url(#shade)"/>
  <ellipse cx="400" cy="590" rx="220" ry="50" fill="#fbf8f2" stroke="#ddd2c2" stroke-width="4"/>
  <path d="M250 380 L275 560 C285 600 515 600 525 560 L550 380 Z" fill="#fdfbf7" stroke="#ddd2c2" stroke-width="4"/>
  <path d="M548 420 C620 410 630 520 540 520" stroke="#fdfbf7" stroke-width="22" fill="none"/>
  <path d="M548 420 C620 410 630 520 540 520" stroke="#ddd2c2" stroke-width="3" fill="none"/>
  <ellipse cx="400" cy="380" rx="150" ry="34" fill="url(#brew)" stroke="#ece4d8" stroke-width="5"/>
  <ellipse cx="380" cy="375" rx="60" ry="10" fill="#c79a64" opacity="0.55"/>
  <path d="M350 320 C320 280 380 250 350 200" stroke="#fff" stroke-opacity="0.6" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M420 320 C390 270 450 240 420 180" stroke="#fff" stroke-opacity="0.5" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M620 330 L700 330 L710 600 L610 600 Z" fill="#b98d5c"/>
  <path d="M620 330 L640 300 L680 300 L700 330 Z" fill="#a37849"/>
  <rect x="630" y="420" width="60" height="70" rx="6" fill="#2e5e3a" opacity="0.85"/>
  ${beans.join('')}`;
}

function goods(_r: () => number, colour: string): string {
  return `${backdrop('#f6f1e7', '#e5dccb')}
  <ellipse cx="400" cy="620" rx="260" ry="40" fill="url(#shade)"/>
  <rect x="220" y="300" width="360" height="300" rx="16" fill="${colour}"/>
  <path d="M220 300 L300 220 L660 220 L580 300 Z" fill="#fff" opacity="0.5"/>
  <path d="M580 300 L660 220 L660 520 L580 600 Z" fill="#000" opacity="0.15"/>`;
}

/** The SVG illustration of a product kind (800 x 800), `colour` its accent where the kind has one. */
export function illustration(kind: PictureKind, colour: string, seed = 1): string {
  const r = seeded(seed);
  const body =
    kind === 'rice'
      ? rice(r)
      : kind === 'durian'
        ? durian(r)
        : kind === 'silk'
          ? silk(r, colour)
          : kind === 'mango'
            ? mango(r)
            : kind === 'coffee'
              ? coffee(r)
              : goods(r, colour);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">${body}</svg>`;
}

/** The illustration rasterised to an 800 px JPEG, as a seller's photo upload would be. */
export async function productPicture(kind: PictureKind, colour: string, seed = 1): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(illustration(kind, colour, seed)))
    .jpeg({ quality: 86, mozjpeg: true })
    .toBuffer();
}

/** Abstract illustrations drawn locally (no downloads), one palette per section. */
export function illustrationSvg(hue: number, variant: number, width = 1440, height = 810): Buffer {
  const bg1 = `hsl(${hue} 55% 28%)`;
  const bg2 = `hsl(${(hue + 40) % 360} 60% 45%)`;
  const accent = `hsl(${(hue + 180) % 360} 70% 70%)`;
  const light = `hsl(${hue} 60% 85%)`;
  const shapes: string[] = [];
  if (variant % 3 === 0) {
    for (let i = 0; i < 9; i++) {
      const y = 90 + i * 80;
      shapes.push(
        `<rect x="${-200 + i * 60}" y="${y}" width="${width * 0.8}" height="26" rx="13" fill="${i % 2 ? accent : light}" opacity="${0.25 + (i % 3) * 0.15}" transform="rotate(-12 ${width / 2} ${height / 2})"/>`,
      );
    }
  } else if (variant % 3 === 1) {
    for (let i = 0; i < 7; i++) {
      shapes.push(
        `<circle cx="${260 + i * 160}" cy="${300 + ((i * 97) % 260)}" r="${90 + ((i * 53) % 140)}" fill="${i % 2 ? accent : light}" opacity="${0.18 + (i % 4) * 0.1}"/>`,
      );
    }
  } else {
    for (let i = 0; i < 8; i++) {
      const x = 120 + i * 170;
      const y = 160 + ((i * 131) % 420);
      shapes.push(
        `<polygon points="${x},${y} ${x + 160},${y + 40} ${x + 60},${y + 190}" fill="${i % 2 ? accent : light}" opacity="${0.2 + (i % 3) * 0.15}"/>`,
      );
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes.join('')}</svg>`,
  );
}

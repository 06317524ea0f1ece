// A small line chart as SVG text (no dependency): categorical x, linear y from 0, one line per series.

export interface Series {
  name: string;
  /** One value per x label; NaN leaves a gap. */
  values: number[];
}

const COLORS = ['#1f77b4', '#aec7e8', '#d62728', '#ff9896', '#2ca02c', '#98df8a'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function linePlot(options: { title: string; yLabel: string; xLabels: string[]; series: Series[] }): string {
  const [width, height, left, right, top, bottom] = [720, 380, 60, 200, 40, 60];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const finite = options.series.flatMap((s) => s.values.filter(Number.isFinite));
  const max = Math.max(...finite, 0) * 1.1 || 1;
  const x = (i: number) =>
    left + (options.xLabels.length === 1 ? plotW / 2 : (i * plotW) / (options.xLabels.length - 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${escape(options.title)}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="black"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="black"/>`,
    `<text x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${escape(options.yLabel)}</text>`,
  ];
  for (let t = 0; t <= 4; t++) {
    const value = (max * t) / 4;
    parts.push(
      `<line x1="${left - 4}" y1="${y(value)}" x2="${left + plotW}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${left - 8}" y="${y(value) + 4}" text-anchor="end">${value < 10 ? value.toFixed(2) : value.toFixed(0)}</text>`,
    );
  }
  options.xLabels.forEach((label, i) => {
    parts.push(`<text x="${x(i)}" y="${top + plotH + 20}" text-anchor="middle">${escape(label)}</text>`);
  });
  options.series.forEach((series, s) => {
    const color = COLORS[s % COLORS.length]!;
    const points = series.values.map((v, i) => (Number.isFinite(v) ? `${x(i)},${y(v)}` : null)).filter(Boolean);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`);
    series.values.forEach((v, i) => {
      if (Number.isFinite(v)) parts.push(`<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${color}"/>`);
    });
    const ly = top + 10 + s * 18;
    parts.push(
      `<line x1="${left + plotW + 16}" y1="${ly}" x2="${left + plotW + 36}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${left + plotW + 42}" y="${ly + 4}">${escape(series.name)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

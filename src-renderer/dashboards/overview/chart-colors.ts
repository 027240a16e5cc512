import { useEffect, useState } from 'react';

/**
 * Chart colours come from the theme's CSS variables so light and dark both read well; SVG
 * attributes cannot use var(), so the values are read once per theme change.
 */
export interface ChartColors {
  series: [string, string, string, string];
  grid: string;
  text: string;
  ok: string;
  bad: string;
  pending: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    series: [v('--chart-1', '#1677ff'), v('--chart-2', '#e8590c'), v('--chart-3', '#2f9e44'), v('--chart-4', '#ae3ec9')],
    grid: v('--border', '#d9dde3'),
    text: v('--muted', '#5d6670'),
    ok: v('--ok-text', '#17663a'),
    bad: v('--bad-text', '#a11d1d'),
    pending: v('--pending-text', '#1d4fa8'),
  };
}

export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return colors;
}

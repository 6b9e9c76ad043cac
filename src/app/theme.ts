import { createTheme, type MantineColorsTuple } from '@mantine/core';

// The red of the Utrecht coat of arms, in ten shades; shade 8 on white passes WCAG AA for text.
const utrecht: MantineColorsTuple = [
  '#ffe9e9',
  '#ffd1d1',
  '#fba0a0',
  '#f76d6d',
  '#f34141',
  '#f22625',
  '#d81b1b',
  '#c20f14',
  '#a8000d',
  '#8c0009',
];

export const theme = createTheme({
  primaryColor: 'utrecht',
  primaryShade: 8,
  colors: { utrecht },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  // Someone who asked their system for less motion gets notifications and dialogs without
  // slides and fades.
  respectReducedMotion: true,
});

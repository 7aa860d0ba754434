import type { Tone } from '../types.ts';

/** Verdict colours shared by the charts and the .docx/.xlsx cell shading. */
export const TONE_COLOR: Record<Tone, string> = {
  green: '#2f9e5b',
  blue: '#3a6fd8',
  yellow: '#e0a100',
  red: '#d8453b',
  grey: '#9aa0a6',
};

/** Light fills for table cells (text stays black). */
export const TONE_FILL: Record<Tone, string> = {
  green: 'DDF2E4',
  blue: 'DCE7FA',
  yellow: 'FBEFC8',
  red: 'F9DAD7',
  grey: 'ECEDEF',
};

/** Strong text colours for .md badges and .xlsx fonts (hex without #). */
export const TONE_TEXT: Record<Tone, string> = {
  green: '1E7A43',
  blue: '2A55B0',
  yellow: '8A6300',
  red: 'B3261E',
  grey: '5F6368',
};

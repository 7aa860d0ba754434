/** pdf.js ships no types for its worker module; lantu only loads it for its side effect (see pdf-text-layer.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';

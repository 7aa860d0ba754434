/** pdf.js ships no types for its worker module; lantu uses its message handler (see pdf-text-layer.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: object): void };
}

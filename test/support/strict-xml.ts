import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** Parses `xml` as XML 1.0 with a conforming parser; throws on any character or construct XML forbids. */
export function parseStrictXml(xml: string, name = 'document'): { text: string } {
  const parser = new SaxesParser({ xmlns: true });
  let text = '';
  const errors: string[] = [];
  parser.on('error', (e) => {
    errors.push(e.message);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`${name}: ${errors[0]}`);
  return { text };
}

/** Every XML part of an Office file (.docx/.xlsx) parsed strictly; returns all their text, part by part. */
export async function strictOfficeXml(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    parts.set(name, parseStrictXml(xml, name).text);
  }
  return parts;
}

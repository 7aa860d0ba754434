/** A snippet with the matched phrase in <mark>: React escapes the text, nothing is parsed as HTML. */
export function Highlighted({ text, start, end }: { text: string; start: number; end: number }) {
  if (start >= end) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  );
}

/** Splits an answer's text into a few word-aligned pieces for 'text' events. */
export function textChunks(text: string, size = 48): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (current.length + word.length > size && current !== '') {
      out.push(current);
      current = '';
    }
    current += word;
  }
  if (current !== '') out.push(current);
  return out;
}

// A strict check that a text is well-formed XML (as an SVG file must be): one root element,
// every tag closed in order, attributes quoted and unique, only the five predefined entities
// and character references, no control characters. Returns the elements' names in order;
// throws with the offset of the first fault.
const NAME = /^[A-Za-z_:][\w.:-]*/;

export function parseXml(text: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  let k = 0;
  let roots = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at ${k}: ${why}: ${JSON.stringify(text.slice(k, k + 40))}`);
  };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) fail('a control character');
  const checkText = (chunk: string) => {
    for (const m of chunk.matchAll(/&([^;]*);?/g)) {
      if (!m[0].endsWith(';') || !/^(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]))
        fail(`a bad entity ${m[0]}`);
    }
    if (chunk.includes('<')) fail('a stray <');
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('an unclosed declaration');
    k = end + 2;
  }
  while (k < text.length) {
    const lt = text.indexOf('<', k);
    const chunk = lt < 0 ? text.slice(k) : text.slice(k, lt);
    if (open.length === 0 && chunk.trim() !== '') fail('text outside the root');
    checkText(chunk);
    if (lt < 0) break;
    k = lt;
    const gt = text.indexOf('>', k);
    if (gt < 0) fail('an unclosed tag');
    const tag = text.slice(k + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (open.pop() !== name) fail(`</${name}> closes nothing open`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = NAME.exec(body)?.[0];
      if (!name) fail('a tag without a name');
      let rest = body.slice(name!.length);
      const seen = new Set<string>();
      while (rest.trim() !== '') {
        const m = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
        if (!m) fail(`a bad attribute in <${name}>`);
        if (seen.has(m![1])) fail(`attribute ${m![1]} twice`);
        seen.add(m![1]);
        checkText(m![3] ?? m![4] ?? '');
        rest = rest.slice(m![0].length);
      }
      if (open.length === 0) roots++;
      if (roots > 1) fail('a second root element');
      names.push(name!);
      if (!selfClosing) open.push(name!);
    }
    k = gt + 1;
  }
  if (open.length > 0) fail(`<${open[open.length - 1]}> is never closed`);
  if (roots !== 1) fail('no root element');
  return names;
}

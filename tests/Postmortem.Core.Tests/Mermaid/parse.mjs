// Reads a JSON array of Mermaid diagram sources on standard input and prints, as JSON, one result per diagram:
// { "ok": true, "type": "flowchart-v2" } or { "ok": false, "error": "..." }. Mermaid's sanitiser needs a DOM,
// so a jsdom window stands in for the browser.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}

const results = [];
for (const source of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(source);
    results.push({ ok: true, type: parsed.diagramType, config: parsed.config ?? {} });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error).split('\n').slice(0, 4).join('\n') });
  }
}

process.stdout.write(JSON.stringify(results));

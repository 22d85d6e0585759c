// Parses Mermaid diagrams with Mermaid itself (tests/test_export_mermaid.py).
// stdin: a JSON array of diagram texts; stdout: a JSON array of
// {ok, error, title, tasks}, where tasks are Mermaid's own reading of a journey.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ["DOMParser", "Element", "HTMLElement", "Node", "navigator"]) {
  if (!(key in globalThis)) globalThis[key] = dom.window[key];
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    const tasks = db.getTasks ? db.getTasks().map((t) => ({
      section: t.section, task: t.task, score: t.score, people: t.people,
    })) : [];
    const title = db.getDiagramTitle ? db.getDiagramTitle() : null;
    await mermaid.parse(text);
    out.push({ ok: true, error: null, title, tasks });
  } catch (err) {
    out.push({ ok: false, error: String(err && err.message ? err.message : err), title: null, tasks: [] });
  }
}
process.stdout.write(JSON.stringify(out));

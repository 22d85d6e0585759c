"""The inline stylesheet of the HTML export: the canvas shapes and A4-landscape print."""

CSS = """
:root { --ink: #1d2430; --muted: #5b6575; --line: #c9d0db; --accent: #2f6fb3;
  --good: #2e7d4f; --bad: #b3402f; font-family: system-ui, -apple-system, "Segoe UI",
  Roboto, "Noto Sans", sans-serif; color: var(--ink); }
body { margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; line-height: 1.35; }
h1 { margin: 0 0 .2rem; font-size: 1.7rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .5rem; }
h3 { font-size: .95rem; margin: .2rem 0 .3rem; text-transform: uppercase;
  letter-spacing: .04em; color: var(--muted); }
.facts { color: var(--muted); margin: 0 0 .5rem; }
.notes { white-space: normal; max-width: 60rem; }
.canvas { display: flex; align-items: center; gap: 1.2rem; margin: 1rem 0; }
.shape { flex: 1 1 0; aspect-ratio: 1 / 1; border: 2px solid var(--ink); display: flex;
  flex-direction: column; min-width: 0; font-size: .82rem; }
.square { padding: .8rem; }
.circle { border-radius: 50%; padding: 14% 13%; flex-grow: 1.25; }
.shape > h2 { margin: 0 0 .4rem; text-align: center; font-size: 1rem; }
.facing { font-size: 2rem; color: var(--muted); flex: 0 0 auto; }
.parts { display: grid; gap: .5rem; }
.value-map .parts { grid-template-columns: 1fr 1fr;
  grid-template-areas: "products gain_creators" "products pain_relievers"; }
.profile .parts { grid-template-columns: 1fr 1fr;
  grid-template-areas: "gains jobs" "pains jobs"; }
.part { border: 1px dashed var(--line); border-radius: 6px; padding: .35rem .45rem;
  min-width: 0; overflow-wrap: anywhere; }
.part ol { margin: 0; padding-left: 1.3rem; }
.part li { margin: .1rem 0; }
.marks { color: var(--accent); letter-spacing: -.08em; font-size: .75em; }
.id { font-weight: 600; color: var(--muted); font-size: .85em; }
.links { color: var(--muted); font-size: .85em; }
.links a { color: var(--accent); text-decoration: none; }
.empty { color: var(--muted); font-style: italic; }
.fit { display: grid; grid-template-columns: minmax(14rem, 1fr) 2fr; gap: 1rem; }
.bar { display: inline-block; width: 10rem; height: .7rem; background: #e8ecf2;
  vertical-align: middle; margin: 0 .4rem; }
.bar > span { display: block; height: 100%; background: var(--good); }
.verdict { font-weight: 700; }
.curve svg { width: 100%; height: auto; max-height: 18rem; border: 1px solid var(--line); }
th, .journey-table td:nth-child(-n+2), .journey-table td:nth-child(6) { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .82rem; }
th, td { border-bottom: 1px solid var(--line); padding: .2rem .4rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.personas { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  gap: .8rem; }
.persona { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .7rem;
  font-size: .82rem; }
.persona dt { font-weight: 600; margin-top: .3rem; }
.persona dd { margin: 0 0 0 .8rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  .canvas, .persona, .fit, .curve, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .journey-table, .personas-section { break-before: page; }
  a { color: inherit; }
}
"""

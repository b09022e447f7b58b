/** The report page's stylesheet, inlined into report.html. */
export const CSS = `
:root{--fg:#1a1a1a;--muted:#666;--line:#d9d9d9;--bg:#fff;--card:#fafafa;--funnel:#2f6db5;--abandon:#d0802a;--review:#3a9b6b;--bad:#c0392b}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 28px}
header h1{font-size:26px;margin:0 0 4px}
.desc{color:var(--muted);margin:0 0 12px}
.faults{margin:0 0 12px;padding:6px 10px;border-left:3px solid var(--bad);background:#fdf3f2}
dl.meta{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0;padding:12px 16px;border:1px solid var(--line);border-radius:6px;background:var(--card)}
dl.meta dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
dl.meta dd{margin:0;font-size:16px}
section{margin:22px 0;padding:16px 18px;border:1px solid var(--line);border-radius:6px;break-inside:avoid}
h2{font-size:19px;margin:0 0 6px}
h3{font-size:15px;margin:8px 0 6px}
.caption{color:var(--muted);font-size:13px;margin:4px 0 10px}
.muted{color:var(--muted)}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.row{display:flex;gap:22px}.row>section{flex:1;margin:0}
.two{display:grid;grid-template-columns:3fr 2fr;gap:22px;align-items:start}
.two.even{grid-template-columns:1fr 1fr}
.grid3{display:grid;grid-template-columns:repeat(3,1fr);gap:18px;align-items:start}
.bars{display:grid;gap:6px}
.bars{grid-template-columns:max-content 1fr max-content;gap:6px 10px;align-items:center}
.bar-row{display:contents}
.bar-label{text-align:right;font-size:14px}
.bar-track{background:#eef0f3;height:22px;border-radius:3px;overflow:hidden}
.bar{height:100%}
.c-funnel{background:var(--funnel)}.c-abandon{background:var(--abandon)}
.bar-value{font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}
th{background:#f1f3f6;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.tiles{display:flex;gap:14px;margin:6px 0 12px}
.tile{flex:1;padding:10px 14px;border:1px solid var(--line);border-radius:6px;background:var(--card)}
.tile-v{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums}
.tile-k{font-size:13px;color:var(--muted)}
.tile.good .tile-v{color:var(--review)}.tile.bad .tile-v{color:var(--bad)}
svg.wait{max-width:100%;height:auto}
svg .grid{stroke:#e3e3e3}svg .tick,svg .axis{font-size:12px;fill:#555}svg .lbl{font-size:13px;fill:#222}
svg .val{font-size:13px;fill:#222;font-weight:600}
svg .c-review{fill:var(--review)}svg .c-bad{fill:var(--bad)}
svg .sla{stroke:var(--bad);stroke-width:2;stroke-dasharray:6 4}svg .sla-t{font-size:12px;fill:var(--bad);font-weight:600}
.chart{min-height:200px}
.uplot{font-family:inherit}
footer{color:var(--muted);font-size:12px;margin:20px 0}
@media print{main{max-width:none;padding:0}section{border-color:#bbb}}
`;

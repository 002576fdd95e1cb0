/** Inline styles of the memo: sized for one A4/Letter landscape-ish page, and for screens. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;font:12px/1.45 "DejaVu Sans","Liberation Sans",system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933}
.page{width:940px;margin:16px auto;background:#fff;padding:22px 26px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid #0f766e;padding-bottom:6px;margin-bottom:12px}
h1{font-size:20px;margin:0}h2{font-size:13px;margin:0 0 6px;color:#0f766e;text-transform:uppercase;letter-spacing:.04em}
.brand{font-weight:700;color:#0f766e}.muted{color:#6b7280;margin:2px 0 0}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin-bottom:12px}
.tile{border:1px solid #e5e7eb;border-radius:6px;padding:6px 9px}
.tile .label{color:#6b7280;font-size:11px}.tile .value{font-size:17px;font-weight:700;white-space:nowrap}
.tile .prev{color:#9ca3af;font-size:10px}
.change{font-size:11px;font-weight:600}.change.good{color:#047857}.change.bad{color:#b91c1c}.change.flat{color:#6b7280;font-weight:400}
.insights{background:#f0fdfa;border-left:3px solid #0f766e;padding:8px 12px;margin-bottom:12px}
.insights ol{margin:0;padding-left:18px}.insights li{margin:2px 0}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:10px 20px;margin-bottom:10px}
.chart{margin:0;min-height:220px}.chart svg{display:block;width:440px;height:220px}
.chart.empty{border:1px dashed #d1d5db;border-radius:6px;padding:10px;color:#6b7280}
.chart figcaption{font-weight:700;color:#1f2933}
.tables{display:flex;gap:20px;margin-bottom:10px}.half{flex:1;min-width:0}
table{border-collapse:collapse;width:100%;font-size:11px}th,td{padding:3px 6px;border-bottom:1px solid #e5e7eb;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:180px}
th{color:#6b7280;font-weight:600}.num{text-align:right}
.quality p{margin:0 0 4px}.quality ul{margin:0;padding-left:18px}
.stamp{margin-top:10px;padding-top:6px;border-top:1px solid #e5e7eb;color:#6b7280;font-size:10px}
code{font-family:"DejaVu Sans Mono",ui-monospace,monospace}
@media print{body{background:#fff}.page{margin:0;box-shadow:none;width:auto}@page{size:A4 landscape;margin:10mm}}
`;

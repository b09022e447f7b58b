/** Browser side: draws the hourly charts with uPlot from the inlined data. */
export const CLIENT = `
(function(){
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var fmt = function(v){ return v == null ? '–' : Math.round(v).toString().replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); };
  var tz = function(ts){ return uPlot.tzDate(new Date(ts * 1e3), 'Asia/Shanghai'); };
  function width(id){ var el = document.getElementById(id); return Math.max(320, el.clientWidth || 1100); }
  var INT = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];
  function axes(yLabel, log){
    return [
      { label: D.L.time, labelSize: 22, stroke: '#333', grid: { stroke: '#eee' } },
      { label: yLabel, labelSize: 24, size: 70, stroke: '#333', grid: { stroke: '#eee' },
        incrs: log ? undefined : INT, values: function(u, vals){ return vals.map(fmt); },
        splits: log ? function(u, i, min, max){ var out = []; for (var p = 1; p <= Math.max(max, 10); p *= 10) out.push(p); return out; } : undefined }
    ];
  }
  // The injected outages, shaded behind the series.
  function shade(u){
    var ctx = u.ctx; ctx.save(); ctx.fillStyle = 'rgba(192,57,43,0.25)';
    D.outages.forEach(function(w){
      var x0 = u.valToPos(w[0], 'x', true), x1 = u.valToPos(w[1], 'x', true);
      ctx.fillRect(x0, u.bbox.top, Math.max(4, x1 - x0), u.bbox.height);
    });
    ctx.restore();
  }
  function draw(id, series, data, yLabel, opts){
    var el = document.getElementById(id); if (!el) return;
    var o = { width: width(id), height: (opts && opts.height) || 280, tzDate: tz, series: [{ label: D.L.time }].concat(series),
      axes: axes(yLabel, opts && opts.log), scales: { x: { time: true } }, legend: { live: false }, cursor: { show: true },
      hooks: { drawAxes: [shade] } };
    if (opts && opts.log) o.scales.y = { distr: 3, log: 10 };
    if (opts && opts.range) o.scales.y = Object.assign(o.scales.y || {}, { range: opts.range });
    new uPlot(o, [D.t].concat(data), el);
  }
  var nz = function(a){ return a.map(function(v){ return v > 0 ? v : null; }); };
  var load = [
    { label: D.L.requests, stroke: '#2f6db5', width: 1.5, fill: 'rgba(47,109,181,0.08)' },
    { label: D.L.arrivals, stroke: '#d0802a', width: 1.5 }
  ];
  var loadData = [nz(D.requests), nz(D.arrivals)];
  // Retries, and what the servers turned away, are part of the load: drawn when there were any.
  [[D.retries, D.L.retries, '#8e44ad'], [D.busy, D.L.busy, '#c0392b'], [D.timeouts, D.L.timeouts, '#16a085']].forEach(function(s){
    if (s[0].some(function(v){ return v > 0; })) { load.push({ label: s[1], stroke: s[2], width: 1.5 }); loadData.push(nz(s[0])); }
  });
  if (D.capacity) { load.push({ label: D.L.capacity, stroke: '#c0392b', width: 2, dash: [8, 5] }); loadData.push(D.t.map(function(){ return D.capacity; })); }
  draw('chart-load', load, loadData, D.L.loadAxis, { log: true, height: 320 });
  // A backend's hourly use against its capacity (SMS gateway, registry).
  function backend(id, values, label, capacity, capacityLabel, axis){
    var series = [{ label: label, stroke: '#7b4fb0', width: 1.5, fill: 'rgba(123,79,176,0.10)' }], data = [values];
    // Against the capacity the scale is logarithmic, or a small load would lie flat on the axis.
    if (capacity) { series.push({ label: capacityLabel, stroke: '#c0392b', width: 2, dash: [8, 5] }); data = [nz(values), D.t.map(function(){ return capacity; })]; }
    draw(id, series, data, axis, capacity ? { height: 240, log: true } : { height: 220, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
  }
  backend('chart-sms', D.sms, D.L.sms, D.smsGateway, D.L.smsGateway, D.L.smsAxis);
  backend('chart-registry', D.registry, D.L.registryAxis, D.registryCapacity, D.L.registryCapacity, D.L.registryAxis);
  var upTo = function(top){ return function(u, min, max){ return [0, Math.max(top, Math.ceil(max * 1.1))]; }; };
  draw('chart-servers', [{ label: D.L.utilisationAxis, stroke: '#2f6db5', width: 1.5, fill: 'rgba(47,109,181,0.10)' }], [D.utilisation], D.L.utilisationAxis, { height: 220, range: function(){ return [0, 100]; } });
  draw('chart-queue', [{ label: D.L.queueAxis, stroke: '#c0392b', width: 1.5, fill: 'rgba(192,57,43,0.10)' }], [D.queue], D.L.queueAxis, { height: 220, range: upTo(1) });
  draw('chart-latency', [{ label: D.L.latencyAxis, stroke: '#2f6db5', width: 1.5 }], [nz(D.latency)], D.L.latencyAxis, { height: 220 });
  var stepped = function(){ return uPlot.paths.stepped({ align: 1 }); };
  draw('chart-desks', [
    { label: D.L.confirmationBacklog, stroke: '#2f6db5', width: 1.5, fill: 'rgba(47,109,181,0.10)', paths: stepped() },
    { label: D.L.approvalBacklog, stroke: '#d0802a', width: 1.5, paths: stepped() }
  ], [D.confirmationBacklog, D.approvalBacklog], D.L.desksAxis, { height: 260, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
  draw('chart-backlog', [{ label: D.L.backlog, stroke: '#3a9b6b', width: 1.5, fill: 'rgba(58,155,107,0.15)', paths: stepped() }], [D.backlog], D.L.backlogAxis, { height: 240, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
})();
`;

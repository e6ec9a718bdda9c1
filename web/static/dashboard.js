// Draws the dashboard's charts from the counts the page carries, labelled
// in the page's language; each bar opens the search filtered to it.
// Without this script the tables below each chart carry the same counts
// and links.
"use strict";
(function () {
  var el = document.getElementById("charts-data");
  if (!el || !window.echarts) return;
  var charts = {};
  JSON.parse(el.textContent).forEach(function (c) { charts[c.id] = c.rows || []; });
  document.querySelectorAll(".chart[data-dim]").forEach(function (node) {
    var rows = charts[node.dataset.dim];
    if (!rows) return;
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption({
      animation: false, // draw at once: for readers who dislike motion, and for screenshots
      aria: { enabled: true },
      grid: { left: 10, right: 20, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, axisLabel: { interval: 0 }, data: rows.map(function (r) { return r.label; }) },
      series: [{ type: "bar", data: rows.map(function (r) { return r.count; }), itemStyle: { color: "#0b5cad" } }],
      tooltip: {}
    });
    chart.on("click", function (p) { window.location.href = rows[p.dataIndex].link; });
    window.addEventListener("resize", function () { chart.resize(); });
    node.dataset.ready = "true";
  });
})();

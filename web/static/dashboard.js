// Draws the dashboard's charts from the counts the page carries; each bar
// opens the search filtered to it. Without this script the tables below
// each chart carry the same counts and links.
"use strict";
(function () {
  var el = document.getElementById("stats");
  if (!el || !window.echarts) return;
  var stats = JSON.parse(el.textContent);
  var dims = {
    area: { rows: stats.by_area || [], link: function (k) { return "/search?type=commitment&area=" + encodeURIComponent(k); } },
    party: { rows: stats.by_party || [], link: function (k) { return "/search?type=commitment&party=" + encodeURIComponent(k); } },
    strength: { rows: stats.by_strength || [], link: function (k) { return "/search?type=commitment&strength=" + encodeURIComponent(k); } },
    year: { rows: stats.by_year || [], link: function (k) { return "/search?type=commitment&from=" + k + "-01-01&to=" + k + "-12-31"; } }
  };
  document.querySelectorAll(".chart[data-dim]").forEach(function (node) {
    var d = dims[node.dataset.dim];
    if (!d) return;
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption({
      animation: false, // draw at once: for readers who dislike motion, and for screenshots
      aria: { enabled: true },
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, axisLabel: { interval: 0 }, data: d.rows.map(function (r) { return r.key; }) },
      series: [{ type: "bar", data: d.rows.map(function (r) { return r.count; }), itemStyle: { color: "#0b5cad" } }],
      tooltip: {}
    });
    chart.on("click", function (p) { window.location.href = d.link(p.name); });
    node.dataset.ready = "true";
  });
})();

// Draws the dashboard's charts from the numbers the page carries, labelled
// in the page's language; each bar opens the list filtered to it. Without
// this script the table under each chart carries the same numbers and
// links.
"use strict";
(function () {
  var el = document.getElementById("charts-data");
  if (!el || !window.echarts) return;
  var data = JSON.parse(el.textContent);
  var rowsOf = {};
  (data.charts || []).forEach(function (c) { rowsOf[c.id] = c.rows || []; });

  function draw(node, option, rows) {
    var chart = echarts.init(node, null, { renderer: "svg" });
    option.animation = false; // draw at once: for readers who dislike motion, and for screenshots
    option.aria = { enabled: true };
    chart.setOption(option);
    if (rows) chart.on("click", function (p) { if (rows[p.dataIndex]) window.location.href = rows[p.dataIndex].link; });
    window.addEventListener("resize", function () { chart.resize(); });
    node.dataset.ready = "true";
    return chart;
  }

  // Counts by a dimension (and by status, each status in its colour).
  document.querySelectorAll(".chart[data-dim]").forEach(function (node) {
    var rows = rowsOf[node.dataset.dim];
    if (!rows) return;
    draw(node, {
      grid: { left: 10, right: 20, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, axisLabel: { interval: 0 }, data: rows.map(function (r) { return r.label; }) },
      series: [{ type: "bar", data: rows.map(function (r) {
        return r.color ? { value: r.count, itemStyle: { color: r.color } } : r.count;
      }), itemStyle: { color: "#0b5cad" } }],
      tooltip: {}
    }, rows);
  });

  // The compliance score on the G7/G20 scale, −1 to +1.
  var gauge = document.querySelector(".chart[data-kind=gauge]");
  if (gauge) {
    var score = data.compliance;
    draw(gauge, {
      series: [{
        type: "gauge", min: -1, max: 1, splitNumber: 4, radius: "90%",
        axisLine: { lineStyle: { width: 14, color: [[0.25, "#b71c1c"], [0.5, "#d9622b"], [0.75, "#8fbf5a"], [1, "#2e7d32"]] } },
        pointer: { show: score !== null },
        axisLabel: { formatter: function (v) { return v > 0 ? "+" + v : String(v); } },
        detail: { valueAnimation: false, fontSize: 22, offsetCenter: [0, "70%"],
          formatter: function (v) { return score === null ? data.words.none : (v > 0 ? "+" : "") + v.toFixed(2); } },
        title: { show: false },
        data: [{ value: score === null ? 0 : score, name: data.words.compliance }]
      }]
    });
  }

  // Change over time: pairs per status at the end of each month, stacked,
  // with the compliance score as a line.
  var time = document.querySelector(".chart[data-kind=timeline]");
  if (time && data.months && data.months.length) {
    var months = data.months.map(function (m) { return m.month; });
    var series = data.statuses.map(function (st, i) {
      return { name: st.label, type: "bar", stack: "pairs", barMaxWidth: 48, itemStyle: { color: st.color },
        data: data.months.map(function (m) { return m.counts[i]; }) };
    });
    series.push({ name: data.words.compliance, type: "line", yAxisIndex: 1, itemStyle: { color: "#222" },
      data: data.months.map(function (m) { return m.compliance === "" ? null : Number(m.compliance); }) });
    draw(time, {
      legend: { top: 0, type: "scroll" },
      grid: { left: 10, right: 10, top: 40, bottom: 20, containLabel: true },
      xAxis: { type: "category", data: months },
      yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: -1, max: 1 }],
      series: series,
      tooltip: { trigger: "axis" }
    });
  }
})();

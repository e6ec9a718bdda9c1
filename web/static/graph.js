// Draws a citation graph from the nodes and links the page carries:
// documents (blue, the page's own in dark), instruments not in the library
// (grey), an arrow from each citing document to what it cites. Each node
// opens its page. Without this script the tables under the graph carry the
// same citations and links.
"use strict";
(function () {
  var el = document.getElementById("graph-data");
  var node = document.getElementById("graph");
  if (!el || !node || !window.echarts) return;
  var data = JSON.parse(el.textContent);
  if (!data.nodes || !data.nodes.length) { node.hidden = true; return; }
  var colors = ["#0b5cad", "#8a8f98", "#12355b"];
  var short = function (s) { return s.length > 24 ? s.slice(0, 23) + "…" : s; };
  var chart = echarts.init(node, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { formatter: function (p) { return p.dataType === "node" ? echarts.format.encodeHTML(p.data.full + (p.data.detail ? " · " + p.data.detail : "")) : ""; } },
    series: [{
      type: "graph",
      layout: "force",
      roam: true,
      draggable: true,
      force: { repulsion: 260, edgeLength: [80, 160], gravity: 0.08, layoutAnimation: false },
      edgeSymbol: ["none", "arrow"],
      edgeSymbolSize: 8,
      label: { show: true, position: "right", fontSize: 11 },
      lineStyle: { color: "#9aa4b1", width: 1.2, curveness: 0.1 },
      data: data.nodes.map(function (n) {
        return { id: n.id, name: short(n.name), full: n.name, detail: n.detail, href: n.href,
          symbolSize: n.category === 2 ? 22 : (n.category === 1 ? 12 : 16),
          itemStyle: { color: colors[n.category] || colors[0] } };
      }),
      links: data.links.map(function (l) { return { source: l.source, target: l.target }; })
    }]
  });
  chart.on("click", function (p) { if (p.dataType === "node" && p.data.href) window.location.href = p.data.href; });
  window.addEventListener("resize", function () { chart.resize(); });
  node.dataset.ready = "true";
})();

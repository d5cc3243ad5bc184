/* Leaders' dashboard: four ECharts charts; a click on any mark opens the list behind it. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var font = '"Duban Sans CJK SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var charts = [];
  var options = [];

  function make(id, option, onClick) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: "canvas", locale: "ZH" });
    option.textStyle = { fontFamily: font };
    // containLabel sizes the grid by the axis labels' own font, which does not inherit
    // textStyle: without it labels are measured in sans-serif and drawn wider, cut off.
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
      axis.axisLabel = Object.assign({ fontFamily: font }, axis.axisLabel);
    });
    option.animation = false;
    chart.setOption(option);
    options.push(option);
    chart.on("click", function (params) {
      var url = onClick(params);
      if (url) { window.location.href = url; }
    });
    el.style.cursor = "pointer";
    charts.push(chart);
    // The card's width changes with the layout (phone/desktop, rotation), not only with the window.
    if (window.ResizeObserver) { new ResizeObserver(function () { chart.resize(); }).observe(el); }
  }

  function drawAll() {
    var c = data.completion;
    make("chart-completion", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: c.labels, inverse: true },
      series: [
        { name: "已销号", type: "bar", stack: "all", data: c.closed, itemStyle: { color: "#8c8c8c" } },
        { name: "推进中", type: "bar", stack: "all", data: c.open, itemStyle: { color: "#2e8b57" } },
        { name: "逾期", type: "bar", stack: "all", data: c.overdue, itemStyle: { color: "#c62828" } }
      ]
    }, function (p) {
      var key = { "已销号": "closed", "推进中": "open", "逾期": "overdue" }[p.seriesName];
      return key ? c.links[key][p.dataIndex] : null;
    });

    var u = data.overdue_units;
    make("chart-units", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: u.labels, inverse: true },
      series: [{ name: "逾期", type: "bar", data: u.values, itemStyle: { color: "#c62828" },
                 label: { show: true, position: "right" } }]
    }, function (p) { return u.links[p.dataIndex]; });

    var g = data.progress;
    make("chart-progress", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: g.labels, boundaryGap: false },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "累计应完成", type: "line", data: g.due, itemStyle: { color: "#b26a00" }, symbolSize: 8 },
        { name: "累计已销号", type: "line", data: g.closed, itemStyle: { color: "#1565c0" }, areaStyle: { opacity: 0.15 }, symbolSize: 8 }
      ]
    }, function (p) { return g.links[p.dataIndex]; });

    var d = data.deadlines;
    make("chart-calendar", {
      tooltip: { formatter: function (p) { return p.value[0] + ":" + p.value[1] + " 项到期"; } },
      visualMap: { show: false, min: 0, max: d.max, inRange: { color: ["#fff3e0", "#e65100"] } },
      calendar: { range: d.range, cellSize: ["auto", "auto"], left: 36, right: 12, top: 28, bottom: 12,
                  dayLabel: { nameMap: "ZH", firstDay: 1 }, monthLabel: { nameMap: "ZH" }, yearLabel: { show: false } },
      series: [{ type: "heatmap", coordinateSystem: "calendar", data: d.days,
                 label: { show: true, formatter: function (p) { return p.value[1]; } } }]
    }, function (p) { return p.value ? d.link.split("DAY").join(p.value[0]) : null; });

  }

  window.addEventListener("resize", function () { charts.forEach(function (ch) { ch.resize(); }); });
  // Draw once the shipped CJK font (duban.css) has loaded: a canvas keeps the font it resolved
  // when text was first measured, so charts drawn earlier show boxes and lay out axis labels
  // and legends by the fallback's widths (cut off and overlapping once the real face arrives).
  if (document.fonts && document.fonts.load) {
    document.fonts.load('16px "Duban Sans CJK SC"', "督办").then(drawAll, drawAll);
  } else {
    drawAll();
  }
})();

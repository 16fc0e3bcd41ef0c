/* Batch overview: sort the report table by any column, filter it by text.
   The table reads fully without it (in input order). */
(function () {
  "use strict";
  var table = document.querySelector("table.sortable");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  if (rows.length < 2) { return; }
  var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-key]"));
  var collator = new Intl.Collator("zh-CN", { numeric: true });

  function value(row, key, type) {
    var v = row.getAttribute("data-" + key);
    if (v === null || v === "") { return null; }
    return type === "num" ? parseFloat(v) : v;
  }

  function sortBy(th, dir) {
    var key = th.getAttribute("data-key"), type = th.getAttribute("data-type");
    var sorted = rows.slice().sort(function (a, b) {
      var x = value(a, key, type), y = value(b, key, type);
      if (x === null && y === null) { return value(a, "number", "num") - value(b, "number", "num"); }
      if (x === null) { return 1; }   /* missing values (unreadable inputs) always last */
      if (y === null) { return -1; }
      var c = type === "num" ? x - y : collator.compare(x, y);
      if (c === 0) { return value(a, "number", "num") - value(b, "number", "num"); }
      return dir === "ascending" ? c : -c;
    });
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    sorted.forEach(function (r) { body.appendChild(r); });
  }

  heads.forEach(function (th) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sort";
    while (th.firstChild) { b.appendChild(th.firstChild); }
    th.appendChild(b);
    b.title = "按" + b.textContent + "排序";
    b.addEventListener("click", function () {
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortBy(th, next);
    });
  });

  var bar = document.createElement("div");
  bar.className = "filters";
  var label = document.createElement("label");
  label.textContent = "筛选：";
  var input = document.createElement("input");
  input.type = "search";
  input.placeholder = "输入文件名、发文机关或结论";
  label.appendChild(input);
  var shown = document.createElement("output");
  bar.appendChild(label);
  bar.appendChild(shown);
  var holder = table.parentNode;
  holder.parentNode.insertBefore(bar, holder);

  function filter() {
    var q = input.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var ok = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = "显示 " + n + " / " + rows.length + " 份";
  }
  input.addEventListener("input", filter);
  filter();
})();

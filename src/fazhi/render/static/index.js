/* Batch overview: sort the report table by any column, filter it by text, and
   show a long table a page of rows at a time (the table's data-page), since a
   browser takes seconds to lay out the ten thousand rows of a province's batch
   on every sort. The table reads fully without it (in input order, every row).
   This script stands in the page's head: it marks the page at once, so that
   the rows after the first page (class "later") are not laid out while the
   page loads (index.css), and sets the table up when the page is parsed. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUp() {
    var table = document.querySelector("table.sortable");
    if (!table) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);  /* in input order */
    var size = parseInt(table.getAttribute("data-page"), 10) || rows.length;
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-key]"));
    var collator = new Intl.Collator("zh-CN", { numeric: true });
    var all = rows.map(function (r, i) { return i; });
    var order = all;    /* indexes into rows, in the current sort order */
    var matches = all;  /* those the filter lets through, in that order */
    var first = 0;      /* the place in matches of the first row shown */
    var shown = [];     /* the rows shown now */
    var columns = {};   /* each row's value, by column key, read once */
    var texts = null;   /* each row's text in lower case, read on the first filter */

    function column(key, type) {
      if (!columns[key]) {
        columns[key] = rows.map(function (r) {
          var v = r.getAttribute("data-" + key);
          if (v === null || v === "") { return null; }
          return type === "num" ? parseFloat(v) : v;
        });
      }
      return columns[key];
    }

    function sortBy(th, dir) {
      var type = th.getAttribute("data-type");
      var values = column(th.getAttribute("data-key"), type);
      var number = column("number", "num");
      order = all.slice().sort(function (a, b) {
        var x = values[a], y = values[b];
        if (x === null && y === null) { return number[a] - number[b]; }
        if (x === null) { return 1; }   /* missing values (unreadable inputs) always last */
        if (y === null) { return -1; }
        var c = type === "num" ? x - y : collator.compare(x, y);
        if (c === 0) { return number[a] - number[b]; }
        return dir === "ascending" ? c : -c;
      });
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir);
      filter();
    }

    /* The rows of matches from first on, a page of them, at the top of the table
       in order; the rows shown before are hidden. */
    function show() {
      var next = matches.slice(first, first + size).map(function (i) { return rows[i]; });
      shown.forEach(function (r) { r.hidden = true; });
      var frag = document.createDocumentFragment();
      next.forEach(function (r) { r.hidden = false; frag.appendChild(r); });
      body.insertBefore(frag, body.firstChild);
      shown = next;
      var n = matches.length;
      count.textContent = "显示 " + n + " / " + rows.length + " 份" +
        (n > size ? "，本页第 " + (first + 1) + "–" + (first + next.length) + " 份" : "");
      pager.hidden = n <= size;
      back.disabled = first === 0;
      more.disabled = first + size >= n;
    }

    function filter() {
      var q = input.value.trim().toLowerCase();
      if (q && texts === null) {
        texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      }
      matches = q ? order.filter(function (i) { return texts[i].indexOf(q) >= 0; }) : order;
      first = 0;
      show();
    }

    function turn(by) {
      first = Math.max(0, first + by * size);
      show();
      bar.scrollIntoView();  /* the new page from its top (index.css keeps it below the menu) */
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
    var count = document.createElement("output");
    bar.appendChild(label);
    bar.appendChild(count);
    var holder = table.parentNode;
    holder.parentNode.insertBefore(bar, holder);

    var pager = document.createElement("div");
    pager.className = "pager";
    var back = document.createElement("button");
    back.type = "button";
    back.textContent = "← 上一页";
    back.addEventListener("click", function () { turn(-1); });
    var more = document.createElement("button");
    more.type = "button";
    more.textContent = "下一页 →";
    more.addEventListener("click", function () { turn(1); });
    pager.appendChild(back);
    pager.appendChild(more);
    holder.parentNode.insertBefore(pager, holder.nextSibling);

    /* From here on the script shows and hides rows itself. */
    rows.forEach(function (r, i) { if (i >= size) { r.hidden = true; } });
    shown = rows.slice(0, size);
    table.classList.add("ready");
    input.addEventListener("input", filter);
    filter();
  }

  /* Should setting up fail (an old browser), show every row as without scripts. */
  function safely() {
    try {
      setUp();
    } catch (e) {
      document.documentElement.classList.remove("js");
      throw e;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", safely);
  } else {
    safely();
  }
})();

/* Scorecard: optional filtering of the gap list; open collapsed parts when a
   link points into them and when printing. The page reads fully without it. */
(function () {
  "use strict";

  function openAround(el) {
    for (var d = el; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") { d.open = true; }
    }
  }

  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (el) { openAround(el); el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", followHash);
  if (location.hash) { followHash(); }

  var reopened = [];
  window.addEventListener("beforeprint", function () {
    reopened = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true; reopened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });

  var list = document.querySelector("#gaps .gap-list");
  if (!list) { return; }
  var cards = Array.prototype.slice.call(list.querySelectorAll(".rule"));
  if (cards.length < 2) { return; }

  function choices(attr, labelSel) {
    var seen = {}, out = [];
    cards.forEach(function (c) {
      var key = c.getAttribute(attr);
      if (!seen[key]) {
        seen[key] = true;
        var parts = Array.prototype.map.call(c.querySelector(labelSel).childNodes,
          function (n) { return n.textContent.trim(); });
        out.push({ key: key, label: parts.join(" ").trim() });
      }
    });
    return out;
  }

  var bar = document.createElement("div");
  bar.className = "filters";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "筛选问题");
  var boxes = [];

  function group(title, attr, items) {
    var fs = document.createElement("fieldset");
    var lg = document.createElement("legend");
    lg.textContent = title;
    fs.appendChild(lg);
    items.forEach(function (it) {
      var lab = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-attr", attr);
      box.value = it.key;
      box.addEventListener("change", apply);
      lab.appendChild(box);
      lab.appendChild(document.createTextNode(" " + it.label));
      fs.appendChild(lab);
      boxes.push(box);
    });
    bar.appendChild(fs);
  }

  var shown = document.createElement("output");

  function apply() {
    var allowed = {};
    boxes.forEach(function (b) {
      allowed[b.getAttribute("data-attr") + "=" + b.value] = b.checked;
    });
    var n = 0;
    cards.forEach(function (c) {
      var ok = allowed["data-status=" + c.getAttribute("data-status")] &&
               allowed["data-severity=" + c.getAttribute("data-severity")];
      c.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = "显示 " + n + " / " + cards.length + " 项";
  }

  group("状态：", "data-status", choices("data-status", ".badge"));
  group("级别：", "data-severity", choices("data-severity", ".sev"));
  bar.appendChild(shown);
  list.parentNode.insertBefore(bar, list);
  apply();
})();

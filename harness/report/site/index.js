// Sorting by clicking a column header and filtering by a text box; no
// network, no libraries, works from file://.
(function () {
  var table = document.getElementById("catalogue");
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  function key(row, i, numeric) {
    var cell = row.cells[i];
    var v = cell.getAttribute("data-sort");
    if (v === null) v = cell.textContent.trim();
    return numeric ? parseFloat(v) : v.toLowerCase();
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.classList.add("sortable");
    th.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i, numeric), y = key(b, i, numeric);
        var c = x < y ? -1 : x > y ? 1 : 0;
        if (c === 0) c = key(a, 0, false) < key(b, 0, false) ? -1 : 1;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var hit = q === "" || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = n + " of " + body.rows.length + " papers shown";
  }
  filter.addEventListener("input", apply);
  apply();
})();

// Hand-written: the unit filter of the figures page (figures/index.md). Rows whose
// "Unit" cell differs from the chosen unit are hidden; works offline, no library.
(function () {
  function setUp() {
    var select = document.getElementById("figure-unit");
    if (!select || select.dataset.ready) return;
    select.dataset.ready = "1";
    var table = document.querySelector(".md-typeset table");
    if (!table) return;
    var column = Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim() === "Unit";
    });
    select.addEventListener("change", function () {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var unit = row.cells[column].textContent.trim();
        row.hidden = select.value !== "" && unit !== select.value;
      });
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();

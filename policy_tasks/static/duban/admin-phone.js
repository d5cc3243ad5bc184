// Labels each cell of the admin's tables with its column's heading, which admin-phone.css shows
// in front of the cell when the rows stack into cards on a phone.
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("#result_list, .inline-group .tabular table")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        if (headings[i] && !cell.classList.contains("action-checkbox")) cell.dataset.label = headings[i];
      });
    }
  }
});

// Meetings: reorder agenda items by dragging (the "Move up/down" buttons do the same by keyboard),
// and keep focus on a moved item's button after htmx swaps the agenda in.
(function () {
  "use strict";

  function sendOrder(list) {
    const form = document.getElementById("agenda-order");
    if (!form || !window.htmx) {
      return;
    }
    form.querySelectorAll("input[name=item]").forEach((input) => input.remove());
    list.querySelectorAll("[data-item]").forEach((row) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "item";
      input.value = row.dataset.item;
      form.appendChild(input);
    });
    window.htmx.trigger(form, "submit");
  }

  function enableDragging(root) {
    root.querySelectorAll("[data-agenda-sortable]").forEach((list) => {
      if (list.dataset.sortableReady) {
        return;
      }
      list.dataset.sortableReady = "true";
      let dragged = null;
      list.querySelectorAll("[data-item]").forEach((row) => {
        // Only the handle is draggable, so text in the item can still be selected.
        const handle = row.querySelector(".rt-agenda__handle");
        if (handle) {
          handle.setAttribute("draggable", "true");
          handle.addEventListener("dragstart", (event) => {
            dragged = row;
            row.classList.add("rt-agenda__item--dragging");
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", row.dataset.item);
          });
          handle.addEventListener("dragend", () => {
            row.classList.remove("rt-agenda__item--dragging");
            list.querySelectorAll(".rt-agenda__item--over").forEach((r) => r.classList.remove("rt-agenda__item--over"));
          });
        }
        row.addEventListener("dragover", (event) => {
          if (dragged && dragged !== row) {
            event.preventDefault();
            row.classList.add("rt-agenda__item--over");
          }
        });
        row.addEventListener("dragleave", () => row.classList.remove("rt-agenda__item--over"));
        row.addEventListener("drop", (event) => {
          event.preventDefault();
          row.classList.remove("rt-agenda__item--over");
          if (!dragged || dragged === row) {
            return;
          }
          const rows = Array.from(list.querySelectorAll("[data-item]"));
          const after = rows.indexOf(dragged) < rows.indexOf(row);
          row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
          sendOrder(list);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => enableDragging(document));
  document.body.addEventListener("htmx:afterSettle", (event) => enableDragging(event.detail.elt || document));
  document.body.addEventListener("agendaMoved", (event) => {
    const detail = event.detail || {};
    const other = detail.direction === "up" ? "down" : "up";
    const button =
      document.querySelector(`[data-move="${detail.item}-${detail.direction}"]:not([disabled])`) ||
      document.querySelector(`[data-move="${detail.item}-${other}"]`);
    if (button) {
      button.focus();
    }
  });
})();

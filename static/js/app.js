// Progressive enhancement only: every page works without this file.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// After htmx swaps in a fragment, start GOV.UK components inside it and move focus
// to an element that asks for it, so keyboard and screen-reader users follow the change.
document.body.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail.elt;
  if (target && target.querySelectorAll) {
    initAll({ scope: target });
    const focus = target.querySelector("[data-focus-after-swap]");
    if (focus) {
      focus.focus();
    }
  }
});

// Confirmation before anything is ended or removed, for buttons that carry a message.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = button && button.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A wide table the page did not put in a scroll box gets one, so the page never scrolls sideways.
// The box is a labelled region that takes focus, so keyboard users can scroll it too.
function boxWideTables(scope) {
  scope.querySelectorAll("table").forEach((table) => {
    if (table.closest(".rt-table-scroll") || table.offsetWidth <= table.parentElement.clientWidth) {
      return;
    }
    const box = document.createElement("div");
    box.className = "rt-table-scroll";
    box.setAttribute("role", "region");
    box.tabIndex = 0;
    const caption = table.caption ? table.caption.textContent.trim() : "";
    box.setAttribute("aria-label", caption || table.getAttribute("aria-label") || "Table");
    table.parentElement.insertBefore(box, table);
    box.appendChild(table);
  });
}
boxWideTables(document);
document.body.addEventListener("htmx:afterSettle", (event) => {
  if (event.detail.elt && event.detail.elt.querySelectorAll) {
    boxWideTables(event.detail.elt);
  }
});

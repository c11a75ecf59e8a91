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

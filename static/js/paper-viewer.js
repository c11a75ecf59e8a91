// The paper viewer: PDF.js draws each page with its text, so a reader can select a passage and note it.
// The notes and the form to add one are ordinary HTML below the viewer; this only fills the form in
// from a selection and marks the passages already noted. Without it, the page is a plain form.

const CONTEXT = 60;

function squash(text) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

function pageOf(node) {
  const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  return element ? element.closest("[data-page]") : null;
}

// The words just before and after the passage on its page, so it can be found again in a new version.
function context(pageElement, quote) {
  const text = pageElement.querySelector(".textLayer").textContent.replace(/\s+/g, " ");
  const at = text.indexOf(quote);
  if (at < 0) {
    return { prefix: "", suffix: "" };
  }
  return {
    prefix: text.slice(Math.max(0, at - CONTEXT), at),
    suffix: text.slice(at + quote.length, at + quote.length + CONTEXT),
  };
}

// Mark the text spans of a page that a noted passage covers.
function mark(pageElement, quote, noteId) {
  const spans = Array.from(pageElement.querySelectorAll(".textLayer span"));
  const starts = [];
  let joined = "";
  spans.forEach((span) => {
    starts.push(joined.length);
    joined += squash(span.textContent);
  });
  const wanted = squash(quote);
  const at = wanted ? joined.indexOf(wanted) : -1;
  if (at < 0) {
    return false;
  }
  spans.forEach((span, index) => {
    const start = starts[index];
    const end = start + squash(span.textContent).length;
    if (end > at && start < at + wanted.length) {
      span.classList.add("rt-highlight");
      span.dataset.note = noteId;
    }
  });
  return true;
}

async function renderPage(pdfjs, pdf, number, pages, width) {
  const page = await pdf.getPage(number);
  const unscaled = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / unscaled.width });
  const wrapper = document.createElement("div");
  wrapper.className = "rt-viewer__page";
  wrapper.dataset.page = String(number);
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", `Page ${number}`);
  wrapper.style.width = `${viewport.width}px`;
  wrapper.style.height = `${viewport.height}px`;
  wrapper.style.setProperty("--scale-factor", String(viewport.scale));
  wrapper.style.setProperty("--user-unit", "1");
  wrapper.style.setProperty("--total-scale-factor", String(viewport.scale));
  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  canvas.setAttribute("aria-hidden", "true");
  const text = document.createElement("div");
  text.className = "textLayer";
  wrapper.append(canvas, text);
  pages.append(wrapper);
  await page.render({
    canvas,
    canvasContext: canvas.getContext("2d"),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  const layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
  await layer.render();
}

function followSelection(root, form) {
  const button = root.querySelector("[data-note-selection]");
  let chosen = null;
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    const page = selection && !selection.isCollapsed ? pageOf(selection.anchorNode) : null;
    const quote = page ? selection.toString().replace(/\s+/g, " ").trim() : "";
    if (page && quote && root.contains(page)) {
      chosen = { page, quote };
      button.hidden = false;
    } else if (!button.matches(":focus")) {
      button.hidden = true;
    }
  });
  button.addEventListener("click", () => {
    if (!chosen) {
      return;
    }
    const around = context(chosen.page, chosen.quote);
    form.querySelector("[name=quote]").value = chosen.quote;
    form.querySelector("[name=page]").value = chosen.page.dataset.page;
    form.querySelector("[name=prefix]").value = around.prefix;
    form.querySelector("[name=suffix]").value = around.suffix;
    const note = form.querySelector("[name=text]");
    note.scrollIntoView({ block: "center" });
    note.focus();
  });
}

async function start(root) {
  const status = root.querySelector("[data-viewer-status]");
  const pages = root.querySelector("[data-viewer-pages]");
  const form = document.getElementById("note-form");
  try {
    const pdfjs = await import(root.dataset.library);
    pdfjs.GlobalWorkerOptions.workerSrc = root.dataset.worker;
    // No eval and no scripts from the document: the service's content security policy allows neither.
    const pdf = await pdfjs.getDocument({ url: root.dataset.pdf, isEvalSupported: false, enableScripting: false })
      .promise;
    const width = Math.min(pages.clientWidth || 800, 900);
    for (let number = 1; number <= pdf.numPages; number += 1) {
      status.textContent = `Showing page ${number} of ${pdf.numPages}…`;
      await renderPage(pdfjs, pdf, number, pages, width);
    }
    status.textContent = `${pdf.numPages} page${pdf.numPages === 1 ? "" : "s"}. Select words in the paper to note them.`;
    root.dataset.ready = "true";
  } catch (error) {
    status.textContent = "The paper could not be shown here. Download it instead, and quote the passage below.";
    return;
  }
  document.querySelectorAll("[data-note-quote]").forEach((note) => {
    const page = pages.querySelector(`[data-page="${note.dataset.notePage}"]`);
    const found = page
      ? mark(page, note.dataset.noteQuote, note.id)
      : Array.from(pages.children).some((each) => mark(each, note.dataset.noteQuote, note.id));
    note.dataset.marked = found ? "true" : "false";
  });
  if (form) {
    followSelection(root, form);
  }
}

const viewer = document.querySelector("[data-paper-viewer]");
if (viewer) {
  start(viewer);
}

// A Copy button beside a field shown once (a new API token). The button stays hidden
// without script, where selecting the field by hand is the way. Where the Clipboard API
// is refused (a page not served over HTTPS or from localhost), the field is left
// selected for the learner's own Ctrl+C.
for (const button of document.querySelectorAll("button[data-copy]")) button.hidden = false;

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus);
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy it.";
  }
});

// one click in the field selects all of it: a token is copied whole or not at all
for (const field of document.querySelectorAll("input[data-new-token]")) {
  field.addEventListener("focus", () => field.select());
}

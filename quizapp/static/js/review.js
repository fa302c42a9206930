// Review keys: Space reveals, 1-4 rate, Z or Ctrl+Z undoes. The time from showing the
// card to rating it is sent along, as FSRS review logs keep it.
const shownAt = performance.now();
document.addEventListener("keydown", (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
  const back = document.getElementById("back");
  const key = event.key.toLowerCase();
  if (key === "z" && (!event.altKey && !event.metaKey)) {
    const undo = document.getElementById("undo");
    if (undo) { undo.click(); event.preventDefault(); }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (key === " " && back && back.hidden) {
    reveal();
    event.preventDefault();
    return;
  }
  if (/^[1-4]$/.test(key) && back && !back.hidden) {
    const button = back.querySelector(`button[data-key="${key}"]`);
    if (button) { button.click(); event.preventDefault(); }
  }
});

function reveal() {
  const back = document.getElementById("back");
  const link = document.getElementById("reveal");
  if (!back) return;
  back.hidden = false;
  if (link) link.closest("p").remove();
  const first = back.querySelector('button[data-key="3"]');
  if (first) first.focus();
}

document.addEventListener("click", (event) => {
  if (event.target.closest("#reveal")) { reveal(); event.preventDefault(); }
});

document.addEventListener("submit", (event) => {
  const duration = document.getElementById("duration");
  if (duration && event.target.id === "rating-form") {
    duration.value = String(Math.round(performance.now() - shownAt));
  }
});

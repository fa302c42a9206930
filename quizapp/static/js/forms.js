// One submit per form. A double click, or a key held down, would send a form twice
// while the first request is on its way: the server keeps its data right either way
// (each write is idempotent or refused as stale), but the learner would then see the
// second answer, which is often "already done". A page restored by the back button
// (the back-forward cache) may be submitted again.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.method.toLowerCase() !== "post") return;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = "yes";
  form.setAttribute("aria-busy", "true");
});

window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const form of document.querySelectorAll("form[data-sent]")) {
    delete form.dataset.sent;
    form.removeAttribute("aria-busy");
  }
});

// "Show in article" jumps to the source sentence (a plain anchor, which works without
// this script); this adds a link next to the sentence that leads back to the question.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-question]");
  if (!link) return;
  const sentence = document.getElementById(link.hash.slice(1));
  if (!sentence) return;
  document.querySelectorAll(".back-to-question").forEach((el) => el.remove());
  const back = document.createElement("a");
  back.href = "#" + link.dataset.question;
  back.className = "back-to-question";
  back.textContent = "↩ back to the question";
  sentence.after(back);
  // move focus for keyboard and screen-reader users, as the jump moved the view
  setTimeout(() => sentence.focus({ preventScroll: true }), 0);
});
